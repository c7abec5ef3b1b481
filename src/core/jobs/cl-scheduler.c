/* cl-scheduler.c: background jobs on a GLib main context — the ClScheduler object.
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
 * This file holds the object, its signals and its counters; cl-scheduler-private.h
 * lists the files that do the rest.
 *
 * All functions must be called from the thread that owns the context.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-scheduler"

#include "config.h"

#include "cl-scheduler-private.h"

G_DEFINE_FINAL_TYPE (ClScheduler, cl_scheduler, G_TYPE_OBJECT)

guint cl_scheduler_signals[CL_SCHEDULER_N_SIGNALS];


static void
cl_scheduler_dispose (GObject *object)
{
  ClScheduler *self = CL_SCHEDULER (object);

  self->started = FALSE;
  for (guint i = 0; i < self->jobs->len; i++) {
    ClSchedulerJob *job = g_ptr_array_index (self->jobs, i);

    cl_scheduler_job_park (self, job);
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
  cl_scheduler_signals[CL_SCHEDULER_JOB_ADDED] =
    g_signal_new ("job-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
  /**
   * ClScheduler::job-finished:
   * @name: the job's name
   * @success: whether the run succeeded
   *
   * Emitted on the scheduler's context after each run.
   */
  cl_scheduler_signals[CL_SCHEDULER_JOB_FINISHED] =
    g_signal_new ("job-finished", G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_BOOLEAN);
}


static void
cl_scheduler_init (ClScheduler *self)
{
  self->jobs = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_scheduler_job_unref);
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


guint
cl_scheduler_get_max_concurrent (ClScheduler *self)
{
  g_return_val_if_fail (CL_IS_SCHEDULER (self), 0);

  return self->max_concurrent;
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
