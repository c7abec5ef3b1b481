/* test-cert-testing.c: test certificates recognised by what they say — the markers of the
 * C2PA / c2pa-rs test PKI and of signing tools' test identities — on certificates made here;
 * and, when the shared fixtures are there, files signed with the c2pa-rs test certificates:
 * "is_test_certificate" in the JSON report, and a confidence below High even when the test
 * roots are on a trust list. A real signer is never taken for a test one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cl-cert-testing.h"
#include "cl-test-pki.h"
#include "cl-trust-list.h"
#include "cl-trust-store.h"
#include "cl-verification.h"

static gboolean
org_is_for_testing (const char *org)
{
  g_autoptr(ClTestCred) cred = cl_test_cred_new (&(ClTestCertSpec) { .cn = "Signer", .org = org });

  return cl_cert_is_for_testing (cred->cert);
}


static void
test_markers (void)
{
  g_autoptr(ClTestCred) root = cl_test_cred_new (&(ClTestCertSpec) {
    .cn = "Root CA", .org = "C2PA Test Root CA FOR TESTING_ONLY", .ca = TRUE });
  g_autoptr(ClTestCred) leaf = cl_test_cred_new (&(ClTestCertSpec) {
    .cn = "Newsroom Signer", .org = "Newsroom", .issuer = root });
  g_autoptr(GPtrArray) chain = cl_test_chain_der (leaf, NULL);

  g_assert_true (org_is_for_testing ("C2PA Test Signing Cert FOR TESTING_ONLY"));
  g_assert_true (org_is_for_testing ("Example (for testing only)"));
  g_assert_true (org_is_for_testing ("CredLink test identity (not publicly trusted)"));
  /* Real organisations whose name merely holds "test". */
  g_assert_false (org_is_for_testing ("Testing Laboratories Inc."));
  g_assert_false (org_is_for_testing ("Contest Photo Agency"));
  /* A leaf whose issuer is marked is a test certificate too. */
  g_assert_true (cl_cert_is_for_testing (leaf->cert));
  g_assert_true (cl_cert_chain_der_is_for_testing (chain));
  g_assert_false (cl_cert_chain_der_is_for_testing (NULL));
}


static char *
fixture (const char *relative)
{
  const char *shared = g_getenv ("CREDLINK_SHARED_DIR");
  g_autofree char *path = shared != NULL
                          ? g_build_filename (shared, "c2pa-fixtures", relative, NULL) : NULL;

  return path != NULL && g_file_test (path, G_FILE_TEST_EXISTS) ? g_steal_pointer (&path) : NULL;
}


/* c2pa-rs's test roots on a trust list: CACA.jpg is Trusted, yet its signer is a test
 * certificate and the confidence stays below High; ocsp.jpg (Adobe) is no test signer. */
static void
test_fixtures (void)
{
  g_autofree char *caca = fixture ("images/CACA.jpg");
  g_autofree char *adobe = fixture ("images/ocsp.jpg");
  g_autofree char *anchors = fixture ("certs/trust/test_cert_root_bundle.pem");
  g_autofree char *ekus = fixture ("certs/trust/store.cfg");
  g_autoptr(GPtrArray) lists = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_trust_list_unref);
  g_autoptr(ClTrustStore) store = NULL;
  g_autoptr(ClVerification) test_signed = NULL;
  g_autoptr(ClVerification) real = NULL;
  g_autoptr(JsonNode) json = NULL;
  g_autoptr(GError) error = NULL;
  ClVerifyOptions options = CL_VERIFY_OPTIONS_INIT;
  JsonObject *trust, *signer;
  ClTrustList *list;

  if (caca == NULL || adobe == NULL || anchors == NULL || ekus == NULL) {
    g_test_skip ("the shared C2PA fixtures are not available");
    return;
  }
  list = cl_trust_list_new_from_files ("c2pa-rs-test-roots", CL_TRUST_LIST_KIND_USER, anchors,
                                       NULL, ekus, &error);
  g_assert_no_error (error);
  g_ptr_array_add (lists, list);
  store = cl_trust_store_new (lists);
  options.trust_store = store;
  test_signed = cl_verify_file (caca, &options, NULL);
  real = cl_verify_file (adobe, &options, NULL);

  g_assert_cmpint (test_signed->verdict, ==, CL_VERDICT_TRUSTED);
  g_assert_true (test_signed->test_certificate);
  g_assert_cmpint (test_signed->confidence->level, <, CL_CONFIDENCE_HIGH);
  json = cl_verification_to_json (test_signed);
  trust = json_object_get_object_member (json_node_get_object (json), "trust");
  signer = json_array_get_object_element (json_object_get_array_member (trust, "certificates"), 0);
  g_assert_true (json_object_get_boolean_member (trust, "is_test_certificate"));
  g_assert_true (json_object_get_boolean_member (signer, "is_test_certificate"));
  g_assert_false (real->test_certificate);
}


int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cert-testing/markers", test_markers);
  g_test_add_func ("/cert-testing/fixtures", test_fixtures);
  return g_test_run ();
}
