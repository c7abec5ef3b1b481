/* cl-asset-svg-writer.h: the manifest store as base64 text in an SVG's
 * <svg><metadata><c2pa:manifest> (C2PA 2.2 §A.3.7).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cl-asset-info.h"
#include "cl-asset-layout.h"

G_BEGIN_DECLS

/* Size of the carrier for a store of store_len bytes: its base64 length. */
guint64        cl_asset_svg_carrier_size (guint64             store_len);

/* The store in base64. */
GBytes        *cl_asset_svg_wrap_store   (GBytes             *store,
                                          GError            **error);

/* The signed copy: the old store's text replaced, or the elements that hold a new one
 * inserted where c2pa-rs puts them. */
ClAssetLayout *cl_asset_svg_lay_out      (GInputStream       *source,
                                          const ClAssetInfo  *info,
                                          guint64             carrier_length,
                                          GCancellable       *cancellable,
                                          GError            **error);

G_END_DECLS
