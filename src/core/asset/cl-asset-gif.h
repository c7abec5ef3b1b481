/* cl-asset-gif.h: the GIF reader of cl-asset.c's table (see cl-asset-gif.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cl-asset-info.h"

G_BEGIN_DECLS

/* Fills info (store, store_ranges, remote_url, insert_offset: after the global colour
 * table) from a GIF stream whose format and file_size are known. Errors:
 * CL_ASSET_ERROR, as cl_asset_read(). */
gboolean cl_asset_gif_read (GInputStream  *stream,
                            ClAssetInfo   *info,
                            GCancellable  *cancellable,
                            GError       **error);

G_END_DECLS
