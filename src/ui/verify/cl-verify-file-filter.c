/* cl-verify-file-filter.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cl-verify-file-filter.h"

/* One entry per media type a file the readers read may be given by the file manager. */
static const char *const verifiable_types[] = {
  "image/jpeg",
  "image/png",
  "image/webp",
  "image/tiff",
  "image/x-adobe-dng",
  "image/x-sony-arw",
  "image/x-nikon-nef",
  "image/heif",
  "image/heic",
  "image/avif",
  "image/gif",
  "image/jxl",
  "image/svg+xml",
  "application/c2pa",
};


GtkFileFilter *
cl_verify_file_filter_new (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Images and Manifest Stores"));
  for (gsize i = 0; i < G_N_ELEMENTS (verifiable_types); i++)
    gtk_file_filter_add_mime_type (filter, verifiable_types[i]);
  /* A detached store is known by its name: few systems know its media type. */
  gtk_file_filter_add_suffix (filter, "c2pa");
  return filter;
}
