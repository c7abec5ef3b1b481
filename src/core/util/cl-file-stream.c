/* cl-file-stream.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gi18n.h>

#include "cl-file-stream.h"

struct _ClFileStream
{
  GInputStream  parent_instance;

  int           fd;
  guint         mode;
};

static void cl_file_stream_seekable_init (GSeekableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ClFileStream, cl_file_stream, G_TYPE_INPUT_STREAM,
                               G_IMPLEMENT_INTERFACE (G_TYPE_SEEKABLE,
                                                      cl_file_stream_seekable_init))


static gboolean
set_errno_error (GError     **error,
                 int          saved_errno,
                 const char  *path)
{
  g_autofree char *name = g_filename_display_name (path);

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("Error opening file %s: %s"), name, g_strerror (saved_errno));
  return FALSE;
}


/* Only regular files are read: the others get a sentence that says what they are. */
static gboolean
check_regular (const struct stat  *st,
               GError            **error)
{
  if (S_ISREG (st->st_mode))
    return TRUE;
  if (S_ISDIR (st->st_mode))
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                         _("This is a folder, not a file"));
  else if (S_ISFIFO (st->st_mode))
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                         _("This is a pipe, not a regular file; only regular files can be read"));
  else if (S_ISSOCK (st->st_mode))
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                         _("This is a socket, not a regular file; only regular files can be read"));
  else if (S_ISCHR (st->st_mode) || S_ISBLK (st->st_mode))
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                         _("This is a device, not a regular file; only regular files can be read"));
  else
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                         _("This is not a regular file; only regular files can be read"));
  return FALSE;
}


GInputStream *
cl_file_stream_open (const char    *path,
                     GCancellable  *cancellable,
                     GError       **error)
{
  ClFileStream *self;
  struct stat st;
  int fd;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  /* Looked at first, so that a pipe or a device is never even opened. */
  if (stat (path, &st) != 0) {
    set_errno_error (error, errno, path);
    return NULL;
  }
  if (!check_regular (&st, error))
    return NULL;
  /* Replaced by a pipe since? O_NONBLOCK keeps open() from waiting for a writer. */
  fd = open (path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
  if (fd < 0) {
    set_errno_error (error, errno, path);
    return NULL;
  }
  if (fstat (fd, &st) != 0 || !check_regular (&st, error) ||
      fcntl (fd, F_SETFL, fcntl (fd, F_GETFL) & ~O_NONBLOCK) != 0) {
    if (error != NULL && *error == NULL)
      set_errno_error (error, errno, path);
    close (fd);
    return NULL;
  }
  self = g_object_new (CL_TYPE_FILE_STREAM, NULL);
  self->fd = fd;
  self->mode = st.st_mode & 0777;
  return G_INPUT_STREAM (self);
}


guint
cl_file_stream_get_mode (ClFileStream *self)
{
  g_return_val_if_fail (CL_IS_FILE_STREAM (self), 0);

  return self->mode;
}


static gssize
cl_file_stream_read (GInputStream  *stream,
                     void          *buffer,
                     gsize          count,
                     GCancellable  *cancellable,
                     GError       **error)
{
  ClFileStream *self = CL_FILE_STREAM (stream);
  gssize n;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return -1;
  do
    n = read (self->fd, buffer, count);
  while (n < 0 && errno == EINTR);
  if (n < 0) {
    int saved_errno = errno;

    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                 _("Error reading from file: %s"), g_strerror (saved_errno));
  }
  return n;
}


/* Skipping moves the offset, never past the end of the file. */
static gssize
cl_file_stream_skip (GInputStream  *stream,
                     gsize          count,
                     GCancellable  *cancellable,
                     GError       **error)
{
  ClFileStream *self = CL_FILE_STREAM (stream);
  off_t start, end;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return -1;
  start = lseek (self->fd, 0, SEEK_CUR);
  end = start >= 0 ? lseek (self->fd, 0, SEEK_END) : -1;
  if (end < 0) {
    int saved_errno = errno;

    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                 _("Error seeking in file: %s"), g_strerror (saved_errno));
    return -1;
  }
  count = (gsize) MIN ((guint64) count, (guint64) MAX (end - start, 0));
  lseek (self->fd, start + (off_t) count, SEEK_SET);
  return (gssize) count;
}


static gboolean
cl_file_stream_close (GInputStream  *stream,
                      GCancellable  *cancellable,
                      GError       **error)
{
  ClFileStream *self = CL_FILE_STREAM (stream);

  if (self->fd >= 0)
    close (self->fd);
  self->fd = -1;
  return TRUE;
}


static goffset
cl_file_stream_tell (GSeekable *seekable)
{
  return (goffset) lseek (CL_FILE_STREAM (seekable)->fd, 0, SEEK_CUR);
}


static gboolean
cl_file_stream_can_seek (GSeekable *seekable)
{
  return TRUE;
}


static gboolean
cl_file_stream_seek (GSeekable     *seekable,
                     goffset        offset,
                     GSeekType      type,
                     GCancellable  *cancellable,
                     GError       **error)
{
  static const int whence[] = { [G_SEEK_CUR] = SEEK_CUR, [G_SEEK_SET] = SEEK_SET,
                                [G_SEEK_END] = SEEK_END };

  if (lseek (CL_FILE_STREAM (seekable)->fd, (off_t) offset, whence[type]) < 0) {
    int saved_errno = errno;

    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                 _("Error seeking in file: %s"), g_strerror (saved_errno));
    return FALSE;
  }
  return TRUE;
}


static gboolean
cl_file_stream_can_truncate (GSeekable *seekable)
{
  return FALSE;
}


static gboolean
cl_file_stream_truncate (GSeekable     *seekable,
                         goffset        offset,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                       _("Cannot truncate a stream opened for reading"));
  return FALSE;
}


static void
cl_file_stream_seekable_init (GSeekableIface *iface)
{
  iface->tell = cl_file_stream_tell;
  iface->can_seek = cl_file_stream_can_seek;
  iface->seek = cl_file_stream_seek;
  iface->can_truncate = cl_file_stream_can_truncate;
  iface->truncate_fn = cl_file_stream_truncate;
}


static void
cl_file_stream_finalize (GObject *object)
{
  ClFileStream *self = CL_FILE_STREAM (object);

  /* An unclosed stream is closed by GInputStream's dispose; this is for safety. */
  if (self->fd >= 0)
    close (self->fd);
  G_OBJECT_CLASS (cl_file_stream_parent_class)->finalize (object);
}


static void
cl_file_stream_class_init (ClFileStreamClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GInputStreamClass *stream_class = G_INPUT_STREAM_CLASS (klass);

  object_class->finalize = cl_file_stream_finalize;
  stream_class->read_fn = cl_file_stream_read;
  stream_class->skip = cl_file_stream_skip;
  stream_class->close_fn = cl_file_stream_close;
}


static void
cl_file_stream_init (ClFileStream *self)
{
  self->fd = -1;
}
