/* cl-iloc.h: the item location box (iloc, ISO/IEC 14496-12 §8.11.3) of a HEIF, HEIC or
 * AVIF image, versions 0 to 2, walked item by item and extent by extent. One parser for
 * the writer that moves its offsets and the check that they lie inside the file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  guint64 item_id;
  guint   construction_method;    /* 0: in the file; 1: in an idat box; 2: in another item */
  guint64 data_reference_index;   /* 0: this file */
  guint64 base_offset;
  gsize   base_offset_pos;        /* where that field starts in the body */
  guint   base_offset_size;       /* 0, 4 or 8 bytes */
} ClIlocItem;

typedef struct {
  guint64 offset;
  guint64 length;                 /* 0: the rest of the file */
  gsize   offset_pos;             /* where the offset field starts in the body */
  guint   offset_size;            /* 0, 4 or 8 bytes */
} ClIlocExtent;

/* Called for each extent of an item, in order; FALSE stops the walk. */
typedef gboolean (*ClIlocExtentFunc) (const ClIlocItem   *item,
                                      const ClIlocExtent *extent,
                                      gpointer            user_data,
                                      GError            **error);
/* Called for each item after its extents; FALSE stops the walk. */
typedef gboolean (*ClIlocItemFunc)   (const ClIlocItem   *item,
                                      gpointer            user_data,
                                      GError            **error);

/* Whether item's data is kept in the file itself (construction method 0, data reference
 * 0): only those offsets point into the file. */
gboolean cl_iloc_item_in_file (const ClIlocItem *item);

/* Walks body, the box's content after its version and flags. FALSE when the box is
 * malformed (error left unset) or a callback returned FALSE (with its error, if any).
 * Extents of no bytes (no offset, length or index fields) are not reported: the data
 * is at the base offset. */
gboolean cl_iloc_walk         (const guint8     *body,
                               gsize             len,
                               guint             version,
                               ClIlocExtentFunc  extent_func,
                               ClIlocItemFunc    item_func,
                               gpointer          user_data,
                               GError          **error);

G_END_DECLS
