/* test-oracle.c: files signed by the reference implementation (c2pa-rs through
 * ~/.cache/credlink-oracle/sign.mjs) with a certificate chain generated here, verified by
 * CredLink; skipped when node or the oracle is not installed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <openssl/pem.h>
#include <openssl/x509v3.h>

#include "cl-test-c2pa.h"
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


static void
add_ext (X509       *cert,
         X509       *issuer,
         int         nid,
         const char *value)
{
  X509V3_CTX ctx;
  X509_EXTENSION *ext;

  X509V3_set_ctx (&ctx, issuer, cert, NULL, NULL, 0);
  ext = X509V3_EXT_conf_nid (NULL, &ctx, nid, value);
  g_assert_nonnull (ext);
  X509_add_ext (cert, ext, -1);
  X509_EXTENSION_free (ext);
}


static X509 *
make_cert (EVP_PKEY   *key,
           X509       *issuer,
           EVP_PKEY   *issuer_key,
           const char *cn,
           long        serial)
{
  X509 *cert = X509_new ();
  X509_NAME *name = X509_get_subject_name (cert);

  X509_set_version (cert, 2);
  ASN1_INTEGER_set (X509_get_serialNumber (cert), serial);
  X509_gmtime_adj (X509_getm_notBefore (cert), -86400);
  X509_gmtime_adj (X509_getm_notAfter (cert), 86400 * 90);
  X509_NAME_add_entry_by_txt (name, "C", MBSTRING_ASC, (const unsigned char *) "US", -1, -1, 0);
  X509_NAME_add_entry_by_txt (name, "O", MBSTRING_ASC, (const unsigned char *) "CredLink Oracle Test", -1, -1, 0);
  X509_NAME_add_entry_by_txt (name, "CN", MBSTRING_ASC, (const unsigned char *) cn, -1, -1, 0);
  X509_set_issuer_name (cert, X509_get_subject_name (issuer != NULL ? issuer : cert));
  X509_set_pubkey (cert, key);
  add_ext (cert, issuer != NULL ? issuer : cert, NID_subject_key_identifier, "hash");
  if (issuer == NULL) {
    add_ext (cert, cert, NID_basic_constraints, "critical,CA:TRUE");
    add_ext (cert, cert, NID_key_usage, "critical,keyCertSign,cRLSign");
  } else {
    add_ext (cert, issuer, NID_authority_key_identifier, "keyid:always");
    add_ext (cert, issuer, NID_basic_constraints, "critical,CA:FALSE");
    add_ext (cert, issuer, NID_key_usage, "critical,digitalSignature,nonRepudiation");
    add_ext (cert, issuer, NID_ext_key_usage, "emailProtection");
  }
  g_assert_cmpint (X509_sign (cert, issuer_key, EVP_sha256 ()), >, 0);
  return cert;
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


static gboolean
has_status (ClReport   *report,
            const char *code)
{
  for (guint i = 0; i < report->statuses->len; i++) {
    if (g_str_equal (((ClStatus *) g_ptr_array_index (report->statuses, i))->code, code))
      return TRUE;
  }
  return FALSE;
}


static void
test_reference_signed (gconstpointer data)
{
  const char *impl = data;
  g_autofree char *script = oracle_script ();
  g_autofree char *dir = NULL, *chain = NULL, *key_path = NULL, *in = NULL, *out = NULL;
  g_autofree char *impl_arg = NULL, *err = NULL;
  g_autoptr(GBytes) plain = NULL;
  g_autoptr(ClReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) failures = NULL;
  EVP_PKEY *ca_key, *key;
  X509 *ca, *leaf;
  BIO *bio;
  int status = -1;

  if (script == NULL) {
    g_test_skip ("node or the reference signer (credlink-oracle/sign.mjs) is not installed");
    return;
  }
  dir = g_dir_make_tmp ("credlink-oracle-XXXXXX", NULL);
  ca_key = EVP_EC_gen ("P-256");
  key = EVP_EC_gen ("P-256");
  ca = make_cert (ca_key, NULL, ca_key, "CredLink Oracle Root", 1);
  leaf = make_cert (key, ca, ca_key, "CredLink Oracle Signer", 2);
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
    const char *argv[] = { "node", script, impl_arg, "--no-thumbnail", in, out, chain, key_path,
                           "es256", NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH |
                                 G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, &err, &status,
                                 &error));
  }
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL)) {
    g_test_message ("sign.mjs: %s", err);
    g_test_fail ();
    goto out;
  }

  report = cl_validator_verify_file (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (report->has_manifest);
  g_assert_cmpint (report->state, ==, CL_VALIDATION_STATE_VALID);
  failures = cl_report_dup_failure_codes (report);
  g_assert_cmpuint (g_strv_length (failures), ==, 1);
  g_assert_cmpstr (failures[0], ==, "signingCredential.untrusted");
  g_assert_true (has_status (report, "assertion.dataHash.match"));
  g_assert_true (has_status (report, "claimSignature.validated"));
  g_assert_cmpstr (cl_report_get_active (report)->sig_common_name, ==, "CredLink Oracle Signer");

out:
  g_unlink (in);
  g_unlink (out);
  g_unlink (chain);
  g_unlink (key_path);
  g_rmdir (dir);
  X509_free (ca);
  X509_free (leaf);
  EVP_PKEY_free (ca_key);
  EVP_PKEY_free (key);
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
