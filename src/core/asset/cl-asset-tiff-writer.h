/* cl-asset-tiff-writer.h: the manifest store in a TIFF file, as the value of a C2PA tag.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cl-asset-layout.h"

G_BEGIN_DECLS

guint64        cl_asset_tiff_carrier_size (guint64             store_len);

GBytes        *cl_asset_tiff_wrap_store   (GBytes             *store,
                                           GError            **error);

ClAssetLayout *cl_asset_tiff_lay_out      (GInputStream       *source,
                                           const ClAssetInfo  *info,
                                           guint64             carrier_length,
                                           GCancellable       *cancellable,
                                           GError            **error);

G_END_DECLS
