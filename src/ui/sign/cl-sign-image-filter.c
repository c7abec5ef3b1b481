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
