/* cl-image-check.h: is an image file complete? Decoders (gdk-pixbuf) accept
 * truncated JPEGs silently and the asset reader stops at the first scan, so before
 * signing a JPEG's segments and entropy-coded scans are walked to the EOI marker, a
 * TIFF's image data and a HEIF's media data and item extents are found inside the file.
 * (The PNG reader already walks every chunk to IEND.)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cl-asset.h"

G_BEGIN_DECLS

/* FALSE with CL_SIGN_ERROR_INPUT (and the file offset) when the file ends early
 * or its structure is broken. */
gboolean cl_image_check_complete (const char     *path,
                                  ClAssetFormat   format,
                                  GCancellable   *cancellable,
                                  GError        **error);

G_END_DECLS
