/* test-scheduler.c: ClScheduler on a private main context with millisecond timers:
 * no overlap, queueing at the cap, enable/disable, run-on-start, stop, the status it
 * reports, and jobs that run in a thread. Backoff and retries: test-scheduler-backoff.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cl-error.h"
#include "cl-job-thread.h"
#include "cl-scheduler.h"
#include "cl-test-scheduler.h"

static GPtrArray *logged_messages;


static gboolean
job_a_called_twice (ClTestSchedulerFixture *fixture)
{
  return fixture->jobs[0].calls >= 2;
}


static void
test_no_overlap (ClTestSchedulerFixture *fixture,
                 gconstpointer           data)
{
  ClTestJob *job = &fixture->jobs[0];

  cl_test_scheduler_add_job (fixture, 0, "a", CL_TEST_JOB_HOLD, 2, 0, CL_SCHEDULER_JOB_ENABLED);
  cl_scheduler_set_max_concurrent (fixture->scheduler, 4);
  cl_scheduler_start (fixture->scheduler);
  cl_test_scheduler_spin_for (fixture, 40);  /* twenty ticks while the first run is held */

  g_assert_cmpuint (job->calls, ==, 1);
  cl_scheduler_run_job_now (fixture->scheduler, "a");
  g_assert_cmpuint (job->calls, ==, 1);
  g_assert_cmpuint (cl_scheduler_get_n_queued (fixture->scheduler), ==, 0);

  cl_test_job_release_oldest (job);
  cl_test_scheduler_spin_until (fixture, job_a_called_twice);
  g_assert_cmpuint (job->max_running, ==, 1);
  g_assert_cmpuint (job->held->len, ==, 1);
  cl_test_job_release_oldest (job);
}


static void
test_queue_at_cap (ClTestSchedulerFixture *fixture,
                   gconstpointer           data)
{
  const char *names[] = { "a", "b", "c", "d" };
  g_autoptr(ClSchedulerJobStatus) c_status = NULL;
  g_autoptr(ClSchedulerJobStatus) d_status = NULL;

  g_assert_cmpuint (cl_scheduler_get_max_concurrent (fixture->scheduler), ==, 2);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    cl_test_scheduler_add_job (fixture, i, names[i], CL_TEST_JOB_HOLD, 0, 0,
                               CL_SCHEDULER_JOB_ENABLED | CL_SCHEDULER_JOB_RUN_ON_START);
  cl_scheduler_start (fixture->scheduler);

  g_assert_cmpuint (cl_scheduler_get_n_running (fixture->scheduler), ==, 2);
  g_assert_cmpuint (cl_scheduler_get_n_queued (fixture->scheduler), ==, 2);
  c_status = cl_test_scheduler_status (fixture, "c");
  d_status = cl_test_scheduler_status (fixture, "d");
  g_assert_true (c_status->queued && d_status->queued);
  g_assert_cmpuint (fixture->jobs[2].calls + fixture->jobs[3].calls, ==, 0);

  /* Asking again for a queued job does not queue it twice. */
  cl_scheduler_run_job_now (fixture->scheduler, "c");
  g_assert_cmpuint (cl_scheduler_get_n_queued (fixture->scheduler), ==, 2);

  /* Slots go to the queue in order. */
  cl_test_job_release_oldest (&fixture->jobs[0]);
  cl_test_scheduler_spin_for (fixture, 5);
  g_assert_cmpuint (fixture->jobs[2].calls, ==, 1);
  g_assert_cmpuint (fixture->jobs[3].calls, ==, 0);
  g_assert_cmpuint (cl_scheduler_get_n_running (fixture->scheduler), ==, 2);

  cl_test_job_release_oldest (&fixture->jobs[1]);
  cl_test_scheduler_spin_for (fixture, 5);
  g_assert_cmpuint (fixture->jobs[3].calls, ==, 1);
  g_assert_cmpuint (cl_scheduler_get_n_queued (fixture->scheduler), ==, 0);

  cl_test_job_release_oldest (&fixture->jobs[2]);
  cl_test_job_release_oldest (&fixture->jobs[3]);
  cl_test_scheduler_spin_for (fixture, 5);
  /* Nothing was dropped, nothing ran twice. */
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_assert_cmpuint (fixture->jobs[i].calls, ==, 1);
  g_assert_cmpuint (cl_scheduler_get_n_running (fixture->scheduler), ==, 0);
}


/* Raising the cap starts queued runs at once; lowering it lets running ones finish. */
static void
test_change_cap (ClTestSchedulerFixture *fixture,
                 gconstpointer           data)
{
  const char *names[] = { "a", "b", "c", "d" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    cl_test_scheduler_add_job (fixture, i, names[i], CL_TEST_JOB_HOLD, 0, 0,
                               CL_SCHEDULER_JOB_ENABLED | CL_SCHEDULER_JOB_RUN_ON_START);
  cl_scheduler_set_max_concurrent (fixture->scheduler, 1);
  cl_scheduler_start (fixture->scheduler);
  g_assert_cmpuint (cl_scheduler_get_n_running (fixture->scheduler), ==, 1);
  g_assert_cmpuint (cl_scheduler_get_n_queued (fixture->scheduler), ==, 3);

  cl_scheduler_set_max_concurrent (fixture->scheduler, 3);
  g_assert_cmpuint (cl_scheduler_get_n_running (fixture->scheduler), ==, 3);
  g_assert_cmpuint (fixture->jobs[2].calls, ==, 1);
  g_assert_cmpuint (fixture->jobs[3].calls, ==, 0);

  cl_scheduler_set_max_concurrent (fixture->scheduler, 1);
  cl_test_job_release_oldest (&fixture->jobs[0]);
  cl_test_scheduler_spin_for (fixture, 5);
  g_assert_cmpuint (fixture->jobs[3].calls, ==, 0);
  cl_test_job_release_oldest (&fixture->jobs[1]);
  cl_test_job_release_oldest (&fixture->jobs[2]);
  cl_test_scheduler_spin_for (fixture, 5);
  g_assert_cmpuint (fixture->jobs[3].calls, ==, 1);
  g_assert_cmpuint (cl_scheduler_get_n_queued (fixture->scheduler), ==, 0);
  cl_test_job_release_oldest (&fixture->jobs[3]);
}


static guint before_calls;


static gboolean
job_a_called_again (ClTestSchedulerFixture *fixture)
{
  return fixture->jobs[0].calls > before_calls + 1;
}


static gboolean
job_b_retry_pending (ClTestSchedulerFixture *fixture)
{
  g_autoptr(ClSchedulerJobStatus) job_status = cl_test_scheduler_status (fixture, "b");

  return job_status->retry_source_id != 0;
}


static void
test_enable_disable (ClTestSchedulerFixture *fixture,
                     gconstpointer           data)
{
  g_autoptr(ClSchedulerJobStatus) a_status = NULL;
  g_autoptr(ClSchedulerJobStatus) b_status = NULL;
  g_autoptr(ClSchedulerJobStatus) c_status = NULL;
  guint timer_id;
  guint retry_id;

  cl_test_scheduler_add_job (fixture, 0, "a", CL_TEST_JOB_SUCCEED, 5, 0, CL_SCHEDULER_JOB_ENABLED);
  cl_test_scheduler_add_job (fixture, 1, "b", CL_TEST_JOB_FAIL, 100000, 3,
                             CL_SCHEDULER_JOB_ENABLED);
  cl_test_scheduler_add_job (fixture, 2, "c", CL_TEST_JOB_HOLD, 0, 0, CL_SCHEDULER_JOB_ENABLED);
  cl_scheduler_set_backoff (fixture->scheduler, 100000, 200000, 0.0);
  cl_scheduler_start (fixture->scheduler);
  cl_test_scheduler_spin_until (fixture, job_a_called_twice);

  /* Disabling removes the timer from the context; no tick comes any more. */
  a_status = cl_test_scheduler_status (fixture, "a");
  timer_id = a_status->timer_source_id;
  g_assert_cmpuint (timer_id, !=, 0);
  g_assert_nonnull (g_main_context_find_source_by_id (fixture->context, timer_id));
  g_assert_true (cl_scheduler_set_job_enabled (fixture->scheduler, "a", FALSE));
  g_clear_pointer (&a_status, cl_scheduler_job_status_free);
  a_status = cl_test_scheduler_status (fixture, "a");
  g_assert_false (a_status->enabled);
  g_assert_cmpuint (a_status->timer_source_id, ==, 0);
  g_assert_null (g_main_context_find_source_by_id (fixture->context, timer_id));
  before_calls = fixture->jobs[0].calls;
  cl_test_scheduler_spin_for (fixture, 40);
  g_assert_cmpuint (fixture->jobs[0].calls, ==, before_calls);
  cl_scheduler_run_job_now (fixture->scheduler, "a");
  g_assert_cmpuint (fixture->jobs[0].calls, ==, before_calls);

  /* Enabling again brings the ticks back. */
  g_assert_true (cl_scheduler_set_job_enabled (fixture->scheduler, "a", TRUE));
  cl_test_scheduler_spin_until (fixture, job_a_called_again);

  /* Disabling a job with a pending retry removes the retry timer too. */
  cl_scheduler_run_job_now (fixture->scheduler, "b");
  cl_test_scheduler_spin_until (fixture, job_b_retry_pending);
  b_status = cl_test_scheduler_status (fixture, "b");
  retry_id = b_status->retry_source_id;
  g_assert_nonnull (g_main_context_find_source_by_id (fixture->context, retry_id));
  cl_scheduler_set_job_enabled (fixture->scheduler, "b", FALSE);
  g_assert_null (g_main_context_find_source_by_id (fixture->context, retry_id));
  g_clear_pointer (&b_status, cl_scheduler_job_status_free);
  b_status = cl_test_scheduler_status (fixture, "b");
  g_assert_cmpuint (b_status->retry_source_id, ==, 0);
  g_assert_cmpuint (b_status->retry_attempt, ==, 0);

  /* Disabling a running job cancels the run. */
  cl_scheduler_run_job_now (fixture->scheduler, "c");
  g_assert_cmpuint (fixture->jobs[2].running, ==, 1);
  cl_scheduler_set_job_enabled (fixture->scheduler, "c", FALSE);
  cl_test_scheduler_spin_for (fixture, 5);
  c_status = cl_test_scheduler_status (fixture, "c");
  g_assert_false (c_status->running);
  g_assert_cmpuint (c_status->cancellations, ==, 1);
  g_assert_cmpuint (fixture->jobs[2].held->len, ==, 0);

  g_assert_false (cl_scheduler_set_job_enabled (fixture->scheduler, "no-such-job", TRUE));
}


static void
test_run_on_start (ClTestSchedulerFixture *fixture,
                   gconstpointer           data)
{
  g_autoptr(ClSchedulerJobStatus) b_status = NULL;
  gint64 now;

  cl_test_scheduler_add_job (fixture, 0, "a", CL_TEST_JOB_SUCCEED, 3600000, 0,
                             CL_SCHEDULER_JOB_ENABLED | CL_SCHEDULER_JOB_RUN_ON_START);
  cl_test_scheduler_add_job (fixture, 1, "b", CL_TEST_JOB_SUCCEED, 3600000, 0,
                             CL_SCHEDULER_JOB_ENABLED);
  cl_test_scheduler_add_job (fixture, 2, "c", CL_TEST_JOB_SUCCEED, 3600000, 0,
                             CL_SCHEDULER_JOB_RUN_ON_START);

  /* Nothing runs before start. */
  cl_test_scheduler_spin_for (fixture, 10);
  g_assert_cmpuint (fixture->jobs[0].calls, ==, 0);

  cl_scheduler_start (fixture->scheduler);
  cl_test_scheduler_spin_for (fixture, 10);
  g_assert_cmpuint (fixture->jobs[0].calls, ==, 1);
  g_assert_cmpuint (fixture->jobs[1].calls, ==, 0);
  g_assert_cmpuint (fixture->jobs[2].calls, ==, 0);  /* disabled */

  /* b's first run is one interval (an hour) away. */
  b_status = cl_test_scheduler_status (fixture, "b");
  now = g_get_real_time ();
  g_assert_cmpint (b_status->next_run, >, now + 3590 * G_TIME_SPAN_SECOND);
  g_assert_cmpint (b_status->next_run, <, now + 3610 * G_TIME_SPAN_SECOND);
  g_assert_cmpint (b_status->last_run, ==, 0);

  /* A run-on-start job enabled later runs right away. */
  cl_scheduler_set_job_enabled (fixture->scheduler, "c", TRUE);
  cl_test_scheduler_spin_for (fixture, 10);
  g_assert_cmpuint (fixture->jobs[2].calls, ==, 1);
  g_assert_cmpuint (fixture->jobs[0].calls, ==, 1);
}


static gboolean
stop_scene_ready (ClTestSchedulerFixture *fixture)
{
  g_autoptr(ClSchedulerJobStatus) a_status = cl_test_scheduler_status (fixture, "a");

  return fixture->jobs[1].running == 1 && fixture->jobs[2].running == 1 &&
         a_status->retry_source_id != 0 && fixture->jobs[0].calls == 1 &&
         cl_scheduler_get_n_queued (fixture->scheduler) == 1;
}


static void
test_stop (ClTestSchedulerFixture *fixture,
           gconstpointer           data)
{
  const char *names[] = { "a", "b", "c", "d" };
  g_autoptr(GArray) source_ids = g_array_new (FALSE, FALSE, sizeof (guint));
  guint calls[G_N_ELEMENTS (names)];
  gint64 until;

  /* a fails and waits for a retry, b and c are held, d (1 ms timer) is queued. */
  cl_scheduler_set_backoff (fixture->scheduler, 100000, 100000, 0.0);
  cl_test_scheduler_add_job (fixture, 0, "a", CL_TEST_JOB_FAIL, 1, 3,
                             CL_SCHEDULER_JOB_ENABLED | CL_SCHEDULER_JOB_RUN_ON_START);
  cl_test_scheduler_add_job (fixture, 1, "b", CL_TEST_JOB_HOLD, 1, 0,
                             CL_SCHEDULER_JOB_ENABLED | CL_SCHEDULER_JOB_RUN_ON_START);
  cl_test_scheduler_add_job (fixture, 2, "c", CL_TEST_JOB_HOLD, 1, 0,
                             CL_SCHEDULER_JOB_ENABLED | CL_SCHEDULER_JOB_RUN_ON_START);
  cl_test_scheduler_add_job (fixture, 3, "d", CL_TEST_JOB_SUCCEED, 1, 0, CL_SCHEDULER_JOB_ENABLED);
  cl_scheduler_start (fixture->scheduler);
  cl_test_scheduler_spin_until (fixture, stop_scene_ready);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++) {
    g_autoptr(ClSchedulerJobStatus) job_status = cl_test_scheduler_status (fixture, names[i]);

    g_assert_cmpuint (job_status->timer_source_id, !=, 0);
    g_array_append_val (source_ids, job_status->timer_source_id);
    if (job_status->retry_source_id != 0)
      g_array_append_val (source_ids, job_status->retry_source_id);
  }
  g_assert_cmpuint (source_ids->len, ==, 5);
  for (guint i = 0; i < source_ids->len; i++)
    g_assert_nonnull (g_main_context_find_source_by_id (fixture->context,
                                                        g_array_index (source_ids, guint, i)));

  /* The held runs are cancelled and awaited. */
  g_assert_true (cl_scheduler_stop (fixture->scheduler, 5000));
  g_assert_false (cl_scheduler_is_started (fixture->scheduler));
  g_assert_cmpuint (cl_scheduler_get_n_running (fixture->scheduler), ==, 0);
  g_assert_cmpuint (cl_scheduler_get_n_queued (fixture->scheduler), ==, 0);
  g_assert_cmpuint (fixture->jobs[1].held->len + fixture->jobs[2].held->len, ==, 0);

  /* No source of ours is left on the context. */
  for (guint i = 0; i < source_ids->len; i++)
    g_assert_null (g_main_context_find_source_by_id (fixture->context,
                                                     g_array_index (source_ids, guint, i)));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++) {
    g_autoptr(ClSchedulerJobStatus) job_status = cl_test_scheduler_status (fixture, names[i]);

    g_assert_cmpuint (job_status->timer_source_id, ==, 0);
    g_assert_cmpuint (job_status->retry_source_id, ==, 0);
    g_assert_cmpuint (job_status->next_run, ==, 0);
    calls[i] = fixture->jobs[i].calls;
  }

  /* Iterating the context dispatches nothing, and no handler runs again. */
  until = g_get_monotonic_time () + 60 * 1000;
  while (g_get_monotonic_time () < until) {
    g_assert_false (g_main_context_pending (fixture->context));
    g_assert_false (g_main_context_iteration (fixture->context, FALSE));
    g_usleep (1000);
  }
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_assert_cmpuint (fixture->jobs[i].calls, ==, calls[i]);
  g_assert_cmpuint (fixture->jobs[3].calls, ==, 0);
  cl_scheduler_run_job_now (fixture->scheduler, "d");
  g_assert_cmpuint (fixture->jobs[3].calls, ==, 0);
}


static void
test_stop_deadline (ClTestSchedulerFixture *fixture,
                    gconstpointer           data)
{
  ClTestJob *job = &fixture->jobs[0];
  gboolean found = FALSE;

  /* Only this case's messages. */
  g_ptr_array_set_size (logged_messages, 0);
  cl_test_scheduler_add_job (fixture, 0, "stubborn", CL_TEST_JOB_HOLD_IGNORE_CANCEL, 0, 3,
                             CL_SCHEDULER_JOB_ENABLED | CL_SCHEDULER_JOB_RUN_ON_START);
  cl_scheduler_start (fixture->scheduler);
  g_assert_cmpuint (job->running, ==, 1);

  g_assert_false (cl_scheduler_stop (fixture->scheduler, 30));
  g_assert_cmpuint (cl_scheduler_get_n_running (fixture->scheduler), ==, 1);
  for (guint i = 0; i < logged_messages->len; i++)
    found |= g_str_has_prefix (g_ptr_array_index (logged_messages, i),
                               "Scheduler stop deadline of 30 ms passed, still running: "
                               "stubborn;");
  g_assert_true (found);

  /* When it finally fails, nothing is retried: the scheduler is stopped. */
  job->running--;
  g_task_return_new_error (g_ptr_array_index (job->held, 0), G_IO_ERROR, G_IO_ERROR_FAILED,
                           "late failure");
  g_object_unref (g_ptr_array_steal_index (job->held, 0));
  cl_test_scheduler_spin_for (fixture, 20);
  g_assert_cmpuint (cl_scheduler_get_n_running (fixture->scheduler), ==, 0);
  g_assert_cmpuint (job->calls, ==, 1);
  g_assert_false (g_main_context_pending (fixture->context));
}


static void
test_remove_running (ClTestSchedulerFixture *fixture,
                     gconstpointer           data)
{
  ClTestJob *job = &fixture->jobs[0];
  g_autoptr(GError) error = NULL;

  cl_test_scheduler_add_job (fixture, 0, "a", CL_TEST_JOB_HOLD, 1, 3,
                             CL_SCHEDULER_JOB_ENABLED | CL_SCHEDULER_JOB_RUN_ON_START);
  cl_scheduler_start (fixture->scheduler);
  g_assert_cmpuint (job->running, ==, 1);

  /* A second job of the same name is refused; its data is released. */
  fixture->jobs[1].behaviour = CL_TEST_JOB_SUCCEED;
  g_assert_false (cl_scheduler_add_job (fixture->scheduler, "a", 1, 0, CL_SCHEDULER_JOB_ENABLED,
                                        cl_test_job_run, &fixture->jobs[1], cl_test_job_destroy,
                                        &error));
  g_assert_error (error, CL_SCHEDULER_ERROR, CL_SCHEDULER_ERROR_DUPLICATE_JOB);
  g_assert_cmpuint (fixture->jobs[1].destroyed, ==, 1);

  g_assert_true (cl_scheduler_remove_job (fixture->scheduler, "a"));
  g_assert_false (cl_scheduler_has_job (fixture->scheduler, "a"));
  /* The run in flight still holds the job's data. */
  g_assert_cmpuint (job->destroyed, ==, 0);
  cl_test_scheduler_spin_for (fixture, 20);
  g_assert_cmpuint (job->held->len, ==, 0);
  g_assert_cmpuint (job->destroyed, ==, 1);
  g_assert_cmpuint (job->calls, ==, 1);
  g_assert_cmpuint (cl_scheduler_get_n_running (fixture->scheduler), ==, 0);
  g_assert_false (cl_scheduler_remove_job (fixture->scheduler, "a"));
}


static gboolean
job_a_ran_three_times (ClTestSchedulerFixture *fixture)
{
  g_autoptr(ClSchedulerJobStatus) job_status = cl_test_scheduler_status (fixture, "a");

  return job_status->runs >= 3 && !job_status->running;
}


static void
test_status_json (ClTestSchedulerFixture *fixture,
                  gconstpointer           data)
{
  g_autofree char *text = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  JsonArray *jobs;
  JsonObject *a;
  JsonObject *b;

  cl_test_scheduler_add_job (fixture, 0, "a", CL_TEST_JOB_SUCCEED, 3, 0, CL_SCHEDULER_JOB_ENABLED);
  cl_test_scheduler_add_job (fixture, 1, "b", CL_TEST_JOB_FAIL, 0, 0, CL_SCHEDULER_JOB_ENABLED);
  cl_test_scheduler_add_job (fixture, 2, "c", CL_TEST_JOB_SUCCEED, 0, 0, CL_SCHEDULER_JOB_NONE);
  cl_scheduler_start (fixture->scheduler);
  cl_scheduler_run_job_now (fixture->scheduler, "b");
  cl_test_scheduler_spin_until (fixture, job_a_ran_three_times);

  text = cl_scheduler_dup_status_string (fixture->scheduler);
  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_true (json_object_get_boolean_member (root, "started"));
  g_assert_cmpint (json_object_get_int_member (root, "max_concurrent"), ==, 2);
  jobs = json_object_get_array_member (root, "jobs");
  g_assert_cmpuint (json_array_get_length (jobs), ==, 3);

  a = json_array_get_object_element (jobs, 0);
  g_assert_cmpstr (json_object_get_string_member (a, "name"), ==, "a");
  g_assert_cmpint (json_object_get_int_member (a, "runs"), >=, 3);
  g_assert_cmpint (json_object_get_int_member (a, "failures"), ==, 0);
  g_assert_cmpstr (json_object_get_string_member (a, "last_result"), ==, "success");
  g_assert_nonnull (json_object_get_string_member (a, "last_run"));
  g_assert_nonnull (json_object_get_string_member (a, "next_run"));
  g_assert_true (json_object_get_null_member (a, "last_error"));
  g_assert_cmpfloat (json_object_get_double_member (a, "mean_duration_ms"), >=, 0.0);

  b = json_array_get_object_element (jobs, 1);
  g_assert_cmpstr (json_object_get_string_member (b, "state"), ==, "idle");
  g_assert_cmpint (json_object_get_int_member (b, "runs"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (b, "failures"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (b, "last_result"), ==, "failed");
  g_assert_cmpstr (json_object_get_string_member (b, "last_error"), ==, "failure 1");
  g_assert_true (json_object_get_null_member (b, "next_run"));

  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (jobs, 2),
                                                  "state"), ==, "disabled");
}


static void
test_durations (ClTestSchedulerFixture *fixture,
                gconstpointer           data)
{
  g_autoptr(ClSchedulerJobStatus) job_status = NULL;

  cl_test_scheduler_add_job (fixture, 0, "a", CL_TEST_JOB_HOLD, 0, 0, CL_SCHEDULER_JOB_ENABLED);
  cl_scheduler_start (fixture->scheduler);
  cl_scheduler_run_job_now (fixture->scheduler, "a");
  cl_test_scheduler_spin_for (fixture, 50);
  cl_test_job_release_oldest (&fixture->jobs[0]);
  cl_test_scheduler_spin_for (fixture, 5);
  cl_scheduler_run_job_now (fixture->scheduler, "a");
  cl_test_job_release_oldest (&fixture->jobs[0]);
  cl_test_scheduler_spin_for (fixture, 5);

  /* A 50 ms run, then an immediate one. */
  job_status = cl_test_scheduler_status (fixture, "a");
  g_assert_cmpuint (job_status->runs, ==, 2);
  g_assert_cmpint (job_status->mean_duration, >=, 25 * 1000);
  g_assert_cmpint (job_status->last_duration, <, job_status->mean_duration);
  g_assert_cmpint (job_status->last_run, >, 0);
}


typedef struct
{
  GThread *main_thread;
  guint    calls;
  gboolean ran_elsewhere;
  gboolean fail;
} ThreadData;


static gboolean
thread_work (gpointer       user_data,
             GCancellable  *cancellable,
             GError       **error)
{
  ThreadData *thread_data = user_data;

  g_atomic_int_inc (&thread_data->calls);
  if (g_thread_self () != thread_data->main_thread)
    g_atomic_int_set (&thread_data->ran_elsewhere, TRUE);
  if (thread_data->fail) {
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "no store");
    return FALSE;
  }
  return TRUE;
}


static gboolean
thread_job_settled (ClTestSchedulerFixture *fixture)
{
  g_autoptr(ClSchedulerJobStatus) job_status = cl_test_scheduler_status (fixture, "proof-cleanup");

  return job_status->runs >= 1 && !job_status->running && job_status->retry_source_id == 0;
}


/* The mechanism the stores use: blocking work in a worker thread, with the
 * result coming back to the scheduler's (non-default) context. */
static void
test_thread_job (ClTestSchedulerFixture *fixture,
                 gconstpointer           data)
{
  ThreadData thread_data = { g_thread_self (), 0, FALSE, TRUE };
  g_autoptr(ClSchedulerJobStatus) job_status = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (cl_scheduler_add_thread_job (fixture->scheduler, "proof-cleanup", 0, 2,
                                              CL_SCHEDULER_JOB_ENABLED |
                                              CL_SCHEDULER_JOB_RUN_ON_START,
                                              thread_work, &thread_data, NULL, &error));
  g_assert_no_error (error);
  cl_scheduler_start (fixture->scheduler);
  cl_test_scheduler_spin_until (fixture, thread_job_settled);

  job_status = cl_test_scheduler_status (fixture, "proof-cleanup");
  g_assert_true (thread_data.ran_elsewhere);
  g_assert_cmpuint (thread_data.calls, ==, 3);
  g_assert_cmpuint (job_status->failures, ==, 3);
  g_assert_cmpstr (job_status->last_error, ==, "no store");
  g_assert_true (cl_scheduler_remove_job (fixture->scheduler, "proof-cleanup"));
}


static GLogWriterOutput
record_writer (GLogLevelFlags   log_level,
               const GLogField *fields,
               gsize            n_fields,
               gpointer         user_data)
{
  for (gsize i = 0; i < n_fields; i++) {
    if (g_strcmp0 (fields[i].key, "MESSAGE") == 0)
      g_ptr_array_add (logged_messages, g_strdup (fields[i].value));
  }
  return g_log_writer_default (log_level, fields, n_fields, user_data);
}


int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  logged_messages = g_ptr_array_new_with_free_func (g_free);
  g_log_set_writer_func (record_writer, NULL, NULL);

  cl_test_scheduler_add ("/scheduler/no-overlap", NULL, test_no_overlap);
  cl_test_scheduler_add ("/scheduler/queue-at-cap", NULL, test_queue_at_cap);
  cl_test_scheduler_add ("/scheduler/change-cap", NULL, test_change_cap);
  cl_test_scheduler_add ("/scheduler/enable-disable", NULL, test_enable_disable);
  cl_test_scheduler_add ("/scheduler/run-on-start", NULL, test_run_on_start);
  cl_test_scheduler_add ("/scheduler/stop", NULL, test_stop);
  cl_test_scheduler_add ("/scheduler/stop-deadline", NULL, test_stop_deadline);
  cl_test_scheduler_add ("/scheduler/remove-running", NULL, test_remove_running);
  cl_test_scheduler_add ("/scheduler/status-json", NULL, test_status_json);
  cl_test_scheduler_add ("/scheduler/durations", NULL, test_durations);
  cl_test_scheduler_add ("/scheduler/thread-job", NULL, test_thread_job);

  return g_test_run ();
}
