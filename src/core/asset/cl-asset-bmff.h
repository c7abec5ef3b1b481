/* cl-asset-bmff.h: the ISO BMFF reader of cl-asset.c's table (see cl-asset-bmff.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cl-asset-info.h"

G_BEGIN_DECLS

/* Fills info (mime_type, store, store_ranges, remote_url) from a HEIF, HEIC, AVIF, MP4 or
 * MOV stream whose format and file_size are known. Errors: CL_ASSET_ERROR, as
 * cl_asset_read(). */
gboolean cl_asset_bmff_read (GInputStream  *stream,
                             ClAssetInfo   *info,
                             GCancellable  *cancellable,
                             GError       **error);

G_END_DECLS
