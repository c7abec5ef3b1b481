/* cl-proof-cache.c: the proof cache object, its connection, statements and transactions.
 *
 * Storing and removing proofs is in cl-proof-cache-store.c, reading them in
 * cl-proof-cache-query.c, purging, statistics and the JSON export in
 * cl-proof-cache-maintenance.c, the schema in cl-proof-cache-schema.c.
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


/* @sql must be a string constant, or one made once for the whole process: statements are
 * cached by its address. */
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


char *
cl_proof_cache_column_strdup (sqlite3_stmt *stmt,
                              int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}


GDateTime *
cl_proof_cache_column_time (sqlite3_stmt *stmt,
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

  proof->id = cl_proof_cache_column_strdup (stmt, 0);
  /* The CHECK constraints of the schema keep kind and verdict to the known names. */
  cl_proof_kind_from_string ((const char *) sqlite3_column_text (stmt, 1), &proof->kind);
  proof->content_hash = cl_proof_cache_column_strdup (stmt, 2);
  proof->manifest_label = cl_proof_cache_column_strdup (stmt, 3);
  proof->claim_signature_hash = cl_proof_cache_column_strdup (stmt, 4);
  proof->signer_subject = cl_proof_cache_column_strdup (stmt, 5);
  proof->signer_fingerprint = cl_proof_cache_column_strdup (stmt, 6);
  proof->signing_time = cl_proof_cache_column_time (stmt, 7);
  cl_proof_verdict_from_string ((const char *) sqlite3_column_text (stmt, 8), &proof->verdict);
  proof->report_json = cl_proof_cache_column_strdup (stmt, 9);
  proof->source_name = cl_proof_cache_column_strdup (stmt, 10);
  proof->first_seen = cl_proof_cache_column_time (stmt, 11);
  proof->last_verified = cl_proof_cache_column_time (stmt, 12);
  proof->expires_at = cl_proof_cache_column_time (stmt, 13);
  proof->manifest_store_size = (gsize) sqlite3_column_int64 (stmt, 14);
  if (with_store && sqlite3_column_type (stmt, 15) != SQLITE_NULL)
    proof->manifest_store = g_bytes_new (sqlite3_column_blob (stmt, 15),
                                         sqlite3_column_bytes (stmt, 15));

  return proof;
}


void
cl_proof_cache_bind_text (sqlite3_stmt *stmt,
                          int           index,
                          const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}


void
cl_proof_cache_bind_time (sqlite3_stmt *stmt,
                          int           index,
                          GDateTime    *time)
{
  if (time != NULL)
    sqlite3_bind_int64 (stmt, index, g_date_time_to_unix (time));
  else
    sqlite3_bind_null (stmt, index);
}


gboolean
cl_proof_cache_step_done (sqlite3       *db,
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
