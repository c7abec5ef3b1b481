/* cl-picture-loader.c: images decoded for showing, off the main loop.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cl-image-preview.h"
#include "cl-picture-loader.h"
#include "cl-thread-priority.h"

/* Embedded thumbnails are small; anything larger than this is not one. */
#define MAX_THUMBNAIL_BYTES (4 * 1024 * 1024)

typedef struct {
  char   *path;
  GBytes *bytes;
  int     size;
} Request;


static void
request_free (gpointer data)
{
  Request *request = data;

  g_free (request->path);
  g_clear_pointer (&request->bytes, g_bytes_unref);
  g_free (request);
}


static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Request *request = task_data;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  GError *error = NULL;

  cl_thread_priority_background ();
  if (request->bytes != NULL) {
    g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (request->bytes);
    g_autoptr(GdkPixbuf) decoded = gdk_pixbuf_new_from_stream_at_scale (stream, request->size,
                                                                        request->size, TRUE,
                                                                        cancellable, &error);

    if (decoded != NULL)
      pixbuf = gdk_pixbuf_apply_embedded_orientation (decoded);
  } else {
    /* As the file list decodes it: every format, bounded, upright. */
    pixbuf = cl_image_preview_load (request->path, request->size, cancellable, &error);
  }
  if (pixbuf == NULL) {
    g_task_return_error (task, error);
    return;
  }
  g_task_return_pointer (task, gdk_texture_new_for_pixbuf (pixbuf), g_object_unref);
}


static void
start (Request             *request,
       GCancellable        *cancellable,
       GAsyncReadyCallback  callback,
       gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, cl_picture_loader_load_file_async);
  g_task_set_task_data (task, request, request_free);
  g_task_run_in_thread (task, load_thread);
}


void
cl_picture_loader_load_file_async (const char          *path,
                                  int                  size,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  Request *request = g_new0 (Request, 1);

  request->path = g_strdup (path);
  request->size = size;
  start (request, cancellable, callback, user_data);
}


void
cl_picture_loader_load_bytes_async (GBytes              *bytes,
                                   int                  size,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  Request *request = g_new0 (Request, 1);

  if (g_bytes_get_size (bytes) > MAX_THUMBNAIL_BYTES) {
    g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

    request_free (request);
    g_task_set_source_tag (task, cl_picture_loader_load_file_async);
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                             _("The thumbnail is too large to be shown"));
    return;
  }
  request->bytes = g_bytes_ref (bytes);
  request->size = size;
  start (request, cancellable, callback, user_data);
}


GdkTexture *
cl_picture_loader_load_finish (GAsyncResult  *result,
                              GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}
