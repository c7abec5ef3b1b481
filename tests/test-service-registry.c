/* test-service-registry.c: services close in reverse order of registration; the
 * application's registry (headless, the one cl-application.c uses) cancels a
 * job held mid-run and awaits it, and shutdown goes on past the deadline.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cl-app-services.h"
#include "cl-error.h"
#include "cl-job-health.h"
#include "cl-scheduler-settings.h"
#include "cl-scheduler.h"
#include "cl-service-registry.h"
#include "cl-test-tmp.h"

static GPtrArray *logged;        /* MESSAGE of every log line, in order */
static GPtrArray *closed_names;


static GLogWriterOutput
record_writer (GLogLevelFlags   log_level,
               const GLogField *fields,
               gsize            n_fields,
               gpointer         user_data)
{
  for (gsize i = 0; i < n_fields; i++) {
    if (g_strcmp0 (fields[i].key, "MESSAGE") == 0)
      g_ptr_array_add (logged, g_strdup (fields[i].value));
  }
  return g_log_writer_default (log_level, fields, n_fields, user_data);
}


/* Asserts that each of @expected is logged, in this order (other lines between are fine). */
static void
assert_logged_in_order (const char * const *expected)
{
  guint line = 0;

  for (guint i = 0; expected[i] != NULL; i++) {
    while (line < logged->len && !g_str_has_prefix (g_ptr_array_index (logged, line),
                                                    expected[i]))
      line++;
    if (line == logged->len)
      g_error ("“%s” was not logged (in this order)", expected[i]);
    line++;
  }
}


static gboolean
record_close (GObject  *service,
              gint64    deadline,
              GError  **error)
{
  g_ptr_array_add (closed_names, g_strdup (g_object_get_data (service, "name")));
  if (g_object_get_data (service, "fail") != NULL) {
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_BUSY, "still busy");
    return FALSE;
  }
  return TRUE;
}


static GObject *
named_object (const char *name)
{
  GObject *object = g_object_new (G_TYPE_OBJECT, NULL);

  g_object_set_data_full (object, "name", g_strdup (name), g_free);
  return object;
}


static void
test_reverse_order (void)
{
  g_autoptr(ClServiceRegistry) registry = cl_service_registry_new ();
  const char *names[] = { "first", "second", "third" };
  GObject *objects[3];

  g_ptr_array_set_size (closed_names, 0);
  for (guint i = 0; i < 3; i++) {
    objects[i] = named_object (names[i]);
    cl_service_registry_add (registry, names[i], objects[i], i == 1 ? NULL : record_close);
    g_object_add_weak_pointer (objects[i], (gpointer *) &objects[i]);
    g_object_unref (objects[i]);
  }
  /* The second one fails to close: the others still close, and the result says so. */
  g_object_set_data (objects[0], "fail", GINT_TO_POINTER (1));
  g_assert_cmpuint (cl_service_registry_get_size (registry), ==, 3);
  g_assert_true (cl_service_registry_lookup (registry, "second") == (gpointer) objects[1]);
  g_assert_null (cl_service_registry_lookup (registry, "fourth"));

  g_assert_false (cl_service_registry_close (registry, 1000));
  g_assert_cmpuint (closed_names->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (closed_names, 0), ==, "third");
  g_assert_cmpstr (g_ptr_array_index (closed_names, 1), ==, "first");
  /* Closing drops the services. */
  for (guint i = 0; i < 3; i++)
    g_assert_null (objects[i]);
  g_assert_true (cl_service_registry_is_closed (registry));
  g_assert_cmpuint (cl_service_registry_get_size (registry), ==, 0);
  /* A second close does nothing. */
  g_assert_true (cl_service_registry_close (registry, 1000));
  g_assert_cmpuint (closed_names->len, ==, 2);
}


static gboolean
job_ran (ClScheduler *scheduler,
         const char  *name)
{
  g_autoptr(ClSchedulerJobStatus) status = cl_scheduler_get_job_status (scheduler, name);

  return status != NULL && status->runs > 0 && !status->running;
}


/* The jobs that run at start (health, proof-cache clean-up, certificate expiry) have
 * finished. */
static gboolean
health_ran (ClScheduler *scheduler)
{
  return job_ran (scheduler, CL_JOB_HEALTH) && job_ran (scheduler, CL_JOB_PROOF_CLEANUP) &&
         job_ran (scheduler, CL_JOB_CERT_EXPIRY);
}


static void
spin_default_until_health_ran (ClScheduler *scheduler)
{
  gint64 give_up = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!health_ran (scheduler)) {
    g_assert_cmpint (g_get_monotonic_time (), <, give_up);
    g_main_context_iteration (NULL, FALSE);
    g_usleep (1000);
  }
}


/* The headless harness: the same registry the application creates in startup. */
static void
test_app_services_shutdown (void)
{
  g_autofree char *data_dir = cl_test_tmp_dir_new ("credlink-services",
                                                   CL_TEST_TMP_UNTIL_CASE_ENDS);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(ClServiceRegistry) registry = NULL;
  g_autoptr(ClScheduler) scheduler = NULL;
  g_autoptr(ClHealthJob) health = NULL;
  g_autoptr(ClSchedulerJobStatus) hold = NULL;
  g_autoptr(ClSchedulerJobStatus) trust = NULL;
  g_autoptr(JsonNode) report = NULL;
  const char *order[] = {
    CL_SERVICE_HTTP_SESSION, CL_SERVICE_TRUST_REFRESH, CL_SERVICE_HEALTH,
    CL_SERVICE_SCHEDULER, CL_SERVICE_SCHEDULER_SETTINGS, CL_SERVICE_WATCH_FOLDER,
    CL_SERVICE_WATCH_FOLDER_SETTINGS,
  };
  const char *expected[] = {
    "Closing services (7) within 5000 ms",
    "Closing service watch-folder-settings",
    "Closing service watch-folder",
    "Closing service scheduler-settings",
    "Closing service scheduler",
    "Scheduler stopping (running: 1, queued: 0)",
    "Cancelling job test-hold",
    "Job test-hold cancelled",
    "Scheduler stopped",
    "Closing service health",
    "Closing service trust-refresh",
    "Closing service http-session",
    "All services closed",
    NULL,
  };

  g_settings_reset (settings, "trust-list-refresh");
  g_setenv ("CREDLINK_TEST_HOLD_JOB", "1", TRUE);
  registry = cl_app_services_new (settings, data_dir);
  g_unsetenv ("CREDLINK_TEST_HOLD_JOB");

  g_assert_cmpuint (cl_service_registry_get_size (registry), ==, G_N_ELEMENTS (order));
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    g_assert_nonnull (cl_service_registry_lookup (registry, order[i]));
  scheduler = g_object_ref (cl_service_registry_lookup (registry, CL_SERVICE_SCHEDULER));
  health = g_object_ref (cl_service_registry_lookup (registry, CL_SERVICE_HEALTH));
  g_assert_true (cl_scheduler_is_started (scheduler));

  /* Network use is off by default: the trust-list refresh does not run. */
  trust = cl_scheduler_get_job_status (scheduler, CL_JOB_TRUST_REFRESH);
  g_assert_false (trust->enabled);
  g_assert_cmpuint (trust->runs, ==, 0);
  spin_default_until_health_ran (scheduler);
  report = cl_health_job_dup_report (health);
  g_assert_nonnull (report);

  hold = cl_scheduler_get_job_status (scheduler, CL_JOB_TEST_HOLD);
  g_assert_true (hold->running);
  g_clear_pointer (&hold, cl_scheduler_job_status_free);

  g_ptr_array_set_size (logged, 0);
  g_assert_true (cl_service_registry_close (registry, CL_SHUTDOWN_DEADLINE_MS));
  assert_logged_in_order (expected);
  hold = cl_scheduler_get_job_status (scheduler, CL_JOB_TEST_HOLD);
  g_assert_false (hold->running);
  g_assert_cmpuint (hold->cancellations, ==, 1);
  g_assert_cmpuint (cl_scheduler_get_n_running (scheduler), ==, 0);
  g_assert_false (cl_scheduler_is_started (scheduler));
}


static GTask *stubborn_task;


static void
run_stubborn (GTask        *task,
              GCancellable *cancellable,
              gpointer      user_data)
{
  stubborn_task = task;
}


/* A job that ignores cancellation does not hold shutdown past the deadline. */
static void
test_deadline_passes (void)
{
  g_autofree char *data_dir = cl_test_tmp_dir_new ("credlink-services",
                                                   CL_TEST_TMP_UNTIL_CASE_ENDS);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(ClServiceRegistry) registry = cl_app_services_new (settings, data_dir);
  g_autoptr(ClScheduler) scheduler = NULL;
  g_autoptr(GError) error = NULL;
  gint64 started;
  const char *expected[] = {
    "Closing service scheduler",
    "Cancelling job stubborn",
    "Scheduler stop deadline of ",
    "Service scheduler did not close cleanly: Background jobs were still running",
    "Closing service http-session",
    "Services closed in ",
    NULL,
  };

  scheduler = g_object_ref (cl_service_registry_lookup (registry, CL_SERVICE_SCHEDULER));
  spin_default_until_health_ran (scheduler);
  g_assert_true (cl_scheduler_add_job (scheduler, "stubborn", 0, 0,
                                       CL_SCHEDULER_JOB_ENABLED, run_stubborn, NULL, NULL,
                                       &error));
  g_assert_no_error (error);
  cl_scheduler_run_job_now (scheduler, "stubborn");
  g_assert_nonnull (stubborn_task);

  g_ptr_array_set_size (logged, 0);
  started = g_get_monotonic_time ();
  g_assert_false (cl_service_registry_close (registry, 200));
  g_assert_cmpint (g_get_monotonic_time () - started, >=, 190 * 1000);
  assert_logged_in_order (expected);
  g_assert_cmpuint (cl_scheduler_get_n_running (scheduler), ==, 1);

  /* When it ends at last, the scheduler, already stopped, does nothing more. */
  g_task_return_boolean (stubborn_task, TRUE);
  g_clear_object (&stubborn_task);
  while (cl_scheduler_get_n_running (scheduler) > 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (cl_scheduler_is_started (scheduler));
}


int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  logged = g_ptr_array_new_with_free_func (g_free);
  closed_names = g_ptr_array_new_with_free_func (g_free);
  g_log_set_writer_func (record_writer, NULL, NULL);

  g_test_add_func ("/service-registry/reverse-order", test_reverse_order);
  g_test_add_func ("/service-registry/app-services-shutdown", test_app_services_shutdown);
  g_test_add_func ("/service-registry/deadline-passes", test_deadline_passes);

  return g_test_run ();
}
