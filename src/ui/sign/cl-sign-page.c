/* cl-sign-page.c: the Sign page — its images (drop, Add Images…, remove), the
 * fields that go into the credentials and the output folder. Profiles are in
 * cl-sign-page-profiles.c, signing in cl-sign-page-batch.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-sign-page"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-file-list.h"
#include "cl-sign-page-private.h"
#include "cl-sign-tasks.h"

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (ClSignPage, cl_sign_page, ADW_TYPE_BIN)


gboolean
cl_sign_page_get_busy (ClSignPage *self)
{
  g_return_val_if_fail (CL_IS_SIGN_PAGE (self), FALSE);

  return self->n_loading > 0 || cl_sign_page_batch_is_running (self);
}


void
cl_sign_page_update_actions (ClSignPage *self)
{
  gboolean running = cl_sign_page_batch_is_running (self);
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
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}


void
cl_sign_page_begin_loading (ClSignPage *self)
{
  self->n_loading++;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}


void
cl_sign_page_end_loading (ClSignPage *self)
{
  g_return_if_fail (self->n_loading > 0);

  self->n_loading--;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}


void
cl_sign_page_set_error (ClSignPage *self,
                        const char *message)
{
  gtk_label_set_text (self->status_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), message != NULL);
}


const char *
cl_sign_page_get_error (ClSignPage *self)
{
  g_return_val_if_fail (CL_IS_SIGN_PAGE (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->status_label)))
    return NULL;
  return gtk_label_get_text (self->status_label);
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
    cl_sign_page_end_loading (check->page);
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

  if (cl_sign_page_batch_is_running (self))
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
    cl_sign_page_begin_loading (self);
    cl_sign_task_has_credentials (path, self->cancellable, has_credentials_cb, check);
  }
  cl_sign_page_update_actions (self);
}


static void
remove_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ClSignPage *self = CL_SIGN_PAGE (widget);
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->file_list,
                                                      (int) g_variant_get_uint32 (parameter));

  if (row != NULL && !cl_sign_page_batch_is_running (self))
    gtk_list_box_remove (self->file_list, GTK_WIDGET (row));
  cl_sign_page_update_actions (self);
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
folder_chosen_cb (ClSignPage           *self,
                  int                   response,
                  GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT) {
    g_autoptr(GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

    cl_sign_page_set_output_folder (self, folder);
  }
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  g_clear_object (&self->chooser);
}


static void
show_chooser (ClSignPage           *self,
              const char           *title,
              GtkFileChooserAction  action,
              GCallback             response_cb)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->chooser != NULL) {
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
    g_clear_object (&self->chooser);
  }
  self->chooser = gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               action, _("_Select"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  if (action == GTK_FILE_CHOOSER_ACTION_OPEN) {
    g_autoptr(GtkFileFilter) images = gtk_file_filter_new ();

    gtk_file_filter_set_name (images, _("JPEG and PNG Images"));
    gtk_file_filter_add_mime_type (images, "image/jpeg");
    gtk_file_filter_add_mime_type (images, "image/png");
    gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), images);
    gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (self->chooser), TRUE);
  }
  g_signal_connect_object (self->chooser, "response", response_cb, self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}


static void
add_images_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  show_chooser (CL_SIGN_PAGE (widget), _("Add Images to Sign"), GTK_FILE_CHOOSER_ACTION_OPEN,
                G_CALLBACK (images_chosen_cb));
}


static void
choose_folder_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  show_chooser (CL_SIGN_PAGE (widget), _("Output Folder"),
                GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, G_CALLBACK (folder_chosen_cb));
}


static void
reset_folder_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  cl_sign_page_set_output_folder (CL_SIGN_PAGE (widget), NULL);
}


void
cl_sign_page_set_output_folder (ClSignPage *self,
                                GFile      *folder)
{
  g_return_if_fail (CL_IS_SIGN_PAGE (self));

  g_set_object (&self->output_folder, folder);
  if (folder != NULL) {
    g_autofree char *where = g_file_get_parse_name (folder);

    adw_action_row_set_subtitle (self->output_row, where);
  } else {
    adw_action_row_set_subtitle (self->output_row,
                                 _("Next to each image, named …-signed"));
  }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sign.reset-folder", folder != NULL);
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
  cl_sign_page_batch_dispose (self);
  /* The passphrase lives only as long as the page (the window's session). */
  if (self->passphrase_row != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->passphrase_row), "");
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
  g_clear_object (&self->output_folder);
  g_clear_pointer (&self->summaries, g_ptr_array_unref);
  g_clear_pointer (&self->checked_profile, cl_signing_profile_unref);
  g_clear_pointer (&self->problems, g_free);
  g_clear_pointer (&self->pending_selection, g_free);
  g_clear_pointer (&self->root, g_free);
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

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/credlink/CredLink/cl-sign-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ClSignPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ClSignPage, profile_row);
  gtk_widget_class_bind_template_child (widget_class, ClSignPage, profile_names);
  gtk_widget_class_bind_template_child (widget_class, ClSignPage, certificate_row);
  gtk_widget_class_bind_template_child (widget_class, ClSignPage, problems_row);
  gtk_widget_class_bind_template_child (widget_class, ClSignPage, problems_icon);
  gtk_widget_class_bind_template_child (widget_class, ClSignPage, passphrase_row);
  gtk_widget_class_bind_template_child (widget_class, ClSignPage, file_list);
  gtk_widget_class_bind_template_child (widget_class, ClSignPage, author_row);
  gtk_widget_class_bind_template_child (widget_class, ClSignPage, title_row);
  gtk_widget_class_bind_template_child (widget_class, ClSignPage, tsa_row);
  gtk_widget_class_bind_template_child (widget_class, ClSignPage, do_not_train_switch);
  gtk_widget_class_bind_template_child (widget_class, ClSignPage, source_row);
  gtk_widget_class_bind_template_child (widget_class, ClSignPage, output_row);
  gtk_widget_class_bind_template_child (widget_class, ClSignPage, replace_switch);
  gtk_widget_class_bind_template_child (widget_class, ClSignPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, ClSignPage, progress_bar);

  gtk_widget_class_install_action (widget_class, "sign.add-images", NULL, add_images_action);
  gtk_widget_class_install_action (widget_class, "sign.remove-file", "u", remove_file_action);
  gtk_widget_class_install_action (widget_class, "sign.choose-folder", NULL,
                                   choose_folder_action);
  gtk_widget_class_install_action (widget_class, "sign.reset-folder", NULL,
                                   reset_folder_action);
  cl_sign_page_profiles_class_init (widget_class);
  cl_sign_page_batch_class_init (widget_class);
}


static void
cl_sign_page_init (ClSignPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  cl_file_list_add_drop_target (GTK_WIDGET (self), files_dropped_cb, self);

  cl_sign_page_set_output_folder (self, NULL);
  cl_sign_page_profiles_init (self);
  cl_sign_page_update_actions (self);
}


GtkWidget *
cl_sign_page_new (void)
{
  return g_object_new (CL_TYPE_SIGN_PAGE, NULL);
}
