/* cl-test-scheduler.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cl-test-scheduler.h"


static void
fixture_set_up (ClTestSchedulerFixture *fixture,
                gconstpointer           data)
{
  fixture->context = g_main_context_new ();
  fixture->scheduler = cl_scheduler_new (fixture->context);
  cl_scheduler_set_backoff (fixture->scheduler, 1, 8, 0.0);
  fixture->finished = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < G_N_ELEMENTS (fixture->jobs); i++) {
    fixture->jobs[i].held = g_ptr_array_new ();
    fixture->jobs[i].gaps = g_array_new (FALSE, FALSE, sizeof (gint64));
  }
}


static void
fixture_tear_down (ClTestSchedulerFixture *fixture,
                   gconstpointer           data)
{
  g_assert_true (cl_scheduler_stop (fixture->scheduler, 2000));
  g_clear_object (&fixture->scheduler);
  for (guint i = 0; i < G_N_ELEMENTS (fixture->jobs); i++) {
    ClTestJob *job = &fixture->jobs[i];

    g_assert_cmpuint (job->held->len, ==, 0);
    g_ptr_array_unref (job->held);
    g_array_unref (job->gaps);
  }
  g_ptr_array_unref (fixture->finished);
  while (g_main_context_iteration (fixture->context, FALSE))
    ;
  g_main_context_unref (fixture->context);
}


void
cl_test_scheduler_add (const char          *path,
                       gconstpointer        data,
                       ClTestSchedulerFunc  func)
{
  g_test_add (path, ClTestSchedulerFixture, data, fixture_set_up, func, fixture_tear_down);
}


static void
finish_run (ClTestJob *job,
            GTask     *task,
            GError    *error)
{
  job->running--;
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
  g_object_unref (task);
}


static gboolean
held_cancelled_cb (GCancellable *cancellable,
                   gpointer      user_data)
{
  ClTestJob *job = user_data;

  for (guint i = 0; i < job->held->len; i++) {
    GTask *task = g_ptr_array_index (job->held, i);

    if (g_task_get_cancellable (task) == cancellable) {
      g_ptr_array_remove_index (job->held, i);
      finish_run (job, task, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                                  "cancelled"));
      break;
    }
  }
  return G_SOURCE_REMOVE;
}


void
cl_test_job_run (GTask        *task,
                 GCancellable *cancellable,
                 gpointer      user_data)
{
  ClTestJob *job = user_data;
  gint64 now = g_get_monotonic_time ();
  GSource *source;

  if (job->calls > 0) {
    gint64 gap = now - job->last_call;

    g_array_append_val (job->gaps, gap);
  }
  job->last_call = now;
  job->calls++;
  job->running++;
  job->max_running = MAX (job->max_running, job->running);

  switch (job->behaviour) {
  case CL_TEST_JOB_SUCCEED:
    finish_run (job, task, NULL);
    break;
  case CL_TEST_JOB_FAIL:
    finish_run (job, task, g_error_new (G_IO_ERROR, G_IO_ERROR_FAILED, "failure %u", job->calls));
    break;
  case CL_TEST_JOB_HOLD:
    g_ptr_array_add (job->held, task);
    /* Attached to the thread-default context, which the scheduler pushed. */
    source = g_cancellable_source_new (cancellable);
    g_source_set_callback (source, G_SOURCE_FUNC (held_cancelled_cb), job, NULL);
    g_source_attach (source, g_main_context_get_thread_default ());
    g_source_unref (source);
    break;
  case CL_TEST_JOB_HOLD_IGNORE_CANCEL:
    g_ptr_array_add (job->held, task);
    break;
  default:
    g_assert_not_reached ();
  }
}


void
cl_test_job_destroy (gpointer user_data)
{
  ClTestJob *job = user_data;

  job->destroyed++;
}


void
cl_test_job_release_oldest (ClTestJob *job)
{
  GTask *task;

  g_assert_cmpuint (job->held->len, >, 0);
  task = g_ptr_array_steal_index (job->held, 0);
  finish_run (job, task, NULL);
}


void
cl_test_scheduler_add_job (ClTestSchedulerFixture *fixture,
                           guint                   index,
                           const char             *name,
                           ClTestJobBehaviour      behaviour,
                           guint                   interval_ms,
                           guint                   max_retries,
                           ClSchedulerJobFlags     flags)
{
  g_autoptr(GError) error = NULL;

  fixture->jobs[index].behaviour = behaviour;
  g_assert_true (cl_scheduler_add_job (fixture->scheduler, name, interval_ms, max_retries, flags,
                                       cl_test_job_run, &fixture->jobs[index],
                                       cl_test_job_destroy, &error));
  g_assert_no_error (error);
}


static gboolean
flag_cb (gpointer user_data)
{
  gboolean *flag = user_data;

  *flag = TRUE;
  return G_SOURCE_REMOVE;
}


void
cl_test_scheduler_spin_until (ClTestSchedulerFixture   *fixture,
                              ClTestSchedulerCondition  condition)
{
  gboolean timed_out = FALSE;
  GSource *guard = g_timeout_source_new (10000);

  g_source_set_callback (guard, flag_cb, &timed_out, NULL);
  g_source_attach (guard, fixture->context);
  while (!condition (fixture) && !timed_out)
    g_main_context_iteration (fixture->context, TRUE);
  g_source_destroy (guard);
  g_source_unref (guard);
  g_assert_false (timed_out);
}


void
cl_test_scheduler_spin_for (ClTestSchedulerFixture *fixture,
                            guint                   ms)
{
  gboolean done = FALSE;
  GSource *source = g_timeout_source_new (ms);

  g_source_set_callback (source, flag_cb, &done, NULL);
  g_source_attach (source, fixture->context);
  while (!done)
    g_main_context_iteration (fixture->context, TRUE);
  g_source_unref (source);
}


ClSchedulerJobStatus *
cl_test_scheduler_status (ClTestSchedulerFixture *fixture,
                          const char             *name)
{
  ClSchedulerJobStatus *job_status = cl_scheduler_get_job_status (fixture->scheduler, name);

  g_assert_nonnull (job_status);
  return job_status;
}
