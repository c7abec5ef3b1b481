/* cl-picture-loader.h: an image decoded for showing, in a worker thread, at most size
 * pixels on its longer side and upright (its EXIF orientation applied): from a file (only
 * a regular file is opened) or from bytes (a claim thumbnail).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void        cl_picture_loader_load_file_async  (const char          *path,
                                                int                  size,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
void        cl_picture_loader_load_bytes_async (GBytes              *bytes,
                                                int                  size,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
GdkTexture *cl_picture_loader_load_finish      (GAsyncResult        *result,
                                                GError             **error);

G_END_DECLS
