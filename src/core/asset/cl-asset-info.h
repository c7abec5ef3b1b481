/* cl-asset-info.h: what the per-format readers stand on: reading a piece of the file,
 * noting where the manifest store sits, and finding a remote manifest's URL in XMP.
 *
 * cl-asset.c sniffs the format and calls a reader (cl-asset-jpeg.c, cl-asset-png.c);
 * the readers fill the ClAssetInfo with these helpers and never call cl-asset.c back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cl-asset.h"

G_BEGIN_DECLS

/* Reads exactly len bytes at offset; TRUNCATED (naming what) when the file ends first. */
gboolean cl_asset_read_at   (GInputStream  *stream,
                             guint64        offset,
                             guint8        *buffer,
                             gsize          len,
                             const char    *what,
                             GCancellable  *cancellable,
                             GError       **error);

/* The URL of dcterms:provenance in an XMP packet, when it names a remote manifest
 * (http or https); NULL otherwise. */
char    *cl_asset_xmp_find_provenance (const char *xmp,
                                       gsize       len);

/* Adds a piece of the store to info->store_ranges, joined to the last range when it
 * follows it directly. */
void     cl_asset_info_add_store_range (ClAssetInfo *info,
                                        guint64      start,
                                        guint64      length);

G_END_DECLS
