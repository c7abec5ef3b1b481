/* cl-watch-check.h: what the watch folder does with one complete file — sign it, or
 * skip it (not an image, already signed by this profile, its output name taken) — the
 * rule that says a file is already signed, and where its signed copy goes.
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
  CL_WATCH_CHECK_REPLACE,       /* sign; output is another signer's and is replaced */
} ClWatchCheck;

/* Reads input and looks at output (its future signed copy); signer_der is the DER
 * certificate of the profile that signs. Blocking. */
ClWatchCheck  cl_watch_check_file     (const char   *input,
                                       const char   *output,
                                       GBytes       *signer_der,
                                       GCancellable *cancellable);
/* The output file name for input: output_folder/<input's name>. */
char         *cl_watch_folder_output_path (const char   *output_folder,
                                           const char   *input);
/* Whether check says the file is to be signed (SIGN or REPLACE). */
gboolean      cl_watch_check_is_to_sign (ClWatchCheck check);

/* Where a watch signs into and with which certificate: immutable once made, shared with
 * the threads that check files. */
typedef struct {
  char   *output_folder;
  GBytes *signer_der;
} ClWatchTarget;

ClWatchTarget *cl_watch_target_new   (const char    *output_folder,
                                      GBytes        *signer_der);
ClWatchTarget *cl_watch_target_ref   (ClWatchTarget *target);
void           cl_watch_target_unref (ClWatchTarget *target);
/* Whether path, a file of the watched folder, is still to be signed into target (a
 * ClWatchTarget): the watch's scan filter. Blocking. */
gboolean       cl_watch_target_wants (const char    *path,
                                      gpointer       target);
/* Why a file is skipped, for people (translated); NULL for CL_WATCH_CHECK_SIGN. */
const char   *cl_watch_check_describe (ClWatchCheck  check);

/* Removes, in a thread, the temporary files that signings cut short by the process ending
 * left in output_folder (once older than CL_ATOMIC_FILE_STALE_AGE). */
void          cl_watch_check_remove_stale (const char   *output_folder);

G_END_DECLS
