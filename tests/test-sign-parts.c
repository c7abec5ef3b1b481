/* test-sign-parts.c: the pieces of signing — profiles on disk, PEM and PKCS#12
 * import, the certificate-profile check, COSE padding, the APP11 split, and the
 * RFC 3161 client against a time-stamp server on 127.0.0.1.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <cbor.h>
#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <openssl/pem.h>
#include <openssl/pkcs12.h>
#include <openssl/provider.h>
#include <openssl/ts.h>
#include <openssl/x509v3.h>

#include "cl-asset-writer.h"
#include "cl-cose-sign1-builder.h"
#include "cl-error.h"
#include "cl-manifest-builder.h"
#include "cl-signing-profile-store.h"
#include "cl-signer.h"
#include "cl-test-identity.h"
#include "cl-test-sign-util.h"
#include "cl-test-tmp.h"
#include "cl-tsa-client.h"

static char *work_dir;


static ClSigningProfile *
make_identity (ClCoseAlg alg)
{
  g_autoptr(GError) error = NULL;
  ClSigningProfile *profile = cl_test_identity_create ("Parts signer", alg, NULL, NULL, &error);

  g_assert_no_error (error);
  return profile;
}


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
  g_autoptr(ClSigningProfile) spaced = make_identity (CL_COSE_ALG_ES256);   /* "Parts signer" */
  g_autoptr(ClSigningProfile) named = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *long_name = g_strnfill (65, 'a');

  g_assert_true (cl_signing_profile_store_name_is_valid ("a"));
  g_assert_true (cl_signing_profile_store_name_is_valid ("studio-1.x_y"));
  g_assert_false (cl_signing_profile_store_name_is_valid (""));
  g_assert_false (cl_signing_profile_store_name_is_valid (".hidden"));
  g_assert_false (cl_signing_profile_store_name_is_valid ("a/b"));
  g_assert_false (cl_signing_profile_store_name_is_valid ("../x"));
  g_assert_false (cl_signing_profile_store_name_is_valid ("with space"));
  g_assert_false (cl_signing_profile_store_name_is_valid (long_name));

  g_assert_false (cl_signing_profile_store_save (root, spaced, "long enough", &error));
  g_assert_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_PROFILE);
  g_clear_error (&error);

  named = cl_test_identity_create ("short-pass", CL_COSE_ALG_ES256, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (cl_signing_profile_store_save (root, named, "abc", &error));
  g_assert_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_PASSPHRASE);
  g_assert_false (g_file_test (root, G_FILE_TEST_EXISTS) &&
                  g_file_test (root, G_FILE_TEST_IS_DIR) &&
                  cl_signing_profile_store_load (root, "short-pass", NULL, NULL) != NULL);
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
  {
    /* PBES2 with scrypt (OID 1.3.6.1.4.1.11591.4.11) and AES-256-CBC. */
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
write_chain_and_key (ClSigningProfile  *profile,
                     const char *prefix,
                     const char *passphrase,
                     char      **key_path)
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
  g_autoptr(ClSigningProfile) source = make_identity (CL_COSE_ALG_PS256);
  g_autoptr(ClSigningProfile) other = make_identity (CL_COSE_ALG_ES256);
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
}


static void
test_import_pkcs12 (void)
{
  g_autoptr(ClSigningProfile) source = make_identity (CL_COSE_ALG_EDDSA);
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
    g_autoptr(ClSigningProfile) source = make_identity (CL_COSE_ALG_ES256);
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
has_problem (GArray                *problems,
             ClSigningProfileProblemLevel  level,
             const char            *fragment)
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
  g_autoptr(ClSigningProfile) good = make_identity (CL_COSE_ALG_ES256);
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
    g_autoptr(ClSigningProfile) other = make_identity (CL_COSE_ALG_ES256);
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


static void
test_cose_padding (void)
{
  /* Every size from tiny to past the 1-, 2- and 3-byte bstr head boundaries. */
  static const gsize ranges[][2] = { { 20, 600 }, { 65500, 65600 } };

  for (gsize r = 0; r < G_N_ELEMENTS (ranges); r++) {
    for (gsize size = ranges[r][0]; size < ranges[r][1]; size++) {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) cose = cl_cose_sign1_placeholder (size, &error);
      struct cbor_load_result load;
      cbor_item_t *item;

      g_assert_no_error (error);
      g_assert_cmpuint (g_bytes_get_size (cose), ==, size);
      /* Tag 18 (COSE_Sign1) is the single byte D2; libcbor 0.8's decoder rejects
       * tags 18–20 in that short form, so the array after it is loaded alone. */
      g_assert_cmpuint (((const guint8 *) g_bytes_get_data (cose, NULL))[0], ==, 0xD2);
      item = cbor_load ((const guint8 *) g_bytes_get_data (cose, NULL) + 1, size - 1, &load);
      g_assert_nonnull (item);
      g_assert_cmpuint (load.read, ==, size - 1);
      g_assert_true (cbor_isa_array (item) && cbor_array_size (item) == 4);
      cbor_decref (&item);
    }
  }
  {
    g_autoptr(GError) error = NULL;

    g_assert_null (cl_cose_sign1_placeholder (5, &error));
    g_assert_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_FAILED);
  }
  /* A key that does not belong to the x5chain certificate never yields a signature;
   * one that does fills the reservation exactly. */
  {
    g_autoptr(ClSigningProfile) a = make_identity (CL_COSE_ALG_ES256);
    g_autoptr(ClSigningProfile) b = make_identity (CL_COSE_ALG_ES256);
    g_autoptr(GPtrArray) chain_b = cl_signing_profile_dup_x5chain (b);
    g_autoptr(GPtrArray) chain_a = cl_signing_profile_dup_x5chain (a);
    g_autoptr(GBytes) claim = g_bytes_new_static ("\xa1\x61\x61\x01", 4);
    g_autoptr(GBytes) good = NULL;
    g_autoptr(GError) error = NULL;

    g_assert_null (cl_cose_sign1_build (CL_COSE_ALG_ES256, cl_signing_profile_get_key (a), chain_b, claim,
                                        NULL, NULL, NULL, 4000, NULL, NULL, &error));
    g_assert_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_PROFILE);
    g_clear_error (&error);
    good = cl_cose_sign1_build (CL_COSE_ALG_ES256, cl_signing_profile_get_key (a), chain_a, claim,
                                NULL, NULL, NULL, 4000, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_bytes_get_size (good), ==, 4000);
  }
}


static void
test_jpeg_segments (void)
{
  gsize store_len = 2 * CL_JPEG_STORE_BYTES_PER_SEGMENT + 1234;
  g_autofree guint8 *store_data = g_malloc (store_len);
  g_autoptr(GBytes) store = NULL;
  g_autoptr(GBytes) carrier = NULL;
  g_autoptr(GBytes) exact = NULL;
  g_autoptr(GBytes) exact_carrier = NULL;
  g_autoptr(GError) error = NULL;
  const guint8 *c;
  gsize offset = 0;
  guint32 expected_z = 1;
  gsize reassembled = 0;

  for (gsize i = 0; i < store_len; i++)
    store_data[i] = (guint8) (i * 7);
  memcpy (store_data, "\x00\x02\x0E\xD2jumb", 8);
  store_data[0] = store_len >> 24;
  store_data[1] = store_len >> 16;
  store_data[2] = store_len >> 8;
  store_data[3] = store_len;
  store = g_bytes_new (store_data, store_len);
  carrier = cl_asset_jpeg_wrap_store (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (carrier), ==, cl_asset_jpeg_carrier_size (store_len));
  c = g_bytes_get_data (carrier, NULL);
  while (offset < g_bytes_get_size (carrier)) {
    guint lp = (c[offset + 2] << 8) | c[offset + 3];
    guint32 z = ((guint32) c[offset + 8] << 24) | (c[offset + 9] << 16) | (c[offset + 10] << 8) |
                c[offset + 11];
    gsize header = expected_z == 1 ? 12 : 20;

    g_assert_cmpuint (c[offset], ==, 0xFF);
    g_assert_cmpuint (c[offset + 1], ==, 0xEB);
    g_assert_true (memcmp (c + offset + 4, "JP\x02\x11", 4) == 0);
    g_assert_cmpuint (z, ==, expected_z);
    if (expected_z > 1)
      g_assert_true (memcmp (c + offset + 12, store_data, 8) == 0);
    g_assert_true (memcmp (c + offset + header, store_data + reassembled,
                           lp + 2 - header) == 0);
    reassembled += lp + 2 - header;
    if (expected_z < 3)
      g_assert_cmpuint (lp, ==, expected_z == 1 ? 64010 : 64018);
    offset += 2 + lp;
    expected_z++;
  }
  g_assert_cmpuint (expected_z, ==, 4);
  g_assert_cmpuint (reassembled, ==, store_len);

  /* Exactly two segments' worth needs two segments, not three (c2pa-rs #1961). */
  exact = g_bytes_new (store_data, 2 * CL_JPEG_STORE_BYTES_PER_SEGMENT);
  exact_carrier = cl_asset_jpeg_wrap_store (exact, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (exact_carrier), ==,
                    2 * CL_JPEG_STORE_BYTES_PER_SEGMENT + 2 * 12 + 8);
}


/* A damaged store in the source is refused with an error, never read out of bounds. */
static void
test_parent_store_damaged (void)
{
  g_autoptr(ClManifestBuilder) parent = cl_manifest_builder_new ("parent.jpg", "image/jpeg");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) placeholder = cl_cose_sign1_placeholder (300, &error);
  static const guint8 zero_hash[32] = { 0, };
  ClByteRange exclusion = { 2, 1000 };
  g_autoptr(GBytes) store = NULL;
  g_autofree guint8 *copy = NULL;
  gsize len;

  g_assert_no_error (error);
  cl_manifest_builder_set_creative_work (parent, "Author", NULL);
  store = cl_manifest_builder_build_store (parent, &exclusion, zero_hash, placeholder, NULL);
  len = g_bytes_get_size (store);

  {
    g_autoptr(ClManifestBuilder) child = cl_manifest_builder_new ("child.jpg", "image/jpeg");

    g_assert_true (cl_manifest_builder_set_parent (child, store, "parent.jpg", &error));
    g_assert_no_error (error);
    g_assert_cmpstr (cl_manifest_builder_get_parent_label (child), ==,
                     cl_manifest_builder_get_label (parent));
  }

  /* Every truncation fails cleanly. */
  for (gsize cut = 0; cut < len; cut++) {
    g_autoptr(ClManifestBuilder) child = cl_manifest_builder_new ("child.jpg", "image/jpeg");
    g_autoptr(GBytes) truncated = g_bytes_new (g_bytes_get_data (store, NULL), cut);

    g_assert_false (cl_manifest_builder_set_parent (child, truncated, "parent.jpg", &error));
    g_assert_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_INPUT);
    g_clear_error (&error);
  }

  /* Every single-byte corruption is either still walkable or an error. */
  copy = g_memdup2 (g_bytes_get_data (store, NULL), len);
  for (gsize i = 0; i < len; i++) {
    g_autoptr(ClManifestBuilder) child = cl_manifest_builder_new ("child.jpg", "image/jpeg");
    g_autoptr(GBytes) damaged = NULL;
    guint8 saved = copy[i];

    copy[i] ^= (i % 3 == 0) ? 0xFF : 0x41;
    damaged = g_bytes_new (copy, len);
    if (!cl_manifest_builder_set_parent (child, damaged, "parent.jpg", &error)) {
      g_assert_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_INPUT);
      g_clear_error (&error);
    }
    copy[i] = saved;
  }
}


/* A time-stamp authority on 127.0.0.1, made with OpenSSL's TS_RESP_CTX. */
typedef struct {
  X509     *cert;
  EVP_PKEY *key;
  X509     *ca;
  gboolean  wrong_nonce;
  guint     http_status;     /* 0: answer normally */
  gboolean  wrong_type;
  gboolean  big_token;       /* more certificates than the signer reserves room for */
  guint     requests;
} Tsa;


static X509 *
make_tsa_cert (const char *cn,
               EVP_PKEY   *key,
               X509       *issuer,
               EVP_PKEY   *issuer_key)
{
  X509 *cert = X509_new ();
  X509V3_CTX ctx;
  X509_EXTENSION *ext;
  const char *const *values;
  static const char *const ca_exts[] = { "critical,CA:TRUE", "critical,keyCertSign", "hash",
                                         NULL };
  static const char *const leaf_exts[] = { "critical,CA:FALSE", "critical,digitalSignature",
                                           "hash", "critical,timeStamping", "keyid:always" };
  static const int nids[] = { NID_basic_constraints, NID_key_usage,
                              NID_subject_key_identifier, NID_ext_key_usage,
                              NID_authority_key_identifier };

  ASN1_INTEGER_set (X509_get_serialNumber (cert), issuer == NULL ? 1 : 2);
  X509_set_version (cert, X509_VERSION_3);
  X509_gmtime_adj (X509_getm_notBefore (cert), -3600);
  X509_gmtime_adj (X509_getm_notAfter (cert), 3600 * 24);
  X509_NAME_add_entry_by_txt (X509_get_subject_name (cert), "O", MBSTRING_UTF8,
                              (const guchar *) "CredLink tests", -1, -1, 0);
  X509_NAME_add_entry_by_txt (X509_get_subject_name (cert), "CN", MBSTRING_UTF8,
                              (const guchar *) cn, -1, -1, 0);
  X509_set_issuer_name (cert, X509_get_subject_name (issuer != NULL ? issuer : cert));
  X509_set_pubkey (cert, key);
  X509V3_set_ctx (&ctx, issuer != NULL ? issuer : cert, cert, NULL, NULL, 0);
  values = issuer == NULL ? ca_exts : leaf_exts;
  for (int i = 0; i < 5 && values[i] != NULL; i++) {
    ext = X509V3_EXT_conf_nid (NULL, &ctx, nids[i], values[i]);
    g_assert_nonnull (ext);
    X509_add_ext (cert, ext, -1);
    X509_EXTENSION_free (ext);
  }
  g_assert_cmpint (X509_sign (cert, issuer_key, EVP_sha256 ()), >, 0);
  return cert;
}


static void
tsa_handler (SoupServer        *server,
             SoupServerMessage *msg,
             const char        *path,
             GHashTable        *query,
             gpointer           user_data)
{
  Tsa *tsa = user_data;
  g_autoptr(GBytes) body = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  const unsigned char *p = g_bytes_get_data (body, NULL);
  TS_REQ *req = d2i_TS_REQ (NULL, &p, (long) g_bytes_get_size (body));
  TS_RESP_CTX *ctx = TS_RESP_CTX_new ();
  ASN1_OBJECT *policy;
  unsigned char *der = NULL;
  int der_len;
  BIO *bio;
  TS_RESP *resp;

  tsa->requests++;
  if (tsa->http_status != 0) {
    soup_server_message_set_status (msg, tsa->http_status, NULL);
    TS_RESP_CTX_free (ctx);
    TS_REQ_free (req);
    return;
  }
  if (tsa->wrong_type) {
    soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
    soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_STATIC, "<html/>", 7);
    TS_RESP_CTX_free (ctx);
    TS_REQ_free (req);
    return;
  }
  g_assert_nonnull (req);
  g_assert_cmpstr (soup_message_headers_get_content_type (
                     soup_server_message_get_request_headers (msg), NULL), ==,
                   "application/timestamp-query");
  if (tsa->wrong_nonce) {
    ASN1_INTEGER *nonce = ASN1_INTEGER_new ();

    ASN1_INTEGER_set (nonce, 42);
    TS_REQ_set_nonce (req, nonce);
    ASN1_INTEGER_free (nonce);
  }
  der_len = i2d_TS_REQ (req, &der);
  bio = BIO_new_mem_buf (der, der_len);
  TS_RESP_CTX_set_signer_cert (ctx, tsa->cert);
  TS_RESP_CTX_set_signer_key (ctx, tsa->key);
  TS_RESP_CTX_set_signer_digest (ctx, EVP_sha256 ());
  policy = OBJ_txt2obj ("1.3.6.1.4.1.4146.2.3", 1);
  TS_RESP_CTX_set_def_policy (ctx, policy);   /* copies it */
  ASN1_OBJECT_free (policy);
  TS_RESP_CTX_add_md (ctx, EVP_sha256 ());
  if (tsa->big_token) {
    STACK_OF (X509) *extra = sk_X509_new_null ();

    for (int i = 0; i < 40; i++)
      sk_X509_push (extra, tsa->ca);
    TS_RESP_CTX_set_certs (ctx, extra);   /* copies */
    sk_X509_free (extra);
  }
  resp = TS_RESP_create_response (ctx, bio);
  g_assert_nonnull (resp);
  BIO_free (bio);
  OPENSSL_free (der);
  der = NULL;
  der_len = i2d_TS_RESP (resp, &der);
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "application/timestamp-reply", SOUP_MEMORY_COPY,
                                    (const char *) der, der_len);
  OPENSSL_free (der);
  TS_RESP_free (resp);
  TS_RESP_CTX_free (ctx);
  TS_REQ_free (req);
}


static gboolean
contains (const void *haystack,
          gsize       haystack_len,
          const void *needle,
          gsize       needle_len)
{
  for (gsize i = 0; i + needle_len <= haystack_len; i++) {
    if (memcmp ((const guint8 *) haystack + i, needle, needle_len) == 0)
      return TRUE;
  }
  return FALSE;
}


static void
sign_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}


static gint thread_done;


static gpointer
timestamp_thread (gpointer data)
{
  const char *url = data;
  GError *error = NULL;
  GBytes *token = cl_tsa_client_timestamp (url, (const guint8 *) "abc", 3, NULL, &error);

  g_assert_null (token);
  g_atomic_int_set (&thread_done, 1);
  g_main_context_wakeup (NULL);
  return error;
}


static void
assert_timestamp_fails (const char *url,
                        Tsa        *tsa)
{
  GThread *thread;
  GError *error;

  /* The server answers from this thread's main context. */
  g_atomic_int_set (&thread_done, 0);
  thread = g_thread_new ("tsa", timestamp_thread, (gpointer) url);
  while (!g_atomic_int_get (&thread_done))
    g_main_context_iteration (NULL, TRUE);
  error = g_thread_join (thread);
  g_assert_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_TIMESTAMP);
  g_test_message ("expected failure: %s", error->message);
  g_error_free (error);
}


static void
test_timestamp (void)
{
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClSigningProfile) profile = make_identity (CL_COSE_ALG_ES256);
  g_autofree char *input = cl_test_make_image (work_dir, "ts.jpg", "jpeg", 64, 64);
  g_autofree char *output = g_build_filename (work_dir, "ts-signed.jpg", NULL);
  g_autofree char *refused = g_build_filename (work_dir, "ts-refused.jpg", NULL);
  g_autofree char *url = NULL;
  g_autofree char *oracle = cl_test_oracle_path ();
  g_autoptr(GAsyncResult) async_result = NULL;
  g_autoptr(ClSignResult) result = NULL;
  EVP_PKEY *ca_key = EVP_PKEY_Q_keygen (NULL, NULL, "EC", "P-256");
  Tsa tsa = { 0, };
  ClSignOptions options = { 0, };
  GSList *uris;

  tsa.key = EVP_PKEY_Q_keygen (NULL, NULL, "EC", "P-256");
  tsa.ca = make_tsa_cert ("Test TSA root", ca_key, NULL, ca_key);
  tsa.cert = make_tsa_cert ("Test TSA", tsa.key, tsa.ca, ca_key);
  soup_server_add_handler (server, "/tsa", tsa_handler, &tsa, NULL);
  g_assert_true (soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  url = g_strdup_printf ("http://127.0.0.1:%d/tsa", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  options.tsa_url = url;
  cl_signer_sign_file_async (profile, &options, input, output, NULL, sign_done_cb,
                             &async_result);
  while (async_result == NULL)
    g_main_context_iteration (NULL, TRUE);
  result = cl_signer_sign_file_finish (async_result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);
  g_assert_cmpuint (tsa.requests, ==, 1);
  /* The token is in the signature: the DER of our TSA certificate shows up. */
  {
    g_autofree char *contents = NULL;
    unsigned char *cert_der = NULL;
    int cert_len = i2d_X509 (tsa.cert, &cert_der);
    gsize len;

    g_assert_true (g_file_get_contents (output, &contents, &len, NULL));
    g_assert_true (contains (contents, len, "sigTst2", 7));
    g_assert_true (contains (contents, len, cert_der, cert_len));
    OPENSSL_free (cert_der);
  }
  cl_test_assert_same_pixels (input, output);
  if (oracle != NULL) {
    g_autoptr(JsonObject) report = cl_test_oracle_read (oracle, output, NULL);
    JsonArray *success = json_object_get_array_member (
      json_object_get_object_member (report, "codes"), "success");
    gboolean validated = FALSE;

    cl_test_oracle_assert_valid (report, output);
    for (guint i = 0; i < json_array_get_length (success); i++)
      validated |= g_str_equal (json_array_get_string_element (success, i),
                                "timeStamp.validated");
    g_assert_true (validated);
  }

  /* A token larger than the reservation: the signer reserves more and asks again. */
  {
    g_autofree char *big = g_build_filename (work_dir, "ts-big.jpg", NULL);
    g_autoptr(ClSignResult) big_result = NULL;
    guint before = tsa.requests;

    tsa.big_token = TRUE;
    g_clear_object (&async_result);
    cl_signer_sign_file_async (profile, &options, input, big, NULL, sign_done_cb,
                               &async_result);
    while (async_result == NULL)
      g_main_context_iteration (NULL, TRUE);
    big_result = cl_signer_sign_file_finish (async_result, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (tsa.requests, ==, before + 2);
    g_assert_cmpuint (big_result->store_length, >, 20000);
    tsa.big_token = FALSE;
    if (oracle != NULL) {
      g_autoptr(JsonObject) report = cl_test_oracle_read (oracle, big, NULL);

      cl_test_oracle_assert_valid (report, big);
    }
  }

  /* A TSA that answers a different request is refused, and nothing is written. */
  tsa.wrong_nonce = TRUE;
  g_clear_object (&async_result);
  cl_signer_sign_file_async (profile, &options, input, refused, NULL, sign_done_cb,
                             &async_result);
  while (async_result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (cl_signer_sign_file_finish (async_result, &error));
  g_assert_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_TIMESTAMP);
  g_assert_false (g_file_test (refused, G_FILE_TEST_EXISTS));

  /* HTTP errors, a wrong content type and an unreachable server are errors too. */
  tsa.wrong_nonce = FALSE;
  tsa.http_status = SOUP_STATUS_INTERNAL_SERVER_ERROR;
  assert_timestamp_fails (url, &tsa);
  tsa.http_status = 0;
  tsa.wrong_type = TRUE;
  assert_timestamp_fails (url, &tsa);
  soup_server_disconnect (server);
  assert_timestamp_fails (url, &tsa);
  assert_timestamp_fails ("ftp://127.0.0.1/tsa", &tsa);

  X509_free (tsa.cert);
  X509_free (tsa.ca);
  EVP_PKEY_free (tsa.key);
  EVP_PKEY_free (ca_key);
}


int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  work_dir = cl_test_tmp_dir_new ("credlink-sign-parts", CL_TEST_TMP_UNTIL_EXIT);

  g_test_add_func ("/sign/profile-store/invalid", test_profile_store_invalid);
  g_test_add_func ("/sign/profile-store/files", test_profile_store_files);
  g_test_add_func ("/sign/profile/import-pem", test_import_pem);
  g_test_add_func ("/sign/profile/import-pkcs12", test_import_pkcs12);
  g_test_add_func ("/sign/profile/import-pkcs12-legacy", test_import_pkcs12_legacy);
  g_test_add_func ("/sign/profile/check", test_profile_check);
  g_test_add_func ("/sign/cose/padding", test_cose_padding);
  g_test_add_func ("/sign/jpeg/segments", test_jpeg_segments);
  g_test_add_func ("/sign/parent-store/damaged", test_parent_store_damaged);
  g_test_add_func ("/sign/timestamp", test_timestamp);
  status = g_test_run ();

  g_free (work_dir);
  return status;
}
