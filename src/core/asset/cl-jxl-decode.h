/* cl-jxl-decode.h: a JPEG XL image decoded into a GdkPixbuf through libjxl (Debian 12 has
 * no JPEG XL loader for gdk-pixbuf), for a preview.
 *
 * The file is read in blocks as the decoder asks for them; the pixel count its header
 * claims is checked against CL_LIMIT_DECODE_PIXELS before any pixel is decoded, and the
 * input held at once against CL_LIMIT_DECODE_HELD_INPUT. The first frame only, its
 * orientation applied, 8 bits a channel, scaled down to fit max_side.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <gdk-pixbuf/gdk-pixbuf.h>

G_BEGIN_DECLS

/* Whether head (the first bytes of a file) begins a JPEG XL codestream or container. */
gboolean   cl_jxl_decode_sniff (const guint8  *head,
                                gsize          head_len);

/* Decodes the image that stream holds from where it is. NULL with CL_ASSET_ERROR_TOO_LARGE,
 * _TRUNCATED or _MALFORMED in words, or G_IO_ERROR_CANCELLED. */
GdkPixbuf *cl_jxl_decode       (GInputStream  *stream,
                                int            max_side,
                                GCancellable  *cancellable,
                                GError       **error);

G_END_DECLS
