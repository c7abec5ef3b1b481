/* cl-scheduler-registry.c: the jobs of a scheduler — added, removed, enabled or disabled,
 * given a new interval or number of retries, and run on demand.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-scheduler"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-error.h"
#include "cl-scheduler-private.h"


/**
 * cl_scheduler_add_job:
 * @name: unique name, also used for the settings keys job-<name>-*
 * @interval_ms: time between runs; 0 for no timer (runs only on start or on demand)
 * @max_retries: retries after a failed run; 0 means none
 * @flags: %CL_SCHEDULER_JOB_ENABLED, %CL_SCHEDULER_JOB_RUN_ON_START
 * @func: the handler
 * @destroy: (nullable): frees @user_data when the job is gone
 *
 * Registers a job. When the scheduler already runs, its timer starts now.
 * On failure @destroy is called on @user_data.
 */
gboolean
cl_scheduler_add_job (ClScheduler          *self,
                      const char           *name,
                      guint                 interval_ms,
                      guint                 max_retries,
                      ClSchedulerJobFlags   flags,
                      ClSchedulerJobFunc    func,
                      gpointer              user_data,
                      GDestroyNotify        destroy,
                      GError              **error)
{
  ClSchedulerJob *job;

  g_return_val_if_fail (CL_IS_SCHEDULER (self), FALSE);
  g_return_val_if_fail (name != NULL && func != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (cl_scheduler_find_job (self, name) != NULL) {
    if (destroy != NULL)
      destroy (user_data);
    g_set_error (error, CL_SCHEDULER_ERROR, CL_SCHEDULER_ERROR_DUPLICATE_JOB,
                 _("A background job named “%s” already exists"), name);
    return FALSE;
  }

  job = cl_scheduler_job_new (self, name, interval_ms, max_retries, flags, func, user_data,
                              destroy);
  g_ptr_array_add (self->jobs, job);

  cl_scheduler_job_log (G_LOG_LEVEL_DEBUG, job, "Job %s registered: every %u ms, %u retries, %s",
                        name, interval_ms, max_retries, job->enabled ? "enabled" : "disabled");
  cl_scheduler_arm_timer (self, job);
  g_signal_emit (self, cl_scheduler_signals[CL_SCHEDULER_JOB_ADDED], 0, name);
  return TRUE;
}


gboolean
cl_scheduler_remove_job (ClScheduler *self,
                         const char  *name)
{
  ClSchedulerJob *job;

  g_return_val_if_fail (CL_IS_SCHEDULER (self), FALSE);

  job = cl_scheduler_find_job (self, name);
  if (job == NULL)
    return FALSE;
  cl_scheduler_job_park (self, job);
  if (job->running)
    g_cancellable_cancel (job->cancellable);
  job->scheduler = NULL;
  g_ptr_array_remove (self->jobs, job);
  return TRUE;
}


gboolean
cl_scheduler_has_job (ClScheduler *self,
                      const char  *name)
{
  g_return_val_if_fail (CL_IS_SCHEDULER (self), FALSE);

  return cl_scheduler_find_job (self, name) != NULL;
}


/**
 * cl_scheduler_set_job_enabled:
 *
 * Disabling removes the job's timer and pending retry, takes it off the queue
 * and cancels a run in progress. Enabling arms the timer and, for a job with
 * %CL_SCHEDULER_JOB_RUN_ON_START, runs it now.
 *
 * Returns: %FALSE if there is no such job
 */
gboolean
cl_scheduler_set_job_enabled (ClScheduler *self,
                              const char  *name,
                              gboolean     enabled)
{
  ClSchedulerJob *job;

  g_return_val_if_fail (CL_IS_SCHEDULER (self), FALSE);

  job = cl_scheduler_find_job (self, name);
  if (job == NULL)
    return FALSE;
  enabled = !!enabled;
  if (job->enabled == enabled)
    return TRUE;

  job->enabled = enabled;
  cl_scheduler_job_log (G_LOG_LEVEL_INFO, job, "Job %s %s", name, enabled ? "enabled" : "disabled");
  if (!enabled) {
    cl_scheduler_job_park (self, job);
    if (job->running)
      g_cancellable_cancel (job->cancellable);
    return TRUE;
  }
  cl_scheduler_arm_timer (self, job);
  if (job->run_on_start)
    cl_scheduler_request_run (self, job, FALSE);
  return TRUE;
}


/* The new period starts now. */
gboolean
cl_scheduler_set_job_interval (ClScheduler *self,
                               const char  *name,
                               guint        interval_ms)
{
  ClSchedulerJob *job;

  g_return_val_if_fail (CL_IS_SCHEDULER (self), FALSE);

  job = cl_scheduler_find_job (self, name);
  if (job == NULL)
    return FALSE;
  if (job->interval_ms == interval_ms)
    return TRUE;
  job->interval_ms = interval_ms;
  cl_scheduler_job_log (G_LOG_LEVEL_INFO, job, "Job %s now runs every %u ms", name, interval_ms);
  cl_scheduler_arm_timer (self, job);
  return TRUE;
}


gboolean
cl_scheduler_set_job_max_retries (ClScheduler *self,
                                  const char  *name,
                                  guint        max_retries)
{
  ClSchedulerJob *job;

  g_return_val_if_fail (CL_IS_SCHEDULER (self), FALSE);

  job = cl_scheduler_find_job (self, name);
  if (job == NULL)
    return FALSE;
  job->max_retries = max_retries;
  return TRUE;
}


/**
 * cl_scheduler_run_job_now:
 *
 * Runs an enabled job now, or queues it when all slots are busy. A pending
 * retry is brought forward. Nothing happens while the job runs or waits in
 * the queue, or before cl_scheduler_start().
 *
 * Returns: %FALSE if there is no such job
 */
gboolean
cl_scheduler_run_job_now (ClScheduler *self,
                          const char  *name)
{
  ClSchedulerJob *job;
  gboolean is_retry;

  g_return_val_if_fail (CL_IS_SCHEDULER (self), FALSE);

  job = cl_scheduler_find_job (self, name);
  if (job == NULL)
    return FALSE;
  if (!self->started || !job->enabled || job->running || job->queued)
    return TRUE;
  is_retry = job->retry_source != NULL;
  cl_scheduler_destroy_source (&job->retry_source);
  job->retry_delay_ms = 0;
  cl_scheduler_request_run (self, job, is_retry);
  return TRUE;
}
