/* cl-file-stream.h: reading a regular file, and only a regular file, as a seekable
 * stream.
 *
 * Opening a named pipe for reading waits for a writer, and pipes, sockets and devices
 * cannot be seeked: an image named like a photo but being one of those would hang the
 * reader or fail with a system error nobody understands. The path is checked before it
 * is opened, opened without blocking, and checked again on the open file, so a file
 * swapped for a pipe in between is refused too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CL_TYPE_FILE_STREAM (cl_file_stream_get_type ())
G_DECLARE_FINAL_TYPE (ClFileStream, cl_file_stream, CL, FILE_STREAM, GInputStream)

/* The file at path, open for reading. Anything but a regular file (symbolic links are
 * followed) is G_IO_ERROR_NOT_REGULAR_FILE, a folder G_IO_ERROR_IS_DIRECTORY, and a
 * path that cannot be opened the G_IO_ERROR of its errno. Never blocks. */
GInputStream *cl_file_stream_open     (const char    *path,
                                       GCancellable  *cancellable,
                                       GError       **error);

/* The permission bits of the file (mode & 0777) when it was opened. */
guint         cl_file_stream_get_mode (ClFileStream  *self);

G_END_DECLS
