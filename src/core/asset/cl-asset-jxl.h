/* cl-asset-jxl.h: the JPEG XL reader of cl-asset.c's table (see cl-asset-jxl.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cl-asset-info.h"

G_BEGIN_DECLS

/* Fills info (store, store_ranges, remote_url, insert_offset) from a JPEG XL stream
 * whose format and file_size are known. A bare codestream has no place for a store and
 * is refused (UNSUPPORTED_FORMAT), as c2pa-rs does. Errors: CL_ASSET_ERROR, as
 * cl_asset_read(). */
gboolean cl_asset_jxl_read  (GInputStream  *stream,
                             ClAssetInfo   *info,
                             GCancellable  *cancellable,
                             GError       **error);

G_END_DECLS
