/* cl-application.c: the AdwApplication; owns windows and app-wide actions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-application"

#include "config.h"

#include <signal.h>
#include <glib/gi18n.h>
#include <glib-unix.h>

#include "cl-app-services.h"
#include "cl-application.h"
#include "cl-job-trust-refresh.h"
#include "cl-trust-store.h"
#include "cl-version.h"
#include "cl-window.h"

struct _ClApplication
{
  AdwApplication     parent_instance;

  /* Owned References */
  ClServiceRegistry *services;
  guint              sigint_source_id;
  guint              sigterm_source_id;
};

G_DEFINE_FINAL_TYPE (ClApplication, cl_application, ADW_TYPE_APPLICATION)


static ClWindow *
get_or_create_window (ClApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = g_object_new (CL_TYPE_WINDOW,
                           "application", self,
                           "services", self->services,
                           NULL);
  return CL_WINDOW (window);
}


static void
cl_application_activate (GApplication *app)
{
  ClWindow *window = get_or_create_window (CL_APPLICATION (app));

  gtk_window_present (GTK_WINDOW (window));
}


/* Files given on the command line, or dropped on the app icon, open like a drop. */
static void
cl_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  ClWindow *window = get_or_create_window (CL_APPLICATION (app));

  cl_window_open_files (window, files, n_files);
  gtk_window_present (GTK_WINDOW (window));
}


static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}


static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  g_autofree char *debug_info = cl_version_libraries ();
  const char *developers[] = { _("The CredLink developers"), NULL };

  adw_show_about_window (gtk_application_get_active_window (app),
                         "application-name", _("CredLink"),
                         "application-icon", APP_ID,
                         "developer-name", _("The CredLink developers"),
                         "version", cl_version_string (),
                         "comments", _("Verify and sign C2PA Content Credentials in images"),
                         "website", "https://github.com/credlink/credlink",
                         "issue-url", "https://github.com/credlink/credlink/issues",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "developers", developers,
                         "debug-info", debug_info,
                         NULL);
}


static const GActionEntry app_actions[] = {
  { "quit", quit_activated, NULL, NULL, NULL },
  { "about", about_activated, NULL, NULL, NULL },
};


/* SIGINT and SIGTERM quit like app.quit, so that shutdown closes the services. */
static gboolean
quit_on_signal (ClApplication *self,
                const char    *signal_name)
{
  g_log_structured (G_LOG_DOMAIN, G_LOG_LEVEL_INFO,
                    "MESSAGE", "Received %s; quitting", signal_name);
  g_application_quit (G_APPLICATION (self));
  return G_SOURCE_CONTINUE;
}


static gboolean
sigint_cb (gpointer user_data)
{
  return quit_on_signal (CL_APPLICATION (user_data), "SIGINT");
}


static gboolean
sigterm_cb (gpointer user_data)
{
  return quit_on_signal (CL_APPLICATION (user_data), "SIGTERM");
}


static void
reload_trust_store_thread (GTask        *task,
                           gpointer      source_object,
                           gpointer      task_data,
                           GCancellable *cancellable)
{
  cl_trust_store_set_default (NULL);
  g_task_return_boolean (task, TRUE);
}


/* The background refresh replaced a list on disk: verifications from now on, and the
 * history's re-check (it watches the default store), use it. Loading reads files: a thread. */
static void
trust_list_updated_cb (ClTrustRefreshJob *job,
                       const char        *list_name,
                       gpointer           user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, NULL, NULL, NULL);

  g_task_set_source_tag (task, trust_list_updated_cb);
  g_task_run_in_thread (task, reload_trust_store_thread);
}


/* The services (HTTP session, background jobs…) live from startup to shutdown.
 * The signal handlers come first, so that no job runs before a SIGTERM would
 * close it properly. */
static void
start_services (ClApplication *self)
{
  self->sigint_source_id = g_unix_signal_add (SIGINT, sigint_cb, self);
  self->sigterm_source_id = g_unix_signal_add (SIGTERM, sigterm_cb, self);
  self->services = cl_app_services_new (NULL, NULL);
  g_signal_connect (cl_service_registry_lookup (self->services, CL_SERVICE_TRUST_REFRESH),
                    "list-updated", G_CALLBACK (trust_list_updated_cb), NULL);
}


/* Cancels the running jobs and waits for them up to CL_SHUTDOWN_DEADLINE_MS. */
static void
cl_application_shutdown (GApplication *app)
{
  ClApplication *self = CL_APPLICATION (app);

  g_clear_handle_id (&self->sigint_source_id, g_source_remove);
  g_clear_handle_id (&self->sigterm_source_id, g_source_remove);
  if (self->services != NULL)
    cl_service_registry_close (self->services, CL_SHUTDOWN_DEADLINE_MS);
  g_clear_object (&self->services);

  G_APPLICATION_CLASS (cl_application_parent_class)->shutdown (app);
}


static void
cl_application_startup (GApplication *app)
{
  GtkApplication *gtk_app = GTK_APPLICATION (app);

  G_APPLICATION_CLASS (cl_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (gtk_app, "app.quit",
                                         (const char *[]) { "<Primary>q", NULL });
  gtk_application_set_accels_for_action (gtk_app, "win.open",
                                         (const char *[]) { "<Primary>o", NULL });
  gtk_application_set_accels_for_action (gtk_app, "win.show-preferences",
                                         (const char *[]) { "<Primary>comma", NULL });
  gtk_application_set_accels_for_action (gtk_app, "window.close",
                                         (const char *[]) { "<Primary>w", NULL });

  start_services (CL_APPLICATION (app));
}


static void
cl_application_class_init (ClApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->activate = cl_application_activate;
  app_class->open = cl_application_open;
  app_class->startup = cl_application_startup;
  app_class->shutdown = cl_application_shutdown;
}


static void
cl_application_init (ClApplication *self)
{
}


ClApplication *
cl_application_new (void)
{
  return g_object_new (CL_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/credlink/CredLink",
                       NULL);
}
