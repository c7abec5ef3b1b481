/* cl-test-proofs.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sqlite3.h>

#include "cl-test-proofs.h"
#include "cl-test-tmp.h"


static void
fixture_set_up (ClTestProofCacheFixture *fixture,
                gconstpointer            data)
{
  fixture->dir = cl_test_tmp_dir_new ("credlink-proofs", CL_TEST_TMP_UNTIL_CASE_ENDS);
  fixture->path = g_build_filename (fixture->dir, "sub", "proofs.db", NULL);
}


static void
fixture_tear_down (ClTestProofCacheFixture *fixture,
                   gconstpointer            data)
{
  g_free (fixture->dir);
  g_free (fixture->path);
}


void
cl_test_proof_cache_add (const char           *path,
                         ClTestProofCacheFunc  func)
{
  g_test_add (path, ClTestProofCacheFixture, NULL, fixture_set_up, func, fixture_tear_down);
}


char *
cl_test_sha256_of (const char *text)
{
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
}


ClProof *
cl_test_proof_verified (const char *content,
                        const char *label,
                        gint64      when)
{
  ClProof *proof = cl_proof_new (CL_PROOF_KIND_VERIFIED);

  proof->content_hash = cl_test_sha256_of (content);
  proof->manifest_label = g_strdup (label);
  proof->verdict = label != NULL ? CL_PROOF_VERDICT_VALID : CL_PROOF_VERDICT_NO_MANIFEST;
  proof->signer_subject = g_strdup ("CN=Test Signer,O=CredLink Tests");
  proof->signer_fingerprint = cl_test_sha256_of ("signer certificate");
  proof->claim_signature_hash = label != NULL ? cl_test_sha256_of (label) : NULL;
  proof->signing_time = g_date_time_new_from_unix_utc (CL_TEST_T0 - CL_TEST_DAY);
  proof->report_json = g_strdup_printf ("{\"validation_state\":\"Valid\",\"label\":\"%s\"}",
                                        label != NULL ? label : "");
  proof->source_name = g_strdup_printf ("%s.jpg", content);
  if (when != 0)
    proof->last_verified = g_date_time_new_from_unix_utc (when);

  return proof;
}


ClProof *
cl_test_proof_signed (const char *content,
                      const char *label,
                      gint64      when)
{
  ClProof *proof = cl_test_proof_verified (content, label, when);
  g_autofree char *store = g_strdup_printf ("jumbf-store-of-%s", label);

  proof->kind = CL_PROOF_KIND_SIGNED;
  proof->verdict = CL_PROOF_VERDICT_TRUSTED;
  proof->manifest_store = g_bytes_new (store, strlen (store) + 1);

  return proof;
}


void
cl_test_proof_store_ok (ClProofCache             *cache,
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


gint64
cl_test_sqlite_int (const char *path,
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
