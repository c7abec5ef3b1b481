/* cl-asset-gif-writer.h: the manifest store as a GIF application extension
 * (C2PA 2.2 Appendix A.3.7), and where it goes in the signed copy.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cl-asset-info.h"
#include "cl-asset-layout.h"

G_BEGIN_DECLS

/* Size of the carrier for a store of store_len bytes; 0 if it cannot be carried. */
guint64        cl_asset_gif_carrier_size (guint64             store_len);

/* 21 FF 0B "C2PA_GIF" 01 00 00, the store in sub-blocks of 255 bytes, a zero byte. */
GBytes        *cl_asset_gif_wrap_store   (GBytes             *store,
                                          GError            **error);

/* The old extension replaced in place, or a new one after the global colour table with
 * the header's version set to 89a (extensions are a GIF89a feature), as c2pa-rs does. */
ClAssetLayout *cl_asset_gif_lay_out      (GInputStream       *source,
                                          const ClAssetInfo  *info,
                                          guint64             carrier_length,
                                          GCancellable       *cancellable,
                                          GError            **error);

G_END_DECLS
