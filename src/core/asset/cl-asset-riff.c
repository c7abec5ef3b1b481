/* cl-asset-riff.c: finds the C2PA manifest store in a WebP (RIFF) file.
 *
 * A WebP file is one RIFF chunk of form type "WEBP" whose data is a list of chunks: a
 * four-character id, a little-endian 32-bit length, the data and a pad byte when the
 * length is odd. The store is the data of the top-level chunk "C2PA" (C2PA 2.2 §A.3.5),
 * in simple (VP8/VP8L) and extended (VP8X) files alike. As in c2pa-rs, the data hash
 * exclusion is the chunk's header and data, not its pad byte; a remote manifest's URL
 * is in the XMP of the "XMP " chunk.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "cl-asset-info.h"
#include "cl-asset-riff.h"
#include "cl-c2pa-ids.h"
#include "cl-error.h"
#include "cl-limits.h"

#define RIFF_HEADER_LEN 12       /* "RIFF", size, form type */
#define CHUNK_HEADER_LEN 8       /* id, size */
#define MAX_XMP_LEN (4 * 1024 * 1024)


static guint32
le32 (const guint8 *p)
{
  return (guint32) p[0] | ((guint32) p[1] << 8) | ((guint32) p[2] << 16) |
         ((guint32) p[3] << 24);
}


/* The store: the chunk's data, read whole. */
static gboolean
read_store (GInputStream  *stream,
            ClAssetInfo   *info,
            guint64        offset,
            guint32        length,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autofree guint8 *data = NULL;

  if (info->store != NULL) {
    g_set_error_literal (error, CL_ASSET_ERROR, CL_ASSET_ERROR_MULTIPLE_STORES,
                         _("The image carries more than one set of Content Credentials, "
                           "which the C2PA specification does not allow"));
    return FALSE;
  }
  if (length > CL_ASSET_MAX_STORE_SIZE) {
    g_set_error (error, CL_ASSET_ERROR, CL_ASSET_ERROR_TOO_LARGE,
                 _("The Content Credentials at byte %llu are %u bytes, "
                   "more than CredLink accepts"), (unsigned long long) offset, length);
    return FALSE;
  }
  data = g_malloc (length > 0 ? length : 1);
  if (!cl_asset_read_at (stream, offset + CHUNK_HEADER_LEN, data, length,
                         _("the Content Credentials chunk"), cancellable, error))
    return FALSE;
  info->store = g_bytes_new_take (g_steal_pointer (&data), length);
  cl_asset_info_add_store_range (info, offset, CHUNK_HEADER_LEN + (guint64) length);
  return TRUE;
}


static gboolean
read_xmp (GInputStream  *stream,
          ClAssetInfo   *info,
          guint64        offset,
          guint32        length,
          GCancellable  *cancellable,
          GError       **error)
{
  g_autofree guint8 *data = NULL;

  if (length > MAX_XMP_LEN || info->remote_url != NULL)
    return TRUE;
  data = g_malloc (length > 0 ? length : 1);
  if (!cl_asset_read_at (stream, offset + CHUNK_HEADER_LEN, data, length,
                         _("the XMP chunk"), cancellable, error))
    return FALSE;
  info->remote_url = cl_asset_xmp_find_provenance ((const char *) data, length);
  return TRUE;
}


gboolean
cl_asset_riff_read (GInputStream  *stream,
                    ClAssetInfo   *info,
                    GCancellable  *cancellable,
                    GError       **error)
{
  guint8 header[RIFF_HEADER_LEN];
  guint64 riff_end;
  guint64 offset = RIFF_HEADER_LEN;
  guint chunks = 0;

  if (!cl_asset_read_at (stream, 0, header, sizeof header, _("the RIFF header"),
                         cancellable, error))
    return FALSE;
  riff_end = CHUNK_HEADER_LEN + (guint64) le32 (header + 4);
  if (riff_end > info->file_size) {
    g_set_error (error, CL_ASSET_ERROR, CL_ASSET_ERROR_TRUNCATED,
                 _("The WebP file says it is %llu bytes long but has only "
                   "%llu: it is truncated"),
                 (unsigned long long) riff_end, (unsigned long long) info->file_size);
    return FALSE;
  }
  /* A new store goes after the last chunk, where c2pa-rs appends it. */
  info->insert_offset = riff_end;

  /* A last chunk of odd length may lack its pad byte: the RIFF size says where to stop. */
  while (offset + CHUNK_HEADER_LEN <= riff_end) {
    guint8 chunk[CHUNK_HEADER_LEN];
    guint32 length;
    guint64 data_end;

    if (++chunks > CL_LIMIT_RIFF_CHUNKS) {
      g_set_error (error, CL_ASSET_ERROR, CL_ASSET_ERROR_MALFORMED,
                   _("The WebP file has more than %u chunks, more than CredLink accepts"),
                   (guint) CL_LIMIT_RIFF_CHUNKS);
      return FALSE;
    }
    if (!cl_asset_read_at (stream, offset, chunk, sizeof chunk, _("a WebP chunk header"),
                           cancellable, error))
      return FALSE;
    length = le32 (chunk + 4);
    data_end = offset + CHUNK_HEADER_LEN + length;
    if (data_end > riff_end) {
      g_set_error (error, CL_ASSET_ERROR, CL_ASSET_ERROR_TRUNCATED,
                   _("The WebP chunk at byte %llu claims %u bytes but the "
                     "file is shorter"), (unsigned long long) offset, length);
      return FALSE;
    }
    if (memcmp (chunk, CL_RIFF_CHUNK_C2PA, 4) == 0) {
      if (!read_store (stream, info, offset, length, cancellable, error))
        return FALSE;
    } else if (memcmp (chunk, "XMP ", 4) == 0) {
      if (!read_xmp (stream, info, offset, length, cancellable, error))
        return FALSE;
    }
    offset = data_end + (length & 1);
  }
  if (offset < riff_end) {
    g_set_error (error, CL_ASSET_ERROR, CL_ASSET_ERROR_MALFORMED,
                 _("The WebP structure is broken: a chunk header is cut off at byte "
                   "%llu"), (unsigned long long) offset);
    return FALSE;
  }
  return TRUE;
}
