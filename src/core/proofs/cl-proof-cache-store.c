/* cl-proof-cache-store.c: storing proofs ("seen again" included) and removing them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cl-error.h"
#include "cl-proof-cache-private.h"


/* How a column of a stored proof changes when a verification finds the same content and
 * manifest again ("seen again"). */
typedef enum {
  SEEN_AGAIN_KEEP,            /* stays as first stored */
  SEEN_AGAIN_REPLACE,         /* takes the new value */
  SEEN_AGAIN_FILL_IF_NULL,    /* takes the new value only when it had none */
} SeenAgain;

/* Every column of the proofs table that storing writes. The INSERT of a new proof and the
 * UPDATE of one seen again are built from this list, each column's value being the
 * parameter of its name (:name), which bind_row() binds: a new column is one line here and
 * one in bind_row(). */
static const struct {
  const char *name;
  SeenAgain   seen_again;
} proof_columns[] = {
  { "id",                   SEEN_AGAIN_KEEP },
  { "kind",                 SEEN_AGAIN_KEEP },
  { "content_hash",         SEEN_AGAIN_KEEP },
  { "manifest_label",       SEEN_AGAIN_KEEP },
  { "claim_signature_hash", SEEN_AGAIN_REPLACE },
  { "signer_subject",       SEEN_AGAIN_REPLACE },
  { "signer_fingerprint",   SEEN_AGAIN_REPLACE },
  { "signing_time",         SEEN_AGAIN_REPLACE },
  { "verdict",              SEEN_AGAIN_REPLACE },
  { "report_json",          SEEN_AGAIN_REPLACE },
  /* A copy verified under another name never renames the entry a person knows. */
  { "source_name",          SEEN_AGAIN_FILL_IF_NULL },
  { "first_seen",           SEEN_AGAIN_KEEP },
  { "last_verified",        SEEN_AGAIN_REPLACE },
  { "expires_at",           SEEN_AGAIN_REPLACE },
  { "manifest_store",       SEEN_AGAIN_KEEP },
};

typedef struct {
  const char *insert;       /* a new proof */
  const char *seen_again;   /* the row of a proof seen again, by :id */
} ProofStatements;


/* The two statements, built from proof_columns once: they live as long as the process,
 * as the statement cache (which knows a statement by the address of its text) needs. */
static const ProofStatements *
proof_statements (void)
{
  static ProofStatements statements;
  static gsize built = 0;

  if (g_once_init_enter (&built)) {
    g_autoptr(GString) columns = g_string_new (NULL);
    g_autoptr(GString) values = g_string_new (NULL);
    g_autoptr(GString) changes = g_string_new (NULL);

    for (guint i = 0; i < G_N_ELEMENTS (proof_columns); i++) {
      const char *name = proof_columns[i].name;
      const char *separator = i > 0 ? ", " : "";

      g_string_append_printf (columns, "%s%s", separator, name);
      g_string_append_printf (values, "%s:%s", separator, name);
      if (proof_columns[i].seen_again == SEEN_AGAIN_KEEP)
        continue;
      if (changes->len > 0)
        g_string_append (changes, ", ");
      if (proof_columns[i].seen_again == SEEN_AGAIN_FILL_IF_NULL)
        g_string_append_printf (changes, "%s = IFNULL (%s, :%s)", name, name, name);
      else
        g_string_append_printf (changes, "%s = :%s", name, name);
    }
    statements.insert = g_strdup_printf ("INSERT INTO proofs (%s) VALUES (%s)",
                                         columns->str, values->str);
    statements.seen_again = g_strdup_printf ("UPDATE proofs SET %s WHERE id = :id",
                                             changes->str);
    g_once_init_leave (&built, 1);
  }
  return &statements;
}


/* The bind_*() below bind the parameter :column when the statement has it (the UPDATE
 * leaves out the columns a proof keeps when seen again). */
static void
bind_text (sqlite3_stmt *stmt,
           const char   *parameter,
           const char   *text)
{
  int index = sqlite3_bind_parameter_index (stmt, parameter);

  if (index > 0)
    cl_proof_cache_bind_text (stmt, index, text);
}


static void
bind_time (sqlite3_stmt *stmt,
           const char   *parameter,
           GDateTime    *time)
{
  int index = sqlite3_bind_parameter_index (stmt, parameter);

  if (index > 0)
    cl_proof_cache_bind_time (stmt, index, time);
}


static void
bind_int64 (sqlite3_stmt *stmt,
            const char   *parameter,
            gint64        value)
{
  int index = sqlite3_bind_parameter_index (stmt, parameter);

  if (index > 0)
    sqlite3_bind_int64 (stmt, index, value);
}


static void
bind_blob (sqlite3_stmt *stmt,
           const char   *parameter,
           GBytes       *bytes)
{
  int index = sqlite3_bind_parameter_index (stmt, parameter);
  gsize size;
  const void *data;

  if (index == 0 || bytes == NULL)
    return;
  data = g_bytes_get_data (bytes, &size);
  /* An empty GBytes has no data pointer; SQLite would store NULL for it. */
  sqlite3_bind_blob64 (stmt, index, data != NULL ? data : "", size, SQLITE_STATIC);
}


/* Binds the value of every column of proof_columns that the statement writes: the proof's,
 * its id, and now as its first_seen (when new) and last_verified. */
static void
bind_row (sqlite3_stmt  *stmt,
          const ClProof *proof,
          const char    *id,
          gint64         now,
          gint64         expires_at)
{
  bind_text (stmt, ":id", id);
  bind_text (stmt, ":kind", cl_proof_kind_to_string (proof->kind));
  bind_text (stmt, ":content_hash", proof->content_hash);
  bind_text (stmt, ":manifest_label", proof->manifest_label);
  bind_text (stmt, ":claim_signature_hash", proof->claim_signature_hash);
  bind_text (stmt, ":signer_subject", proof->signer_subject);
  bind_text (stmt, ":signer_fingerprint", proof->signer_fingerprint);
  bind_time (stmt, ":signing_time", proof->signing_time);
  bind_text (stmt, ":verdict", cl_proof_verdict_to_string (proof->verdict));
  bind_text (stmt, ":report_json", proof->report_json);
  bind_text (stmt, ":source_name", proof->source_name);
  bind_int64 (stmt, ":first_seen", now);
  bind_int64 (stmt, ":last_verified", now);
  bind_int64 (stmt, ":expires_at", expires_at);
  bind_blob (stmt, ":manifest_store", proof->manifest_store);
}


/* Runs the INSERT of a new proof, or the UPDATE of one seen again. */
static gboolean
write_row (ClProofCache   *self,
           const char     *sql,
           const char     *what,
           const ClProof  *proof,
           const char     *id,
           gint64          now,
           gint64          expires_at,
           GError        **error)
{
  g_autoptr(ClProofCacheStatement) stmt = cl_proof_cache_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  bind_row (stmt, proof, id, now, expires_at);
  return cl_proof_cache_step_done (sqlite3_db_handle (stmt), stmt, what, error);
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
 * now); the proof expires @retention_days after it. A report over CL_PROOF_REPORT_MAX_BYTES
 * is stored summarised (cl_proof_limit_report()), so no row grows with a hostile file. On
 * success @proof holds what was stored: its id (a new UUID when it had none), first_seen,
 * last_verified, expires_at and the report as kept. */
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

  cl_proof_limit_report (proof);
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
    if (!write_row (self, proof_statements ()->seen_again, _("update a proof"),
                    proof, id, now, expires_at, error))
      goto fail;
  } else {
    id = proof->id != NULL ? g_strdup (proof->id) : g_uuid_string_random ();
    if (!write_row (self, proof_statements ()->insert, _("add a proof"),
                    proof, id, now, expires_at, error))
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
