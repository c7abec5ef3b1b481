/* cl-asset.h: locating the C2PA manifest store inside an image file.
 *
 * One reader per format (cl-asset-jpeg.c, cl-asset-png.c; later -webp, -tiff,
 * -bmff), each a ClAssetFormatReader in the table of cl-asset.c. A reader walks
 * the file's structure with small seeks and reads, never loading image data.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cl-byte-range.h"
#include "cl-limits.h"

G_BEGIN_DECLS

/* Never accept a manifest store larger than this. */
#define CL_ASSET_MAX_STORE_SIZE CL_LIMIT_STORE_SIZE

typedef enum {
  CL_ASSET_FORMAT_UNKNOWN = 0,
  CL_ASSET_FORMAT_JPEG,
  CL_ASSET_FORMAT_PNG,
  /* Recognised so that they get a clear "not supported yet" instead of "not an image". */
  CL_ASSET_FORMAT_WEBP,
  CL_ASSET_FORMAT_TIFF,
  CL_ASSET_FORMAT_BMFF,      /* HEIF, AVIF, MP4, MOV */
  CL_ASSET_FORMAT_GIF,
  CL_ASSET_FORMAT_SVG,
  CL_ASSET_FORMAT_JXL,
} ClAssetFormat;

typedef struct {
  ClAssetFormat  format;
  const char    *mime_type;       /* static string, e.g. "image/jpeg" */
  guint64        file_size;
  /* The manifest store (outermost JUMBF superbox bytes, reassembled), or NULL. */
  GBytes        *store;
  /* Where the store sits in the file: whole segments/chunks including their
   * headers, sorted — exactly what a c2pa.hash.data exclusion covers. */
  GArray        *store_ranges;    /* of ClByteRange */
  /* A remote manifest URL from XMP dcterms:provenance, or NULL. */
  char          *remote_url;
  /* Where a writer puts a new store when the file has none (JPEG: after the
   * leading APP0/APP1 segments; PNG: after IHDR). */
  guint64        insert_offset;
} ClAssetInfo;

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
void           cl_asset_info_free         (ClAssetInfo    *info);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClAssetInfo, cl_asset_info_free)

G_END_DECLS
