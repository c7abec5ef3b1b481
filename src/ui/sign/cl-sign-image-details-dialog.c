/* cl-sign-image-details-dialog.c: one image's own title and author, asked in an
 * AdwMessageDialog with two entry rows and handed to its file row when saved.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-sign-image-details-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-sign-image-details-dialog.h"

struct _ClSignImageDetailsDialog
{
  AdwMessageDialog  parent_instance;

  /* Template widgets */
  AdwEntryRow      *title_row;
  AdwEntryRow      *author_row;
};

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (ClSignImageDetailsDialog, cl_sign_image_details_dialog,
                     ADW_TYPE_MESSAGE_DIALOG)


static char *
field_text (AdwEntryRow *row)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  return text[0] != '\0' ? g_steal_pointer (&text) : NULL;
}


static void
cl_sign_image_details_dialog_response (AdwMessageDialog *dialog,
                                       const char       *response)
{
  ClSignImageDetailsDialog *self = CL_SIGN_IMAGE_DETAILS_DIALOG (dialog);

  if (g_strcmp0 (response, "save") == 0) {
    g_autofree char *title = field_text (self->title_row);
    g_autofree char *author = field_text (self->author_row);

    g_signal_emit (self, signals[SAVED], 0, title, author);
  }
  if (ADW_MESSAGE_DIALOG_CLASS (cl_sign_image_details_dialog_parent_class)->response != NULL)
    ADW_MESSAGE_DIALOG_CLASS (cl_sign_image_details_dialog_parent_class)->response (dialog,
                                                                                  response);
}


static void
cl_sign_image_details_dialog_class_init (ClSignImageDetailsDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  ADW_MESSAGE_DIALOG_CLASS (klass)->response = cl_sign_image_details_dialog_response;

  /* The fields' text, NULL where empty. */
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/credlink/CredLink/cl-sign-image-details-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ClSignImageDetailsDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, ClSignImageDetailsDialog, author_row);
}


static void
cl_sign_image_details_dialog_init (ClSignImageDetailsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}


GtkWidget *
cl_sign_image_details_dialog_new (GtkWindow  *parent,
                                  const char *file_name,
                                  const char *title,
                                  const char *author)
{
  ClSignImageDetailsDialog *self = g_object_new (CL_TYPE_SIGN_IMAGE_DETAILS_DIALOG,
                                                 "transient-for", parent, NULL);

  /* TRANSLATORS: the name of the image file */
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (self), _("Title and Author of “%s”"),
                                     file_name);
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), title != NULL ? title : "");
  gtk_editable_set_text (GTK_EDITABLE (self->author_row), author != NULL ? author : "");
  return GTK_WIDGET (self);
}
