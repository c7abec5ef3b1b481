/* cl-image-preview.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "cl-asset-info.h"
#include "cl-bmff-tree.h"
#include "cl-c2pa-ids.h"
#include "cl-error.h"
#include "cl-file-stream.h"
#include "cl-heif-decode.h"
#include "cl-image-preview.h"
#include "cl-jxl-decode.h"
#include "cl-limits.h"

#define SNIFF_LEN 12    /* the JPEG XL container's signature box */


/* The box of type inside data[start, end), or FALSE; its body in body_start, body_end. */
static gboolean
find_box (const guint8 *data,
          gsize         start,
          gsize         end,
          const char   *type,
          gsize        *body_start,
          gsize        *body_end)
{
  gsize pos = start;

  while (end - pos >= 8) {
    guint64 size = ((guint64) data[pos] << 24) | (data[pos + 1] << 16) | (data[pos + 2] << 8) |
                   data[pos + 3];
    gsize header = 8;

    if (size == 1 && end - pos >= 16) {
      size = 0;
      for (guint i = 8; i < 16; i++)
        size = (size << 8) | data[pos + i];
      header = 16;
    } else if (size == 0) {
      size = end - pos;
    }
    if (size < header || size > end - pos)
      return FALSE;
    if (memcmp (data + pos + 4, type, 4) == 0) {
      *body_start = pos + header;
      *body_end = pos + (gsize) size;
      return TRUE;
    }
    pos += (gsize) size;
  }
  return FALSE;
}


/* The most pixels an image size property (ispe) of the file's item properties claims:
 * the primary image, a grid's whole, one of its tiles or a thumbnail. libheif decodes a
 * grid's tiles whole, so a file that claims more than CL_LIMIT_DECODE_PIXELS for any is
 * refused before libheif reads it. */
static gboolean
heif_check_size (GInputStream  *stream,
                 guint64        file_size,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(GArray) boxes = NULL;
  g_autofree guint8 *iprp = NULL;
  const ClBmffBox *meta;
  const ClBmffBox *properties = NULL;
  gsize ipco_start, ipco_end, pos, ispe_start, ispe_end;

  boxes = cl_bmff_tree_read (stream, file_size, cancellable, error);
  if (boxes == NULL)
    return FALSE;
  meta = cl_bmff_tree_first_top (boxes, CL_FOURCC ('m', 'e', 't', 'a'));
  for (guint i = 0; meta != NULL && i < boxes->len && properties == NULL; i++) {
    const ClBmffBox *box = &g_array_index (boxes, ClBmffBox, i);

    if (box->type == CL_FOURCC ('i', 'p', 'r', 'p') && box->parent >= 0 &&
        &g_array_index (boxes, ClBmffBox, box->parent) == meta)
      properties = box;
  }
  if (properties == NULL)
    return TRUE;      /* no sizes to check: the decoder refuses such a file itself */
  if (properties->size > CL_LIMIT_HEIF_PROPERTIES_SIZE) {
    g_set_error_literal (error, CL_ASSET_ERROR, CL_ASSET_ERROR_TOO_LARGE,
                         _("The HEIF image's properties are too large to read for a preview"));
    return FALSE;
  }
  iprp = g_malloc ((gsize) properties->size);
  if (!cl_asset_read_at (stream, properties->offset, iprp, (gsize) properties->size,
                         _("the image's properties"), cancellable, error))
    return FALSE;
  if (!find_box (iprp, properties->header_len, (gsize) properties->size, "ipco", &ipco_start,
                 &ipco_end))
    return TRUE;
  for (pos = ipco_start; find_box (iprp, pos, ipco_end, "ispe", &ispe_start, &ispe_end);
       pos = ispe_end) {
    guint32 width, height;

    if (ispe_end - ispe_start < 12)
      continue;
    width = ((guint32) iprp[ispe_start + 4] << 24) | (iprp[ispe_start + 5] << 16) |
            (iprp[ispe_start + 6] << 8) | iprp[ispe_start + 7];
    height = ((guint32) iprp[ispe_start + 8] << 24) | (iprp[ispe_start + 9] << 16) |
             (iprp[ispe_start + 10] << 8) | iprp[ispe_start + 11];
    if ((guint64) width * height > CL_LIMIT_DECODE_PIXELS) {
      g_set_error (error, CL_ASSET_ERROR, CL_ASSET_ERROR_TOO_LARGE,
                   _("The HEIF image says it is %u × %u pixels: more than CredLink decodes "
                     "for a preview (%u megapixels)"), width, height,
                   (guint) (CL_LIMIT_DECODE_PIXELS / 1000000));
      return FALSE;
    }
  }
  return TRUE;
}


GdkPixbuf *
cl_image_preview_load (const char    *path,
                       int            size,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(GInputStream) stream = cl_file_stream_open (path, cancellable, error);
  guint8 head[SNIFF_LEN];
  gsize head_len = 0;
  g_autoptr(GdkPixbuf) decoded = NULL;
  guint64 file_size = 0;

  if (stream == NULL ||
      !g_input_stream_read_all (stream, head, sizeof head, &head_len, cancellable, error))
    return NULL;
  if (head_len >= 8 && memcmp (head + 4, "ftyp", 4) == 0) {
    if (!g_seekable_seek (G_SEEKABLE (stream), 0, G_SEEK_END, cancellable, error))
      return NULL;
    file_size = (guint64) MAX (g_seekable_tell (G_SEEKABLE (stream)), 0);
    if (!heif_check_size (stream, file_size, cancellable, error))
      return NULL;
    /* Its thumbnail, or its primary image under a cap: never decoded whole unbounded. */
    if (cl_heif_decode_sniff (head, head_len))
      return cl_heif_decode (stream, file_size, size, cancellable, error);
  }
  if (!g_seekable_seek (G_SEEKABLE (stream), 0, G_SEEK_SET, cancellable, error))
    return NULL;
  if (cl_jxl_decode_sniff (head, head_len))
    return cl_jxl_decode (stream, size, cancellable, error);
  /* The JPEG loader decodes at a reduced scale directly; never the full image. */
  decoded = gdk_pixbuf_new_from_stream_at_scale (stream, size, size, TRUE, cancellable, error);
  /* Upright, as its EXIF orientation says (phones store portraits sideways). */
  return decoded != NULL ? gdk_pixbuf_apply_embedded_orientation (decoded) : NULL;
}
