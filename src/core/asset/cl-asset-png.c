/* cl-asset-png.c: finds the C2PA manifest store in a PNG file.
 *
 * The store is the data of a caBX chunk (C2PA 2.2 §A.3.2). The data hash
 * excludes the whole chunk: length, type, data and CRC.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <zlib.h>
#include <glib/gi18n.h>

#include "cl-asset-info.h"
#include "cl-asset-png.h"
#include "cl-c2pa-ids.h"
#include "cl-error.h"

#define PNG_SIGNATURE_LEN 8
#define XMP_KEYWORD "XML:com.adobe.xmp"
#define MAX_XMP_LEN (4 * 1024 * 1024)


static guint32
be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}


/* XMP lives in an iTXt chunk: keyword NUL, compression flag, method, language NUL,
 * translated keyword NUL, text. Compressed XMP is not allowed by the XMP spec. */
static char *
provenance_from_itxt (const guint8 *data,
                      gsize         len)
{
  gsize pos = sizeof XMP_KEYWORD;   /* keyword + NUL */

  if (len <= pos + 2 || memcmp (data, XMP_KEYWORD, sizeof XMP_KEYWORD) != 0)
    return NULL;
  if (data[pos] != 0)   /* compressed */
    return NULL;
  pos += 2;
  for (int field = 0; field < 2; field++) {   /* language tag, translated keyword */
    const guint8 *nul = memchr (data + pos, 0, len - pos);

    if (nul == NULL)
      return NULL;
    pos = (gsize) (nul - data) + 1;
  }
  return cl_asset_xmp_find_provenance ((const char *) data + pos, len - pos);
}


gboolean
cl_asset_png_read (GInputStream  *stream,
                   ClAssetInfo   *info,
                   GCancellable  *cancellable,
                   GError       **error)
{
  guint64 offset = PNG_SIGNATURE_LEN;
  gboolean seen_iend = FALSE;

  while (!seen_iend) {
    guint8 header[8];
    guint32 length;
    guint32 type;

    if (offset == info->file_size) {
      g_set_error_literal (error, CL_ASSET_ERROR, CL_ASSET_ERROR_TRUNCATED,
                           _("The PNG file ends before its IEND chunk"));
      return FALSE;
    }
    if (!cl_asset_read_at (stream, offset, header, sizeof header, _("a PNG chunk header"),
                           cancellable, error))
      return FALSE;
    length = be32 (header);
    type = be32 (header + 4);
    if (length > 0x7FFFFFFFu || offset + 12 + (guint64) length > info->file_size) {
      g_set_error (error, CL_ASSET_ERROR, CL_ASSET_ERROR_TRUNCATED,
                   _("The PNG chunk at byte %llu claims %u bytes but the "
                     "file is shorter"), (unsigned long long) offset, length);
      return FALSE;
    }
    for (int i = 4; i < 8; i++) {
      if (!g_ascii_isalpha (header[i])) {
        g_set_error (error, CL_ASSET_ERROR, CL_ASSET_ERROR_MALFORMED,
                     _("The PNG structure is broken: no chunk type at byte %llu"),
                     (unsigned long long) offset);
        return FALSE;
      }
    }

    if (offset == PNG_SIGNATURE_LEN) {
      if (type != CL_FOURCC ('I', 'H', 'D', 'R')) {
        g_set_error_literal (error, CL_ASSET_ERROR, CL_ASSET_ERROR_MALFORMED,
                             _("The PNG file does not start with an IHDR chunk"));
        return FALSE;
      }
      info->insert_offset = offset + 12 + length;
    }

    if (memcmp (header + 4, CL_PNG_CHUNK_CABX, 4) == 0) {
      g_autofree guint8 *data = NULL;
      guint8 crc_bytes[4];
      uLong crc;

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
      if (!cl_asset_read_at (stream, offset + 8, data, length, _("the Content Credentials chunk"),
                             cancellable, error) ||
          !cl_asset_read_at (stream, offset + 8 + length, crc_bytes, 4, _("a PNG chunk CRC"),
                             cancellable, error))
        return FALSE;
      crc = crc32 (0L, header + 4, 4);
      crc = crc32 (crc, data, length);
      if ((guint32) crc != be32 (crc_bytes)) {
        g_set_error (error, CL_ASSET_ERROR, CL_ASSET_ERROR_MALFORMED,
                     _("The Content Credentials chunk at byte %llu is damaged "
                       "(its checksum does not match)"), (unsigned long long) offset);
        return FALSE;
      }
      info->store = g_bytes_new_take (g_steal_pointer (&data), length);
      cl_asset_info_add_store_range (info, offset, 12 + (guint64) length);
    } else if (type == CL_FOURCC ('i', 'T', 'X', 't') && length <= MAX_XMP_LEN &&
               info->remote_url == NULL) {
      g_autofree guint8 *data = g_malloc (length > 0 ? length : 1);

      if (!cl_asset_read_at (stream, offset + 8, data, length, _("a PNG text chunk"),
                             cancellable, error))
        return FALSE;
      info->remote_url = provenance_from_itxt (data, length);
    } else if (type == CL_FOURCC ('I', 'E', 'N', 'D')) {
      seen_iend = TRUE;
    }

    offset += 12 + (guint64) length;
  }
  return TRUE;
}
