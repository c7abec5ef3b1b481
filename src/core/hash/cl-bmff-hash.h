/* cl-bmff-hash.h: the BMFF hard binding (c2pa.hash.bmff.v3, .v2 and the 1.x c2pa.hash.bmff;
 * C2PA 2.2 §15.12.3, §18.6): its assertion, and its check over the file in the same
 * streamed pass as the other hashes, as c2pa-rs 0.91 checks it.
 *
 * Exclusions name boxes by path ("/uuid", "/moov/trak/mdia/minf/stbl/stco"), narrowed by
 * length, version, flags and data at an offset, and cut to subsets. The file hash covers
 * every other byte and, from v2 on, the offset of each top-level box not excluded whole.
 * Fragmented media (moof boxes) may carry a Merkle tree: each fragment's hash is a leaf,
 * checked against the assertion's row of the tree with the proof of its merkle uuid box,
 * and the initialization segment against initHash. Unfragmented media may carry one tree
 * per mdat over its blocks (fixed or variable sizes, or the whole box). Merkle trees over
 * the samples of each track's chunks are not checked yet: they are reported as a mismatch
 * with that explanation.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cbor.h>
#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _ClBmffHash ClBmffHash;

/* version: 1, 2 or 3, from the label. NULL with why when the assertion does not have the
 * BMFF hash's shape, has no exclusions, or its subsets are out of order or overlap
 * (assertion.bmffHash.malformed). */
ClBmffHash *cl_bmff_hash_parse            (cbor_item_t       *item,
                                           guint              version,
                                           char             **why);
void        cl_bmff_hash_free             (ClBmffHash        *self);
guint       cl_bmff_hash_exclusion_count  (const ClBmffHash  *self);

typedef struct _ClBmffHashCheck ClBmffHashCheck;

/* Plans the check of self against the file in stream (file_size bytes): walks its boxes,
 * resolves the exclusions and reads the Merkle proofs, with small reads on the calling
 * thread. Then fed with cl_bmff_hash_check_consume(), a ClStreamConsumeFunc, from any
 * thread. claim_alg: the claim's algorithm, used when the assertion names none. */
ClBmffHashCheck *cl_bmff_hash_check_new     (const ClBmffHash  *self,
                                             GInputStream      *stream,
                                             guint64            file_size,
                                             const char        *claim_alg,
                                             GCancellable      *cancellable);
void             cl_bmff_hash_check_free    (ClBmffHashCheck   *self);
void             cl_bmff_hash_check_consume (gpointer           self,
                                             guint64            offset,
                                             const guint8      *data,
                                             gsize              len);
/* After the whole file was fed: TRUE when every hash matches; else FALSE and the first
 * problem, for a person, in why. */
gboolean         cl_bmff_hash_check_finish  (ClBmffHashCheck   *self,
                                             char             **why);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClBmffHash, cl_bmff_hash_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClBmffHashCheck, cl_bmff_hash_check_free)

G_END_DECLS
