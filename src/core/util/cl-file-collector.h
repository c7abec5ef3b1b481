/* cl-file-collector.h: turns what a person dropped or named (files and
 * folders) into the list of files to verify.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Walking stops at this depth and this many files, so a drop of "/" cannot hang. */
#define CL_FILE_COLLECTOR_MAX_DEPTH 32
#define CL_FILE_COLLECTOR_MAX_FILES 100000

/* Files are kept as given; folders are walked recursively (hidden entries and symbolic
 * links to folders skipped) and contribute the files whose name ends in an image
 * extension CredLink recognises. Results are sorted by path within each folder and
 * never contain the same file twice. Returns a GPtrArray of GFile, or NULL with an
 * error for a path that does not exist. A pipe, socket or device found in a folder with
 * an image's name is left out and, when skipped is given, listed there (a GPtrArray of
 * GFile, possibly empty). Blocking: call it from a worker thread. */
GPtrArray *cl_file_collector_collect        (GFile        **inputs,
                                             guint          n_inputs,
                                             GPtrArray    **skipped,
                                             GCancellable  *cancellable,
                                             GError       **error);

void       cl_file_collector_collect_async  (GFile              **inputs,
                                             guint                n_inputs,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
/* The walk in a thread does not fail on a folder it cannot list (dropped or inside
 * another): it goes on, and _finish_full() lists such folders in unreadable, and the
 * dropped folders that hold no image (and nothing else to report) in empty. Both are
 * GPtrArrays of GFile, possibly empty. */
GPtrArray *cl_file_collector_collect_finish (GAsyncResult        *result,
                                             GPtrArray          **skipped,
                                             GError             **error);
GPtrArray *cl_file_collector_collect_finish_full (GAsyncResult   *result,
                                                  GPtrArray     **skipped,
                                                  GPtrArray     **unreadable,
                                                  GPtrArray     **empty,
                                                  GError        **error);

/* Whether a file name looks like an image (or an MP4/MOV video) CredLink can read or
 * recognise. */
gboolean   cl_file_collector_is_image_name  (const char          *name);

G_END_DECLS
