/* cl-watch-arrivals.c: files arriving in a folder, reported when complete.
 *
 * A file is complete once it was closed for writing (the monitor's CHANGES_DONE_HINT),
 * moved or renamed into the folder, or found by a scan, and then kept the same size and
 * modification time for stable_ms; a write (CREATED, CHANGED) starts that over. A
 * timer checks the followed files while there are any.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-job-watch-folder"

#include "config.h"

#include <glib/gstdio.h>

#include "cl-watch-arrivals.h"

#define TICK_MS 100

typedef struct {
  goffset  size;
  gint64   mtime_us;
  gint64   stable_since;   /* monotonic µs; 0: not closed for writing yet */
} Pending;

struct _ClWatchArrivals
{
  GObject                parent_instance;

  guint                  stable_ms;
  guint                  max_pending;
  ClWatchArrivalsFilter  filter;
  gpointer               filter_data;
  GBoxedCopyFunc         filter_data_ref;
  GDestroyNotify         filter_data_unref;

  char                  *folder;
  GFileMonitor          *monitor;
  GCancellable          *cancellable;
  GHashTable            *pending;       /* path → Pending */
  guint                  tick_id;
  gboolean               overflowed;
};

enum {
  SIGNAL_FILE_COMPLETE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (ClWatchArrivals, cl_watch_arrivals, G_TYPE_OBJECT)


static gboolean
is_candidate_name (const char *path)
{
  g_autofree char *name = g_path_get_basename (path);

  /* Editors write their temporary files as hidden ones and rename them when done. */
  return name[0] != '.';
}


static gint64
mtime_us (const GStatBuf *st)
{
  return (gint64) st->st_mtim.tv_sec * G_USEC_PER_SEC + st->st_mtim.tv_nsec / 1000;
}


/* Moves the files that stayed the same long enough out, and reports them. */
static gboolean
tick_cb (gpointer user_data)
{
  ClWatchArrivals *self = user_data;
  g_autoptr(GPtrArray) complete = g_ptr_array_new_with_free_func (g_free);
  gint64 now = g_get_monotonic_time ();
  GHashTableIter iter;
  gpointer key, value;
  guint my_id;
  gboolean keep;

  g_hash_table_iter_init (&iter, self->pending);
  while (g_hash_table_iter_next (&iter, &key, &value)) {
    Pending *pending = value;
    GStatBuf st;

    if (pending->stable_since == 0)
      continue;
    if (g_stat (key, &st) != 0 || !S_ISREG (st.st_mode)) {
      g_hash_table_iter_remove (&iter);
      continue;
    }
    if (st.st_size != pending->size || mtime_us (&st) != pending->mtime_us) {
      pending->size = st.st_size;
      pending->mtime_us = mtime_us (&st);
      pending->stable_since = now;
      continue;
    }
    if (now - pending->stable_since >= (gint64) self->stable_ms * 1000) {
      g_hash_table_iter_steal (&iter);
      g_free (value);
      g_ptr_array_add (complete, key);
    }
  }
  if (g_hash_table_size (self->pending) == 0)
    self->tick_id = 0;
  my_id = self->tick_id;
  /* Handlers may stop this object or note new files (a new timer). */
  g_object_ref (self);
  for (guint i = 0; i < complete->len; i++)
    g_signal_emit (self, signals[SIGNAL_FILE_COMPLETE], 0, g_ptr_array_index (complete, i));
  keep = my_id != 0 && self->tick_id == my_id;
  g_object_unref (self);
  return keep ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}


static void
note_file (ClWatchArrivals *self,
           const char      *path,
           gboolean         closed)
{
  Pending *pending;

  if (!is_candidate_name (path))
    return;
  pending = g_hash_table_lookup (self->pending, path);
  if (pending == NULL) {
    if (g_hash_table_size (self->pending) >= self->max_pending) {
      self->overflowed = TRUE;
      return;
    }
    pending = g_new0 (Pending, 1);
    pending->size = -1;
    g_hash_table_insert (self->pending, g_strdup (path), pending);
  }
  /* Closed now, or written to again: either way the stable period starts over. */
  pending->stable_since = closed ? g_get_monotonic_time () : 0;
  if (self->tick_id == 0) {
    GSource *source = g_timeout_source_new (TICK_MS);

    g_source_set_static_name (source, "[credlink] watch folder arrivals");
    g_source_set_callback (source, tick_cb, self, NULL);
    self->tick_id = g_source_attach (source, g_main_context_get_thread_default ());
    g_source_unref (source);
  }
}


static void
monitor_changed_cb (GFileMonitor      *monitor,
                    GFile             *file,
                    GFile             *other_file,
                    GFileMonitorEvent  event,
                    ClWatchArrivals   *self)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *other_path = other_file != NULL ? g_file_get_path (other_file) : NULL;

  if (path == NULL)
    return;
  switch (event) {
  case G_FILE_MONITOR_EVENT_CREATED:
  case G_FILE_MONITOR_EVENT_CHANGED:
    note_file (self, path, FALSE);
    break;
  case G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT:
  case G_FILE_MONITOR_EVENT_MOVED_IN:
    note_file (self, path, TRUE);
    break;
  case G_FILE_MONITOR_EVENT_RENAMED:
    /* Renamed inside the folder: a finished export under its final name. */
    g_hash_table_remove (self->pending, path);
    if (other_path != NULL)
      note_file (self, other_path, TRUE);
    break;
  case G_FILE_MONITOR_EVENT_DELETED:
  case G_FILE_MONITOR_EVENT_MOVED_OUT:
    g_hash_table_remove (self->pending, path);
    break;
  case G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED:
  case G_FILE_MONITOR_EVENT_PRE_UNMOUNT:
  case G_FILE_MONITOR_EVENT_UNMOUNTED:
  case G_FILE_MONITOR_EVENT_MOVED:
  default:
    break;
  }
}


/* --- the scan: files that were there before, or whose events were dropped ------------- */

typedef struct {
  char                  *folder;
  guint                  max_paths;
  ClWatchArrivalsFilter  filter;
  gpointer               filter_data;
  GDestroyNotify         filter_data_unref;
} ScanData;


static void
scan_data_free (ScanData *data)
{
  g_free (data->folder);
  if (data->filter_data != NULL)
    data->filter_data_unref (data->filter_data);
  g_free (data);
}


static void
scan_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  ScanData *data = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (data->folder, 0, &error);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir == NULL) {
    g_task_return_error (task, g_steal_pointer (&error));
    return;
  }
  /* One more than fits, to know that some were left out. */
  while ((name = g_dir_read_name (dir)) != NULL && paths->len <= data->max_paths &&
         !g_cancellable_is_cancelled (cancellable)) {
    g_autofree char *path = g_build_filename (data->folder, name, NULL);

    if (is_candidate_name (path) && g_file_test (path, G_FILE_TEST_IS_REGULAR) &&
        !g_file_test (path, G_FILE_TEST_IS_SYMLINK) &&
        (data->filter == NULL || data->filter (path, data->filter_data)))
      g_ptr_array_add (paths, g_steal_pointer (&path));
  }
  g_task_return_pointer (task, g_steal_pointer (&paths), (GDestroyNotify) g_ptr_array_unref);
}


static void
scan_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  ClWatchArrivals *self = CL_WATCH_ARRIVALS (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) paths = g_task_propagate_pointer (G_TASK (result), &error);

  if (paths == NULL) {
    if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
      g_log_structured (G_LOG_DOMAIN, G_LOG_LEVEL_MESSAGE,
                        "MESSAGE", "Cannot read the watch folder: %s", error->message);
    return;
  }
  for (guint i = 0; i < paths->len; i++)
    note_file (self, g_ptr_array_index (paths, i), TRUE);
}


void
cl_watch_arrivals_scan (ClWatchArrivals *self)
{
  g_autoptr(GTask) task = NULL;
  ScanData *data;

  g_return_if_fail (CL_IS_WATCH_ARRIVALS (self));
  g_return_if_fail (self->folder != NULL);

  task = g_task_new (self, self->cancellable, scan_done_cb, NULL);
  data = g_new0 (ScanData, 1);
  data->folder = g_strdup (self->folder);
  data->max_paths = self->max_pending;
  data->filter = self->filter;
  if (self->filter_data != NULL) {
    data->filter_data = self->filter_data_ref (self->filter_data);
    data->filter_data_unref = self->filter_data_unref;
  }
  self->overflowed = FALSE;
  g_task_set_source_tag (task, cl_watch_arrivals_scan);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_set_task_data (task, data, (GDestroyNotify) scan_data_free);
  g_task_run_in_thread (task, scan_thread);
}


void
cl_watch_arrivals_stop (ClWatchArrivals *self)
{
  g_return_if_fail (CL_IS_WATCH_ARRIVALS (self));

  g_cancellable_cancel (self->cancellable);
  if (self->monitor != NULL) {
    g_signal_handlers_disconnect_by_data (self->monitor, self);
    g_file_monitor_cancel (self->monitor);
    g_clear_object (&self->monitor);
  }
  g_clear_handle_id (&self->tick_id, g_source_remove);
  g_hash_table_remove_all (self->pending);
  self->overflowed = FALSE;
}


gboolean
cl_watch_arrivals_start (ClWatchArrivals  *self,
                         const char       *folder,
                         GError          **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (folder);

  g_return_val_if_fail (CL_IS_WATCH_ARRIVALS (self), FALSE);

  cl_watch_arrivals_stop (self);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_free (self->folder);
  self->folder = g_strdup (folder);
  self->monitor = g_file_monitor_directory (file, G_FILE_MONITOR_WATCH_MOVES, self->cancellable,
                                            error);
  if (self->monitor == NULL)
    return FALSE;
  g_signal_connect (self->monitor, "changed", G_CALLBACK (monitor_changed_cb), self);
  cl_watch_arrivals_scan (self);
  return TRUE;
}


gboolean
cl_watch_arrivals_overflowed (ClWatchArrivals *self)
{
  g_return_val_if_fail (CL_IS_WATCH_ARRIVALS (self), FALSE);
  return self->overflowed;
}


guint
cl_watch_arrivals_n_pending (ClWatchArrivals *self)
{
  g_return_val_if_fail (CL_IS_WATCH_ARRIVALS (self), 0);
  return g_hash_table_size (self->pending);
}


static void
cl_watch_arrivals_dispose (GObject *object)
{
  ClWatchArrivals *self = CL_WATCH_ARRIVALS (object);

  cl_watch_arrivals_stop (self);

  G_OBJECT_CLASS (cl_watch_arrivals_parent_class)->dispose (object);
}


static void
cl_watch_arrivals_finalize (GObject *object)
{
  ClWatchArrivals *self = CL_WATCH_ARRIVALS (object);

  g_hash_table_unref (self->pending);
  g_clear_object (&self->cancellable);
  g_free (self->folder);
  if (self->filter_data != NULL)
    self->filter_data_unref (self->filter_data);

  G_OBJECT_CLASS (cl_watch_arrivals_parent_class)->finalize (object);
}


static void
cl_watch_arrivals_class_init (ClWatchArrivalsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cl_watch_arrivals_dispose;
  object_class->finalize = cl_watch_arrivals_finalize;

  /* path */
  signals[SIGNAL_FILE_COMPLETE] =
    g_signal_new ("file-complete", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}


static void
cl_watch_arrivals_init (ClWatchArrivals *self)
{
  self->pending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->cancellable = g_cancellable_new ();
}


ClWatchArrivals *
cl_watch_arrivals_new (guint                  stable_ms,
                       guint                  max_pending,
                       ClWatchArrivalsFilter  filter,
                       gpointer               filter_data,
                       GBoxedCopyFunc         filter_data_ref,
                       GDestroyNotify         filter_data_unref)
{
  ClWatchArrivals *self = g_object_new (CL_TYPE_WATCH_ARRIVALS, NULL);

  self->stable_ms = stable_ms;
  self->max_pending = MAX (max_pending, 1);
  self->filter = filter;
  if (filter_data != NULL) {
    g_return_val_if_fail (filter_data_ref != NULL && filter_data_unref != NULL, self);
    self->filter_data = filter_data_ref (filter_data);
    self->filter_data_ref = filter_data_ref;
    self->filter_data_unref = filter_data_unref;
  }
  return self;
}
