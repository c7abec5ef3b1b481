/* cl-scheduler.c: background jobs on a GLib main context.
 *
 * Each enabled job owns a repeating timeout source on the scheduler's context.
 * When it fires, the job runs unless it is still busy (running, queued or
 * waiting for a retry): a job never overlaps itself. At most max_concurrent
 * jobs run at once; further runs wait in a FIFO queue and start as slots free
 * up. A failed run is retried after min (base × 2^n, cap) minus jitter, up to
 * max_retries times (0: never), after which the job waits for its next tick
 * with the retry counter reset. Every source the scheduler attaches is kept
 * in the job and destroyed on disable, removal and stop.
 *
 * All functions must be called from the thread that owns the context.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-scheduler"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-error.h"
#include "cl-scheduler-private.h"

G_DEFINE_FINAL_TYPE (ClScheduler, cl_scheduler, G_TYPE_OBJECT)

enum {
  JOB_ADDED,
  JOB_FINISHED,
  N_SIGNALS,
};

static guint signals[N_SIGNALS];


static ClSchedulerJob *
job_ref (ClSchedulerJob *job)
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


static void
job_unref (ClSchedulerJob *job)
{
  g_rc_box_release_full (job, job_clear);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClSchedulerJob, job_unref)


static void log_job (GLogLevelFlags  level,
                     ClSchedulerJob *job,
                     const char     *format,
                     ...) G_GNUC_PRINTF (3, 4);

/* Structured log line; the CREDLINK_JOB* fields carry the job's metrics, so that
 * journalctl CREDLINK_JOB=trust-refresh shows one job's history. */
static void
log_job (GLogLevelFlags  level,
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


static ClSchedulerJob *
find_job (ClScheduler *self,
          const char  *name)
{
  for (guint i = 0; i < self->jobs->len; i++) {
    ClSchedulerJob *job = g_ptr_array_index (self->jobs, i);

    if (g_strcmp0 (job->name, name) == 0)
      return job;
  }
  return NULL;
}


static void
destroy_source (GSource **source)
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
    job_unref (job);
}


/* Takes the job off the context entirely: no timer, no retry, not queued. */
static void
park_job (ClScheduler    *self,
          ClSchedulerJob *job)
{
  destroy_source (&job->timer_source);
  destroy_source (&job->retry_source);
  job->retry_delay_ms = 0;
  job->retry_attempt = 0;
  unqueue_job (self, job);
}


static void start_queued (ClScheduler    *self);
static void request_run  (ClScheduler    *self,
                          ClSchedulerJob *job,
                          gboolean        is_retry);


static gboolean
timer_cb (gpointer user_data)
{
  ClSchedulerJob *job = user_data;
  ClScheduler *self = job->scheduler;

  g_return_val_if_fail (self != NULL, G_SOURCE_REMOVE);

  if (job->running || job->queued || job->retry_source != NULL) {
    log_job (G_LOG_LEVEL_DEBUG, job, "Job %s is still busy; skipping this tick", job->name);
    return G_SOURCE_CONTINUE;
  }
  request_run (self, job, FALSE);
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
  request_run (self, job, TRUE);
  return G_SOURCE_REMOVE;
}


static GSource *
attach_timeout (ClScheduler    *self,
                ClSchedulerJob *job,
                guint           interval_ms,
                GSourceFunc     callback,
                const char     *source_name)
{
  GSource *source;

  /* Whole seconds let GLib batch wake-ups with other second timers. */
  if (interval_ms >= 1000 && interval_ms % 1000 == 0)
    source = g_timeout_source_new_seconds (interval_ms / 1000);
  else
    source = g_timeout_source_new (interval_ms);
  g_source_set_static_name (source, source_name);
  g_source_set_callback (source, callback, job_ref (job), (GDestroyNotify) job_unref);
  g_source_attach (source, self->context);
  return source;
}


static void
arm_timer (ClScheduler    *self,
           ClSchedulerJob *job)
{
  destroy_source (&job->timer_source);
  if (!self->started || !job->enabled || job->interval_ms == 0)
    return;
  job->timer_source = attach_timeout (self, job, job->interval_ms, timer_cb,
                                      "[credlink] job timer");
}


static void
arm_retry (ClScheduler    *self,
           ClSchedulerJob *job,
           guint           delay_ms)
{
  destroy_source (&job->retry_source);
  job->retry_delay_ms = delay_ms;
  job->retry_source = attach_timeout (self, job, delay_ms, retry_cb, "[credlink] job retry");
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
    log_job (G_LOG_LEVEL_INFO, job, "Job %s finished in %.1f ms",
             job->name, duration / 1000.0);
  } else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)) {
    job->last_result = "cancelled";
    job->cancellations++;
    job->retry_attempt = 0;
    log_job (G_LOG_LEVEL_INFO, job, "Job %s cancelled after %.1f ms",
             job->name, duration / 1000.0);
  } else {
    job->last_result = "failed";
    job->failures++;
    g_free (job->last_error);
    job->last_error = g_strdup (error->message);

    if (job->scheduler == self && self->started && job->enabled &&
        job->retry_attempt < job->max_retries) {
      guint delay = cl_scheduler_backoff_delay (self, job->retry_attempt);

      job->retry_attempt++;
      arm_retry (self, job, delay);
      log_job (G_LOG_LEVEL_INFO, job, "Job %s failed: %s; retry %u of %u in %u ms",
               job->name, error->message, job->retry_attempt, job->max_retries, delay);
    } else if (job->scheduler == self && self->started && job->enabled) {
      job->retry_attempt = 0;
      log_job (G_LOG_LEVEL_MESSAGE, job, "Job %s failed: %s; next run at its next interval",
               job->name, error->message);
    } else {
      job->retry_attempt = 0;
      log_job (G_LOG_LEVEL_MESSAGE, job, "Job %s failed: %s", job->name, error->message);
    }
  }

  g_signal_emit (self, signals[JOB_FINISHED], 0, job->name, success);
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
  log_job (G_LOG_LEVEL_INFO, job, "Job %s started%s", job->name,
           job->next_is_retry ? " (retry)" : "");

  /* Push our context so the GTask, and whatever async work the handler starts,
   * report back here even when it is not the thread-default context. */
  g_main_context_push_thread_default (self->context);
  task = g_task_new (self, job->cancellable, run_done_cb, job_ref (job));
  g_task_set_source_tag (task, start_run);
  g_task_set_name (task, job->name);
  job->func (g_steal_pointer (&task), job->cancellable, job->user_data);
  g_main_context_pop_thread_default (self->context);
}


static void
request_run (ClScheduler    *self,
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
  g_queue_push_tail (&self->queue, job_ref (job));
  log_job (G_LOG_LEVEL_INFO, job, "Job %s queued: %u of %u slots busy",
           job->name, self->n_running, self->max_concurrent);
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


static void
cl_scheduler_dispose (GObject *object)
{
  ClScheduler *self = CL_SCHEDULER (object);

  self->started = FALSE;
  for (guint i = 0; i < self->jobs->len; i++) {
    ClSchedulerJob *job = g_ptr_array_index (self->jobs, i);

    park_job (self, job);
    job->scheduler = NULL;
  }
  g_ptr_array_set_size (self->jobs, 0);

  G_OBJECT_CLASS (cl_scheduler_parent_class)->dispose (object);
}


static void
cl_scheduler_finalize (GObject *object)
{
  ClScheduler *self = CL_SCHEDULER (object);

  g_clear_pointer (&self->jobs, g_ptr_array_unref);
  g_clear_pointer (&self->context, g_main_context_unref);

  G_OBJECT_CLASS (cl_scheduler_parent_class)->finalize (object);
}


static void
cl_scheduler_class_init (ClSchedulerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cl_scheduler_dispose;
  object_class->finalize = cl_scheduler_finalize;

  /**
   * ClScheduler::job-added:
   * @name: the job's name
   *
   * Emitted after a job was registered, so that settings can be applied to it.
   */
  signals[JOB_ADDED] = g_signal_new ("job-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL,
                                     G_TYPE_NONE, 1, G_TYPE_STRING);
  /**
   * ClScheduler::job-finished:
   * @name: the job's name
   * @success: whether the run succeeded
   *
   * Emitted on the scheduler's context after each run.
   */
  signals[JOB_FINISHED] = g_signal_new ("job-finished", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_BOOLEAN);
}


static void
cl_scheduler_init (ClScheduler *self)
{
  self->jobs = g_ptr_array_new_with_free_func ((GDestroyNotify) job_unref);
  g_queue_init (&self->queue);
  self->max_concurrent = CL_SCHEDULER_DEFAULT_MAX_CONCURRENT;
  self->backoff_base_ms = CL_SCHEDULER_DEFAULT_BACKOFF_BASE_MS;
  self->backoff_cap_ms = CL_SCHEDULER_DEFAULT_BACKOFF_CAP_MS;
  self->jitter = CL_SCHEDULER_DEFAULT_JITTER;
}


/**
 * cl_scheduler_new:
 * @context: (nullable): the context the jobs' sources attach to; %NULL for the
 *   thread-default context of the caller
 */
ClScheduler *
cl_scheduler_new (GMainContext *context)
{
  ClScheduler *self = g_object_new (CL_TYPE_SCHEDULER, NULL);

  self->context = context != NULL ? g_main_context_ref (context)
                                  : g_main_context_ref_thread_default ();
  return self;
}


GMainContext *
cl_scheduler_get_context (ClScheduler *self)
{
  g_return_val_if_fail (CL_IS_SCHEDULER (self), NULL);

  return self->context;
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


guint
cl_scheduler_get_max_concurrent (ClScheduler *self)
{
  g_return_val_if_fail (CL_IS_SCHEDULER (self), 0);

  return self->max_concurrent;
}


/**
 * cl_scheduler_set_backoff:
 * @base_ms: delay before the first retry
 * @cap_ms: longest delay
 * @jitter: fraction in [0, 1) of the delay that is randomly taken off
 */
void
cl_scheduler_set_backoff (ClScheduler *self,
                          guint        base_ms,
                          guint        cap_ms,
                          double       jitter)
{
  g_return_if_fail (CL_IS_SCHEDULER (self));
  g_return_if_fail (base_ms > 0 && cap_ms >= base_ms);
  g_return_if_fail (jitter >= 0.0 && jitter < 1.0);

  self->backoff_base_ms = base_ms;
  self->backoff_cap_ms = cap_ms;
  self->jitter = jitter;
}


/**
 * cl_scheduler_backoff_delay:
 * @attempt: retries already made in this chain (0 for the first retry)
 *
 * Returns: min (base × 2^attempt, cap) in milliseconds, minus a random share
 *   of at most the jitter fraction (never below 1 ms), so that jobs failing
 *   together do not retry in lockstep
 */
guint
cl_scheduler_backoff_delay (ClScheduler *self,
                            guint        attempt)
{
  guint64 delay;

  g_return_val_if_fail (CL_IS_SCHEDULER (self), 0);

  delay = self->backoff_base_ms;
  for (guint i = 0; i < attempt && delay < self->backoff_cap_ms; i++)
    delay *= 2;
  delay = MIN (delay, self->backoff_cap_ms);
  if (self->jitter > 0.0)
    delay -= (guint64) (delay * g_random_double_range (0.0, self->jitter));
  return (guint) MAX (delay, 1);
}


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

  if (find_job (self, name) != NULL) {
    if (destroy != NULL)
      destroy (user_data);
    g_set_error (error, CL_SCHEDULER_ERROR, CL_SCHEDULER_ERROR_DUPLICATE_JOB,
                 _("A background job named “%s” already exists"), name);
    return FALSE;
  }

  job = g_rc_box_new0 (ClSchedulerJob);
  job->scheduler = self;
  job->name = g_strdup (name);
  job->interval_ms = interval_ms;
  job->max_retries = max_retries;
  job->enabled = (flags & CL_SCHEDULER_JOB_ENABLED) != 0;
  job->run_on_start = (flags & CL_SCHEDULER_JOB_RUN_ON_START) != 0;
  job->func = func;
  job->user_data = user_data;
  job->destroy = destroy;
  g_ptr_array_add (self->jobs, job);

  log_job (G_LOG_LEVEL_DEBUG, job, "Job %s registered: every %u ms, %u retries, %s",
           name, interval_ms, max_retries, job->enabled ? "enabled" : "disabled");
  arm_timer (self, job);
  g_signal_emit (self, signals[JOB_ADDED], 0, name);
  return TRUE;
}


gboolean
cl_scheduler_remove_job (ClScheduler *self,
                         const char  *name)
{
  ClSchedulerJob *job;

  g_return_val_if_fail (CL_IS_SCHEDULER (self), FALSE);

  job = find_job (self, name);
  if (job == NULL)
    return FALSE;
  park_job (self, job);
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

  return find_job (self, name) != NULL;
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

  job = find_job (self, name);
  if (job == NULL)
    return FALSE;
  enabled = !!enabled;
  if (job->enabled == enabled)
    return TRUE;

  job->enabled = enabled;
  log_job (G_LOG_LEVEL_INFO, job, "Job %s %s", name, enabled ? "enabled" : "disabled");
  if (!enabled) {
    park_job (self, job);
    if (job->running)
      g_cancellable_cancel (job->cancellable);
    return TRUE;
  }
  arm_timer (self, job);
  if (job->run_on_start)
    request_run (self, job, FALSE);
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

  job = find_job (self, name);
  if (job == NULL)
    return FALSE;
  if (job->interval_ms == interval_ms)
    return TRUE;
  job->interval_ms = interval_ms;
  log_job (G_LOG_LEVEL_INFO, job, "Job %s now runs every %u ms", name, interval_ms);
  arm_timer (self, job);
  return TRUE;
}


gboolean
cl_scheduler_set_job_max_retries (ClScheduler *self,
                                  const char  *name,
                                  guint        max_retries)
{
  ClSchedulerJob *job;

  g_return_val_if_fail (CL_IS_SCHEDULER (self), FALSE);

  job = find_job (self, name);
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

  job = find_job (self, name);
  if (job == NULL)
    return FALSE;
  if (!self->started || !job->enabled || job->running || job->queued)
    return TRUE;
  is_retry = job->retry_source != NULL;
  destroy_source (&job->retry_source);
  job->retry_delay_ms = 0;
  request_run (self, job, is_retry);
  return TRUE;
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
  log_job (G_LOG_LEVEL_INFO, NULL, "Scheduler started (jobs: %u)", self->jobs->len);

  for (guint i = 0; i < self->jobs->len; i++)
    arm_timer (self, g_ptr_array_index (self->jobs, i));
  for (guint i = 0; i < self->jobs->len; i++) {
    ClSchedulerJob *job = g_ptr_array_index (self->jobs, i);

    if (job->run_on_start)
      request_run (self, job, FALSE);
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
    log_job (G_LOG_LEVEL_INFO, NULL, "Scheduler stopping (running: %u, queued: %u)",
             self->n_running, g_queue_get_length (&self->queue));
    for (guint i = 0; i < self->jobs->len; i++) {
      ClSchedulerJob *job = g_ptr_array_index (self->jobs, i);

      park_job (self, job);
      if (job->running) {
        log_job (G_LOG_LEVEL_INFO, job, "Cancelling job %s", job->name);
        g_cancellable_cancel (job->cancellable);
      }
    }
  }

  if (self->n_running > 0 && deadline_ms > 0) {
    log_job (G_LOG_LEVEL_INFO, NULL, "Waiting up to %u ms for cancelled jobs (running: %u)",
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
    log_job (G_LOG_LEVEL_MESSAGE, NULL,
             "Scheduler stop deadline of %u ms passed, still running: %s; "
             "going on without them", deadline_ms, still_running);
    return FALSE;
  }
  log_job (G_LOG_LEVEL_INFO, NULL, "Scheduler stopped");
  return TRUE;
}


gboolean
cl_scheduler_is_started (ClScheduler *self)
{
  g_return_val_if_fail (CL_IS_SCHEDULER (self), FALSE);

  return self->started;
}


guint
cl_scheduler_get_n_running (ClScheduler *self)
{
  g_return_val_if_fail (CL_IS_SCHEDULER (self), 0);

  return self->n_running;
}


guint
cl_scheduler_get_n_queued (ClScheduler *self)
{
  g_return_val_if_fail (CL_IS_SCHEDULER (self), 0);

  return g_queue_get_length (&self->queue);
}
