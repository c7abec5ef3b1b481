/* cl-asset-gif-writer.c: the manifest store as a GIF application extension.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "cl-asset-gif-writer.h"
#include "cl-c2pa-ids.h"
#include "cl-error.h"

#define APP_HEADER_LEN 14       /* 21 FF 0B, identifier and authentication code */
#define SUB_BLOCK_MAX 255
#define VERSION_OFFSET 4        /* the '7' or '9' of "GIF87a" / "GIF89a" */


guint64
cl_asset_gif_carrier_size (guint64 store_len)
{
  if (store_len == 0 || store_len > G_MAXUINT32)
    return 0;
  /* A length byte per sub-block, and the terminator. */
  return APP_HEADER_LEN + store_len + (store_len + SUB_BLOCK_MAX - 1) / SUB_BLOCK_MAX + 1;
}


GBytes *
cl_asset_gif_wrap_store (GBytes  *store,
                         GError **error)
{
  static const guint8 header[3] = { 0x21, 0xFF, 0x0B };
  gsize store_len;
  const guint8 *data = g_bytes_get_data (store, &store_len);
  guint64 carrier_len = cl_asset_gif_carrier_size (store_len);
  g_autoptr(GByteArray) out = NULL;
  static const guint8 terminator = 0;

  if (carrier_len == 0) {
    g_set_error_literal (error, CL_SIGN_ERROR, CL_SIGN_ERROR_FAILED,
                         _("The manifest store cannot be carried in a GIF extension"));
    return NULL;
  }
  out = g_byte_array_sized_new ((guint) carrier_len);
  g_byte_array_append (out, header, sizeof header);
  g_byte_array_append (out, (const guint8 *) CL_GIF_APP_C2PA, 11);
  for (gsize offset = 0; offset < store_len; offset += SUB_BLOCK_MAX) {
    guint8 len = (guint8) MIN ((gsize) SUB_BLOCK_MAX, store_len - offset);

    g_byte_array_append (out, &len, 1);
    g_byte_array_append (out, data + offset, len);
  }
  g_byte_array_append (out, &terminator, 1);
  g_assert (out->len == carrier_len);
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}


ClAssetLayout *
cl_asset_gif_lay_out (GInputStream       *source,
                      const ClAssetInfo  *info,
                      guint64             carrier_length,
                      GCancellable       *cancellable,
                      GError            **error)
{
  g_autoptr(ClAssetLayout) layout = NULL;
  g_autoptr(GBytes) nine = NULL;
  guint8 version;

  if (info->store_ranges->len > 0)
    return cl_asset_layout_insert_carrier (info, carrier_length);
  if (!cl_asset_read_at (source, VERSION_OFFSET, &version, 1, _("the GIF header"),
                         cancellable, error))
    return NULL;
  if (version == '9')
    return cl_asset_layout_insert_carrier (info, carrier_length);

  /* A GIF87a file becomes GIF89a; every other byte stays. */
  layout = cl_asset_layout_new ();
  nine = g_bytes_new_static ("9", 1);
  cl_asset_layout_add_source (layout, 0, VERSION_OFFSET);
  cl_asset_layout_add_bytes (layout, nine);
  cl_asset_layout_add_source (layout, VERSION_OFFSET + 1,
                              info->insert_offset - (VERSION_OFFSET + 1));
  cl_asset_layout_add_carrier (layout, carrier_length);
  cl_asset_layout_add_source (layout, info->insert_offset,
                              info->file_size - info->insert_offset);
  return g_steal_pointer (&layout);
}
