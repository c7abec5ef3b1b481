/* cl-asset-c2pa.h: the reader of cl-asset.c's table for a manifest store on its own, a
 * .c2pa file (see cl-asset-c2pa.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cl-asset-info.h"

G_BEGIN_DECLS

/* Fills info (store, store_ranges: the whole file) from a .c2pa stream whose format and
 * file_size are known. Errors: CL_ASSET_ERROR, as cl_asset_read(). */
gboolean cl_asset_c2pa_read  (GInputStream  *stream,
                              ClAssetInfo   *info,
                              GCancellable  *cancellable,
                              GError       **error);

G_END_DECLS
