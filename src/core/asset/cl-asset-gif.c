/* cl-asset-gif.c: finds the C2PA manifest store in a GIF file.
 *
 * The store is the data of an application extension with identifier "C2PA_GIF" and
 * authentication code 01 00 00 (C2PA 2.2 §A.3.7), split in data sub-blocks of at most
 * 255 bytes (a length byte each, a zero byte at the end). The data hash excludes the
 * whole extension. As c2pa-rs (gif_io.rs) does, only the blocks before the first image
 * are searched for it, and a block that does not parse there makes the file unreadable;
 * past the first image, the walk only looks for an "XMP Data" extension (whose XMP may
 * name a remote manifest) and stops quietly at anything it cannot parse.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "cl-asset-gif.h"
#include "cl-asset-info.h"
#include "cl-c2pa-ids.h"
#include "cl-error.h"
#include "cl-limits.h"

#define HEADER_LEN 6              /* "GIF87a" / "GIF89a" */
#define SCREEN_DESCRIPTOR_LEN 7
#define APP_ID_LEN 11             /* identifier (8) + authentication code (3) */
#define WINDOW_SIZE (64 * 1024)
#define MAX_XMP_LEN (4 * 1024 * 1024)
/* XMP in GIF ends with a "magic trailer" of 257 bytes: 0x01, then 0xFF down to 0x00
 * (XMP Specification Part 3); c2pa-rs writes it after the XMP in data sub-blocks and
 * reads the XMP only when the trailer is there. */
#define XMP_TRAILER_LEN 257

/* The file read forward through a window, so that a walk over thousands of small
 * sub-blocks reads the file once. */
typedef struct {
  GInputStream *stream;
  GCancellable *cancellable;
  guint64       file_size;
  guint64       pos;
  guint64       window_start;
  gsize         window_len;
  guint8       *window;
} GifCursor;


static gboolean
cursor_read (GifCursor   *cursor,
             guint8      *out,
             gsize        len,
             const char  *what,
             GError     **error)
{
  while (len > 0) {
    gsize n;

    if (cursor->pos < cursor->window_start ||
        cursor->pos >= cursor->window_start + cursor->window_len) {
      guint64 left = cursor->file_size > cursor->pos ? cursor->file_size - cursor->pos : 0;

      if (left == 0) {
        g_set_error (error, CL_ASSET_ERROR, CL_ASSET_ERROR_TRUNCATED,
                     _("The file ends in the middle of %s (at byte %llu)"),
                     what, (unsigned long long) cursor->pos);
        return FALSE;
      }
      cursor->window_len = (gsize) MIN (left, (guint64) WINDOW_SIZE);
      cursor->window_start = cursor->pos;
      if (!cl_asset_read_at (cursor->stream, cursor->pos, cursor->window, cursor->window_len,
                             what, cursor->cancellable, error))
        return FALSE;
    }
    n = (gsize) MIN ((guint64) len, cursor->window_start + cursor->window_len - cursor->pos);
    memcpy (out, cursor->window + (cursor->pos - cursor->window_start), n);
    out += n;
    len -= n;
    cursor->pos += n;
  }
  return TRUE;
}


static gboolean
cursor_skip (GifCursor   *cursor,
             guint64      len,
             const char  *what,
             GError     **error)
{
  if (len > cursor->file_size || cursor->pos > cursor->file_size - len) {
    g_set_error (error, CL_ASSET_ERROR, CL_ASSET_ERROR_TRUNCATED,
                 _("The file ends in the middle of %s (at byte %llu)"),
                 what, (unsigned long long) cursor->file_size);
    return FALSE;
  }
  cursor->pos += len;
  return TRUE;
}


/* Data sub-blocks up to their terminator; their contents appended to out when it is not
 * NULL, and refused past max bytes. */
static gboolean
read_sub_blocks (GifCursor   *cursor,
                 GByteArray  *out,
                 gsize        max,
                 GError     **error)
{
  for (;;) {
    guint8 len;
    guint8 data[255];

    if (!cursor_read (cursor, &len, 1, _("a GIF data sub-block"), error))
      return FALSE;
    if (len == 0)
      return TRUE;
    if (out == NULL) {
      if (!cursor_skip (cursor, len, _("a GIF data sub-block"), error))
        return FALSE;
      continue;
    }
    if (out->len + (gsize) len > max) {
      g_set_error (error, CL_ASSET_ERROR, CL_ASSET_ERROR_TOO_LARGE,
                   _("The GIF extension at byte %llu is larger than "
                     "CredLink accepts"), (unsigned long long) cursor->pos);
      return FALSE;
    }
    if (!cursor_read (cursor, data, len, _("a GIF data sub-block"), error))
      return FALSE;
    g_byte_array_append (out, data, len);
  }
}


/* The remote manifest URL in the XMP of an "XMP Data" extension, whose decoded bytes end
 * with the magic trailer (none without it, as in c2pa-rs). */
static void
find_provenance (ClAssetInfo *info,
                 GByteArray  *xmp)
{
  if (info->remote_url != NULL || xmp->len < XMP_TRAILER_LEN ||
      xmp->data[xmp->len - XMP_TRAILER_LEN] != 0x01)
    return;
  for (guint i = 1; i < XMP_TRAILER_LEN; i++) {
    if (xmp->data[xmp->len - i] != i - 1)
      return;
  }
  info->remote_url = cl_asset_xmp_find_provenance ((const char *) xmp->data,
                                                   xmp->len - XMP_TRAILER_LEN);
}


static gboolean
read_application_extension (GifCursor    *cursor,
                            ClAssetInfo  *info,
                            gboolean      before_image,
                            GError      **error)
{
  guint64 start = cursor->pos - 2;   /* the introducer and label */
  guint8 size;
  guint8 id[APP_ID_LEN];

  if (!cursor_read (cursor, &size, 1, _("a GIF application extension"), error))
    return FALSE;
  if (size != APP_ID_LEN) {
    g_set_error (error, CL_ASSET_ERROR, CL_ASSET_ERROR_MALFORMED,
                 _("The GIF application extension at byte %llu is broken"),
                 (unsigned long long) start);
    return FALSE;
  }
  if (!cursor_read (cursor, id, sizeof id, _("a GIF application extension"), error))
    return FALSE;

  if (before_image && memcmp (id, CL_GIF_APP_C2PA, APP_ID_LEN) == 0) {
    g_autoptr(GByteArray) store = g_byte_array_new ();

    if (info->store != NULL) {
      g_set_error_literal (error, CL_ASSET_ERROR, CL_ASSET_ERROR_MULTIPLE_STORES,
                           _("The image carries more than one set of Content Credentials, "
                             "which the C2PA specification does not allow"));
      return FALSE;
    }
    if (!read_sub_blocks (cursor, store, CL_ASSET_MAX_STORE_SIZE, error))
      return FALSE;
    info->store = g_byte_array_free_to_bytes (g_steal_pointer (&store));
    cl_asset_info_add_store_range (info, start, cursor->pos - start);
    return TRUE;
  }
  if (memcmp (id, "XMP DataXMP", APP_ID_LEN) == 0 && info->remote_url == NULL) {
    g_autoptr(GByteArray) xmp = g_byte_array_new ();

    if (!read_sub_blocks (cursor, xmp, MAX_XMP_LEN, error))
      return FALSE;
    find_provenance (info, xmp);
    return TRUE;
  }
  return read_sub_blocks (cursor, NULL, 0, error);
}


/* An image: descriptor, local colour table, LZW code size, image data sub-blocks. */
static gboolean
skip_image (GifCursor  *cursor,
            GError    **error)
{
  guint8 descriptor[9];

  if (!cursor_read (cursor, descriptor, sizeof descriptor, _("a GIF image descriptor"), error))
    return FALSE;
  if ((descriptor[8] & 0x80) &&
      !cursor_skip (cursor, 3u << ((descriptor[8] & 0x07) + 1), _("a GIF colour table"), error))
    return FALSE;
  return cursor_skip (cursor, 1, _("a GIF image"), error) &&
         read_sub_blocks (cursor, NULL, 0, error);
}


/* The blocks after the screen descriptor and colour table, to the trailer. */
static gboolean
walk_blocks (GifCursor    *cursor,
             ClAssetInfo  *info,
             gboolean     *seen_image,
             GError      **error)
{
  for (guint blocks = 0; ; blocks++) {
    guint8 introducer[2];

    if (blocks >= CL_LIMIT_GIF_BLOCKS) {
      g_set_error (error, CL_ASSET_ERROR, CL_ASSET_ERROR_MALFORMED,
                   _("The GIF file has more than %u blocks, more than CredLink accepts"),
                   (guint) CL_LIMIT_GIF_BLOCKS);
      return FALSE;
    }
    if (!cursor_read (cursor, introducer, 1, _("a GIF block"), error))
      return FALSE;
    if (introducer[0] == 0x3B)          /* trailer */
      return TRUE;
    if (introducer[0] == 0x2C) {        /* image descriptor */
      /* With a store, a remote manifest's URL does not matter: the walk need not go on
       * (and read the whole file a second time, before the hash does). */
      if (info->store != NULL)
        return TRUE;
      *seen_image = TRUE;
      if (!skip_image (cursor, error))
        return FALSE;
      continue;
    }
    if (introducer[0] == 0x21 &&
        !cursor_read (cursor, introducer + 1, 1, _("a GIF extension"), error))
      return FALSE;
    /* c2pa-rs knows these four extensions and refuses any other label. */
    if (introducer[0] != 0x21 ||
        (introducer[1] != 0xFF && introducer[1] != 0xFE && introducer[1] != 0xF9 &&
         introducer[1] != 0x01)) {
      g_set_error (error, CL_ASSET_ERROR, CL_ASSET_ERROR_MALFORMED,
                   _("The GIF structure is broken: no block starts at byte %llu"),
                   (unsigned long long) (cursor->pos - 1));
      return FALSE;
    }
    /* As c2pa-rs reads them: a graphic control extension as 6 bytes, a plain text one
     * as 11 bytes and data sub-blocks (its box map follows the same reading). */
    if (introducer[1] == 0xFF) {
      if (!read_application_extension (cursor, info, !*seen_image, error))
        return FALSE;
    } else if (introducer[1] == 0xF9) {
      if (!cursor_skip (cursor, 6, _("a GIF extension"), error))
        return FALSE;
    } else if ((introducer[1] == 0x01 && !cursor_skip (cursor, 11, _("a GIF extension"), error)) ||
               !read_sub_blocks (cursor, NULL, 0, error)) {
      return FALSE;                     /* comment, plain text */
    }
  }
}


gboolean
cl_asset_gif_read (GInputStream  *stream,
                   ClAssetInfo   *info,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autofree guint8 *window = g_malloc (WINDOW_SIZE);
  GifCursor cursor = { stream, cancellable, info->file_size, 0, 0, 0, window };
  guint8 head[HEADER_LEN + SCREEN_DESCRIPTOR_LEN];
  g_autoptr(GError) local_error = NULL;
  gboolean seen_image = FALSE;

  if (!cursor_read (&cursor, head, sizeof head, _("the GIF header"), error))
    return FALSE;
  if ((head[10] & 0x80) &&
      !cursor_skip (&cursor, 3u << ((head[10] & 0x07) + 1), _("the GIF colour table"), error))
    return FALSE;
  /* A new store goes right after the global colour table, where c2pa-rs inserts it. */
  info->insert_offset = cursor.pos;

  if (walk_blocks (&cursor, info, &seen_image, &local_error))
    return TRUE;
  /* Past the first image c2pa-rs no longer looks, and neither do we. */
  if (seen_image && !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
      local_error->domain == CL_ASSET_ERROR)
    return TRUE;
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}
