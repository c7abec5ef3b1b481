/* cl-proof-cache-maintenance.c: purging expired proofs, statistics, and the JSON export.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "cl-error.h"
#include "cl-proof-cache-private.h"

/* Rows deleted per transaction, so a large purge never holds the write lock for long. */
#define PURGE_BATCH 256

/* VACUUM once at least this share of the file is free pages, and at least this many. */
#define VACUUM_MIN_FREE_FRACTION 4   /* one quarter */
#define VACUUM_MIN_FREE_PAGES 256


static gint64
unix_now_or (GDateTime *now)
{
  return now != NULL ? g_date_time_to_unix (now) : g_get_real_time () / G_USEC_PER_SEC;
}


static gboolean
query_int (ClProofCache  *self,
           const char    *sql,
           gint64        *out_value,
           GError       **error)
{
  g_autoptr(ClProofCacheStatement) stmt = cl_proof_cache_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW) {
    cl_proof_cache_set_sqlite_error (error, sqlite3_db_handle (stmt), rc,
                                     _("read its statistics"));
    return FALSE;
  }
  *out_value = sqlite3_column_int64 (stmt, 0);

  return TRUE;
}


static gboolean
purge_batch (ClProofCache  *self,
             gint64         now,
             guint64       *out_n_removed,
             GError       **error)
{
  static const char sql[] =
    "DELETE FROM proofs WHERE rowid IN"
    " (SELECT rowid FROM proofs WHERE expires_at <= ?1 LIMIT ?2)";
  g_autoptr(GMutexLocker) locker G_GNUC_UNUSED = cl_proof_cache_lock (self);
  g_autoptr(ClProofCacheStatement) stmt = cl_proof_cache_prepare (self, sql, error);
  sqlite3 *db;
  int rc;

  if (stmt == NULL)
    return FALSE;
  db = sqlite3_db_handle (stmt);
  if (!cl_proof_cache_begin_write (db, error))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, now);
  sqlite3_bind_int (stmt, 2, PURGE_BATCH);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE) {
    cl_proof_cache_set_sqlite_error (error, db, rc, _("remove expired proofs"));
    cl_proof_cache_rollback (db);
    return FALSE;
  }
  *out_n_removed = sqlite3_changes64 (db);

  return cl_proof_cache_commit (db, error);
}


/* Gives the space of deleted rows back to the file system when a good share of the file is
 * free. A failure here loses nothing, so it is only logged. */
static void
vacuum_if_worthwhile (ClProofCache *self)
{
  g_autoptr(GMutexLocker) locker G_GNUC_UNUSED = cl_proof_cache_lock (self);
  g_autoptr(GError) error = NULL;
  gint64 free_pages = 0, pages = 0;
  sqlite3 *db = cl_proof_cache_get_db (self, NULL);
  int rc;

  if (db == NULL ||
      !query_int (self, "PRAGMA freelist_count", &free_pages, &error) ||
      !query_int (self, "PRAGMA page_count", &pages, &error)) {
    g_debug ("Not vacuuming the proof cache: %s", error != NULL ? error->message : "closed");
    return;
  }

  if (free_pages < VACUUM_MIN_FREE_PAGES || free_pages * VACUUM_MIN_FREE_FRACTION < pages)
    return;

  g_debug ("Vacuuming the proof cache: %" G_GINT64_FORMAT " of %" G_GINT64_FORMAT
           " pages are free", free_pages, pages);
  rc = sqlite3_exec (db, "VACUUM", NULL, NULL, NULL);
  /* VACUUM writes the whole database through the WAL; fold it back and shrink the WAL. */
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    g_debug ("Vacuuming the proof cache failed: %s", sqlite3_errmsg (db));
}


/* Deletes every proof whose expires_at is at or before @now (NULL: the current time), in
 * batches of one transaction each, then vacuums when that freed a good share of the file. */
gboolean
cl_proof_cache_purge_expired (ClProofCache  *self,
                              GDateTime     *now,
                              guint64       *out_n_removed,
                              GError       **error)
{
  gint64 now_unix = unix_now_or (now);
  guint64 total = 0, batch;

  g_return_val_if_fail (CL_IS_PROOF_CACHE (self), FALSE);

  do {
    batch = 0;
    if (!purge_batch (self, now_unix, &batch, error))
      return FALSE;
    total += batch;
  } while (batch == PURGE_BATCH);

  if (total > 0)
    vacuum_if_worthwhile (self);

  if (out_n_removed != NULL)
    *out_n_removed = total;

  return TRUE;
}


static guint64
file_size (const char *path)
{
  GStatBuf buf;

  if (g_stat (path, &buf) != 0)
    return 0;

  return (guint64) buf.st_size;
}


/* Counts by kind, expired proofs, revocation responses, and the size on disk, for the
 * health job. */
gboolean
cl_proof_cache_get_stats (ClProofCache       *self,
                          ClProofCacheStats  *out_stats,
                          GError            **error)
{
  static const char counts_sql[] =
    "SELECT count(*) FILTER (WHERE kind = 'signed'), count(*) FILTER (WHERE kind = 'verified'),"
    " count(*) FILTER (WHERE expires_at <= ?1) FROM proofs";
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(ClProofCacheStatement) stmt = NULL;
  g_autofree char *wal_path = NULL;
  gint64 version = 0, revocations = 0, pages = 0, page_size = 0;
  int rc;

  g_return_val_if_fail (CL_IS_PROOF_CACHE (self), FALSE);
  g_return_val_if_fail (out_stats != NULL, FALSE);

  locker = cl_proof_cache_lock (self);
  stmt = cl_proof_cache_prepare (self, counts_sql, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, unix_now_or (NULL));
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW) {
    cl_proof_cache_set_sqlite_error (error, sqlite3_db_handle (stmt), rc,
                                     _("read its statistics"));
    return FALSE;
  }

  if (!query_int (self, "PRAGMA user_version", &version, error) ||
      !query_int (self, "SELECT count(*) FROM revocation_responses", &revocations, error) ||
      !query_int (self, "PRAGMA page_count", &pages, error) ||
      !query_int (self, "PRAGMA page_size", &page_size, error))
    return FALSE;

  out_stats->n_signed = sqlite3_column_int64 (stmt, 0);
  out_stats->n_verified = sqlite3_column_int64 (stmt, 1);
  out_stats->n_expired = sqlite3_column_int64 (stmt, 2);
  out_stats->n_revocation_responses = revocations;
  out_stats->schema_version = version;
  wal_path = g_strconcat (cl_proof_cache_get_path (self), "-wal", NULL);
  out_stats->database_bytes = (guint64) (pages * page_size) + file_size (wal_path);

  return TRUE;
}


static gboolean
write_text (GOutputStream  *out,
            const char     *text,
            GCancellable   *cancellable,
            GError        **error)
{
  return g_output_stream_write_all (out, text, strlen (text), NULL, cancellable, error);
}


/* The head of the export: every member but "proofs", which is streamed after it. */
static char *
export_head (void)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *now_text = g_date_time_format_iso8601 (now);
  g_autofree char *text = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, "credlink-proof-cache");
  json_builder_set_member_name (builder, "schema_version");
  json_builder_add_int_value (builder, CL_PROOF_CACHE_SCHEMA_VERSION);
  json_builder_set_member_name (builder, "exported_at");
  json_builder_add_string_value (builder, now_text);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);

  /* Drop the closing brace: the "proofs" array follows. */
  g_assert (g_str_has_suffix (text, "}"));
  text[strlen (text) - 1] = '\0';

  return g_strconcat (text, ",\"proofs\":[\n", NULL);
}


/* Writes every proof, manifest stores included (base64), oldest first, to @file as one JSON
 * object {format, schema_version, exported_at, proofs: [...]}. Proofs are streamed one by one,
 * so a large cache never sits in memory whole; the file is replaced atomically. The export
 * reads one consistent snapshot while writers go on (WAL). */
gboolean
cl_proof_cache_export (ClProofCache  *self,
                       GFile         *file,
                       GCancellable  *cancellable,
                       guint64       *out_n_exported,
                       GError       **error)
{
  static const char sql[] =
    "SELECT " CL_PROOF_CACHE_COLUMNS_WITH_STORE " FROM proofs ORDER BY first_seen, rowid";
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(ClProofCacheStatement) stmt = NULL;
  g_autoptr(GFileOutputStream) file_out = NULL;
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *head = export_head ();
  GOutputStream *out;
  guint64 n = 0;
  int rc;

  g_return_val_if_fail (CL_IS_PROOF_CACHE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  locker = cl_proof_cache_lock (self);
  stmt = cl_proof_cache_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;

  file_out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_PRIVATE, cancellable, error);
  if (file_out == NULL)
    return FALSE;
  out = G_OUTPUT_STREAM (file_out);

  if (!write_text (out, head, cancellable, error))
    goto fail;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW) {
    g_autoptr(ClProof) proof = cl_proof_cache_read_row (stmt, TRUE);
    g_autoptr(JsonNode) node = cl_proof_to_json (proof, TRUE);
    g_autofree char *text = NULL;

    json_generator_set_root (generator, node);
    text = json_generator_to_data (generator, NULL);
    if ((n > 0 && !write_text (out, ",\n", cancellable, error)) ||
        !write_text (out, text, cancellable, error))
      goto fail;
    n++;
  }
  if (rc != SQLITE_DONE) {
    cl_proof_cache_set_sqlite_error (error, sqlite3_db_handle (stmt), rc,
                                     _("read its proofs"));
    goto fail;
  }

  if (!write_text (out, "\n]}\n", cancellable, error) ||
      !g_output_stream_close (out, cancellable, error))
    goto fail;

  if (out_n_exported != NULL)
    *out_n_exported = n;

  return TRUE;

fail:
  /* Closing after a cancellation keeps the old file: g_file_replace() only swaps on success. */
  {
    g_autoptr(GCancellable) abort = g_cancellable_new ();

    g_cancellable_cancel (abort);
    g_output_stream_close (out, abort, NULL);
  }
  return FALSE;
}
