/* cl-asset-info.h: what the per-format readers stand on: reading a piece of the file,
 * noting where the manifest store sits, and finding a remote manifest's URL in XMP.
 *
 * cl-asset.c sniffs the format and calls a reader (cl-asset-jpeg.c, cl-asset-png.c);
 * the readers fill the ClAssetInfo declared here with these helpers and never call
 * cl-asset.c back, nor include its header.
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
  CL_ASSET_FORMAT_C2PA,      /* a manifest store on its own (.c2pa), no image */
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

void     cl_asset_info_free (ClAssetInfo *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClAssetInfo, cl_asset_info_free)


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
