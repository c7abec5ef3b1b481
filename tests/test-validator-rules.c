/* test-validator-rules.c: rules of c2pa-rs 0.91 the validator follows, each on a file built
 * here with the test PKI, checked against our codes and, when the reference reader is
 * installed, against its verdict and failure codes.
 *
 * Untrusted time-stamp: a signer whose certificate expires a few seconds after the test
 * starts signs with a time-stamp from a TSA of a second PKI; once the certificate has
 * expired, the time-stamp's time stands only when that TSA is trusted (no clock is faked).
 *
 * RSA public exponent: a signer certificate whose RSA key has e = 1 (anyone can then forge a
 * PS256 signature: it is its own message representative) or an even e is refused by the
 * certificate profile, and its signature does not count, as in c2pa-rs 0.91.1 (PR #2712).
 * The product signs with an ordinary RSA key; the test then puts a certificate for the same
 * modulus with such an exponent in its place, with a signature made "with" it.
 *
 * Unreferenced manifest: a manifest that no claim references records, in an ingredient
 * assertion of its own, the failure of a referenced ingredient's signature; that record
 * does not cancel the failure (c2pa-rs 0.91.1, PR #2686).
 *
 * Redacted slots: an assertion of an ingredient that the active manifest redacts must be
 * gone or zero-filled; a box still there with content is assertion.notRedacted (c2pa-rs
 * 0.91, PR #2527).
 *
 * Time-stamped component: an ingredient's expired certificate passes at its trusted
 * time-stamp's time, which is the token's signed signingTime attribute, as c2pa-rs reads it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>

#include "cl-signer.h"
#include "cl-status-codes.h"
#include "cl-test-c2pa.h"
#include "cl-test-forge.h"
#include "cl-test-manifests.h"
#include "cl-test-pki.h"
#include "cl-test-server.h"
#include "cl-test-sign-util.h"
#include "cl-test-tmp.h"
#include "cl-trust-list.h"
#include "cl-trust-store.h"
#include "cl-verification.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EVP_PKEY, EVP_PKEY_free)

#define DAY (24 * 60 * 60)
/* Seconds the short-lived signer's certificate stays valid: room for one signature. */
#define SIGNER_VALIDITY 3


/* The trust store of the test: pki's root for signers; tsa_root (or none) for TSAs. */
static ClTrustStore *
trust_store_new (const ClTestPki *pki,
                 X509            *tsa_root)
{
  g_autoptr(GPtrArray) signers = g_ptr_array_new ();
  g_autoptr(GPtrArray) tsas = g_ptr_array_new ();
  g_autoptr(GPtrArray) lists = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_trust_list_unref);
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (signers, pki->root->cert);
  g_ptr_array_add (lists, cl_trust_list_new ("newsroom", CL_TRUST_LIST_KIND_USER, "test", 0,
                                             signers, NULL, NULL, &error));
  g_assert_no_error (error);
  if (tsa_root != NULL) {
    g_ptr_array_add (tsas, tsa_root);
    g_ptr_array_add (lists, cl_trust_list_new ("tsa", CL_TRUST_LIST_KIND_USER_TSA, "test", 0,
                                               tsas, NULL, NULL, &error));
    g_assert_no_error (error);
  }
  return cl_trust_store_new (lists);
}


static ClVerification *
verify_with (const char   *path,
             ClTrustStore *trust)
{
  ClVerifyOptions options = CL_VERIFY_OPTIONS_INIT;
  ClVerification *v;

  options.trust_store = trust;
  v = cl_verify_file (path, &options, NULL);
  g_assert_no_error (v->error);
  g_assert_nonnull (v->report);
  return v;
}


static gboolean
report_has (ClValidationReport *report,
            const char         *code)
{
  for (guint i = 0; i < report->statuses->len; i++) {
    ClStatus *s = g_ptr_array_index (report->statuses, i);

    if (s->ingredient_uri == NULL && g_str_equal (s->code, code))
      return TRUE;
  }
  return FALSE;
}


/* The reference reader (impl as for cl_test_oracle_read_impl), when installed, gives path the validation
 * state and has each of codes (NULL-terminated) in its list list_name (as for cl_test_oracle_has). */
static void
assert_reference (const char  *path,
                  const char  *anchors_pem,
                  const char  *impl,
                  const char  *state,
                  const char  *list_name,
                  const char **codes)
{
  g_autofree char *oracle = cl_test_oracle_path ();
  g_autoptr(JsonObject) report = NULL;

  if (oracle == NULL)
    return;
  report = cl_test_oracle_read_impl (oracle, impl, path, anchors_pem);
  g_assert_cmpstr (json_object_get_string_member (report, "validation_state"), ==, state);
  for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
    g_assert_true (cl_test_oracle_has (report, list_name, codes[i]));
}


/* An untrusted time-stamp gives the signature no signing time (C2PA 2.2 §15.8.2): the
 * expired signer is judged now and fails; with the TSA trusted, its time stands. */
static void
test_untrusted_time_stamp (void)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autoptr(ClTestPki) pki = cl_test_pki_new (NULL, NULL);
  g_autoptr(ClTestPki) tsa_pki = cl_test_pki_new (NULL, NULL);
  ClTestTsa tsa = { .pki = tsa_pki, .gen_time = now };
  const ClTestRoute routes[] = { { "/tsa", cl_test_tsa_route_cb, &tsa }, { NULL, NULL, NULL } };
  g_autoptr(ClTestServer) server = NULL;
  g_autofree char *tsa_url = NULL;
  g_autofree char *dir = cl_test_tmp_dir_new ("credlink-rules", CL_TEST_TMP_UNTIL_CASE_ENDS);
  g_autofree char *input = cl_test_make_image (dir, "plain.jpg", "jpeg", 16, 16);
  g_autofree char *output = g_build_filename (dir, "stamped.jpg", NULL);
  g_autofree char *signer_anchor = g_build_filename (dir, "signer-root.pem", NULL);
  g_autofree char *both_anchors = g_build_filename (dir, "both-roots.pem", NULL);
  g_autoptr(ClTestCred) short_lived = NULL;
  g_autoptr(ClSigningProfile) profile = NULL;
  g_autoptr(ClSignResult) result = NULL;
  g_autoptr(ClTrustStore) tsa_untrusted = trust_store_new (pki, NULL);
  g_autoptr(ClTrustStore) tsa_trusted = trust_store_new (pki, tsa_pki->root->cert);
  g_autoptr(ClVerification) untrusted_v = NULL, trusted_v = NULL;
  g_autoptr(GError) error = NULL;
  STACK_OF (X509) *chain = sk_X509_new_null ();
  ClSignOptions options = { 0 };
  const char *failures[] = {
    CL_CODE_SIGNING_CREDENTIAL_EXPIRED, CL_CODE_SIGNING_CREDENTIAL_UNTRUSTED, NULL
  };

  server = cl_test_server_new (routes);
  tsa_url = cl_test_server_url (server, "/tsa");
  short_lived = cl_test_cred_new (&(ClTestCertSpec) {
    .cn = "Short-lived Signer", .issuer = pki->intermediate,
    .key_usage = "critical,digitalSignature", .ext_key_usage = "emailProtection",
    .not_before = now - 40 * DAY, .not_after = now + SIGNER_VALIDITY,
  });
  sk_X509_push (chain, short_lived->cert);
  sk_X509_push (chain, pki->intermediate->cert);
  sk_X509_push (chain, pki->root->cert);
  profile = cl_signing_profile_new ("short-lived", chain, short_lived->key, &error);
  sk_X509_free (chain);
  g_assert_no_error (error);

  options.tsa_url = tsa_url;
  result = cl_signer_sign_file (profile, &options, input, output, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_get_real_time () / G_USEC_PER_SEC, <=, now + SIGNER_VALIDITY);
  cl_test_write_pem (signer_anchor, pki->root, NULL);
  cl_test_write_pem (both_anchors, pki->root, tsa_pki->root, NULL);
  while (g_get_real_time () / G_USEC_PER_SEC <= now + SIGNER_VALIDITY + 1)
    g_usleep (G_USEC_PER_SEC / 4);

  untrusted_v = verify_with (output, tsa_untrusted);
  g_assert_true (report_has (untrusted_v->report, CL_CODE_TIME_STAMP_UNTRUSTED));
  g_assert_true (report_has (untrusted_v->report, CL_CODE_SIGNING_CREDENTIAL_EXPIRED));
  /* Its chain is judged now too, as c2pa-rs does: untrusted as well. */
  g_assert_true (report_has (untrusted_v->report, CL_CODE_SIGNING_CREDENTIAL_UNTRUSTED));
  g_assert_cmpint (untrusted_v->report->state, ==, CL_VALIDATION_STATE_INVALID);
  g_assert_nonnull (untrusted_v->trust);
  g_assert_false (untrusted_v->trust->time_is_trusted);
  g_assert_cmpint (untrusted_v->trust->judged_time, >, now + SIGNER_VALIDITY);
  /* The time-stamp's time is still shown (c2pa-rs reports it too), marked untrusted. */
  g_assert_nonnull (cl_validation_report_get_active (untrusted_v->report)->sig_time);
  assert_reference (output, signer_anchor, NULL, "Invalid", "failure", failures);

  trusted_v = verify_with (output, tsa_trusted);
  g_assert_true (report_has (trusted_v->report, CL_CODE_TIME_STAMP_TRUSTED));
  g_assert_false (report_has (trusted_v->report, CL_CODE_SIGNING_CREDENTIAL_EXPIRED));
  g_assert_cmpint (trusted_v->report->state, ==, CL_VALIDATION_STATE_TRUSTED);
  g_assert_true (trusted_v->trust->time_is_trusted);
  /* Judged at the time-stamp's time: when it was signed, a moment after now was taken. */
  g_assert_cmpint (trusted_v->trust->judged_time, >=, now);
  g_assert_cmpint (trusted_v->trust->judged_time, <=, now + 120);
  assert_reference (output, both_anchors, NULL, "Trusted", "failure", NULL);
}


/* Signs input into output with an RSA certificate of pki, then puts in its place one for
 * the same modulus with public exponent e, and a signature made with private exponent d
 * (the same size: no other byte of the file moves). */
static void
sign_with_exponent (const ClTestPki *pki,
                    unsigned long    e,
                    unsigned long    d,
                    const char      *input,
                    const char      *output)
{
  g_autoptr(ClTestCred) model = cl_test_cred_new (&(ClTestCertSpec) {
    .cn = "RSA Exponent Signer", .issuer = pki->intermediate, .key_type = "RSA-2048",
    .key_usage = "critical,digitalSignature", .ext_key_usage = "emailProtection",
  });
  g_autoptr(EVP_PKEY) key = cl_test_rsa_key_with_exponent (model->key, e, d);
  g_autoptr(ClSigningProfile) profile = NULL;
  g_autoptr(ClSignResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) chain_der = NULL;
  STACK_OF (X509) *chain = sk_X509_new_null ();
  ClSignOptions options = { 0 };

  sk_X509_push (chain, model->cert);
  sk_X509_push (chain, pki->intermediate->cert);
  sk_X509_push (chain, pki->root->cert);
  profile = cl_signing_profile_new ("rsa", chain, model->key, &error);
  sk_X509_free (chain);
  g_assert_no_error (error);
  result = cl_signer_sign_file (profile, &options, input, output, NULL, &error);
  g_assert_no_error (error);

  /* The model's certificate, issued again by the intermediate for the new key. */
  g_assert_true (X509_set_pubkey (model->cert, key) == 1);
  g_assert_true (X509_sign (model->cert, pki->intermediate->key, EVP_sha256 ()) > 0);
  chain_der = cl_test_chain_der (model, pki->intermediate, NULL);
  cl_test_forge_signature (output, key, chain_der);
}


/* A signer whose RSA key has public exponent e (signed with private exponent d) is
 * refused: its certificate is signingCredential.invalid and its signature does not count,
 * even when (e = 1) it is the forger's signature that "verifies". */
static void
assert_exponent_refused (unsigned long e,
                         unsigned long d)
{
  g_autoptr(ClTestPki) pki = cl_test_pki_new (NULL, NULL);
  g_autoptr(ClTrustStore) trust = trust_store_new (pki, NULL);
  g_autofree char *dir = cl_test_tmp_dir_new ("credlink-rules", CL_TEST_TMP_UNTIL_CASE_ENDS);
  g_autofree char *input = cl_test_make_image (dir, "plain.jpg", "jpeg", 16, 16);
  g_autofree char *output = g_build_filename (dir, "forged.jpg", NULL);
  g_autofree char *anchor = g_build_filename (dir, "root.pem", NULL);
  g_autoptr(ClVerification) v = NULL;
  const char *failures[] = {
    CL_CODE_CLAIM_SIGNATURE_MISMATCH, CL_CODE_SIGNING_CREDENTIAL_INVALID, NULL
  };

  cl_test_write_pem (anchor, pki->root, NULL);
  sign_with_exponent (pki, e, d, input, output);
  v = verify_with (output, trust);
  g_assert_true (report_has (v->report, CL_CODE_SIGNING_CREDENTIAL_INVALID));
  g_assert_true (report_has (v->report, CL_CODE_CLAIM_SIGNATURE_MISMATCH));
  g_assert_false (report_has (v->report, CL_CODE_CLAIM_SIGNATURE_VALIDATED));
  g_assert_cmpint (v->report->state, ==, CL_VALIDATION_STATE_INVALID);
  /* c2pa-rs 0.91.1 and later (the reader's c2pa-rs 0.92 build) say the same. */
  assert_reference (output, anchor, "c2pa-wasm", "Invalid", "failure", failures);
}


static void
test_rsa_exponent_one (void)
{
  assert_exponent_refused (1, 1);
}


static void
test_rsa_exponent_even (void)
{
  assert_exponent_refused (65538, 1);
}


#define LABEL_COMPONENT "urn:c2pa:6f0e1d2c-3b4a-4958-8776-a5b4c3d2e1f0"
#define LABEL_STRAY "urn:c2pa:7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d"
#define LABEL_ACTIVE "urn:c2pa:8b7c6d5e-4f3a-4b2c-9d8e-1f2a3b4c5d6e"


typedef struct {
  const ClTestPki    *pki;
  GBytes             *component;   /* the manifest the active manifest's ingredient names */
  const char * const *redactions;  /* what the active manifest redacts, or NULL */
  const char * const *recorded;    /* successes its ingredient records (as for
                                    * cl_test_ingredient_v3_cbor), or NULL */
} ActiveSpec;


/* The active manifest of the test stores: c2pa.created (and c2pa.redacted for each of
 * its redactions), an ingredient naming the component, and the data hash. */
static GBytes *
active_manifest (guint32       start,
                 guint32       length,
                 const guint8  hash[32],
                 gpointer      user_data)
{
  const ActiveSpec *spec = user_data;
  g_autoptr(GPtrArray) chain = cl_test_chain_der (spec->pki->signer, spec->pki->intermediate, NULL);
  g_autoptr(GBytes) actions = cl_test_actions_created_cbor (spec->redactions);
  g_autoptr(GBytes) ingredient = cl_test_ingredient_v3_cbor (LABEL_COMPONENT, spec->component,
                                                             spec->recorded, NULL);
  g_autoptr(GBytes) binding = cl_test_data_hash_cbor (start, length, hash);
  const ClTestAssertion assertions[] = {
    { "c2pa.actions.v2", actions }, { "c2pa.ingredient.v3", ingredient },
    { "c2pa.hash.data", binding },
  };

  return cl_test_manifest_new (spec->pki->signer->key, chain, LABEL_ACTIVE, assertions,
                               G_N_ELEMENTS (assertions), spec->redactions, NULL);
}


#define COMPONENT_SIGNATURE "self#jumbf=/c2pa/" LABEL_COMPONENT "/c2pa.signature"

/* What the manifests of jpeg_with_expired_component record about its component. */
typedef struct {
  const char * const *active_successes;  /* the active manifest's ingredient */
  gboolean            stray;             /* a manifest nobody references is there */
  const char * const *stray_successes;   /* its own ingredient naming the component */
  const char * const *stray_failures;
  const ClTestStamp  *stamp;             /* the component's own time-stamp, or NULL */
  gint64              expires;           /* when its certificate expires; 0: a day ago */
} Records;


/* A JPEG whose store holds a component signed by a certificate that has expired, the
 * active manifest that names it as an ingredient, and maybe a stray manifest nobody
 * references, with what they record about the component. */
static GBytes *
jpeg_with_expired_component (const ClTestPki *pki,
                             const Records   *records)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autoptr(ClTestCred) expired = cl_test_cred_new (&(ClTestCertSpec) {
    .cn = "Expired Component Signer", .issuer = pki->intermediate,
    .key_usage = "critical,digitalSignature", .ext_key_usage = "emailProtection",
    .not_before = now - 40 * DAY, .not_after = records->expires != 0 ? records->expires : now - DAY,
  });
  g_autoptr(GPtrArray) expired_chain = cl_test_chain_der (expired, pki->intermediate, NULL);
  g_autoptr(GPtrArray) chain = cl_test_chain_der (pki->signer, pki->intermediate, NULL);
  g_autoptr(GBytes) actions = cl_test_actions_created_cbor (NULL);
  const ClTestAssertion component_assertions[] = { { "c2pa.actions.v2", actions } };
  g_autoptr(GBytes) component = cl_test_manifest_new (expired->key, expired_chain, LABEL_COMPONENT,
                                                      component_assertions, 1, NULL,
                                                      records->stamp);
  g_autoptr(GBytes) record = cl_test_ingredient_v3_cbor (LABEL_COMPONENT, component,
                                                         records->stray_successes,
                                                         records->stray_failures);
  const ClTestAssertion stray_assertions[] = {
    { "c2pa.actions.v2", actions }, { "c2pa.ingredient.v3", record },
  };
  g_autoptr(GBytes) stray = cl_test_manifest_new (pki->signer->key, chain, LABEL_STRAY,
                                                  stray_assertions, 2, NULL, NULL);
  ActiveSpec spec = { pki, component, NULL, records->active_successes };
  GBytes *others[] = { component, stray };

  return cl_test_manifests_jpeg_new (others, records->stray ? 2 : 1, active_manifest, &spec);
}


/* Whether the report has code among the statuses of its ingredients. */
static gboolean
ingredient_has (ClValidationReport *report,
                const char         *code)
{
  for (guint i = 0; i < report->statuses->len; i++) {
    ClStatus *s = g_ptr_array_index (report->statuses, i);

    if (s->ingredient_uri != NULL && g_str_equal (s->code, code))
      return TRUE;
  }
  return FALSE;
}


/* The component's expired signer fails the file whether or not a manifest nobody
 * references records that failure (c2pa-rs 0.91.0 let the record cancel it; 0.91.1 and
 * later, the reader's c2pa-rs 0.92 build, do not). */
static void
test_unreferenced_record (void)
{
  g_autoptr(ClTestPki) pki = cl_test_pki_new (NULL, NULL);
  g_autoptr(ClTrustStore) trust = trust_store_new (pki, NULL);
  g_autofree char *dir = cl_test_tmp_dir_new ("credlink-rules", CL_TEST_TMP_UNTIL_CASE_ENDS);
  g_autofree char *anchor = g_build_filename (dir, "root.pem", NULL);
  const char *expired[] = { CL_CODE_SIGNING_CREDENTIAL_EXPIRED, NULL };

  cl_test_write_pem (anchor, pki->root, NULL);
  for (int stray = 0; stray < 2; stray++) {
    const char *const failures[] = { CL_CODE_SIGNING_CREDENTIAL_EXPIRED, COMPONENT_SIGNATURE, NULL };
    const Records records = { .stray = stray, .stray_failures = failures };
    g_autoptr(GBytes) jpeg = jpeg_with_expired_component (pki, &records);
    g_autofree char *path = g_build_filename (dir, stray ? "stray.jpg" : "plain.jpg", NULL);
    g_autoptr(ClVerification) v = NULL;

    g_assert_true (g_file_set_contents (path, g_bytes_get_data (jpeg, NULL),
                                        (gssize) g_bytes_get_size (jpeg), NULL));
    v = verify_with (path, trust);
    g_assert_true (ingredient_has (v->report, CL_CODE_SIGNING_CREDENTIAL_EXPIRED));
    g_assert_true (ingredient_has (v->report, CL_CODE_INGREDIENT_MANIFEST_VALIDATED));
    g_assert_cmpint (v->report->state, ==, CL_VALIDATION_STATE_INVALID);
    assert_reference (path, anchor, "c2pa-wasm", "Invalid", "ingredient_failure_codes", expired);
  }
}


#define SECRET_URI "self#jumbf=/c2pa/" LABEL_COMPONENT "/c2pa.assertions/cl.test.secret"


/* A JPEG whose active manifest redacts the cl.test.secret assertion of its component: the
 * assertion's box is left out, or (still_there) left as it was. */
static GBytes *
jpeg_with_redaction (const ClTestPki *pki,
                     gboolean         still_there)
{
  static const char *const redactions[] = { SECRET_URI, NULL };
  static const guint8 secret_cbor[] = { 0xA1, 0x61, 'x', 0x01 };   /* {"x": 1} */
  g_autoptr(GPtrArray) chain = cl_test_chain_der (pki->signer, pki->intermediate, NULL);
  g_autoptr(GBytes) actions = cl_test_actions_created_cbor (NULL);
  g_autoptr(GBytes) secret = g_bytes_new_static (secret_cbor, sizeof secret_cbor);
  const ClTestAssertion component_assertions[] = {
    { "c2pa.actions.v2", actions }, { "cl.test.secret", secret, !still_there },
  };
  g_autoptr(GBytes) component = cl_test_manifest_new (pki->signer->key, chain, LABEL_COMPONENT,
                                                      component_assertions, 2, NULL, NULL);
  ActiveSpec spec = { pki, component, redactions, NULL };

  return cl_test_manifests_jpeg_new (&component, 1, active_manifest, &spec);
}


/* A redacted assertion whose box is gone passes; one whose box still holds its content
 * is assertion.notRedacted, and the file is invalid. */
static void
test_redacted_slot (void)
{
  g_autoptr(ClTestPki) pki = cl_test_pki_new (NULL, NULL);
  g_autoptr(ClTrustStore) trust = trust_store_new (pki, NULL);
  g_autofree char *dir = cl_test_tmp_dir_new ("credlink-rules", CL_TEST_TMP_UNTIL_CASE_ENDS);
  g_autofree char *anchor = g_build_filename (dir, "root.pem", NULL);
  const char *not_redacted[] = { CL_CODE_ASSERTION_NOT_REDACTED, NULL };

  cl_test_write_pem (anchor, pki->root, NULL);
  for (int still_there = 0; still_there < 2; still_there++) {
    g_autoptr(GBytes) jpeg = jpeg_with_redaction (pki, still_there);
    g_autofree char *path = g_build_filename (dir, still_there ? "planted.jpg" : "gone.jpg", NULL);
    g_autoptr(ClVerification) v = NULL;

    g_assert_true (g_file_set_contents (path, g_bytes_get_data (jpeg, NULL),
                                        (gssize) g_bytes_get_size (jpeg), NULL));
    v = verify_with (path, trust);
    g_assert_cmpint (report_has (v->report, CL_CODE_ASSERTION_NOT_REDACTED), ==, still_there);
    g_assert_true (ingredient_has (v->report, CL_CODE_INGREDIENT_CLAIM_SIGNATURE_VALIDATED));
    g_assert_cmpint (v->report->state, ==, still_there ? CL_VALIDATION_STATE_INVALID
                                                       : CL_VALIDATION_STATE_TRUSTED);
    assert_reference (path, anchor, NULL, still_there ? "Invalid" : "Trusted", "failure",
                      still_there ? not_redacted : NULL);
  }
}


/* A component whose certificate has expired since it was signed inside its validity, as
 * the ingredient naming it recorded (claimSignature.insideValidity): the expiry counts
 * against it no more (c2pa-rs 0.91, #2678/#2679). The same record in a manifest nobody
 * references proves nothing, and the expiry stands (c2pa-rs 0.91.1, PR #2686). */
static void
test_recorded_inside_validity (void)
{
  g_autoptr(ClTestPki) pki = cl_test_pki_new (NULL, NULL);
  g_autoptr(ClTrustStore) trust = trust_store_new (pki, NULL);
  g_autofree char *dir = cl_test_tmp_dir_new ("credlink-rules", CL_TEST_TMP_UNTIL_CASE_ENDS);
  g_autofree char *anchor = g_build_filename (dir, "root.pem", NULL);
  const char *const inside[] = {
    CL_CODE_CLAIM_SIGNATURE_INSIDE_VALIDITY, COMPONENT_SIGNATURE, NULL
  };
  const char *expired[] = { CL_CODE_SIGNING_CREDENTIAL_EXPIRED, NULL };
  const char *untrusted[] = { CL_CODE_SIGNING_CREDENTIAL_UNTRUSTED, NULL };

  cl_test_write_pem (anchor, pki->root, NULL);
  for (int stray = 0; stray < 2; stray++) {
    const Records records = {
      .active_successes = stray ? NULL : inside, .stray = stray,
      .stray_successes = stray ? inside : NULL,
    };
    g_autoptr(GBytes) jpeg = jpeg_with_expired_component (pki, &records);
    g_autofree char *path = g_build_filename (dir, stray ? "stray.jpg" : "recorded.jpg", NULL);
    g_autoptr(ClVerification) v = NULL;

    g_assert_true (g_file_set_contents (path, g_bytes_get_data (jpeg, NULL),
                                        (gssize) g_bytes_get_size (jpeg), NULL));
    v = verify_with (path, trust);
    /* Judged now, the expired certificate is untrusted either way. */
    g_assert_true (ingredient_has (v->report, CL_CODE_SIGNING_CREDENTIAL_UNTRUSTED));
    g_assert_cmpint (ingredient_has (v->report, CL_CODE_SIGNING_CREDENTIAL_EXPIRED), ==, stray);
    g_assert_cmpint (v->report->state, ==, stray ? CL_VALIDATION_STATE_INVALID
                                                 : CL_VALIDATION_STATE_VALID);
    assert_reference (path, anchor, "c2pa-wasm", stray ? "Invalid" : "Valid",
                      "ingredient_failure_codes", stray ? expired : untrusted);
  }
}


/* Writes the JPEG of jpeg_with_expired_component (pki, records) as name in dir. */
static char *
write_component_jpeg (const ClTestPki *pki,
                      const Records   *records,
                      const char      *dir,
                      const char      *name)
{
  g_autoptr(GBytes) jpeg = jpeg_with_expired_component (pki, records);
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (jpeg, NULL),
                                      (gssize) g_bytes_get_size (jpeg), NULL));
  return path;
}


/* A component whose certificate has expired since it was signed and time-stamped: with
 * the time-stamp's authority trusted, the component is judged at the time-stamp's time
 * and passes (C2PA 2.2 §15.8.2; c2pa-rs #2678); untrusted, it is judged now, expired and
 * untrusted. The time-stamp's time is its signed signingTime attribute, as c2pa-rs reads
 * it: a token whose TSTInfo genTime says ten days ago but whose signingTime says now (the
 * test TSA stamps genTime as told, signingTime with the clock) stamps now, so the
 * component is expired even with the authority trusted. The reference reader agrees on
 * all three. */
static void
test_time_stamped_component (void)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autoptr(ClTestPki) pki = cl_test_pki_new (NULL, NULL);
  g_autoptr(ClTestPki) tsa_pki = cl_test_pki_new (NULL, NULL);
  /* A TSA whose certificate was valid well before the component was signed. */
  g_autoptr(ClTestCred) tsa = cl_test_cred_new (&(ClTestCertSpec) {
    .cn = "Long-standing TSA", .issuer = tsa_pki->intermediate,
    .key_usage = "critical,digitalSignature", .ext_key_usage = "critical,timeStamping",
    .not_before = now - 40 * DAY,
  });
  ClTestPki tsa_issuer = *tsa_pki;
  ClTestStamp stamp_now = { &tsa_issuer, now }, stamp_backdated = { &tsa_issuer, now - 10 * DAY };
  const Records short_lived = { .stamp = &stamp_now, .expires = now + SIGNER_VALIDITY };
  const Records backdated = { .stamp = &stamp_backdated };
  g_autoptr(ClTrustStore) tsa_untrusted = trust_store_new (pki, NULL);
  g_autoptr(ClTrustStore) tsa_trusted = trust_store_new (pki, tsa_pki->root->cert);
  g_autofree char *dir = cl_test_tmp_dir_new ("credlink-rules", CL_TEST_TMP_UNTIL_CASE_ENDS);
  g_autofree char *signer_anchor = g_build_filename (dir, "signer-root.pem", NULL);
  g_autofree char *both_anchors = g_build_filename (dir, "both-roots.pem", NULL);
  g_autofree char *path = NULL, *backdated_path = NULL;
  g_autoptr(ClVerification) untrusted_v = NULL, trusted_v = NULL, backdated_v = NULL;
  const char *failures[] = {
    CL_CODE_SIGNING_CREDENTIAL_EXPIRED, CL_CODE_SIGNING_CREDENTIAL_UNTRUSTED, NULL
  };

  tsa_issuer.tsa = tsa;
  path = write_component_jpeg (pki, &short_lived, dir, "stamped.jpg");
  backdated_path = write_component_jpeg (pki, &backdated, dir, "backdated.jpg");
  cl_test_write_pem (signer_anchor, pki->root, NULL);
  cl_test_write_pem (both_anchors, pki->root, tsa_pki->root, NULL);
  g_assert_cmpint (g_get_real_time () / G_USEC_PER_SEC, <=, now + SIGNER_VALIDITY);
  while (g_get_real_time () / G_USEC_PER_SEC <= now + SIGNER_VALIDITY + 1)
    g_usleep (G_USEC_PER_SEC / 4);

  trusted_v = verify_with (path, tsa_trusted);
  g_assert_true (ingredient_has (trusted_v->report, CL_CODE_TIME_STAMP_TRUSTED));
  g_assert_false (ingredient_has (trusted_v->report, CL_CODE_SIGNING_CREDENTIAL_EXPIRED));
  g_assert_false (ingredient_has (trusted_v->report, CL_CODE_SIGNING_CREDENTIAL_UNTRUSTED));
  g_assert_cmpint (trusted_v->report->state, ==, CL_VALIDATION_STATE_TRUSTED);
  assert_reference (path, both_anchors, NULL, "Trusted", "ingredient_failure_codes", NULL);

  untrusted_v = verify_with (path, tsa_untrusted);
  g_assert_true (ingredient_has (untrusted_v->report, CL_CODE_TIME_STAMP_UNTRUSTED));
  g_assert_true (ingredient_has (untrusted_v->report, CL_CODE_SIGNING_CREDENTIAL_EXPIRED));
  g_assert_true (ingredient_has (untrusted_v->report, CL_CODE_SIGNING_CREDENTIAL_UNTRUSTED));
  g_assert_cmpint (untrusted_v->report->state, ==, CL_VALIDATION_STATE_INVALID);
  assert_reference (path, signer_anchor, NULL, "Invalid", "ingredient_failure_codes", failures);

  backdated_v = verify_with (backdated_path, tsa_trusted);
  g_assert_true (ingredient_has (backdated_v->report, CL_CODE_TIME_STAMP_TRUSTED));
  g_assert_true (ingredient_has (backdated_v->report, CL_CODE_SIGNING_CREDENTIAL_EXPIRED));
  g_assert_true (ingredient_has (backdated_v->report, CL_CODE_SIGNING_CREDENTIAL_UNTRUSTED));
  g_assert_cmpint (backdated_v->report->state, ==, CL_VALIDATION_STATE_INVALID);
  assert_reference (backdated_path, both_anchors, NULL, "Invalid", "ingredient_failure_codes",
                    failures);
}


int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/validator-rules/untrusted-time-stamp", test_untrusted_time_stamp);
  g_test_add_func ("/validator-rules/rsa-exponent-one", test_rsa_exponent_one);
  g_test_add_func ("/validator-rules/rsa-exponent-even", test_rsa_exponent_even);
  g_test_add_func ("/validator-rules/unreferenced-record", test_unreferenced_record);
  g_test_add_func ("/validator-rules/redacted-slot", test_redacted_slot);
  g_test_add_func ("/validator-rules/recorded-inside-validity", test_recorded_inside_validity);
  g_test_add_func ("/validator-rules/time-stamped-component", test_time_stamped_component);
  return g_test_run ();
}
