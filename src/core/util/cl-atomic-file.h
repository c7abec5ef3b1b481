/* cl-atomic-file.h: writing a file, or a whole folder, so that readers see the old
 * version or the new one, never a part of either.
 *
 * A file is written into a temporary file next to it (same folder, so same file
 * system), synced to disk, and then renamed over the target, or linked to it when an
 * existing target must never be replaced. Until then the temporary file can be read
 * back by its path. Whatever fails, no temporary file is left behind; only a process
 * that is killed meanwhile leaves one, for cl_atomic_file_remove_stale() to find.
 *
 * A folder is written complete under another name next to the target and then
 * swapped in.
 *
 * Errors are G_FILE_ERROR.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum {
  CL_ATOMIC_FILE_REPLACE,        /* rename(): an existing target is replaced */
  CL_ATOMIC_FILE_NO_REPLACE,     /* link(): G_FILE_ERROR_EXIST when the target exists */
} ClAtomicFileCommit;

typedef struct _ClAtomicFile ClAtomicFile;

/* Creates the temporary file for path, with the mode bits given (less the umask). */
ClAtomicFile  *cl_atomic_file_new           (const char          *path,
                                             int                  mode,
                                             GError             **error);
/* Where to write the new contents (owned by the file). */
GOutputStream *cl_atomic_file_get_stream    (ClAtomicFile        *self);
/* The temporary file's path, to read back what was written before committing. */
const char    *cl_atomic_file_get_temp_path (ClAtomicFile        *self);
/* Flushes the stream and syncs the temporary file to disk: it is complete (or,
 * on failure, removed). */
gboolean       cl_atomic_file_finish        (ClAtomicFile        *self,
                                             GCancellable        *cancellable,
                                             GError             **error);
/* Gives the finished temporary file the target's name (finishing it first if need
 * be) and syncs the folder. The temporary file is gone afterwards, either way. */
gboolean       cl_atomic_file_commit        (ClAtomicFile        *self,
                                             ClAtomicFileCommit   how,
                                             GError             **error);
/* Removes the temporary file unless it was committed. */
void           cl_atomic_file_free          (ClAtomicFile        *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClAtomicFile, cl_atomic_file_free)

/* Removes from folder (not deeper) the temporary files that writes interrupted before
 * they committed left behind, when unchanged for at least min_age. Returns how many
 * were removed; a folder that cannot be read has none. */
guint          cl_atomic_file_remove_stale  (const char          *folder,
                                             GTimeSpan            min_age);
/* The min_age after which nobody writes a temporary file any more. */
#define CL_ATOMIC_FILE_STALE_AGE (G_TIME_SPAN_MINUTE)

/* The whole of it in one call: path gets size bytes of data (size -1: a string),
 * replacing what was there. */
gboolean       cl_atomic_file_set_contents  (const char          *path,
                                             const void          *data,
                                             gssize               size,
                                             int                  mode,
                                             GError             **error);

/* Puts the complete folder staging in the place of target. An existing target is
 * exchanged with staging in one step (renameat2 RENAME_EXCHANGE), so that readers see
 * the old folder or the new one, never a mix; the previous folder is then at staging.
 * aside: on a file system that cannot exchange, target is moved there and staging
 * renamed in its place (for a moment there is no target) and the previous folder is
 * at aside; NULL fails there instead. A missing target is simply created. On failure
 * target is as it was. Either way, removing staging and aside afterwards is the
 * caller's (cl_atomic_dir_remove()). */
gboolean       cl_atomic_dir_replace        (const char          *staging,
                                             const char          *target,
                                             const char          *aside,
                                             GError             **error);
/* Removes a folder of plain files (not deeper), or a file of that name. A path that
 * does not exist is not an error. */
gboolean       cl_atomic_dir_remove         (const char          *path,
                                             GError             **error);

G_END_DECLS
