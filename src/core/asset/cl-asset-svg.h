/* cl-asset-svg.h: the SVG reader of cl-asset.c's table (see cl-asset-svg.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cl-asset-info.h"

G_BEGIN_DECLS

/* Fills info (store, store_ranges) from an SVG stream whose format and file_size are
 * known. Errors: CL_ASSET_ERROR, as cl_asset_read(). */
gboolean cl_asset_svg_read  (GInputStream  *stream,
                             ClAssetInfo   *info,
                             GCancellable  *cancellable,
                             GError       **error);

G_END_DECLS
