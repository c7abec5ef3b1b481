/* cl-image-preview.h: an image file decoded small, for a list row or a report: JPEG XL
 * through libjxl (cl-jxl-decode), HEIF, HEIC and AVIF through libheif (cl-heif-decode:
 * the file's thumbnail when it is large enough, else the primary image under
 * CL_LIMIT_HEIF_DECODE_PIXELS), every other format through the gdk-pixbuf loaders
 * installed. Neither libjxl nor libheif scales while it decodes, so an image whose header
 * claims more than CL_LIMIT_DECODE_PIXELS (a JPEG XL's size header, any image size
 * property of a HEIF) is refused before it is decoded.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <gdk-pixbuf/gdk-pixbuf.h>

G_BEGIN_DECLS

/* The image at path (a regular file only: a pipe would block) scaled to fit a square of
 * size pixels, its proportions kept, upright as its EXIF orientation (a HEIF: its irot
 * and imir properties) says; NULL with an error when no decoder reads it or it is
 * damaged, truncated or too large to decode. */
GdkPixbuf *cl_image_preview_load (const char    *path,
                                  int            size,
                                  GCancellable  *cancellable,
                                  GError       **error);

G_END_DECLS
