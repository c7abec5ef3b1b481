/* cl-app-services.c: the services the CredLink application owns, in one registry.
 *
 * The registry closes services last registered first, so each service is
 * registered after those it uses: the HTTP session and the jobs' objects
 * first, then the scheduler that runs the jobs, then the binder that feeds it
 * settings. Stores the jobs use (proof cache, trust store) belong before the
 * scheduler as well.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-app-services"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-app-services.h"
#include "cl-error.h"
#include "cl-http.h"
#include "cl-job-cert-expiry.h"
#include "cl-job-health.h"
#include "cl-job-proof-cache.h"
#include "cl-job-trust-refresh.h"
#include "cl-job-watch-folder.h"
#include "cl-scheduler-settings.h"
#include "cl-scheduler.h"
#include "cl-watch-folder-settings.h"

#define TRUST_REFRESH_MAX_RETRIES 3
#define HTTP_TIMEOUT_SECONDS 60


static gboolean
close_http_session (GObject  *service,
                    gint64    deadline,
                    GError  **error)
{
  cl_http_session_abort (CL_HTTP_SESSION (service));
  return TRUE;
}


static gboolean
close_scheduler (GObject  *service,
                 gint64    deadline,
                 GError  **error)
{
  gint64 remaining_ms = MAX (0, deadline - g_get_monotonic_time ()) / 1000;

  if (!cl_scheduler_stop (CL_SCHEDULER (service), (guint) MIN (remaining_ms, G_MAXUINT))) {
    g_set_error_literal (error, CL_SCHEDULER_ERROR, CL_SCHEDULER_ERROR_DEADLINE,
                         _("Background jobs were still running when the shutdown deadline "
                           "passed"));
    return FALSE;
  }
  return TRUE;
}


static gboolean
close_scheduler_settings (GObject  *service,
                          gint64    deadline,
                          GError  **error)
{
  cl_scheduler_settings_unbind (CL_SCHEDULER_SETTINGS (service));
  return TRUE;
}


/* Cancels the signing in progress and waits for it: a cancelled signing leaves no
 * output, one cut short by the process ending might leave a temporary file. */
static gboolean
close_watch_folder (GObject  *service,
                    gint64    deadline,
                    GError  **error)
{
  gint64 remaining_ms = MAX (0, deadline - g_get_monotonic_time ()) / 1000;

  if (!cl_watch_folder_job_stop (CL_WATCH_FOLDER_JOB (service),
                                 (guint) MIN (remaining_ms, G_MAXUINT))) {
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                         _("The watch folder was still signing when the shutdown deadline "
                           "passed"));
    return FALSE;
  }
  return TRUE;
}


static gboolean
close_watch_folder_settings (GObject  *service,
                             gint64    deadline,
                             GError  **error)
{
  cl_watch_folder_settings_unbind (CL_WATCH_FOLDER_SETTINGS (service));
  return TRUE;
}


static gboolean
hold_cancelled_cb (GCancellable *cancellable,
                   gpointer      user_data)
{
  g_task_return_new_error (G_TASK (user_data), G_IO_ERROR, G_IO_ERROR_CANCELLED,
                           "%s", _("The test job was cancelled"));
  return G_SOURCE_REMOVE;
}


/* CREDLINK_TEST_HOLD_JOB: runs until cancelled, so that tests can shut down mid-run. */
static void
run_hold (GTask        *task,
          GCancellable *cancellable,
          gpointer      user_data)
{
  GSource *source = g_cancellable_source_new (cancellable);

  g_source_set_static_name (source, "[credlink] test-hold job");
  g_source_set_callback (source, G_SOURCE_FUNC (hold_cancelled_cb), task, g_object_unref);
  g_source_attach (source, g_main_context_get_thread_default ());
  g_source_unref (source);
}


static void
add_job_or_log (gboolean  added,
                GError   *error)
{
  if (!added)
    g_log_structured (G_LOG_DOMAIN, G_LOG_LEVEL_MESSAGE,
                      "MESSAGE", "Could not add a background job: %s", error->message);
}


/* $XDG_DATA_HOME/credlink */
char *
cl_app_services_default_data_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "credlink", NULL);
}


/**
 * cl_app_services_new:
 * @settings: (nullable): the application's settings; %NULL for the
 *   io.github.credlink.CredLink schema
 * @data_dir: (nullable): CredLink's data directory; %NULL for
 *   cl_app_services_default_data_dir()
 *
 * Creates the HTTP session, the scheduler on the thread-default main context
 * with the trust-list refresh and health jobs, and the binder that applies
 * the settings to them, registers them all, and starts the scheduler.
 *
 * Returns: (transfer full): the registry; close it with
 *   cl_service_registry_close() at shutdown
 */
ClServiceRegistry *
cl_app_services_new (GSettings  *settings,
                     const char *data_dir)
{
  ClServiceRegistry *registry = cl_service_registry_new ();
  g_autoptr(GSettings) own_settings = NULL;
  g_autofree char *default_data_dir = NULL;
  g_autofree char *trust_dir = NULL;
  g_autoptr(ClHttpSession) session = NULL;
  g_autoptr(ClScheduler) scheduler = NULL;
  g_autoptr(ClSchedulerSettings) binder = NULL;
  g_autoptr(ClTrustRefreshJob) trust_refresh = NULL;
  g_autoptr(ClHealthJob) health = NULL;
  g_autoptr(GError) error = NULL;
  ClSchedulerJobFlags trust_flags = CL_SCHEDULER_JOB_ENABLED;
  guint trust_interval_ms;
  gint64 trust_age;

  if (settings == NULL)
    settings = own_settings = g_settings_new (APP_ID);
  if (data_dir == NULL)
    data_dir = default_data_dir = cl_app_services_default_data_dir ();
  trust_dir = g_build_filename (data_dir, "trust", NULL);

  /* Cheap: the network component is loaded only when a job first goes online. */
  session = cl_http_session_new (HTTP_TIMEOUT_SECONDS);
  cl_service_registry_add (registry, CL_SERVICE_HTTP_SESSION, session, close_http_session);

  trust_refresh = cl_trust_refresh_job_new (session, trust_dir);
  cl_trust_refresh_job_add_default_lists (trust_refresh);
  cl_service_registry_add (registry, CL_SERVICE_TRUST_REFRESH, trust_refresh, NULL);
  health = cl_health_job_new (data_dir);
  cl_service_registry_add (registry, CL_SERVICE_HEALTH, health, NULL);

  scheduler = cl_scheduler_new (NULL);
  cl_service_registry_add (registry, CL_SERVICE_SCHEDULER, scheduler, close_scheduler);
  binder = cl_scheduler_settings_new (scheduler, settings);
  cl_service_registry_add (registry, CL_SERVICE_SCHEDULER_SETTINGS, binder,
                           close_scheduler_settings);

  /* Download at start only when a snapshot is missing or older than the interval. */
  trust_interval_ms = cl_scheduler_settings_job_interval_ms (binder, CL_JOB_TRUST_REFRESH);
  trust_age = cl_trust_refresh_job_get_oldest_age (trust_refresh);
  if (trust_age < 0 || trust_age * 1000 >= trust_interval_ms)
    trust_flags |= CL_SCHEDULER_JOB_RUN_ON_START;
  add_job_or_log (cl_trust_refresh_job_register (trust_refresh, scheduler, trust_interval_ms,
                                                 TRUST_REFRESH_MAX_RETRIES, trust_flags, &error),
                  error);
  g_clear_error (&error);
  add_job_or_log (cl_health_job_register (health, scheduler,
                                          cl_scheduler_settings_job_interval_ms (binder,
                                                                                 CL_JOB_HEALTH),
                                          CL_SCHEDULER_JOB_ENABLED |
                                          CL_SCHEDULER_JOB_RUN_ON_START, &error),
                  error);
  g_clear_error (&error);

  {
    g_autofree char *db_path = g_build_filename (data_dir, "proofs.db", NULL);

    add_job_or_log (cl_proof_cache_jobs_register (
                      scheduler, db_path,
                      cl_scheduler_settings_job_interval_ms (binder, CL_JOB_PROOF_CLEANUP),
                      cl_scheduler_settings_job_interval_ms (binder, CL_JOB_REVOCATION_PRUNE),
                      &error),
                    error);
    g_clear_error (&error);
  }

  {
    g_autofree char *profiles = g_build_filename (data_dir, "profiles", NULL);

    add_job_or_log (cl_cert_expiry_job_register (
                      scheduler, profiles,
                      cl_scheduler_settings_job_interval_ms (binder, CL_JOB_CERT_EXPIRY), &error),
                    error);
    g_clear_error (&error);
  }

  if (g_strcmp0 (g_getenv ("CREDLINK_TEST_HOLD_JOB"), "1") == 0) {
    add_job_or_log (cl_scheduler_add_job (scheduler, CL_JOB_TEST_HOLD, 0, 0,
                                          CL_SCHEDULER_JOB_ENABLED |
                                          CL_SCHEDULER_JOB_RUN_ON_START,
                                          run_hold, NULL, NULL, &error),
                    error);
    g_clear_error (&error);
  }

  {
    g_autofree char *profiles = g_build_filename (data_dir, "profiles", NULL);
    g_autofree char *db_path = g_build_filename (data_dir, "proofs.db", NULL);
    g_autoptr(ClWatchFolderJob) watch_folder = cl_watch_folder_job_new (profiles, db_path);
    g_autoptr(ClWatchFolderSettings) watch_binder = NULL;

    /* The binder closes first (last registered), so the settings cannot restart the job
     * once it is stopped. */
    cl_service_registry_add (registry, CL_SERVICE_WATCH_FOLDER, watch_folder,
                             close_watch_folder);
    watch_binder = cl_watch_folder_settings_new (watch_folder, settings);
    cl_service_registry_add (registry, CL_SERVICE_WATCH_FOLDER_SETTINGS, watch_binder,
                             close_watch_folder_settings);
  }

  cl_scheduler_start (scheduler);
  return registry;
}
