/* test-prerelease.c: credentials in a pre-release format of C2PA (before 1.0, which hashed
 * an assertion's content alone) stay Invalid with the same codes, but their reason says
 * what they are instead of "altered or forged", as c2pa-rs refuses them as pre-release
 * content. Invalid 1.x credentials keep their reason.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cl-status-codes.h"
#include "cl-test-c2pa.h"
#include "cl-trust-store.h"
#include "cl-verification.h"


static ClVerification *
verify_fixture (const char *name)
{
  const char *shared = g_getenv ("CREDLINK_SHARED_DIR");
  g_autofree char *path = NULL;
  g_autoptr(ClTrustStore) no_lists = cl_trust_store_new (NULL);
  ClVerifyOptions options = CL_VERIFY_OPTIONS_INIT;

  if (shared == NULL)
    return NULL;
  path = g_build_filename (shared, "c2pa-fixtures", "images", name, NULL);
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return NULL;
  options.trust_store = no_lists;
  options.use_proof_cache = FALSE;
  return cl_verify_file (path, &options, NULL);
}


static void
test_prerelease (void)
{
  g_autoptr(ClVerification) v = verify_fixture ("prerelease.jpg");

  if (v == NULL) {
    g_test_skip ("CREDLINK_SHARED_DIR/c2pa-fixtures is not available");
    return;
  }
  g_assert_no_error (v->error);
  g_assert_true (v->prerelease);
  g_assert_cmpint (v->verdict, ==, CL_VERDICT_INVALID);
  g_assert_nonnull (strstr (v->reason, "pre-release format of C2PA"));
  g_assert_null (strstr (v->reason, "forged"));
  /* The codes are the validator's, as before. */
  g_assert_true (cl_test_report_has_code (v->report, CL_CODE_CLAIM_SIGNATURE_MISMATCH));
  g_assert_true (cl_test_report_has_code (v->report, CL_CODE_ASSERTION_HASHED_URI_MISMATCH));
}


/* A 1.x manifest whose signature was broken is no pre-release one. */
static void
test_altered_v1 (void)
{
  g_autoptr(ClVerification) v = verify_fixture ("E-sig-CA.jpg");

  if (v == NULL) {
    g_test_skip ("CREDLINK_SHARED_DIR/c2pa-fixtures is not available");
    return;
  }
  g_assert_no_error (v->error);
  g_assert_false (v->prerelease);
  g_assert_cmpint (v->verdict, ==, CL_VERDICT_INVALID);
  g_assert_nonnull (strstr (v->reason, "altered or forged"));
}


int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/prerelease/reported", test_prerelease);
  g_test_add_func ("/prerelease/altered-v1", test_altered_v1);
  return g_test_run ();
}
