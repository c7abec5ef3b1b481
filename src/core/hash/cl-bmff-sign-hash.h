/* cl-bmff-sign-hash.h: the c2pa.hash.bmff.v3 hash of a signed copy of a HEIF image before
 * it is written: its layout hashed as the validator hashes a file (cl-bmff-ranges.h),
 * with the exclusions the signer writes (cl-asset-bmff-writer.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cl-asset-info.h"
#include "cl-asset-layout.h"

G_BEGIN_DECLS

/* The SHA-256 BMFF hash (v2 and later) of the copy that layout describes (made from
 * source, which info describes), into digest (32 bytes). The carrier's bytes are not
 * needed: its box is excluded whole. */
gboolean cl_bmff_sign_hash (GInputStream       *source,
                            const ClAssetInfo  *info,
                            ClAssetLayout      *layout,
                            guint8             *digest,
                            GCancellable       *cancellable,
                            GError            **error);

G_END_DECLS
