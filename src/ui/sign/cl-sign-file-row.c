/* cl-sign-file-row.c: one image to sign — its name, where it goes, whether it
 * already carries credentials, its own title and author if it was given them, and
 * how signing it went. The edit button asks for the title and author
 * (cl-sign-image-details-dialog.c); the remove button activates "sign.remove-file"
 * with the row's index.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-sign-file-row"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-sign-file-row.h"
#include "cl-sign-image-details-dialog.h"

struct _ClSignFileRow
{
  AdwActionRow     parent_instance;

  GtkImage        *status_icon;
  GtkButton       *edit_button;
  GtkButton       *remove_button;

  GFile           *file;
  ClSignFileState  state;
  char            *detail;
  gboolean         has_credentials;
  char            *title;              /* NULL: the batch's */
  char            *author;             /* NULL: the batch's */
};

G_DEFINE_FINAL_TYPE (ClSignFileRow, cl_sign_file_row, ADW_TYPE_ACTION_ROW)


/* The image's own title and author, said on its row; NULL when it has none. */
static char *
details_text (ClSignFileRow *self)
{
  if (self->title != NULL && self->author != NULL)
    /* TRANSLATORS: an image's own title, then its author */
    return g_strdup_printf (_("Title: %s · Author: %s"), self->title, self->author);
  if (self->title != NULL)
    return g_strdup_printf (_("Title: %s"), self->title);
  if (self->author != NULL)
    return g_strdup_printf (_("Author: %s"), self->author);
  return NULL;
}


static void
update_row (ClSignFileRow *self)
{
  g_autofree char *subtitle = NULL;
  const char *icon = NULL;
  const char *status = NULL;

  switch (self->state) {
  case CL_SIGN_FILE_PENDING:
    if (self->has_credentials)
      status = _("Has Content Credentials: the new ones record it as edited (opened)");
    else
      subtitle = details_text (self);
    break;
  case CL_SIGN_FILE_SIGNING:
    icon = "content-loading-symbolic";
    status = _("Signing…");
    break;
  case CL_SIGN_FILE_DONE:
    icon = "emblem-ok-symbolic";
    subtitle = g_strdup_printf (_("Signed: %s"), self->detail);
    break;
  case CL_SIGN_FILE_FAILED:
    icon = "dialog-error-symbolic";
    subtitle = g_strdup_printf (_("Not signed: %s"), self->detail);
    break;
  default:
    g_assert_not_reached ();
  }
  if (subtitle == NULL) {
    g_autoptr(GFile) parent = g_file_get_parent (self->file);

    if (status != NULL)
      subtitle = g_strdup (status);
    else if (parent != NULL)
      subtitle = g_file_get_parse_name (parent);
  }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle != NULL ? subtitle : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_icon), icon != NULL);
  if (icon != NULL) {
    gtk_image_set_from_icon_name (self->status_icon, icon);
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->status_icon),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    subtitle != NULL ? subtitle : "", -1);
  }
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_icon), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_icon), "error");
  if (self->state == CL_SIGN_FILE_DONE)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_icon), "success");
  else if (self->state == CL_SIGN_FILE_FAILED)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_icon), "error");
  gtk_widget_set_sensitive (GTK_WIDGET (self->remove_button),
                            self->state != CL_SIGN_FILE_SIGNING);
  gtk_widget_set_sensitive (GTK_WIDGET (self->edit_button),
                            self->state != CL_SIGN_FILE_SIGNING);
}


static void
details_saved_cb (ClSignFileRow *self,
                  const char    *title,
                  const char    *author)
{
  cl_sign_file_row_set_details (self, title, author);
}


static void
edit_clicked_cb (ClSignFileRow *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *name = g_file_get_basename (self->file);
  GtkWidget *dialog = cl_sign_image_details_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root)
                                                                             : NULL,
                                                        name, self->title, self->author);

  /* The row may be removed while the dialog is open: it is then told nothing. */
  g_signal_connect_object (dialog, "saved", G_CALLBACK (details_saved_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}


static GtkButton *
add_suffix_button (ClSignFileRow *self,
                   const char    *icon_name,
                   const char    *tooltip,
                   const char    *label,
                   GCallback      clicked)
{
  GtkButton *button = GTK_BUTTON (gtk_button_new_from_icon_name (icon_name));

  gtk_widget_set_valign (GTK_WIDGET (button), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (button), "flat");
  gtk_widget_set_tooltip_text (GTK_WIDGET (button), tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_signal_connect_object (button, "clicked", clicked, self, G_CONNECT_SWAPPED);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), GTK_WIDGET (button));
  return button;
}


static void
remove_clicked_cb (ClSignFileRow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "sign.remove-file", "u",
                              (guint32) gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (self)));
}


static void
cl_sign_file_row_finalize (GObject *object)
{
  ClSignFileRow *self = CL_SIGN_FILE_ROW (object);

  g_clear_object (&self->file);
  g_clear_pointer (&self->detail, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->author, g_free);
  G_OBJECT_CLASS (cl_sign_file_row_parent_class)->finalize (object);
}


static void
cl_sign_file_row_class_init (ClSignFileRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cl_sign_file_row_finalize;
}


static void
cl_sign_file_row_init (ClSignFileRow *self)
{
  GtkWidget *icon = gtk_image_new_from_icon_name ("image-x-generic-symbolic");

  gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Image file"), -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (self), icon);

  self->status_icon = GTK_IMAGE (gtk_image_new ());
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), GTK_WIDGET (self->status_icon));

  self->edit_button = add_suffix_button (self, "document-edit-symbolic",
                                         _("Title and Author of This Image"),
                                         _("Title and author of this image"),
                                         G_CALLBACK (edit_clicked_cb));
  self->remove_button = add_suffix_button (self, "edit-delete-symbolic", _("Remove From List"),
                                           _("Remove from list"),
                                           G_CALLBACK (remove_clicked_cb));
}


GtkWidget *
cl_sign_file_row_new (GFile *file)
{
  ClSignFileRow *self = g_object_new (CL_TYPE_SIGN_FILE_ROW, NULL);
  g_autofree char *name = g_file_get_basename (file);

  self->file = g_object_ref (file);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), name);
  update_row (self);
  return GTK_WIDGET (self);
}


GFile *
cl_sign_file_row_get_file (ClSignFileRow *self)
{
  g_return_val_if_fail (CL_IS_SIGN_FILE_ROW (self), NULL);

  return self->file;
}


void
cl_sign_file_row_set_has_credentials (ClSignFileRow *self,
                                      gboolean       has_credentials)
{
  g_return_if_fail (CL_IS_SIGN_FILE_ROW (self));

  self->has_credentials = has_credentials;
  update_row (self);
}


gboolean
cl_sign_file_row_get_has_credentials (ClSignFileRow *self)
{
  g_return_val_if_fail (CL_IS_SIGN_FILE_ROW (self), FALSE);

  return self->has_credentials;
}


void
cl_sign_file_row_set_state (ClSignFileRow   *self,
                            ClSignFileState  state,
                            const char      *detail)
{
  g_return_if_fail (CL_IS_SIGN_FILE_ROW (self));

  self->state = state;
  g_free (self->detail);
  self->detail = g_strdup (detail);
  update_row (self);
}


ClSignFileState
cl_sign_file_row_get_state (ClSignFileRow *self)
{
  g_return_val_if_fail (CL_IS_SIGN_FILE_ROW (self), CL_SIGN_FILE_PENDING);

  return self->state;
}


const char *
cl_sign_file_row_get_detail (ClSignFileRow *self)
{
  g_return_val_if_fail (CL_IS_SIGN_FILE_ROW (self), NULL);

  return self->detail;
}


void
cl_sign_file_row_set_details (ClSignFileRow *self,
                              const char    *title,
                              const char    *author)
{
  g_return_if_fail (CL_IS_SIGN_FILE_ROW (self));

  g_free (self->title);
  self->title = g_strdup (title);
  g_free (self->author);
  self->author = g_strdup (author);
  update_row (self);
}


const char *
cl_sign_file_row_get_title (ClSignFileRow *self)
{
  g_return_val_if_fail (CL_IS_SIGN_FILE_ROW (self), NULL);

  return self->title;
}


const char *
cl_sign_file_row_get_author (ClSignFileRow *self)
{
  g_return_val_if_fail (CL_IS_SIGN_FILE_ROW (self), NULL);

  return self->author;
}
