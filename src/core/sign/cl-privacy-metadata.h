/* cl-privacy-metadata.h: where a source's Exif and XMP sit, read into memory for the
 * privacy preflight and the privacy options: the file's first bytes for JPEG and PNG (whose
 * writers put both before the image data) and for TIFF (whose Exif is the file's own
 * directories), the EXIF and XMP chunks of a WebP file, the first bytes of other formats
 * for their XMP.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cl-asset-info.h"

G_BEGIN_DECLS

typedef struct {
  guint64  offset;        /* where bytes start in the file */
  GBytes  *bytes;
  gsize    exif_start;    /* the Exif's TIFF structure within bytes… */
  gsize    exif_len;      /* …of this length; 0: none here */
  gboolean may_hold_xmp;  /* look for an XMP packet in bytes */
} ClMetadataRegion;

/* The regions of the file in stream (described by info) that hold its Exif or XMP, at
 * most two. A WebP chunk too large to
 * read is left out and counted in unread. NULL (and error) when the file cannot be read. */
GArray *cl_privacy_metadata_read (GInputStream       *stream,
                                  const ClAssetInfo  *info,
                                  guint              *unread,
                                  GCancellable       *cancellable,
                                  GError            **error);

G_END_DECLS
