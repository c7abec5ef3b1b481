/* test-proof-cache-maintenance.c: the proof cache on a real SQLite file in a temporary
 * folder, kept in order — expiry and purge, the retention setting, the schema migration,
 * databases that are not ours, and the revocation responses kept beside the proofs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "cl-error.h"
#include "cl-proof-cache-private.h"
#include "cl-proof-cache-revocation.h"
#include "cl-proof-cache.h"
#include "cl-test-proofs.h"


static void
test_expiry_and_purge (ClTestProofCacheFixture *fixture,
                       gconstpointer            data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClProofCache) cache = cl_proof_cache_open (fixture->path, &error);
  g_autoptr(GDateTime) later = g_date_time_new_from_unix_utc (CL_TEST_T0 + 60);
  g_autoptr(GDateTime) day_2 = g_date_time_new_from_unix_utc (CL_TEST_T0 + 2 * CL_TEST_DAY);
  g_autoptr(GDateTime) day_20 = g_date_time_new_from_unix_utc (CL_TEST_T0 + 20 * CL_TEST_DAY);
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
    g_autoptr(ClProof) proof = cl_test_proof_signed (content, label, CL_TEST_T0);

    g_bytes_unref (proof->manifest_store);
    proof->manifest_store = g_bytes_new (filler, 4096);
    cl_test_proof_store_ok (cache, proof, 1, CL_PROOF_CACHE_STORED_NEW);
  }
  for (i = 0; i < 5; i++) {
    g_autofree char *content = g_strdup_printf ("long-%u", i);
    g_autoptr(ClProof) proof = cl_test_proof_verified (content, "urn:c2pa:long", CL_TEST_T0);

    cl_test_proof_store_ok (cache, proof, 10, CL_PROOF_CACHE_STORED_NEW);
  }

  /* Nothing is due just after the moment of storing. */
  g_assert_true (cl_proof_cache_purge_expired (cache, later, &removed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (removed, ==, 0);
  g_assert_cmpuint (cl_test_sqlite_int (fixture->path, "SELECT count(*) FROM proofs"), ==, 605);
  g_assert_true (cl_proof_cache_get_stats (cache, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.n_signed, ==, 600);
  g_assert_cmpuint (stats.n_verified, ==, 5);
  g_assert_cmpuint (stats.n_expired, ==, 605); /* CL_TEST_T0 lies in the past of the real clock */
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
  g_assert_cmpint (cl_test_sqlite_int (fixture->path, "PRAGMA freelist_count"), ==, 0);
  g_assert_true (cl_proof_cache_get_stats (cache, &stats, &error));
  g_assert_cmpuint (stats.database_bytes, <, 600 * 4096);

  g_assert_true (cl_proof_cache_purge_expired (cache, day_2, &removed, &error));
  g_assert_cmpuint (removed, ==, 0);
  g_assert_true (cl_proof_cache_purge_expired (cache, day_20, &removed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (removed, ==, 5);
  g_assert_cmpint (cl_test_sqlite_int (fixture->path, "SELECT count(*) FROM proofs"), ==, 0);
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
test_migration_from_v1 (ClTestProofCacheFixture *fixture,
                        gconstpointer            data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClProofCache) cache = NULL;
  g_autoptr(ClProof) old = NULL;
  g_autofree char *hash = cl_test_sha256_of ("old photo");
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
  sqlite3_bind_int64 (stmt, 2, CL_TEST_T0);
  sqlite3_bind_int64 (stmt, 3, CL_TEST_T0 + CL_TEST_DAY);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  g_assert_cmpint (cl_test_sqlite_int (fixture->path, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (cl_test_sqlite_int (fixture->path, "SELECT count(*) FROM sqlite_schema WHERE"
                                                      " name = 'revocation_responses'"), ==, 0);

  cache = cl_proof_cache_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (cl_proof_cache_get_stats (cache, &stats, &error));
  g_assert_cmpuint (stats.schema_version, ==, 2);
  g_assert_cmpuint (stats.n_revocation_responses, ==, 0);
  g_assert_cmpint (cl_test_sqlite_int (fixture->path, "PRAGMA user_version"), ==, 2);

  /* The old proof is still there, and seeing it again updates it. */
  old = cl_proof_cache_get (cache, "11111111-1111-4111-8111-111111111111", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (old->content_hash, ==, hash);
  {
    g_autoptr(ClProof) again = cl_test_proof_verified ("old photo", "urn:c2pa:old", CL_TEST_T0 + 2);

    cl_test_proof_store_ok (cache, again, 5, CL_PROOF_CACHE_STORED_SEEN_AGAIN);
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
test_refuses_foreign_databases (ClTestProofCacheFixture *fixture,
                                gconstpointer            data)
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
  g_assert_cmpint (cl_test_sqlite_int (fixture->path, "PRAGMA user_version"), ==, 99);
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

  revocation->cert_fingerprint = cl_test_sha256_of (cert);
  revocation->responder_url = g_strdup (responder);
  revocation->response_der = g_bytes_new (der, strlen (der));
  revocation->this_update = g_date_time_new_from_unix_utc (this_update);
  revocation->next_update = g_date_time_new_from_unix_utc (this_update + 7 * CL_TEST_DAY);
  revocation->status = status;
  if (status == CL_CACHED_REVOCATION_REVOKED)
    revocation->revocation_time = g_date_time_new_from_unix_utc (this_update - CL_TEST_DAY);

  return revocation;
}


static void
test_revocation_responses (ClTestProofCacheFixture *fixture,
                           gconstpointer            data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClProofCache) cache = cl_proof_cache_open (fixture->path, &error);
  g_autoptr(ClCachedRevocation) first = make_revocation ("leaf", "http://127.0.0.1:1/ocsp",
                                                         CL_TEST_T0, CL_CACHED_REVOCATION_GOOD);
  g_autoptr(ClCachedRevocation) newer = make_revocation ("leaf", "http://127.0.0.1:1/ocsp",
                                                         CL_TEST_T0 + CL_TEST_DAY,
                                                         CL_CACHED_REVOCATION_REVOKED);
  g_autoptr(ClCachedRevocation) other = make_revocation ("leaf", "http://127.0.0.1:2/ocsp",
                                                         CL_TEST_T0 + 2 * CL_TEST_DAY,
                                                         CL_CACHED_REVOCATION_GOOD);
  g_autoptr(ClCachedRevocation) found = NULL;
  g_autoptr(ClCachedRevocation) any = NULL;
  g_autoptr(ClCachedRevocation) none = NULL;
  g_autoptr(GDateTime) cutoff = g_date_time_new_from_unix_utc (CL_TEST_T0 + 8 * CL_TEST_DAY + 1);
  g_autofree char *leaf = cl_test_sha256_of ("leaf");
  g_autofree char *stranger = cl_test_sha256_of ("stranger");
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
  g_assert_cmpint (g_date_time_to_unix (found->this_update), ==, CL_TEST_T0 + CL_TEST_DAY);
  g_assert_cmpint (g_date_time_to_unix (found->next_update), ==, CL_TEST_T0 + 8 * CL_TEST_DAY);
  g_assert_cmpint (g_date_time_to_unix (found->revocation_time), ==, CL_TEST_T0);
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


int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  cl_test_proof_cache_add ("/proof-cache/expiry-and-purge", test_expiry_and_purge);
  cl_test_proof_cache_add ("/proof-cache/migration-from-v1", test_migration_from_v1);
  cl_test_proof_cache_add ("/proof-cache/refuses-foreign-databases", test_refuses_foreign_databases);
  cl_test_proof_cache_add ("/proof-cache/revocation-responses", test_revocation_responses);
  g_test_add_func ("/proof-cache/retention-from-settings", test_retention_from_settings);

  return g_test_run ();
}
