/* cl-test-manifests.h: manifest stores of several manifests built from scratch, each with
 * the assertions a test gives it (v2 claims signed with ES256), and the assertions the
 * tests of validation rules need: data hash, c2pa.created, ingredients with recorded
 * validation results.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <openssl/evp.h>

G_BEGIN_DECLS

typedef struct {
  const char *label;   /* e.g. "c2pa.actions.v2" */
  GBytes     *cbor;    /* its content */
} ClTestAssertion;

/* A manifest superbox labelled label whose claim references every assertion of
 * assertions, signed by key with chain_der (GBytes DER, leaf first) as x5chain. */
GBytes *cl_test_manifest_new          (EVP_PKEY              *key,
                                       GPtrArray             *chain_der,
                                       const char            *label,
                                       const ClTestAssertion *assertions,
                                       guint                  n_assertions);
/* The manifest store of manifests (superboxes, the active one last). */
GBytes *cl_test_manifest_store_new    (GBytes               **manifests,
                                       guint                  n_manifests);

GBytes *cl_test_actions_created_cbor  (void);
/* c2pa.hash.data excluding [start, start + length), with 32-bit widths so that a
 * placeholder and the final assertion have the same size. */
GBytes *cl_test_data_hash_cbor        (guint32                start,
                                       guint32                length,
                                       const guint8           hash[32]);
/* A c2pa.ingredient.v3 (componentOf) naming the manifest superbox manifest labelled label,
 * whose validationResults record the failures (code, absolute URL pairs, NULL-ended). */
GBytes *cl_test_ingredient_v3_cbor    (const char            *label,
                                       GBytes                *manifest,
                                       const char * const    *failures);

G_END_DECLS
