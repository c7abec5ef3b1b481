/* cl-sign-image-filter.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cl-sign-image-filter.h"

/* One entry per media type a signable file may be given by the file manager. */
static const char *const signable_types[] = {
  "image/jpeg",
  "image/png",
  "image/webp",
  "image/gif",
  "image/tiff",
  "image/x-adobe-dng",
  "image/jxl",
  "image/svg+xml",
  "image/heif",
  "image/heic",
  "image/avif",
};


GtkFileFilter *
cl_sign_image_filter_new (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("JPEG, PNG, WebP, GIF, TIFF, DNG, JPEG XL, SVG, HEIF and AVIF Images"));
  for (gsize i = 0; i < G_N_ELEMENTS (signable_types); i++)
    gtk_file_filter_add_mime_type (filter, signable_types[i]);
  return filter;
}


GtkFileChooserNative *
cl_sign_image_chooser_new (GtkWindow *parent)
{
  g_autoptr(GtkFileFilter) images = cl_sign_image_filter_new ();
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (_("Add Images to Sign"), parent,
                                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                                               _("_Select"), _("_Cancel"));

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), images);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  return chooser;
}
