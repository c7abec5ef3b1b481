/* test-scheduler-settings.c: the job-<name>-enabled/-interval keys drive the
 * scheduler's jobs, at registration and at runtime.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cl-scheduler-settings.h"

static const char *job_names[] = {
  CL_JOB_PROOF_CLEANUP, CL_JOB_CERT_EXPIRY, CL_JOB_TRUST_REFRESH, CL_JOB_REVOCATION_PRUNE,
  CL_JOB_HEALTH,
};


static void
never_run (GTask        *task,
           GCancellable *cancellable,
           gpointer      user_data)
{
  g_assert_not_reached ();
}


static GSettings *
fresh_settings (void)
{
  GSettings *settings = g_settings_new (APP_ID);
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;

  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    g_settings_reset (settings, keys[i]);
  return settings;
}


static void
add (ClScheduler *scheduler,
     const char  *name,
     guint        interval_ms)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (cl_scheduler_add_job (scheduler, name, interval_ms, 0, CL_SCHEDULER_JOB_ENABLED,
                                       never_run, NULL, NULL, &error));
  g_assert_no_error (error);
}


static ClSchedulerJobStatus *
status (ClScheduler *scheduler,
        const char  *name)
{
  ClSchedulerJobStatus *job_status = cl_scheduler_get_job_status (scheduler, name);

  g_assert_nonnull (job_status);
  return job_status;
}


/* Every job has both keys, on by default, with a sensible interval. */
static void
test_schema_defaults (void)
{
  g_autoptr(GSettings) settings = fresh_settings ();
  g_autoptr(GSettingsSchema) schema = NULL;

  g_object_get (settings, "settings-schema", &schema, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (job_names); i++) {
    g_autofree char *enabled_key = g_strdup_printf ("job-%s-enabled", job_names[i]);
    g_autofree char *interval_key = g_strdup_printf ("job-%s-interval", job_names[i]);
    g_autoptr(GSettingsSchemaKey) interval = NULL;
    guint seconds;

    g_assert_true (cl_scheduler_settings_knows_job (job_names[i]));
    g_assert_true (g_settings_schema_has_key (schema, enabled_key));
    g_assert_true (g_settings_get_boolean (settings, enabled_key));
    interval = g_settings_schema_get_key (schema, interval_key);
    g_assert_true (g_variant_type_equal (g_settings_schema_key_get_value_type (interval),
                                         G_VARIANT_TYPE_UINT32));
    seconds = g_settings_get_uint (settings, interval_key);
    g_assert_cmpuint (seconds, >=, 3600);
    g_assert_cmpuint (seconds, <=, 7 * 86400);
    /* Too short an interval is refused by the schema. */
    g_assert_false (g_settings_schema_key_range_check (interval, g_variant_new_uint32 (1)));
  }
  /* Network use stays off until the user allows it. */
  g_assert_false (g_settings_get_boolean (settings, "trust-list-refresh"));
  g_assert_false (cl_scheduler_settings_knows_job ("custom"));
}


static void
test_binding (void)
{
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(ClScheduler) scheduler = cl_scheduler_new (context);
  g_autoptr(GSettings) settings = fresh_settings ();
  g_autoptr(ClSchedulerSettings) binder = NULL;
  g_autoptr(ClSchedulerJobStatus) job_status = NULL;
  guint timer_id;

  add (scheduler, CL_JOB_HEALTH, 10);
  add (scheduler, "custom", 10);
  binder = cl_scheduler_settings_new (scheduler, settings);
  cl_scheduler_start (scheduler);

  /* A job present before the binder takes the settings' interval… */
  job_status = status (scheduler, CL_JOB_HEALTH);
  g_assert_cmpuint (job_status->interval_ms, ==, 3600 * 1000);
  g_assert_true (job_status->enabled);
  g_clear_pointer (&job_status, cl_scheduler_job_status_free);
  /* …a job without keys keeps its own. */
  job_status = status (scheduler, "custom");
  g_assert_cmpuint (job_status->interval_ms, ==, 10);
  g_clear_pointer (&job_status, cl_scheduler_job_status_free);

  /* Jobs registered later by the stores' owners get their settings at once. */
  add (scheduler, CL_JOB_PROOF_CLEANUP, 10);
  job_status = status (scheduler, CL_JOB_PROOF_CLEANUP);
  g_assert_cmpuint (job_status->interval_ms, ==, 86400 * 1000);
  g_assert_true (job_status->enabled);
  g_clear_pointer (&job_status, cl_scheduler_job_status_free);

  /* The trust-list refresh also needs the permission to use the network. */
  add (scheduler, CL_JOB_TRUST_REFRESH, 10);
  job_status = status (scheduler, CL_JOB_TRUST_REFRESH);
  g_assert_false (job_status->enabled);
  g_assert_cmpuint (job_status->timer_source_id, ==, 0);
  g_clear_pointer (&job_status, cl_scheduler_job_status_free);
  g_settings_set_boolean (settings, "trust-list-refresh", TRUE);
  job_status = status (scheduler, CL_JOB_TRUST_REFRESH);
  g_assert_true (job_status->enabled);
  g_assert_cmpuint (job_status->timer_source_id, !=, 0);
  g_clear_pointer (&job_status, cl_scheduler_job_status_free);
  g_settings_set_boolean (settings, "job-trust-refresh-enabled", FALSE);
  job_status = status (scheduler, CL_JOB_TRUST_REFRESH);
  g_assert_false (job_status->enabled);
  g_clear_pointer (&job_status, cl_scheduler_job_status_free);

  /* Changes apply at runtime: the timer is replaced or removed. */
  job_status = status (scheduler, CL_JOB_HEALTH);
  timer_id = job_status->timer_source_id;
  g_clear_pointer (&job_status, cl_scheduler_job_status_free);
  g_settings_set_uint (settings, "job-health-interval", 120);
  job_status = status (scheduler, CL_JOB_HEALTH);
  g_assert_cmpuint (job_status->interval_ms, ==, 120 * 1000);
  g_assert_cmpuint (job_status->timer_source_id, !=, timer_id);
  g_assert_null (g_main_context_find_source_by_id (context, timer_id));
  timer_id = job_status->timer_source_id;
  g_clear_pointer (&job_status, cl_scheduler_job_status_free);
  g_settings_set_boolean (settings, "job-health-enabled", FALSE);
  job_status = status (scheduler, CL_JOB_HEALTH);
  g_assert_false (job_status->enabled);
  g_assert_null (g_main_context_find_source_by_id (context, timer_id));
  g_clear_pointer (&job_status, cl_scheduler_job_status_free);

  /* After unbinding, settings no longer reach the scheduler. */
  cl_scheduler_settings_unbind (binder);
  g_settings_set_boolean (settings, "job-health-enabled", TRUE);
  job_status = status (scheduler, CL_JOB_HEALTH);
  g_assert_false (job_status->enabled);

  g_assert_true (cl_scheduler_stop (scheduler, 0));
}


int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/scheduler-settings/schema-defaults", test_schema_defaults);
  g_test_add_func ("/scheduler-settings/binding", test_binding);

  return g_test_run ();
}
