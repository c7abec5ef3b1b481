/* cl-proof-cache-store.c: storing proofs ("seen again" included) and removing them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cl-error.h"
#include "cl-proof-cache-private.h"


/* Binds ?1 … ?7, the part of a proof a verification may change. */
static void
bind_verification (sqlite3_stmt  *stmt,
                   const ClProof *proof)
{
  cl_proof_cache_bind_text (stmt, 1, proof->claim_signature_hash);
  cl_proof_cache_bind_text (stmt, 2, proof->signer_subject);
  cl_proof_cache_bind_text (stmt, 3, proof->signer_fingerprint);
  cl_proof_cache_bind_time (stmt, 4, proof->signing_time);
  cl_proof_cache_bind_text (stmt, 5, cl_proof_verdict_to_string (proof->verdict));
  cl_proof_cache_bind_text (stmt, 6, proof->report_json);
  cl_proof_cache_bind_text (stmt, 7, proof->source_name);
}


/* Finds the verified proof of the same content and manifest, inside the write transaction.
 * Returns FALSE on error; *out_id stays NULL when there is none. */
static gboolean
find_verified (ClProofCache   *self,
               const ClProof  *proof,
               char          **out_id,
               gint64         *out_first_seen,
               GError        **error)
{
  static const char sql[] =
    "SELECT id, first_seen FROM proofs WHERE kind = 'verified' AND content_hash = ?1"
    " AND IFNULL (manifest_label, '') = IFNULL (?2, '')";
  g_autoptr(ClProofCacheStatement) stmt = cl_proof_cache_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  cl_proof_cache_bind_text (stmt, 1, proof->content_hash);
  cl_proof_cache_bind_text (stmt, 2, proof->manifest_label);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW) {
    *out_id = cl_proof_cache_column_strdup (stmt, 0);
    *out_first_seen = sqlite3_column_int64 (stmt, 1);
  } else if (rc != SQLITE_DONE) {
    cl_proof_cache_set_sqlite_error (error, sqlite3_db_handle (stmt), rc,
                                     _("look for a known proof"));
    return FALSE;
  }

  return TRUE;
}


static gboolean
update_seen_again (ClProofCache   *self,
                   const char     *id,
                   const ClProof  *proof,
                   gint64          now,
                   gint64          expires_at,
                   GError        **error)
{
  static const char sql[] =
    "UPDATE proofs SET claim_signature_hash = ?1, signer_subject = ?2,"
    " signer_fingerprint = ?3, signing_time = ?4, verdict = ?5, report_json = ?6,"
    " source_name = IFNULL (?7, source_name), last_verified = ?8, expires_at = ?9"
    " WHERE id = ?10";
  g_autoptr(ClProofCacheStatement) stmt = cl_proof_cache_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;

  bind_verification (stmt, proof);
  sqlite3_bind_int64 (stmt, 8, now);
  sqlite3_bind_int64 (stmt, 9, expires_at);
  cl_proof_cache_bind_text (stmt, 10, id);

  return cl_proof_cache_step_done (sqlite3_db_handle (stmt), stmt, _("update a proof"), error);
}


static gboolean
insert_new (ClProofCache   *self,
            const char     *id,
            const ClProof  *proof,
            gint64          now,
            gint64          expires_at,
            GError        **error)
{
  static const char sql[] =
    "INSERT INTO proofs (claim_signature_hash, signer_subject, signer_fingerprint,"
    " signing_time, verdict, report_json, source_name, first_seen, last_verified, expires_at,"
    " id, kind, content_hash, manifest_label, manifest_store)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8, ?9, ?10, ?11, ?12, ?13, ?14)";
  g_autoptr(ClProofCacheStatement) stmt = cl_proof_cache_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;

  bind_verification (stmt, proof);
  sqlite3_bind_int64 (stmt, 8, now);
  sqlite3_bind_int64 (stmt, 9, expires_at);
  cl_proof_cache_bind_text (stmt, 10, id);
  cl_proof_cache_bind_text (stmt, 11, cl_proof_kind_to_string (proof->kind));
  cl_proof_cache_bind_text (stmt, 12, proof->content_hash);
  cl_proof_cache_bind_text (stmt, 13, proof->manifest_label);
  if (proof->manifest_store != NULL) {
    gsize size;
    const void *data = g_bytes_get_data (proof->manifest_store, &size);

    /* An empty GBytes has no data pointer; SQLite would store NULL for it. */
    sqlite3_bind_blob64 (stmt, 14, data != NULL ? data : "", size, SQLITE_STATIC);
  }

  return cl_proof_cache_step_done (sqlite3_db_handle (stmt), stmt, _("add a proof"), error);
}


static void
replace_time (GDateTime **field,
              gint64      unix_time)
{
  g_clear_pointer (field, g_date_time_unref);
  *field = g_date_time_new_from_unix_utc (unix_time);
}


/* Stores @proof in one transaction. A verified proof of content and a manifest label already
 * known is "seen again": that row keeps its id and first_seen, takes the new verdict, report
 * and signer, and its last_verified and expires_at move forward; no second row is made.
 *
 * proof->last_verified, when set, is the moment of the signing or verification (otherwise
 * now); the proof expires @retention_days after it. On success @proof holds what was stored:
 * its id (a new UUID when it had none), first_seen, last_verified and expires_at. */
gboolean
cl_proof_cache_store (ClProofCache              *self,
                      ClProof                   *proof,
                      guint                      retention_days,
                      ClProofCacheStoreOutcome  *out_outcome,
                      GError                   **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autofree char *id = NULL;
  sqlite3 *db;
  gint64 now, expires_at, first_seen;
  ClProofCacheStoreOutcome outcome = CL_PROOF_CACHE_STORED_NEW;

  g_return_val_if_fail (CL_IS_PROOF_CACHE (self), FALSE);
  g_return_val_if_fail (proof != NULL, FALSE);

  if (!cl_proof_check (proof, error))
    return FALSE;
  if (retention_days == 0 || retention_days > 36500) {
    g_set_error (error, CL_PROOF_CACHE_ERROR, CL_PROOF_CACHE_ERROR_INVALID,
                 _("Proofs are kept between 1 and 36500 days, not %u"), retention_days);
    return FALSE;
  }

  now = proof->last_verified != NULL ? g_date_time_to_unix (proof->last_verified)
                                     : g_get_real_time () / G_USEC_PER_SEC;
  expires_at = now + (gint64) retention_days * 24 * 60 * 60;
  first_seen = now;

  locker = cl_proof_cache_lock (self);
  db = cl_proof_cache_get_db (self, error);
  if (db == NULL || !cl_proof_cache_begin_write (db, error))
    return FALSE;

  if (proof->kind == CL_PROOF_KIND_VERIFIED &&
      !find_verified (self, proof, &id, &first_seen, error))
    goto fail;

  if (id != NULL) {
    outcome = CL_PROOF_CACHE_STORED_SEEN_AGAIN;
    if (!update_seen_again (self, id, proof, now, expires_at, error))
      goto fail;
  } else {
    id = proof->id != NULL ? g_strdup (proof->id) : g_uuid_string_random ();
    if (!insert_new (self, id, proof, now, expires_at, error))
      goto fail;
  }

  if (!cl_proof_cache_commit (db, error))
    return FALSE;

  g_free (proof->id);
  proof->id = g_steal_pointer (&id);
  replace_time (&proof->first_seen, first_seen);
  replace_time (&proof->last_verified, now);
  replace_time (&proof->expires_at, expires_at);
  proof->manifest_store_size = proof->manifest_store != NULL ?
                               g_bytes_get_size (proof->manifest_store) : 0;
  if (out_outcome != NULL)
    *out_outcome = outcome;

  return TRUE;

fail:
  cl_proof_cache_rollback (db);
  return FALSE;
}


/* Deletes the proof @id; CL_PROOF_CACHE_ERROR_NOT_FOUND when there is none. */
gboolean
cl_proof_cache_remove (ClProofCache  *self,
                       const char    *id,
                       GError       **error)
{
  static const char sql[] = "DELETE FROM proofs WHERE id = ?1";
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(ClProofCacheStatement) stmt = NULL;
  sqlite3 *db;

  g_return_val_if_fail (CL_IS_PROOF_CACHE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  locker = cl_proof_cache_lock (self);
  stmt = cl_proof_cache_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  db = sqlite3_db_handle (stmt);
  if (!cl_proof_cache_begin_write (db, error))
    return FALSE;

  cl_proof_cache_bind_text (stmt, 1, id);
  if (!cl_proof_cache_step_done (db, stmt, _("remove a proof"), error)) {
    cl_proof_cache_rollback (db);
    return FALSE;
  }

  if (sqlite3_changes (db) == 0) {
    cl_proof_cache_rollback (db);
    g_set_error (error, CL_PROOF_CACHE_ERROR, CL_PROOF_CACHE_ERROR_NOT_FOUND,
                 _("No proof with the id “%s” in the proof cache"), id);
    return FALSE;
  }

  return cl_proof_cache_commit (db, error);
}
