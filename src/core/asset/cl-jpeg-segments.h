/* cl-jpeg-segments.h: the marker segments of a JPEG file (ISO 10918-1 Annex B), read in
 * file order from a stream: the next marker after any stray bytes and 0xFF fill bytes, a
 * segment's length and payload, and the entropy-coded data of a scan up to its next 0xFF.
 *
 * The walk is shared by the readers that pull the file: the asset reader (cl-asset-jpeg.c,
 * up to the first scan) and the completeness check (cl-image-check.c, through every scan to
 * EOI). It only reports what it finds; each caller says what a broken or cut-off file means
 * for it. The stream is read in blocks and skipped beyond a block, never read byte by byte.
 *
 * The box-map scanner (cl-box-map-jpeg.c) walks the same markers but does not use this: the
 * hash pass pushes the file to it in pieces of any size (and the scanner must place its box
 * events between those bytes), and it follows c2pa-rs's reader where that departs from the
 * standard (see its header).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CL_JPEG_SOI  0xD8
#define CL_JPEG_EOI  0xD9
#define CL_JPEG_SOS  0xDA
#define CL_JPEG_APP0 0xE0
#define CL_JPEG_APP1 0xE1

typedef enum {
  CL_JPEG_WALK_OK,
  CL_JPEG_WALK_NOT_MARKER,   /* no 0xFF where a marker must start */
  CL_JPEG_WALK_END,          /* the file ends first */
  CL_JPEG_WALK_ERROR,        /* the stream failed: error is set */
} ClJpegWalk;

typedef struct _ClJpegSegments ClJpegSegments;

/* A walk from offset on (stream must be seekable); NULL when it cannot seek there. */
ClJpegSegments *cl_jpeg_segments_new    (GInputStream    *stream,
                                         guint64          offset,
                                         GCancellable    *cancellable,
                                         GError         **error);
void            cl_jpeg_segments_free   (ClJpegSegments  *self);
/* The offset of the next byte to read; at CL_JPEG_WALK_END, how far the file goes. */
guint64         cl_jpeg_segments_offset (ClJpegSegments  *self);

/* Stray bytes tolerated before a marker. Real files carry a handful; libjpeg and c2pa-rs
 * skip any number. More than a segment could hold is taken for a file that is not a JPEG
 * stream there. */
#define CL_JPEG_MAX_STRAY_BYTES 65536

/* The marker at the current offset: up to CL_JPEG_MAX_STRAY_BYTES stray bytes that are not
 * 0xFF, 0xFF, any fill bytes 0xFF, then its code. marker_offset is set whatever the result:
 * the 0xFF right before the code, the first stray byte (NOT_MARKER: more of them than
 * tolerated; END: they run to the end of the file), or where the file ends (the last 0xFF
 * read, if any). */
ClJpegWalk cl_jpeg_segments_next_marker (ClJpegSegments  *self,
                                         guint8          *marker,
                                         guint64         *marker_offset,
                                         GCancellable    *cancellable,
                                         GError         **error);
/* A segment's length field (it counts itself, not the marker). */
ClJpegWalk cl_jpeg_segments_read_length (ClJpegSegments  *self,
                                         guint           *length,
                                         GCancellable    *cancellable,
                                         GError         **error);
/* The next len bytes (what there is of them is consumed even at CL_JPEG_WALK_END). */
ClJpegWalk cl_jpeg_segments_read        (ClJpegSegments  *self,
                                         guint8          *buffer,
                                         gsize            len,
                                         GCancellable    *cancellable,
                                         GError         **error);
ClJpegWalk cl_jpeg_segments_skip        (ClJpegSegments  *self,
                                         guint64          len,
                                         GCancellable    *cancellable,
                                         GError         **error);
/* Entropy-coded data: skips to the next 0xFF (a stuffed 0xFF00, a restart marker or the
 * marker that ends the scan: the caller reads it with next_marker). */
ClJpegWalk cl_jpeg_segments_skip_entropy_data (ClJpegSegments  *self,
                                               GCancellable    *cancellable,
                                               GError         **error);

/* Whether a length field follows the marker: every marker but SOI, EOI, RSTn and TEM. */
gboolean   cl_jpeg_marker_has_length    (guint8           marker);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClJpegSegments, cl_jpeg_segments_free)

G_END_DECLS
