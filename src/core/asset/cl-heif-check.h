/* cl-heif-check.h: is a HEIF, HEIC or AVIF file complete? The box walk accepts a media
 * data box cut short (c2pa-rs hashes it as far as it goes), and a decoder reads only the
 * items it shows, so before signing every media data box must end inside the file and
 * every extent the item locations (iloc) give in the file itself must lie inside it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* FALSE with CL_SIGN_ERROR_INPUT in words (which box or item, and where the file ends)
 * when the file ends before its data does, or its boxes cannot be walked. */
gboolean cl_heif_check_complete (GInputStream  *stream,
                                 guint64        file_size,
                                 GCancellable  *cancellable,
                                 GError       **error);

G_END_DECLS
