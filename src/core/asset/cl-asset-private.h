/* cl-asset-private.h: what the per-format readers share with cl-asset.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cl-asset.h"

G_BEGIN_DECLS

typedef gboolean (*ClAssetReadFunc) (GInputStream  *stream,
                                     ClAssetInfo   *info,
                                     GCancellable  *cancellable,
                                     GError       **error);

/* One entry per format in the table of cl-asset.c. */
typedef struct {
  ClAssetFormat    format;
  const char      *mime_type;
  ClAssetReadFunc  read;   /* NULL: recognised, not supported yet */
} ClAssetFormatReader;

gboolean cl_asset_jpeg_read (GInputStream  *stream,
                             ClAssetInfo   *info,
                             GCancellable  *cancellable,
                             GError       **error);
gboolean cl_asset_png_read  (GInputStream  *stream,
                             ClAssetInfo   *info,
                             GCancellable  *cancellable,
                             GError       **error);

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

void     cl_asset_info_add_store_range (ClAssetInfo *info,
                                        guint64      start,
                                        guint64      length);

G_END_DECLS
