/* cl-job-thread.c: background jobs whose work is one blocking call in a worker thread.
 *
 * The stores that other parts of CredLink own (proof cache, certificates,
 * revocation cache) register their clean-up this way: a blocking function run
 * through g_task_run_in_thread() on every tick of the scheduler.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-scheduler"

#include "config.h"

#include "cl-job-thread.h"

/* Shared by the job and every task in flight, so that removing the job while
 * a worker still runs never frees the data under it. */
typedef struct
{
  ClJobThreadFunc func;
  gpointer        user_data;
  GDestroyNotify  destroy;
} ThreadJob;


static void
thread_job_clear (gpointer data)
{
  ThreadJob *thread_job = data;

  if (thread_job->destroy != NULL)
    thread_job->destroy (thread_job->user_data);
}


static void
thread_job_release (gpointer data)
{
  g_rc_box_release_full (data, thread_job_clear);
}


static void
worker (GTask        *task,
        gpointer      source_object,
        gpointer      task_data,
        GCancellable *cancellable)
{
  ThreadJob *thread_job = task_data;
  g_autoptr(GError) error = NULL;

  if (g_cancellable_set_error_if_cancelled (cancellable, &error) ||
      !thread_job->func (thread_job->user_data, cancellable, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}


static void
run_thread_job (GTask        *task,
                GCancellable *cancellable,
                gpointer      user_data)
{
  g_autoptr(GTask) owned_task = task;

  g_task_set_task_data (owned_task, g_rc_box_acquire (user_data), thread_job_release);
  g_task_run_in_thread (owned_task, worker);
}


/**
 * cl_scheduler_add_thread_job:
 *
 * Like cl_scheduler_add_job(), for work that is a single blocking call: @func
 * runs in a GTask worker thread on each run. @destroy frees @user_data once the
 * job is removed and no worker uses it any more. On failure @destroy is called
 * on @user_data.
 */
gboolean
cl_scheduler_add_thread_job (ClScheduler          *scheduler,
                             const char           *name,
                             guint                 interval_ms,
                             guint                 max_retries,
                             ClSchedulerJobFlags   flags,
                             ClJobThreadFunc       func,
                             gpointer              user_data,
                             GDestroyNotify        destroy,
                             GError              **error)
{
  ThreadJob *thread_job;

  g_return_val_if_fail (CL_IS_SCHEDULER (scheduler), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  thread_job = g_rc_box_new0 (ThreadJob);
  thread_job->func = func;
  thread_job->user_data = user_data;
  thread_job->destroy = destroy;
  return cl_scheduler_add_job (scheduler, name, interval_ms, max_retries, flags,
                               run_thread_job, thread_job, thread_job_release, error);
}
