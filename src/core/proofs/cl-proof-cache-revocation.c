/* cl-proof-cache-revocation.c: the revocation_responses table (schema version 2).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cl-error.h"
#include "cl-proof-cache-private.h"
#include "cl-proof-cache-revocation.h"

static const char * const status_names[] = {
  [CL_CACHED_REVOCATION_GOOD] = "good",
  [CL_CACHED_REVOCATION_REVOKED] = "revoked",
  [CL_CACHED_REVOCATION_UNKNOWN] = "unknown",
};


ClCachedRevocation *
cl_cached_revocation_new (void)
{
  ClCachedRevocation *revocation = g_new0 (ClCachedRevocation, 1);

  revocation->status = CL_CACHED_REVOCATION_UNKNOWN;

  return revocation;
}


void
cl_cached_revocation_free (ClCachedRevocation *revocation)
{
  if (revocation == NULL)
    return;

  g_free (revocation->cert_fingerprint);
  g_clear_pointer (&revocation->cert_id, g_bytes_unref);
  g_free (revocation->responder_url);
  g_clear_pointer (&revocation->response_der, g_bytes_unref);
  g_clear_pointer (&revocation->this_update, g_date_time_unref);
  g_clear_pointer (&revocation->next_update, g_date_time_unref);
  g_clear_pointer (&revocation->revocation_time, g_date_time_unref);
  g_clear_pointer (&revocation->fetched_at, g_date_time_unref);
  g_free (revocation);
}


static void
bind_bytes (sqlite3_stmt *stmt,
            int           index,
            GBytes       *bytes)
{
  gsize size;
  const void *data;

  if (bytes == NULL) {
    sqlite3_bind_null (stmt, index);
    return;
  }
  data = g_bytes_get_data (bytes, &size);
  sqlite3_bind_blob64 (stmt, index, data != NULL ? data : "", size, SQLITE_STATIC);
}


/* Stores @revocation, replacing what was kept for the same certificate and responder. */
gboolean
cl_proof_cache_store_revocation (ClProofCache              *self,
                                 const ClCachedRevocation  *revocation,
                                 GError                   **error)
{
  static const char sql[] =
    "INSERT INTO revocation_responses (cert_fingerprint, cert_id, responder_url, response_der,"
    " this_update, next_update, status, revocation_time, fetched_at)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
    " ON CONFLICT (cert_fingerprint, responder_url) DO UPDATE SET cert_id = excluded.cert_id,"
    " response_der = excluded.response_der, this_update = excluded.this_update,"
    " next_update = excluded.next_update, status = excluded.status,"
    " revocation_time = excluded.revocation_time, fetched_at = excluded.fetched_at";
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(ClProofCacheStatement) stmt = NULL;
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (CL_IS_PROOF_CACHE (self), FALSE);
  g_return_val_if_fail (revocation != NULL, FALSE);

  if (!cl_proof_is_sha256_hex (revocation->cert_fingerprint) ||
      revocation->responder_url == NULL || revocation->response_der == NULL ||
      revocation->this_update == NULL || revocation->status > CL_CACHED_REVOCATION_UNKNOWN) {
    g_set_error (error, CL_PROOF_CACHE_ERROR, CL_PROOF_CACHE_ERROR_INVALID,
                 _("A cached revocation response needs the certificate fingerprint, the "
                   "responder, the response and its thisUpdate time"));
    return FALSE;
  }

  locker = cl_proof_cache_lock (self);
  stmt = cl_proof_cache_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  db = sqlite3_db_handle (stmt);
  if (!cl_proof_cache_begin_write (db, error))
    return FALSE;

  cl_proof_cache_bind_text (stmt, 1, revocation->cert_fingerprint);
  bind_bytes (stmt, 2, revocation->cert_id);
  cl_proof_cache_bind_text (stmt, 3, revocation->responder_url);
  bind_bytes (stmt, 4, revocation->response_der);
  cl_proof_cache_bind_time (stmt, 5, revocation->this_update);
  cl_proof_cache_bind_time (stmt, 6, revocation->next_update);
  sqlite3_bind_text (stmt, 7, status_names[revocation->status], -1, SQLITE_STATIC);
  cl_proof_cache_bind_time (stmt, 8, revocation->revocation_time);
  if (revocation->fetched_at != NULL)
    cl_proof_cache_bind_time (stmt, 9, revocation->fetched_at);
  else
    sqlite3_bind_int64 (stmt, 9, g_get_real_time () / G_USEC_PER_SEC);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE) {
    cl_proof_cache_set_sqlite_error (error, db, rc, _("store a revocation response"));
    cl_proof_cache_rollback (db);
    return FALSE;
  }

  return cl_proof_cache_commit (db, error);
}


static GBytes *
column_bytes (sqlite3_stmt *stmt,
              int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return NULL;

  return g_bytes_new (sqlite3_column_blob (stmt, column), sqlite3_column_bytes (stmt, column));
}


/* The response kept for @cert_fingerprint from @responder_url (NULL: from any responder, the
 * one with the latest thisUpdate). Whether it is still fresh enough is the caller's call.
 * Returns NULL without setting @error when there is none. */
ClCachedRevocation *
cl_proof_cache_lookup_revocation (ClProofCache  *self,
                                  const char    *cert_fingerprint,
                                  const char    *responder_url,
                                  GError       **error)
{
  static const char sql[] =
    "SELECT cert_fingerprint, cert_id, responder_url, response_der, this_update, next_update,"
    " status, revocation_time, fetched_at FROM revocation_responses"
    " WHERE cert_fingerprint = ?1 AND (?2 IS NULL OR responder_url = ?2)"
    " ORDER BY this_update DESC LIMIT 1";
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(ClProofCacheStatement) stmt = NULL;
  ClCachedRevocation *revocation;
  const char *status;
  guint i;
  int rc;

  g_return_val_if_fail (CL_IS_PROOF_CACHE (self), NULL);
  g_return_val_if_fail (cert_fingerprint != NULL, NULL);

  locker = cl_proof_cache_lock (self);
  stmt = cl_proof_cache_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;

  cl_proof_cache_bind_text (stmt, 1, cert_fingerprint);
  cl_proof_cache_bind_text (stmt, 2, responder_url);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return NULL;
  if (rc != SQLITE_ROW) {
    cl_proof_cache_set_sqlite_error (error, sqlite3_db_handle (stmt), rc,
                                     _("read a revocation response"));
    return NULL;
  }

  revocation = cl_cached_revocation_new ();
  revocation->cert_fingerprint = cl_proof_cache_column_strdup (stmt, 0);
  revocation->cert_id = column_bytes (stmt, 1);
  revocation->responder_url = cl_proof_cache_column_strdup (stmt, 2);
  revocation->response_der = column_bytes (stmt, 3);
  revocation->this_update = cl_proof_cache_column_time (stmt, 4);
  revocation->next_update = cl_proof_cache_column_time (stmt, 5);
  status = (const char *) sqlite3_column_text (stmt, 6);
  for (i = 0; i < G_N_ELEMENTS (status_names); i++) {
    if (g_strcmp0 (status, status_names[i]) == 0)
      revocation->status = (ClCachedRevocationStatus) i;
  }
  revocation->revocation_time = cl_proof_cache_column_time (stmt, 7);
  revocation->fetched_at = cl_proof_cache_column_time (stmt, 8);

  return revocation;
}


/* Deletes responses whose nextUpdate (or, without one, thisUpdate) is at or before @before. */
gboolean
cl_proof_cache_purge_revocations (ClProofCache  *self,
                                  GDateTime     *before,
                                  guint64       *out_n_removed,
                                  GError       **error)
{
  static const char sql[] =
    "DELETE FROM revocation_responses WHERE IFNULL (next_update, this_update) <= ?1";
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(ClProofCacheStatement) stmt = NULL;
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (CL_IS_PROOF_CACHE (self), FALSE);
  g_return_val_if_fail (before != NULL, FALSE);

  locker = cl_proof_cache_lock (self);
  stmt = cl_proof_cache_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  db = sqlite3_db_handle (stmt);
  if (!cl_proof_cache_begin_write (db, error))
    return FALSE;

  cl_proof_cache_bind_time (stmt, 1, before);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE) {
    cl_proof_cache_set_sqlite_error (error, db, rc, _("remove old revocation responses"));
    cl_proof_cache_rollback (db);
    return FALSE;
  }
  if (out_n_removed != NULL)
    *out_n_removed = sqlite3_changes64 (db);

  return cl_proof_cache_commit (db, error);
}
