/* cl-scheduler-job.c: one background job's record — made, referenced by every source
 * and queue entry that waits for it, logged with its metrics, found by name, and
 * taken off the scheduler's context.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-scheduler"

#include "config.h"

#include "cl-scheduler-private.h"


ClSchedulerJob *
cl_scheduler_job_new (ClScheduler          *self,
                      const char           *name,
                      guint                 interval_ms,
                      guint                 max_retries,
                      ClSchedulerJobFlags   flags,
                      ClSchedulerJobFunc    func,
                      gpointer              user_data,
                      GDestroyNotify        destroy)
{
  ClSchedulerJob *job = g_rc_box_new0 (ClSchedulerJob);

  job->scheduler = self;
  job->name = g_strdup (name);
  job->interval_ms = interval_ms;
  job->max_retries = max_retries;
  job->enabled = (flags & CL_SCHEDULER_JOB_ENABLED) != 0;
  job->run_on_start = (flags & CL_SCHEDULER_JOB_RUN_ON_START) != 0;
  job->func = func;
  job->user_data = user_data;
  job->destroy = destroy;
  return job;
}


ClSchedulerJob *
cl_scheduler_job_ref (ClSchedulerJob *job)
{
  return g_rc_box_acquire (job);
}


static void
job_clear (gpointer data)
{
  ClSchedulerJob *job = data;

  g_assert (job->timer_source == NULL && job->retry_source == NULL);
  g_assert (job->cancellable == NULL);
  if (job->destroy != NULL)
    job->destroy (job->user_data);
  g_free (job->name);
  g_free (job->last_error);
}


void
cl_scheduler_job_unref (ClSchedulerJob *job)
{
  g_rc_box_release_full (job, job_clear);
}


/* Structured log line; the CREDLINK_JOB* fields carry the job's metrics, so that
 * journalctl CREDLINK_JOB=trust-refresh shows one job's history. job may be NULL for
 * a line about the whole scheduler. */
void
cl_scheduler_job_log (GLogLevelFlags  level,
                      ClSchedulerJob *job,
                      const char     *format,
                      ...)
{
  g_autofree char *message = NULL;
  g_autofree char *runs = NULL;
  g_autofree char *failures = NULL;
  g_autofree char *retries = NULL;
  g_autofree char *duration = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  if (job == NULL) {
    g_log_structured (G_LOG_DOMAIN, level, "MESSAGE", "%s", message);
    return;
  }
  runs = g_strdup_printf ("%" G_GUINT64_FORMAT, job->runs);
  failures = g_strdup_printf ("%" G_GUINT64_FORMAT, job->failures);
  retries = g_strdup_printf ("%" G_GUINT64_FORMAT, job->retries);
  duration = g_strdup_printf ("%" G_GINT64_FORMAT, job->last_duration);
  /* Only MESSAGE takes a format; the other values are plain strings. */
  g_log_structured (G_LOG_DOMAIN, level,
                    "CREDLINK_JOB", job->name,
                    "CREDLINK_JOB_RUNS", runs,
                    "CREDLINK_JOB_FAILURES", failures,
                    "CREDLINK_JOB_RETRIES", retries,
                    "CREDLINK_JOB_LAST_DURATION_US", duration,
                    "MESSAGE", "%s", message);
}


ClSchedulerJob *
cl_scheduler_find_job (ClScheduler *self,
                       const char  *name)
{
  for (guint i = 0; i < self->jobs->len; i++) {
    ClSchedulerJob *job = g_ptr_array_index (self->jobs, i);

    if (g_strcmp0 (job->name, name) == 0)
      return job;
  }
  return NULL;
}


void
cl_scheduler_destroy_source (GSource **source)
{
  if (*source == NULL)
    return;
  g_source_destroy (*source);
  g_clear_pointer (source, g_source_unref);
}


static void
unqueue_job (ClScheduler    *self,
             ClSchedulerJob *job)
{
  if (!job->queued)
    return;
  job->queued = FALSE;
  if (g_queue_remove (&self->queue, job))
    cl_scheduler_job_unref (job);
}


/* Takes the job off the context entirely: no timer, no retry, not queued. */
void
cl_scheduler_job_park (ClScheduler    *self,
                       ClSchedulerJob *job)
{
  cl_scheduler_destroy_source (&job->timer_source);
  cl_scheduler_destroy_source (&job->retry_source);
  job->retry_delay_ms = 0;
  job->retry_attempt = 0;
  unqueue_job (self, job);
}
