/* test-scheduler-backoff.c: ClScheduler on a private main context with millisecond timers:
 * the backoff sequence, the delays it schedules after failures, the retry limit, and the
 * next timer tick after the retries.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cl-scheduler.h"
#include "cl-test-scheduler.h"


/* Not running, not queued, no retry pending. */
static gboolean
job_a_settled (ClTestSchedulerFixture *fixture)
{
  g_autoptr(ClSchedulerJobStatus) job_status = cl_test_scheduler_status (fixture, "a");

  return !job_status->running && !job_status->queued && job_status->retry_source_id == 0;
}


static void
test_backoff_sequence (void)
{
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(ClScheduler) scheduler = cl_scheduler_new (context);
  const guint expected[] = { 2000, 4000, 8000, 16000, 32000, 60000, 60000, 60000 };
  gboolean saw_jitter = FALSE;

  cl_scheduler_set_backoff (scheduler, CL_SCHEDULER_DEFAULT_BACKOFF_BASE_MS,
                            CL_SCHEDULER_DEFAULT_BACKOFF_CAP_MS, 0.0);
  for (guint n = 0; n < G_N_ELEMENTS (expected); n++)
    g_assert_cmpuint (cl_scheduler_backoff_delay (scheduler, n), ==, expected[n]);
  /* Huge attempt numbers stay at the cap instead of overflowing. */
  g_assert_cmpuint (cl_scheduler_backoff_delay (scheduler, 1000), ==, 60000);

  cl_scheduler_set_backoff (scheduler, 3, 20, 0.0);
  g_assert_cmpuint (cl_scheduler_backoff_delay (scheduler, 0), ==, 3);
  g_assert_cmpuint (cl_scheduler_backoff_delay (scheduler, 1), ==, 6);
  g_assert_cmpuint (cl_scheduler_backoff_delay (scheduler, 2), ==, 12);
  g_assert_cmpuint (cl_scheduler_backoff_delay (scheduler, 3), ==, 20);

  /* Jitter takes at most its fraction off, and does take something off. */
  cl_scheduler_set_backoff (scheduler, 2000, 60000, 0.1);
  for (guint i = 0; i < 200; i++) {
    guint delay = cl_scheduler_backoff_delay (scheduler, 1);

    g_assert_cmpuint (delay, >=, 3600);
    g_assert_cmpuint (delay, <=, 4000);
    saw_jitter |= delay != 4000;
    delay = cl_scheduler_backoff_delay (scheduler, 30);
    g_assert_cmpuint (delay, >=, 54000);
    g_assert_cmpuint (delay, <=, 60000);
  }
  g_assert_true (saw_jitter);
}


static void
record_retry_delay_cb (ClScheduler *scheduler,
                       const char  *name,
                       gboolean     success,
                       gpointer     user_data)
{
  GArray *delays = user_data;
  g_autoptr(ClSchedulerJobStatus) job_status = cl_scheduler_get_job_status (scheduler, name);

  g_assert_false (success);
  g_array_append_val (delays, job_status->retry_delay_ms);
}


/* The delays actually scheduled after each failure follow the sequence, and
 * no retry starts before its delay has passed. */
static void
test_backoff_scheduled (ClTestSchedulerFixture *fixture,
                        gconstpointer           data)
{
  g_autoptr(GArray) delays = g_array_new (FALSE, FALSE, sizeof (guint));
  const guint expected[] = { 5, 10, 20, 20, 20, 0 };
  ClTestJob *job = &fixture->jobs[0];

  cl_scheduler_set_backoff (fixture->scheduler, 5, 20, 0.0);
  cl_test_scheduler_add_job (fixture, 0, "a", CL_TEST_JOB_FAIL, 0, 5, CL_SCHEDULER_JOB_ENABLED);
  g_signal_connect (fixture->scheduler, "job-finished", G_CALLBACK (record_retry_delay_cb),
                    delays);
  cl_scheduler_start (fixture->scheduler);
  cl_scheduler_run_job_now (fixture->scheduler, "a");
  cl_test_scheduler_spin_until (fixture, job_a_settled);
  cl_test_scheduler_spin_for (fixture, 30);

  g_assert_cmpuint (job->calls, ==, 6);
  g_assert_cmpuint (delays->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < delays->len; i++)
    g_assert_cmpuint (g_array_index (delays, guint, i), ==, expected[i]);
  g_assert_cmpuint (job->gaps->len, ==, 5);
  for (guint i = 0; i < job->gaps->len; i++)
    g_assert_cmpint (g_array_index (job->gaps, gint64, i), >=, (expected[i] - 1) * 1000);
  g_signal_handlers_disconnect_by_data (fixture->scheduler, delays);
}


static void
test_max_retries (ClTestSchedulerFixture *fixture,
                  gconstpointer           data)
{
  guint max_retries = GPOINTER_TO_UINT (data);
  ClTestJob *job = &fixture->jobs[0];

  cl_test_scheduler_add_job (fixture, 0, "a", CL_TEST_JOB_FAIL, 0, max_retries,
                             CL_SCHEDULER_JOB_ENABLED);
  cl_scheduler_start (fixture->scheduler);

  for (guint round = 1; round <= 2; round++) {
    g_autoptr(ClSchedulerJobStatus) job_status = NULL;
    g_autofree char *expected_error = NULL;

    cl_scheduler_run_job_now (fixture->scheduler, "a");
    cl_test_scheduler_spin_until (fixture, job_a_settled);
    /* Longer than any backoff delay: nothing else comes. */
    cl_test_scheduler_spin_for (fixture, 40);

    /* 0 means no retry at all (not a default of 3); the counter resets per chain. */
    job_status = cl_test_scheduler_status (fixture, "a");
    g_assert_cmpuint (job->calls, ==, round * (1 + max_retries));
    g_assert_cmpuint (job_status->runs, ==, round * (1 + max_retries));
    g_assert_cmpuint (job_status->failures, ==, round * (1 + max_retries));
    g_assert_cmpuint (job_status->retries, ==, round * max_retries);
    g_assert_cmpuint (job_status->retry_attempt, ==, 0);
    expected_error = g_strdup_printf ("failure %u", job->calls);
    g_assert_cmpstr (job_status->last_error, ==, expected_error);
  }
}


/* After its retries, a job waits for the next tick of its timer, with the
 * retry counter reset: each chain makes exactly 1 + max_retries runs. */
static gboolean
two_chains_done (ClTestSchedulerFixture *fixture)
{
  return fixture->jobs[0].calls >= 4 && job_a_settled (fixture);
}


static void
test_retry_then_interval (ClTestSchedulerFixture *fixture,
                          gconstpointer           data)
{
  g_autoptr(ClSchedulerJobStatus) job_status = NULL;

  cl_test_scheduler_add_job (fixture, 0, "a", CL_TEST_JOB_FAIL, 60, 1, CL_SCHEDULER_JOB_ENABLED);
  cl_scheduler_start (fixture->scheduler);
  cl_test_scheduler_spin_until (fixture, two_chains_done);
  g_assert_true (cl_scheduler_set_job_enabled (fixture->scheduler, "a", FALSE));

  job_status = cl_test_scheduler_status (fixture, "a");
  g_assert_cmpuint (job_status->runs, ==, 4);
  g_assert_cmpuint (job_status->retries, ==, 2);
  g_assert_cmpuint (job_status->failures, ==, 4);
  /* The second chain began with the next timer tick (about 60 ms after the first;
   * GLib re-arms from the dispatching iteration's time, so allow for late
   * dispatch), not with a retry (at most 8 ms). */
  g_assert_cmpint (g_array_index (fixture->jobs[0].gaps, gint64, 0) +
                   g_array_index (fixture->jobs[0].gaps, gint64, 1), >=, 30 * 1000);
}


int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/scheduler/backoff/sequence", test_backoff_sequence);
  cl_test_scheduler_add ("/scheduler/backoff/scheduled", NULL, test_backoff_scheduled);
  cl_test_scheduler_add ("/scheduler/max-retries/0", GUINT_TO_POINTER (0), test_max_retries);
  cl_test_scheduler_add ("/scheduler/max-retries/1", GUINT_TO_POINTER (1), test_max_retries);
  cl_test_scheduler_add ("/scheduler/max-retries/3", GUINT_TO_POINTER (3), test_max_retries);
  cl_test_scheduler_add ("/scheduler/retry-then-interval", NULL, test_retry_then_interval);

  return g_test_run ();
}
