/* cl-heif-decode.h: a HEIF, HEIC or AVIF image decoded into a GdkPixbuf through libheif,
 * for a preview, in bounded memory.
 *
 * libheif reads the file through the stream as it asks for parts of it. The file's own
 * thumbnail is decoded when it has one at least as large as the preview; otherwise the
 * primary image, refused in words when it has more than CL_LIMIT_HEIF_DECODE_PIXELS.
 * Upright as its irot and imir properties say, 8 bits a channel, scaled down to fit
 * max_side.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <gdk-pixbuf/gdk-pixbuf.h>

G_BEGIN_DECLS

/* Whether head (the first bytes of a file, at least 12) begins a HEIF that libheif reads. */
gboolean   cl_heif_decode_sniff (const guint8  *head,
                                 gsize          head_len);

/* Decodes the image the seekable stream holds, whose size is file_size. NULL with
 * CL_ASSET_ERROR_TOO_LARGE, _TRUNCATED, _MALFORMED or _UNSUPPORTED_FORMAT in words, or
 * G_IO_ERROR_CANCELLED. */
GdkPixbuf *cl_heif_decode       (GInputStream  *stream,
                                 guint64        file_size,
                                 int            max_side,
                                 GCancellable  *cancellable,
                                 GError       **error);

G_END_DECLS
