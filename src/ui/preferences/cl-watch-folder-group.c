/* cl-watch-folder-group.c
 *
 * The switch and the three choices write the GSettings keys the app's watch folder
 * follows (cl-watch-folder-settings); the status and the passphrase row follow the job.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-watch-folder-group"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-a11y.h"
#include "cl-signing-profile-store.h"
#include "cl-watch-folder-group.h"

struct _ClWatchFolderGroup
{
  AdwBin              parent_instance;

  /* Template widgets */
  GtkSwitch          *enabled_switch;
  AdwActionRow       *folder_row;
  AdwActionRow       *output_row;
  AdwComboRow        *profile_row;
  GtkStringList      *profile_names;
  AdwActionRow       *status_row;
  AdwEntryRow        *passphrase_row;

  /* Owned references */
  GSettings          *settings;
  ClWatchFolderJob   *job;
  GCancellable       *cancellable;
  GtkFileChooserNative *chooser;
  char               *chooser_key;
  gulong              state_id;
  gboolean            filling_profiles;
};

G_DEFINE_FINAL_TYPE (ClWatchFolderGroup, cl_watch_folder_group, ADW_TYPE_BIN)


static void
show_folder (AdwActionRow *row,
             const char   *path)
{
  adw_action_row_set_subtitle (row, path != NULL && *path != '\0' ? path : _("Not chosen"));
}


static void
settings_changed_cb (GSettings          *settings,
                     const char         *key,
                     ClWatchFolderGroup *self)
{
  AdwActionRow *row = g_strcmp0 (key, "watch-folder-path") == 0 ? self->folder_row
                      : g_strcmp0 (key, "watch-folder-output") == 0 ? self->output_row : NULL;
  g_autofree char *value = row != NULL ? g_settings_get_string (settings, key) : NULL;

  if (row != NULL)
    show_folder (row, value);
}


static void
update_status (ClWatchFolderGroup *self)
{
  ClWatchFolderState state = self->job != NULL ? cl_watch_folder_job_get_state (self->job)
                                               : CL_WATCH_FOLDER_STOPPED;

  adw_action_row_set_subtitle (self->status_row,
                               self->job != NULL ? cl_watch_folder_job_get_status (self->job)
                                                 : _("Not running in this session"));
  gtk_widget_set_visible (GTK_WIDGET (self->passphrase_row), state == CL_WATCH_FOLDER_LOCKED);
}


/* --- folders ------------------------------------------------------------------------- */

static void
chooser_response_cb (ClWatchFolderGroup   *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT) {
    g_autoptr(GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
    g_autofree char *path = folder != NULL ? g_file_get_path (folder) : NULL;

    if (path != NULL)
      g_settings_set_string (self->settings, self->chooser_key, path);
  }
  g_clear_object (&self->chooser);
}


static void
choose (ClWatchFolderGroup *self,
        const char         *title,
        const char         *key)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  g_clear_object (&self->chooser);
  g_free (self->chooser_key);
  self->chooser_key = g_strdup (key);
  self->chooser = gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                               _("_Select"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect_swapped (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}


static void
choose_folder_cb (ClWatchFolderGroup *self)
{
  choose (self, _("Folder to Watch"), "watch-folder-path");
}


static void
choose_output_cb (ClWatchFolderGroup *self)
{
  choose (self, _("Output Folder"), "watch-folder-output");
}


/* --- profiles ------------------------------------------------------------------------ */

static void
list_profiles_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  GError *error = NULL;
  GPtrArray *profiles = cl_signing_profile_store_list (task_data, &error);

  if (profiles == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, profiles, (GDestroyNotify) g_ptr_array_unref);
}


static void
profiles_listed_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  ClWatchFolderGroup *self = CL_WATCH_FOLDER_GROUP (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) profiles = g_task_propagate_pointer (G_TASK (result), &error);
  g_autofree char *chosen = NULL;
  guint selected = GTK_INVALID_LIST_POSITION;

  if (profiles == NULL) {
    if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
      g_log_structured (G_LOG_DOMAIN, G_LOG_LEVEL_MESSAGE,
                        "MESSAGE", "Cannot list the signing profiles: %s", error->message);
    return;
  }
  chosen = g_settings_get_string (self->settings, "watch-folder-profile");
  self->filling_profiles = TRUE;
  gtk_string_list_splice (self->profile_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->profile_names)), NULL);
  for (guint i = 0; i < profiles->len; i++) {
    ClSigningProfileSummary *summary = g_ptr_array_index (profiles, i);

    gtk_string_list_append (self->profile_names, summary->name);
    if (g_strcmp0 (summary->name, chosen) == 0)
      selected = i;
  }
  adw_combo_row_set_selected (self->profile_row, selected);
  self->filling_profiles = FALSE;
}


static void
list_profiles (ClWatchFolderGroup *self)
{
  g_autoptr(GTask) task = g_task_new (self, self->cancellable, profiles_listed_cb, NULL);
  char *root = self->job != NULL
               ? g_strdup (cl_watch_folder_job_get_profiles_root (self->job))
               : cl_signing_profile_store_default_root ();

  g_task_set_source_tag (task, list_profiles);
  g_task_set_task_data (task, root, g_free);
  g_task_run_in_thread (task, list_profiles_thread);
}


static void
profile_selected_cb (ClWatchFolderGroup *self)
{
  GtkStringObject *item = adw_combo_row_get_selected_item (self->profile_row);

  if (!self->filling_profiles && item != NULL)
    g_settings_set_string (self->settings, "watch-folder-profile",
                           gtk_string_object_get_string (item));
}


/* --- the locked key ------------------------------------------------------------------ */

static void
unlocked_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(ClWatchFolderGroup) self = user_data;
  g_autoptr(GError) error = NULL;

  gboolean unlocked = cl_watch_folder_job_unlock_finish (CL_WATCH_FOLDER_JOB (source), result,
                                                         &error);

  /* Cancelled: the group is being destroyed. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  gtk_widget_set_sensitive (GTK_WIDGET (self->passphrase_row), TRUE);
  if (!unlocked) {
    gtk_widget_add_css_class (GTK_WIDGET (self->passphrase_row), "error");
    adw_action_row_set_subtitle (self->status_row, error->message);
    return;
  }
  gtk_editable_set_text (GTK_EDITABLE (self->passphrase_row), "");
  gtk_widget_remove_css_class (GTK_WIDGET (self->passphrase_row), "error");
  update_status (self);
}


static void
passphrase_apply_cb (ClWatchFolderGroup *self)
{
  const char *passphrase = gtk_editable_get_text (GTK_EDITABLE (self->passphrase_row));

  if (self->job == NULL || *passphrase == '\0')
    return;
  gtk_widget_set_sensitive (GTK_WIDGET (self->passphrase_row), FALSE);
  cl_watch_folder_job_unlock_async (self->job, passphrase, self->cancellable, unlocked_cb,
                                    g_object_ref (self));
}


void
cl_watch_folder_group_set_job (ClWatchFolderGroup *self,
                               ClWatchFolderJob   *job)
{
  g_return_if_fail (CL_IS_WATCH_FOLDER_GROUP (self));
  g_return_if_fail (job == NULL || CL_IS_WATCH_FOLDER_JOB (job));

  if (self->job != NULL)
    g_clear_signal_handler (&self->state_id, self->job);
  g_set_object (&self->job, job);
  if (job != NULL)
    self->state_id = g_signal_connect_swapped (job, "state-changed",
                                               G_CALLBACK (update_status), self);
  update_status (self);
  list_profiles (self);
}


const char *
cl_watch_folder_group_get_status_text (ClWatchFolderGroup *self)
{
  g_return_val_if_fail (CL_IS_WATCH_FOLDER_GROUP (self), NULL);
  return adw_action_row_get_subtitle (self->status_row);
}


static void
cl_watch_folder_group_dispose (GObject *object)
{
  ClWatchFolderGroup *self = CL_WATCH_FOLDER_GROUP (object);

  g_cancellable_cancel (self->cancellable);
  if (self->job != NULL)
    g_clear_signal_handler (&self->state_id, self->job);
  g_clear_object (&self->job);
  g_clear_object (&self->settings);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_WATCH_FOLDER_GROUP);

  G_OBJECT_CLASS (cl_watch_folder_group_parent_class)->dispose (object);
}


static void
cl_watch_folder_group_finalize (GObject *object)
{
  ClWatchFolderGroup *self = CL_WATCH_FOLDER_GROUP (object);

  g_clear_object (&self->cancellable);
  g_free (self->chooser_key);

  G_OBJECT_CLASS (cl_watch_folder_group_parent_class)->finalize (object);
}


static void
cl_watch_folder_group_class_init (ClWatchFolderGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_watch_folder_group_dispose;
  object_class->finalize = cl_watch_folder_group_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/credlink/CredLink/cl-watch-folder-group.ui");
  gtk_widget_class_bind_template_child (widget_class, ClWatchFolderGroup, enabled_switch);
  gtk_widget_class_bind_template_child (widget_class, ClWatchFolderGroup, folder_row);
  gtk_widget_class_bind_template_child (widget_class, ClWatchFolderGroup, output_row);
  gtk_widget_class_bind_template_child (widget_class, ClWatchFolderGroup, profile_row);
  gtk_widget_class_bind_template_child (widget_class, ClWatchFolderGroup, profile_names);
  gtk_widget_class_bind_template_child (widget_class, ClWatchFolderGroup, status_row);
  gtk_widget_class_bind_template_child (widget_class, ClWatchFolderGroup, passphrase_row);
  gtk_widget_class_bind_template_callback (widget_class, choose_folder_cb);
  gtk_widget_class_bind_template_callback (widget_class, choose_output_cb);
  gtk_widget_class_bind_template_callback (widget_class, passphrase_apply_cb);
}


static void
cl_watch_folder_group_init (ClWatchFolderGroup *self)
{
  g_autofree char *folder = NULL;
  g_autofree char *output = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  cl_a11y_name_password_peek (ADW_PASSWORD_ENTRY_ROW (self->passphrase_row));
  self->cancellable = g_cancellable_new ();
  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "job-watch-folder-enabled",
                   self->enabled_switch, "active", G_SETTINGS_BIND_DEFAULT);
  folder = g_settings_get_string (self->settings, "watch-folder-path");
  output = g_settings_get_string (self->settings, "watch-folder-output");
  show_folder (self->folder_row, folder);
  show_folder (self->output_row, output);
  g_signal_connect (self->settings, "changed", G_CALLBACK (settings_changed_cb), self);
  g_signal_connect_swapped (self->profile_row, "notify::selected",
                            G_CALLBACK (profile_selected_cb), self);
  update_status (self);
  list_profiles (self);
}
