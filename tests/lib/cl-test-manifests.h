/* cl-test-manifests.h: manifest stores of several manifests built from scratch, each with
 * the assertions a test gives it (v2 claims signed with ES256), and the assertions the
 * tests of validation rules need: data hash, c2pa.created, ingredients with recorded
 * validation results.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cbor.h>
#include <glib.h>
#include <openssl/evp.h>

#include "cl-test-pki.h"

G_BEGIN_DECLS

typedef struct {
  const char *label;   /* e.g. "c2pa.actions.v2" */
  GBytes     *cbor;    /* its content */
  gboolean    removed; /* referenced by the claim, but its box left out (as redacted) */
} ClTestAssertion;

/* A time-stamp for a signature: a token of pki's TSA dated gen_time. */
typedef struct {
  const ClTestPki *pki;
  gint64           gen_time;
} ClTestStamp;

/* A manifest superbox labelled label whose claim references every assertion of
 * assertions and redacts redactions (absolute URIs, NULL-ended; or NULL), signed by key
 * with chain_der (GBytes DER, leaf first) as x5chain, and time-stamped (sigTst2) when
 * stamp is not NULL. */
GBytes *cl_test_manifest_new          (EVP_PKEY              *key,
                                       GPtrArray             *chain_der,
                                       const char            *label,
                                       const ClTestAssertion *assertions,
                                       guint                  n_assertions,
                                       const char * const    *redactions,
                                       const ClTestStamp     *stamp);
/* A COSE unprotected header: empty (stamp NULL), or {sigTst2: a token of stamp's TSA over
 * the v2 countersignature of signature (with protected_bytes and payload)}. */
cbor_item_t *cl_test_cose_unprotected_header (const ClTestStamp *stamp,
                                             GBytes            *protected_bytes,
                                             GBytes            *payload,
                                             GBytes            *signature);
/* The manifest store of manifests (superboxes, the active one last). */
GBytes *cl_test_manifest_store_new    (GBytes               **manifests,
                                       guint                  n_manifests);

/* The active manifest of a JPEG, for a data hash excluding [start, start + length) with
 * hash; called twice (the first time for the layout), and must give the same size. */
typedef GBytes *(*ClTestActiveFunc) (guint32       start,
                                     guint32       length,
                                     const guint8  hash[32],
                                     gpointer      user_data);

/* The test JPEG (cl_test_plain_jpeg) with a store of others (manifests, in that order)
 * and then the active manifest active makes. */
GBytes *cl_test_manifests_jpeg_new    (GBytes               **others,
                                       guint                  n_others,
                                       ClTestActiveFunc       active,
                                       gpointer               user_data);

/* c2pa.actions.v2: c2pa.created, then a c2pa.redacted of each of redactions (NULL-ended,
 * or NULL). */
GBytes *cl_test_actions_created_cbor  (const char * const    *redactions);
/* A c2pa.ingredient.v3 (componentOf) naming the manifest superbox manifest labelled label
 * and its claim signature, whose validationResults record the successes and the failures
 * (code, absolute URL pairs, NULL-ended; or NULL). */
GBytes *cl_test_ingredient_v3_cbor    (const char            *label,
                                       GBytes                *manifest,
                                       const char * const    *successes,
                                       const char * const    *failures);

G_END_DECLS
