/* cl-asset-jxl-writer.c: the manifest store as a top-level jumb box of a JPEG XL
 * container. The store is a JUMBF superbox, which is an ISO BMFF box already, so the
 * container takes it as it is; the layout (cl-asset-layout.c) puts it in the old
 * store's place or after ftyp, before the codestream, where c2pa-rs puts it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cl-asset-jxl-writer.h"
#include "cl-c2pa-ids.h"
#include "cl-error.h"

/* A superbox header: size (4) and type (4). */
#define BOX_HEADER_LEN 8


guint64
cl_asset_jxl_carrier_size (guint64 store_len)
{
  if (store_len < BOX_HEADER_LEN || store_len > G_MAXUINT32)
    return 0;
  return store_len;
}


GBytes *
cl_asset_jxl_wrap_store (GBytes  *store,
                         GError **error)
{
  gsize store_len;
  const guint8 *data = g_bytes_get_data (store, &store_len);
  guint32 box_size = 0;
  guint32 box_type = 0;

  if (cl_asset_jxl_carrier_size (store_len) != 0) {
    box_size = ((guint32) data[0] << 24) | ((guint32) data[1] << 16) |
               ((guint32) data[2] << 8) | data[3];
    box_type = CL_FOURCC (data[4], data[5], data[6], data[7]);
  }
  if (box_size != store_len || box_type != CL_BOX_JUMB) {
    g_set_error_literal (error, CL_SIGN_ERROR, CL_SIGN_ERROR_FAILED,
                         _("The manifest store cannot be carried in a JPEG XL box"));
    return NULL;
  }
  return g_bytes_ref (store);
}
