/* test-cawg-identity.c: CAWG X.509 identity assertions (sig_type "cawg.x509.cose") checked as
 * c2pa-rs 0.91 checks them, on JPEGs built here with the test PKI: a good one, and one each
 * with non-zero padding, a referenced assertion whose hash is wrong, an assertion referenced
 * twice, no reference to the hard binding, and an unknown sig_type. Our codes are checked,
 * and, when the reference reader is installed, its validation state and identity codes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <openssl/evp.h>

#include "cl-c2pa-ids.h"
#include "cl-cose-crypto.h"
#include "cl-status-codes.h"
#include "cl-test-c2pa.h"
#include "cl-test-manifests.h"
#include "cl-test-pki.h"
#include "cl-test-sign-util.h"
#include "cl-test-tmp.h"
#include "cl-trust-list.h"
#include "cl-trust-store.h"
#include "cl-verification.h"

#define LABEL_ACTIVE "urn:c2pa:2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f"
#define ACTIONS_URL "self#jumbf=c2pa.assertions/c2pa.actions.v2"
#define BINDING_URL "self#jumbf=c2pa.assertions/c2pa.hash.data"

typedef enum {
  IDENTITY_GOOD,
  IDENTITY_PAD1_NOT_ZERO,
  IDENTITY_HASH_WRONG,
  IDENTITY_DUPLICATE,
  IDENTITY_NO_HARD_BINDING,
  IDENTITY_SIG_TYPE_UNKNOWN,
} IdentityFlaw;

typedef struct {
  const ClTestPki *pki;
  IdentityFlaw     flaw;
} IdentitySpec;


/* The hash a claim records for an assertion: SHA-256 of its superbox's payload. */
static void
assertion_digest (const char *label,
                  GBytes     *cbor,
                  guint8      digest[32])
{
  g_bytes_unref (cl_test_assertion_box (label, cbor, digest));
}


/* The signer payload, its fields in the order c2pa-rs writes them (it verifies the
 * signature over its own encoding of the payload). */
static GBytes *
signer_payload_cbor (IdentityFlaw  flaw,
                     const guint8  actions_digest[32],
                     const guint8  binding_digest[32])
{
  cbor_item_t *payload = cbor_new_definite_map (2);
  cbor_item_t *refs = cbor_new_definite_array (3);
  guint8 actions_hash[32];

  memcpy (actions_hash, actions_digest, sizeof actions_hash);
  if (flaw == IDENTITY_HASH_WRONG)
    actions_hash[0] ^= 0x01;
  g_assert_true (cbor_array_push (refs, cbor_move (cl_test_hashed_uri (ACTIONS_URL, actions_hash))));
  if (flaw == IDENTITY_DUPLICATE)
    g_assert_true (cbor_array_push (refs, cbor_move (cl_test_hashed_uri (ACTIONS_URL, actions_hash))));
  if (flaw != IDENTITY_NO_HARD_BINDING)
    g_assert_true (cbor_array_push (refs, cbor_move (cl_test_hashed_uri (BINDING_URL, binding_digest))));
  cl_test_cbor_map_put (payload, "referenced_assertions", refs);
  cl_test_cbor_map_put (payload, "sig_type", cbor_build_string (
    flaw == IDENTITY_SIG_TYPE_UNKNOWN ? "cawg.example.unknown" : "cawg.x509.cose"));
  return cl_test_cbor_serialize (payload);
}


/* COSE_Sign1_Tagged (ES256, x5chain of the signer, detached payload) over payload. */
static GBytes *
identity_signature (const ClTestPki *pki,
                    GBytes          *payload)
{
  g_autoptr(GBytes) cert = cl_test_cred_der (pki->signer);
  cbor_item_t *prot = cbor_new_definite_map (2);
  cbor_item_t *cose = cbor_new_definite_array (4);
  g_autoptr(GBytes) prot_bytes = NULL, tbs = NULL, sig = NULL;

  g_assert_true (cbor_map_add (prot, (struct cbor_pair) {
    .key = cbor_move (cbor_build_uint8 (1)), .value = cbor_move (cbor_build_negint8 (6)) }));
  g_assert_true (cbor_map_add (prot, (struct cbor_pair) {
    .key = cbor_move (cbor_build_uint8 (33)),
    .value = cbor_move (cbor_build_bytestring (g_bytes_get_data (cert, NULL),
                                               g_bytes_get_size (cert))) }));
  prot_bytes = cl_test_cbor_serialize (prot);
  tbs = cl_cose_sig_structure_encode ("Signature1", g_bytes_get_data (prot_bytes, NULL),
                                      g_bytes_get_size (prot_bytes),
                                      g_bytes_get_data (payload, NULL), g_bytes_get_size (payload));
  sig = cl_cose_sign_bytes (CL_COSE_ALG_ES256, pki->signer->key, g_bytes_get_data (tbs, NULL),
                            g_bytes_get_size (tbs), NULL);
  g_assert_nonnull (sig);
  g_assert_true (cbor_array_push (cose, cbor_move (cbor_build_bytestring (
    g_bytes_get_data (prot_bytes, NULL), g_bytes_get_size (prot_bytes)))));
  g_assert_true (cbor_array_push (cose, cbor_move (cbor_new_definite_map (0))));
  g_assert_true (cbor_array_push (cose, cbor_move (cbor_new_null ())));
  g_assert_true (cbor_array_push (cose, cbor_move (cbor_build_bytestring (
    g_bytes_get_data (sig, NULL), g_bytes_get_size (sig)))));
  return cl_test_cbor_serialize (cbor_build_tag (18, cbor_move (cose)));
}


static GBytes *
identity_cbor (const IdentitySpec *spec,
               const guint8        actions_digest[32],
               const guint8        binding_digest[32])
{
  g_autoptr(GBytes) payload = signer_payload_cbor (spec->flaw, actions_digest, binding_digest);
  g_autoptr(GBytes) signature = identity_signature (spec->pki, payload);
  cbor_item_t *map = cbor_new_definite_map (4);
  struct cbor_load_result loaded;
  guint8 pad[16] = { 0 };

  if (spec->flaw == IDENTITY_PAD1_NOT_ZERO)
    pad[3] = 0x20;
  cl_test_cbor_map_put (map, "signer_payload", cbor_load (g_bytes_get_data (payload, NULL),
                                                          g_bytes_get_size (payload), &loaded));
  cl_test_cbor_map_put (map, "signature", cbor_build_bytestring (
    g_bytes_get_data (signature, NULL), g_bytes_get_size (signature)));
  cl_test_cbor_map_put (map, "pad1", cbor_build_bytestring (pad, sizeof pad));
  memset (pad, 0, sizeof pad);
  cl_test_cbor_map_put (map, "pad2", cbor_build_bytestring (pad, 4));
  return cl_test_cbor_serialize (map);
}


/* The active manifest: c2pa.created, the data hash and an identity assertion naming both. */
static GBytes *
active_manifest (guint32       start,
                 guint32       length,
                 const guint8  hash[32],
                 gpointer      user_data)
{
  const IdentitySpec *spec = user_data;
  g_autoptr(GPtrArray) chain = cl_test_chain_der (spec->pki->signer, spec->pki->intermediate, NULL);
  g_autoptr(GBytes) actions = cl_test_actions_created_cbor (NULL);
  g_autoptr(GBytes) binding = cl_test_data_hash_cbor (start, length, hash);
  g_autoptr(GBytes) identity = NULL;
  guint8 actions_digest[32], binding_digest[32];

  assertion_digest ("c2pa.actions.v2", actions, actions_digest);
  assertion_digest ("c2pa.hash.data", binding, binding_digest);
  identity = identity_cbor (spec, actions_digest, binding_digest);
  {
    const ClTestAssertion assertions[] = {
      { "c2pa.actions.v2", actions }, { "c2pa.hash.data", binding }, { "cawg.identity", identity },
    };

    return cl_test_manifest_new (spec->pki->signer->key, chain, LABEL_ACTIVE, assertions,
                                 G_N_ELEMENTS (assertions), NULL, NULL);
  }
}


static ClTrustStore *
trust_store_new (const ClTestPki *pki)
{
  g_autoptr(GPtrArray) signers = g_ptr_array_new ();
  g_autoptr(GPtrArray) lists = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_trust_list_unref);
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (signers, pki->root->cert);
  g_ptr_array_add (lists, cl_trust_list_new ("newsroom", CL_TRUST_LIST_KIND_USER, "test", 0,
                                             signers, NULL, NULL, &error));
  g_assert_no_error (error);
  return cl_trust_store_new (lists);
}


/* A JPEG whose identity assertion has flaw: we report code and state; the reference reader
 * impl (NULL: c2pa-rs 0.91.0; "c2pa-wasm": c2pa-rs 0.92), when installed, agrees on both. */
static void
check_identity (IdentityFlaw       flaw,
                const char        *code,
                ClValidationState  state,
                const char        *impl)
{
  static const char *const state_names[] = { "Invalid", "Valid", "Trusted" };
  g_autoptr(ClTestPki) pki = cl_test_pki_new (NULL, NULL);
  g_autoptr(ClTrustStore) trust = trust_store_new (pki);
  g_autofree char *dir = cl_test_tmp_dir_new ("credlink-cawg", CL_TEST_TMP_UNTIL_CASE_ENDS);
  g_autofree char *anchor = g_build_filename (dir, "root.pem", NULL);
  g_autofree char *path = g_build_filename (dir, "identity.jpg", NULL);
  g_autofree char *oracle = cl_test_oracle_path ();
  const IdentitySpec spec = { pki, flaw };
  g_autoptr(GBytes) jpeg = cl_test_manifests_jpeg_new (NULL, 0, active_manifest, (gpointer) &spec);
  ClVerifyOptions options = CL_VERIFY_OPTIONS_INIT;
  g_autoptr(ClVerification) v = NULL;

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (jpeg, NULL),
                                      (gssize) g_bytes_get_size (jpeg), NULL));
  options.trust_store = trust;
  v = cl_verify_file (path, &options, NULL);
  g_assert_no_error (v->error);
  g_assert_nonnull (v->report);
  g_assert_true (cl_test_report_has_code (v->report, CL_CODE_SIGNING_CREDENTIAL_TRUSTED));
  g_assert_true (cl_test_report_has_code (v->report, code));
  g_assert_cmpint (v->report->state, ==, state);
  /* An unknown credential is not checked at all; any other is. */
  g_assert_true (cl_test_report_has_code (v->report, CL_CODE_CAWG_X509_SIGNATURE_VALIDATED) ==
                 (flaw != IDENTITY_SIG_TYPE_UNKNOWN));

  if (oracle != NULL) {
    g_autoptr(JsonObject) report = NULL;

    cl_test_write_pem (anchor, pki->root, NULL);
    report = cl_test_oracle_read_impl (oracle, impl, path, anchor);
    g_assert_cmpstr (json_object_get_string_member (report, "validation_state"), ==,
                     state_names[state]);
    g_assert_true (cl_test_oracle_has (report, g_str_has_prefix (code, "cawg.identity.") ?
                                       "failure" : "success", code));
  }
}


/* A good identity leaves the manifest Valid, not Trusted: its certificate is not on a CAWG
 * trust list, and that failure is one that does not count. */
static void
test_good (void)
{
  check_identity (IDENTITY_GOOD, CL_CODE_CAWG_X509_SIGNATURE_VALIDATED,
                  CL_VALIDATION_STATE_VALID, NULL);
}


static void
test_pad1_not_zero (void)
{
  check_identity (IDENTITY_PAD1_NOT_ZERO, CL_CODE_CAWG_IDENTITY_PAD_INVALID,
                  CL_VALIDATION_STATE_VALID, NULL);
}


/* c2pa-rs 0.91.0 drops such an identity without a word (and calls the file Trusted); 0.91.1
 * and later, the reader's c2pa-rs 0.92 build, report the mismatch. */
static void
test_hash_wrong (void)
{
  check_identity (IDENTITY_HASH_WRONG, CL_CODE_CAWG_IDENTITY_ASSERTION_MISMATCH,
                  CL_VALIDATION_STATE_VALID, "c2pa-wasm");
}


static void
test_duplicate (void)
{
  check_identity (IDENTITY_DUPLICATE, CL_CODE_CAWG_IDENTITY_ASSERTION_DUPLICATE,
                  CL_VALIDATION_STATE_VALID, NULL);
}


static void
test_no_hard_binding (void)
{
  check_identity (IDENTITY_NO_HARD_BINDING, CL_CODE_CAWG_IDENTITY_HARD_BINDING_MISSING,
                  CL_VALIDATION_STATE_VALID, NULL);
}


static void
test_sig_type_unknown (void)
{
  check_identity (IDENTITY_SIG_TYPE_UNKNOWN, CL_CODE_CAWG_IDENTITY_SIG_TYPE_UNKNOWN,
                  CL_VALIDATION_STATE_VALID, NULL);
}


int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cawg-identity/good", test_good);
  g_test_add_func ("/cawg-identity/pad1-not-zero", test_pad1_not_zero);
  g_test_add_func ("/cawg-identity/hash-wrong", test_hash_wrong);
  g_test_add_func ("/cawg-identity/duplicate", test_duplicate);
  g_test_add_func ("/cawg-identity/no-hard-binding", test_no_hard_binding);
  g_test_add_func ("/cawg-identity/sig-type-unknown", test_sig_type_unknown);
  return g_test_run ();
}
