/* cl-preferences-window.c: network switches and retention, bound to GSettings.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-preferences"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-ica-issuers-group.h"
#include "cl-jobs-group.h"
#include "cl-preferences-window.h"
#include "cl-trust-lists-group.h"
#include "cl-watch-folder-group.h"

struct _ClPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* Template widgets */
  GtkSwitch            *online_revocation_switch;
  GtkSwitch            *trust_list_refresh_switch;
  GtkSwitch            *remote_manifests_switch;
  GtkSpinButton        *retention_spin;
  ClJobsGroup          *jobs_group;
  ClWatchFolderGroup   *watch_folder_group;

  /* Owned references */
  GSettings            *settings;
};

G_DEFINE_FINAL_TYPE (ClPreferencesWindow, cl_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)


static void
cl_preferences_window_dispose (GObject *object)
{
  ClPreferencesWindow *self = CL_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (cl_preferences_window_parent_class)->dispose (object);
}


static void
cl_preferences_window_class_init (ClPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/credlink/CredLink/cl-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ClPreferencesWindow, online_revocation_switch);
  gtk_widget_class_bind_template_child (widget_class, ClPreferencesWindow, trust_list_refresh_switch);
  gtk_widget_class_bind_template_child (widget_class, ClPreferencesWindow, remote_manifests_switch);
  gtk_widget_class_bind_template_child (widget_class, ClPreferencesWindow, retention_spin);
  gtk_widget_class_bind_template_child (widget_class, ClPreferencesWindow, jobs_group);
  gtk_widget_class_bind_template_child (widget_class, ClPreferencesWindow, watch_folder_group);
}


static void
cl_preferences_window_init (ClPreferencesWindow *self)
{
  g_type_ensure (CL_TYPE_ICA_ISSUERS_GROUP);
  g_type_ensure (CL_TYPE_JOBS_GROUP);
  g_type_ensure (CL_TYPE_TRUST_LISTS_GROUP);
  g_type_ensure (CL_TYPE_WATCH_FOLDER_GROUP);
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "online-revocation",
                   self->online_revocation_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "trust-list-refresh",
                   self->trust_list_refresh_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "remote-manifests",
                   self->remote_manifests_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "proof-retention-days",
                   self->retention_spin, "value", G_SETTINGS_BIND_DEFAULT);
}


void
cl_preferences_window_set_scheduler (ClPreferencesWindow *self,
                                     ClScheduler         *scheduler)
{
  g_return_if_fail (CL_IS_PREFERENCES_WINDOW (self));

  cl_jobs_group_set_scheduler (self->jobs_group, scheduler);
}


void
cl_preferences_window_set_watch_folder (ClPreferencesWindow *self,
                                        ClWatchFolderJob    *job)
{
  g_return_if_fail (CL_IS_PREFERENCES_WINDOW (self));

  cl_watch_folder_group_set_job (self->watch_folder_group, job);
}


ClPreferencesWindow *
cl_preferences_window_new (GtkWindow *parent)
{
  return g_object_new (CL_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       NULL);
}
