/* cl-spliced-stream.h: a read-only, seekable view of a stream with a run of
 * zero bytes inserted at one offset. Used to put stripped Content Credentials
 * back where their hard binding says they were, without copying the image.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CL_TYPE_SPLICED_STREAM (cl_spliced_stream_get_type ())
G_DECLARE_FINAL_TYPE (ClSplicedStream, cl_spliced_stream, CL, SPLICED_STREAM, GInputStream)

/* base must be seekable; its size is read at construction. at must not be past its end. */
GInputStream *cl_spliced_stream_new (GInputStream  *base,
                                     guint64        at,
                                     guint64        gap_length,
                                     GCancellable  *cancellable,
                                     GError       **error);

G_END_DECLS
