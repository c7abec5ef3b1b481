/* cl-asset-layout.h: a signed copy of an image described before it is written, as the
 * pieces it is made of, in order: byte ranges of the source, new bytes a format writer
 * makes (a patched size field, a rewritten directory), and the carrier of the new
 * manifest store. The same description is hashed (every piece but the carrier, which
 * is what a c2pa.hash.data exclusion covers) and then written, so the hash is always
 * over exactly the bytes that are written.
 *
 * The per-format writers (cl-asset-jpeg-writer.c, cl-asset-png-writer.c, …) build one
 * with these functions; cl-asset-writer.c picks the writer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cl-asset-info.h"
#include "cl-byte-range.h"

G_BEGIN_DECLS

typedef struct _ClAssetLayout ClAssetLayout;

/* Called with the output's bytes in order, in pieces of at most 256 KiB. */
typedef gboolean (*ClAssetLayoutEmitFunc) (const guint8  *data,
                                           gsize          len,
                                           gpointer       user_data,
                                           GError       **error);

ClAssetLayout *cl_asset_layout_new             (void);
void           cl_asset_layout_free            (ClAssetLayout  *layout);

/* Bytes [offset, offset + length) of the source. */
void           cl_asset_layout_add_source      (ClAssetLayout  *layout,
                                                guint64         offset,
                                                guint64         length);
/* Bytes [from, to) of the source less every range of skip (sorted ClByteRange). */
void           cl_asset_layout_add_source_except (ClAssetLayout *layout,
                                                guint64         from,
                                                guint64         to,
                                                GArray         *skip);
/* New bytes, written as they are. */
void           cl_asset_layout_add_bytes       (ClAssetLayout  *layout,
                                                GBytes         *bytes);
/* Writes bytes in place of the source's bytes [offset, offset + its length), wherever the
 * layout copies them: the same number of bytes, so nothing after them moves (the privacy
 * options blank metadata values this way). FALSE, with the layout unchanged, when some of
 * those bytes are not copied from the source (a writer rewrote or left them out). */
gboolean       cl_asset_layout_replace_source  (ClAssetLayout  *layout,
                                                guint64         offset,
                                                GBytes         *bytes);
/* The carrier of the new store, carrier_length bytes (once only). */
void           cl_asset_layout_add_carrier     (ClAssetLayout  *layout,
                                                guint64         carrier_length);

/* Where the carrier sits in the new file: the data hash's exclusion. */
ClByteRange    cl_asset_layout_get_carrier     (ClAssetLayout  *layout);
guint64        cl_asset_layout_get_size        (ClAssetLayout  *layout);
/* Whether a and b are the same file but for their carrier's length: the same pieces, the
 * carrier at the same place, so every byte but the carrier's (what the data hash covers)
 * is the same. */
gboolean       cl_asset_layout_same_but_carrier (ClAssetLayout *a,
                                                 ClAssetLayout *b);

/* Passes the new file's bytes to emit: the source's pieces read from source (seekable),
 * the new bytes, and carrier in the carrier's place, or nothing there when carrier is
 * NULL (which is what the data hash covers). A source that ends early or changed size
 * is an error (CL_SIGN_ERROR_INPUT). */
gboolean       cl_asset_layout_emit            (ClAssetLayout          *layout,
                                                GInputStream           *source,
                                                GBytes                 *carrier,
                                                ClAssetLayoutEmitFunc   emit,
                                                gpointer                user_data,
                                                GCancellable           *cancellable,
                                                GError                **error);

/* The layout of the formats that insert a carrier among their segments or chunks
 * (JPEG, PNG): the source without its old store, the carrier where the old store
 * began, or at info->insert_offset when there was none. */
ClAssetLayout *cl_asset_layout_insert_carrier  (const ClAssetInfo *info,
                                                guint64            carrier_length);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClAssetLayout, cl_asset_layout_free)

G_END_DECLS
