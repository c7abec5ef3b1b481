/* cl-asset-tiff.h: finds the C2PA manifest store in a TIFF file (and in DNG, and in the
 * Sony ARW and Nikon NEF raw files, which are TIFF files).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cl-asset-info.h"

G_BEGIN_DECLS

gboolean cl_asset_tiff_read (GInputStream  *stream,
                             ClAssetInfo   *info,
                             GCancellable  *cancellable,
                             GError       **error);

G_END_DECLS
