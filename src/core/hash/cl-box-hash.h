/* cl-box-hash.h: the c2pa.hash.boxes hard binding (C2PA 2.2 §9.3): its assertion, and its
 * check over the file in the same streamed pass as the other hashes.
 *
 * The assertion lists the file's boxes in order, in groups; each group's hash covers the
 * bytes from its first box's start to its last box's end. The group that is only the
 * manifest store ("C2PA") and groups marked excluded are not hashed. Boxes after the
 * last one listed are not covered (as in c2pa-rs). The algorithm is the group's "alg",
 * else the claim's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cbor.h>
#include <glib.h>

#include "cl-asset.h"

G_BEGIN_DECLS

typedef struct _ClBoxHash ClBoxHash;

/* NULL with a message in why when the assertion does not have the box-hash shape
 * (assertion.boxesHash.malformed). */
ClBoxHash  *cl_box_hash_parse      (cbor_item_t    *item,
                                    char          **why);
void        cl_box_hash_free       (ClBoxHash      *self);

typedef struct _ClBoxHashCheck ClBoxHashCheck;

/* A check of box_hash against a file of this format; has_store says whether the file
 * carries its manifest store. Set up on the calling thread (digests are looked up
 * here); fed with cl_box_hash_check_consume(), a ClStreamConsumeFunc, from any thread.
 * NULL with why when the format has no boxes CredLink knows. */
ClBoxHashCheck *cl_box_hash_check_new     (const ClBoxHash  *box_hash,
                                           ClAssetFormat     format,
                                           gboolean          has_store,
                                           const char       *claim_alg,
                                           char            **why);
void            cl_box_hash_check_free    (ClBoxHashCheck   *self);
void            cl_box_hash_check_consume (gpointer          self,
                                           guint64           offset,
                                           const guint8     *data,
                                           gsize             len);
/* After the whole file was fed: TRUE when every listed box is where the assertion says
 * and every hash matches; else FALSE and the first problem, for a person, in why. */
gboolean        cl_box_hash_check_finish  (ClBoxHashCheck   *self,
                                           char            **why);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClBoxHash, cl_box_hash_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClBoxHashCheck, cl_box_hash_check_free)

G_END_DECLS
