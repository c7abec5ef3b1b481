/* cl-proof-cache-schema.c: the schema of proofs.db and its forward migrations.
 *
 * The version lives in PRAGMA user_version. Migration N takes a database at version N - 1 to
 * version N; a database is never migrated backwards, and a newer one is refused so an old build
 * cannot damage it. Every migration is a list of constant statements: nothing here is built
 * from values.
 *
 * Times are INTEGER seconds since the Unix epoch, UTC. Hashes are lowercase hex.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cl-error.h"
#include "cl-proof-cache-private.h"

/* Version 1: the proofs themselves. */
static const char * const migration_1[] = {
  "PRAGMA application_id = 1129074251", /* CL_PROOF_CACHE_APPLICATION_ID, "CLNK" */
  "CREATE TABLE proofs ("
  "  id                   TEXT PRIMARY KEY NOT NULL,"
  "  kind                 TEXT NOT NULL CHECK (kind IN ('signed', 'verified')),"
  "  content_hash         TEXT NOT NULL,"
  "  manifest_label       TEXT,"
  "  claim_signature_hash TEXT,"
  "  signer_subject       TEXT,"
  "  signer_fingerprint   TEXT,"
  "  signing_time         INTEGER,"
  "  verdict              TEXT NOT NULL"
  "                       CHECK (verdict IN ('trusted', 'valid', 'invalid', 'no_manifest')),"
  "  report_json          TEXT,"
  "  source_name          TEXT,"
  "  first_seen           INTEGER NOT NULL,"
  "  last_verified        INTEGER NOT NULL,"
  "  expires_at           INTEGER NOT NULL,"
  "  manifest_store       BLOB"
  ")",
  "CREATE INDEX proofs_by_content_hash ON proofs (content_hash)",
  "CREATE INDEX proofs_by_manifest_label ON proofs (manifest_label)",
  "CREATE INDEX proofs_by_expiry ON proofs (expires_at)",
  "CREATE INDEX proofs_by_last_verified ON proofs (last_verified)",
  /* A verified image is one row per (content, manifest): seeing it again updates the row. */
  "CREATE UNIQUE INDEX proofs_verified_once"
  "  ON proofs (content_hash, IFNULL (manifest_label, '')) WHERE kind = 'verified'",
  "PRAGMA user_version = 1",
  NULL
};

/* Version 2: cached OCSP responses for the revocation checks of the trust engine, keyed by
 * the certificate (SHA-256 of its DER) and the responder that answered. */
static const char * const migration_2[] = {
  "CREATE TABLE revocation_responses ("
  "  cert_fingerprint TEXT NOT NULL,"
  "  cert_id          BLOB,"             /* DER OCSP CertID of the request, if kept */
  "  responder_url    TEXT NOT NULL,"
  "  response_der     BLOB NOT NULL,"    /* the whole DER OCSPResponse */
  "  this_update      INTEGER NOT NULL,"
  "  next_update      INTEGER,"          /* optional in OCSP (RFC 6960 §4.2.1) */
  "  status           TEXT NOT NULL CHECK (status IN ('good', 'revoked', 'unknown')),"
  "  revocation_time  INTEGER,"
  "  fetched_at       INTEGER NOT NULL,"
  "  PRIMARY KEY (cert_fingerprint, responder_url)"
  ")",
  "CREATE INDEX revocation_responses_by_next_update ON revocation_responses (next_update)",
  "PRAGMA user_version = 2",
  NULL
};

static const char * const * const migrations[] = {
  NULL,
  migration_1,
  migration_2,
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == CL_PROOF_CACHE_SCHEMA_VERSION + 1);


void
cl_proof_cache_set_sqlite_error (GError     **error,
                                 sqlite3     *db,
                                 int          code,
                                 const char  *what)
{
  const char *message = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (code);

  /* Translators: the first %s says what failed, the second is SQLite's message. */
  g_set_error (error, CL_PROOF_CACHE_ERROR, CL_PROOF_CACHE_ERROR_SQL,
               _("The proof cache could not %s: %s (SQLite code %d)"),
               what, message, code);
}


static gboolean
read_pragma_int (sqlite3     *db,
                 const char  *sql,
                 gint64      *out_value,
                 GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW) {
    cl_proof_cache_set_sqlite_error (error, db, rc, _("read its schema version"));
    sqlite3_finalize (stmt);
    return FALSE;
  }

  *out_value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return TRUE;
}


/* Checks that @db is ours (or empty) and not newer than @target_version. */
static gboolean
check_identity (sqlite3  *db,
                gint64    version,
                guint     target_version,
                GError  **error)
{
  gint64 application_id;
  gint64 n_objects;

  if (!read_pragma_int (db, "PRAGMA application_id", &application_id, error))
    return FALSE;

  if (application_id != 0 && application_id != CL_PROOF_CACHE_APPLICATION_ID) {
    g_set_error (error, CL_PROOF_CACHE_ERROR, CL_PROOF_CACHE_ERROR_SCHEMA,
                 _("This database belongs to another application, not to CredLink"));
    return FALSE;
  }

  if (version == 0) {
    if (!read_pragma_int (db, "SELECT count(*) FROM sqlite_schema", &n_objects, error))
      return FALSE;
    if (n_objects > 0) {
      g_set_error (error, CL_PROOF_CACHE_ERROR, CL_PROOF_CACHE_ERROR_SCHEMA,
                   _("This database already holds tables that are not a CredLink proof cache"));
      return FALSE;
    }
  }

  if (version < 0 || version > target_version) {
    g_set_error (error, CL_PROOF_CACHE_ERROR, CL_PROOF_CACHE_ERROR_SCHEMA,
                 _("The proof cache has schema version %lld"
                   ", newer than this CredLink understands (%u); update CredLink"),
                 (long long) version, target_version);
    return FALSE;
  }

  return TRUE;
}


static gboolean
run_statements (sqlite3             *db,
                const char * const  *statements,
                GError             **error)
{
  guint i;

  for (i = 0; statements[i] != NULL; i++) {
    int rc = sqlite3_exec (db, statements[i], NULL, NULL, NULL);

    if (rc != SQLITE_OK) {
      cl_proof_cache_set_sqlite_error (error, db, rc, _("update its schema"));
      return FALSE;
    }
  }

  return TRUE;
}


gboolean
cl_proof_cache_schema_migrate (sqlite3  *db,
                               guint     target_version,
                               GError  **error)
{
  gint64 version;
  int rc;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (target_version >= 1 && target_version <= CL_PROOF_CACHE_SCHEMA_VERSION,
                        FALSE);

  /* The common case, a database already up to date, takes no write lock. */
  if (!read_pragma_int (db, "PRAGMA user_version", &version, error) ||
      !check_identity (db, version, target_version, error))
    return FALSE;
  if (version == target_version)
    return TRUE;

  rc = sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
  if (rc != SQLITE_OK) {
    cl_proof_cache_set_sqlite_error (error, db, rc, _("lock itself to update its schema"));
    return FALSE;
  }

  /* Another process may have migrated while we waited for the lock: read again. */
  if (!read_pragma_int (db, "PRAGMA user_version", &version, error) ||
      !check_identity (db, version, target_version, error))
    goto fail;

  for (version = version + 1; version <= target_version; version++) {
    g_debug ("Migrating the proof cache to schema version %" G_GINT64_FORMAT, version);
    if (!run_statements (db, migrations[version], error))
      goto fail;
  }

  rc = sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  if (rc != SQLITE_OK) {
    cl_proof_cache_set_sqlite_error (error, db, rc, _("save its new schema"));
    goto fail;
  }

  return TRUE;

fail:
  sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}
