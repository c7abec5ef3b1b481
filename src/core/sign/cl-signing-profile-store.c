/* cl-signing-profile-store.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/pkcs12.h>

#include "cl-atomic-file.h"
#include "cl-error.h"
#include "cl-signing-profile-store.h"
#include "cl-token-profile.h"

#define CHAIN_FILE   "chain.pem"
#define KEY_FILE     "key.p8"
#define CA_FILE      "ca.pem"
#define META_FILE    "profile.json"
#define TOKEN_FILE   "token.json"
#define MAX_NAME_LEN 64
#define SCRYPT_N     16384
#define SCRYPT_R     8
#define SCRYPT_P     1

static const char *const profile_files[] = { CHAIN_FILE, KEY_FILE, CA_FILE, TOKEN_FILE, META_FILE };


void
cl_signing_profile_summary_free (ClSigningProfileSummary *summary)
{
  if (summary == NULL)
    return;
  g_free (summary->name);
  g_free (summary->subject);
  g_free (summary->algorithm);
  g_free (summary->not_after);
  g_free (summary->token);
  g_free (summary);
}


char *
cl_signing_profile_store_default_root (void)
{
  const char *data_dir = g_getenv ("CREDLINK_DATA_DIR");

  if (data_dir != NULL && data_dir[0] != '\0')
    return g_build_filename (data_dir, "profiles", NULL);
  return g_build_filename (g_get_user_data_dir (), "credlink", "profiles", NULL);
}


gboolean
cl_signing_profile_store_name_is_valid (const char *name)
{
  gsize len = name != NULL ? strlen (name) : 0;

  if (len == 0 || len > MAX_NAME_LEN || name[0] == '.' || !g_utf8_validate (name, len, NULL))
    return FALSE;
  /* A test identity's name is also its certificate's common name, the signer's name
   * validators show: a person's name, with spaces and accents. The name is a folder
   * name too, so no separators, and no spaces at the ends. */
  if (name[0] == ' ' || name[len - 1] == ' ')
    return FALSE;
  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p)) {
    gunichar c = g_utf8_get_char (p);

    if (!g_unichar_isalnum (c) && c != ' ' && c != '.' && c != '_' && c != '-')
      return FALSE;
  }
  return TRUE;
}


static char *
profile_dir (const char  *root,
             const char  *name,
             GError     **error)
{
  if (!cl_signing_profile_store_name_is_valid (name)) {
    g_set_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_PROFILE,
                 _("“%s” is not a valid profile name (use letters, digits, spaces, “.”, “_” and “-”)"),
                 name);
    return NULL;
  }
  return g_build_filename (root, name, NULL);
}


static char *
x509_to_pem (X509 *cert)
{
  BIO *bio = BIO_new (BIO_s_mem ());
  char *data = NULL;
  long len;
  char *pem;

  PEM_write_bio_X509 (bio, cert);
  len = BIO_get_mem_data (bio, &data);
  pem = g_strndup (data, len);
  BIO_free (bio);
  return pem;
}


static char *
format_asn1_time (const ASN1_TIME *time)
{
  struct tm tm;
  g_autoptr(GDateTime) date_time = NULL;

  if (ASN1_TIME_to_tm (time, &tm) != 1)
    return g_strdup ("");
  date_time = g_date_time_new_utc (tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
                                   tm.tm_min, tm.tm_sec);
  return date_time != NULL ? g_date_time_format_iso8601 (date_time) : g_strdup ("");
}


static char *
subject_line (X509 *cert)
{
  char *line = X509_NAME_oneline (X509_get_subject_name (cert), NULL, 0);
  char *copy = g_strdup (line != NULL ? line : "");

  OPENSSL_free (line);
  return copy;
}


static char *
profile_metadata_json (ClSigningProfile *profile)
{
  X509 *leaf = cl_signing_profile_get_leaf (profile);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *created = g_date_time_format_iso8601 (now);
  g_autofree char *subject = subject_line (leaf);
  g_autofree char *not_after = format_asn1_time (X509_get0_notAfter (leaf));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, cl_signing_profile_get_name (profile));
  json_builder_set_member_name (builder, "created");
  json_builder_add_string_value (builder, created);
  json_builder_set_member_name (builder, "algorithm");
  json_builder_add_string_value (builder, cl_cose_alg_to_string (cl_signing_profile_get_alg (profile)));
  json_builder_set_member_name (builder, "subject");
  json_builder_add_string_value (builder, subject);
  json_builder_set_member_name (builder, "not_after");
  json_builder_add_string_value (builder, not_after);
  json_builder_set_member_name (builder, "test_identity");
  json_builder_add_boolean_value (builder, cl_signing_profile_is_test_identity (profile));
  if (cl_signing_profile_get_token (profile) != NULL) {
    json_builder_set_member_name (builder, "token");
    json_builder_add_string_value (builder, cl_signing_profile_get_token (profile)->token);
  }
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, NULL);
}


static void
add_optional_string (JsonBuilder *builder,
                     const char  *member,
                     const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, value);
}


/* Where a token profile's key is: module, token, key label or id. Never the PIN. */
static char *
token_json (const ClPkcs11KeyRef *ref)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  add_optional_string (builder, "module", ref->module);
  add_optional_string (builder, "token", ref->token);
  add_optional_string (builder, "key_label", ref->key_label);
  add_optional_string (builder, "key_id", ref->key_id);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, NULL);
}


/* The token reference saved in path; NULL when the profile keeps its key in a file. */
static ClPkcs11KeyRef *
read_token_json (const char  *path,
                 GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *object;
  const char *module, *token, *key_label, *key_id;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return NULL;
  if (!json_parser_load_from_file (parser, path, NULL) ||
      json_parser_get_root (parser) == NULL ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser))) {
    g_set_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_PROFILE,
                 _("“%s” is damaged: it does not say where the token's key is"), path);
    return NULL;
  }
  object = json_node_get_object (json_parser_get_root (parser));
  module = json_object_get_string_member_with_default (object, "module", NULL);
  token = json_object_get_string_member_with_default (object, "token", NULL);
  key_label = json_object_get_string_member_with_default (object, "key_label", NULL);
  key_id = json_object_get_string_member_with_default (object, "key_id", NULL);
  if (module == NULL || token == NULL || (key_label == NULL && key_id == NULL)) {
    g_set_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_PROFILE,
                 _("“%s” is damaged: it does not say where the token's key is"), path);
    return NULL;
  }
  return cl_pkcs11_key_ref_new (module, token, key_label, key_id);
}


static gboolean
write_private_file (const char  *dir,
                    const char  *file_name,
                    const char  *contents,
                    gsize        len,
                    GError     **error)
{
  g_autofree char *path = g_build_filename (dir, file_name, NULL);

  return cl_atomic_file_set_contents (path, contents, (gssize) len, 0600, error);
}


static void
remove_profile_files (const char *dir)
{
  for (gsize i = 0; i < G_N_ELEMENTS (profile_files); i++) {
    g_autofree char *path = g_build_filename (dir, profile_files[i], NULL);

    g_unlink (path);
  }
  g_rmdir (dir);
}


/* PKCS#8 EncryptedPrivateKeyInfo: PBES2 with scrypt (N = 2^14, r = 8, p = 1: about
 * 16 MiB and a tenth of a second per guess) and AES-256-CBC. OpenSSL's own default
 * would be PBKDF2 with only 2048 iterations. */
static gboolean
write_encrypted_key (BIO        *bio,
                     EVP_PKEY   *key,
                     const char *passphrase)
{
  X509_ALGOR *pbe = PKCS5_pbe2_set_scrypt (EVP_aes_256_cbc (), NULL, 0, NULL,
                                           SCRYPT_N, SCRYPT_R, SCRYPT_P);
  PKCS8_PRIV_KEY_INFO *info = EVP_PKEY2PKCS8 (key);
  X509_SIG *encrypted = NULL;
  gboolean ok;

  if (pbe != NULL && info != NULL)
    encrypted = PKCS8_set0_pbe (passphrase, (int) strlen (passphrase), info, pbe);
  if (encrypted == NULL)
    X509_ALGOR_free (pbe);   /* PKCS8_set0_pbe takes it only on success */
  ok = encrypted != NULL && PEM_write_bio_PKCS8 (bio, encrypted) == 1;
  X509_SIG_free (encrypted);
  PKCS8_PRIV_KEY_INFO_free (info);
  return ok;
}


gboolean
cl_signing_profile_store_check_passphrase (const char  *passphrase,
                                           GError     **error)
{
  if (passphrase == NULL || strlen (passphrase) < CL_SIGNING_PROFILE_STORE_MIN_PASSPHRASE) {
    g_set_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_PASSPHRASE,
                 _("The passphrase must have at least %d characters"),
                 CL_SIGNING_PROFILE_STORE_MIN_PASSPHRASE);
    return FALSE;
  }
  return TRUE;
}


gboolean
cl_signing_profile_store_save (const char  *root,
                       ClSigningProfile   *profile,
                       const char  *passphrase,
                       GError     **error)
{
  g_autofree char *dir = profile_dir (root, cl_signing_profile_get_name (profile), error);
  g_autoptr(GString) chain_pem = g_string_new (NULL);
  g_autofree char *metadata = NULL;
  STACK_OF (X509) *chain = cl_signing_profile_get_chain (profile);
  BIO *bio;
  char *key_data = NULL;
  long key_len;
  gboolean ok;

  const ClPkcs11KeyRef *token = cl_signing_profile_get_token (profile);

  if (dir == NULL)
    return FALSE;
  if (cl_signing_profile_get_key (profile) == NULL && token == NULL) {
    g_set_error_literal (error, CL_SIGN_ERROR, CL_SIGN_ERROR_PROFILE,
                         _("The profile has no private key to store"));
    return FALSE;
  }
  if (token == NULL && !cl_signing_profile_store_check_passphrase (passphrase, error))
    return FALSE;
  if (g_mkdir_with_parents (root, 0700) != 0) {
    int saved_errno = errno;

    g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                 _("Cannot create the profile folder “%s”: %s"), root, g_strerror (saved_errno));
    return FALSE;
  }
  if (g_mkdir (dir, 0700) != 0) {
    int saved_errno = errno;

    if (saved_errno == EEXIST)
      g_set_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_PROFILE,
                   _("A profile named “%s” already exists"), cl_signing_profile_get_name (profile));
    else
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Cannot create the profile folder “%s”: %s"), dir,
                   g_strerror (saved_errno));
    return FALSE;
  }

  for (int i = 0; i < sk_X509_num (chain); i++) {
    g_autofree char *pem = x509_to_pem (sk_X509_value (chain, i));

    g_string_append (chain_pem, pem);
  }

  if (token != NULL) {
    /* The key stays on the token: the profile says only where it is. */
    g_autofree char *token_text = token_json (token);

    metadata = profile_metadata_json (profile);
    ok = write_private_file (dir, TOKEN_FILE, token_text, strlen (token_text), error) &&
         write_private_file (dir, CHAIN_FILE, chain_pem->str, chain_pem->len, error) &&
         write_private_file (dir, META_FILE, metadata, strlen (metadata), error);
    if (!ok)
      remove_profile_files (dir);
    return ok;
  }
  bio = BIO_new (BIO_s_mem ());
  ok = write_encrypted_key (bio, cl_signing_profile_get_key (profile), passphrase);
  key_len = BIO_get_mem_data (bio, &key_data);
  if (!ok) {
    BIO_free (bio);
    ERR_clear_error ();
    remove_profile_files (dir);
    g_set_error_literal (error, CL_SIGN_ERROR, CL_SIGN_ERROR_PROFILE,
                         _("The private key could not be encrypted"));
    return FALSE;
  }

  metadata = profile_metadata_json (profile);
  ok = write_private_file (dir, KEY_FILE, key_data, key_len, error) &&
       write_private_file (dir, CHAIN_FILE, chain_pem->str, chain_pem->len, error);
  BIO_free (bio);
  if (ok && cl_signing_profile_get_test_ca (profile) != NULL) {
    g_autofree char *ca_pem = x509_to_pem (cl_signing_profile_get_test_ca (profile));

    ok = write_private_file (dir, CA_FILE, ca_pem, strlen (ca_pem), error);
  }
  ok = ok && write_private_file (dir, META_FILE, metadata, strlen (metadata), error);
  if (!ok)
    remove_profile_files (dir);
  return ok;
}


static X509 *
read_pem_certificate (const char *path)
{
  g_autofree char *contents = NULL;
  gsize len;
  BIO *bio;
  X509 *cert;

  if (!g_file_get_contents (path, &contents, &len, NULL))
    return NULL;
  bio = BIO_new_mem_buf (contents, (int) len);
  cert = PEM_read_bio_X509 (bio, NULL, NULL, NULL);
  BIO_free (bio);
  ERR_clear_error ();
  return cert;
}


/* A profile's key could not be read: a wrong passphrase is said with its name. */
static void
propagate_load_error (const char  *name,
                      GError      *local_error,
                      GError     **error)
{
  if (g_error_matches (local_error, CL_SIGN_ERROR, CL_SIGN_ERROR_PASSPHRASE)) {
    g_set_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_PASSPHRASE,
                 _("Wrong passphrase for the signing profile “%s”"), name);
    g_error_free (local_error);
  } else {
    g_propagate_error (error, local_error);
  }
}


ClSigningProfile *
cl_signing_profile_store_load (const char  *root,
                       const char  *name,
                       const char  *passphrase,
                       GError     **error)
{
  g_autofree char *dir = profile_dir (root, name, error);
  g_autofree char *chain_path = NULL;
  g_autofree char *key_path = NULL;
  g_autofree char *ca_path = NULL;
  g_autofree char *token_path = NULL;
  g_autoptr(ClPkcs11KeyRef) token = NULL;
  g_autoptr(GError) local_error = NULL;
  ClSigningProfile *profile;
  X509 *ca;

  if (dir == NULL)
    return NULL;
  /* A save interrupted (the process killed) may have left a temporary file here. */
  cl_atomic_file_remove_stale (dir, CL_ATOMIC_FILE_STALE_AGE);
  chain_path = g_build_filename (dir, CHAIN_FILE, NULL);
  key_path = g_build_filename (dir, KEY_FILE, NULL);
  ca_path = g_build_filename (dir, CA_FILE, NULL);
  if (!g_file_test (chain_path, G_FILE_TEST_IS_REGULAR)) {
    g_set_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_PROFILE,
                 _("There is no signing profile named “%s”"), name);
    return NULL;
  }
  token_path = g_build_filename (dir, TOKEN_FILE, NULL);
  token = read_token_json (token_path, &local_error);
  if (local_error != NULL) {
    g_propagate_error (error, g_steal_pointer (&local_error));
    return NULL;
  }
  /* A token profile's "passphrase" is the token's PIN; its errors say so themselves. */
  if (token != NULL)
    return cl_token_profile_open (name, chain_path, token, passphrase, error);
  profile = cl_signing_profile_new_from_pem (name, chain_path, passphrase != NULL ? key_path : NULL,
                                     passphrase, &local_error);
  if (profile == NULL) {
    propagate_load_error (name, g_steal_pointer (&local_error), error);
    return NULL;
  }
  ca = read_pem_certificate (ca_path);
  if (ca != NULL) {
    cl_signing_profile_set_test_ca (profile, ca);
    X509_free (ca);
  }
  return profile;
}


/* What the unlock thread reads: the profile's files and the passphrase (wiped after). */
typedef struct {
  char *name;
  char *chain_path;
  char *key_path;
  char *passphrase;
} StoredKey;


static void
stored_key_free (gpointer data)
{
  StoredKey *stored = data;

  g_free (stored->name);
  g_free (stored->chain_path);
  g_free (stored->key_path);
  OPENSSL_cleanse (stored->passphrase, strlen (stored->passphrase));
  g_free (stored->passphrase);
  g_free (stored);
}


/* The key read (and checked against the chain) as cl_signing_profile_store_load reads it. */
static EVP_PKEY *
unlock_stored_key (gpointer   data,
                   GError   **error)
{
  StoredKey *stored = data;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(ClSigningProfile) unlocked = NULL;
  EVP_PKEY *key;

  unlocked = cl_signing_profile_new_from_pem (stored->name, stored->chain_path, stored->key_path,
                                              stored->passphrase, &local_error);
  if (unlocked == NULL) {
    propagate_load_error (stored->name, g_steal_pointer (&local_error), error);
    return NULL;
  }
  key = cl_signing_profile_get_key (unlocked);
  EVP_PKEY_up_ref (key);
  return key;
}


ClSigningProfile *
cl_signing_profile_store_load_unlocking (const char  *root,
                                         const char  *name,
                                         const char  *passphrase,
                                         GError     **error)
{
  ClSigningProfile *profile;
  g_autofree char *dir = NULL;
  StoredKey *stored;

  if (passphrase == NULL || cl_signing_profile_store_is_token (root, name))
    return cl_signing_profile_store_load (root, name, passphrase, error);
  profile = cl_signing_profile_store_load (root, name, NULL, error);
  if (profile == NULL)
    return NULL;
  dir = profile_dir (root, name, NULL);
  stored = g_new0 (StoredKey, 1);
  stored->name = g_strdup (name);
  stored->chain_path = g_build_filename (dir, CHAIN_FILE, NULL);
  stored->key_path = g_build_filename (dir, KEY_FILE, NULL);
  stored->passphrase = g_strdup (passphrase);
  cl_signing_profile_unlock_later (profile, cl_key_unlock_start (unlock_stored_key, stored,
                                                                 stored_key_free));
  return profile;
}


static gint
compare_summaries (gconstpointer a,
                   gconstpointer b)
{
  const ClSigningProfileSummary *sa = *(ClSigningProfileSummary * const *) a;
  const ClSigningProfileSummary *sb = *(ClSigningProfileSummary * const *) b;

  return g_strcmp0 (sa->name, sb->name);
}


static char *
dup_member (JsonObject *object,
            const char *member)
{
  return g_strdup (json_object_get_string_member_with_default (object, member, ""));
}


/* Listing the profiles is what the application does when it starts: the temporary files
 * of a save interrupted (the process killed) are removed then. */
static void
remove_stale_temporaries (const char *root,
                          const char *name)
{
  g_autofree char *dir = g_build_filename (root, name, NULL);

  cl_atomic_file_remove_stale (dir, CL_ATOMIC_FILE_STALE_AGE);
}


GPtrArray *
cl_signing_profile_store_list (const char  *root,
                       GError     **error)
{
  g_autoptr(GPtrArray) profiles =
    g_ptr_array_new_with_free_func ((GDestroyNotify) cl_signing_profile_summary_free);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *entry;

  dir = g_dir_open (root, 0, &local_error);
  if (dir == NULL) {
    if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
      return g_steal_pointer (&profiles);
    g_propagate_error (error, g_steal_pointer (&local_error));
    return NULL;
  }
  while ((entry = g_dir_read_name (dir)) != NULL) {
    g_autofree char *meta_path = g_build_filename (root, entry, META_FILE, NULL);
    g_autoptr(JsonParser) parser = json_parser_new ();
    ClSigningProfileSummary *summary;
    JsonNode *node;
    JsonObject *object;

    if (!cl_signing_profile_store_name_is_valid (entry))
      continue;
    remove_stale_temporaries (root, entry);
    if (!json_parser_load_from_file (parser, meta_path, NULL))
      continue;
    node = json_parser_get_root (parser);
    if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
      continue;
    object = json_node_get_object (node);
    summary = g_new0 (ClSigningProfileSummary, 1);
    summary->name = g_strdup (entry);
    summary->subject = dup_member (object, "subject");
    summary->algorithm = dup_member (object, "algorithm");
    summary->not_after = dup_member (object, "not_after");
    summary->test_identity = json_object_get_boolean_member_with_default (object,
                                                                          "test_identity",
                                                                          FALSE);
    summary->token = g_strdup (json_object_get_string_member_with_default (object, "token",
                                                                          NULL));
    g_ptr_array_add (profiles, summary);
  }
  g_ptr_array_sort (profiles, compare_summaries);
  return g_steal_pointer (&profiles);
}


gboolean
cl_signing_profile_store_is_token (const char *root,
                                   const char *name)
{
  g_autofree char *path = NULL;

  if (!cl_signing_profile_store_name_is_valid (name))
    return FALSE;
  path = g_build_filename (root, name, TOKEN_FILE, NULL);
  return g_file_test (path, G_FILE_TEST_IS_REGULAR);
}


gboolean
cl_signing_profile_store_remove (const char  *root,
                         const char  *name,
                         GError     **error)
{
  g_autofree char *dir = profile_dir (root, name, error);
  g_autofree char *meta_path = NULL;

  if (dir == NULL)
    return FALSE;
  meta_path = g_build_filename (dir, META_FILE, NULL);
  if (!g_file_test (meta_path, G_FILE_TEST_IS_REGULAR)) {
    g_set_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_PROFILE,
                 _("There is no signing profile named “%s”"), name);
    return FALSE;
  }
  remove_profile_files (dir);
  if (g_file_test (dir, G_FILE_TEST_EXISTS)) {
    g_set_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_PROFILE,
                 _("The profile folder “%s” could not be removed completely"), dir);
    return FALSE;
  }
  return TRUE;
}


gboolean
cl_signing_profile_store_export_ca (const char  *root,
                            const char  *name,
                            const char  *path,
                            GError     **error)
{
  g_autofree char *dir = profile_dir (root, name, error);
  g_autofree char *ca_path = NULL;
  g_autofree char *contents = NULL;
  gsize len;

  if (dir == NULL)
    return FALSE;
  ca_path = g_build_filename (dir, CA_FILE, NULL);
  if (!g_file_get_contents (ca_path, &contents, &len, NULL)) {
    g_set_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_PROFILE,
                 _("“%s” is not a local test identity: there is no CA of ours to export"), name);
    return FALSE;
  }
  return cl_atomic_file_set_contents (path, contents, (gssize) len, 0644, error);
}
