/* cl-watch-check.c: one complete file of the watch folder, checked.
 *
 * What "already signed" means, so that a restart (or a crash) never signs twice: input
 * X is signed by this profile when output_folder/X exists and its active manifest is
 * signed with the profile's certificate (or when X itself is, a copy of something this
 * profile signed). The signer writes its output under a temporary name and renames it
 * into place only when it is whole, so after a crash the output is either whole or
 * absent: absent means X is signed again, present means never again. The proof is
 * recorded after the rename; a crash between the two leaves a signed output without its
 * History entry, never a second signing. A file another profile or a camera signed is
 * signed again, its manifest kept as the parent of ours; an output of that name that
 * another signer signed (an earlier watch with another profile) is replaced by this
 * profile's. An output of that name without credentials is not ours: X is skipped and
 * said so, and that file is left alone. A signing cut short by the process ending (a
 * crash, a kill) leaves only its temporary file, removed when the watch starts again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-job-watch-folder"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-asset.h"
#include "cl-atomic-file.h"
#include "cl-manifest-store.h"
#include "cl-watch-check.h"

/* As much of the head as the format sniffing looks at. */
#define SNIFF_BYTES 512


/* Whether the active manifest of the store info carries is signed with signer_der. */
static gboolean
signed_with (ClAssetInfo *info,
             GBytes      *signer_der)
{
  g_autoptr(ClManifestStore) store = NULL;
  g_autoptr(ClCoseSign1) signature = NULL;
  ClManifest *active;

  if (info == NULL || info->store == NULL)
    return FALSE;
  store = cl_manifest_store_parse (info->store, NULL);
  active = store != NULL ? cl_manifest_store_get_active (store) : NULL;
  signature = active != NULL ? cl_manifest_parse_signature (active) : NULL;
  return signature != NULL && signature->x5chain->len > 0 &&
         g_bytes_equal (g_ptr_array_index (signature->x5chain, 0), signer_der);
}


ClWatchCheck
cl_watch_check_file (const char   *input,
                     const char   *output,
                     GBytes       *signer_der,
                     GCancellable *cancellable)
{
  g_autoptr(GFile) file = g_file_new_for_path (input);
  g_autoptr(GFileInputStream) stream = g_file_read (file, cancellable, NULL);
  g_autoptr(ClAssetInfo) input_info = NULL;
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

    if (info == NULL || info->store == NULL)
      return CL_WATCH_CHECK_NAME_TAKEN;
    if (signed_with (info, signer_der))
      return CL_WATCH_CHECK_ALREADY_SIGNED;
    /* Ours to replace: it came from a watch with another profile. */
    return CL_WATCH_CHECK_REPLACE;
  }
  /* An image this profile signed, exported again: a second manifest of ours on it would
   * say nothing new. */
  input_info = cl_asset_read_file (input, cancellable, NULL);
  if (signed_with (input_info, signer_der))
    return CL_WATCH_CHECK_ALREADY_SIGNED;
  return CL_WATCH_CHECK_SIGN;
}


gboolean
cl_watch_check_is_to_sign (ClWatchCheck check)
{
  return check == CL_WATCH_CHECK_SIGN || check == CL_WATCH_CHECK_REPLACE;
}


char *
cl_watch_folder_output_path (const char *output_folder,
                             const char *input)
{
  g_autofree char *name = g_path_get_basename (input);

  return g_build_filename (output_folder, name, NULL);
}


static void
watch_target_clear (gpointer data)
{
  ClWatchTarget *target = data;

  g_free (target->output_folder);
  g_bytes_unref (target->signer_der);
}


ClWatchTarget *
cl_watch_target_new (const char *output_folder,
                     GBytes     *signer_der)
{
  ClWatchTarget *target = g_atomic_rc_box_new0 (ClWatchTarget);

  target->output_folder = g_strdup (output_folder);
  target->signer_der = g_bytes_ref (signer_der);
  return target;
}


ClWatchTarget *
cl_watch_target_ref (ClWatchTarget *target)
{
  return g_atomic_rc_box_acquire (target);
}


void
cl_watch_target_unref (ClWatchTarget *target)
{
  g_atomic_rc_box_release_full (target, watch_target_clear);
}


gboolean
cl_watch_target_wants (const char *path,
                       gpointer    data)
{
  ClWatchTarget *target = data;
  g_autofree char *output = cl_watch_folder_output_path (target->output_folder, path);

  return cl_watch_check_is_to_sign (cl_watch_check_file (path, output, target->signer_der,
                                                         NULL));
}


const char *
cl_watch_check_describe (ClWatchCheck check)
{
  switch (check) {
  case CL_WATCH_CHECK_NOT_IMAGE:
    return _("not an image CredLink can sign");
  case CL_WATCH_CHECK_ALREADY_SIGNED:
    return _("already signed by this signing profile");
  case CL_WATCH_CHECK_NAME_TAKEN:
    return _("the output folder has another file of that name, without Content Credentials");
  case CL_WATCH_CHECK_GONE:
    return _("the file is gone");
  case CL_WATCH_CHECK_SIGN:
  case CL_WATCH_CHECK_REPLACE:
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
