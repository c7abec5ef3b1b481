/* cl-file-collector.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cl-file-collector.h"

typedef struct {
  GPtrArray  *files;
  GPtrArray  *skipped;     /* special files with an image's name, GFile */
  GPtrArray  *unreadable;  /* folders that could not be listed, GFile; NULL: an error */
  GHashTable *seen;        /* path → TRUE */
  gboolean    truncated;
} Collection;


gboolean
cl_file_collector_is_image_name (const char *name)
{
  static const char *const extensions[] = {
    ".jpg", ".jpeg", ".jpe", ".png", ".webp", ".tif", ".tiff", ".dng",
    ".heic", ".heif", ".avif", ".gif", ".jxl", ".svg",
    ".mp4", ".m4v", ".mov",
  };
  g_autofree char *lower = NULL;

  if (name == NULL)
    return FALSE;
  lower = g_ascii_strdown (name, -1);
  for (gsize i = 0; i < G_N_ELEMENTS (extensions); i++) {
    if (g_str_has_suffix (lower, extensions[i]))
      return TRUE;
  }
  return FALSE;
}


static void
add_file (Collection *collection,
          GFile      *file)
{
  char *key = g_file_get_uri (file);

  if (collection->files->len >= CL_FILE_COLLECTOR_MAX_FILES) {
    collection->truncated = TRUE;
    g_free (key);
    return;
  }
  if (!g_hash_table_add (collection->seen, key))
    return;
  g_ptr_array_add (collection->files, g_object_ref (file));
}


static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}


/* The names in folder, sorted, by what they hold: the images, the folders to walk, and
 * the pipes, sockets and devices named like images. */
static gboolean
list_folder (GFile         *folder,
             GPtrArray     *files,
             GPtrArray     *folders,
             GPtrArray     *specials,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;

  enumerator = g_file_enumerate_children (folder,
                                          G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                          G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                                          G_FILE_ATTRIBUTE_STANDARD_IS_HIDDEN ","
                                          G_FILE_ATTRIBUTE_STANDARD_IS_SYMLINK,
                                          G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (enumerator == NULL)
    return FALSE;

  for (;;) {
    GFileInfo *info = NULL;
    const char *name;
    GFileType type;

    if (!g_file_enumerator_iterate (enumerator, &info, NULL, cancellable, error))
      return FALSE;
    if (info == NULL)
      break;
    name = g_file_info_get_name (info);
    if (g_file_info_get_is_hidden (info))
      continue;
    type = g_file_info_get_file_type (info);
    if (type == G_FILE_TYPE_DIRECTORY) {
      /* A link to a folder can make a cycle; only real folders are walked. */
      if (!g_file_info_get_is_symlink (info))
        g_ptr_array_add (folders, g_strdup (name));
    } else if (cl_file_collector_is_image_name (name)) {
      /* A pipe, socket or device named like an image cannot be read as one (opening a
       * pipe waits for a writer): it is left out, and said to be. */
      g_ptr_array_add (type == G_FILE_TYPE_SPECIAL ? specials : files, g_strdup (name));
    }
  }
  g_ptr_array_sort (files, compare_names);
  g_ptr_array_sort (folders, compare_names);
  g_ptr_array_sort (specials, compare_names);
  return TRUE;
}


static gboolean
walk_folder (Collection    *collection,
             GFile         *folder,
             guint          depth,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) folders = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) specials = g_ptr_array_new_with_free_func (g_free);

  if (depth > CL_FILE_COLLECTOR_MAX_DEPTH)
    return TRUE;
  if (!list_folder (folder, files, folders, specials, cancellable, error))
    return FALSE;

  for (guint i = 0; i < specials->len; i++)
    g_ptr_array_add (collection->skipped,
                     g_file_get_child (folder, g_ptr_array_index (specials, i)));
  for (guint i = 0; i < files->len; i++) {
    g_autoptr(GFile) child = g_file_get_child (folder, g_ptr_array_index (files, i));

    add_file (collection, child);
  }
  for (guint i = 0; i < folders->len && !collection->truncated; i++) {
    g_autoptr(GFile) child = g_file_get_child (folder, g_ptr_array_index (folders, i));
    g_autoptr(GError) local_error = NULL;

    /* An unreadable sub-folder does not spoil the rest of the drop. */
    if (!walk_folder (collection, child, depth + 1, cancellable, &local_error)) {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED)) {
        g_propagate_error (error, g_steal_pointer (&local_error));
        return FALSE;
      }
      g_debug ("Skipping %s: %s", g_file_peek_path (child), local_error->message);
      if (collection->unreadable != NULL)
        g_ptr_array_add (collection->unreadable, g_object_ref (child));
    }
  }
  return TRUE;
}


/* Walks a dropped folder. With collection->unreadable, a folder that cannot be listed is
 * recorded there and the rest of the drop goes on; without it, it is an error. A folder
 * that adds no file is recorded in empty (when given). */
static gboolean
walk_input_folder (Collection    *collection,
                   GFile         *folder,
                   GPtrArray     *empty,
                   GCancellable  *cancellable,
                   GError       **error)
{
  guint n_before = collection->files->len;
  guint n_skipped_before = collection->skipped->len;
  guint n_unreadable_before = collection->unreadable != NULL ? collection->unreadable->len : 0;
  g_autoptr(GError) local_error = NULL;

  if (!walk_folder (collection, folder, 0, cancellable, &local_error)) {
    if (collection->unreadable == NULL ||
        g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED)) {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
    g_debug ("Skipping %s: %s", g_file_peek_path (folder), local_error->message);
    g_ptr_array_add (collection->unreadable, g_object_ref (folder));
    return TRUE;
  }
  /* Nothing added and nothing else to say about it: the folder holds no image. */
  if (empty != NULL && collection->files->len == n_before &&
      collection->skipped->len == n_skipped_before &&
      (collection->unreadable == NULL || collection->unreadable->len == n_unreadable_before))
    g_ptr_array_add (empty, g_object_ref (folder));
  return TRUE;
}


static GPtrArray *
collect_files (GFile        **inputs,
               guint          n_inputs,
               GPtrArray    **skipped,
               GPtrArray    **unreadable,
               GPtrArray    **empty,
               GCancellable  *cancellable,
               GError       **error)
{
  Collection collection = {
    g_ptr_array_new_with_free_func (g_object_unref),
    g_ptr_array_new_with_free_func (g_object_unref),
    unreadable != NULL ? g_ptr_array_new_with_free_func (g_object_unref) : NULL,
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
    FALSE,
  };
  g_autoptr(GPtrArray) empty_folders = empty != NULL
    ? g_ptr_array_new_with_free_func (g_object_unref) : NULL;

  for (guint i = 0; i < n_inputs; i++) {
    GFileType type = g_file_query_file_type (inputs[i], G_FILE_QUERY_INFO_NONE, cancellable);

    if (type == G_FILE_TYPE_DIRECTORY) {
      if (!walk_input_folder (&collection, inputs[i], empty_folders, cancellable, error))
        goto fail;
    } else if (type == G_FILE_TYPE_UNKNOWN) {
      g_autofree char *name = g_file_get_parse_name (inputs[i]);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("“%s” does not exist"), name);
      goto fail;
    } else {
      add_file (&collection, inputs[i]);
    }
  }
  if (collection.truncated)
    g_warning ("Only the first %d files are verified", CL_FILE_COLLECTOR_MAX_FILES);
  g_hash_table_unref (collection.seen);
  if (skipped != NULL)
    *skipped = g_steal_pointer (&collection.skipped);
  g_clear_pointer (&collection.skipped, g_ptr_array_unref);
  if (unreadable != NULL)
    *unreadable = g_steal_pointer (&collection.unreadable);
  if (empty != NULL)
    *empty = g_steal_pointer (&empty_folders);
  return collection.files;

fail:
  g_hash_table_unref (collection.seen);
  g_ptr_array_unref (collection.skipped);
  g_clear_pointer (&collection.unreadable, g_ptr_array_unref);
  g_ptr_array_unref (collection.files);
  return NULL;
}


GPtrArray *
cl_file_collector_collect (GFile        **inputs,
                           guint          n_inputs,
                           GPtrArray    **skipped,
                           GCancellable  *cancellable,
                           GError       **error)
{
  return collect_files (inputs, n_inputs, skipped, NULL, NULL, cancellable, error);
}


typedef struct {
  GFile **inputs;
  guint   n_inputs;
} CollectData;

typedef struct {
  GPtrArray *files;
  GPtrArray *skipped;
  GPtrArray *unreadable;
  GPtrArray *empty;
} CollectResult;


static void
collect_result_free (gpointer data)
{
  CollectResult *found = data;

  g_clear_pointer (&found->files, g_ptr_array_unref);
  g_clear_pointer (&found->skipped, g_ptr_array_unref);
  g_clear_pointer (&found->unreadable, g_ptr_array_unref);
  g_clear_pointer (&found->empty, g_ptr_array_unref);
  g_free (found);
}


static void
collect_data_free (gpointer data)
{
  CollectData *collect = data;

  for (guint i = 0; i < collect->n_inputs; i++)
    g_object_unref (collect->inputs[i]);
  g_free (collect->inputs);
  g_free (collect);
}


static void
collect_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  CollectData *collect = task_data;
  GError *error = NULL;
  CollectResult *found = g_new0 (CollectResult, 1);

  found->files = collect_files (collect->inputs, collect->n_inputs, &found->skipped,
                                &found->unreadable, &found->empty, cancellable, &error);
  if (found->files == NULL) {
    collect_result_free (found);
    g_task_return_error (task, error);
  } else {
    g_task_return_pointer (task, found, collect_result_free);
  }
}


void
cl_file_collector_collect_async (GFile              **inputs,
                                 guint                n_inputs,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  CollectData *collect = g_new0 (CollectData, 1);

  collect->inputs = g_new (GFile *, n_inputs > 0 ? n_inputs : 1);
  collect->n_inputs = n_inputs;
  for (guint i = 0; i < n_inputs; i++)
    collect->inputs[i] = g_object_ref (inputs[i]);
  g_task_set_source_tag (task, cl_file_collector_collect_async);
  g_task_set_task_data (task, collect, collect_data_free);
  g_task_run_in_thread (task, collect_thread);
}


GPtrArray *
cl_file_collector_collect_finish (GAsyncResult  *result,
                                  GPtrArray    **skipped,
                                  GError       **error)
{
  return cl_file_collector_collect_finish_full (result, skipped, NULL, NULL, error);
}


GPtrArray *
cl_file_collector_collect_finish_full (GAsyncResult  *result,
                                       GPtrArray    **skipped,
                                       GPtrArray    **unreadable,
                                       GPtrArray    **empty,
                                       GError       **error)
{
  CollectResult *found;
  GPtrArray *files;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  found = g_task_propagate_pointer (G_TASK (result), error);
  if (found == NULL)
    return NULL;
  files = g_steal_pointer (&found->files);
  if (skipped != NULL)
    *skipped = g_steal_pointer (&found->skipped);
  if (unreadable != NULL)
    *unreadable = g_steal_pointer (&found->unreadable);
  if (empty != NULL)
    *empty = g_steal_pointer (&found->empty);
  collect_result_free (found);
  return files;
}
