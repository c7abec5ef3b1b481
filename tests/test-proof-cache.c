/* test-proof-cache.c: the proof cache on a real SQLite file in a temporary folder.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "cl-content-hash.h"
#include "cl-error.h"
#include "cl-proof-cache-private.h"
#include "cl-proof-cache-revocation.h"
#include "cl-proof-cache.h"
#include "cl-test-tmp.h"

/* 2026-01-01T00:00:00Z: a fixed "now" so expiry is exact. */
#define T0 G_GINT64_CONSTANT (1767225600)
#define DAY (24 * 60 * 60)

typedef struct {
  char *dir;
  char *path;
} Fixture;


static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = cl_test_tmp_dir_new ("credlink-proofs", CL_TEST_TMP_UNTIL_CASE_ENDS);
  fixture->path = g_build_filename (fixture->dir, "sub", "proofs.db", NULL);
}


static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_free (fixture->dir);
  g_free (fixture->path);
}


static char *
hash_of (const char *text)
{
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
}


static ClProof *
make_verified (const char *content,
               const char *label,
               gint64      when)
{
  ClProof *proof = cl_proof_new (CL_PROOF_KIND_VERIFIED);

  proof->content_hash = hash_of (content);
  proof->manifest_label = g_strdup (label);
  proof->verdict = label != NULL ? CL_PROOF_VERDICT_VALID : CL_PROOF_VERDICT_NO_MANIFEST;
  proof->signer_subject = g_strdup ("CN=Test Signer,O=CredLink Tests");
  proof->signer_fingerprint = hash_of ("signer certificate");
  proof->claim_signature_hash = label != NULL ? hash_of (label) : NULL;
  proof->signing_time = g_date_time_new_from_unix_utc (T0 - DAY);
  proof->report_json = g_strdup_printf ("{\"validation_state\":\"Valid\",\"label\":\"%s\"}",
                                        label != NULL ? label : "");
  proof->source_name = g_strdup_printf ("%s.jpg", content);
  if (when != 0)
    proof->last_verified = g_date_time_new_from_unix_utc (when);

  return proof;
}


static ClProof *
make_signed (const char *content,
             const char *label,
             gint64      when)
{
  ClProof *proof = make_verified (content, label, when);
  g_autofree char *store = g_strdup_printf ("jumbf-store-of-%s", label);

  proof->kind = CL_PROOF_KIND_SIGNED;
  proof->verdict = CL_PROOF_VERDICT_TRUSTED;
  proof->manifest_store = g_bytes_new (store, strlen (store) + 1);

  return proof;
}


static void
store_ok (ClProofCache             *cache,
          ClProof                  *proof,
          guint                     retention_days,
          ClProofCacheStoreOutcome  expected)
{
  g_autoptr(GError) error = NULL;
  ClProofCacheStoreOutcome outcome = 99;

  g_assert_true (cl_proof_cache_store (cache, proof, retention_days, &outcome, &error));
  g_assert_no_error (error);
  g_assert_cmpint (outcome, ==, expected);
  g_assert_nonnull (proof->id);
}


static gint64
count_rows (const char *path,
            const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}


static void
test_store_and_lookup (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClProofCache) cache = cl_proof_cache_open (fixture->path, &error);
  g_autoptr(ClProof) signed_proof = make_signed ("sunset", "urn:c2pa:aaaa", T0);
  g_autoptr(ClProof) verified = make_verified ("sunset", "urn:c2pa:aaaa", T0 + 10);
  g_autoptr(ClProof) other = make_verified ("harbour", "urn:c2pa:bbbb", T0 + 20);
  g_autoptr(ClProof) fetched = NULL;
  g_autoptr(GPtrArray) by_hash = NULL;
  g_autoptr(GPtrArray) by_label = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autofree char *sunset_hash = hash_of ("sunset");
  ClProof *first;
  GStatBuf st;

  g_assert_no_error (error);
  g_assert_nonnull (cache);
  g_assert_cmpstr (cl_proof_cache_get_path (cache), ==, fixture->path);

  /* The database is private to the user. */
  g_assert_cmpint (g_stat (fixture->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  store_ok (cache, signed_proof, 365, CL_PROOF_CACHE_STORED_NEW);
  store_ok (cache, verified, 365, CL_PROOF_CACHE_STORED_NEW);
  store_ok (cache, other, 365, CL_PROOF_CACHE_STORED_NEW);
  g_assert_true (g_uuid_string_is_valid (signed_proof->id));
  g_assert_cmpstr (signed_proof->id, !=, verified->id);
  g_assert_cmpint (g_date_time_to_unix (verified->expires_at), ==, T0 + 10 + 365 * DAY);

  /* Same content: the signed and the verified proof, most recently verified first. */
  by_hash = cl_proof_cache_lookup_content_hash (cache, sunset_hash, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (by_hash->len, ==, 2);
  first = g_ptr_array_index (by_hash, 0);
  g_assert_cmpstr (first->id, ==, verified->id);
  g_assert_cmpint (first->kind, ==, CL_PROOF_KIND_VERIFIED);
  g_assert_cmpstr (((ClProof *) g_ptr_array_index (by_hash, 1))->id, ==, signed_proof->id);
  /* Lookups leave the manifest store on disk but tell its size. */
  g_assert_null (((ClProof *) g_ptr_array_index (by_hash, 1))->manifest_store);
  g_assert_cmpuint (((ClProof *) g_ptr_array_index (by_hash, 1))->manifest_store_size, ==,
                    g_bytes_get_size (signed_proof->manifest_store));

  by_label = cl_proof_cache_lookup_manifest_label (cache, "urn:c2pa:bbbb", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (by_label->len, ==, 1);
  first = g_ptr_array_index (by_label, 0);
  g_assert_cmpstr (first->id, ==, other->id);
  g_assert_cmpstr (first->source_name, ==, "harbour.jpg");
  g_assert_cmpstr (first->signer_subject, ==, "CN=Test Signer,O=CredLink Tests");
  g_assert_cmpint (first->verdict, ==, CL_PROOF_VERDICT_VALID);
  g_assert_cmpint (g_date_time_to_unix (first->signing_time), ==, T0 - DAY);
  g_assert_cmpint (g_date_time_to_unix (first->first_seen), ==, T0 + 20);
  g_assert_cmpstr (first->report_json, ==, other->report_json);

  none = cl_proof_cache_lookup_manifest_label (cache, "urn:c2pa:none", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (none->len, ==, 0);

  /* get() returns the whole proof, manifest store included. */
  fetched = cl_proof_cache_get (cache, signed_proof->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fetched->kind, ==, CL_PROOF_KIND_SIGNED);
  g_assert_cmpint (fetched->verdict, ==, CL_PROOF_VERDICT_TRUSTED);
  g_assert_true (g_bytes_equal (fetched->manifest_store, signed_proof->manifest_store));
  g_assert_cmpstr (fetched->claim_signature_hash, ==, signed_proof->claim_signature_hash);

  g_assert_null (cl_proof_cache_get (cache, "00000000-0000-4000-8000-000000000000", &error));
  g_assert_error (error, CL_PROOF_CACHE_ERROR, CL_PROOF_CACHE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Remove, then it is gone; removing again says so. */
  g_assert_true (cl_proof_cache_remove (cache, other->id, &error));
  g_assert_no_error (error);
  g_assert_false (cl_proof_cache_remove (cache, other->id, &error));
  g_assert_error (error, CL_PROOF_CACHE_ERROR, CL_PROOF_CACHE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (count_rows (fixture->path, "SELECT count(*) FROM proofs"), ==, 2);

  /* WAL mode is on, persistently. */
  g_assert_cmpint (count_rows (fixture->path,
                               "SELECT journal_mode = 'wal' FROM pragma_journal_mode"), ==, 1);

  /* After close, calls fail cleanly. */
  g_assert_true (cl_proof_cache_close (cache, &error));
  g_assert_null (cl_proof_cache_get (cache, signed_proof->id, &error));
  g_assert_error (error, CL_PROOF_CACHE_ERROR, CL_PROOF_CACHE_ERROR_CLOSED);
}


static void
test_refuses_bad_proofs (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClProofCache) cache = cl_proof_cache_open (fixture->path, &error);
  g_autoptr(ClProof) proof = make_verified ("x", "urn:c2pa:x", T0);
  g_autoptr(ClProof) signed_proof = make_signed ("y", "urn:c2pa:y", T0);

  g_assert_no_error (error);

  g_free (proof->content_hash);
  proof->content_hash = g_strdup ("ABCDEF");
  g_assert_false (cl_proof_cache_store (cache, proof, 10, NULL, &error));
  g_assert_error (error, CL_PROOF_CACHE_ERROR, CL_PROOF_CACHE_ERROR_INVALID);
  g_clear_error (&error);

  g_free (proof->content_hash);
  proof->content_hash = hash_of ("x");
  g_free (proof->report_json);
  proof->report_json = g_strdup ("{\"truncated\": ");
  g_assert_false (cl_proof_cache_store (cache, proof, 10, NULL, &error));
  g_assert_error (error, CL_PROOF_CACHE_ERROR, CL_PROOF_CACHE_ERROR_INVALID);
  g_clear_error (&error);

  g_clear_pointer (&proof->report_json, g_free);
  g_assert_false (cl_proof_cache_store (cache, proof, 0, NULL, &error));
  g_assert_error (error, CL_PROOF_CACHE_ERROR, CL_PROOF_CACHE_ERROR_INVALID);
  g_clear_error (&error);

  proof->verdict = CL_PROOF_VERDICT_NO_MANIFEST;
  g_assert_false (cl_proof_cache_store (cache, proof, 10, NULL, &error));
  g_assert_error (error, CL_PROOF_CACHE_ERROR, CL_PROOF_CACHE_ERROR_INVALID);
  g_clear_error (&error);

  g_clear_pointer (&signed_proof->manifest_store, g_bytes_unref);
  g_assert_false (cl_proof_cache_store (cache, signed_proof, 10, NULL, &error));
  g_assert_error (error, CL_PROOF_CACHE_ERROR, CL_PROOF_CACHE_ERROR_INVALID);
  g_clear_error (&error);

  /* Nothing reached the database, and a failed store left no transaction open. */
  g_assert_cmpint (count_rows (fixture->path, "SELECT count(*) FROM proofs"), ==, 0);
  proof->verdict = CL_PROOF_VERDICT_INVALID;
  store_ok (cache, proof, 10, CL_PROOF_CACHE_STORED_NEW);
}


static void
test_seen_again (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClProofCache) cache = cl_proof_cache_open (fixture->path, &error);
  g_autoptr(ClProof) first = make_verified ("pier", "urn:c2pa:1111", T0);
  g_autoptr(ClProof) again = make_verified ("pier", "urn:c2pa:1111", T0 + 5 * DAY);
  g_autoptr(ClProof) other_manifest = make_verified ("pier", "urn:c2pa:2222", T0 + 6 * DAY);
  g_autoptr(ClProof) bare = make_verified ("pier-stripped", NULL, T0);
  g_autoptr(ClProof) bare_again = make_verified ("pier-stripped", NULL, T0 + DAY);
  g_autoptr(ClProof) signed_1 = make_signed ("pier", "urn:c2pa:1111", T0);
  g_autoptr(ClProof) signed_2 = make_signed ("pier", "urn:c2pa:1111", T0);
  g_autoptr(ClProof) fetched = NULL;

  g_assert_no_error (error);

  store_ok (cache, first, 30, CL_PROOF_CACHE_STORED_NEW);

  /* Seen again, now invalid (say, the trust list changed): one row, updated. */
  again->verdict = CL_PROOF_VERDICT_INVALID;
  g_free (again->source_name);
  again->source_name = g_strdup ("pier-copy.jpg");
  store_ok (cache, again, 30, CL_PROOF_CACHE_STORED_SEEN_AGAIN);
  g_assert_cmpstr (again->id, ==, first->id);
  g_assert_cmpint (g_date_time_to_unix (again->first_seen), ==, T0);
  g_assert_cmpint (g_date_time_to_unix (again->last_verified), ==, T0 + 5 * DAY);
  g_assert_cmpint (g_date_time_to_unix (again->expires_at), ==, T0 + 35 * DAY);

  fetched = cl_proof_cache_get (cache, first->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fetched->verdict, ==, CL_PROOF_VERDICT_INVALID);
  g_assert_cmpint (g_date_time_to_unix (fetched->first_seen), ==, T0);
  g_assert_cmpint (g_date_time_to_unix (fetched->last_verified), ==, T0 + 5 * DAY);
  g_assert_cmpint (g_date_time_to_unix (fetched->expires_at), ==, T0 + 35 * DAY);
  g_assert_cmpstr (fetched->source_name, ==, "pier-copy.jpg");

  /* Another manifest on the same content is another proof. */
  store_ok (cache, other_manifest, 30, CL_PROOF_CACHE_STORED_NEW);
  g_assert_cmpstr (other_manifest->id, !=, first->id);

  /* Without a manifest, the content alone is the key. */
  store_ok (cache, bare, 30, CL_PROOF_CACHE_STORED_NEW);
  store_ok (cache, bare_again, 30, CL_PROOF_CACHE_STORED_SEEN_AGAIN);
  g_assert_cmpstr (bare_again->id, ==, bare->id);

  /* Every signing is its own proof. */
  store_ok (cache, signed_1, 30, CL_PROOF_CACHE_STORED_NEW);
  store_ok (cache, signed_2, 30, CL_PROOF_CACHE_STORED_NEW);
  g_assert_cmpstr (signed_1->id, !=, signed_2->id);

  g_assert_cmpint (count_rows (fixture->path,
                               "SELECT count(*) FROM proofs WHERE kind = 'verified'"), ==, 3);
  g_assert_cmpint (count_rows (fixture->path,
                               "SELECT count(*) FROM proofs WHERE kind = 'signed'"), ==, 2);
}


static void
test_expiry_and_purge (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClProofCache) cache = cl_proof_cache_open (fixture->path, &error);
  g_autoptr(GDateTime) later = g_date_time_new_from_unix_utc (T0 + 60);
  g_autoptr(GDateTime) day_2 = g_date_time_new_from_unix_utc (T0 + 2 * DAY);
  g_autoptr(GDateTime) day_20 = g_date_time_new_from_unix_utc (T0 + 20 * DAY);
  g_autoptr(GPtrArray) left = NULL;
  g_autofree char *filler = g_malloc0 (4096);
  ClProofCacheStats stats;
  guint64 removed = 0;
  guint i;

  g_assert_no_error (error);
  memset (filler, 'j', 4095);

  /* 600 short-lived signed proofs with 4 KiB stores (more than two purge batches), and
   * 5 long-lived verified ones. */
  for (i = 0; i < 600; i++) {
    g_autofree char *content = g_strdup_printf ("short-%u", i);
    g_autofree char *label = g_strdup_printf ("urn:c2pa:short-%u", i);
    g_autoptr(ClProof) proof = make_signed (content, label, T0);

    g_bytes_unref (proof->manifest_store);
    proof->manifest_store = g_bytes_new (filler, 4096);
    store_ok (cache, proof, 1, CL_PROOF_CACHE_STORED_NEW);
  }
  for (i = 0; i < 5; i++) {
    g_autofree char *content = g_strdup_printf ("long-%u", i);
    g_autoptr(ClProof) proof = make_verified (content, "urn:c2pa:long", T0);

    store_ok (cache, proof, 10, CL_PROOF_CACHE_STORED_NEW);
  }

  /* Nothing is due just after the moment of storing. */
  g_assert_true (cl_proof_cache_purge_expired (cache, later, &removed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (removed, ==, 0);
  g_assert_cmpuint (count_rows (fixture->path, "SELECT count(*) FROM proofs"), ==, 605);
  g_assert_true (cl_proof_cache_get_stats (cache, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.n_signed, ==, 600);
  g_assert_cmpuint (stats.n_verified, ==, 5);
  g_assert_cmpuint (stats.n_expired, ==, 605); /* T0 lies in the past of the real clock */
  g_assert_cmpuint (stats.schema_version, ==, CL_PROOF_CACHE_SCHEMA_VERSION);
  g_assert_cmpuint (stats.database_bytes, >, 600 * 4096);

  /* Two days later only the one-day proofs are gone. */
  g_assert_true (cl_proof_cache_purge_expired (cache, day_2, &removed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (removed, ==, 600);
  left = cl_proof_cache_list (cache, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (left->len, ==, 5);

  /* The file was vacuumed: its free pages were given back. */
  g_assert_cmpint (count_rows (fixture->path, "PRAGMA freelist_count"), ==, 0);
  g_assert_true (cl_proof_cache_get_stats (cache, &stats, &error));
  g_assert_cmpuint (stats.database_bytes, <, 600 * 4096);

  g_assert_true (cl_proof_cache_purge_expired (cache, day_2, &removed, &error));
  g_assert_cmpuint (removed, ==, 0);
  g_assert_true (cl_proof_cache_purge_expired (cache, day_20, &removed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (removed, ==, 5);
  g_assert_cmpint (count_rows (fixture->path, "SELECT count(*) FROM proofs"), ==, 0);
}


static void
test_list_and_search (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClProofCache) cache = cl_proof_cache_open (fixture->path, &error);
  ClProofFilter filter = CL_PROOF_FILTER_INIT;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) page = NULL;
  g_autoptr(GPtrArray) signed_only = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GPtrArray) literal = NULL;
  guint i;

  g_assert_no_error (error);

  for (i = 0; i < 10; i++) {
    g_autofree char *content = g_strdup_printf ("photo-%u", i);
    g_autofree char *label = g_strdup_printf ("urn:c2pa:%u", i);
    g_autoptr(ClProof) proof = i % 3 == 0 ? make_signed (content, label, T0 + i)
                                          : make_verified (content, label, T0 + i);

    store_ok (cache, proof, 100, CL_PROOF_CACHE_STORED_NEW);
  }
  {
    g_autoptr(ClProof) odd = make_verified ("100%_sure", "urn:c2pa:odd", T0 - 1);

    store_ok (cache, odd, 100, CL_PROOF_CACHE_STORED_NEW);
  }

  /* Newest first. */
  all = cl_proof_cache_list (cache, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 11);
  g_assert_cmpstr (((ClProof *) g_ptr_array_index (all, 0))->source_name, ==, "photo-9.jpg");
  g_assert_cmpstr (((ClProof *) g_ptr_array_index (all, 9))->source_name, ==, "photo-0.jpg");

  filter.limit = 3;
  filter.offset = 2;
  page = cl_proof_cache_list (cache, &filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->len, ==, 3);
  g_assert_cmpstr (((ClProof *) g_ptr_array_index (page, 0))->source_name, ==, "photo-7.jpg");
  g_assert_cmpstr (((ClProof *) g_ptr_array_index (page, 2))->source_name, ==, "photo-5.jpg");

  filter = (ClProofFilter) CL_PROOF_FILTER_INIT;
  filter.any_kind = FALSE;
  filter.kind = CL_PROOF_KIND_SIGNED;
  signed_only = cl_proof_cache_list (cache, &filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (signed_only->len, ==, 4); /* 0, 3, 6, 9 */
  for (i = 0; i < signed_only->len; i++)
    g_assert_cmpint (((ClProof *) g_ptr_array_index (signed_only, i))->kind, ==,
                     CL_PROOF_KIND_SIGNED);

  /* Search is a case-insensitive substring… */
  filter = (ClProofFilter) CL_PROOF_FILTER_INIT;
  filter.search = "PHOTO-4";
  found = cl_proof_cache_list (cache, &filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (((ClProof *) g_ptr_array_index (found, 0))->manifest_label, ==,
                   "urn:c2pa:4");

  /* …where % and _ are plain characters. */
  filter.search = "0%_";
  literal = cl_proof_cache_list (cache, &filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (literal->len, ==, 1);
  g_assert_cmpstr (((ClProof *) g_ptr_array_index (literal, 0))->source_name, ==,
                   "100%_sure.jpg");
  g_clear_pointer (&literal, g_ptr_array_unref);
  filter.search = "%";
  literal = cl_proof_cache_list (cache, &filter, &error);
  g_assert_cmpuint (literal->len, ==, 1);
}


static void
test_export_json (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClProofCache) cache = cl_proof_cache_open (fixture->path, &error);
  g_autoptr(ClProof) signed_proof = make_signed ("dune", "urn:c2pa:dune", T0);
  g_autoptr(ClProof) verified = make_verified ("lake", NULL, T0 + 1);
  g_autofree char *export_path = g_build_filename (fixture->dir, "export.json", NULL);
  g_autoptr(GFile) export_file = g_file_new_for_path (export_path);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree guchar *store = NULL;
  JsonObject *root, *first, *second;
  JsonArray *proofs;
  guint64 n = 0;
  gsize store_len;

  g_assert_no_error (error);
  store_ok (cache, signed_proof, 365, CL_PROOF_CACHE_STORED_NEW);
  store_ok (cache, verified, 365, CL_PROOF_CACHE_STORED_NEW);

  g_assert_true (cl_proof_cache_export (cache, export_file, NULL, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);

  g_assert_true (json_parser_load_from_file (parser, export_path, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "format"), ==, "credlink-proof-cache");
  g_assert_cmpint (json_object_get_int_member (root, "schema_version"), ==,
                   CL_PROOF_CACHE_SCHEMA_VERSION);
  proofs = json_object_get_array_member (root, "proofs");
  g_assert_cmpuint (json_array_get_length (proofs), ==, 2);

  first = json_array_get_object_element (proofs, 0);
  g_assert_cmpstr (json_object_get_string_member (first, "id"), ==, signed_proof->id);
  g_assert_cmpstr (json_object_get_string_member (first, "kind"), ==, "signed");
  g_assert_cmpstr (json_object_get_string_member (first, "verdict"), ==, "trusted");
  g_assert_cmpstr (json_object_get_string_member (first, "content_hash"), ==,
                   signed_proof->content_hash);
  g_assert_cmpstr (json_object_get_string_member (first, "first_seen"), ==,
                   "2026-01-01T00:00:00Z");
  store = g_base64_decode (json_object_get_string_member (first, "manifest_store"), &store_len);
  g_assert_cmpmem (store, store_len, g_bytes_get_data (signed_proof->manifest_store, NULL),
                   g_bytes_get_size (signed_proof->manifest_store));
  /* The report is embedded as JSON, not as a string. */
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (first,
                                                                                 "report"),
                                                  "validation_state"), ==, "Valid");

  second = json_array_get_object_element (proofs, 1);
  g_assert_cmpstr (json_object_get_string_member (second, "verdict"), ==, "no_manifest");
  g_assert_true (json_object_get_null_member (second, "manifest_label"));
  g_assert_true (json_object_get_null_member (second, "manifest_store"));

  /* A cancelled export leaves the previous file as it was. */
  {
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();
    g_autofree char *contents = NULL;

    g_assert_true (g_file_set_contents (export_path, "previous", -1, NULL));
    g_cancellable_cancel (cancellable);
    g_assert_false (cl_proof_cache_export (cache, export_file, cancellable, NULL, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_assert_true (g_file_get_contents (export_path, &contents, NULL, NULL));
    g_assert_cmpstr (contents, ==, "previous");
  }
}


static void
test_retention_from_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL) {
    g_test_skip ("The GSettings schema is not compiled (GSETTINGS_SCHEMA_DIR)");
    return;
  }

  settings = g_settings_new_full (schema, NULL, NULL);
  g_assert_cmpuint (cl_proof_cache_retention_days_from_settings (), ==, 365);
  g_assert_true (g_settings_set_uint (settings, "proof-retention-days", 30));
  g_assert_cmpuint (cl_proof_cache_retention_days_from_settings (), ==, 30);
  g_settings_reset (settings, "proof-retention-days");
}


/* A database made by the first schema, then opened by this build: migrated to the newest. */
static void
test_migration_from_v1 (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClProofCache) cache = NULL;
  g_autoptr(ClProof) old = NULL;
  g_autofree char *hash = hash_of ("old photo");
  g_autofree char *dir = g_path_get_dirname (fixture->path);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  ClProofCacheStats stats;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_true (cl_proof_cache_schema_migrate (db, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "INSERT INTO proofs (id, kind, content_hash,"
                                       " manifest_label, verdict, first_seen, last_verified,"
                                       " expires_at) VALUES ('11111111-1111-4111-8111-"
                                       "111111111111', 'verified', ?1, 'urn:c2pa:old',"
                                       " 'valid', ?2, ?2, ?3)", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, hash, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, T0);
  sqlite3_bind_int64 (stmt, 3, T0 + DAY);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  g_assert_cmpint (count_rows (fixture->path, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (count_rows (fixture->path, "SELECT count(*) FROM sqlite_schema WHERE"
                                              " name = 'revocation_responses'"), ==, 0);

  cache = cl_proof_cache_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (cl_proof_cache_get_stats (cache, &stats, &error));
  g_assert_cmpuint (stats.schema_version, ==, 2);
  g_assert_cmpuint (stats.n_revocation_responses, ==, 0);
  g_assert_cmpint (count_rows (fixture->path, "PRAGMA user_version"), ==, 2);

  /* The old proof is still there, and seeing it again updates it. */
  old = cl_proof_cache_get (cache, "11111111-1111-4111-8111-111111111111", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (old->content_hash, ==, hash);
  {
    g_autoptr(ClProof) again = make_verified ("old photo", "urn:c2pa:old", T0 + 2);

    store_ok (cache, again, 5, CL_PROOF_CACHE_STORED_SEEN_AGAIN);
    g_assert_cmpstr (again->id, ==, old->id);
  }
  g_clear_object (&cache);

  /* The new table takes what the revocation cache will store. */
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO revocation_responses (cert_fingerprint,"
                                     " responder_url, response_der, this_update, next_update,"
                                     " status, fetched_at) VALUES ('ab', 'http://127.0.0.1/',"
                                     " x'3000', 1, 2, 'good', 1)", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO revocation_responses (cert_fingerprint,"
                                     " responder_url, response_der, this_update, status,"
                                     " fetched_at) VALUES ('ab', 'http://127.0.0.1/', x'30',"
                                     " 1, 'good', 1)", NULL, NULL, NULL),
                   ==, SQLITE_CONSTRAINT);
  sqlite3_close (db);
}


static void
test_refuses_foreign_databases (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *garbage = g_build_filename (fixture->dir, "garbage.db", NULL);
  g_autofree char *other = g_build_filename (fixture->dir, "other.db", NULL);
  g_autoptr(ClProofCache) cache = NULL;
  sqlite3 *db = NULL;

  /* Not a database at all. */
  g_assert_true (g_file_set_contents (garbage, "this is not an SQLite database, not at all",
                                      -1, NULL));
  g_assert_null (cl_proof_cache_open (garbage, &error));
  g_assert_error (error, CL_PROOF_CACHE_ERROR, CL_PROOF_CACHE_ERROR_OPEN);
  g_clear_error (&error);

  /* Another application's database. */
  g_assert_cmpint (sqlite3_open (other, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE notes (text TEXT)", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  sqlite3_close (db);
  g_assert_null (cl_proof_cache_open (other, &error));
  g_assert_error (error, CL_PROOF_CACHE_ERROR, CL_PROOF_CACHE_ERROR_SCHEMA);
  g_clear_error (&error);

  /* A proof cache from a newer CredLink is left alone. */
  cache = cl_proof_cache_open (fixture->path, &error);
  g_assert_no_error (error);
  g_clear_object (&cache);
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 99", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  sqlite3_close (db);
  g_assert_null (cl_proof_cache_open (fixture->path, &error));
  g_assert_error (error, CL_PROOF_CACHE_ERROR, CL_PROOF_CACHE_ERROR_SCHEMA);
  g_assert_cmpint (count_rows (fixture->path, "PRAGMA user_version"), ==, 99);
}


static ClCachedRevocation *
make_revocation (const char               *cert,
                 const char               *responder,
                 gint64                    this_update,
                 ClCachedRevocationStatus  status)
{
  ClCachedRevocation *revocation = cl_cached_revocation_new ();
  g_autofree char *der = g_strdup_printf ("ocsp-response-%s-%" G_GINT64_FORMAT, responder,
                                          this_update);

  revocation->cert_fingerprint = hash_of (cert);
  revocation->responder_url = g_strdup (responder);
  revocation->response_der = g_bytes_new (der, strlen (der));
  revocation->this_update = g_date_time_new_from_unix_utc (this_update);
  revocation->next_update = g_date_time_new_from_unix_utc (this_update + 7 * DAY);
  revocation->status = status;
  if (status == CL_CACHED_REVOCATION_REVOKED)
    revocation->revocation_time = g_date_time_new_from_unix_utc (this_update - DAY);

  return revocation;
}


static void
test_revocation_responses (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClProofCache) cache = cl_proof_cache_open (fixture->path, &error);
  g_autoptr(ClCachedRevocation) first = make_revocation ("leaf", "http://127.0.0.1:1/ocsp", T0,
                                                         CL_CACHED_REVOCATION_GOOD);
  g_autoptr(ClCachedRevocation) newer = make_revocation ("leaf", "http://127.0.0.1:1/ocsp",
                                                         T0 + DAY,
                                                         CL_CACHED_REVOCATION_REVOKED);
  g_autoptr(ClCachedRevocation) other = make_revocation ("leaf", "http://127.0.0.1:2/ocsp",
                                                         T0 + 2 * DAY,
                                                         CL_CACHED_REVOCATION_GOOD);
  g_autoptr(ClCachedRevocation) found = NULL;
  g_autoptr(ClCachedRevocation) any = NULL;
  g_autoptr(ClCachedRevocation) none = NULL;
  g_autoptr(GDateTime) cutoff = g_date_time_new_from_unix_utc (T0 + 8 * DAY + 1);
  g_autofree char *leaf = hash_of ("leaf");
  g_autofree char *stranger = hash_of ("stranger");
  ClProofCacheStats stats;
  guint64 removed = 0;

  g_assert_no_error (error);

  g_assert_true (cl_proof_cache_store_revocation (cache, first, &error));
  g_assert_no_error (error);
  /* Same certificate and responder: replaced, not added. */
  g_assert_true (cl_proof_cache_store_revocation (cache, newer, &error));
  g_assert_true (cl_proof_cache_store_revocation (cache, other, &error));
  g_assert_no_error (error);
  g_assert_true (cl_proof_cache_get_stats (cache, &stats, &error));
  g_assert_cmpuint (stats.n_revocation_responses, ==, 2);

  found = cl_proof_cache_lookup_revocation (cache, leaf, "http://127.0.0.1:1/ocsp", &error);
  g_assert_no_error (error);
  g_assert_nonnull (found);
  g_assert_cmpint (found->status, ==, CL_CACHED_REVOCATION_REVOKED);
  g_assert_true (g_bytes_equal (found->response_der, newer->response_der));
  g_assert_cmpint (g_date_time_to_unix (found->this_update), ==, T0 + DAY);
  g_assert_cmpint (g_date_time_to_unix (found->next_update), ==, T0 + 8 * DAY);
  g_assert_cmpint (g_date_time_to_unix (found->revocation_time), ==, T0);
  g_assert_nonnull (found->fetched_at);

  /* Any responder: the latest thisUpdate. */
  any = cl_proof_cache_lookup_revocation (cache, leaf, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (any->responder_url, ==, "http://127.0.0.1:2/ocsp");

  none = cl_proof_cache_lookup_revocation (cache, stranger, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (none);

  /* Responses past their nextUpdate go; the other stays. */
  g_assert_true (cl_proof_cache_purge_revocations (cache, cutoff, &removed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (removed, ==, 1);
  g_clear_pointer (&any, cl_cached_revocation_free);
  any = cl_proof_cache_lookup_revocation (cache, leaf, NULL, &error);
  g_assert_cmpstr (any->responder_url, ==, "http://127.0.0.1:2/ocsp");

  /* A response without a certificate fingerprint is refused. */
  g_clear_pointer (&first->cert_fingerprint, g_free);
  g_assert_false (cl_proof_cache_store_revocation (cache, first, &error));
  g_assert_error (error, CL_PROOF_CACHE_ERROR, CL_PROOF_CACHE_ERROR_INVALID);
}


static void
test_content_hash (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GChecksum) expected = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *whole = NULL;
  g_autofree guint8 *data = g_malloc (200000);
  /* Unsorted, overlapping, empty, and one across the 64 KiB read boundary. */
  const ClByteRange ranges[] = {
    { 65000, 1000 }, { 10, 5 }, { 12, 10 }, { 500, 0 }, { 199990, 10 },
  };
  const ClByteRange past_end[] = { { 199990, 11 } };
  guint i;

  for (i = 0; i < 200000; i++)
    data[i] = (guint8) (i * 7 + i / 251);
  bytes = g_bytes_new_static (data, 200000);

  /* The same hash as GLib's SHA-256 over the kept bytes. */
  g_checksum_update (expected, data, 10);
  g_checksum_update (expected, data + 22, 65000 - 22);
  g_checksum_update (expected, data + 66000, 199990 - 66000);
  hash = cl_content_hash_bytes (bytes, ranges, G_N_ELEMENTS (ranges), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hash, ==, g_checksum_get_string (expected));
  g_assert_true (cl_proof_is_sha256_hex (hash));

  whole = cl_content_hash_bytes (bytes, NULL, 0, &error);
  g_assert_no_error (error);
  g_checksum_reset (expected);
  g_checksum_update (expected, data, 200000);
  g_assert_cmpstr (whole, ==, g_checksum_get_string (expected));

  g_assert_null (cl_content_hash_bytes (bytes, past_end, 1, &error));
  g_assert_error (error, CL_ASSET_ERROR, CL_ASSET_ERROR_TRUNCATED);
  g_clear_error (&error);

  /* The same bytes from a file give the same hash. */
  {
    g_autoptr(GFileIOStream) io = NULL;
    g_autoptr(GFile) file = g_file_new_tmp ("credlink-content-XXXXXX", &io, &error);
    g_autofree char *from_file = NULL;

    g_assert_no_error (error);
    g_assert_true (g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (io)),
                                              data, 200000, NULL, NULL, &error));
    g_assert_true (g_io_stream_close (G_IO_STREAM (io), NULL, &error));
    from_file = cl_content_hash_file (file, ranges, G_N_ELEMENTS (ranges), NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (from_file, ==, hash);
    g_file_delete (file, NULL, NULL);
  }
}


/* One ClProofCache shared by several threads: its mutex serialises them. */
typedef struct {
  ClProofCache *cache;
  guint         thread;
} ThreadJob;

#define N_THREADS 4
#define N_PER_THREAD 40


static gpointer
thread_writer (gpointer data)
{
  ThreadJob *job = data;
  guint i;

  for (i = 0; i < N_PER_THREAD; i++) {
    g_autofree char *content = g_strdup_printf ("thread-%u-%u", job->thread, i);
    g_autoptr(ClProof) proof = make_verified (content, "urn:c2pa:threads", 0);
    g_autoptr(GPtrArray) listed = NULL;
    g_autoptr(GError) error = NULL;

    if (!cl_proof_cache_store (job->cache, proof, 30, NULL, &error))
      return g_strdup (error->message);
    listed = cl_proof_cache_lookup_manifest_label (job->cache, "urn:c2pa:threads", &error);
    if (listed == NULL)
      return g_strdup (error->message);
  }

  return NULL;
}


static void
test_threads_share_one_cache (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClProofCache) cache = cl_proof_cache_open (fixture->path, &error);
  ThreadJob jobs[N_THREADS];
  GThread *threads[N_THREADS];
  guint i;

  g_assert_no_error (error);
  for (i = 0; i < N_THREADS; i++) {
    jobs[i].cache = cache;
    jobs[i].thread = i;
    threads[i] = g_thread_new ("proof-writer", thread_writer, &jobs[i]);
  }
  for (i = 0; i < N_THREADS; i++) {
    g_autofree char *failure = g_thread_join (threads[i]);

    g_assert_cmpstr (failure, ==, NULL);
  }

  g_assert_cmpint (count_rows (fixture->path, "SELECT count(*) FROM proofs"), ==,
                   N_THREADS * N_PER_THREAD);
}


/* A forked child inherits GLib's random generator, and g_uuid_string_random() draws from it:
 * without a new seed, every child would make the same UUIDs as its siblings. */
static void
reseed_after_fork (void)
{
  g_autoptr(GRand) fresh = g_rand_new (); /* seeded from /dev/urandom */

  g_random_set_seed (g_rand_int (fresh));
}


/* Two processes, each with its own connection, writing the same fresh database at once. */
#define N_PER_PROCESS 150


static int
writer_process (const char *path,
                guint       writer,
                int         start_fd)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClProofCache) cache = NULL;
  char go;
  guint i;

  reseed_after_fork ();
  if (read (start_fd, &go, 1) != 1)
    return 2;

  cache = cl_proof_cache_open (path, &error);
  if (cache == NULL) {
    g_printerr ("writer %u: %s\n", writer, error->message);
    return 3;
  }

  for (i = 0; i < N_PER_PROCESS; i++) {
    g_autofree char *content = g_strdup_printf ("writer-%u-%u", writer, i);
    g_autoptr(ClProof) proof = make_verified (content, "urn:c2pa:writer", 0);
    g_autoptr(ClProof) shared = make_verified ("shared", "urn:c2pa:shared", 0);

    if (!cl_proof_cache_store (cache, proof, 30, NULL, &error) ||
        (i % 5 == 0 && !cl_proof_cache_store (cache, shared, 30, NULL, &error))) {
      g_printerr ("writer %u: %s\n", writer, error->message);
      return 4;
    }
  }

  return cl_proof_cache_close (cache, NULL) ? 0 : 5;
}


static void
test_two_processes (Fixture       *fixture,
                    gconstpointer  data)
{
  int barrier[2];
  pid_t pids[2];
  guint i;

  g_assert_cmpint (pipe (barrier), ==, 0);
  for (i = 0; i < 2; i++) {
    fflush (stdout);
    fflush (stderr);
    pids[i] = fork ();
    g_assert_cmpint (pids[i], >=, 0);
    if (pids[i] == 0) {
      close (barrier[1]);
      _exit (writer_process (fixture->path, i, barrier[0]));
    }
  }
  close (barrier[0]);
  g_assert_cmpint (write (barrier[1], "go", 2), ==, 2);
  close (barrier[1]);

  for (i = 0; i < 2; i++) {
    int status = 0;

    g_assert_cmpint (waitpid (pids[i], &status, 0), ==, pids[i]);
    g_assert_true (WIFEXITED (status));
    g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  }

  g_assert_cmpint (count_rows (fixture->path,
                               "SELECT count(*) FROM proofs WHERE manifest_label ="
                               " 'urn:c2pa:writer'"), ==, 2 * N_PER_PROCESS);
  /* How often the writers took turns: the file was really written by both at once. */
  g_test_message ("the writers alternated %" G_GINT64_FORMAT " times",
                  count_rows (fixture->path,
                              "SELECT count(*) FROM (SELECT substr (source_name, 1, 8) AS w,"
                              " lag (substr (source_name, 1, 8)) OVER (ORDER BY rowid) AS p"
                              " FROM proofs WHERE manifest_label = 'urn:c2pa:writer')"
                              " WHERE w != p"));
  /* Both upserted the same proof: still one row. */
  g_assert_cmpint (count_rows (fixture->path,
                               "SELECT count(*) FROM proofs WHERE manifest_label ="
                               " 'urn:c2pa:shared'"), ==, 1);
}


/* Crash safety: a child stores proofs in a loop and reports each id on a pipe once its
 * commit returned; it is killed with SIGKILL at a random moment, 50 times over. */
#define CRASH_ROUNDS 50


G_GNUC_NORETURN static void
crash_child (const char *path,
             int         out_fd)
{
  g_autoptr(GError) error = NULL;
  ClProofCache *cache;
  guint i;

  reseed_after_fork ();
  cache = cl_proof_cache_open (path, &error);
  if (cache == NULL) {
    g_autofree char *line = g_strdup_printf ("E %s\n", error->message);

    if (write (out_fd, line, strlen (line)) < 0)
      _exit (2);
    _exit (3);
  }

  for (i = 0;; i++) {
    g_autofree char *content = g_strdup_printf ("crash-%d-%u", (int) getpid (), i);
    g_autofree char *label = g_strdup_printf ("urn:c2pa:crash-%d-%u", (int) getpid (), i);
    g_autoptr(ClProof) proof = i % 2 == 0 ? make_signed (content, label, 0)
                                          : make_verified (content, label, 0);
    g_autofree char *line = NULL;

    if (!cl_proof_cache_store (cache, proof, 30, NULL, &error)) {
      line = g_strdup_printf ("E %s\n", error->message);
      if (write (out_fd, line, strlen (line)) < 0)
        _exit (2);
      _exit (4);
    }
    /* Under PIPE_BUF: the line arrives whole or not at all. */
    line = g_strdup_printf ("%s\n", proof->id);
    if (write (out_fd, line, strlen (line)) != (gssize) strlen (line))
      _exit (5);
  }
}


static void
drain (int      fd,
       GString *out,
       int      timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;
  char buffer[4096];

  for (;;) {
    struct pollfd pfd = { fd, POLLIN, 0 };
    gint64 left = timeout_ms < 0 ? -1 : (deadline - g_get_monotonic_time ()) / 1000;
    gssize n;

    if (timeout_ms >= 0 && left <= 0)
      return;
    if (poll (&pfd, 1, (int) left) <= 0)
      continue;
    n = read (fd, buffer, sizeof buffer);
    if (n <= 0)
      return;
    g_string_append_len (out, buffer, n);
  }
}


static void
test_crash_safety (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) committed = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClProofCache) cache = NULL;
  g_autofree char *dir = g_path_get_dirname (fixture->path);
  guint round, i;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);

  for (round = 0; round < CRASH_ROUNDS; round++) {
    g_autoptr(GString) output = g_string_new (NULL);
    g_auto(GStrv) lines = NULL;
    int channel[2];
    int status = 0;
    pid_t pid;

    g_assert_cmpint (pipe (channel), ==, 0);
    fflush (stdout);
    fflush (stderr);
    pid = fork ();
    g_assert_cmpint (pid, >=, 0);
    if (pid == 0) {
      close (channel[0]);
      crash_child (fixture->path, channel[1]);
    }
    close (channel[1]);

    drain (channel[0], output, g_test_rand_int_range (2, 80));
    g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
    g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
    drain (channel[0], output, -1);
    close (channel[0]);

    if (g_str_has_prefix (output->str, "E ") || strstr (output->str, "\nE ") != NULL)
      g_error ("The writer failed: %s", output->str);
    g_assert_true (WIFSIGNALED (status));
    g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);

    lines = g_strsplit (output->str, "\n", -1);
    for (i = 0; lines[i] != NULL && lines[i + 1] != NULL; i++) {
      g_assert_true (g_uuid_string_is_valid (lines[i]));
      g_ptr_array_add (committed, g_strdup (lines[i]));
    }
    /* No partial line: g_strsplit() leaves "" after the last newline, nothing for "". */
    g_assert_true (lines[i] == NULL || lines[i][0] == '\0');
  }
  g_test_message ("%u proofs committed over %u kills", committed->len, CRASH_ROUNDS);
  g_assert_cmpuint (committed->len, >, CRASH_ROUNDS);

  g_assert_cmpint (count_rows (fixture->path,
                               "SELECT integrity_check = 'ok' FROM pragma_integrity_check"),
                   ==, 1);

  cache = cl_proof_cache_open (fixture->path, &error);
  g_assert_no_error (error);
  for (i = 0; i < committed->len; i++) {
    g_autoptr(ClProof) proof = cl_proof_cache_get (cache, g_ptr_array_index (committed, i),
                                                   &error);

    g_assert_no_error (error);
    g_assert_nonnull (proof);
    /* Whole rows, not torn ones. */
    g_assert_true (cl_proof_is_sha256_hex (proof->content_hash));
    g_assert_nonnull (proof->manifest_label);
    g_assert_nonnull (proof->report_json);
    if (proof->kind == CL_PROOF_KIND_SIGNED)
      g_assert_cmpuint (g_bytes_get_size (proof->manifest_store), ==,
                        strlen ("jumbf-store-of-") + strlen (proof->manifest_label) + 1);
  }
  g_assert_cmpint (count_rows (fixture->path, "SELECT count(*) FROM proofs"), >=,
                   committed->len);
}


int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/proof-cache/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("store-and-lookup", test_store_and_lookup);
  ADD ("refuses-bad-proofs", test_refuses_bad_proofs);
  ADD ("seen-again", test_seen_again);
  ADD ("expiry-and-purge", test_expiry_and_purge);
  ADD ("list-and-search", test_list_and_search);
  ADD ("export-json", test_export_json);
  ADD ("migration-from-v1", test_migration_from_v1);
  ADD ("refuses-foreign-databases", test_refuses_foreign_databases);
  ADD ("revocation-responses", test_revocation_responses);
  ADD ("threads-share-one-cache", test_threads_share_one_cache);
  ADD ("two-processes", test_two_processes);
  ADD ("crash-safety", test_crash_safety);
  g_test_add_func ("/proof-cache/content-hash", test_content_hash);
  g_test_add_func ("/proof-cache/retention-from-settings", test_retention_from_settings);

#undef ADD

  return g_test_run ();
}
