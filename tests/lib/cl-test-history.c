/* cl-test-history.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cl-signer.h"
#include "cl-test-history.h"
#include "cl-test-sign-util.h"


char *
cl_test_history_sign_image (const ClTestPki *pki,
                            const char      *profile_name,
                            const char      *dir,
                            const char      *name)
{
  g_autoptr(ClSigningProfile) profile = cl_test_pki_profile (pki, profile_name);
  g_autofree char *input_name = g_strconcat ("unsigned-", name, NULL);
  g_autofree char *input = cl_test_make_image (dir, input_name, "jpeg", 64, 48);
  char *output = g_build_filename (dir, name, NULL);
  ClSignOptions options = { 0, };
  g_autoptr(ClSignResult) result = NULL;
  g_autoptr(GError) error = NULL;

  result = cl_signer_sign_file (profile, &options, input, output, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);
  return output;
}


ClVerdict
cl_test_history_verify_into (const char   *path,
                             const char   *db,
                             ClTrustStore *store)
{
  ClVerifyOptions options = CL_VERIFY_OPTIONS_INIT;
  g_autoptr(ClVerification) verification = NULL;

  options.trust_store = store;
  options.use_proof_cache = TRUE;
  options.proof_db = db;
  verification = cl_verify_file (path, &options, NULL);
  return verification->verdict;
}
