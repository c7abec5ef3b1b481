/* test-validator.c: validation of a C2PA manifest store built and signed in the test
 * (ES256, self-signed test certificate), then tampered with byte by byte.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "cl-error.h"
#include "cl-test-c2pa.h"
#include "cl-test-pki.h"
#include "cl-test-sign-util.h"
#include "cl-validator.h"


static gboolean
has_status (ClValidationReport *report,
            const char         *code,
            ClStatusKind        kind)
{
  for (guint i = 0; i < report->statuses->len; i++) {
    ClStatus *s = g_ptr_array_index (report->statuses, i);

    if (g_str_equal (s->code, code) && s->kind == kind)
      return TRUE;
  }
  return FALSE;
}


static ClValidationReport *
verify_bytes (GBytes  *bytes,
              GError **error)
{
  g_autofree char *path = cl_test_write_temp (bytes, "signed.jpg");
  ClValidationReport *report = cl_validator_verify_file (path, NULL, NULL, error);

  g_unlink (path);
  return report;
}


static void
test_valid (void)
{
  g_autoptr(ClTestSigner) signer = cl_test_signer_new (1, 365);
  g_autoptr(ClTestSignedJpeg) jpeg = cl_test_signed_jpeg_new (signer);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClValidationReport) report = verify_bytes (jpeg->file, &error);
  g_autoptr(GBytes) plain = cl_test_plain_jpeg ();
  g_auto(GStrv) failures = NULL;
  guint8 expected_content[32], expected_file[32];
  ClManifestReport *active;
  ClByteRange *range;

  g_assert_no_error (error);
  g_assert_true (report->has_manifest);
  g_assert_cmpstr (cl_validation_state_to_string (report->state), ==, "Valid");
  failures = cl_validation_report_dup_failure_codes (report);
  g_assert_cmpuint (g_strv_length (failures), ==, 1);
  g_assert_cmpstr (failures[0], ==, "signingCredential.untrusted");
  g_assert_true (has_status (report, "claimSignature.validated", CL_STATUS_SUCCESS));
  g_assert_true (has_status (report, "claimSignature.insideValidity", CL_STATUS_SUCCESS));
  g_assert_true (has_status (report, "assertion.dataHash.match", CL_STATUS_SUCCESS));
  g_assert_true (has_status (report, "assertion.hashedURI.match", CL_STATUS_SUCCESS));

  /* The report's facts for other consumers. */
  active = cl_validation_report_get_active (report);
  g_assert_nonnull (active);
  g_assert_cmpstr (active->label, ==, jpeg->manifest_label);
  g_assert_cmpstr (active->sig_alg, ==, "Es256");
  g_assert_cmpstr (active->sig_issuer, ==, "CredLink Tests");
  g_assert_cmpstr (active->sig_common_name, ==, "Test Signer");
  g_assert_cmpstr (active->sig_serial, ==, "4242");
  g_assert_cmpuint (report->store_ranges->len, ==, 1);
  range = &g_array_index (report->store_ranges, ClByteRange, 0);
  g_assert_cmpuint (range->start, ==, jpeg->store_offset);
  g_assert_cmpuint (range->length, ==, jpeg->store_length);
  g_assert_cmpuint (report->file_size, ==, g_bytes_get_size (jpeg->file));
  EVP_Digest (g_bytes_get_data (plain, NULL), g_bytes_get_size (plain), expected_content, NULL,
              EVP_sha256 (), NULL);
  g_assert_cmpmem (report->content_sha256, 32, expected_content, 32);
  EVP_Digest (g_bytes_get_data (jpeg->file, NULL), g_bytes_get_size (jpeg->file), expected_file,
              NULL, EVP_sha256 (), NULL);
  g_assert_cmpmem (report->file_sha256, 32, expected_file, 32);
  g_assert_cmpuint (report->x5chain->len, ==, 1);
  g_assert_true (g_bytes_equal (g_ptr_array_index (report->x5chain, 0), signer->cert_der));
  g_assert_true (report->has_claim_signature_hash);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (active->actions));
  g_assert_cmpuint (json_array_get_length (json_node_get_array (active->actions)), ==, 1);
}


static void
test_tampered_pixels (void)
{
  g_autoptr(ClTestSigner) signer = cl_test_signer_new (1, 365);
  g_autoptr(ClTestSignedJpeg) jpeg = cl_test_signed_jpeg_new (signer);
  g_autoptr(GBytes) bad = cl_test_flip_byte (jpeg->file, jpeg->pixel_offset, 0x01);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClValidationReport) report = verify_bytes (bad, &error);

  g_assert_no_error (error);
  g_assert_cmpint (report->state, ==, CL_VALIDATION_STATE_INVALID);
  g_assert_true (has_status (report, "assertion.dataHash.mismatch", CL_STATUS_FAILURE));
  g_assert_true (has_status (report, "claimSignature.validated", CL_STATUS_SUCCESS));
  g_assert_false (has_status (report, "assertion.dataHash.match", CL_STATUS_SUCCESS));
}


/* The same file bound by a box hash: the report's content and file hashes come from the
 * same pass, and a changed byte of image data breaks the binding. */
static void
test_box_hashed (void)
{
  g_autoptr(ClTestSigner) signer = cl_test_signer_new (1, 365);
  g_autoptr(GBytes) file = cl_test_box_hashed_jpeg_new (signer);
  g_autoptr(GBytes) plain = cl_test_plain_jpeg ();
  g_autoptr(GBytes) bad = cl_test_flip_byte (file, g_bytes_get_size (file) - 5, 0x01);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClValidationReport) report = verify_bytes (file, &error);
  g_autoptr(ClValidationReport) bad_report = NULL;
  guint8 expected_content[32];

  g_assert_no_error (error);
  g_assert_cmpint (report->state, ==, CL_VALIDATION_STATE_VALID);
  g_assert_true (has_status (report, "assertion.boxesHash.match", CL_STATUS_SUCCESS));
  g_assert_false (has_status (report, "assertion.dataHash.match", CL_STATUS_SUCCESS));
  EVP_Digest (g_bytes_get_data (plain, NULL), g_bytes_get_size (plain), expected_content, NULL,
              EVP_sha256 (), NULL);
  g_assert_cmpmem (report->content_sha256, 32, expected_content, 32);
  g_assert_cmpuint (report->file_size, ==, g_bytes_get_size (file));

  bad_report = verify_bytes (bad, &error);
  g_assert_no_error (error);
  g_assert_cmpint (bad_report->state, ==, CL_VALIDATION_STATE_INVALID);
  g_assert_true (has_status (bad_report, "assertion.boxesHash.mismatch", CL_STATUS_FAILURE));
}


static void
test_tampered_assertion (void)
{
  g_autoptr(ClTestSigner) signer = cl_test_signer_new (1, 365);
  g_autoptr(ClTestSignedJpeg) jpeg = cl_test_signed_jpeg_new (signer);
  /* "c2pa.created" → "c2pa.crfated": still CBOR, no longer what the claim hashed. */
  g_autoptr(GBytes) bad = cl_test_flip_byte (jpeg->file, jpeg->actions_offset + 7, 0x01);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClValidationReport) report = verify_bytes (bad, &error);

  g_assert_no_error (error);
  g_assert_cmpint (report->state, ==, CL_VALIDATION_STATE_INVALID);
  g_assert_true (has_status (report, "assertion.hashedURI.mismatch", CL_STATUS_FAILURE));
  /* The signature itself still holds; the data hash does not cover the store. */
  g_assert_true (has_status (report, "claimSignature.validated", CL_STATUS_SUCCESS));
  g_assert_true (has_status (report, "assertion.dataHash.match", CL_STATUS_SUCCESS));
}


static void
test_tampered_claim (void)
{
  g_autoptr(ClTestSigner) signer = cl_test_signer_new (1, 365);
  g_autoptr(ClTestSignedJpeg) jpeg = cl_test_signed_jpeg_new (signer);
  g_autoptr(GBytes) bad = cl_test_flip_byte (jpeg->file, jpeg->claim_offset + 10, 0x01);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClValidationReport) report = verify_bytes (bad, &error);

  g_assert_no_error (error);
  g_assert_cmpint (report->state, ==, CL_VALIDATION_STATE_INVALID);
  g_assert_true (has_status (report, "claimSignature.mismatch", CL_STATUS_FAILURE));
  g_assert_false (has_status (report, "claimSignature.validated", CL_STATUS_SUCCESS));
}


static void
test_expired_signer (void)
{
  /* No time-stamp and a certificate that expired yesterday: outside validity now. */
  g_autoptr(ClTestSigner) signer = cl_test_signer_new (30, -1);
  g_autoptr(ClTestSignedJpeg) jpeg = cl_test_signed_jpeg_new (signer);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClValidationReport) report = verify_bytes (jpeg->file, &error);

  g_assert_no_error (error);
  g_assert_cmpint (report->state, ==, CL_VALIDATION_STATE_INVALID);
  /* As c2pa-rs reports it: the credential expired, the signature itself is sound. */
  g_assert_true (has_status (report, "signingCredential.expired", CL_STATUS_FAILURE));
  g_assert_false (has_status (report, "claimSignature.outsideValidity", CL_STATUS_FAILURE));
  g_assert_true (has_status (report, "claimSignature.insideValidity", CL_STATUS_SUCCESS));
  g_assert_true (has_status (report, "claimSignature.validated", CL_STATUS_SUCCESS));
}


/* When the reference reader is installed: it gives the file the same validation state and
 * the same failure codes. */
static void
assert_reference_agrees (const char         *path,
                         ClValidationReport *report)
{
  g_autofree char *oracle = cl_test_oracle_path ();
  g_autoptr(JsonObject) reference = NULL;
  g_auto(GStrv) failures = NULL;
  JsonArray *expected;

  if (oracle == NULL)
    return;
  reference = cl_test_oracle_read (oracle, path, NULL);
  g_assert_cmpstr (json_object_get_string_member (reference, "validation_state"), ==,
                   cl_validation_state_to_string (report->state));
  failures = cl_validation_report_dup_failure_codes (report);
  expected = json_object_get_array_member (json_object_get_object_member (reference, "codes"),
                                           "failure");
  g_assert_cmpuint (g_strv_length (failures), ==, json_array_get_length (expected));
  for (guint i = 0; i < json_array_get_length (expected); i++)
    g_assert_true (g_strv_contains ((const char * const *) failures,
                                    json_array_get_string_element (expected, i)));
}


/* A signer of a test PKI (which the reference reader finds nothing wrong with but trust),
 * valid from not_before to not_after (0: the PKI's defaults). */
static ClTestCred *
pki_signer (ClTestPki *pki,
            gint64     not_before,
            gint64     not_after)
{
  return cl_test_cred_new (&(ClTestCertSpec) {
    .cn = "Validator Test Signer", .issuer = pki->intermediate,
    .key_usage = "critical,digitalSignature", .ext_key_usage = "emailProtection",
    .not_before = not_before, .not_after = not_after,
  });
}


/* The same with a certificate of a test PKI, compared with the reference reader. */
static void
test_expired_signer_reference (void)
{
  g_autoptr(ClTestPki) pki = cl_test_pki_new (NULL, NULL);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autoptr(ClTestCred) leaf = pki_signer (pki, now - 30 * 86400, now - 86400);
  g_autoptr(GBytes) leaf_der = cl_test_cred_der (leaf);
  ClTestSigner signer = { leaf->key, leaf->cert, leaf_der };
  g_autoptr(GBytes) file = cl_test_box_hashed_jpeg_new (&signer);
  g_autofree char *path = cl_test_write_temp (file, "expired.jpg");
  g_autoptr(GError) error = NULL;
  g_autoptr(ClValidationReport) report = cl_validator_verify_file (path, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (has_status (report, "signingCredential.expired", CL_STATUS_FAILURE));
  assert_reference_agrees (path, report);
  g_unlink (path);
}


/* The claim generator's icon: pointing at an assertion of the claim with the claim's hash,
 * with another hash, or at nothing. */
static void
test_icons (void)
{
  static const struct {
    const char *url;
    gboolean    wrong;
    const char *failure;
  } cases[] = {
    { "self#jumbf=c2pa.assertions/c2pa.actions.v2", FALSE, NULL },
    { "self#jumbf=c2pa.assertions/c2pa.actions.v2", TRUE, "assertion.hashedURI.mismatch" },
    { "self#jumbf=c2pa.assertions/c2pa.icon", FALSE, "assertion.missing" },
  };
  g_autoptr(ClTestPki) pki = cl_test_pki_new (NULL, NULL);
  g_autoptr(ClTestCred) leaf = pki_signer (pki, 0, 0);
  g_autoptr(GPtrArray) chain = cl_test_chain_der (leaf, pki->intermediate, NULL);
  g_autoptr(GBytes) plain = cl_test_plain_jpeg ();

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++) {
    g_autoptr(GBytes) store = NULL, file = NULL;
    g_autofree char *path = NULL;
    g_autoptr(GError) error = NULL;
    g_autoptr(ClValidationReport) report = NULL;
    g_auto(GStrv) failures = NULL;

    store = cl_test_box_hash_store_for_plain (leaf->key, chain, cases[i].url, cases[i].wrong);
    file = cl_test_embed_jpeg (plain, 20, store);
    path = cl_test_write_temp (file, "icon.jpg");
    report = cl_validator_verify_file (path, NULL, NULL, &error);
    g_assert_no_error (error);
    failures = cl_validation_report_dup_failure_codes (report);
    g_assert_true (g_strv_contains ((const char * const *) failures,
                                    "signingCredential.untrusted"));
    if (cases[i].failure != NULL)
      g_assert_true (g_strv_contains ((const char * const *) failures, cases[i].failure));
    else
      g_assert_cmpuint (g_strv_length (failures), ==, 1);
    assert_reference_agrees (path, report);
    g_unlink (path);
  }
}


static void
test_truncated (void)
{
  g_autoptr(ClTestSigner) signer = cl_test_signer_new (1, 365);
  g_autoptr(ClTestSignedJpeg) jpeg = cl_test_signed_jpeg_new (signer);
  g_autoptr(GBytes) cut = g_bytes_new_from_bytes (jpeg->file, 0, jpeg->store_offset + 200);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClValidationReport) report = verify_bytes (cut, &error);

  g_assert_null (report);
  g_assert_error (error, CL_ASSET_ERROR, CL_ASSET_ERROR_TRUNCATED);
}


static void
test_garbled_box (void)
{
  g_autoptr(ClTestSigner) signer = cl_test_signer_new (1, 365);
  g_autoptr(ClTestSignedJpeg) jpeg = cl_test_signed_jpeg_new (signer);
  gsize len = g_bytes_get_size (jpeg->file);
  guint8 *copy = g_memdup2 (g_bytes_get_data (jpeg->file, NULL), len);
  g_autoptr(GBytes) bad = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ClValidationReport) report = NULL;

  /* The store's description box claims to be far larger than its superbox. */
  copy[jpeg->jumd_offset] = 0x7F;
  bad = g_bytes_new_take (copy, len);
  report = verify_bytes (bad, &error);
  g_assert_null (report);
  g_assert_error (error, CL_JUMBF_ERROR, CL_JUMBF_ERROR_MALFORMED);
  g_assert_nonnull (strstr (error->message, "offset"));
}


static void
test_not_an_image (void)
{
  g_autoptr(GBytes) text = g_bytes_new_static ("hello, this is not an image\n", 28);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClValidationReport) report = verify_bytes (text, &error);

  g_assert_null (report);
  g_assert_error (error, CL_ASSET_ERROR, CL_ASSET_ERROR_UNSUPPORTED_FORMAT);
}


static void
test_no_credentials (void)
{
  g_autoptr(GBytes) plain = cl_test_plain_jpeg ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ClValidationReport) report = verify_bytes (plain, &error);
  g_autofree char *json = NULL;

  g_assert_no_error (error);
  g_assert_false (report->has_manifest);
  g_assert_false (cl_validation_report_is_valid (report));
  json = cl_validation_report_to_json_string (report, FALSE);
  g_assert_null (strstr (json, "validation_state"));
}


static void
verify_async_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  ClValidationReport **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = cl_validator_verify_file_finish (result, &error);
  g_assert_no_error (error);
}


static void
test_async_and_json (void)
{
  g_autoptr(ClTestSigner) signer = cl_test_signer_new (1, 365);
  g_autoptr(ClTestSignedJpeg) jpeg = cl_test_signed_jpeg_new (signer);
  g_autofree char *path = cl_test_write_temp (jpeg->file, "async.jpg");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *json = NULL;
  ClValidationReport *report = NULL;
  JsonObject *root, *manifest, *results;

  cl_validator_verify_file_async (path, NULL, NULL, verify_async_cb, &report);
  while (report == NULL)
    g_main_context_iteration (NULL, TRUE);
  json = cl_validation_report_to_json_string (report, FALSE);
  g_assert_true (json_parser_load_from_data (parser, json, -1, NULL));
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "active_manifest"), ==, jpeg->manifest_label);
  g_assert_cmpstr (json_object_get_string_member (root, "validation_state"), ==, "Valid");
  manifest = json_object_get_object_member (json_object_get_object_member (root, "manifests"),
                                            jpeg->manifest_label);
  g_assert_cmpint (json_object_get_int_member (manifest, "claim_version"), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (manifest, "signature_info"),
                                                  "common_name"), ==, "Test Signer");
  results = json_object_get_object_member (json_object_get_object_member (root, "validation_results"),
                                           "activeManifest");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (results, "failure")), ==, 1);
  cl_validation_report_unref (report);
  g_unlink (path);
}


int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/validator/valid", test_valid);
  g_test_add_func ("/validator/tampered-pixels", test_tampered_pixels);
  g_test_add_func ("/validator/box-hashed", test_box_hashed);
  g_test_add_func ("/validator/tampered-assertion", test_tampered_assertion);
  g_test_add_func ("/validator/tampered-claim", test_tampered_claim);
  g_test_add_func ("/validator/expired-signer", test_expired_signer);
  g_test_add_func ("/validator/expired-signer/reference", test_expired_signer_reference);
  g_test_add_func ("/validator/icons", test_icons);
  g_test_add_func ("/validator/truncated", test_truncated);
  g_test_add_func ("/validator/garbled-box", test_garbled_box);
  g_test_add_func ("/validator/not-an-image", test_not_an_image);
  g_test_add_func ("/validator/no-credentials", test_no_credentials);
  g_test_add_func ("/validator/async-and-json", test_async_and_json);
  return g_test_run ();
}
