/* cl-asset.h: locating the C2PA manifest store inside an image file.
 *
 * One reader per format (cl-asset-jpeg.c, cl-asset-png.c; later -webp, -tiff,
 * -bmff), each a ClAssetFormatReader in the table of cl-asset.c. A reader walks
 * the file's structure with small seeks and reads, never loading image data.
 * What a reader finds (ClAssetInfo) is declared in cl-asset-info.h, which the readers
 * stand on; this header adds what picks and runs a reader.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cl-asset-info.h"

G_BEGIN_DECLS


ClAssetFormat  cl_asset_sniff             (const guint8   *head,
                                           gsize           head_len);
const char    *cl_asset_format_to_string  (ClAssetFormat   format);
gboolean       cl_asset_format_is_supported (ClAssetFormat format);

/* Reads the structure of an image. stream must be seekable. Errors (CL_ASSET_ERROR):
 * UNSUPPORTED_FORMAT (names the format when it is known), TRUNCATED, MALFORMED,
 * TOO_LARGE, MULTIPLE_STORES. A file without credentials is not an error: store is NULL. */
ClAssetInfo   *cl_asset_read              (GInputStream   *stream,
                                           GCancellable   *cancellable,
                                           GError        **error);
ClAssetInfo   *cl_asset_read_file         (const char     *path,
                                           GCancellable   *cancellable,
                                           GError        **error);


G_END_DECLS
