/* cl-manifest-bindings.h: the hard-binding assertion of a manifest CredLink signs —
 * c2pa.hash.data (JPEG, PNG, WebP, GIF, TIFF, JPEG XL, SVG) or c2pa.hash.bmff.v3 (HEIF,
 * HEIC, AVIF) — as CBOR, for the manifest builder to write.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <cbor.h>

#include "cl-byte-range.h"

G_BEGIN_DECLS

/* c2pa.hash.data: the SHA-256 of the file less exclusion (the carrier of the store). */
cbor_item_t *cl_manifest_data_hash_new (const ClByteRange *exclusion,
                                        const guint8      *data_hash);

/* c2pa.hash.bmff.v3: the BMFF hash of the file with the exclusions c2pa-rs writes. */
cbor_item_t *cl_manifest_bmff_hash_new (const guint8      *bmff_hash);

G_END_DECLS
