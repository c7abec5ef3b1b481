/* cl-bmff-ranges.h: the digest a BMFF hash compares, fed as the file streams by.
 *
 * Every byte inside a window of the file and outside a set of exclusions is hashed, in
 * file order. For c2pa.hash.bmff.v2 and .v3, the offset of each top-level box that is not
 * excluded whole is hashed too, as 8 big-endian bytes just before the box's first byte
 * (c2pa-rs 0.91, hash_utils): when that byte is itself excluded (a box whose start an
 * exclusion subset hides), the offset is still hashed where the box starts, as long as
 * some hashed byte comes before it and some after it.
 *
 * The exclusions and offsets are shared by several hashers (the file's hash, the
 * initialization segment's, one per fragment) and must outlive them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <openssl/evp.h>

#include "cl-byte-range.h"

G_BEGIN_DECLS

typedef struct _ClBmffRanges ClBmffRanges;

/* exclusions: sorted, merged (no two touch); offsets: sorted, distinct. */
ClBmffRanges *cl_bmff_ranges_new     (const EVP_MD  *md,
                                      GArray        *exclusions,
                                      GArray        *offsets);
void          cl_bmff_ranges_free    (ClBmffRanges  *self);
/* Starts a new digest over [start, end) of the file. */
void          cl_bmff_ranges_reset   (ClBmffRanges  *self,
                                      guint64        start,
                                      guint64        end);
/* Feeds the next bytes of the file (in order, any offset). */
void          cl_bmff_ranges_consume (ClBmffRanges  *self,
                                      guint64        offset,
                                      const guint8  *data,
                                      gsize          len);
/* The digest; len is the digest's length. */
void          cl_bmff_ranges_finish  (ClBmffRanges  *self,
                                      guint8        *digest,
                                      guint         *len);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClBmffRanges, cl_bmff_ranges_free)

G_END_DECLS
