/* test-sign-token.c: signing profiles whose key stays on a PKCS#11 token, with a SoftHSM2
 * token made in set-up (cl-test-softhsm.c: its own SOFTHSM2_CONF folder) holding an EC P-256 key of the test
 * PKI: `credlink-cli profile create` for it, signing a JPEG with the PIN from the
 * environment, a wrong PIN, the token's errors in words, the certificate taken from the
 * token, and no key material in the profile's files. Skips when SoftHSM2 is not installed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE   /* memmem */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <openssl/core_names.h>
#include <openssl/pem.h>

#include "cl-error.h"
#include "cl-signer.h"
#include "cl-signing-profile-store.h"
#include "cl-test-pki.h"
#include "cl-test-sign-util.h"
#include "cl-test-softhsm.h"
#include "cl-test-tmp.h"
#include "cl-token-profile.h"

#define TOKEN_LABEL "CredLink Token"
#define KEY_LABEL   "photo-signer"
#define KEY_ID      "c2a1"
#define USER_PIN    "pin-7731-soft"
#define SO_PIN      "so-5512-soft"

static char *module_path;
static char *work_dir;
static char *chain_path;
static ClTestPki *pki;


static gboolean
softhsm_missing (void)
{
  if (module_path == NULL || g_getenv ("CREDLINK_CLI") == NULL) {
    g_test_skip (module_path == NULL ? "SoftHSM2 (softhsm2-util and its module) is not installed"
                                     : "CREDLINK_CLI is not set");
    return TRUE;
  }
  return FALSE;
}


/* Runs credlink-cli with args (NULL-terminated) and the PIN (NULL: none) in the
 * environment, profiles under data_dir; returns its exit status. */
static int
run_cli (const char  *data_dir,
         const char  *pin,
         char       **out,
         char       **err,
         ...)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) argv = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  g_autofree char *proofs = g_build_filename (data_dir, "proofs.db", NULL);
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list args;
  int status;

  g_strv_builder_add (builder, g_getenv ("CREDLINK_CLI"));
  va_start (args, err);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_strv_builder_add (builder, arg);
  va_end (args);
  argv = g_strv_builder_end (builder);
  envp = g_environ_setenv (envp, "CREDLINK_DATA_DIR", data_dir, TRUE);
  envp = g_environ_setenv (envp, "CREDLINK_PROOF_DB", proofs, TRUE);
  envp = g_environ_unsetenv (envp, "CREDLINK_PASSPHRASE");
  envp = pin != NULL ? g_environ_setenv (envp, "CREDLINK_PIN", pin, TRUE)
                     : g_environ_unsetenv (envp, "CREDLINK_PIN");
  g_assert_true (g_spawn_sync (NULL, argv, envp, G_SPAWN_STDIN_FROM_DEV_NULL, NULL, NULL, out,
                               err, &status, &error));
  g_assert_no_error (error);
  return WIFEXITED (status) ? WEXITSTATUS (status) : 128;
}


static char *
new_data_dir (void)
{
  return cl_test_tmp_dir_new ("token-data", CL_TEST_TMP_UNTIL_CASE_ENDS);
}


/* Creates the profile "token-photo" (key by label, chain from the PEM file). */
static void
create_profile (const char *data_dir)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = run_cli (data_dir, USER_PIN, &out, &err, "profile", "create", "--name",
                        "token-photo", "--pkcs11-module", module_path, "--token", TOKEN_LABEL,
                        "--key-label", KEY_LABEL, "--cert", chain_path, NULL);

  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "token-photo"));
}


/* The key's private scalar must be in no file of the profile, nor the PIN. */
static void
assert_no_key_material (const char *profile_dir)
{
  BIGNUM *priv = NULL;
  unsigned char scalar[32];
  g_autoptr(GDir) dir = g_dir_open (profile_dir, 0, NULL);
  const char *entry;
  guint n_files = 0;

  g_assert_true (EVP_PKEY_get_bn_param (pki->signer->key, OSSL_PKEY_PARAM_PRIV_KEY, &priv));
  g_assert_cmpint (BN_bn2binpad (priv, scalar, sizeof scalar), ==, sizeof scalar);
  BN_clear_free (priv);
  g_assert_nonnull (dir);
  while ((entry = g_dir_read_name (dir)) != NULL) {
    g_autofree char *path = g_build_filename (profile_dir, entry, NULL);
    g_autofree char *contents = NULL;
    gsize len;

    g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
    g_assert_null (g_strstr_len (contents, (gssize) len, "PRIVATE KEY"));
    g_assert_null (g_strstr_len (contents, (gssize) len, USER_PIN));
    g_assert_null (memmem (contents, len, scalar, sizeof scalar));
    n_files++;
  }
  g_assert_cmpuint (n_files, ==, 3);   /* chain.pem, token.json, profile.json */
}


static void
test_create_and_list (void)
{
  g_autofree char *data_dir = NULL;
  g_autofree char *profile_dir = NULL;
  g_autofree char *token_json = NULL;
  g_autofree char *key_path = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  if (softhsm_missing ())
    return;
  data_dir = new_data_dir ();
  create_profile (data_dir);

  profile_dir = g_build_filename (data_dir, "profiles", "token-photo", NULL);
  key_path = g_build_filename (profile_dir, "key.p8", NULL);
  g_assert_false (g_file_test (key_path, G_FILE_TEST_EXISTS));
  token_json = g_build_filename (profile_dir, "token.json", NULL);
  g_assert_true (cl_test_file_contains (token_json, module_path));
  g_assert_true (cl_test_file_contains (token_json, TOKEN_LABEL));
  g_assert_true (cl_test_file_contains (token_json, KEY_LABEL));
  assert_no_key_material (profile_dir);

  g_assert_cmpint (run_cli (data_dir, NULL, &out, &err, "profile", "list", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "token-photo\tEs256"));
  g_assert_nonnull (strstr (out, "\t(token profile: the key stays on the token “" TOKEN_LABEL
                            "”)\n"));
}


static void
test_sign_with_pin (void)
{
  g_autofree char *data_dir = NULL;
  g_autofree char *input = NULL;
  g_autofree char *output = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  if (softhsm_missing ())
    return;
  data_dir = new_data_dir ();
  create_profile (data_dir);
  input = cl_test_make_image (data_dir, "photo", "jpeg", 96, 64);
  output = g_build_filename (data_dir, "signed.jpg", NULL);

  g_assert_cmpint (run_cli (data_dir, USER_PIN, &out, &err, "sign", "--profile", "token-photo",
                            "-o", output, input, NULL), ==, 0);
  cl_test_assert_valid_untrusted (output, "assertion.dataHash.match");
}


static void
test_wrong_pin (void)
{
  g_autofree char *data_dir = NULL;
  g_autofree char *input = NULL;
  g_autofree char *output = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *out2 = NULL;
  g_autofree char *err2 = NULL;

  if (softhsm_missing ())
    return;
  data_dir = new_data_dir ();
  create_profile (data_dir);
  input = cl_test_make_image (data_dir, "photo", "jpeg", 96, 64);
  output = g_build_filename (data_dir, "signed.jpg", NULL);

  g_assert_cmpint (run_cli (data_dir, "0000-wrong", &out, &err, "sign", "--profile",
                            "token-photo", "-o", output, input, NULL), !=, 0);
  g_assert_nonnull (strstr (err, "Wrong PIN for the token “" TOKEN_LABEL "”"));
  g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));

  /* No PIN in the environment and no terminal: said so, nothing written. */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (data_dir, NULL, &out, &err, "sign", "--profile", "token-photo",
                            "-o", output, input, NULL), !=, 0);
  g_assert_nonnull (strstr (err, "PIN is needed but there is no terminal to ask on; set "
                                 "CREDLINK_PIN"));
  g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));

  /* A wrong PIN when creating a profile leaves no profile behind either. */
  g_assert_cmpint (run_cli (data_dir, "0000-wrong", &out2, &err2, "profile", "create",
                            "--name", "other", "--pkcs11-module", module_path, "--token",
                            TOKEN_LABEL, "--key-label", KEY_LABEL, "--cert", chain_path, NULL),
                   !=, 0);
  g_assert_nonnull (strstr (err2, "Wrong PIN"));
  g_free (out);
  out = g_build_filename (data_dir, "profiles", "other", NULL);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
}


/* profile create with one thing wrong; asserts the error names it. */
static void
assert_create_fails (const char *module,
                     const char *token,
                     const char *key_label,
                     const char *expected)
{
  g_autofree char *data_dir = new_data_dir ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_cli (data_dir, USER_PIN, &out, &err, "profile", "create", "--name",
                            "broken", "--pkcs11-module", module, "--token", token,
                            "--key-label", key_label, "--cert", chain_path, NULL), !=, 0);
  if (strstr (err, expected) == NULL)
    g_error ("expected “%s” in: %s", expected, err);
}


static void
test_errors_in_words (void)
{
  g_autofree char *missing_module = NULL;

  if (softhsm_missing ())
    return;
  missing_module = g_build_filename (work_dir, "no-such-module.so", NULL);
  assert_create_fails (missing_module, TOKEN_LABEL, KEY_LABEL, "could not be loaded");
  assert_create_fails (module_path, "Absent Token", KEY_LABEL,
                       "The token “Absent Token” is not present (the tokens inserted are “"
                       TOKEN_LABEL "”)");
  assert_create_fails (module_path, TOKEN_LABEL, "no-such-key",
                       "holds no private key labelled “no-such-key”");
}


/* Without --cert the certificate stored on the token with the key's id is used. */
static void
test_certificate_from_token (void)
{
  g_autofree char *data_dir = NULL;
  g_autofree char *stored_chain = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  X509 *leaf;
  FILE *file;

  if (softhsm_missing ())
    return;
  data_dir = new_data_dir ();
  g_assert_cmpint (run_cli (data_dir, USER_PIN, &out, &err, "profile", "create", "--name",
                            "from-token", "--pkcs11-module", module_path, "--token", TOKEN_LABEL,
                            "--key-id", KEY_ID, NULL), ==, 0);
  stored_chain = g_build_filename (data_dir, "profiles", "from-token", "chain.pem", NULL);
  file = g_fopen (stored_chain, "r");
  g_assert_nonnull (file);
  leaf = PEM_read_X509 (file, NULL, NULL, NULL);
  fclose (file);
  g_assert_nonnull (leaf);
  g_assert_cmpint (X509_cmp (leaf, pki->signer->cert), ==, 0);
  X509_free (leaf);
}


typedef struct {
  ClSigningProfile *profile;
  char             *input;
  char             *output;
  gboolean          signed_ok;
} SignJob;


static gpointer
sign_in_thread (gpointer data)
{
  SignJob *job = data;
  ClSignOptions options = { 0, };
  g_autoptr(GError) error = NULL;
  ClSignResult *result = cl_signer_sign_file (job->profile, &options, job->input, job->output,
                                              NULL, &error);

  g_assert_no_error (error);
  job->signed_ok = result != NULL;
  cl_sign_result_free (result);
  return NULL;
}


/* The API the Sign page uses: the profile loads locked (the check asks for the PIN), a
 * wrong PIN is a passphrase error, and with the PIN the token's key signs, from two
 * threads at once as a batch does. */
static void
test_store_api (void)
{
  g_autofree char *data_dir = NULL;
  g_autofree char *root = NULL;
  g_autoptr(ClPkcs11KeyRef) ref = NULL;
  g_autoptr(ClSigningProfile) created = NULL;
  g_autoptr(ClSigningProfile) locked = NULL;
  g_autoptr(ClSigningProfile) wrong = NULL;
  g_autoptr(ClSigningProfile) unlocked = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  SignJob jobs[2];
  GThread *threads[2];
  gboolean usable, asks_pin = FALSE;

  if (softhsm_missing ())
    return;
  data_dir = new_data_dir ();
  root = g_build_filename (data_dir, "profiles", NULL);
  ref = cl_pkcs11_key_ref_new (module_path, TOKEN_LABEL, NULL, KEY_ID);
  created = cl_token_profile_open ("api", chain_path, ref, USER_PIN, &error);
  g_assert_no_error (error);
  g_assert_true (cl_signing_profile_store_save (root, created, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (cl_signing_profile_store_is_token (root, "api"));

  locked = cl_signing_profile_store_load (root, "api", NULL, &error);
  g_assert_no_error (error);
  g_assert_null (cl_signing_profile_get_key (locked));
  g_assert_cmpstr (cl_signing_profile_get_token (locked)->key_id, ==, KEY_ID);
  problems = cl_signing_profile_check (locked, now, &usable);
  g_assert_false (usable);
  for (guint i = 0; i < problems->len; i++) {
    ClSigningProfileProblem *problem = &g_array_index (problems, ClSigningProfileProblem, i);

    asks_pin |= problem->key_locked && strstr (problem->message, "PIN") != NULL;
  }
  g_assert_true (asks_pin);

  wrong = cl_signing_profile_store_load (root, "api", "1111-wrong", &error);
  g_assert_null (wrong);
  g_assert_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_PASSPHRASE);
  g_clear_error (&error);

  unlocked = cl_signing_profile_store_load (root, "api", USER_PIN, &error);
  g_assert_no_error (error);
  g_assert_nonnull (cl_signing_profile_get_key (unlocked));
  for (guint i = 0; i < G_N_ELEMENTS (jobs); i++) {
    g_autofree char *name = g_strdup_printf ("image-%u", i);
    g_autofree char *output_name = g_strdup_printf ("signed-%u.jpg", i);

    jobs[i] = (SignJob) { unlocked, cl_test_make_image (data_dir, name, "jpeg", 80, 60),
                          g_build_filename (data_dir, output_name, NULL), FALSE };
  }
  for (guint i = 0; i < G_N_ELEMENTS (jobs); i++)
    threads[i] = g_thread_new ("sign", sign_in_thread, &jobs[i]);
  for (guint i = 0; i < G_N_ELEMENTS (jobs); i++) {
    g_thread_join (threads[i]);
    g_assert_true (jobs[i].signed_ok);
    cl_test_assert_valid_untrusted (jobs[i].output, "assertion.dataHash.match");
    g_free (jobs[i].input);
    g_free (jobs[i].output);
  }
}


/* A token of our own in work_dir holding the test PKI's signer key (and certificate). */
static void
make_token (void)
{
  static const ClTestTokenSpec spec = { TOKEN_LABEL, USER_PIN, SO_PIN, KEY_LABEL, KEY_ID };

  pki = cl_test_pki_new (NULL, NULL);
  chain_path = g_build_filename (work_dir, "chain.pem", NULL);
  cl_test_write_pem (chain_path, pki->signer, pki->intermediate, pki->root, NULL);
  if (!cl_test_softhsm_make_token (module_path, work_dir, &spec, pki->signer, TRUE))
    g_clear_pointer (&module_path, g_free);
}


int
main (int    argc,
      char **argv)
{
  int result;

  g_test_init (&argc, &argv, NULL);
  module_path = cl_test_softhsm_find_module ();
  if (module_path != NULL) {
    work_dir = cl_test_tmp_dir_new ("token", CL_TEST_TMP_UNTIL_EXIT);
    make_token ();
  }
  g_test_add_func ("/sign-token/create-and-list", test_create_and_list);
  g_test_add_func ("/sign-token/sign-with-pin", test_sign_with_pin);
  g_test_add_func ("/sign-token/wrong-pin", test_wrong_pin);
  g_test_add_func ("/sign-token/errors-in-words", test_errors_in_words);
  g_test_add_func ("/sign-token/certificate-from-token", test_certificate_from_token);
  g_test_add_func ("/sign-token/store-api", test_store_api);
  result = g_test_run ();
  g_clear_pointer (&pki, cl_test_pki_free);
  g_free (module_path);
  g_free (chain_path);
  g_free (work_dir);
  return result;
}
