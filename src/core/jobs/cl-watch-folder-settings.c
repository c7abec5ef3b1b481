/* cl-watch-folder-settings.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-job-watch-folder"

#include "config.h"

#include "cl-watch-folder-settings.h"

#define KEY_ENABLED "job-watch-folder-enabled"
#define KEY_FOLDER  "watch-folder-path"
#define KEY_OUTPUT  "watch-folder-output"
#define KEY_PROFILE "watch-folder-profile"

struct _ClWatchFolderSettings
{
  GObject           parent_instance;

  ClWatchFolderJob *job;
  GSettings        *settings;
  gulong            changed_id;
};

G_DEFINE_FINAL_TYPE (ClWatchFolderSettings, cl_watch_folder_settings, G_TYPE_OBJECT)


static void
apply (ClWatchFolderSettings *self)
{
  g_autofree char *folder = g_settings_get_string (self->settings, KEY_FOLDER);
  g_autofree char *output = g_settings_get_string (self->settings, KEY_OUTPUT);
  g_autofree char *profile = g_settings_get_string (self->settings, KEY_PROFILE);
  g_autoptr(GError) error = NULL;

  if (!g_settings_get_boolean (self->settings, KEY_ENABLED)) {
    /* Not waiting: a signing in progress is cancelled and leaves no output. */
    cl_watch_folder_job_stop (self->job, 0);
    return;
  }
  /* A failure is the job's state, shown in Preferences. */
  if (!cl_watch_folder_job_start (self->job, folder, output, profile, &error))
    g_log_structured (G_LOG_DOMAIN, G_LOG_LEVEL_MESSAGE,
                      "MESSAGE", "The watch folder cannot start: %s", error->message);
}


static void
settings_changed_cb (GSettings             *settings,
                     const char            *key,
                     ClWatchFolderSettings *self)
{
  if (g_strcmp0 (key, KEY_ENABLED) == 0 || g_strcmp0 (key, KEY_FOLDER) == 0 ||
      g_strcmp0 (key, KEY_OUTPUT) == 0 || g_strcmp0 (key, KEY_PROFILE) == 0)
    apply (self);
}


void
cl_watch_folder_settings_unbind (ClWatchFolderSettings *self)
{
  g_return_if_fail (CL_IS_WATCH_FOLDER_SETTINGS (self));

  g_clear_signal_handler (&self->changed_id, self->settings);
}


static void
cl_watch_folder_settings_dispose (GObject *object)
{
  ClWatchFolderSettings *self = CL_WATCH_FOLDER_SETTINGS (object);

  if (self->settings != NULL)
    cl_watch_folder_settings_unbind (self);
  g_clear_object (&self->settings);
  g_clear_object (&self->job);

  G_OBJECT_CLASS (cl_watch_folder_settings_parent_class)->dispose (object);
}


static void
cl_watch_folder_settings_class_init (ClWatchFolderSettingsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cl_watch_folder_settings_dispose;
}


static void
cl_watch_folder_settings_init (ClWatchFolderSettings *self)
{
}


ClWatchFolderSettings *
cl_watch_folder_settings_new (ClWatchFolderJob *job,
                              GSettings        *settings)
{
  ClWatchFolderSettings *self;

  g_return_val_if_fail (CL_IS_WATCH_FOLDER_JOB (job), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (CL_TYPE_WATCH_FOLDER_SETTINGS, NULL);
  self->job = g_object_ref (job);
  self->settings = g_object_ref (settings);
  self->changed_id = g_signal_connect (settings, "changed", G_CALLBACK (settings_changed_cb),
                                       self);
  apply (self);
  return self;
}
