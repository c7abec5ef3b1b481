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
#include "cl-iloc.h"
#include "cl-limits.h"

#define BOX_MDAT CL_FOURCC ('m', 'd', 'a', 't')
#define BOX_ILOC CL_FOURCC ('i', 'l', 'o', 'c')

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


/* Every extent an item keeps in the file itself lies inside it; items in an idat box or
 * in another item are checked by the decoder. */
static gboolean
check_extent (const ClIlocItem   *item,
              const ClIlocExtent *extent,
              gpointer            user_data,
              GError            **error)
{
  guint64 file_size = *(const guint64 *) user_data;
  guint64 base = item->base_offset, offset = extent->offset, length = extent->length;

  if (!cl_iloc_item_in_file (item))
    return TRUE;
  /* A length of 0 is the rest of the file from the start. */
  if (offset > G_MAXUINT64 - base || length > G_MAXUINT64 - (base + offset) ||
      base + offset + length > file_size) {
    g_autofree char *what = g_strdup_printf (_("item %u"), (guint) item->item_id);
    guint64 end = offset > G_MAXUINT64 - base || length > G_MAXUINT64 - (base + offset)
                  ? G_MAXUINT64 : base + offset + length;

    set_truncated (error, what, end, file_size);
    return FALSE;
  }
  return TRUE;
}


static gboolean
check_item (const ClIlocItem *item,
            gpointer          user_data,
            GError          **error)
{
  guint64 file_size = *(const guint64 *) user_data;

  if (cl_iloc_item_in_file (item) && item->base_offset > file_size) {
    g_autofree char *what = g_strdup_printf (_("item %u"), (guint) item->item_id);

    set_truncated (error, what, item->base_offset, file_size);
    return FALSE;
  }
  return TRUE;
}


static gboolean
check_item_locations (GInputStream     *stream,
                      const ClBmffBox  *box,
                      guint64           file_size,
                      GCancellable     *cancellable,
                      GError          **error)
{
  g_autofree guint8 *data = NULL;
  g_autoptr(GError) item_error = NULL;
  gsize skip = box->header_len + 4;

  if (!box->has_version || box->version > 2 || box->size < skip + 2 ||
      box->size > CL_LIMIT_BMFF_OFFSET_BOX_SIZE)
    goto malformed;
  data = g_malloc ((gsize) box->size);
  if (!cl_asset_read_at (stream, box->offset, data, (gsize) box->size,
                         _("the image's data locations"), cancellable, error))
    return FALSE;
  if (cl_iloc_walk (data + skip, (gsize) box->size - skip, box->version, check_extent,
                    check_item, &file_size, &item_error))
    return TRUE;
  if (item_error != NULL) {
    g_propagate_error (error, g_steal_pointer (&item_error));
    return FALSE;
  }

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
