/* test-oracle.c: files signed by the reference implementation (c2pa-rs through
 * ~/.cache/credlink-oracle/sign.mjs) with a certificate chain generated here, verified by
 * CredLink; skipped when node or the oracle is not installed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <openssl/pem.h>
#include <openssl/x509v3.h>

#include "cl-test-c2pa.h"
#include "cl-test-pki.h"
#include "cl-test-sign-util.h"
#include "cl-test-tmp.h"
#include "cl-validator.h"


static char *
oracle_script (void)
{
  const char *dir = g_getenv ("CREDLINK_ORACLE_DIR");
  g_autofree char *path = dir != NULL ? g_build_filename (dir, "sign.mjs", NULL)
                                      : g_build_filename (g_get_home_dir (), ".cache",
                                                          "credlink-oracle", "sign.mjs", NULL);
  g_autofree char *node = g_find_program_in_path ("node");

  if (node == NULL || !g_file_test (path, G_FILE_TEST_EXISTS))
    return NULL;
  return g_steal_pointer (&path);
}


static char *
write_pem (const char *dir,
           const char *name,
           X509       *cert,
           EVP_PKEY   *key)
{
  char *path = g_build_filename (dir, name, NULL);
  BIO *bio = BIO_new_file (path, "w");

  g_assert_nonnull (bio);
  if (cert != NULL)
    g_assert_cmpint (PEM_write_bio_X509 (bio, cert), ==, 1);
  if (key != NULL)
    g_assert_cmpint (PEM_write_bio_PKCS8PrivateKey (bio, key, NULL, NULL, 0, NULL, NULL), ==, 1);
  BIO_free (bio);
  return path;
}


static void
test_reference_signed (gconstpointer data)
{
  const char *impl = data;
  g_autofree char *script = oracle_script ();
  g_autofree char *dir = NULL, *chain = NULL, *key_path = NULL, *in = NULL, *out = NULL;
  g_autofree char *impl_arg = NULL;
  g_autoptr(GBytes) plain = NULL;
  g_autoptr(ClValidationReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) failures = NULL;
  ClTestCertSpec root_spec = { .cn = "CredLink Oracle Root", .ca = TRUE,
                               .key_usage = "critical,keyCertSign,cRLSign" };
  ClTestCertSpec leaf_spec = { .cn = "CredLink Oracle Signer",
                               .key_usage = "critical,digitalSignature,nonRepudiation",
                               .ext_key_usage = "emailProtection" };
  g_autoptr(ClTestCred) root = NULL;
  g_autoptr(ClTestCred) signer = NULL;
  EVP_PKEY *key;
  X509 *ca, *leaf;
  BIO *bio;

  if (script == NULL) {
    g_test_skip ("node or the reference signer (credlink-oracle/sign.mjs) is not installed");
    return;
  }
  dir = cl_test_tmp_dir_new ("credlink-oracle", CL_TEST_TMP_UNTIL_CASE_ENDS);
  root = cl_test_cred_new (&root_spec);
  leaf_spec.issuer = root;
  signer = cl_test_cred_new (&leaf_spec);
  ca = root->cert;
  leaf = signer->cert;
  key = signer->key;
  chain = write_pem (dir, "chain.pem", leaf, NULL);
  bio = BIO_new_file (chain, "a");
  PEM_write_bio_X509 (bio, ca);
  BIO_free (bio);
  key_path = write_pem (dir, "key.pem", NULL, key);
  plain = cl_test_plain_jpeg ();
  in = g_build_filename (dir, "in.jpg", NULL);
  out = g_build_filename (dir, "out.jpg", NULL);
  g_assert_true (g_file_set_contents (in, g_bytes_get_data (plain, NULL), g_bytes_get_size (plain), NULL));

  impl_arg = g_strdup_printf ("--impl=%s", impl);
  {
    const char *args[] = { script, impl_arg, "--no-thumbnail", in, out, chain, key_path, "es256",
                           NULL };

    if (!cl_test_run_reference_signer (args))
      return;
  }

  report = cl_validator_verify_file (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (report->has_manifest);
  g_assert_cmpint (report->state, ==, CL_VALIDATION_STATE_VALID);
  failures = cl_validation_report_dup_failure_codes (report);
  g_assert_cmpuint (g_strv_length (failures), ==, 1);
  g_assert_cmpstr (failures[0], ==, "signingCredential.untrusted");
  g_assert_true (cl_test_report_has_code (report, "assertion.dataHash.match"));
  g_assert_true (cl_test_report_has_code (report, "claimSignature.validated"));
  g_assert_cmpstr (cl_validation_report_get_active (report)->sig_common_name, ==, "CredLink Oracle Signer");
}


int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_data_func ("/oracle/c2pa-node", "c2pa-node", test_reference_signed);
  g_test_add_data_func ("/oracle/c2pa-ts", "c2pa-ts", test_reference_signed);
  return g_test_run ();
}
