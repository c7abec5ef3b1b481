/* cl-asset-riff-writer.h: the manifest store as a WebP (RIFF) "C2PA" chunk
 * (C2PA 2.2 Appendix A.3.5), and where the chunk goes in the signed copy.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cl-asset-info.h"
#include "cl-asset-layout.h"

G_BEGIN_DECLS

/* Size of the carrier for a store of store_len bytes; 0 if it cannot be carried. */
guint64        cl_asset_riff_carrier_size (guint64             store_len);

/* "C2PA", the store's length (little-endian 32 bits), the store. The pad byte of an
 * odd-length store is not part of the carrier: the layout adds it after. */
GBytes        *cl_asset_riff_wrap_store   (GBytes             *store,
                                           GError            **error);

/* The source without its old C2PA chunk, the new one appended to the RIFF chunk's data
 * (where c2pa-rs puts it), the RIFF size patched. */
ClAssetLayout *cl_asset_riff_lay_out      (GInputStream       *source,
                                           const ClAssetInfo  *info,
                                           guint64             carrier_length,
                                           GCancellable       *cancellable,
                                           GError            **error);

G_END_DECLS
