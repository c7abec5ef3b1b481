/* cl-asset-png-writer.c: the manifest store as a PNG caBX chunk.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>
#include <zlib.h>

#include "cl-asset-png-writer.h"
#include "cl-c2pa-ids.h"
#include "cl-error.h"

/* Length (4) + type (4) + CRC (4). */
#define CHUNK_OVERHEAD 12
/* PNG chunk lengths are limited to 2^31 - 1. */
#define MAX_CHUNK_DATA 0x7FFFFFFF


guint64
cl_asset_png_carrier_size (guint64 store_len)
{
  if (store_len == 0 || store_len > MAX_CHUNK_DATA)
    return 0;
  return store_len + CHUNK_OVERHEAD;
}


GBytes *
cl_asset_png_wrap_store (GBytes  *store,
                         GError **error)
{
  gsize store_len;
  const guint8 *data = g_bytes_get_data (store, &store_len);
  g_autoptr(GByteArray) out = NULL;
  guint8 header[8];
  guint8 crc_be[4];
  uLong crc;

  if (cl_asset_png_carrier_size (store_len) == 0) {
    g_set_error_literal (error, CL_SIGN_ERROR, CL_SIGN_ERROR_FAILED,
                         _("The manifest store cannot be carried in a PNG chunk"));
    return NULL;
  }
  header[0] = store_len >> 24;
  header[1] = store_len >> 16;
  header[2] = store_len >> 8;
  header[3] = store_len;
  memcpy (header + 4, CL_PNG_CHUNK_CABX, 4);

  crc = crc32 (0L, Z_NULL, 0);
  crc = crc32 (crc, header + 4, 4);
  /* zlib's crc32 takes a uInt length: feed large stores in pieces. */
  for (gsize offset = 0; offset < store_len; offset += G_MAXUINT32 / 2)
    crc = crc32 (crc, data + offset, (uInt) MIN (store_len - offset, G_MAXUINT32 / 2));
  crc_be[0] = crc >> 24;
  crc_be[1] = crc >> 16;
  crc_be[2] = crc >> 8;
  crc_be[3] = crc;

  out = g_byte_array_sized_new (store_len + CHUNK_OVERHEAD);
  g_byte_array_append (out, header, 8);
  g_byte_array_append (out, data, store_len);
  g_byte_array_append (out, crc_be, 4);
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}
