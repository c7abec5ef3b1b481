/* test-sign-identity.c: signing with the photographer's own certificate next to the signer
 * of the claim — a CAWG X.509 identity assertion (cawg.identity, sig_type
 * "cawg.x509.cose") made by the signer, read back by our validator (well formed, its
 * signature validated, its certificate named in the report) and, when it is installed, by
 * the reference reader.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "cl-identity-report.h"
#include "cl-signer.h"
#include "cl-status-codes.h"
#include "cl-error.h"
#include "cl-test-identity.h"
#include "cl-test-c2pa.h"
#include "cl-test-sign-util.h"
#include "cl-test-signing.h"
#include "cl-test-tmp.h"
#include "cl-validator.h"

#define PHOTOGRAPHER "Jane Photographer"

static char *work_dir;
static char *oracle;


/* Neither certificate chains to a trust anchor here: those are the only failures. */
static gboolean
is_tolerated_failure (const char *code)
{
  return g_str_equal (code, CL_CODE_SIGNING_CREDENTIAL_UNTRUSTED) ||
         g_str_equal (code, CL_CODE_CAWG_X509_CREDENTIAL_UNTRUSTED);
}


static void
assert_reference_agrees (const char *path)
{
  g_autoptr(JsonObject) report = NULL;
  JsonArray *failures;

  if (oracle == NULL)
    return;
  report = cl_test_oracle_read (oracle, path, NULL);
  g_assert_true (json_object_get_boolean_member (report, "has_manifest"));
  g_assert_cmpstr (json_object_get_string_member (report, "validation_state"), ==, "Valid");
  failures = json_object_get_array_member (json_object_get_object_member (report, "codes"),
                                           "failure");
  for (guint i = 0; failures != NULL && i < json_array_get_length (failures); i++) {
    const char *code = json_array_get_string_element (failures, i);

    if (!is_tolerated_failure (code))
      g_error ("%s: the reference reader reports %s", path, code);
  }
  g_assert_true (cl_test_oracle_has (report, "success", CL_CODE_CAWG_IDENTITY_WELL_FORMED));
  g_assert_true (cl_test_oracle_has (report, "success", CL_CODE_CAWG_X509_SIGNATURE_VALIDATED));
}


/* Our validator: the manifest Valid, the identity well formed and its signature validated,
 * the person named in the report and its JSON. */
static void
assert_identity_valid (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClValidationReport) report = cl_validator_verify_file (path, NULL, NULL, &error);
  g_auto(GStrv) failures = NULL;
  g_autofree char *json = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *manifests;
  JsonArray *identities;
  ClManifestReport *active;
  ClIdentityReport *identity;

  g_assert_no_error (error);
  g_assert_true (cl_test_report_has_code (report, CL_CODE_CLAIM_SIGNATURE_VALIDATED));
  g_assert_true (cl_test_report_has_code (report, CL_CODE_ASSERTION_DATA_HASH_MATCH));
  g_assert_true (cl_test_report_has_code (report, CL_CODE_CAWG_IDENTITY_WELL_FORMED));
  g_assert_true (cl_test_report_has_code (report, CL_CODE_CAWG_X509_SIGNATURE_VALIDATED));
  g_assert_false (cl_test_report_has_code (report, CL_CODE_CAWG_X509_SIGNATURE_MISMATCH));
  g_assert_cmpint (report->state, ==, CL_VALIDATION_STATE_VALID);
  failures = cl_validation_report_dup_failure_codes (report);
  g_assert_cmpuint (g_strv_length (failures), >=, 1);
  for (guint i = 0; failures[i] != NULL; i++)
    g_assert_true (is_tolerated_failure (failures[i]));

  active = cl_validation_report_get_active (report);
  g_assert_nonnull (active);
  g_assert_cmpuint (active->identities->len, ==, 1);
  identity = g_ptr_array_index (active->identities, 0);
  g_assert_cmpstr (identity->sig_type, ==, "cawg.x509.cose");
  g_assert_cmpstr (identity->cert_common_name, ==, PHOTOGRAPHER);

  json = cl_validation_report_to_json_string (report, FALSE);
  root = json_from_string (json, &error);
  g_assert_no_error (error);
  manifests = json_object_get_object_member (json_node_get_object (root), "manifests");
  identities = json_object_get_array_member (
    json_object_get_object_member (manifests, report->active_label), "identities");
  g_assert_nonnull (identities);
  g_assert_cmpuint (json_array_get_length (identities), ==, 1);
  g_assert_nonnull (strstr (json, PHOTOGRAPHER));
}


static char *
sign_with_identity (const char *input,
                    const char *output_name)
{
  ClTestSigningIdentity *id = cl_test_signing_identity (CL_COSE_ALG_ES256, work_dir);
  g_autoptr(ClSigningProfile) person = cl_test_signing_profile_new (PHOTOGRAPHER,
                                                                    CL_COSE_ALG_ES256);
  g_autofree char *output = g_build_filename (work_dir, output_name, NULL);
  ClSignOptions options = { .identity_profile = person };
  g_autoptr(GError) error = NULL;
  g_autoptr(ClSignResult) result = NULL;

  result = cl_signer_sign_file (id->profile, &options, input, output, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);
  g_assert_true (cl_test_file_contains (output, "cawg.identity"));
  return g_steal_pointer (&output);
}


static void
test_new_capture (void)
{
  g_autofree char *input = cl_test_make_image (work_dir, "capture.jpg", "jpeg", 96, 64);
  g_autofree char *output = sign_with_identity (input, "capture-signed.jpg");

  assert_identity_valid (output);
  assert_reference_agrees (output);
}


/* Re-signed: the identity covers the ingredient and its thumbnail too. */
static void
test_with_parent (void)
{
  g_autofree char *input = cl_test_make_image (work_dir, "parent.jpg", "jpeg", 96, 64);
  g_autofree char *first = sign_with_identity (input, "parent-signed.jpg");
  g_autofree char *second = sign_with_identity (first, "parent-resigned.jpg");

  assert_identity_valid (second);
  assert_reference_agrees (second);
}


/* The person's certificate is checked like the signer's: an expired one signs nothing. */
static void
test_expired_identity_refused (void)
{
  ClTestSigningIdentity *id = cl_test_signing_identity (CL_COSE_ALG_ES256, work_dir);
  g_autofree char *input = cl_test_make_image (work_dir, "expired.jpg", "jpeg", 32, 32);
  g_autofree char *output = g_build_filename (work_dir, "expired-signed.jpg", NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) not_before = g_date_time_add_days (now, -30);
  g_autoptr(GDateTime) not_after = g_date_time_add_days (now, -1);
  g_autoptr(ClSigningProfile) person = NULL;
  ClSignOptions options = { 0, };
  g_autoptr(GError) error = NULL;
  g_autoptr(ClSignResult) result = NULL;

  person = cl_test_identity_create (PHOTOGRAPHER, CL_COSE_ALG_ES256, not_before, not_after,
                                    &error);
  g_assert_no_error (error);
  options.identity_profile = person;
  result = cl_signer_sign_file (id->profile, &options, input, output, NULL, &error);
  g_assert_null (result);
  g_assert_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_PROFILE);
  g_assert_nonnull (strstr (error->message, PHOTOGRAPHER));
  g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
}


int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  work_dir = cl_test_tmp_dir_new ("credlink-sign-identity", CL_TEST_TMP_UNTIL_EXIT);
  oracle = cl_test_oracle_path ();
  if (oracle == NULL)
    g_test_message ("reference reader not installed: its reports are not checked");

  g_test_add_func ("/sign-identity/new-capture", test_new_capture);
  g_test_add_func ("/sign-identity/with-parent", test_with_parent);
  g_test_add_func ("/sign-identity/expired-identity-refused", test_expired_identity_refused);
  status = g_test_run ();

  cl_test_signing_identities_free ();
  g_free (oracle);
  g_free (work_dir);
  return status;
}
