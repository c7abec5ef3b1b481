/* cl-job-health.c: the background job that measures CredLink's data directory.
 *
 * In a worker thread it walks $XDG_DATA_HOME/credlink (without following
 * symbolic links, to a bounded depth and number of entries) and counts what it
 * can read there: bytes and files per top-level area, the trust-list
 * snapshots with their certificate counts, the signing profiles, the size of
 * the proof cache. The report is kept as JSON for the preferences window and
 * logged as one structured line.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-health"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "cl-job-health.h"
#include "cl-scheduler-settings.h"
#include "cl-trust-snapshot.h"

#define MAX_DEPTH 16
#define MAX_ENTRIES 1000000
#define MAX_META_SIZE (64 * 1024)

struct _ClHealthJob
{
  GObject   parent_instance;

  char     *data_dir;
  GMutex    lock;
  JsonNode *report;    /* guarded by lock */
};

G_DEFINE_FINAL_TYPE (ClHealthJob, cl_health_job, G_TYPE_OBJECT)

typedef struct
{
  guint64  bytes;
  guint64  files;
  guint64  directories;
  guint64  unreadable;
  guint64  entries;
  gboolean truncated;
} Tally;


static gboolean
walk (const char    *path,
      guint          depth,
      Tally         *tally,
      GCancellable  *cancellable,
      GError       **error)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL) {
    tally->unreadable++;
    return TRUE;
  }
  while ((name = g_dir_read_name (dir)) != NULL) {
    g_autofree char *child = g_build_filename (path, name, NULL);
    GStatBuf info;

    if (g_cancellable_set_error_if_cancelled (cancellable, error))
      return FALSE;
    if (++tally->entries > MAX_ENTRIES) {
      tally->truncated = TRUE;
      return TRUE;
    }
    if (g_lstat (child, &info) != 0) {
      tally->unreadable++;
    } else if (S_ISDIR (info.st_mode)) {
      tally->directories++;
      if (depth >= MAX_DEPTH)
        tally->truncated = TRUE;
      else if (!walk (child, depth + 1, tally, cancellable, error))
        return FALSE;
    } else if (S_ISREG (info.st_mode)) {
      tally->files++;
      tally->bytes += (guint64) info.st_size;
    }
  }
  return TRUE;
}


static void
add_tally (JsonBuilder *builder,
           const Tally *tally)
{
  json_builder_set_member_name (builder, "bytes");
  json_builder_add_int_value (builder, (gint64) tally->bytes);
  json_builder_set_member_name (builder, "files");
  json_builder_add_int_value (builder, (gint64) tally->files);
  json_builder_set_member_name (builder, "directories");
  json_builder_add_int_value (builder, (gint64) tally->directories);
  json_builder_set_member_name (builder, "unreadable");
  json_builder_add_int_value (builder, (gint64) tally->unreadable);
  json_builder_set_member_name (builder, "truncated");
  json_builder_add_boolean_value (builder, tally->truncated);
}


static guint64
file_size (const char *dir,
           const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  GStatBuf info;

  if (g_lstat (path, &info) != 0 || !S_ISREG (info.st_mode))
    return 0;
  return (guint64) info.st_size;
}


/* Adds one object per trust-list snapshot whose meta.json reads well. */
static guint
add_trust_lists (JsonBuilder *builder,
                 const char  *data_dir)
{
  g_autofree char *trust_dir = g_build_filename (data_dir, "trust", NULL);
  g_autoptr(GDir) dir = g_dir_open (trust_dir, 0, NULL);
  const char *name;
  guint n_lists = 0;

  json_builder_begin_array (builder);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL) {
    g_autofree char *list_path = g_build_filename (trust_dir, name, NULL);
    g_autofree char *meta_path = g_build_filename (list_path, CL_TRUST_SNAPSHOT_META, NULL);
    g_autoptr(JsonParser) parser = NULL;
    JsonNode *root;
    JsonObject *meta;
    GStatBuf info;

    /* Snapshot folders only (not the .<list>.new of a refresh in progress). */
    if (!cl_trust_snapshot_is_valid_name (name) ||
        g_lstat (list_path, &info) != 0 || !S_ISDIR (info.st_mode))
      continue;
    if (g_lstat (meta_path, &info) != 0 || !S_ISREG (info.st_mode) ||
        info.st_size > MAX_META_SIZE)
      continue;
    parser = json_parser_new ();
    if (!json_parser_load_from_mapped_file (parser, meta_path, NULL))
      continue;
    root = json_parser_get_root (parser);
    if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
      continue;
    meta = json_node_get_object (root);

    json_builder_begin_object (builder);
    json_builder_set_member_name (builder, "name");
    json_builder_add_string_value (builder, name);
    json_builder_set_member_name (builder, "certificate_count");
    json_builder_add_int_value (builder,
                                json_object_get_int_member_with_default (meta, "certificate_count",
                                                                         0));
    json_builder_set_member_name (builder, "snapshot_date");
    json_builder_add_string_value (builder,
                                   json_object_get_string_member_with_default (meta,
                                                                               "snapshot_date",
                                                                               ""));
    json_builder_end_object (builder);
    n_lists++;
  }
  json_builder_end_array (builder);
  return n_lists;
}


static guint
count_directories (const char *data_dir,
                   const char *area)
{
  g_autofree char *path = g_build_filename (data_dir, area, NULL);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;
  guint count = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL) {
    g_autofree char *child = g_build_filename (path, name, NULL);
    GStatBuf info;

    if (name[0] != '.' && g_lstat (child, &info) == 0 && S_ISDIR (info.st_mode))
      count++;
  }
  return count;
}


/**
 * cl_health_job_measure:
 * @data_dir: CredLink's data directory; it need not exist
 *
 * Measures @data_dir. Blocking: call it from a worker thread.
 *
 * Returns: (transfer full): the report, or %NULL when cancelled
 */
JsonNode *
cl_health_job_measure (const char    *data_dir,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *measured_at = g_date_time_format_iso8601 (now);
  g_autoptr(GDir) dir = g_dir_open (data_dir, 0, NULL);
  const char *name;
  Tally total = { 0, };
  guint64 proof_cache_bytes;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "data_dir");
  json_builder_add_string_value (builder, data_dir);
  json_builder_set_member_name (builder, "measured_at");
  json_builder_add_string_value (builder, measured_at);
  json_builder_set_member_name (builder, "exists");
  json_builder_add_boolean_value (builder, dir != NULL);

  /* One tally per top-level entry: trust, profiles, proofs.db… */
  json_builder_set_member_name (builder, "areas");
  json_builder_begin_array (builder);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL) {
    g_autofree char *path = g_build_filename (data_dir, name, NULL);
    Tally area = { 0, };
    GStatBuf info;

    if (g_lstat (path, &info) != 0) {
      total.unreadable++;
      continue;
    }
    if (S_ISDIR (info.st_mode)) {
      area.directories++;
      if (!walk (path, 1, &area, cancellable, error))
        return NULL;
    } else if (S_ISREG (info.st_mode)) {
      area.files = 1;
      area.bytes = (guint64) info.st_size;
    }
    total.bytes += area.bytes;
    total.files += area.files;
    total.directories += area.directories;
    total.unreadable += area.unreadable;
    total.truncated |= area.truncated;

    json_builder_begin_object (builder);
    json_builder_set_member_name (builder, "name");
    json_builder_add_string_value (builder, name);
    add_tally (builder, &area);
    json_builder_end_object (builder);
  }
  json_builder_end_array (builder);
  add_tally (builder, &total);

  json_builder_set_member_name (builder, "trust_lists");
  add_trust_lists (builder, data_dir);
  json_builder_set_member_name (builder, "signing_profiles");
  json_builder_add_int_value (builder, count_directories (data_dir, "profiles"));
  /* SQLite keeps recent writes in the -wal file until a checkpoint. */
  proof_cache_bytes = file_size (data_dir, "proofs.db") + file_size (data_dir, "proofs.db-wal") +
                      file_size (data_dir, "proofs.db-shm");
  json_builder_set_member_name (builder, "proof_cache_bytes");
  json_builder_add_int_value (builder, (gint64) proof_cache_bytes);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}


static void
log_report (JsonNode *report)
{
  JsonObject *object = json_node_get_object (report);
  gint64 bytes = json_object_get_int_member (object, "bytes");
  gint64 files = json_object_get_int_member (object, "files");
  g_autofree char *size = g_format_size ((guint64) bytes);
  g_autofree char *proof_size =
    g_format_size ((guint64) json_object_get_int_member (object, "proof_cache_bytes"));
  g_autofree char *bytes_field = g_strdup_printf ("%" G_GINT64_FORMAT, bytes);
  g_autofree char *files_field = g_strdup_printf ("%" G_GINT64_FORMAT, files);

  g_log_structured (G_LOG_DOMAIN, G_LOG_LEVEL_INFO,
                    "CREDLINK_DATA_BYTES", bytes_field,
                    "CREDLINK_DATA_FILES", files_field,
                    "MESSAGE", "CredLink data: %s in %" G_GINT64_FORMAT " files; "
                    "%u trust lists, %" G_GINT64_FORMAT " signing profiles, proof cache %s",
                    size, files,
                    json_array_get_length (json_object_get_array_member (object, "trust_lists")),
                    json_object_get_int_member (object, "signing_profiles"), proof_size);
}


static void
measure_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  ClHealthJob *self = task_data;
  g_autoptr(GError) error = NULL;
  JsonNode *report = cl_health_job_measure (self->data_dir, cancellable, &error);

  if (report == NULL) {
    g_task_return_error (task, g_steal_pointer (&error));
    return;
  }
  log_report (report);
  g_mutex_lock (&self->lock);
  g_clear_pointer (&self->report, json_node_unref);
  self->report = report;
  g_mutex_unlock (&self->lock);
  g_task_return_boolean (task, TRUE);
}


static void
run_health (GTask        *task,
            GCancellable *cancellable,
            gpointer      user_data)
{
  g_autoptr(GTask) owned_task = task;

  g_task_set_task_data (owned_task, g_object_ref (user_data), g_object_unref);
  g_task_run_in_thread (owned_task, measure_thread);
}


static void
cl_health_job_finalize (GObject *object)
{
  ClHealthJob *self = CL_HEALTH_JOB (object);

  g_clear_pointer (&self->data_dir, g_free);
  g_clear_pointer (&self->report, json_node_unref);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (cl_health_job_parent_class)->finalize (object);
}


static void
cl_health_job_class_init (ClHealthJobClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cl_health_job_finalize;
}


static void
cl_health_job_init (ClHealthJob *self)
{
  g_mutex_init (&self->lock);
}


ClHealthJob *
cl_health_job_new (const char *data_dir)
{
  ClHealthJob *self;

  g_return_val_if_fail (data_dir != NULL, NULL);

  self = g_object_new (CL_TYPE_HEALTH_JOB, NULL);
  self->data_dir = g_strdup (data_dir);
  return self;
}


/**
 * cl_health_job_dup_report:
 *
 * Returns: (transfer full) (nullable): the latest report, %NULL before the first run
 */
JsonNode *
cl_health_job_dup_report (ClHealthJob *self)
{
  JsonNode *copy = NULL;

  g_return_val_if_fail (CL_IS_HEALTH_JOB (self), NULL);

  g_mutex_lock (&self->lock);
  if (self->report != NULL)
    copy = json_node_copy (self->report);
  g_mutex_unlock (&self->lock);
  return copy;
}


/* Adds the job to @scheduler as "health"; the scheduler keeps a reference to @self. */
gboolean
cl_health_job_register (ClHealthJob          *self,
                        ClScheduler          *scheduler,
                        guint                 interval_ms,
                        ClSchedulerJobFlags   flags,
                        GError              **error)
{
  g_return_val_if_fail (CL_IS_HEALTH_JOB (self), FALSE);

  return cl_scheduler_add_job (scheduler, CL_JOB_HEALTH, interval_ms, 0, flags,
                               run_health, g_object_ref (self), g_object_unref, error);
}
