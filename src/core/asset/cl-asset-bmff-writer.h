/* cl-asset-bmff-writer.h: the manifest store as the C2PA uuid box of a HEIF, HEIC or AVIF
 * image (C2PA 2.2 §A.5), where the box goes in the signed copy, and what of the copy the
 * BMFF hash covers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cl-asset-info.h"
#include "cl-asset-layout.h"

G_BEGIN_DECLS

/* The top-level boxes that c2pa-rs 0.91 excludes whole from the BMFF hash it writes,
 * besides the C2PA uuid box: four-character codes one after the other. */
#define CL_BMFF_SIGN_EXCLUDED_TYPES "ftypmfrafreeskip"

/* Size of the carrier for a store of store_len bytes; 0 if it cannot be carried. */
guint64        cl_asset_bmff_carrier_size (guint64             store_len);

/* The uuid box: size, "uuid", the C2PA extended type, version and flags 0, the purpose
 * "manifest", the offset of the first Merkle box (0: none), the store. */
GBytes        *cl_asset_bmff_wrap_store   (GBytes             *store,
                                           GError            **error);

/* The source up to the end of its file type box, the carrier (where c2pa-rs puts it),
 * then the rest of the source without its old C2PA box. Item locations (iloc) and chunk
 * offsets (stco, co64) that point past the carrier are moved by the difference, once
 * carrier_length is known (not 0). Videos (MP4, MOV) are refused. */
ClAssetLayout *cl_asset_bmff_lay_out      (GInputStream       *source,
                                           const ClAssetInfo  *info,
                                           guint64             carrier_length,
                                           GCancellable       *cancellable,
                                           GError            **error);

/* What the BMFF hash of the signed copy with a carrier of carrier_length bytes covers:
 * exclusions, the byte ranges of the top-level boxes it excludes whole (the carrier, any
 * other C2PA uuid box and CL_BMFF_SIGN_EXCLUDED_TYPES), sorted and joined; offsets, the
 * offsets of the other top-level boxes (guint64), which c2pa.hash.bmff.v2 and later hash
 * too. Both in the signed copy. */
gboolean       cl_asset_bmff_hash_plan    (GInputStream       *source,
                                           const ClAssetInfo  *info,
                                           guint64             carrier_length,
                                           GArray            **exclusions,
                                           GArray            **offsets,
                                           GCancellable       *cancellable,
                                           GError            **error);

G_END_DECLS
