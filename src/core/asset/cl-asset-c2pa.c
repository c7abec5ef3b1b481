/* cl-asset-c2pa.c: a manifest store on its own (application/c2pa, a .c2pa file): the
 * whole file is the store, one JUMBF superbox, and there is no image. c2pa-rs validates
 * such a file as its own asset, so its hard binding cannot match; the store is described
 * here the same way (the whole file is where the store sits).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cl-asset-c2pa.h"
#include "cl-asset-info.h"
#include "cl-error.h"


gboolean
cl_asset_c2pa_read (GInputStream  *stream,
                    ClAssetInfo   *info,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autofree guint8 *data = NULL;
  guint64 box_size;

  if (info->file_size > CL_ASSET_MAX_STORE_SIZE) {
    g_set_error (error, CL_ASSET_ERROR, CL_ASSET_ERROR_TOO_LARGE,
                 _("The manifest store is %llu bytes, more than CredLink "
                   "accepts"), (unsigned long long) info->file_size);
    return FALSE;
  }
  data = g_malloc ((gsize) info->file_size);
  if (!cl_asset_read_at (stream, 0, data, (gsize) info->file_size, _("the manifest store"),
                         cancellable, error))
    return FALSE;
  box_size = ((guint64) data[0] << 24) | ((guint64) data[1] << 16) |
             ((guint64) data[2] << 8) | data[3];
  if (box_size != info->file_size) {
    g_set_error (error, CL_ASSET_ERROR, CL_ASSET_ERROR_MALFORMED,
                 _("The manifest store's box claims %llu bytes but the file "
                   "holds %llu"),
                 (unsigned long long) box_size, (unsigned long long) info->file_size);
    return FALSE;
  }
  info->store = g_bytes_new_take (g_steal_pointer (&data), (gsize) info->file_size);
  cl_asset_info_add_store_range (info, 0, info->file_size);
  return TRUE;
}
