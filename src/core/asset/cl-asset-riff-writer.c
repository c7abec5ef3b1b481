/* cl-asset-riff-writer.c: the manifest store as a WebP "C2PA" chunk.
 *
 * c2pa-rs (riff_io.rs) writes a signed WebP as the source's top-level chunks less any
 * old "C2PA" chunk, then the new one last, with the RIFF size set to match. It leaves
 * the VP8X header alone: a simple (VP8/VP8L) file stays simple, and VP8X has no flag
 * for C2PA (only adding XMP sets one, which signing does not do). We do the same, but
 * copy every other byte as it is, where c2pa-rs re-encodes the chunks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "cl-asset-riff-writer.h"
#include "cl-c2pa-ids.h"
#include "cl-error.h"

#define CHUNK_HEADER_LEN 8
#define RIFF_SIZE_OFFSET 4


guint64
cl_asset_riff_carrier_size (guint64 store_len)
{
  if (store_len == 0 || store_len > G_MAXUINT32 - CHUNK_HEADER_LEN)
    return 0;
  return store_len + CHUNK_HEADER_LEN;
}


static void
put_le32 (guint8  *p,
          guint32  value)
{
  p[0] = value & 0xFF;
  p[1] = (value >> 8) & 0xFF;
  p[2] = (value >> 16) & 0xFF;
  p[3] = value >> 24;
}


GBytes *
cl_asset_riff_wrap_store (GBytes  *store,
                          GError **error)
{
  gsize store_len;
  const guint8 *data = g_bytes_get_data (store, &store_len);
  g_autoptr(GByteArray) out = NULL;
  guint8 header[CHUNK_HEADER_LEN];

  if (cl_asset_riff_carrier_size (store_len) == 0) {
    g_set_error_literal (error, CL_SIGN_ERROR, CL_SIGN_ERROR_FAILED,
                         _("The manifest store cannot be carried in a WebP chunk"));
    return NULL;
  }
  memcpy (header, CL_RIFF_CHUNK_C2PA, 4);
  put_le32 (header + 4, (guint32) store_len);
  out = g_byte_array_sized_new (store_len + CHUNK_HEADER_LEN);
  g_byte_array_append (out, header, sizeof header);
  g_byte_array_append (out, data, store_len);
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}


static void
add_zero_byte (ClAssetLayout *layout)
{
  static const guint8 zero = 0;
  g_autoptr(GBytes) pad = g_bytes_new_static (&zero, 1);

  cl_asset_layout_add_bytes (layout, pad);
}


ClAssetLayout *
cl_asset_riff_lay_out (GInputStream       *source,
                       const ClAssetInfo  *info,
                       guint64             carrier_length,
                       GCancellable       *cancellable,
                       GError            **error)
{
  g_autoptr(ClAssetLayout) layout = cl_asset_layout_new ();
  g_autoptr(GArray) old_chunk = g_array_new (FALSE, FALSE, sizeof (ClByteRange));
  guint64 riff_end = info->insert_offset;   /* the end of the RIFF chunk (the reader's) */
  guint64 kept_end = riff_end;
  gboolean pad_before, pad_after;
  guint64 new_riff_size;
  guint8 size_le[4];
  g_autoptr(GBytes) size_bytes = NULL;

  /* The old chunk goes with its pad byte, when it has one. */
  if (info->store_ranges->len > 0) {
    ClByteRange range = g_array_index (info->store_ranges, ClByteRange, 0);

    if (((range.length - CHUNK_HEADER_LEN) & 1) && range.start + range.length < riff_end)
      range.length++;
    g_array_append_val (old_chunk, range);
    kept_end -= range.length;
  }
  /* A last chunk of odd length may lack its pad byte; the new chunk must start even. */
  pad_before = (kept_end & 1) != 0;
  pad_after = carrier_length > 0 && ((carrier_length - CHUNK_HEADER_LEN) & 1) != 0;
  new_riff_size = kept_end + pad_before + carrier_length + pad_after - CHUNK_HEADER_LEN;
  if (new_riff_size > G_MAXUINT32) {
    g_set_error_literal (error, CL_SIGN_ERROR, CL_SIGN_ERROR_INPUT,
                         _("The signed WebP file would be larger than 4 GB, more than "
                           "the format allows"));
    return NULL;
  }
  put_le32 (size_le, (guint32) new_riff_size);
  size_bytes = g_bytes_new (size_le, sizeof size_le);

  cl_asset_layout_add_source (layout, 0, RIFF_SIZE_OFFSET);
  cl_asset_layout_add_bytes (layout, size_bytes);
  cl_asset_layout_add_source_except (layout, RIFF_SIZE_OFFSET + 4, riff_end, old_chunk);
  if (pad_before)
    add_zero_byte (layout);
  cl_asset_layout_add_carrier (layout, carrier_length);
  if (pad_after)
    add_zero_byte (layout);
  /* Bytes after the RIFF chunk, if any, stay where they are (the data hash covers them). */
  cl_asset_layout_add_source (layout, riff_end, info->file_size - riff_end);
  return g_steal_pointer (&layout);
}
