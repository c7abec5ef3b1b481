/* cl-watch-check.c: one complete file of the watch folder, checked.
 *
 * What "already signed" means, so that a restart (or a crash) never signs twice: input
 * X is signed when output_folder/X exists and carries a C2PA manifest store. The signer
 * writes its output under a temporary name and renames it into place only when it is
 * whole, so after a crash the output is either whole or absent: absent means X is
 * signed again, present means never again. The proof is recorded after the rename; a
 * crash between the two leaves a signed output without its History entry, never a
 * second signing. An output of that name without credentials is not ours: X is skipped
 * and said so, and that file is left alone. A signing cut short by the process ending (a
 * crash, a kill) leaves only its temporary file, removed when the watch starts again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-job-watch-folder"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-asset.h"
#include "cl-atomic-file.h"
#include "cl-watch-check.h"

/* As much of the head as the format sniffing looks at. */
#define SNIFF_BYTES 512


ClWatchCheck
cl_watch_check_file (const char   *input,
                     const char   *output,
                     GCancellable *cancellable)
{
  g_autoptr(GFile) file = g_file_new_for_path (input);
  g_autoptr(GFileInputStream) stream = g_file_read (file, cancellable, NULL);
  guint8 head[SNIFF_BYTES];
  gsize head_len = 0;

  if (stream == NULL)
    return CL_WATCH_CHECK_GONE;
  if (!g_input_stream_read_all (G_INPUT_STREAM (stream), head, sizeof head, &head_len,
                                cancellable, NULL) ||
      head_len == 0 || !cl_asset_format_is_supported (cl_asset_sniff (head, head_len)))
    return CL_WATCH_CHECK_NOT_IMAGE;
  if (g_file_test (output, G_FILE_TEST_EXISTS)) {
    g_autoptr(ClAssetInfo) info = cl_asset_read_file (output, cancellable, NULL);

    return info != NULL && info->store != NULL ? CL_WATCH_CHECK_ALREADY_SIGNED
                                               : CL_WATCH_CHECK_NAME_TAKEN;
  }
  return CL_WATCH_CHECK_SIGN;
}


const char *
cl_watch_check_describe (ClWatchCheck check)
{
  switch (check) {
  case CL_WATCH_CHECK_NOT_IMAGE:
    return _("not an image CredLink can sign");
  case CL_WATCH_CHECK_ALREADY_SIGNED:
    return _("already signed: the output folder has a signed file of that name");
  case CL_WATCH_CHECK_NAME_TAKEN:
    return _("the output folder has another file of that name, without Content Credentials");
  case CL_WATCH_CHECK_GONE:
    return _("the file is gone");
  case CL_WATCH_CHECK_SIGN:
  default:
    return NULL;
  }
}


static void
remove_stale_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  guint n = cl_atomic_file_remove_stale (task_data, CL_ATOMIC_FILE_STALE_AGE);

  if (n > 0)
    g_log_structured (G_LOG_DOMAIN, G_LOG_LEVEL_INFO, "MESSAGE",
                      "Removed %u unfinished files an interrupted signing left in %s", n,
                      (const char *) task_data);
  g_task_return_boolean (task, TRUE);
}


void
cl_watch_check_remove_stale (const char *output_folder)
{
  g_autoptr(GTask) task = g_task_new (NULL, NULL, NULL, NULL);

  g_task_set_source_tag (task, cl_watch_check_remove_stale);
  g_task_set_task_data (task, g_strdup (output_folder), g_free);
  g_task_run_in_thread (task, remove_stale_thread);
}
