/* test-sign-profile.c: signing profiles — names and files on disk (private, the key
 * encrypted with scrypt), PEM and PKCS#12 import (also the legacy encryption), and the
 * check of a profile's certificates before it signs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <openssl/pem.h>
#include <openssl/pkcs12.h>
#include <openssl/provider.h>

#include "cl-error.h"
#include "cl-signing-profile-store.h"
#include "cl-test-identity.h"
#include "cl-test-signing.h"
#include "cl-test-tmp.h"

static char *work_dir;


static guint
file_mode (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 0777;
}


static void
test_profile_store_invalid (void)
{
  g_autofree char *root = g_build_filename (work_dir, "profiles", NULL);
  g_autoptr(ClSigningProfile) slashed = cl_test_signing_profile_new ("Parts/signer",
                                                                     CL_COSE_ALG_ES256);
  g_autoptr(ClSigningProfile) spaced = cl_test_signing_profile_new ("José Núñez",
                                                                    CL_COSE_ALG_ES256);
  g_autoptr(ClSigningProfile) loaded = NULL;
  g_autoptr(ClSigningProfile) named = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *long_name = g_strnfill (65, 'a');

  g_assert_true (cl_signing_profile_store_name_is_valid ("a"));
  g_assert_true (cl_signing_profile_store_name_is_valid ("studio-1.x_y"));
  g_assert_false (cl_signing_profile_store_name_is_valid (""));
  g_assert_false (cl_signing_profile_store_name_is_valid (".hidden"));
  g_assert_false (cl_signing_profile_store_name_is_valid ("a/b"));
  g_assert_false (cl_signing_profile_store_name_is_valid ("../x"));
  g_assert_false (cl_signing_profile_store_name_is_valid (long_name));
  /* A test identity's name is the signer's name validators show: a person's name. */
  g_assert_true (cl_signing_profile_store_name_is_valid ("Jane Doe"));
  g_assert_true (cl_signing_profile_store_name_is_valid ("José Núñez"));
  g_assert_false (cl_signing_profile_store_name_is_valid (" Jane"));
  g_assert_false (cl_signing_profile_store_name_is_valid ("Jane "));
  g_assert_false (cl_signing_profile_store_name_is_valid ("Jane\tDoe"));
  g_assert_false (cl_signing_profile_store_name_is_valid ("Jane\nDoe"));
  g_assert_false (cl_signing_profile_store_name_is_valid ("Jos\xe9"));

  g_assert_false (cl_signing_profile_store_save (root, slashed, "long enough", &error));
  g_assert_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_PROFILE);
  g_clear_error (&error);
  g_assert_true (cl_signing_profile_store_save (root, spaced, "long enough", &error));
  g_assert_no_error (error);
  loaded = cl_signing_profile_store_load (root, "José Núñez", "long enough", &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);

  named = cl_test_identity_create ("short-pass", CL_COSE_ALG_ES256, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (cl_signing_profile_store_save (root, named, "abc", &error));
  g_assert_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_PASSPHRASE);
  g_assert_false (g_file_test (root, G_FILE_TEST_EXISTS) &&
                  g_file_test (root, G_FILE_TEST_IS_DIR) &&
                  cl_signing_profile_store_load (root, "short-pass", NULL, NULL) != NULL);
}


/* The PEM private key is encrypted with PBES2: scrypt (OID 1.3.6.1.4.1.11591.4.11) and
 * AES-256-CBC. */
static void
assert_scrypt_aes_encrypted (const char *key_pem)
{
  static const guint8 scrypt_oid[] = { 0x06, 0x09, 0x2B, 0x06, 0x01, 0x04, 0x01, 0xDA, 0x47,
                                       0x04, 0x0B };
  static const guint8 aes256cbc_oid[] = { 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03,
                                          0x04, 0x01, 0x2A };
  BIO *bio = BIO_new_mem_buf (key_pem, -1);
  X509_SIG *sig = PEM_read_bio_PKCS8 (bio, NULL, NULL, NULL);
  unsigned char *der = NULL;
  int der_len;
  gboolean has_scrypt = FALSE, has_aes = FALSE;

  g_assert_nonnull (sig);
  der_len = i2d_X509_SIG (sig, &der);
  for (int i = 0; i + (int) sizeof scrypt_oid <= der_len; i++) {
    has_scrypt |= memcmp (der + i, scrypt_oid, sizeof scrypt_oid) == 0;
    has_aes |= memcmp (der + i, aes256cbc_oid, sizeof aes256cbc_oid) == 0;
  }
  g_assert_true (has_scrypt);
  g_assert_true (has_aes);
  OPENSSL_free (der);
  X509_SIG_free (sig);
  BIO_free (bio);
}


static void
test_profile_store_files (void)
{
  g_autofree char *root = g_build_filename (work_dir, "profiles2", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClSigningProfile) created = cl_test_identity_create ("studio-1", CL_COSE_ALG_ES256, NULL,
                                                          NULL, &error);
  g_autoptr(ClSigningProfile) loaded = NULL;
  g_autoptr(ClSigningProfile) locked = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *dir = g_build_filename (root, "studio-1", NULL);
  g_autofree char *key_path = g_build_filename (dir, "key.p8", NULL);
  g_autofree char *chain_path = g_build_filename (dir, "chain.pem", NULL);
  g_autofree char *meta_path = g_build_filename (dir, "profile.json", NULL);
  g_autofree char *key_pem = NULL;
  g_autofree char *ca_out = g_build_filename (work_dir, "exported-ca.pem", NULL);
  g_autoptr(GArray) problems = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  gboolean usable;
  ClSigningProfileSummary *summary;
  X509 *exported;
  FILE *in;

  g_assert_no_error (error);
  g_assert_true (cl_signing_profile_store_save (root, created, "correct horse", &error));
  g_assert_no_error (error);

  /* Private folder and files; the key only encrypted. */
  g_assert_cmpuint (file_mode (dir), ==, 0700);
  g_assert_cmpuint (file_mode (key_path), ==, 0600);
  g_assert_cmpuint (file_mode (chain_path), ==, 0600);
  g_assert_cmpuint (file_mode (meta_path), ==, 0600);
  g_assert_true (g_file_get_contents (key_path, &key_pem, NULL, NULL));
  g_assert_true (g_str_has_prefix (key_pem, "-----BEGIN ENCRYPTED PRIVATE KEY-----"));
  g_assert_null (strstr (key_pem, "BEGIN PRIVATE KEY"));
  assert_scrypt_aes_encrypted (key_pem);

  /* The same name twice is refused. */
  g_assert_false (cl_signing_profile_store_save (root, created, "correct horse", &error));
  g_assert_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_PROFILE);
  g_clear_error (&error);

  list = cl_signing_profile_store_list (root, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  summary = g_ptr_array_index (list, 0);
  g_assert_cmpstr (summary->name, ==, "studio-1");
  g_assert_cmpstr (summary->algorithm, ==, "Es256");
  g_assert_true (summary->test_identity);
  g_assert_nonnull (strstr (summary->subject, "CN=studio-1"));

  /* Wrong passphrase, right passphrase, no passphrase. */
  g_assert_null (cl_signing_profile_store_load (root, "studio-1", "wrong horse", &error));
  g_assert_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_PASSPHRASE);
  g_clear_error (&error);
  loaded = cl_signing_profile_store_load (root, "studio-1", "correct horse", &error);
  g_assert_no_error (error);
  g_assert_nonnull (cl_signing_profile_get_key (loaded));
  g_assert_cmpint (EVP_PKEY_eq (cl_signing_profile_get_key (loaded), cl_signing_profile_get_key (created)), ==, 1);
  g_assert_true (cl_signing_profile_is_test_identity (loaded));
  g_assert_cmpint (cl_signing_profile_get_alg (loaded), ==, CL_COSE_ALG_ES256);
  locked = cl_signing_profile_store_load (root, "studio-1", NULL, &error);
  g_assert_no_error (error);
  g_assert_null (cl_signing_profile_get_key (locked));
  problems = cl_signing_profile_check (locked, now, &usable);
  g_assert_false (usable);

  g_assert_null (cl_signing_profile_store_load (root, "nobody", "x", &error));
  g_assert_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_PROFILE);
  g_clear_error (&error);
  g_assert_null (cl_signing_profile_store_load (root, "../escape", "x", &error));
  g_assert_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_PROFILE);
  g_clear_error (&error);

  /* The exported CA is the test CA. */
  g_assert_true (cl_signing_profile_store_export_ca (root, "studio-1", ca_out, &error));
  g_assert_no_error (error);
  in = fopen (ca_out, "r");
  g_assert_nonnull (in);
  exported = PEM_read_X509 (in, NULL, NULL, NULL);
  fclose (in);
  g_assert_nonnull (exported);
  g_assert_cmpint (X509_cmp (exported, cl_signing_profile_get_test_ca (created)), ==, 0);
  X509_free (exported);

  g_assert_true (cl_signing_profile_store_remove (root, "studio-1", &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));
  g_clear_pointer (&list, g_ptr_array_unref);
  list = cl_signing_profile_store_list (root, &error);
  g_assert_cmpuint (list->len, ==, 0);
  g_assert_false (cl_signing_profile_store_remove (root, "studio-1", &error));
  g_assert_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_PROFILE);
}


static char *
write_chain_and_key (ClSigningProfile *profile,
                     const char       *prefix,
                     const char       *passphrase,
                     char            **key_path)
{
  char *chain_path = g_strdup_printf ("%s/%s-chain.pem", work_dir, prefix);
  FILE *out;

  *key_path = g_strdup_printf ("%s/%s-key.pem", work_dir, prefix);
  out = fopen (chain_path, "w");
  PEM_write_X509 (out, cl_signing_profile_get_leaf (profile));
  PEM_write_X509 (out, cl_signing_profile_get_test_ca (profile));
  fclose (out);
  out = fopen (*key_path, "w");
  if (passphrase != NULL)
    PEM_write_PKCS8PrivateKey (out, cl_signing_profile_get_key (profile), EVP_aes_256_cbc (),
                               (char *) passphrase, (int) strlen (passphrase), NULL, NULL);
  else
    PEM_write_PrivateKey (out, cl_signing_profile_get_key (profile), NULL, NULL, 0, NULL, NULL);
  fclose (out);
  return chain_path;
}


static void
test_import_pem (void)
{
  g_autoptr(ClSigningProfile) source = cl_test_signing_profile_new ("Parts signer",
                                                                    CL_COSE_ALG_PS256);
  g_autoptr(ClSigningProfile) other = cl_test_signing_profile_new ("Parts signer",
                                                                   CL_COSE_ALG_ES256);
  g_autofree char *key_path = NULL;
  g_autofree char *plain_key = NULL;
  g_autofree char *other_key = NULL;
  g_autofree char *chain = write_chain_and_key (source, "pem", "s3cret", &key_path);
  g_autofree char *plain_chain = write_chain_and_key (source, "plain", NULL, &plain_key);
  g_autofree char *other_chain = write_chain_and_key (other, "other", NULL, &other_key);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClSigningProfile) imported = NULL;
  g_autoptr(ClSigningProfile) imported_plain = NULL;
  g_autoptr(GPtrArray) x5chain = NULL;

  imported = cl_signing_profile_new_from_pem ("imported", chain, key_path, "s3cret", &error);
  g_assert_no_error (error);
  g_assert_cmpint (cl_signing_profile_get_alg (imported), ==, CL_COSE_ALG_PS256);
  g_assert_cmpint (X509_cmp (cl_signing_profile_get_leaf (imported), cl_signing_profile_get_leaf (source)), ==, 0);
  /* The self-signed root is not embedded. */
  x5chain = cl_signing_profile_dup_x5chain (imported);
  g_assert_cmpuint (x5chain->len, ==, 1);

  imported_plain = cl_signing_profile_new_from_pem ("plain", plain_chain, plain_key, NULL, &error);
  g_assert_no_error (error);

  g_assert_null (cl_signing_profile_new_from_pem ("x", chain, key_path, "wrong", &error));
  g_assert_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_PASSPHRASE);
  g_clear_error (&error);
  g_assert_null (cl_signing_profile_new_from_pem ("x", chain, key_path, NULL, &error));
  g_assert_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_PASSPHRASE);
  g_clear_error (&error);
  /* A key that belongs to another certificate. */
  g_assert_null (cl_signing_profile_new_from_pem ("x", chain, other_key, NULL, &error));
  g_assert_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_PROFILE);
  g_clear_error (&error);
  /* And the other way round: a certificate whose key is not the one given. */
  g_assert_null (cl_signing_profile_new_from_pem ("y", other_chain, plain_key, NULL, &error));
  g_assert_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_PROFILE);
}


static void
test_import_pkcs12 (void)
{
  g_autoptr(ClSigningProfile) source = cl_test_signing_profile_new ("Parts signer",
                                                                    CL_COSE_ALG_EDDSA);
  g_autofree char *path = g_build_filename (work_dir, "bundle.p12", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClSigningProfile) imported = NULL;
  STACK_OF (X509) *ca = sk_X509_new_null ();
  PKCS12 *p12;
  FILE *out;

  sk_X509_push (ca, cl_signing_profile_get_test_ca (source));
  p12 = PKCS12_create ("bundle pass", "signer", cl_signing_profile_get_key (source),
                       cl_signing_profile_get_leaf (source), ca, 0, 0, 0, 0, 0);
  sk_X509_free (ca);
  g_assert_nonnull (p12);
  out = fopen (path, "wb");
  i2d_PKCS12_fp (out, p12);
  fclose (out);
  PKCS12_free (p12);

  imported = cl_signing_profile_new_from_pkcs12 ("p12", path, "bundle pass", &error);
  g_assert_no_error (error);
  g_assert_cmpint (cl_signing_profile_get_alg (imported), ==, CL_COSE_ALG_EDDSA);
  g_assert_cmpint (EVP_PKEY_eq (cl_signing_profile_get_key (imported), cl_signing_profile_get_key (source)), ==, 1);
  g_assert_cmpint (sk_X509_num (cl_signing_profile_get_chain (imported)), ==, 2);

  g_assert_null (cl_signing_profile_new_from_pkcs12 ("p12", path, "not it", &error));
  g_assert_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_PASSPHRASE);
}


/* A bundle encrypted the old way (RC2-40 certificates, 3DES key), as older tools
 * export them. Run in a subprocess so that the legacy provider is not loaded yet. */
static void
test_import_pkcs12_legacy (void)
{
  if (g_test_subprocess ()) {
    g_autoptr(ClSigningProfile) source = cl_test_signing_profile_new ("Parts signer",
                                                                      CL_COSE_ALG_ES256);
    g_autofree char *path = g_build_filename (work_dir, "legacy.p12", NULL);
    g_autoptr(GError) error = NULL;
    g_autoptr(ClSigningProfile) imported = NULL;
    OSSL_LIB_CTX *legacy_ctx = OSSL_LIB_CTX_new ();
    OSSL_PROVIDER *legacy = OSSL_PROVIDER_load (legacy_ctx, "legacy");
    OSSL_PROVIDER *base = OSSL_PROVIDER_load (legacy_ctx, "default");
    PKCS12 *p12;
    FILE *out;

    if (legacy == NULL) {
      g_test_message ("OpenSSL legacy provider not installed");
      return;
    }
    p12 = PKCS12_create_ex ("old pass", "signer", cl_signing_profile_get_key (source),
                            cl_signing_profile_get_leaf (source), NULL,
                            NID_pbe_WithSHA1And3_Key_TripleDES_CBC,
                            NID_pbe_WithSHA1And40BitRC2_CBC, 0, 0, 0, legacy_ctx, NULL);
    g_assert_nonnull (p12);
    out = fopen (path, "wb");
    i2d_PKCS12_fp (out, p12);
    fclose (out);
    PKCS12_free (p12);
    OSSL_PROVIDER_unload (legacy);
    OSSL_PROVIDER_unload (base);
    OSSL_LIB_CTX_free (legacy_ctx);

    g_assert_false (OSSL_PROVIDER_available (NULL, "legacy"));
    imported = cl_signing_profile_new_from_pkcs12 ("legacy", path, "old pass", &error);
    g_assert_no_error (error);
    g_assert_cmpint (EVP_PKEY_eq (cl_signing_profile_get_key (imported), cl_signing_profile_get_key (source)),
                     ==, 1);
    return;
  }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}


static gboolean
has_problem (GArray                      *problems,
             ClSigningProfileProblemLevel level,
             const char                  *fragment)
{
  for (guint i = 0; i < problems->len; i++) {
    ClSigningProfileProblem *problem = &g_array_index (problems, ClSigningProfileProblem, i);

    if (problem->level == level && strstr (problem->message, fragment) != NULL)
      return TRUE;
  }
  return FALSE;
}


static void
test_profile_check (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) start = g_date_time_add_days (now, -10);
  g_autoptr(GDateTime) soon = g_date_time_add_days (now, 10);
  g_autoptr(GDateTime) later = g_date_time_add_days (now, 100);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClSigningProfile) good = cl_test_signing_profile_new ("Parts signer",
                                                                  CL_COSE_ALG_ES256);
  g_autoptr(ClSigningProfile) expiring = cl_test_identity_create ("soon", CL_COSE_ALG_ES256, start, soon,
                                                           &error);
  g_autoptr(ClSigningProfile) ca_as_signer = NULL;
  g_autoptr(GArray) problems = NULL;
  STACK_OF (X509) *chain = sk_X509_new_null ();
  gboolean usable;
  guint warnings = 0;

  g_assert_no_error (error);
  problems = cl_signing_profile_check (good, now, &usable);
  g_assert_true (usable);
  for (guint i = 0; i < problems->len; i++) {
    ClSigningProfileProblem *problem = &g_array_index (problems, ClSigningProfileProblem, i);

    g_assert_cmpint (problem->level, ==, CL_SIGNING_PROFILE_PROBLEM_WARNING);
    warnings++;
  }
  /* Only the "not publicly trusted" label. */
  g_assert_cmpuint (warnings, ==, 1);
  g_assert_true (has_problem (problems, CL_SIGNING_PROFILE_PROBLEM_WARNING, "not publicly trusted"));
  g_clear_pointer (&problems, g_array_unref);

  problems = cl_signing_profile_check (expiring, now, &usable);
  g_assert_true (usable);
  g_assert_true (has_problem (problems, CL_SIGNING_PROFILE_PROBLEM_WARNING, "expires within 30 days"));
  g_clear_pointer (&problems, g_array_unref);

  /* Checked at a later time, the same profile has expired. */
  problems = cl_signing_profile_check (expiring, later, &usable);
  g_assert_false (usable);
  g_assert_true (has_problem (problems, CL_SIGNING_PROFILE_PROBLEM_FATAL, "expired"));
  g_clear_pointer (&problems, g_array_unref);

  /* A chain in the wrong order is flagged. */
  {
    g_autoptr(ClSigningProfile) other = cl_test_signing_profile_new ("Parts signer",
                                                                     CL_COSE_ALG_ES256);
    g_autoptr(ClSigningProfile) mixed = NULL;
    STACK_OF (X509) *wrong = sk_X509_new_null ();

    sk_X509_push (wrong, cl_signing_profile_get_leaf (good));
    sk_X509_push (wrong, cl_signing_profile_get_test_ca (other));
    mixed = cl_signing_profile_new ("mixed", wrong, cl_signing_profile_get_key (good), &error);
    sk_X509_free (wrong);
    g_assert_no_error (error);
    problems = cl_signing_profile_check (mixed, now, &usable);
    g_assert_true (usable);
    g_assert_true (has_problem (problems, CL_SIGNING_PROFILE_PROBLEM_WARNING, "not issued by"));
    g_clear_pointer (&problems, g_array_unref);
  }

  /* A CA certificate (no EKU, cA=TRUE) cannot sign claims. */
  sk_X509_push (chain, cl_signing_profile_get_test_ca (good));
  ca_as_signer = cl_signing_profile_new ("ca", chain, NULL, &error);
  sk_X509_free (chain);
  g_assert_no_error (error);
  problems = cl_signing_profile_check (ca_as_signer, now, &usable);
  g_assert_false (usable);
  g_assert_true (has_problem (problems, CL_SIGNING_PROFILE_PROBLEM_FATAL, "CA certificate"));
  g_assert_true (has_problem (problems, CL_SIGNING_PROFILE_PROBLEM_FATAL, "extended key usage"));
  g_assert_true (has_problem (problems, CL_SIGNING_PROFILE_PROBLEM_FATAL, "key usage does not include"));
}


int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  work_dir = cl_test_tmp_dir_new ("credlink-sign-profile", CL_TEST_TMP_UNTIL_EXIT);

  g_test_add_func ("/sign/profile-store/invalid", test_profile_store_invalid);
  g_test_add_func ("/sign/profile-store/files", test_profile_store_files);
  g_test_add_func ("/sign/profile/import-pem", test_import_pem);
  g_test_add_func ("/sign/profile/import-pkcs12", test_import_pkcs12);
  g_test_add_func ("/sign/profile/import-pkcs12-legacy", test_import_pkcs12_legacy);
  g_test_add_func ("/sign/profile/check", test_profile_check);
  status = g_test_run ();

  g_free (work_dir);
  return status;
}
