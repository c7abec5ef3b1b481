/* test-scheduler.c: ClScheduler on a private main context with millisecond timers:
 * backoff, retries, no overlap, queueing, enable/disable, run-on-start, stop.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cl-error.h"
#include "cl-job-thread.h"
#include "cl-scheduler.h"

typedef enum {
  SUCCEED,
  FAIL,
  HOLD,                 /* until the test releases it or the run is cancelled */
  HOLD_IGNORE_CANCEL,   /* until the test releases it */
} Behaviour;

typedef struct
{
  Behaviour  behaviour;
  guint      calls;
  guint      running;
  guint      max_running;
  guint      destroyed;
  GPtrArray *held;         /* GTask of held runs, oldest first */
  gint64     last_call;    /* monotonic µs */
  GArray    *gaps;         /* gint64 µs between consecutive calls */
} TestJob;

typedef struct
{
  GMainContext *context;
  ClScheduler  *scheduler;
  TestJob       jobs[6];
  GPtrArray    *finished;  /* names, in order of completion */
} Fixture;

static GPtrArray *logged_messages;


static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->context = g_main_context_new ();
  fixture->scheduler = cl_scheduler_new (fixture->context);
  cl_scheduler_set_backoff (fixture->scheduler, 1, 8, 0.0);
  fixture->finished = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < G_N_ELEMENTS (fixture->jobs); i++) {
    fixture->jobs[i].held = g_ptr_array_new ();
    fixture->jobs[i].gaps = g_array_new (FALSE, FALSE, sizeof (gint64));
  }
  g_ptr_array_set_size (logged_messages, 0);
}


static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_true (cl_scheduler_stop (fixture->scheduler, 2000));
  g_clear_object (&fixture->scheduler);
  for (guint i = 0; i < G_N_ELEMENTS (fixture->jobs); i++) {
    TestJob *job = &fixture->jobs[i];

    g_assert_cmpuint (job->held->len, ==, 0);
    g_ptr_array_unref (job->held);
    g_array_unref (job->gaps);
  }
  g_ptr_array_unref (fixture->finished);
  while (g_main_context_iteration (fixture->context, FALSE))
    ;
  g_main_context_unref (fixture->context);
}


static void
finish_run (TestJob *job,
            GTask   *task,
            GError  *error)
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
  TestJob *job = user_data;

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


static void
test_job_run (GTask        *task,
              GCancellable *cancellable,
              gpointer      user_data)
{
  TestJob *job = user_data;
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
  case SUCCEED:
    finish_run (job, task, NULL);
    break;
  case FAIL:
    finish_run (job, task, g_error_new (G_IO_ERROR, G_IO_ERROR_FAILED, "failure %u", job->calls));
    break;
  case HOLD:
    g_ptr_array_add (job->held, task);
    /* Attached to the thread-default context, which the scheduler pushed. */
    source = g_cancellable_source_new (cancellable);
    g_source_set_callback (source, G_SOURCE_FUNC (held_cancelled_cb), job, NULL);
    g_source_attach (source, g_main_context_get_thread_default ());
    g_source_unref (source);
    break;
  case HOLD_IGNORE_CANCEL:
    g_ptr_array_add (job->held, task);
    break;
  default:
    g_assert_not_reached ();
  }
}


static void
test_job_destroy (gpointer user_data)
{
  TestJob *job = user_data;

  job->destroyed++;
}


static void
release_oldest (TestJob *job)
{
  GTask *task;

  g_assert_cmpuint (job->held->len, >, 0);
  task = g_ptr_array_steal_index (job->held, 0);
  finish_run (job, task, NULL);
}


static void
add_job (Fixture             *fixture,
         guint                index,
         const char          *name,
         Behaviour            behaviour,
         guint                interval_ms,
         guint                max_retries,
         ClSchedulerJobFlags  flags)
{
  g_autoptr(GError) error = NULL;

  fixture->jobs[index].behaviour = behaviour;
  g_assert_true (cl_scheduler_add_job (fixture->scheduler, name, interval_ms, max_retries, flags,
                                       test_job_run, &fixture->jobs[index], test_job_destroy,
                                       &error));
  g_assert_no_error (error);
}


static gboolean
flag_cb (gpointer user_data)
{
  gboolean *flag = user_data;

  *flag = TRUE;
  return G_SOURCE_REMOVE;
}


typedef gboolean (*Condition) (Fixture *fixture);

/* Iterates the context until @condition holds; fails the test after 10 s. */
static void
spin_until (Fixture   *fixture,
            Condition  condition)
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


/* Iterates the context for @ms milliseconds. */
static void
spin_for (Fixture *fixture,
          guint    ms)
{
  gboolean done = FALSE;
  GSource *source = g_timeout_source_new (ms);

  g_source_set_callback (source, flag_cb, &done, NULL);
  g_source_attach (source, fixture->context);
  while (!done)
    g_main_context_iteration (fixture->context, TRUE);
  g_source_unref (source);
}


static ClSchedulerJobStatus *
status (Fixture    *fixture,
        const char *name)
{
  ClSchedulerJobStatus *job_status = cl_scheduler_get_job_status (fixture->scheduler, name);

  g_assert_nonnull (job_status);
  return job_status;
}


/* Not running, not queued, no retry pending. */
static gboolean
job_a_settled (Fixture *fixture)
{
  g_autoptr(ClSchedulerJobStatus) job_status = status (fixture, "a");

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
test_backoff_scheduled (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GArray) delays = g_array_new (FALSE, FALSE, sizeof (guint));
  const guint expected[] = { 5, 10, 20, 20, 20, 0 };
  TestJob *job = &fixture->jobs[0];

  cl_scheduler_set_backoff (fixture->scheduler, 5, 20, 0.0);
  add_job (fixture, 0, "a", FAIL, 0, 5, CL_SCHEDULER_JOB_ENABLED);
  g_signal_connect (fixture->scheduler, "job-finished", G_CALLBACK (record_retry_delay_cb),
                    delays);
  cl_scheduler_start (fixture->scheduler);
  cl_scheduler_run_job_now (fixture->scheduler, "a");
  spin_until (fixture, job_a_settled);
  spin_for (fixture, 30);

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
test_max_retries (Fixture       *fixture,
                  gconstpointer  data)
{
  guint max_retries = GPOINTER_TO_UINT (data);
  TestJob *job = &fixture->jobs[0];

  add_job (fixture, 0, "a", FAIL, 0, max_retries, CL_SCHEDULER_JOB_ENABLED);
  cl_scheduler_start (fixture->scheduler);

  for (guint round = 1; round <= 2; round++) {
    g_autoptr(ClSchedulerJobStatus) job_status = NULL;
    g_autofree char *expected_error = NULL;

    cl_scheduler_run_job_now (fixture->scheduler, "a");
    spin_until (fixture, job_a_settled);
    spin_for (fixture, 40);  /* longer than any backoff delay: nothing else comes */

    /* 0 means no retry at all (not a default of 3); the counter resets per chain. */
    job_status = status (fixture, "a");
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
two_chains_done (Fixture *fixture)
{
  return fixture->jobs[0].calls >= 4 && job_a_settled (fixture);
}


static void
test_retry_then_interval (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(ClSchedulerJobStatus) job_status = NULL;

  add_job (fixture, 0, "a", FAIL, 60, 1, CL_SCHEDULER_JOB_ENABLED);
  cl_scheduler_start (fixture->scheduler);
  spin_until (fixture, two_chains_done);
  g_assert_true (cl_scheduler_set_job_enabled (fixture->scheduler, "a", FALSE));

  job_status = status (fixture, "a");
  g_assert_cmpuint (job_status->runs, ==, 4);
  g_assert_cmpuint (job_status->retries, ==, 2);
  g_assert_cmpuint (job_status->failures, ==, 4);
  /* The second chain began with the next timer tick (about 60 ms after the first;
   * GLib re-arms from the dispatching iteration's time, so allow for late
   * dispatch), not with a retry (at most 8 ms). */
  g_assert_cmpint (g_array_index (fixture->jobs[0].gaps, gint64, 0) +
                   g_array_index (fixture->jobs[0].gaps, gint64, 1), >=, 30 * 1000);
}


static gboolean
job_a_called_twice (Fixture *fixture)
{
  return fixture->jobs[0].calls >= 2;
}


static void
test_no_overlap (Fixture       *fixture,
                 gconstpointer  data)
{
  TestJob *job = &fixture->jobs[0];

  add_job (fixture, 0, "a", HOLD, 2, 0, CL_SCHEDULER_JOB_ENABLED);
  cl_scheduler_set_max_concurrent (fixture->scheduler, 4);
  cl_scheduler_start (fixture->scheduler);
  spin_for (fixture, 40);  /* twenty ticks while the first run is held */

  g_assert_cmpuint (job->calls, ==, 1);
  cl_scheduler_run_job_now (fixture->scheduler, "a");
  g_assert_cmpuint (job->calls, ==, 1);
  g_assert_cmpuint (cl_scheduler_get_n_queued (fixture->scheduler), ==, 0);

  release_oldest (job);
  spin_until (fixture, job_a_called_twice);
  g_assert_cmpuint (job->max_running, ==, 1);
  g_assert_cmpuint (job->held->len, ==, 1);
  release_oldest (job);
}


static void
test_queue_at_cap (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *names[] = { "a", "b", "c", "d" };
  g_autoptr(ClSchedulerJobStatus) c_status = NULL;
  g_autoptr(ClSchedulerJobStatus) d_status = NULL;

  g_assert_cmpuint (cl_scheduler_get_max_concurrent (fixture->scheduler), ==, 2);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    add_job (fixture, i, names[i], HOLD, 0, 0,
             CL_SCHEDULER_JOB_ENABLED | CL_SCHEDULER_JOB_RUN_ON_START);
  cl_scheduler_start (fixture->scheduler);

  g_assert_cmpuint (cl_scheduler_get_n_running (fixture->scheduler), ==, 2);
  g_assert_cmpuint (cl_scheduler_get_n_queued (fixture->scheduler), ==, 2);
  c_status = status (fixture, "c");
  d_status = status (fixture, "d");
  g_assert_true (c_status->queued && d_status->queued);
  g_assert_cmpuint (fixture->jobs[2].calls + fixture->jobs[3].calls, ==, 0);

  /* Asking again for a queued job does not queue it twice. */
  cl_scheduler_run_job_now (fixture->scheduler, "c");
  g_assert_cmpuint (cl_scheduler_get_n_queued (fixture->scheduler), ==, 2);

  /* Slots go to the queue in order. */
  release_oldest (&fixture->jobs[0]);
  spin_for (fixture, 5);
  g_assert_cmpuint (fixture->jobs[2].calls, ==, 1);
  g_assert_cmpuint (fixture->jobs[3].calls, ==, 0);
  g_assert_cmpuint (cl_scheduler_get_n_running (fixture->scheduler), ==, 2);

  release_oldest (&fixture->jobs[1]);
  spin_for (fixture, 5);
  g_assert_cmpuint (fixture->jobs[3].calls, ==, 1);
  g_assert_cmpuint (cl_scheduler_get_n_queued (fixture->scheduler), ==, 0);

  release_oldest (&fixture->jobs[2]);
  release_oldest (&fixture->jobs[3]);
  spin_for (fixture, 5);
  /* Nothing was dropped, nothing ran twice. */
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_assert_cmpuint (fixture->jobs[i].calls, ==, 1);
  g_assert_cmpuint (cl_scheduler_get_n_running (fixture->scheduler), ==, 0);
}


/* Raising the cap starts queued runs at once; lowering it lets running ones finish. */
static void
test_change_cap (Fixture       *fixture,
                 gconstpointer  data)
{
  const char *names[] = { "a", "b", "c", "d" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    add_job (fixture, i, names[i], HOLD, 0, 0,
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
  release_oldest (&fixture->jobs[0]);
  spin_for (fixture, 5);
  g_assert_cmpuint (fixture->jobs[3].calls, ==, 0);
  release_oldest (&fixture->jobs[1]);
  release_oldest (&fixture->jobs[2]);
  spin_for (fixture, 5);
  g_assert_cmpuint (fixture->jobs[3].calls, ==, 1);
  g_assert_cmpuint (cl_scheduler_get_n_queued (fixture->scheduler), ==, 0);
  release_oldest (&fixture->jobs[3]);
}


static guint before_calls;


static gboolean
job_a_called_again (Fixture *fixture)
{
  return fixture->jobs[0].calls > before_calls + 1;
}


static gboolean
job_b_retry_pending (Fixture *fixture)
{
  g_autoptr(ClSchedulerJobStatus) job_status = status (fixture, "b");

  return job_status->retry_source_id != 0;
}


static void
test_enable_disable (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(ClSchedulerJobStatus) a_status = NULL;
  g_autoptr(ClSchedulerJobStatus) b_status = NULL;
  g_autoptr(ClSchedulerJobStatus) c_status = NULL;
  guint timer_id;
  guint retry_id;

  add_job (fixture, 0, "a", SUCCEED, 5, 0, CL_SCHEDULER_JOB_ENABLED);
  add_job (fixture, 1, "b", FAIL, 100000, 3, CL_SCHEDULER_JOB_ENABLED);
  add_job (fixture, 2, "c", HOLD, 0, 0, CL_SCHEDULER_JOB_ENABLED);
  cl_scheduler_set_backoff (fixture->scheduler, 100000, 200000, 0.0);
  cl_scheduler_start (fixture->scheduler);
  spin_until (fixture, job_a_called_twice);

  /* Disabling removes the timer from the context; no tick comes any more. */
  a_status = status (fixture, "a");
  timer_id = a_status->timer_source_id;
  g_assert_cmpuint (timer_id, !=, 0);
  g_assert_nonnull (g_main_context_find_source_by_id (fixture->context, timer_id));
  g_assert_true (cl_scheduler_set_job_enabled (fixture->scheduler, "a", FALSE));
  g_clear_pointer (&a_status, cl_scheduler_job_status_free);
  a_status = status (fixture, "a");
  g_assert_false (a_status->enabled);
  g_assert_cmpuint (a_status->timer_source_id, ==, 0);
  g_assert_null (g_main_context_find_source_by_id (fixture->context, timer_id));
  before_calls = fixture->jobs[0].calls;
  spin_for (fixture, 40);
  g_assert_cmpuint (fixture->jobs[0].calls, ==, before_calls);
  cl_scheduler_run_job_now (fixture->scheduler, "a");
  g_assert_cmpuint (fixture->jobs[0].calls, ==, before_calls);

  /* Enabling again brings the ticks back. */
  g_assert_true (cl_scheduler_set_job_enabled (fixture->scheduler, "a", TRUE));
  spin_until (fixture, job_a_called_again);

  /* Disabling a job with a pending retry removes the retry timer too. */
  cl_scheduler_run_job_now (fixture->scheduler, "b");
  spin_until (fixture, job_b_retry_pending);
  b_status = status (fixture, "b");
  retry_id = b_status->retry_source_id;
  g_assert_nonnull (g_main_context_find_source_by_id (fixture->context, retry_id));
  cl_scheduler_set_job_enabled (fixture->scheduler, "b", FALSE);
  g_assert_null (g_main_context_find_source_by_id (fixture->context, retry_id));
  g_clear_pointer (&b_status, cl_scheduler_job_status_free);
  b_status = status (fixture, "b");
  g_assert_cmpuint (b_status->retry_source_id, ==, 0);
  g_assert_cmpuint (b_status->retry_attempt, ==, 0);

  /* Disabling a running job cancels the run. */
  cl_scheduler_run_job_now (fixture->scheduler, "c");
  g_assert_cmpuint (fixture->jobs[2].running, ==, 1);
  cl_scheduler_set_job_enabled (fixture->scheduler, "c", FALSE);
  spin_for (fixture, 5);
  c_status = status (fixture, "c");
  g_assert_false (c_status->running);
  g_assert_cmpuint (c_status->cancellations, ==, 1);
  g_assert_cmpuint (fixture->jobs[2].held->len, ==, 0);

  g_assert_false (cl_scheduler_set_job_enabled (fixture->scheduler, "no-such-job", TRUE));
}


static void
test_run_on_start (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(ClSchedulerJobStatus) b_status = NULL;
  gint64 now;

  add_job (fixture, 0, "a", SUCCEED, 3600000, 0,
           CL_SCHEDULER_JOB_ENABLED | CL_SCHEDULER_JOB_RUN_ON_START);
  add_job (fixture, 1, "b", SUCCEED, 3600000, 0, CL_SCHEDULER_JOB_ENABLED);
  add_job (fixture, 2, "c", SUCCEED, 3600000, 0, CL_SCHEDULER_JOB_RUN_ON_START);

  /* Nothing runs before start. */
  spin_for (fixture, 10);
  g_assert_cmpuint (fixture->jobs[0].calls, ==, 0);

  cl_scheduler_start (fixture->scheduler);
  spin_for (fixture, 10);
  g_assert_cmpuint (fixture->jobs[0].calls, ==, 1);
  g_assert_cmpuint (fixture->jobs[1].calls, ==, 0);
  g_assert_cmpuint (fixture->jobs[2].calls, ==, 0);  /* disabled */

  /* b's first run is one interval (an hour) away. */
  b_status = status (fixture, "b");
  now = g_get_real_time ();
  g_assert_cmpint (b_status->next_run, >, now + 3590 * G_TIME_SPAN_SECOND);
  g_assert_cmpint (b_status->next_run, <, now + 3610 * G_TIME_SPAN_SECOND);
  g_assert_cmpint (b_status->last_run, ==, 0);

  /* A run-on-start job enabled later runs right away. */
  cl_scheduler_set_job_enabled (fixture->scheduler, "c", TRUE);
  spin_for (fixture, 10);
  g_assert_cmpuint (fixture->jobs[2].calls, ==, 1);
  g_assert_cmpuint (fixture->jobs[0].calls, ==, 1);
}


static gboolean
stop_scene_ready (Fixture *fixture)
{
  g_autoptr(ClSchedulerJobStatus) a_status = status (fixture, "a");

  return fixture->jobs[1].running == 1 && fixture->jobs[2].running == 1 &&
         a_status->retry_source_id != 0 && fixture->jobs[0].calls == 1 &&
         cl_scheduler_get_n_queued (fixture->scheduler) == 1;
}


static void
test_stop (Fixture       *fixture,
           gconstpointer  data)
{
  const char *names[] = { "a", "b", "c", "d" };
  g_autoptr(GArray) source_ids = g_array_new (FALSE, FALSE, sizeof (guint));
  guint calls[G_N_ELEMENTS (names)];
  gint64 until;

  /* a fails and waits for a retry, b and c are held, d (1 ms timer) is queued. */
  cl_scheduler_set_backoff (fixture->scheduler, 100000, 100000, 0.0);
  add_job (fixture, 0, "a", FAIL, 1, 3, CL_SCHEDULER_JOB_ENABLED | CL_SCHEDULER_JOB_RUN_ON_START);
  add_job (fixture, 1, "b", HOLD, 1, 0, CL_SCHEDULER_JOB_ENABLED | CL_SCHEDULER_JOB_RUN_ON_START);
  add_job (fixture, 2, "c", HOLD, 1, 0, CL_SCHEDULER_JOB_ENABLED | CL_SCHEDULER_JOB_RUN_ON_START);
  add_job (fixture, 3, "d", SUCCEED, 1, 0, CL_SCHEDULER_JOB_ENABLED);
  cl_scheduler_start (fixture->scheduler);
  spin_until (fixture, stop_scene_ready);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++) {
    g_autoptr(ClSchedulerJobStatus) job_status = status (fixture, names[i]);

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
    g_autoptr(ClSchedulerJobStatus) job_status = status (fixture, names[i]);

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
test_stop_deadline (Fixture       *fixture,
                    gconstpointer  data)
{
  TestJob *job = &fixture->jobs[0];
  gboolean found = FALSE;

  add_job (fixture, 0, "stubborn", HOLD_IGNORE_CANCEL, 0, 3,
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
  spin_for (fixture, 20);
  g_assert_cmpuint (cl_scheduler_get_n_running (fixture->scheduler), ==, 0);
  g_assert_cmpuint (job->calls, ==, 1);
  g_assert_false (g_main_context_pending (fixture->context));
}


static void
test_remove_running (Fixture       *fixture,
                     gconstpointer  data)
{
  TestJob *job = &fixture->jobs[0];
  g_autoptr(GError) error = NULL;

  add_job (fixture, 0, "a", HOLD, 1, 3, CL_SCHEDULER_JOB_ENABLED | CL_SCHEDULER_JOB_RUN_ON_START);
  cl_scheduler_start (fixture->scheduler);
  g_assert_cmpuint (job->running, ==, 1);

  /* A second job of the same name is refused; its data is released. */
  fixture->jobs[1].behaviour = SUCCEED;
  g_assert_false (cl_scheduler_add_job (fixture->scheduler, "a", 1, 0, CL_SCHEDULER_JOB_ENABLED,
                                        test_job_run, &fixture->jobs[1], test_job_destroy,
                                        &error));
  g_assert_error (error, CL_SCHEDULER_ERROR, CL_SCHEDULER_ERROR_DUPLICATE_JOB);
  g_assert_cmpuint (fixture->jobs[1].destroyed, ==, 1);

  g_assert_true (cl_scheduler_remove_job (fixture->scheduler, "a"));
  g_assert_false (cl_scheduler_has_job (fixture->scheduler, "a"));
  /* The run in flight still holds the job's data. */
  g_assert_cmpuint (job->destroyed, ==, 0);
  spin_for (fixture, 20);
  g_assert_cmpuint (job->held->len, ==, 0);
  g_assert_cmpuint (job->destroyed, ==, 1);
  g_assert_cmpuint (job->calls, ==, 1);
  g_assert_cmpuint (cl_scheduler_get_n_running (fixture->scheduler), ==, 0);
  g_assert_false (cl_scheduler_remove_job (fixture->scheduler, "a"));
}


static gboolean
job_a_ran_three_times (Fixture *fixture)
{
  g_autoptr(ClSchedulerJobStatus) job_status = status (fixture, "a");

  return job_status->runs >= 3 && !job_status->running;
}


static void
test_status_json (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *text = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  JsonArray *jobs;
  JsonObject *a;
  JsonObject *b;

  add_job (fixture, 0, "a", SUCCEED, 3, 0, CL_SCHEDULER_JOB_ENABLED);
  add_job (fixture, 1, "b", FAIL, 0, 0, CL_SCHEDULER_JOB_ENABLED);
  add_job (fixture, 2, "c", SUCCEED, 0, 0, CL_SCHEDULER_JOB_NONE);
  cl_scheduler_start (fixture->scheduler);
  cl_scheduler_run_job_now (fixture->scheduler, "b");
  spin_until (fixture, job_a_ran_three_times);

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
test_durations (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(ClSchedulerJobStatus) job_status = NULL;

  add_job (fixture, 0, "a", HOLD, 0, 0, CL_SCHEDULER_JOB_ENABLED);
  cl_scheduler_start (fixture->scheduler);
  cl_scheduler_run_job_now (fixture->scheduler, "a");
  spin_for (fixture, 50);
  release_oldest (&fixture->jobs[0]);
  spin_for (fixture, 5);
  cl_scheduler_run_job_now (fixture->scheduler, "a");
  release_oldest (&fixture->jobs[0]);
  spin_for (fixture, 5);

  /* A 50 ms run, then an immediate one. */
  job_status = status (fixture, "a");
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
thread_job_settled (Fixture *fixture)
{
  g_autoptr(ClSchedulerJobStatus) job_status = status (fixture, "proof-cleanup");

  return job_status->runs >= 1 && !job_status->running && job_status->retry_source_id == 0;
}


/* The mechanism the stores use: blocking work in a worker thread, with the
 * result coming back to the scheduler's (non-default) context. */
static void
test_thread_job (Fixture       *fixture,
                 gconstpointer  data)
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
  spin_until (fixture, thread_job_settled);

  job_status = status (fixture, "proof-cleanup");
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

#define ADD(path, func) \
  g_test_add ("/scheduler/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/scheduler/backoff/sequence", test_backoff_sequence);
  ADD ("backoff/scheduled", test_backoff_scheduled);
  g_test_add ("/scheduler/max-retries/0", Fixture, GUINT_TO_POINTER (0),
              fixture_set_up, test_max_retries, fixture_tear_down);
  g_test_add ("/scheduler/max-retries/1", Fixture, GUINT_TO_POINTER (1),
              fixture_set_up, test_max_retries, fixture_tear_down);
  g_test_add ("/scheduler/max-retries/3", Fixture, GUINT_TO_POINTER (3),
              fixture_set_up, test_max_retries, fixture_tear_down);
  ADD ("retry-then-interval", test_retry_then_interval);
  ADD ("no-overlap", test_no_overlap);
  ADD ("queue-at-cap", test_queue_at_cap);
  ADD ("change-cap", test_change_cap);
  ADD ("enable-disable", test_enable_disable);
  ADD ("run-on-start", test_run_on_start);
  ADD ("stop", test_stop);
  ADD ("stop-deadline", test_stop_deadline);
  ADD ("remove-running", test_remove_running);
  ADD ("status-json", test_status_json);
  ADD ("durations", test_durations);
  ADD ("thread-job", test_thread_job);

  return g_test_run ();
}
