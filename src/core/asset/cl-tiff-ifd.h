/* cl-tiff-ifd.h: the bounded walk of a TIFF file's image file directories (IFDs), classic
 * and BigTIFF, either byte order, for the TIFF reader and writer (cl-asset-tiff.c,
 * cl-asset-tiff-writer.c). DNG, Sony ARW and Nikon NEF files are TIFF files.
 *
 * The walk follows the chain of pages from the header and, for each page, reads the
 * directories its SubIFDs, Exif and GPS tags point to, as c2pa-rs does: a file whose
 * directories cannot all be read is refused, as there. Visited pages are remembered (a
 * chain that loops is refused), and pages, sub-images and entries are capped
 * (cl-limits.h); every offset and size is checked against the file's size.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CL_TIFF_TAG_XMP     700      /* 0x02BC, an XMP packet, type BYTE */
#define CL_TIFF_TAG_SUBIFDS 330      /* 0x014A */
#define CL_TIFF_TAG_EXIF    0x8769
#define CL_TIFF_TAG_GPS     0x8825
#define CL_TIFF_TAG_C2PA    0xCD41   /* the manifest store (C2PA 2.2 §A.3.5) */
#define CL_TIFF_TAG_STRIP_OFFSETS     273
#define CL_TIFF_TAG_STRIP_BYTE_COUNTS 279
#define CL_TIFF_TAG_TILE_OFFSETS      324
#define CL_TIFF_TAG_TILE_BYTE_COUNTS  325

#define CL_TIFF_TYPE_BYTE      1
#define CL_TIFF_TYPE_SHORT     3
#define CL_TIFF_TYPE_LONG      4
#define CL_TIFF_TYPE_UNDEFINED 7
#define CL_TIFF_TYPE_LONG8     16

typedef struct {
  guint16  tag;
  guint16  type;
  guint64  count;
  guint64  value;          /* the value field read as an offset */
  guint8   field[8];       /* the value field as stored (values that fit are inline) */
  guint64  entry_offset;   /* where the entry sits in the file */
} ClTiffEntry;

typedef struct {
  guint64      offset;          /* of the directory's entry count */
  guint64      n_entries;
  guint64      next_field_offset;  /* where the offset of the next page sits */
  guint64      next;            /* that offset, 0 for the last page */
  gboolean     has_c2pa;
  ClTiffEntry  c2pa;            /* the last C2PA entry of the directory */
  gboolean     has_xmp;
  ClTiffEntry  xmp;
  /* Where the page's image data is: strips, or tiles when it has them. */
  gboolean     has_data;
  ClTiffEntry  data_offsets;
  ClTiffEntry  data_counts;
} ClTiffIfd;

typedef struct {
  gboolean   big_endian;
  gboolean   big_tiff;
  guint      n_pages;
  ClTiffIfd  first;             /* IFD0 */
  ClTiffIfd  last;              /* the last page's directory (IFD0 for a single page) */
} ClTiffMap;

/* Walks the directories of the TIFF file in stream (file_size bytes long). */
gboolean cl_tiff_map               (GInputStream  *stream,
                                    guint64        file_size,
                                    ClTiffMap     *map,
                                    GCancellable  *cancellable,
                                    GError       **error);

/* The C2PA entry that holds the manifest store: the last page's, else IFD0's (C2PA 1.x
 * put it there); NULL when neither has one. */
const ClTiffEntry *cl_tiff_map_store_entry (const ClTiffMap *map);

/* Whether every strip or tile of ifd lies inside the file (FALSE with CL_SIGN_ERROR_INPUT
 * when the file ends before its image data does). */
gboolean cl_tiff_check_image_data  (GInputStream     *stream,
                                    guint64           file_size,
                                    const ClTiffMap  *map,
                                    const ClTiffIfd  *ifd,
                                    GCancellable     *cancellable,
                                    GError          **error);

/* Sizes of the fields that differ between classic TIFF and BigTIFF. */
guint    cl_tiff_offset_size       (const ClTiffMap *map);   /* 4 or 8 */
guint    cl_tiff_count_field_size  (const ClTiffMap *map);   /* entry count: 2 or 8 */
guint    cl_tiff_entry_size        (const ClTiffMap *map);   /* 12 or 20 */

/* An unsigned number of size bytes (2, 4 or 8) in the file's byte order. */
guint64  cl_tiff_get               (const ClTiffMap *map,
                                    const guint8    *p,
                                    guint            size);
void     cl_tiff_put               (const ClTiffMap *map,
                                    guint8          *p,
                                    guint            size,
                                    guint64          value);

G_END_DECLS
