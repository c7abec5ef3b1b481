/* cl-heif-check.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cl-asset-info.h"
#include "cl-bmff-tree.h"
#include "cl-c2pa-ids.h"
#include "cl-error.h"
#include "cl-heif-check.h"
#include "cl-limits.h"

#define BOX_MDAT CL_FOURCC ('m', 'd', 'a', 't')
#define BOX_ILOC CL_FOURCC ('i', 'l', 'o', 'c')

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


static void
set_truncated (GError     **error,
               const char  *what,
               guint64      end,
               guint64      file_size)
{
  g_autofree char *end_text = g_strdup_printf ("%" G_GUINT64_FORMAT, end);
  g_autofree char *size_text = g_strdup_printf ("%" G_GUINT64_FORMAT, file_size);

  /* Translators: the first %s says what (“the media data”, “item 3”), then byte counts. */
  g_set_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_INPUT,
               _("The file is truncated: %s runs to byte %s, but the file ends at byte %s"),
               what, end_text, size_text);
}


/* Every extent an item keeps in the file itself (construction method 0, data reference
 * 0) lies inside it; items in an idat box or in another item are checked by the decoder. */
static gboolean
check_item (Cursor        *cursor,
            guint          version,
            const guint    sizes[4],   /* offset, length, base offset, index */
            guint64        file_size,
            GError       **error)
{
  guint64 item_id, method = 0, data_ref, base, extents, unused;
  guint extent_size = (version >= 1 ? sizes[3] : 0) + sizes[0] + sizes[1];

  if (!take (cursor, version < 2 ? 2 : 4, &item_id) ||
      (version >= 1 && !take (cursor, 2, &method)) ||
      !take (cursor, 2, &data_ref) || !take (cursor, sizes[2], &base) ||
      !take (cursor, 2, &extents))
    return FALSE;
  method &= 0x0F;
  if (extent_size > 0 && extents > (cursor->len - cursor->pos) / extent_size)
    return FALSE;
  for (guint64 e = 0; e < extents && extent_size > 0; e++) {
    guint64 offset, length;

    if (!take (cursor, version >= 1 ? sizes[3] : 0, &unused) ||
        !take (cursor, sizes[0], &offset) || !take (cursor, sizes[1], &length))
      return FALSE;
    if (method != 0 || data_ref != 0)
      continue;
    /* A length of 0 is the rest of the file from the start. */
    if (offset > G_MAXUINT64 - base || length > G_MAXUINT64 - (base + offset) ||
        base + offset + length > file_size) {
      g_autofree char *what = g_strdup_printf (_("item %u"), (guint) item_id);
      guint64 end = offset > G_MAXUINT64 - base || length > G_MAXUINT64 - (base + offset)
                    ? G_MAXUINT64 : base + offset + length;

      set_truncated (error, what, end, file_size);
      return FALSE;
    }
  }
  if (method == 0 && data_ref == 0 && base > file_size) {
    g_autofree char *what = g_strdup_printf (_("item %u"), (guint) item_id);

    set_truncated (error, what, base, file_size);
    return FALSE;
  }
  return TRUE;
}


/* iloc (ISO/IEC 14496-12 §8.11.3), versions 0 to 2. */
static gboolean
check_item_locations (GInputStream     *stream,
                      const ClBmffBox  *box,
                      guint64           file_size,
                      GCancellable     *cancellable,
                      GError          **error)
{
  g_autofree guint8 *data = NULL;
  gsize skip = box->header_len + 4;
  Cursor cursor;
  guint64 sizes_field, count;
  guint sizes[4];

  if (!box->has_version || box->version > 2 || box->size < skip + 2 ||
      box->size > CL_LIMIT_BMFF_OFFSET_BOX_SIZE)
    goto malformed;
  data = g_malloc ((gsize) box->size);
  if (!cl_asset_read_at (stream, box->offset, data, (gsize) box->size,
                         _("the image's data locations"), cancellable, error))
    return FALSE;
  cursor = (Cursor) { data + skip, (gsize) box->size - skip, 0 };
  if (!take (&cursor, 2, &sizes_field) || !take (&cursor, box->version < 2 ? 2 : 4, &count))
    goto malformed;
  sizes[0] = (sizes_field >> 12) & 0x0F;
  sizes[1] = (sizes_field >> 8) & 0x0F;
  sizes[2] = (sizes_field >> 4) & 0x0F;
  sizes[3] = box->version >= 1 ? sizes_field & 0x0F : 0;
  for (guint i = 0; i < 4; i++) {
    if (sizes[i] != 0 && sizes[i] != 4 && sizes[i] != 8)
      goto malformed;
  }
  /* Each item takes at least six bytes, so a lying count ends at the end of the box. */
  for (guint64 i = 0; i < count; i++) {
    g_autoptr(GError) item_error = NULL;

    if (!check_item (&cursor, box->version, sizes, file_size, &item_error)) {
      if (item_error == NULL)
        goto malformed;
      g_propagate_error (error, g_steal_pointer (&item_error));
      return FALSE;
    }
  }
  return TRUE;

malformed:
  {
    g_autofree char *offset_text = g_strdup_printf ("%" G_GUINT64_FORMAT, box->offset);

    g_set_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_INPUT,
                 _("The box at byte %s that locates the image data is malformed"), offset_text);
  }
  return FALSE;
}


/* The size a media data box declares, which the box walk cuts at the end of the file. */
static gboolean
check_media_data (GInputStream     *stream,
                  const ClBmffBox  *box,
                  guint64           file_size,
                  GCancellable     *cancellable,
                  GError          **error)
{
  guint8 head[16];
  guint64 declared = 0;

  if (!cl_asset_read_at (stream, box->offset, head, box->header_len, _("a media data box"),
                         cancellable, error))
    return FALSE;
  for (guint i = box->header_len == 16 ? 8 : 0; i < (box->header_len == 16 ? 16u : 4u); i++)
    declared = (declared << 8) | head[i];
  if (declared == 0)
    return TRUE;      /* to the end of the file, wherever that is */
  if (declared > file_size - box->offset) {
    set_truncated (error, _("the media data"),
                   declared > G_MAXUINT64 - box->offset ? G_MAXUINT64 : box->offset + declared,
                   file_size);
    return FALSE;
  }
  return TRUE;
}


gboolean
cl_heif_check_complete (GInputStream  *stream,
                        guint64        file_size,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(GArray) boxes = cl_bmff_tree_read (stream, file_size, cancellable, error);

  if (boxes == NULL)
    return FALSE;
  for (guint i = 0; i < boxes->len; i++) {
    const ClBmffBox *box = &g_array_index (boxes, ClBmffBox, i);

    if (box->type == BOX_MDAT && !check_media_data (stream, box, file_size, cancellable, error))
      return FALSE;
    if (box->type == BOX_ILOC &&
        !check_item_locations (stream, box, file_size, cancellable, error))
      return FALSE;
  }
  return TRUE;
}
