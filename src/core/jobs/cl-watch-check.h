/* cl-watch-check.h: what the watch folder does with one complete file — sign it, or
 * skip it (not an image, already signed, its output name taken) — and the rule that
 * says a file is already signed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum {
  CL_WATCH_CHECK_SIGN,
  CL_WATCH_CHECK_NOT_IMAGE,
  CL_WATCH_CHECK_ALREADY_SIGNED,
  CL_WATCH_CHECK_NAME_TAKEN,
  CL_WATCH_CHECK_GONE,
} ClWatchCheck;

/* Reads the head of input and looks at output (its future signed copy). Blocking. */
ClWatchCheck  cl_watch_check_file     (const char   *input,
                                       const char   *output,
                                       GCancellable *cancellable);
/* Why a file is skipped, for people (translated); NULL for CL_WATCH_CHECK_SIGN. */
const char   *cl_watch_check_describe (ClWatchCheck  check);

/* Removes, in a thread, the temporary files that signings cut short by the process ending
 * left in output_folder (once older than CL_ATOMIC_FILE_STALE_AGE). */
void          cl_watch_check_remove_stale (const char   *output_folder);

G_END_DECLS
