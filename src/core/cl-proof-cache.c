/* cl-proof-cache.c: the proof cache object, its connection, and reading and writing proofs.
 *
 * Purging, statistics and the JSON export are in cl-proof-cache-maintenance.c; the schema in
 * cl-proof-cache-schema.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "cl-error.h"
#include "cl-proof-cache-private.h"

struct _ClProofCache
{
  GObject     parent_instance;

  char       *path;
  sqlite3    *db;          /* NULL once closed */
  GHashTable *statements;  /* constant SQL text (by address) → sqlite3_stmt */
  GMutex      mutex;       /* serialises every call on db */
};

G_DEFINE_FINAL_TYPE (ClProofCache, cl_proof_cache, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PATH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];


static void
close_connection (ClProofCache *self)
{
  g_hash_table_remove_all (self->statements);
  if (self->db != NULL) {
    /* Lets SQLite refresh its planner statistics; harmless when there is nothing to do. */
    sqlite3_exec (self->db, "PRAGMA optimize", NULL, NULL, NULL);
    sqlite3_close (self->db);
    self->db = NULL;
  }
}


static void
cl_proof_cache_finalize (GObject *object)
{
  ClProofCache *self = (ClProofCache *) object;

  close_connection (self);
  g_hash_table_unref (self->statements);
  g_free (self->path);
  g_mutex_clear (&self->mutex);

  G_OBJECT_CLASS (cl_proof_cache_parent_class)->finalize (object);
}


static void
cl_proof_cache_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  ClProofCache *self = CL_PROOF_CACHE (object);

  switch (prop_id) {
  case PROP_PATH:
    g_value_set_string (value, self->path);
    break;
  default:
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
  }
}


static void
cl_proof_cache_class_init (ClProofCacheClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cl_proof_cache_finalize;
  object_class->get_property = cl_proof_cache_get_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}


static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}


static void
cl_proof_cache_init (ClProofCache *self)
{
  g_mutex_init (&self->mutex);
  self->statements = g_hash_table_new_full (g_direct_hash, g_direct_equal,
                                            NULL, finalize_statement);
}


/* $XDG_DATA_HOME/credlink/proofs.db */
char *
cl_proof_cache_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "credlink", "proofs.db", NULL);
}


/* The GSettings key proof-retention-days, or the default when the schema is not installed
 * (credlink-cli run from a build tree). */
guint
cl_proof_cache_retention_days_from_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, "proof-retention-days"))
    return CL_PROOF_CACHE_DEFAULT_RETENTION_DAYS;

  settings = g_settings_new_full (schema, NULL, NULL);

  return g_settings_get_uint (settings, "proof-retention-days");
}


/* The proofs tell which files someone looked at: keep the database private to the user.
 * SQLite gives its -wal and -shm files the mode of the database file. */
static gboolean
create_private_file (const char  *path,
                     GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0) {
    int saved_errno = errno;

    g_set_error (error, CL_PROOF_CACHE_ERROR, CL_PROOF_CACHE_ERROR_OPEN,
                 _("Could not create the folder of the proof cache “%s”: %s"),
                 dir, g_strerror (saved_errno));
    return FALSE;
  }

  fd = g_open (path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0) {
    int saved_errno = errno;

    g_set_error (error, CL_PROOF_CACHE_ERROR, CL_PROOF_CACHE_ERROR_OPEN,
                 _("Could not open the proof cache “%s”: %s"), path, g_strerror (saved_errno));
    return FALSE;
  }
  g_close (fd, NULL);

  return TRUE;
}


/* Switching a new database to WAL needs an exclusive lock, and SQLite returns SQLITE_BUSY at
 * once, without its busy handler, when two connections set up the same new file together:
 * retry such statements for up to the busy timeout. */
static int
exec_retrying (sqlite3    *db,
               const char *sql)
{
  gint64 deadline = g_get_monotonic_time () + CL_PROOF_CACHE_BUSY_TIMEOUT_MS * 1000;
  int rc;

  while ((rc = sqlite3_exec (db, sql, NULL, NULL, NULL)) != SQLITE_OK &&
         (rc & 0xff) == SQLITE_BUSY && g_get_monotonic_time () < deadline)
    g_usleep (2000);

  return rc;
}


static gboolean
configure_connection (sqlite3     *db,
                      const char  *path,
                      GError     **error)
{
  /* Each of these returns a row or nothing; none takes a value from outside. */
  static const char * const pragmas[] = {
    "PRAGMA journal_mode = WAL",
    /* FULL: a proof whose commit returned survives a power cut, not only a crash. */
    "PRAGMA synchronous = FULL",
    "PRAGMA foreign_keys = ON",
    "PRAGMA trusted_schema = OFF",
    NULL
  };
  guint i;
  int rc;

  rc = sqlite3_busy_timeout (db, CL_PROOF_CACHE_BUSY_TIMEOUT_MS);
  for (i = 0; rc == SQLITE_OK && pragmas[i] != NULL; i++)
    rc = exec_retrying (db, pragmas[i]);

  if ((rc & 0xff) == SQLITE_NOTADB) {
    g_set_error (error, CL_PROOF_CACHE_ERROR, CL_PROOF_CACHE_ERROR_OPEN,
                 _("“%s” is not a proof cache: it is not an SQLite database"), path);
    return FALSE;
  }
  if (rc != SQLITE_OK) {
    cl_proof_cache_set_sqlite_error (error, db, rc, _("set up its connection"));
    return FALSE;
  }

  return TRUE;
}


/* Opens (creating if needed) the proof cache at @path, or at cl_proof_cache_default_path()
 * when @path is NULL, and brings its schema up to date. */
ClProofCache *
cl_proof_cache_open (const char  *path,
                     GError     **error)
{
  g_autoptr(ClProofCache) self = NULL;
  int rc;

  self = g_object_new (CL_TYPE_PROOF_CACHE, NULL);
  self->path = path != NULL ? g_strdup (path) : cl_proof_cache_default_path ();

  if (!g_file_test (self->path, G_FILE_TEST_EXISTS) && !create_private_file (self->path, error))
    return NULL;

  rc = sqlite3_open_v2 (self->path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK) {
    g_set_error (error, CL_PROOF_CACHE_ERROR, CL_PROOF_CACHE_ERROR_OPEN,
                 _("Could not open the proof cache “%s”: %s"), self->path,
                 self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
    close_connection (self);
    return NULL;
  }
  sqlite3_extended_result_codes (self->db, TRUE);

  if (!configure_connection (self->db, self->path, error) ||
      !cl_proof_cache_schema_migrate (self->db, CL_PROOF_CACHE_SCHEMA_VERSION, error)) {
    close_connection (self);
    return NULL;
  }

  return g_steal_pointer (&self);
}


/* Closes the connection now; later calls fail with CL_PROOF_CACHE_ERROR_CLOSED. Dropping the
 * last reference closes it too. */
gboolean
cl_proof_cache_close (ClProofCache  *self,
                      GError       **error)
{
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (CL_IS_PROOF_CACHE (self), FALSE);

  locker = cl_proof_cache_lock (self);
  if (self->db == NULL) {
    g_set_error (error, CL_PROOF_CACHE_ERROR, CL_PROOF_CACHE_ERROR_CLOSED,
                 _("The proof cache is already closed"));
    return FALSE;
  }
  close_connection (self);

  return TRUE;
}


const char *
cl_proof_cache_get_path (ClProofCache *self)
{
  g_return_val_if_fail (CL_IS_PROOF_CACHE (self), NULL);

  return self->path;
}


GMutexLocker *
cl_proof_cache_lock (ClProofCache *self)
{
  return g_mutex_locker_new (&self->mutex);
}


sqlite3 *
cl_proof_cache_get_db (ClProofCache  *self,
                       GError       **error)
{
  if (self->db == NULL)
    g_set_error (error, CL_PROOF_CACHE_ERROR, CL_PROOF_CACHE_ERROR_CLOSED,
                 _("The proof cache is closed"));

  return self->db;
}


/* @sql must be a string constant: statements are cached by its address. */
ClProofCacheStatement *
cl_proof_cache_prepare (ClProofCache  *self,
                        const char    *sql,
                        GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (cl_proof_cache_get_db (self, error) == NULL)
    return NULL;

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    return stmt;

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK) {
    cl_proof_cache_set_sqlite_error (error, self->db, rc, _("prepare a query"));
    return NULL;
  }
  g_hash_table_insert (self->statements, (gpointer) sql, stmt);

  return stmt;
}


void
cl_proof_cache_statement_release (ClProofCacheStatement *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}


/* IMMEDIATE: take the write lock up front, so a reader never has to upgrade to a writer
 * (the one case where SQLite returns SQLITE_BUSY without waiting for the busy timeout). */
gboolean
cl_proof_cache_begin_write (sqlite3  *db,
                            GError  **error)
{
  int rc = sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL);

  if (rc != SQLITE_OK) {
    cl_proof_cache_set_sqlite_error (error, db, rc, _("start writing"));
    return FALSE;
  }

  return TRUE;
}


gboolean
cl_proof_cache_commit (sqlite3  *db,
                       GError  **error)
{
  int rc = sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);

  if (rc != SQLITE_OK) {
    cl_proof_cache_set_sqlite_error (error, db, rc, _("save its changes"));
    cl_proof_cache_rollback (db);
    return FALSE;
  }

  return TRUE;
}


void
cl_proof_cache_rollback (sqlite3 *db)
{
  if (!sqlite3_get_autocommit (db))
    sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
}


static char *
column_strdup (sqlite3_stmt *stmt,
               int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}


static GDateTime *
column_time (sqlite3_stmt *stmt,
             int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return NULL;

  return g_date_time_new_from_unix_utc (sqlite3_column_int64 (stmt, column));
}


/* Reads the row of @stmt, whose columns are CL_PROOF_CACHE_COLUMNS(_WITH_STORE). */
ClProof *
cl_proof_cache_read_row (sqlite3_stmt *stmt,
                         gboolean      with_store)
{
  ClProof *proof = cl_proof_new (CL_PROOF_KIND_VERIFIED);

  proof->id = column_strdup (stmt, 0);
  /* The CHECK constraints of the schema keep kind and verdict to the known names. */
  cl_proof_kind_from_string ((const char *) sqlite3_column_text (stmt, 1), &proof->kind);
  proof->content_hash = column_strdup (stmt, 2);
  proof->manifest_label = column_strdup (stmt, 3);
  proof->claim_signature_hash = column_strdup (stmt, 4);
  proof->signer_subject = column_strdup (stmt, 5);
  proof->signer_fingerprint = column_strdup (stmt, 6);
  proof->signing_time = column_time (stmt, 7);
  cl_proof_verdict_from_string ((const char *) sqlite3_column_text (stmt, 8), &proof->verdict);
  proof->report_json = column_strdup (stmt, 9);
  proof->source_name = column_strdup (stmt, 10);
  proof->first_seen = column_time (stmt, 11);
  proof->last_verified = column_time (stmt, 12);
  proof->expires_at = column_time (stmt, 13);
  proof->manifest_store_size = (gsize) sqlite3_column_int64 (stmt, 14);
  if (with_store && sqlite3_column_type (stmt, 15) != SQLITE_NULL)
    proof->manifest_store = g_bytes_new (sqlite3_column_blob (stmt, 15),
                                         sqlite3_column_bytes (stmt, 15));

  return proof;
}


static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}


static void
bind_time (sqlite3_stmt *stmt,
           int           index,
           GDateTime    *time)
{
  if (time != NULL)
    sqlite3_bind_int64 (stmt, index, g_date_time_to_unix (time));
  else
    sqlite3_bind_null (stmt, index);
}


/* Binds ?1 … ?7, the part of a proof a verification may change. */
static void
bind_verification (sqlite3_stmt  *stmt,
                   const ClProof *proof)
{
  bind_text (stmt, 1, proof->claim_signature_hash);
  bind_text (stmt, 2, proof->signer_subject);
  bind_text (stmt, 3, proof->signer_fingerprint);
  bind_time (stmt, 4, proof->signing_time);
  bind_text (stmt, 5, cl_proof_verdict_to_string (proof->verdict));
  bind_text (stmt, 6, proof->report_json);
  bind_text (stmt, 7, proof->source_name);
}


static gboolean
step_done (sqlite3       *db,
           sqlite3_stmt  *stmt,
           const char    *what,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE) {
    cl_proof_cache_set_sqlite_error (error, db, rc, what);
    return FALSE;
  }

  return TRUE;
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

  bind_text (stmt, 1, proof->content_hash);
  bind_text (stmt, 2, proof->manifest_label);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW) {
    *out_id = column_strdup (stmt, 0);
    *out_first_seen = sqlite3_column_int64 (stmt, 1);
  } else if (rc != SQLITE_DONE) {
    cl_proof_cache_set_sqlite_error (error, self->db, rc, _("look for a known proof"));
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
  bind_text (stmt, 10, id);

  return step_done (self->db, stmt, _("update a proof"), error);
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
  bind_text (stmt, 10, id);
  bind_text (stmt, 11, cl_proof_kind_to_string (proof->kind));
  bind_text (stmt, 12, proof->content_hash);
  bind_text (stmt, 13, proof->manifest_label);
  if (proof->manifest_store != NULL) {
    gsize size;
    const void *data = g_bytes_get_data (proof->manifest_store, &size);

    /* An empty GBytes has no data pointer; SQLite would store NULL for it. */
    sqlite3_bind_blob64 (stmt, 14, data != NULL ? data : "", size, SQLITE_STATIC);
  }

  return step_done (self->db, stmt, _("add a proof"), error);
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
  if (cl_proof_cache_get_db (self, error) == NULL ||
      !cl_proof_cache_begin_write (self->db, error))
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

  if (!cl_proof_cache_commit (self->db, error))
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
  cl_proof_cache_rollback (self->db);
  return FALSE;
}


/* The whole proof @id, with its manifest store; NULL and CL_PROOF_CACHE_ERROR_NOT_FOUND when
 * there is none. */
ClProof *
cl_proof_cache_get (ClProofCache  *self,
                    const char    *id,
                    GError       **error)
{
  static const char sql[] =
    "SELECT " CL_PROOF_CACHE_COLUMNS_WITH_STORE " FROM proofs WHERE id = ?1";
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(ClProofCacheStatement) stmt = NULL;
  int rc;

  g_return_val_if_fail (CL_IS_PROOF_CACHE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  locker = cl_proof_cache_lock (self);
  stmt = cl_proof_cache_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;

  bind_text (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return cl_proof_cache_read_row (stmt, TRUE);

  if (rc == SQLITE_DONE)
    g_set_error (error, CL_PROOF_CACHE_ERROR, CL_PROOF_CACHE_ERROR_NOT_FOUND,
                 _("No proof with the id “%s” in the proof cache"), id);
  else
    cl_proof_cache_set_sqlite_error (error, self->db, rc, _("read a proof"));

  return NULL;
}


/* Steps @stmt to the end, collecting its rows (without the manifest store). */
static GPtrArray *
collect_rows (ClProofCache  *self,
              sqlite3_stmt  *stmt,
              GError       **error)
{
  g_autoptr(GPtrArray) proofs = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_proof_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (proofs, cl_proof_cache_read_row (stmt, FALSE));

  if (rc != SQLITE_DONE) {
    cl_proof_cache_set_sqlite_error (error, self->db, rc, _("read its proofs"));
    return NULL;
  }

  return g_steal_pointer (&proofs);
}


static GPtrArray *
lookup_by (ClProofCache  *self,
           const char    *sql,
           const char    *value,
           GError       **error)
{
  g_autoptr(GMutexLocker) locker = cl_proof_cache_lock (self);
  g_autoptr(ClProofCacheStatement) stmt = cl_proof_cache_prepare (self, sql, error);

  if (stmt == NULL)
    return NULL;

  bind_text (stmt, 1, value);

  return collect_rows (self, stmt, error);
}


/* Every proof of the image content @content_hash (both kinds, all manifests), most recently
 * verified first, without manifest stores. An empty array when there is none. */
GPtrArray *
cl_proof_cache_lookup_content_hash (ClProofCache  *self,
                                    const char    *content_hash,
                                    GError       **error)
{
  static const char sql[] =
    "SELECT " CL_PROOF_CACHE_COLUMNS " FROM proofs WHERE content_hash = ?1"
    " ORDER BY last_verified DESC, rowid DESC";

  g_return_val_if_fail (CL_IS_PROOF_CACHE (self), NULL);
  g_return_val_if_fail (content_hash != NULL, NULL);

  return lookup_by (self, sql, content_hash, error);
}


/* Every proof whose active manifest is @manifest_label, most recently verified first. */
GPtrArray *
cl_proof_cache_lookup_manifest_label (ClProofCache  *self,
                                      const char    *manifest_label,
                                      GError       **error)
{
  static const char sql[] =
    "SELECT " CL_PROOF_CACHE_COLUMNS " FROM proofs WHERE manifest_label = ?1"
    " ORDER BY last_verified DESC, rowid DESC";

  g_return_val_if_fail (CL_IS_PROOF_CACHE (self), NULL);
  g_return_val_if_fail (manifest_label != NULL, NULL);

  return lookup_by (self, sql, manifest_label, error);
}


/* A LIKE pattern matching @text anywhere, with its own % _ and \ taken literally. */
static char *
like_pattern (const char *text)
{
  GString *pattern = g_string_new ("%");
  const char *p;

  for (p = text; *p != '\0'; p++) {
    if (*p == '%' || *p == '_' || *p == '\\')
      g_string_append_c (pattern, '\\');
    g_string_append_c (pattern, *p);
  }
  g_string_append_c (pattern, '%');

  return g_string_free (pattern, FALSE);
}


/* Proofs matching @filter (NULL: all), most recently verified first, without manifest
 * stores. The search is a case-insensitive (ASCII) substring of the id, source name, signer
 * subject, manifest label or content hash. */
GPtrArray *
cl_proof_cache_list (ClProofCache         *self,
                     const ClProofFilter  *filter,
                     GError              **error)
{
  static const char sql[] =
    "SELECT " CL_PROOF_CACHE_COLUMNS " FROM proofs"
    " WHERE (?1 IS NULL OR kind = ?1)"
    " AND (?2 IS NULL OR id LIKE ?2 ESCAPE '\\' OR source_name LIKE ?2 ESCAPE '\\'"
    "      OR signer_subject LIKE ?2 ESCAPE '\\' OR manifest_label LIKE ?2 ESCAPE '\\'"
    "      OR content_hash LIKE ?2 ESCAPE '\\')"
    " ORDER BY last_verified DESC, rowid DESC LIMIT ?3 OFFSET ?4";
  static const ClProofFilter all = CL_PROOF_FILTER_INIT;
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(ClProofCacheStatement) stmt = NULL;
  g_autofree char *pattern = NULL;

  g_return_val_if_fail (CL_IS_PROOF_CACHE (self), NULL);

  if (filter == NULL)
    filter = &all;
  if (filter->search != NULL && filter->search[0] != '\0')
    pattern = like_pattern (filter->search);

  locker = cl_proof_cache_lock (self);
  stmt = cl_proof_cache_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;

  bind_text (stmt, 1, filter->any_kind ? NULL : cl_proof_kind_to_string (filter->kind));
  bind_text (stmt, 2, pattern);
  sqlite3_bind_int64 (stmt, 3, filter->limit > 0 ? (gint64) filter->limit : -1);
  sqlite3_bind_int64 (stmt, 4, filter->offset);

  return collect_rows (self, stmt, error);
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

  g_return_val_if_fail (CL_IS_PROOF_CACHE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  locker = cl_proof_cache_lock (self);
  stmt = cl_proof_cache_prepare (self, sql, error);
  if (stmt == NULL || !cl_proof_cache_begin_write (self->db, error))
    return FALSE;

  bind_text (stmt, 1, id);
  if (!step_done (self->db, stmt, _("remove a proof"), error)) {
    cl_proof_cache_rollback (self->db);
    return FALSE;
  }

  if (sqlite3_changes (self->db) == 0) {
    cl_proof_cache_rollback (self->db);
    g_set_error (error, CL_PROOF_CACHE_ERROR, CL_PROOF_CACHE_ERROR_NOT_FOUND,
                 _("No proof with the id “%s” in the proof cache"), id);
    return FALSE;
  }

  return cl_proof_cache_commit (self->db, error);
}
