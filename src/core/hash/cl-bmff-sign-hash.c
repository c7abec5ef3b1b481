/* cl-bmff-sign-hash.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <openssl/evp.h>

#include "cl-asset-bmff-writer.h"
#include "cl-bmff-ranges.h"
#include "cl-bmff-sign-hash.h"

typedef struct {
  ClBmffRanges *ranges;
  ClByteRange   carrier;
  guint64       offset;    /* of the next byte in the signed copy */
} Hashing;


/* The layout is emitted without the carrier: its bytes are skipped over. */
static gboolean
hash_bytes (const guint8  *data,
            gsize          len,
            gpointer       user_data,
            GError       **error)
{
  Hashing *hashing = user_data;

  if (hashing->offset == hashing->carrier.start)
    hashing->offset += hashing->carrier.length;
  cl_bmff_ranges_consume (hashing->ranges, hashing->offset, data, len);
  hashing->offset += len;
  return TRUE;
}


gboolean
cl_bmff_sign_hash (GInputStream       *source,
                   const ClAssetInfo  *info,
                   ClAssetLayout      *layout,
                   guint8             *digest,
                   GCancellable       *cancellable,
                   GError            **error)
{
  g_autoptr(GArray) exclusions = NULL;
  g_autoptr(GArray) offsets = NULL;
  g_autoptr(ClBmffRanges) ranges = NULL;
  Hashing hashing = { NULL, cl_asset_layout_get_carrier (layout), 0 };
  guint len = 0;

  if (!cl_asset_bmff_hash_plan (source, info, hashing.carrier.length, &exclusions, &offsets,
                                cancellable, error))
    return FALSE;
  ranges = cl_bmff_ranges_new (EVP_sha256 (), exclusions, offsets);
  cl_bmff_ranges_reset (ranges, 0, cl_asset_layout_get_size (layout));
  hashing.ranges = ranges;
  if (!cl_asset_layout_emit (layout, source, NULL, hash_bytes, &hashing, cancellable, error))
    return FALSE;
  cl_bmff_ranges_finish (ranges, digest, &len);
  return TRUE;
}
