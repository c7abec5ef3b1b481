/* cl-test-ica-jpeg.c: a JPEG whose active manifest carries a CAWG identity assertion of
 * sig_type cawg.identity_claims_aggregation, its credential made by cl_test_ica_signature().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cbor.h>

#include "cl-test-c2pa.h"
#include "cl-test-ica-jpeg.h"
#include "cl-test-manifests.h"

#define ACTIONS_URL  "self#jumbf=c2pa.assertions/c2pa.actions.v2"
#define BINDING_URL  "self#jumbf=c2pa.assertions/c2pa.hash.data"

typedef struct {
  const ClTestPki *pki;
  ClTestIcaFlaw    flaw;
  EVP_PKEY        *issuer_key;
  const char      *issuer;
} IcaSpec;


/* {referenced_assertions: [actions, hard binding], sig_type}, as c2pa-rs writes it. */
static cbor_item_t *
signer_payload (const guint8 actions_digest[32],
                const guint8 binding_digest[32])
{
  cbor_item_t *payload = cbor_new_definite_map (2);
  cbor_item_t *refs = cbor_new_definite_array (2);

  g_assert_true (cbor_array_push (refs, cbor_move (cl_test_hashed_uri (ACTIONS_URL, actions_digest))));
  g_assert_true (cbor_array_push (refs, cbor_move (cl_test_hashed_uri (BINDING_URL, binding_digest))));
  cl_test_cbor_map_put (payload, "referenced_assertions", refs);
  cl_test_cbor_map_put (payload, "sig_type", cbor_build_string (CL_TEST_ICA_SIG_TYPE));
  return payload;
}


static GBytes *
identity_with_pad (GBytes       *signature,
                   const guint8  actions_digest[32],
                   const guint8  binding_digest[32],
                   gsize         pad_len)
{
  g_autofree guint8 *pad = g_malloc0 (MAX (pad_len, 4));
  cbor_item_t *map = cbor_new_definite_map (4);

  cl_test_cbor_map_put (map, "signer_payload", signer_payload (actions_digest, binding_digest));
  cl_test_cbor_map_put (map, "signature", cbor_build_bytestring (
    g_bytes_get_data (signature, NULL), g_bytes_get_size (signature)));
  cl_test_cbor_map_put (map, "pad1", cbor_build_bytestring (pad, pad_len));
  cl_test_cbor_map_put (map, "pad2", cbor_build_bytestring (pad, 4));
  return cl_test_cbor_serialize (map);
}


/* The identity assertion, always IDENTITY_SIZE bytes: the manifest is built twice (for
 * the layout, then with the data hash), and a time-stamp token's length varies; pad1
 * takes up the difference, as CAWG padding is meant to. */
#define IDENTITY_SIZE 6000

static GBytes *
identity_cbor (const IcaSpec *spec,
               const guint8   actions_digest[32],
               const guint8   binding_digest[32])
{
  const ClTestIcaReference refs[] = {
    { ACTIONS_URL, actions_digest }, { BINDING_URL, binding_digest }, { NULL, NULL },
  };
  g_autoptr(GBytes) signature = cl_test_ica_signature (spec->pki, spec->issuer_key, spec->issuer, refs,
                                                       CL_TEST_ICA_SIG_TYPE, spec->flaw);
  g_autoptr(GBytes) unpadded = identity_with_pad (signature, actions_digest, binding_digest, 0);
  /* An empty pad1 has a one-byte head; one of 256 to 65535 bytes a three-byte one. */
  gsize pad_len = IDENTITY_SIZE - (g_bytes_get_size (unpadded) - 1 + 3);
  GBytes *identity;

  g_assert_cmpuint (pad_len, >=, 256);
  g_assert_cmpuint (pad_len, <, IDENTITY_SIZE);
  identity = identity_with_pad (signature, actions_digest, binding_digest, pad_len);
  g_assert_cmpuint (g_bytes_get_size (identity), ==, IDENTITY_SIZE);
  return identity;
}


static GBytes *
active_manifest (guint32       start,
                 guint32       length,
                 const guint8  hash[32],
                 gpointer      user_data)
{
  const IcaSpec *spec = user_data;
  g_autoptr(GPtrArray) chain = cl_test_chain_der (spec->pki->signer, spec->pki->intermediate, NULL);
  g_autoptr(GBytes) actions = cl_test_actions_created_cbor (NULL);
  g_autoptr(GBytes) binding = cl_test_data_hash_cbor (start, length, hash);
  g_autoptr(GBytes) identity = NULL;
  guint8 actions_digest[32], binding_digest[32];

  g_bytes_unref (cl_test_assertion_box ("c2pa.actions.v2", actions, actions_digest));
  g_bytes_unref (cl_test_assertion_box ("c2pa.hash.data", binding, binding_digest));
  identity = identity_cbor (spec, actions_digest, binding_digest);
  {
    const ClTestAssertion assertions[] = {
      { "c2pa.actions.v2", actions }, { "c2pa.hash.data", binding }, { "cawg.identity", identity },
    };

    return cl_test_manifest_new (spec->pki->signer->key, chain, CL_TEST_ICA_LABEL_ACTIVE, assertions,
                                 G_N_ELEMENTS (assertions), NULL, NULL);
  }
}


GBytes *
cl_test_ica_jpeg_new (const ClTestPki *pki,
                      EVP_PKEY        *issuer_key,
                      const char      *issuer,
                      ClTestIcaFlaw    flaw)
{
  const IcaSpec spec = { pki, flaw, issuer_key, issuer };

  return cl_test_manifests_jpeg_new (NULL, 0, active_manifest, (gpointer) &spec);
}
