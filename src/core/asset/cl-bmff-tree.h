/* cl-bmff-tree.h: the boxes of an ISO BMFF file (HEIF, HEIC, AVIF, MP4, MOV), walked as
 * c2pa-rs walks them, and box paths ("/moov/trak/mdia/minf/stbl/stco", "/uuid",
 * "/moov/trak[2]") looked up in them.
 *
 * The walk reads box headers only (one small read per box), descends into the container
 * boxes c2pa-rs descends into, and is bounded in depth (CL_LIMIT_BMFF_DEPTH) and box count
 * (CL_LIMIT_BMFF_BOXES). Every box lies inside its parent and the file, except an mdat that
 * claims more than the file holds, which is cut at the end (as c2pa-rs does).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The extended type of the C2PA ContentProvenanceBox (C2PA 2.2 §A.5). */
#define CL_BMFF_C2PA_UUID \
  { 0xD8, 0xFE, 0xC3, 0xD6, 0x1B, 0x0E, 0x48, 0x3C, 0x92, 0x97, 0x58, 0x28, 0x87, 0x7E, 0xC4, 0x81 }
/* The extended type of the uuid box that carries XMP in MP4 files. */
#define CL_BMFF_XMP_UUID \
  { 0xBE, 0x7A, 0xCF, 0xCB, 0x97, 0xA9, 0x42, 0xE8, 0x9C, 0x71, 0x99, 0x94, 0x91, 0xE3, 0xAF, 0xAC }

typedef struct {
  guint64  offset;          /* of the box header */
  guint64  size;            /* header included */
  guint32  type;            /* four-character code, big-endian */
  gint32   parent;          /* index of the parent box, -1 at the top level */
  guint8   depth;           /* 1 at the top level */
  guint8   header_len;      /* 8, or 16 with a largesize */
  gboolean has_version;     /* a FullBox whose version and flags were read */
  guint8   version;
  guint32  flags;
  gboolean has_uuid;        /* a uuid box with its extended type */
  guint8   uuid[16];
} ClBmffBox;

/* The boxes of the file in file order (a box before its children), or NULL with
 * CL_ASSET_ERROR_MALFORMED / TOO_LARGE in words a person understands. */
GArray  *cl_bmff_tree_read   (GInputStream  *stream,
                              guint64        file_size,
                              GCancellable  *cancellable,
                              GError       **error);

/* Adds to matches (guint indices into boxes) every box at xpath, as c2pa-rs resolves it:
 * each step a four-character box type, optionally with a 1-based index among its
 * siblings of that type ("trak[2]"). FALSE when the path is malformed. */
gboolean cl_bmff_tree_lookup (GArray        *boxes,
                              const char    *xpath,
                              GArray        *matches);

/* The top-level box of type at the lowest offset, or NULL. */
const ClBmffBox *cl_bmff_tree_first_top (GArray  *boxes,
                                         guint32  type);

G_END_DECLS
