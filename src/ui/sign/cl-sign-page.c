/* cl-sign-page.c: the Sign page — its images (drop, Add Images…, remove), the groups
 * of the signing profile (cl-sign-profile-group.c) and of the credentials, the
 * identity row, and the Sign button: the profile group unlocks the chosen profile,
 * the identity row its own, then a batch (cl-sign-batch.c) signs the images. They
 * report here by signals.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-sign-page"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-file-list.h"
#include "cl-sign-batch.h"
#include "cl-sign-credentials-group.h"
#include "cl-sign-identity-row.h"
#include "cl-sign-image-filter.h"
#include "cl-sign-page.h"
#include "cl-sign-privacy-group.h"
#include "cl-sign-profile-group.h"
#include "cl-sign-tasks.h"

struct _ClSignPage
{
  AdwBin                  parent_instance;

  /* Template widgets */
  AdwToastOverlay        *toast_overlay;
  ClSignProfileGroup     *profile_group;
  ClSignIdentityRow      *identity_row;
  GtkListBox             *file_list;
  ClSignCredentialsGroup *credentials_group;
  ClSignPrivacyGroup     *privacy_group;
  GtkLabel               *status_label;
  GtkProgressBar         *progress_bar;

  /* Owned references */
  GCancellable           *cancellable;          /* page lifetime */
  GtkFileChooserNative   *chooser;
  guint                   n_loading;
  GCancellable           *signing;              /* from Sign until the batch ends */
  ClSignBatch            *batch;                /* once the profile is unlocked */
};

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (ClSignPage, cl_sign_page, ADW_TYPE_BIN)


static gboolean
is_signing (ClSignPage *self)
{
  return self->signing != NULL;
}


gboolean
cl_sign_page_get_busy (ClSignPage *self)
{
  g_return_val_if_fail (CL_IS_SIGN_PAGE (self), FALSE);

  return self->n_loading > 0 || cl_sign_profile_group_get_busy (self->profile_group) ||
         is_signing (self);
}


/* What the listed images and the chosen profile will disclose, checked again.
 * Actions change when the files or the profile do. */
static void
update_privacy (ClSignPage *self)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new ();

  for (guint i = 0; i < cl_sign_page_get_n_files (self); i++)
    g_ptr_array_add (files, cl_sign_file_row_get_file (cl_sign_page_get_file_row (self, i)));
  cl_sign_privacy_group_update (self->privacy_group, files,
                                cl_sign_page_get_selected_profile (self));
}


static void
update_actions (ClSignPage *self)
{
  gboolean running = is_signing (self);
  gboolean has_profile = cl_sign_page_get_selected_profile (self) != NULL;
  guint n_files = cl_sign_page_get_n_files (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sign.sign",
                                 !running && has_profile && n_files > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sign.cancel", running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sign.add-images", !running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sign.remove-file", !running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sign.remove-profile",
                                 !running && has_profile);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sign.import", !running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sign.create-identity", !running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sign.add-token", !running);
  update_privacy (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}


static void
set_error (ClSignPage *self,
           const char *message)
{
  gtk_label_set_text (self->status_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), message != NULL);
}


const char *
cl_sign_page_get_error (ClSignPage *self)
{
  g_return_val_if_fail (CL_IS_SIGN_PAGE (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self->status_label))
         ? gtk_label_get_text (self->status_label) : NULL;
}


/* The signing profile */

void
cl_sign_page_reload_profiles (ClSignPage *self)
{
  g_return_if_fail (CL_IS_SIGN_PAGE (self));

  cl_sign_profile_group_reload (self->profile_group);
}


gboolean
cl_sign_page_select_profile (ClSignPage *self,
                             const char *name)
{
  g_return_val_if_fail (CL_IS_SIGN_PAGE (self), FALSE);

  return cl_sign_profile_group_select (self->profile_group, name);
}


const char *
cl_sign_page_get_selected_profile (ClSignPage *self)
{
  g_return_val_if_fail (CL_IS_SIGN_PAGE (self), NULL);

  return cl_sign_profile_group_get_selected (self->profile_group);
}


const char *
cl_sign_page_get_problems (ClSignPage *self)
{
  g_return_val_if_fail (CL_IS_SIGN_PAGE (self), NULL);

  return cl_sign_profile_group_get_problems (self->profile_group);
}


/* A profile chosen (again): the error shown was about the one before. */
static void
profile_selected_cb (ClSignPage *self)
{
  set_error (self, NULL);
  update_actions (self);
}


static void
profile_busy_cb (ClSignPage *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}


static void
profile_error_cb (ClSignPage *self,
                  const char *message)
{
  set_error (self, message);
}


static void
profile_problem_cb (ClSignPage *self,
                    const char *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}


/* Import…, Create Test Identity…, Add Token Key… and Remove: the group's dialogs. */
static void
profile_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ClSignProfileGroup *group = CL_SIGN_PAGE (widget)->profile_group;

  if (g_str_equal (action_name, "sign.import"))
    cl_sign_profile_group_import (group);
  else if (g_str_equal (action_name, "sign.create-identity"))
    cl_sign_profile_group_create_identity (group);
  else if (g_str_equal (action_name, "sign.add-token"))
    cl_sign_profile_group_add_token (group);
  else
    cl_sign_profile_group_remove_selected (group);
}


/* The images */

static void
begin_loading (ClSignPage *self)
{
  self->n_loading++;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}


static void
end_loading (ClSignPage *self)
{
  g_return_if_fail (self->n_loading > 0);

  self->n_loading--;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}


guint
cl_sign_page_get_n_files (ClSignPage *self)
{
  guint n = 0;

  g_return_val_if_fail (CL_IS_SIGN_PAGE (self), 0);

  while (gtk_list_box_get_row_at_index (self->file_list, (int) n) != NULL)
    n++;
  return n;
}


ClSignFileRow *
cl_sign_page_get_file_row (ClSignPage *self,
                           guint       index)
{
  g_return_val_if_fail (CL_IS_SIGN_PAGE (self), NULL);

  return (ClSignFileRow *) gtk_list_box_get_row_at_index (self->file_list, (int) index);
}


typedef struct {
  ClSignPage    *page;    /* weak */
  ClSignFileRow *row;     /* strong */
} CredentialsCheck;


static void
has_credentials_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  CredentialsCheck *check = user_data;
  g_autoptr(GError) error = NULL;
  gboolean has = cl_sign_task_has_credentials_finish (result, &error);

  /* An unreadable image is reported when it is signed, not here. */
  if (error == NULL)
    cl_sign_file_row_set_has_credentials (check->row, has);
  if (check->page != NULL) {
    end_loading (check->page);
    g_object_remove_weak_pointer (G_OBJECT (check->page), (gpointer *) &check->page);
  }
  g_object_unref (check->row);
  g_free (check);
}


void
cl_sign_page_add_files (ClSignPage  *self,
                        GFile      **files,
                        int          n_files)
{
  g_return_if_fail (CL_IS_SIGN_PAGE (self));

  if (is_signing (self))
    return;
  for (int i = 0; i < n_files; i++) {
    guint n = cl_sign_page_get_n_files (self);
    gboolean seen = FALSE;
    g_autofree char *path = g_file_get_path (files[i]);
    GtkWidget *row;
    CredentialsCheck *check;

    for (guint j = 0; j < n && !seen; j++)
      seen = g_file_equal (cl_sign_file_row_get_file (cl_sign_page_get_file_row (self, j)),
                           files[i]);
    if (seen || path == NULL)
      continue;
    row = cl_sign_file_row_new (files[i]);
    gtk_list_box_append (self->file_list, row);

    check = g_new0 (CredentialsCheck, 1);
    check->page = self;
    g_object_add_weak_pointer (G_OBJECT (self), (gpointer *) &check->page);
    check->row = g_object_ref (CL_SIGN_FILE_ROW (row));
    begin_loading (self);
    cl_sign_task_has_credentials (path, self->cancellable, has_credentials_cb, check);
  }
  update_actions (self);
}


static void
remove_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ClSignPage *self = CL_SIGN_PAGE (widget);
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->file_list,
                                                      (int) g_variant_get_uint32 (parameter));

  if (row != NULL && !is_signing (self))
    gtk_list_box_remove (self->file_list, GTK_WIDGET (row));
  update_actions (self);
}


static void
files_dropped_cb (GFile    **files,
                  int        n_files,
                  gpointer   user_data)
{
  cl_sign_page_add_files (CL_SIGN_PAGE (user_data), files, n_files);
}


static void
images_chosen_cb (ClSignPage           *self,
                  int                   response,
                  GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT) {
    g_autoptr(GPtrArray) files = cl_file_list_from_chooser (GTK_FILE_CHOOSER (chooser));

    cl_sign_page_add_files (self, (GFile **) files->pdata, (int) files->len);
  }
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  g_clear_object (&self->chooser);
}


static void
add_images_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ClSignPage *self = CL_SIGN_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->chooser != NULL) {
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
    g_clear_object (&self->chooser);
  }
  self->chooser = cl_sign_image_chooser_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (images_chosen_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}


/* The output folder */

void
cl_sign_page_set_output_folder (ClSignPage *self,
                                GFile      *folder)
{
  g_return_if_fail (CL_IS_SIGN_PAGE (self));

  cl_sign_credentials_group_set_output_folder (self->credentials_group, folder);
}


/* A running batch puts the images it has not reached yet in the folder chosen now. */
static void
output_folder_cb (ClSignPage             *self,
                  GParamSpec             *pspec,
                  ClSignCredentialsGroup *credentials)
{
  if (self->batch != NULL)
    cl_sign_batch_set_output_folder (self->batch,
                                     cl_sign_credentials_group_get_output_folder (credentials));
}


/* Signing */

/* The batch is over (or never started): the page takes images and profiles again. */
static void
end_signing (ClSignPage *self)
{
  g_clear_object (&self->signing);
  if (self->batch != NULL)
    g_signal_handlers_disconnect_by_data (self->batch, self);
  g_clear_object (&self->batch);
  update_actions (self);
}


static void
progress_cb (ClSignPage  *self,
             ClSignBatch *batch)
{
  g_autofree char *text = cl_sign_batch_dup_progress (batch);

  gtk_progress_bar_set_text (self->progress_bar, text);
  gtk_progress_bar_set_fraction (self->progress_bar, cl_sign_batch_get_fraction (batch));
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), TRUE);
}


static void
finished_cb (ClSignPage  *self,
             ClSignBatch *batch)
{
  GFile *folder = cl_sign_batch_get_signed_folder (batch);
  g_autofree char *message = cl_sign_batch_dup_outcome (batch);
  AdwToast *toast;

  /* The key would not unlock: said as a wrong passphrase was before the batch began. */
  if (cl_sign_batch_get_error (batch) != NULL) {
    set_error (self, cl_sign_batch_get_error (batch)->message);
    cl_sign_profile_group_show_wrong_passphrase (self->profile_group);
    gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), FALSE);
  } else {
    toast = adw_toast_new (message);
    if (folder != NULL) {
      g_autofree char *uri = g_file_get_uri (folder);

      adw_toast_set_button_label (toast, _("Show in Files"));
      adw_toast_set_action_name (toast, "sign.show-folder");
      adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
    }
    adw_toast_overlay_add_toast (self->toast_overlay, toast);
  }
  end_signing (self);
}


/* The fields are read once the key is unlocked; it starts once the identity's is too. */
static void
new_batch (ClSignPage       *self,
           ClSigningProfile *profile)
{
  ClSignCredentialsGroup *credentials = self->credentials_group;
  ClSignOptions options = *cl_sign_credentials_group_read_options (credentials);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  cl_sign_privacy_group_read_options (self->privacy_group, &options);
  for (guint i = 0; i < cl_sign_page_get_n_files (self); i++)
    g_ptr_array_add (rows, cl_sign_page_get_file_row (self, i));
  self->batch = cl_sign_batch_new (profile, &options, rows,
                                   cl_sign_credentials_group_get_output_folder (credentials));
  g_signal_connect_object (self->batch, "progress", G_CALLBACK (progress_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->batch, "finished", G_CALLBACK (finished_cb), self,
                           G_CONNECT_SWAPPED);
}


static void
identity_unlocked_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(ClSignPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ClSigningProfile) identity =
    cl_sign_identity_row_unlock_finish (CL_SIGN_IDENTITY_ROW (source), result, &error);

  if (!is_signing (self) || self->batch == NULL)   /* the page went away */
    return;
  if (error != NULL) {
    if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
      set_error (self, error->message);
    end_signing (self);
    return;
  }
  cl_sign_batch_set_identity (self->batch, identity);
  cl_sign_batch_start (self->batch, self->signing);
}


static void
unlocked_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(ClSignPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ClSigningProfile) profile =
    cl_sign_profile_group_unlock_finish (CL_SIGN_PROFILE_GROUP (source), result, &error);

  if (!is_signing (self))   /* the page went away */
    return;
  if (profile == NULL) {
    if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
      set_error (self, error->message);
    end_signing (self);
    return;
  }
  new_batch (self, profile);
  cl_sign_identity_row_unlock_async (self->identity_row, self->signing, identity_unlocked_cb,
                                     g_object_ref (self));
}


static void
sign_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ClSignPage *self = CL_SIGN_PAGE (widget);
  guint n_files = cl_sign_page_get_n_files (self);

  if (is_signing (self) || cl_sign_page_get_selected_profile (self) == NULL || n_files == 0)
    return;
  set_error (self, NULL);
  if (!cl_sign_profile_group_has_passphrase (self->profile_group)) {
    set_error (self, _("Enter the passphrase of the signing profile."));
    cl_sign_profile_group_focus_passphrase (self->profile_group);
    return;
  }

  self->signing = g_cancellable_new ();
  for (guint i = 0; i < n_files; i++)
    cl_sign_file_row_set_state (cl_sign_page_get_file_row (self, i), CL_SIGN_FILE_PENDING, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), FALSE);
  update_actions (self);
  cl_sign_profile_group_unlock_async (self->profile_group, self->signing, unlocked_cb,
                                      g_object_ref (self));
}


static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ClSignPage *self = CL_SIGN_PAGE (widget);

  if (self->signing != NULL)
    g_cancellable_cancel (self->signing);
}


static void
show_folder_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                g_variant_get_string (parameter, NULL), GDK_CURRENT_TIME);
}


static void
cl_sign_page_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  ClSignPage *self = CL_SIGN_PAGE (object);

  switch (prop_id) {
  case PROP_BUSY:
    g_value_set_boolean (value, cl_sign_page_get_busy (self));
    break;
  default:
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
  }
}


static void
cl_sign_page_dispose (GObject *object)
{
  ClSignPage *self = CL_SIGN_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  if (self->signing != NULL)
    g_cancellable_cancel (self->signing);
  g_clear_object (&self->signing);
  if (self->batch != NULL)
    g_signal_handlers_disconnect_by_data (self->batch, self);
  g_clear_object (&self->batch);
  /* The group may outlive the page while its tasks finish: it reports no more. */
  if (self->profile_group != NULL)
    g_signal_handlers_disconnect_by_data (self->profile_group, self);
  if (self->chooser != NULL) {
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
    g_clear_object (&self->chooser);
  }
  G_OBJECT_CLASS (cl_sign_page_parent_class)->dispose (object);
}


static void
cl_sign_page_finalize (GObject *object)
{
  ClSignPage *self = CL_SIGN_PAGE (object);

  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (cl_sign_page_parent_class)->finalize (object);
}


static void
cl_sign_page_class_init (ClSignPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = cl_sign_page_get_property;
  object_class->dispose = cl_sign_page_dispose;
  object_class->finalize = cl_sign_page_finalize;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", "Busy", "Whether profiles load or images are being signed",
                          FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CL_TYPE_SIGN_PROFILE_GROUP);
  g_type_ensure (CL_TYPE_SIGN_CREDENTIALS_GROUP);
  g_type_ensure (CL_TYPE_SIGN_PRIVACY_GROUP);
  g_type_ensure (CL_TYPE_SIGN_IDENTITY_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/credlink/CredLink/cl-sign-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ClSignPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ClSignPage, profile_group);
  gtk_widget_class_bind_template_child (widget_class, ClSignPage, identity_row);
  gtk_widget_class_bind_template_child (widget_class, ClSignPage, file_list);
  gtk_widget_class_bind_template_child (widget_class, ClSignPage, credentials_group);
  gtk_widget_class_bind_template_child (widget_class, ClSignPage, privacy_group);
  gtk_widget_class_bind_template_child (widget_class, ClSignPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, ClSignPage, progress_bar);

  gtk_widget_class_install_action (widget_class, "sign.add-images", NULL, add_images_action);
  gtk_widget_class_install_action (widget_class, "sign.remove-file", "u", remove_file_action);
  gtk_widget_class_install_action (widget_class, "sign.import", NULL, profile_action);
  gtk_widget_class_install_action (widget_class, "sign.create-identity", NULL, profile_action);
  gtk_widget_class_install_action (widget_class, "sign.add-token", NULL, profile_action);
  gtk_widget_class_install_action (widget_class, "sign.remove-profile", NULL, profile_action);
  gtk_widget_class_install_action (widget_class, "sign.sign", NULL, sign_action);
  gtk_widget_class_install_action (widget_class, "sign.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "sign.show-folder", "s", show_folder_action);
}


static void
cl_sign_page_init (ClSignPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  cl_file_list_add_drop_target (GTK_WIDGET (self), files_dropped_cb, self);
  cl_sign_identity_row_set_profiles (self->identity_row,
                                     cl_sign_profile_group_get_names (self->profile_group));
  g_signal_connect_object (self->profile_group, "notify::selected-profile",
                           G_CALLBACK (profile_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->profile_group, "notify::busy",
                           G_CALLBACK (profile_busy_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->profile_group, "error",
                           G_CALLBACK (profile_error_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->profile_group, "problem",
                           G_CALLBACK (profile_problem_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->credentials_group, "notify::output-folder",
                           G_CALLBACK (output_folder_cb), self, G_CONNECT_SWAPPED);
  update_actions (self);
}


GtkWidget *
cl_sign_page_new (void)
{
  return g_object_new (CL_TYPE_SIGN_PAGE, NULL);
}
