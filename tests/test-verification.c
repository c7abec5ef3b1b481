/* test-verification.c: one file verified end to end — verdict and reason, the trust
 * engine's result, the confidence breakdown, and the proof cache remembering it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "cl-asset.h"
#include "cl-content-hash.h"
#include "cl-proof-cache.h"
#include "cl-test-c2pa.h"
#include "cl-test-pki.h"
#include "cl-test-tmp.h"
#include "cl-trust-list.h"
#include "cl-verification.h"

typedef struct {
  ClTestPki        *pki;
  ClTestSigner     *signer;
  ClTestSignedJpeg *jpeg;
  char             *path;
  ClTrustStore     *no_lists;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  /* A C2PA-profile signer issued by an intermediate (the files carry the signer only). */
  f->pki = cl_test_pki_new (NULL, NULL);
  f->signer = g_new0 (ClTestSigner, 1);
  f->signer->key = f->pki->signer->key;
  EVP_PKEY_up_ref (f->signer->key);
  f->signer->cert = X509_dup (f->pki->signer->cert);
  f->signer->cert_der = cl_test_cred_der (f->pki->signer);
  f->jpeg = cl_test_signed_jpeg_new (f->signer);
  f->path = cl_test_write_temp (f->jpeg->file, "signed.jpg");
  f->no_lists = cl_trust_store_new (NULL);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_free (f->path);
  g_object_unref (f->no_lists);
  cl_test_signed_jpeg_free (f->jpeg);
  cl_test_signer_free (f->signer);
  cl_test_pki_free (f->pki);
}

static ClVerification *
verify (const char *path, ClTrustStore *store)
{
  ClVerifyOptions options = CL_VERIFY_OPTIONS_INIT;

  options.trust_store = store;
  return cl_verify_file (path, &options, NULL);
}

static void
test_valid_untrusted (Fixture *f, gconstpointer data)
{
  g_autoptr(ClVerification) v = verify (f->path, f->no_lists);
  g_autoptr(JsonNode) json = cl_verification_to_json (v);
  JsonObject *o = json_node_get_object (json);

  g_assert_no_error (v->error);
  if (v->verdict != CL_VERDICT_VALID) {
    g_autofree char *text = json_to_string (json, TRUE);

    g_test_message ("%s", text);
  }
  g_assert_cmpint (v->verdict, ==, CL_VERDICT_VALID);
  g_assert_nonnull (g_strstr_len (v->reason, -1, "none of your trust lists"));
  g_assert_nonnull (v->trust);
  g_assert_false (v->trust->trusted);
  g_assert_cmpuint (v->confidence->score, ==, 60);
  g_assert_cmpstr (json_object_get_string_member (o, "verdict"), ==, "valid");
  g_assert_cmpstr (json_object_get_string_member (o, "validation_state"), ==, "Valid");
  g_assert_true (json_object_has_member (o, "trust"));
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (o, "confidence"),
                                               "score"), ==, 60);
}

/* The signer's issuer on a user list: trusted, and the list is named. */
static void
test_trusted_by_list (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) anchors = g_ptr_array_new ();
  g_autoptr(GPtrArray) lists = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ClTrustList) list = NULL;
  g_autoptr(ClTrustStore) store = NULL;
  g_autoptr(ClVerification) v = NULL;

  g_ptr_array_add (anchors, f->pki->intermediate->cert);
  list = cl_trust_list_new ("newsroom", CL_TRUST_LIST_KIND_USER, "test", 0, anchors, NULL, NULL,
                            &error);
  g_assert_no_error (error);
  g_ptr_array_add (lists, list);
  store = cl_trust_store_new (lists);

  v = verify (f->path, store);
  g_assert_cmpint (v->verdict, ==, CL_VERDICT_TRUSTED);
  g_assert_true (v->trust->trusted);
  g_assert_cmpstr (v->trust->list_name, ==, "newsroom");
  g_assert_nonnull (g_strstr_len (v->reason, -1, "“newsroom”"));
  g_assert_cmpuint (v->confidence->score, ==, 75);
}

static void
test_tampered_pixels (Fixture *f, gconstpointer data)
{
  gsize len = g_bytes_get_size (f->jpeg->file);
  g_autofree guint8 *bytes = g_memdup2 (g_bytes_get_data (f->jpeg->file, NULL), len);
  g_autoptr(GBytes) tampered = NULL;
  g_autofree char *path = NULL;
  g_autoptr(ClVerification) v = NULL;

  bytes[f->jpeg->pixel_offset] ^= 0x01;
  tampered = g_bytes_new (bytes, len);
  path = cl_test_write_temp (tampered, "tampered.jpg");
  v = verify (path, f->no_lists);
  g_assert_cmpint (v->verdict, ==, CL_VERDICT_INVALID);
  g_assert_cmpstr (v->reason, ==, "The image was changed after it was signed");
  g_assert_cmpuint (v->confidence->score, ==, 10);
}

static void
test_no_credentials_and_errors (Fixture *f, gconstpointer data)
{
  g_autoptr(GBytes) plain = cl_test_plain_jpeg ();
  g_autoptr(GBytes) text = g_bytes_new_static ("not an image", 12);
  g_autofree char *plain_path = cl_test_write_temp (plain, "plain.jpg");
  g_autofree char *text_path = cl_test_write_temp (text, "notes.txt");
  g_autoptr(ClVerification) none = verify (plain_path, f->no_lists);
  g_autoptr(ClVerification) error = verify (text_path, f->no_lists);
  g_autoptr(JsonNode) json = cl_verification_to_json (error);

  g_assert_cmpint (none->verdict, ==, CL_VERDICT_NO_CREDENTIALS);
  g_assert_null (none->trust);
  g_assert_cmpuint (none->confidence->score, ==, 0);
  g_assert_cmpint (error->verdict, ==, CL_VERDICT_ERROR);
  g_assert_nonnull (error->error);
  g_assert_null (error->report);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (json), "verdict"), ==,
                   "error");
}

/* Verified twice: the second time the proof cache holds the same manifest, and there is one
 * proof; but seeing the file again adds nothing to the confidence. */
static void
test_proof_cache (Fixture *f, gconstpointer data)
{
  g_autofree char *dir = cl_test_tmp_dir_new ("credlink-verification", CL_TEST_TMP_UNTIL_CASE_ENDS);
  g_autofree char *db = g_build_filename (dir, "proofs.db", NULL);
  ClVerifyOptions options = CL_VERIFY_OPTIONS_INIT;
  g_autoptr(ClVerification) first = NULL;
  g_autoptr(ClVerification) second = NULL;
  g_autoptr(ClProofCache) cache = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) json = NULL;
  ClProofCacheStats stats;
  JsonObject *proof;

  options.trust_store = f->no_lists;
  options.use_proof_cache = TRUE;
  options.proof_db = db;
  first = cl_verify_file (f->path, &options, NULL);
  g_assert_cmpint (first->proof_state, ==, CL_CONFIDENCE_PROOF_NOT_FOUND);
  second = cl_verify_file (f->path, &options, NULL);
  g_assert_cmpint (second->proof_state, ==, CL_CONFIDENCE_PROOF_MATCHES);
  g_assert_false (second->proof_signed_here);
  g_assert_cmpuint (cl_confidence_get_component (second->confidence, "proof-cache")->points, ==, 0);
  g_assert_cmpuint (second->confidence->score, ==, first->confidence->score);

  json = cl_verification_to_json (second);
  proof = json_object_get_object_member (json_node_get_object (json), "proof");
  g_assert_true (json_object_get_boolean_member (proof, "found"));
  g_assert_true (json_object_get_boolean_member (proof, "matches"));
  g_assert_cmpstr (json_object_get_string_member (proof, "kind"), ==, "verified");

  cache = cl_proof_cache_open (db, &error);
  g_assert_true (cl_proof_cache_get_stats (cache, &stats, &error));
  g_assert_cmpuint (stats.n_verified, ==, 1);
}

/* The signing record of the fixture's file in the proof cache at db, as the signer keeps it
 * (content hash, label, the whole manifest store). */
static ClProofCache *
store_signed_proof (Fixture    *f,
                    const char *db)
{
  g_autoptr(ClProof) proof = cl_proof_new (CL_PROOF_KIND_SIGNED);
  g_autoptr(GFile) signed_file = g_file_new_for_path (f->path);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClAssetInfo) info = cl_asset_read_file (f->path, NULL, &error);
  ClProofCache *cache;

  g_assert_no_error (error);
  cache = cl_proof_cache_open (db, &error);
  g_assert_no_error (error);
  proof->content_hash = cl_content_hash_file (signed_file,
                                              (ClByteRange *) info->store_ranges->data,
                                              info->store_ranges->len, NULL, &error);
  proof->manifest_label = g_strdup (f->jpeg->manifest_label);
  proof->manifest_store = g_bytes_ref (info->store);
  proof->verdict = CL_PROOF_VERDICT_VALID;
  proof->source_name = g_strdup ("signed.jpg");
  g_assert_true (cl_proof_cache_store (cache, proof, 30, NULL, &error));
  g_assert_no_error (error);
  return cache;
}

/* A proof with the same content and active manifest label but another claim signature (a
 * forged manifest can carry the label of a genuine one): not the same manifest. */
static void
test_proof_cache_same_label_other_signature (Fixture *f, gconstpointer data)
{
  g_autofree char *dir = cl_test_tmp_dir_new ("credlink-same-label", CL_TEST_TMP_UNTIL_CASE_ENDS);
  g_autofree char *db = g_build_filename (dir, "proofs.db", NULL);
  g_autoptr(ClProofCache) cache = NULL;
  g_autoptr(ClVerification) first = NULL;
  g_autoptr(ClVerification) v = NULL;
  g_autoptr(ClProof) forged = cl_proof_new (CL_PROOF_KIND_VERIFIED);
  g_autoptr(GError) error = NULL;
  ClVerifyOptions options = CL_VERIFY_OPTIONS_INIT;

  options.trust_store = f->no_lists;
  /* The content hash, from a look that records nothing. */
  first = cl_verify_file (f->path, &options, NULL);
  cache = cl_proof_cache_open (db, &error);
  g_assert_no_error (error);
  forged->content_hash = cl_content_hash_hex (first->report->content_sha256, 32);
  forged->manifest_label = g_strdup (f->jpeg->manifest_label);
  forged->claim_signature_hash = g_strnfill (64, '0');
  forged->verdict = CL_PROOF_VERDICT_VALID;
  g_assert_true (cl_proof_cache_store (cache, forged, 30, NULL, &error));
  g_assert_no_error (error);

  options.use_proof_cache = TRUE;
  options.proof_db = db;
  v = cl_verify_file (f->path, &options, NULL);
  g_assert_cmpint (v->proof_state, ==, CL_CONFIDENCE_PROOF_DIFFERS);
  g_assert_cmpuint (cl_confidence_get_component (v->confidence, "proof-cache")->points, ==, 0);
}

/* Signed on this computer: the cache's signing record holds the same manifest (label and
 * claim signature), and the intact file gains its points, the same on every look. The same
 * file with an assertion changed (the content, and so the cache key, unchanged) gains
 * nothing. */
static void
test_proof_cache_signed_here (Fixture *f, gconstpointer data)
{
  g_autofree char *dir = cl_test_tmp_dir_new ("credlink-signed-here", CL_TEST_TMP_UNTIL_CASE_ENDS);
  g_autofree char *db = g_build_filename (dir, "proofs.db", NULL);
  g_autoptr(ClProofCache) cache = store_signed_proof (f, db);
  g_autoptr(GBytes) tampered = cl_test_flip_byte (f->jpeg->file, f->jpeg->actions_offset + 8, 0x01);
  g_autofree char *tampered_path = cl_test_write_temp (tampered, "tampered.jpg");
  ClVerifyOptions options = CL_VERIFY_OPTIONS_INIT;
  g_autoptr(ClVerification) first = NULL;
  g_autoptr(ClVerification) again = NULL;
  g_autoptr(ClVerification) changed = NULL;

  options.trust_store = f->no_lists;
  options.use_proof_cache = TRUE;
  options.proof_db = db;
  first = cl_verify_file (f->path, &options, NULL);
  again = cl_verify_file (f->path, &options, NULL);
  changed = cl_verify_file (tampered_path, &options, NULL);

  g_assert_cmpint (first->proof_state, ==, CL_CONFIDENCE_PROOF_MATCHES);
  g_assert_true (first->proof_signed_here);
  g_assert_cmpuint (cl_confidence_get_component (first->confidence, "proof-cache")->points, ==, 5);
  g_assert_cmpuint (again->confidence->score, ==, first->confidence->score);
  g_assert_cmpint (changed->verdict, ==, CL_VERDICT_INVALID);
  g_assert_cmpint (changed->proof_state, ==, CL_CONFIDENCE_PROOF_MATCHES);
  g_assert_cmpuint (cl_confidence_get_component (changed->confidence, "proof-cache")->points, ==, 0);
  g_assert_cmpuint (changed->confidence->score, <=, 10);
}

/* Signed here (a signed proof with its store), then stripped by a platform: recovered.
 * One pixel byte changed in the stripped copy: not recovered. */
static void
test_recovered (Fixture *f, gconstpointer data)
{
  g_autofree char *dir = cl_test_tmp_dir_new ("credlink-recover", CL_TEST_TMP_UNTIL_CASE_ENDS);
  g_autofree char *db = g_build_filename (dir, "proofs.db", NULL);
  gsize len = g_bytes_get_size (f->jpeg->file);
  const guint8 *signed_bytes = g_bytes_get_data (f->jpeg->file, NULL);
  g_autoptr(GByteArray) stripped = g_byte_array_new ();
  g_autoptr(GBytes) stripped_bytes = NULL;
  g_autoptr(GBytes) altered_bytes = NULL;
  g_autofree char *stripped_path = NULL;
  g_autofree char *altered_path = NULL;
  g_autoptr(ClProofCache) cache = NULL;
  g_autoptr(ClVerification) v = NULL;
  g_autoptr(ClVerification) w = NULL;
  ClVerifyOptions options = CL_VERIFY_OPTIONS_INIT;

  cache = store_signed_proof (f, db);
  /* A platform drops the APP11 segment. */
  g_byte_array_append (stripped, signed_bytes, (guint) f->jpeg->store_offset);
  g_byte_array_append (stripped, signed_bytes + f->jpeg->store_offset + f->jpeg->store_length,
                       (guint) (len - f->jpeg->store_offset - f->jpeg->store_length));
  stripped_bytes = g_bytes_new (stripped->data, stripped->len);
  stripped_path = cl_test_write_temp (stripped_bytes, "stripped.jpg");

  options.trust_store = f->no_lists;
  options.use_proof_cache = TRUE;
  options.proof_db = db;
  v = cl_verify_file (stripped_path, &options, NULL);
  g_assert_no_error (v->error);
  g_assert_true (v->recovered);
  g_assert_cmpint (v->verdict, ==, CL_VERDICT_VALID);
  g_assert_true (g_str_has_prefix (v->reason, "Credentials recovered from your proof cache"));
  g_assert_cmpuint (v->report->file_size, ==, stripped->len);
  g_assert_cmpint (v->proof_state, ==, CL_CONFIDENCE_PROOF_MATCHES);
  /* The cache gave the credentials: it cannot also vouch for them. */
  g_assert_cmpuint (cl_confidence_get_component (v->confidence, "proof-cache")->points, ==, 0);
  g_assert_cmpuint (v->confidence->score, ==, 60);

  /* The stripped copy, one pixel byte changed: nothing to recover. */
  stripped->data[f->jpeg->pixel_offset - f->jpeg->store_length] ^= 0x40;
  altered_bytes = g_bytes_new (stripped->data, stripped->len);
  altered_path = cl_test_write_temp (altered_bytes, "altered.jpg");
  w = cl_verify_file (altered_path, &options, NULL);
  g_assert_false (w->recovered);
  g_assert_cmpint (w->verdict, ==, CL_VERDICT_NO_CREDENTIALS);
}

static void
verified_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  ClVerification **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = cl_verify_file_finish (result, &error);
  g_assert_no_error (error);
}

static void
test_async (Fixture *f, gconstpointer data)
{
  ClVerifyOptions options = CL_VERIFY_OPTIONS_INIT;
  ClVerification *v = NULL;

  options.trust_store = f->no_lists;
  cl_verify_file_async (f->path, &options, NULL, verified_cb, &v);
  while (v == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (v->verdict, ==, CL_VERDICT_VALID);
  cl_verification_unref (v);
}

/* OpenSSL 3.0 fills its decoder caches on first use; threads that race there used to read
 * a signer's key as "decode error" (a valid file reported as a broken signer). Each child
 * process verifies in three threads at once, from a cold start. */
typedef struct {
  const char *path;
  ClVerdict   verdict;
} ParallelJob;

static gpointer
parallel_verify (gpointer data)
{
  ParallelJob *job = data;
  ClVerifyOptions options = CL_VERIFY_OPTIONS_INIT;
  g_autoptr(ClTrustStore) no_lists = cl_trust_store_new (NULL);
  g_autoptr(ClVerification) v = NULL;

  options.trust_store = no_lists;
  v = cl_verify_file (job->path, &options, NULL);
  job->verdict = v->verdict;
  return NULL;
}

static void
test_parallel_cold_start (void)
{
  const char *shared = g_getenv ("CREDLINK_SHARED_DIR");
  g_autofree char *rsa = shared ? g_build_filename (shared, "c2pa-fixtures", "images", "C.jpg",
                                                    NULL) : NULL;
  g_autofree char *ec = shared ? g_build_filename (shared, "c2pa-fixtures", "signed-by-peers",
                                                   "c2pa-node-es256.jpg", NULL) : NULL;

  if (rsa == NULL || !g_file_test (rsa, G_FILE_TEST_EXISTS) || !g_file_test (ec, G_FILE_TEST_EXISTS)) {
    g_test_skip ("the shared C2PA fixtures are not present");
    return;
  }
  if (g_test_subprocess ()) {
    ParallelJob jobs[4] = { { rsa, 0 }, { rsa, 0 }, { ec, 0 }, { ec, 0 } };
    GThread *threads[4];

    for (int i = 0; i < 4; i++)
      threads[i] = g_thread_new ("verify", parallel_verify, &jobs[i]);
    for (int i = 0; i < 4; i++)
      g_thread_join (threads[i]);
    for (int i = 0; i < 4; i++)
      g_assert_cmpint (jobs[i].verdict, ==, CL_VERDICT_VALID);
    return;
  }
  for (int round = 0; round < 15; round++) {
    g_test_trap_subprocess (NULL, 20 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
    g_test_trap_assert_passed ();
  }
}

/* A pipe named like a photo is an error at once, never a reader waiting for a writer (the
 * alarm fails the test instead); so are a socket and a device. */
static void
test_special_files (void)
{
  g_autofree char *dir = cl_test_tmp_dir_new ("credlink-special", CL_TEST_TMP_UNTIL_CASE_ENDS);
  g_autofree char *fifo = g_build_filename (dir, "photo.jpg", NULL);
  g_autofree char *sock = g_build_filename (dir, "sock.jpg", NULL);
  struct sockaddr_un addr = { .sun_family = AF_UNIX };
  const char *paths[] = { fifo, sock, "/dev/null" };
  int fd = socket (AF_UNIX, SOCK_STREAM, 0);

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_cmpuint (strlen (sock), <, sizeof addr.sun_path);
  strcpy (addr.sun_path, sock);
  g_assert_cmpint (bind (fd, (struct sockaddr *) &addr, sizeof addr), ==, 0);
  close (fd);

  alarm (10);
  for (gsize i = 0; i < G_N_ELEMENTS (paths); i++) {
    g_autoptr(ClVerification) v = cl_verify_file (paths[i], NULL, NULL);

    g_assert_error (v->error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
    g_assert_nonnull (strstr (v->error->message, "not a regular file"));
    g_assert_cmpint (v->verdict, ==, CL_VERDICT_ERROR);
  }
  alarm (0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/verification/parallel-cold-start", test_parallel_cold_start);
  g_test_add_func ("/verification/special-files", test_special_files);
#define ADD(name, func) \
  g_test_add ("/verification/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("valid-untrusted", test_valid_untrusted);
  ADD ("proof-cache-signed-here", test_proof_cache_signed_here);
  ADD ("proof-cache-same-label", test_proof_cache_same_label_other_signature);
  ADD ("trusted-by-list", test_trusted_by_list);
  ADD ("tampered-pixels", test_tampered_pixels);
  ADD ("no-credentials-and-errors", test_no_credentials_and_errors);
  ADD ("proof-cache", test_proof_cache);
  ADD ("async", test_async);
  ADD ("recovered-from-proof-cache", test_recovered);
#undef ADD
  return g_test_run ();
}
