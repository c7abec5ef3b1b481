/* cl-atomic-file.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* For renameat2 () and RENAME_EXCHANGE (glibc >= 2.28). */
#define _GNU_SOURCE 1
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gio/gunixoutputstream.h>

#include "cl-atomic-file.h"

/* A temporary file is named .NAME.credlink-XXXXXX (six random letters or digits). */
#define TEMP_SUFFIX ".credlink-"
#define TEMP_RANDOM_LEN 6

struct _ClAtomicFile {
  char          *path;
  char          *temp_path;    /* NULL once committed or discarded */
  int            fd;           /* -1 once finished */
  GOutputStream *stream;
};


static gboolean set_errno_error (GError     **error,
                                 int          saved_errno,
                                 const char  *format,
                                 ...) G_GNUC_PRINTF (3, 4);

/* Sets a G_FILE_ERROR for saved_errno; always FALSE. */
static gboolean
set_errno_error (GError     **error,
                 int          saved_errno,
                 const char  *format,
                 ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno), message);
  return FALSE;
}


static void
sync_folder_of (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  if (fd < 0)
    return;
  (void) fsync (fd);
  close (fd);
}


ClAtomicFile *
cl_atomic_file_new (const char  *path,
                    int          mode,
                    GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *template_name = g_strdup_printf (".%s" TEMP_SUFFIX "XXXXXX", base);
  g_autofree char *temp_path = g_build_filename (dir, template_name, NULL);
  ClAtomicFile *self;
  int fd;

  fd = g_mkstemp_full (temp_path, O_RDWR | O_CLOEXEC, mode);
  if (fd < 0) {
    int saved_errno = errno;

    set_errno_error (error, saved_errno, _("Cannot create a file in “%s”: %s"), dir,
                     g_strerror (saved_errno));
    return NULL;
  }
  self = g_new0 (ClAtomicFile, 1);
  self->path = g_strdup (path);
  self->temp_path = g_steal_pointer (&temp_path);
  self->fd = fd;
  self->stream = g_unix_output_stream_new (fd, FALSE);
  return self;
}


static void
discard_temporary (ClAtomicFile *self)
{
  if (self->temp_path != NULL)
    g_unlink (self->temp_path);
  g_clear_pointer (&self->temp_path, g_free);
}


GOutputStream *
cl_atomic_file_get_stream (ClAtomicFile *self)
{
  return self->stream;
}


const char *
cl_atomic_file_get_temp_path (ClAtomicFile *self)
{
  return self->temp_path;
}


gboolean
cl_atomic_file_finish (ClAtomicFile  *self,
                       GCancellable  *cancellable,
                       GError       **error)
{
  int fd = self->fd;
  int saved_errno = 0;
  gboolean ok;

  if (fd < 0)
    return TRUE;
  self->fd = -1;
  ok = g_output_stream_flush (self->stream, cancellable, error);
  if (ok && fsync (fd) != 0)
    saved_errno = errno;
  if (close (fd) != 0 && ok && saved_errno == 0)
    saved_errno = errno;
  if (ok && saved_errno != 0)
    ok = set_errno_error (error, saved_errno, _("Cannot write “%s”: %s"), self->path,
                          g_strerror (saved_errno));
  if (!ok)
    discard_temporary (self);
  return ok;
}


gboolean
cl_atomic_file_commit (ClAtomicFile        *self,
                       ClAtomicFileCommit   how,
                       GError             **error)
{
  g_autofree char *temp_path = NULL;
  int rc, saved_errno;

  if (!cl_atomic_file_finish (self, NULL, error))
    return FALSE;
  g_return_val_if_fail (self->temp_path != NULL, FALSE);   /* committed, or failed, before */
  temp_path = g_steal_pointer (&self->temp_path);
  /* link() fails when the target exists, so a file that appeared meanwhile is
   * never overwritten; rename() replaces in one step. */
  rc = how == CL_ATOMIC_FILE_REPLACE ? g_rename (temp_path, self->path)
                                     : link (temp_path, self->path);
  saved_errno = errno;
  if (rc != 0 || how == CL_ATOMIC_FILE_NO_REPLACE)
    g_unlink (temp_path);
  if (rc != 0 && saved_errno == EEXIST) {
    g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_EXIST, _("“%s” already exists"), self->path);
    return FALSE;
  }
  if (rc != 0)
    return set_errno_error (error, saved_errno, _("Cannot create “%s”: %s"), self->path,
                            g_strerror (saved_errno));
  sync_folder_of (self->path);
  return TRUE;
}


void
cl_atomic_file_free (ClAtomicFile *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->stream);
  if (self->fd >= 0)
    close (self->fd);
  discard_temporary (self);
  g_free (self->path);
  g_free (self);
}


gboolean
cl_atomic_file_set_contents (const char  *path,
                             const void  *data,
                             gssize       size,
                             int          mode,
                             GError     **error)
{
  g_autoptr(ClAtomicFile) file = cl_atomic_file_new (path, mode, error);

  if (file == NULL)
    return FALSE;
  if (size < 0)
    size = (gssize) strlen (data);
  return g_output_stream_write_all (file->stream, data, (gsize) size, NULL, NULL, error) &&
         cl_atomic_file_commit (file, CL_ATOMIC_FILE_REPLACE, error);
}


/* A file system without RENAME_EXCHANGE: target goes aside, staging takes its
 * place, so for a moment there is no target. */
static gboolean
replace_by_two_renames (const char  *staging,
                        const char  *target,
                        const char  *aside,
                        GError     **error)
{
  int saved_errno;

  cl_atomic_dir_remove (aside, NULL);   /* left over from an interrupted replacement */
  if (g_rename (target, aside) != 0) {
    saved_errno = errno;
    return set_errno_error (error, saved_errno, _("Cannot move aside “%s”: %s"), target,
                            g_strerror (saved_errno));
  }
  if (g_rename (staging, target) != 0) {
    saved_errno = errno;
    (void) g_rename (aside, target);
    return set_errno_error (error, saved_errno, _("Cannot replace “%s”: %s"), target,
                            g_strerror (saved_errno));
  }
  return TRUE;
}


gboolean
cl_atomic_dir_replace (const char  *staging,
                       const char  *target,
                       const char  *aside,
                       GError     **error)
{
  int saved_errno;

  if (!g_file_test (target, G_FILE_TEST_EXISTS)) {
    if (g_rename (staging, target) == 0)
      return TRUE;
    saved_errno = errno;
    return set_errno_error (error, saved_errno, _("Cannot create “%s”: %s"), target,
                            g_strerror (saved_errno));
  }
  if (renameat2 (AT_FDCWD, staging, AT_FDCWD, target, RENAME_EXCHANGE) == 0)
    return TRUE;
  saved_errno = errno;
  if (aside != NULL &&
      (saved_errno == EINVAL || saved_errno == ENOSYS || saved_errno == EOPNOTSUPP))
    return replace_by_two_renames (staging, target, aside, error);
  return set_errno_error (error, saved_errno, _("Cannot replace “%s”: %s"), target,
                          g_strerror (saved_errno));
}


gboolean
cl_atomic_dir_remove (const char  *path,
                      GError     **error)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;
  gboolean ok = TRUE;

  int saved_errno;

  if (dir == NULL) {
    if (g_remove (path) == 0 || errno == ENOENT)
      return TRUE;
    saved_errno = errno;
    return set_errno_error (error, saved_errno, "%s: %s", path, g_strerror (saved_errno));
  }
  /* Every file is tried, the first failure is the one reported. */
  while ((name = g_dir_read_name (dir)) != NULL) {
    g_autofree char *child = g_build_filename (path, name, NULL);

    if (g_remove (child) != 0 && ok) {
      saved_errno = errno;
      ok = set_errno_error (error, saved_errno, "%s: %s", child, g_strerror (saved_errno));
    }
  }
  if (g_rmdir (path) != 0 && errno != ENOENT && ok) {
    saved_errno = errno;
    ok = set_errno_error (error, saved_errno, "%s: %s", path, g_strerror (saved_errno));
  }
  return ok;
}


/* .NAME.credlink-XXXXXX, as cl_atomic_file_new() names its temporary files. */
static gboolean
is_temporary_name (const char *name)
{
  gsize len = strlen (name);
  gsize suffix_len = strlen (TEMP_SUFFIX) + TEMP_RANDOM_LEN;

  if (name[0] != '.' || len < 2 + suffix_len ||
      strncmp (name + len - suffix_len, TEMP_SUFFIX, strlen (TEMP_SUFFIX)) != 0)
    return FALSE;
  for (gsize i = len - TEMP_RANDOM_LEN; i < len; i++) {
    if (!g_ascii_isalnum (name[i]))
      return FALSE;
  }
  return TRUE;
}


guint
cl_atomic_file_remove_stale (const char *folder,
                             GTimeSpan   min_age)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  gint64 now = g_get_real_time ();
  const char *name;
  guint removed = 0;

  if (dir == NULL)
    return 0;
  while ((name = g_dir_read_name (dir)) != NULL) {
    g_autofree char *path = NULL;
    GStatBuf st;

    if (!is_temporary_name (name))
      continue;
    path = g_build_filename (folder, name, NULL);
    /* Only regular files, and only those nobody has written to for a while: a younger
     * one may belong to a writer still at work. */
    if (g_lstat (path, &st) != 0 || !S_ISREG (st.st_mode) ||
        now - (gint64) st.st_mtime * G_USEC_PER_SEC < min_age)
      continue;
    if (g_unlink (path) == 0)
      removed++;
  }
  return removed;
}
