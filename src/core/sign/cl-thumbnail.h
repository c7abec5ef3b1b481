/* cl-thumbnail.h: the claim thumbnail, a JPEG of at most 1024 px on its long side.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CL_THUMBNAIL_MAX_SIDE 1024

/* Decodes the whole image at path (which also proves it is not truncated or
 * corrupt), applies its EXIF orientation, scales it down to fit
 * CL_THUMBNAIL_MAX_SIDE and encodes it as JPEG. */
/* Whether an image loader for mime_type is installed (and the format is a raster image:
 * SVG is not). A format without one gets no claim thumbnail, as in c2pa-rs for the
 * formats it cannot decode. */
gboolean cl_thumbnail_can_decode (const char   *mime_type);

GBytes *cl_thumbnail_create_jpeg (const char    *path,
                                  GCancellable  *cancellable,
                                  GError       **error);

G_END_DECLS
