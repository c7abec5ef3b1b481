/* cl-iloc.c: the fields of an iloc box are read in place (the writer rewrites them
 * where they stand), with every count checked against the bytes left.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cl-iloc.h"

/* The body of an iloc box, read front to back. */
typedef struct {
  const guint8 *data;
  gsize         len;
  gsize         pos;
} Cursor;


/* Takes a big-endian field of size bytes (0, 4 or 8; 2 for counts); FALSE past the end. */
static gboolean
take (Cursor  *cursor,
      guint    size,
      guint64 *value)
{
  guint64 v = 0;

  if (cursor->len - cursor->pos < size)
    return FALSE;
  for (guint i = 0; i < size; i++)
    v = (v << 8) | cursor->data[cursor->pos + i];
  cursor->pos += size;
  *value = v;
  return TRUE;
}


gboolean
cl_iloc_item_in_file (const ClIlocItem *item)
{
  return item->construction_method == 0 && item->data_reference_index == 0;
}


static gboolean
walk_item (Cursor           *cursor,
           guint             version,
           const guint       sizes[4],   /* offset, length, base offset, index */
           ClIlocExtentFunc  extent_func,
           ClIlocItemFunc    item_func,
           gpointer          user_data,
           GError          **error)
{
  ClIlocItem item = { 0 };
  guint64 method = 0, extents, unused;
  guint extent_size = (version >= 1 ? sizes[3] : 0) + sizes[0] + sizes[1];

  if (!take (cursor, version < 2 ? 2 : 4, &item.item_id) ||
      (version >= 1 && !take (cursor, 2, &method)) ||
      !take (cursor, 2, &item.data_reference_index))
    return FALSE;
  item.construction_method = method & 0x0F;
  item.base_offset_pos = cursor->pos;
  item.base_offset_size = sizes[2];
  if (!take (cursor, sizes[2], &item.base_offset) || !take (cursor, 2, &extents))
    return FALSE;
  /* The extents must fit in what is left of the box, so a lying count ends here. */
  if (extent_size > 0 && extents > (cursor->len - cursor->pos) / extent_size)
    return FALSE;
  for (guint64 e = 0; e < extents && extent_size > 0; e++) {
    ClIlocExtent extent = { 0 };

    if (!take (cursor, version >= 1 ? sizes[3] : 0, &unused))
      return FALSE;
    extent.offset_pos = cursor->pos;
    extent.offset_size = sizes[0];
    if (!take (cursor, sizes[0], &extent.offset) || !take (cursor, sizes[1], &extent.length))
      return FALSE;
    if (!extent_func (&item, &extent, user_data, error))
      return FALSE;
  }
  return item_func (&item, user_data, error);
}


gboolean
cl_iloc_walk (const guint8     *body,
              gsize             len,
              guint             version,
              ClIlocExtentFunc  extent_func,
              ClIlocItemFunc    item_func,
              gpointer          user_data,
              GError          **error)
{
  Cursor cursor = { body, len, 0 };
  guint64 sizes_field, count;
  guint sizes[4];

  if (version > 2 || !take (&cursor, 2, &sizes_field) ||
      !take (&cursor, version < 2 ? 2 : 4, &count))
    return FALSE;
  sizes[0] = (sizes_field >> 12) & 0x0F;
  sizes[1] = (sizes_field >> 8) & 0x0F;
  sizes[2] = (sizes_field >> 4) & 0x0F;
  sizes[3] = version >= 1 ? sizes_field & 0x0F : 0;
  for (guint i = 0; i < 4; i++) {
    if (sizes[i] != 0 && sizes[i] != 4 && sizes[i] != 8)
      return FALSE;
  }
  /* Each item takes at least six bytes, so a lying count ends at the end of the box. */
  for (guint64 i = 0; i < count; i++) {
    if (!walk_item (&cursor, version, sizes, extent_func, item_func, user_data, error))
      return FALSE;
  }
  return TRUE;
}
