/* cl-asset-jpeg-writer.c: the manifest store as JPEG APP11 (JPEG-XT) segments.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cl-asset-jpeg-writer.h"
#include "cl-c2pa-ids.h"
#include "cl-error.h"

/* Marker (2) + Lp (2) + CI (2) + En (2) + Z (4). */
#define SEGMENT_OVERHEAD 12
/* Box instance number, the value c2pa-rs and c2pa-ts use. */
#define JUMBF_BOX_INSTANCE 0x0211
#define STORE_BOX_HEADER 8


static guint64
segment_count (guint64 store_len)
{
  /* Ceil division: a store of exactly n × 64000 bytes takes n segments (c2pa-rs #1961). */
  return (store_len + CL_JPEG_STORE_BYTES_PER_SEGMENT - 1) / CL_JPEG_STORE_BYTES_PER_SEGMENT;
}


guint64
cl_asset_jpeg_carrier_size (guint64 store_len)
{
  guint64 segments = segment_count (store_len);

  if (store_len < STORE_BOX_HEADER || segments > G_MAXUINT32)
    return 0;
  return store_len + segments * SEGMENT_OVERHEAD + (segments - 1) * STORE_BOX_HEADER;
}


static void
put_u16 (GByteArray *out,
         guint16     value)
{
  guint8 be[2] = { value >> 8, value };

  g_byte_array_append (out, be, 2);
}


GBytes *
cl_asset_jpeg_wrap_store (GBytes  *store,
                          GError **error)
{
  gsize store_len;
  const guint8 *data = g_bytes_get_data (store, &store_len);
  guint64 carrier_size = cl_asset_jpeg_carrier_size (store_len);
  g_autoptr(GByteArray) out = NULL;
  guint32 sequence = 1;

  if (carrier_size == 0) {
    g_set_error_literal (error, CL_SIGN_ERROR, CL_SIGN_ERROR_FAILED,
                         _("The manifest store cannot be carried in JPEG segments"));
    return NULL;
  }
  out = g_byte_array_sized_new (carrier_size);
  for (gsize offset = 0; offset < store_len; offset += CL_JPEG_STORE_BYTES_PER_SEGMENT) {
    gsize piece = MIN (store_len - offset, CL_JPEG_STORE_BYTES_PER_SEGMENT);
    gsize repeated = sequence > 1 ? STORE_BOX_HEADER : 0;
    guint8 marker[2] = { 0xFF, CL_JPEG_APP11 };
    guint8 sequence_be[4] = { sequence >> 24, sequence >> 16, sequence >> 8, sequence };

    g_byte_array_append (out, marker, 2);
    put_u16 (out, (guint16) (SEGMENT_OVERHEAD - 2 + repeated + piece));
    g_byte_array_append (out, (const guint8 *) "JP", 2);
    put_u16 (out, JUMBF_BOX_INSTANCE);
    g_byte_array_append (out, sequence_be, 4);
    if (repeated > 0)
      g_byte_array_append (out, data, STORE_BOX_HEADER);
    g_byte_array_append (out, data + offset, piece);
    sequence++;
  }
  g_assert (out->len == carrier_size);
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

