/* cl-scheduler-run.c: running the jobs — the scheduler started and stopped, a job's timer
 * tick and retry, the slots of max_concurrent and the FIFO queue behind them, and one
 * run from its start to its end (success, cancellation, or failure and its retry).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-scheduler"

#include "config.h"

#include "cl-scheduler-private.h"


static void start_queued (ClScheduler *self);


static gboolean
timer_cb (gpointer user_data)
{
  ClSchedulerJob *job = user_data;
  ClScheduler *self = job->scheduler;

  g_return_val_if_fail (self != NULL, G_SOURCE_REMOVE);

  if (job->running || job->queued || job->retry_source != NULL) {
    cl_scheduler_job_log (G_LOG_LEVEL_DEBUG, job, "Job %s is still busy; skipping this tick",
                          job->name);
    return G_SOURCE_CONTINUE;
  }
  cl_scheduler_request_run (self, job, FALSE);
  return G_SOURCE_CONTINUE;
}


static gboolean
retry_cb (gpointer user_data)
{
  ClSchedulerJob *job = user_data;
  ClScheduler *self = job->scheduler;

  g_return_val_if_fail (self != NULL, G_SOURCE_REMOVE);

  /* The context keeps the source alive until this dispatch returns. */
  g_clear_pointer (&job->retry_source, g_source_unref);
  job->retry_delay_ms = 0;
  cl_scheduler_request_run (self, job, TRUE);
  return G_SOURCE_REMOVE;
}


void
cl_scheduler_arm_timer (ClScheduler    *self,
                        ClSchedulerJob *job)
{
  cl_scheduler_destroy_source (&job->timer_source);
  if (!self->started || !job->enabled || job->interval_ms == 0)
    return;
  job->timer_source = cl_scheduler_attach_timeout (self, job, job->interval_ms, timer_cb,
                                                   "[credlink] job timer");
}


static void
arm_retry (ClScheduler    *self,
           ClSchedulerJob *job,
           guint           delay_ms)
{
  cl_scheduler_destroy_source (&job->retry_source);
  job->retry_delay_ms = delay_ms;
  job->retry_source = cl_scheduler_attach_timeout (self, job, delay_ms, retry_cb,
                                                   "[credlink] job retry");
}


/* A failed run is retried after the back-off while the job may still run and has retries
 * left; else the job waits for its next tick, with the retry counter reset. */
static void
run_failed (ClScheduler    *self,
            ClSchedulerJob *job,
            const GError   *error)
{
  job->last_result = "failed";
  job->failures++;
  g_free (job->last_error);
  job->last_error = g_strdup (error->message);

  if (job->scheduler == self && self->started && job->enabled &&
      job->retry_attempt < job->max_retries) {
    guint delay = cl_scheduler_backoff_delay (self, job->retry_attempt);

    job->retry_attempt++;
    arm_retry (self, job, delay);
    cl_scheduler_job_log (G_LOG_LEVEL_INFO, job, "Job %s failed: %s; retry %u of %u in %u ms",
                          job->name, error->message, job->retry_attempt, job->max_retries,
                          delay);
  } else if (job->scheduler == self && self->started && job->enabled) {
    job->retry_attempt = 0;
    cl_scheduler_job_log (G_LOG_LEVEL_MESSAGE, job,
                          "Job %s failed: %s; next run at its next interval",
                          job->name, error->message);
  } else {
    job->retry_attempt = 0;
    cl_scheduler_job_log (G_LOG_LEVEL_MESSAGE, job, "Job %s failed: %s",
                          job->name, error->message);
  }
}


static void
run_done_cb (GObject      *source_object,
             GAsyncResult *result,
             gpointer      user_data)
{
  ClScheduler *self = CL_SCHEDULER (source_object);
  g_autoptr(ClSchedulerJob) job = user_data;
  g_autoptr(GError) error = NULL;
  gboolean success;
  gint64 duration;

  success = g_task_propagate_boolean (G_TASK (result), &error);
  duration = g_get_monotonic_time () - job->run_started;

  g_assert (self->n_running > 0);
  self->n_running--;
  job->running = FALSE;
  g_clear_object (&job->cancellable);
  job->completed++;
  job->last_duration = duration;
  job->total_duration += duration;

  if (success) {
    job->last_result = "success";
    job->retry_attempt = 0;
    cl_scheduler_job_log (G_LOG_LEVEL_INFO, job, "Job %s finished in %.1f ms",
                          job->name, duration / 1000.0);
  } else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)) {
    job->last_result = "cancelled";
    job->cancellations++;
    job->retry_attempt = 0;
    cl_scheduler_job_log (G_LOG_LEVEL_INFO, job, "Job %s cancelled after %.1f ms",
                          job->name, duration / 1000.0);
  } else {
    run_failed (self, job, error);
  }

  g_signal_emit (self, cl_scheduler_signals[CL_SCHEDULER_JOB_FINISHED], 0, job->name, success);
  start_queued (self);
}


static void
start_run (ClScheduler    *self,
           ClSchedulerJob *job)
{
  g_autoptr(GTask) task = NULL;

  g_assert (!job->running && !job->queued);

  job->running = TRUE;
  self->n_running++;
  job->cancellable = g_cancellable_new ();
  job->run_started = g_get_monotonic_time ();
  job->last_run = g_get_real_time ();
  job->runs++;
  if (job->next_is_retry)
    job->retries++;
  cl_scheduler_job_log (G_LOG_LEVEL_INFO, job, "Job %s started%s", job->name,
                        job->next_is_retry ? " (retry)" : "");

  /* Push our context so the GTask, and whatever async work the handler starts,
   * report back here even when it is not the thread-default context. */
  g_main_context_push_thread_default (self->context);
  task = g_task_new (self, job->cancellable, run_done_cb, cl_scheduler_job_ref (job));
  g_task_set_source_tag (task, start_run);
  g_task_set_name (task, job->name);
  job->func (g_steal_pointer (&task), job->cancellable, job->user_data);
  g_main_context_pop_thread_default (self->context);
}


static void
start_queued (ClScheduler *self)
{
  while (self->started && self->n_running < self->max_concurrent &&
         !g_queue_is_empty (&self->queue)) {
    g_autoptr(ClSchedulerJob) job = g_queue_pop_head (&self->queue);

    job->queued = FALSE;
    if (job->scheduler == self && job->enabled && !job->running)
      start_run (self, job);
  }
}


void
cl_scheduler_request_run (ClScheduler    *self,
                          ClSchedulerJob *job,
                          gboolean        is_retry)
{
  if (!self->started || !job->enabled || job->running || job->queued)
    return;

  job->next_is_retry = is_retry;
  if (self->n_running < self->max_concurrent) {
    start_run (self, job);
    return;
  }
  job->queued = TRUE;
  g_queue_push_tail (&self->queue, cl_scheduler_job_ref (job));
  cl_scheduler_job_log (G_LOG_LEVEL_INFO, job, "Job %s queued: %u of %u slots busy",
                        job->name, self->n_running, self->max_concurrent);
}


void
cl_scheduler_set_max_concurrent (ClScheduler *self,
                                 guint        max_concurrent)
{
  g_return_if_fail (CL_IS_SCHEDULER (self));
  g_return_if_fail (max_concurrent > 0);

  self->max_concurrent = max_concurrent;
  start_queued (self);
}


/**
 * cl_scheduler_start:
 *
 * Arms the timers of the enabled jobs and runs (or queues, in registration
 * order) those flagged %CL_SCHEDULER_JOB_RUN_ON_START.
 */
void
cl_scheduler_start (ClScheduler *self)
{
  g_return_if_fail (CL_IS_SCHEDULER (self));

  if (self->started)
    return;
  self->started = TRUE;
  cl_scheduler_job_log (G_LOG_LEVEL_INFO, NULL, "Scheduler started (jobs: %u)", self->jobs->len);

  for (guint i = 0; i < self->jobs->len; i++)
    cl_scheduler_arm_timer (self, g_ptr_array_index (self->jobs, i));
  for (guint i = 0; i < self->jobs->len; i++) {
    ClSchedulerJob *job = g_ptr_array_index (self->jobs, i);

    if (job->run_on_start)
      cl_scheduler_request_run (self, job, FALSE);
  }
}


static gboolean
deadline_cb (gpointer user_data)
{
  gboolean *deadline_passed = user_data;

  *deadline_passed = TRUE;
  return G_SOURCE_REMOVE;
}


static char *
running_job_names (ClScheduler *self)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < self->jobs->len; i++) {
    ClSchedulerJob *job = g_ptr_array_index (self->jobs, i);

    if (!job->running)
      continue;
    if (names->len > 0)
      g_string_append (names, ", ");
    g_string_append (names, job->name);
  }
  return g_string_free (g_steal_pointer (&names), FALSE);
}


/**
 * cl_scheduler_stop:
 * @deadline_ms: how long to wait for cancelled runs to finish; 0 not to wait
 *
 * Destroys every timer and retry source, empties the queue and cancels the
 * runs in progress, then iterates the scheduler's context until they have
 * finished or @deadline_ms has passed. No handler is called after this
 * returns (unless the scheduler is started again).
 *
 * Returns: %TRUE if no run was left in progress
 */
gboolean
cl_scheduler_stop (ClScheduler *self,
                   guint        deadline_ms)
{
  g_autofree char *still_running = NULL;
  GSource *deadline_source;
  gboolean deadline_passed = FALSE;

  g_return_val_if_fail (CL_IS_SCHEDULER (self), FALSE);

  if (self->started) {
    self->started = FALSE;
    cl_scheduler_job_log (G_LOG_LEVEL_INFO, NULL, "Scheduler stopping (running: %u, queued: %u)",
                          self->n_running, g_queue_get_length (&self->queue));
    for (guint i = 0; i < self->jobs->len; i++) {
      ClSchedulerJob *job = g_ptr_array_index (self->jobs, i);

      cl_scheduler_job_park (self, job);
      if (job->running) {
        cl_scheduler_job_log (G_LOG_LEVEL_INFO, job, "Cancelling job %s", job->name);
        g_cancellable_cancel (job->cancellable);
      }
    }
  }

  if (self->n_running > 0 && deadline_ms > 0) {
    cl_scheduler_job_log (G_LOG_LEVEL_INFO, NULL,
                          "Waiting up to %u ms for cancelled jobs (running: %u)",
                          deadline_ms, self->n_running);
    deadline_source = g_timeout_source_new (deadline_ms);
    g_source_set_static_name (deadline_source, "[credlink] scheduler stop deadline");
    g_source_set_callback (deadline_source, deadline_cb, &deadline_passed, NULL);
    g_source_attach (deadline_source, self->context);
    while (self->n_running > 0 && !deadline_passed)
      g_main_context_iteration (self->context, TRUE);
    g_source_destroy (deadline_source);
    g_source_unref (deadline_source);
  }

  if (self->n_running > 0) {
    still_running = running_job_names (self);
    cl_scheduler_job_log (G_LOG_LEVEL_MESSAGE, NULL,
                          "Scheduler stop deadline of %u ms passed, still running: %s; "
                          "going on without them", deadline_ms, still_running);
    return FALSE;
  }
  cl_scheduler_job_log (G_LOG_LEVEL_INFO, NULL, "Scheduler stopped");
  return TRUE;
}
