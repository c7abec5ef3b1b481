/* cl-sign-image-filter.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cl-asset-writer.h"
#include "cl-sign-image-filter.h"


GtkFileFilter *
cl_sign_image_filter_new (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();
  g_auto(GStrv) media_types = cl_asset_writable_media_types ();
  g_auto(GStrv) suffixes = cl_asset_writable_suffixes ();

  gtk_file_filter_set_name (filter, _("Images CredLink Can Sign"));
  for (gsize i = 0; media_types[i] != NULL; i++)
    gtk_file_filter_add_mime_type (filter, media_types[i]);
  /* By name too: a file manager may not know a newer format's media type (JPEG XL). */
  for (gsize i = 0; suffixes[i] != NULL; i++)
    gtk_file_filter_add_suffix (filter, suffixes[i]);
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
