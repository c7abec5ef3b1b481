/* cl-sign-record.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cl-asset.h"
#include "cl-content-hash.h"
#include "cl-error.h"
#include "cl-sign-record.h"
#include "cl-x509.h"


gboolean
cl_sign_record_proof (ClProofCache     *cache,
                      const char       *output,
                      ClSignResult     *result,
                      ClSigningProfile *profile,
                      guint             retention_days,
                      GError          **error)
{
  g_autoptr(ClAssetInfo) info = NULL;
  g_autoptr(ClProof) proof = NULL;
  g_autoptr(GBytes) leaf_der = NULL;
  GBytes *store = result->store;
  X509 *leaf;

  /* The signer checked that output reads back with exactly this store; only a
   * result without it has the file read again. */
  if (store == NULL) {
    info = cl_asset_read_file (output, NULL, error);
    if (info == NULL)
      return FALSE;
    store = info->store;
  }
  if (store == NULL) {
    g_set_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_FAILED,
                 _("“%s” carries no Content Credentials to record"), output);
    return FALSE;
  }

  proof = cl_proof_new (CL_PROOF_KIND_SIGNED);
  /* Our data hash excludes exactly our own segments, so it is the content hash: the
   * SHA-256 of every byte outside the C2PA store, the key the proof cache matches on. */
  proof->content_hash = cl_content_hash_hex (result->data_hash, sizeof result->data_hash);
  proof->manifest_label = g_strdup (result->manifest_label);
  proof->manifest_store = g_bytes_ref (store);
  proof->verdict = CL_PROOF_VERDICT_VALID;
  proof->source_name = g_path_get_basename (output);
  proof->signing_time = g_date_time_new_now_utc ();
  leaf = cl_signing_profile_get_leaf (profile);
  if (leaf != NULL) {
    proof->signer_subject = cl_x509_name_to_string (X509_get_subject_name (leaf));
    leaf_der = cl_x509_to_der (leaf);
    proof->signer_fingerprint = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, leaf_der);
  }
  return cl_proof_cache_store (cache, proof,
                               retention_days > 0 ? retention_days
                                                  : cl_proof_cache_retention_days_from_settings (),
                               NULL, error);
}


ClSignResult *
cl_sign_record_sign_file (ClSigningProfile    *profile,
                          const ClSignOptions *options,
                          ClProofCache        *cache,
                          const char          *input,
                          const char          *output,
                          GCancellable        *cancellable,
                          GError             **error)
{
  ClSignResult *result = cl_signer_sign_file (profile, options, input, output, cancellable,
                                              error);
  g_autoptr(GError) proof_error = NULL;

  if (result != NULL && cache != NULL &&
      !cl_sign_record_proof (cache, output, result, profile, 0, &proof_error))
    result->proof_error = g_strdup (proof_error->message);
  return result;
}


typedef struct {
  ClSigningProfile *profile;
  ClSignOptions    *options;
  ClProofCache     *cache;
  char             *input;
  char             *output;
} SignRecordData;


static void
sign_record_data_free (gpointer data)
{
  SignRecordData *task_data = data;

  cl_signing_profile_unref (task_data->profile);
  cl_sign_options_free (task_data->options);
  g_clear_object (&task_data->cache);
  g_free (task_data->input);
  g_free (task_data->output);
  g_free (task_data);
}


static void
sign_record_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      data,
                    GCancellable *cancellable)
{
  SignRecordData *task_data = data;
  GError *error = NULL;
  ClSignResult *result;

  result = cl_sign_record_sign_file (task_data->profile, task_data->options, task_data->cache,
                                     task_data->input, task_data->output, cancellable, &error);
  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, (GDestroyNotify) cl_sign_result_free);
}


void
cl_sign_record_sign_file_async (ClSigningProfile    *profile,
                                const ClSignOptions *options,
                                ClProofCache        *cache,
                                const char          *input,
                                const char          *output,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  SignRecordData *task_data = g_new0 (SignRecordData, 1);

  task_data->profile = cl_signing_profile_ref (profile);
  task_data->options = cl_sign_options_copy (options);
  task_data->cache = cache != NULL ? g_object_ref (cache) : NULL;
  task_data->input = g_strdup (input);
  task_data->output = g_strdup (output);
  g_task_set_source_tag (task, cl_sign_record_sign_file_async);
  g_task_set_task_data (task, task_data, sign_record_data_free);
  g_task_run_in_thread (task, sign_record_thread);
}


ClSignResult *
cl_sign_record_sign_file_finish (GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}


static void
open_cache_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      data,
                   GCancellable *cancellable)
{
  GError *error = NULL;
  ClProofCache *cache = cl_proof_cache_open (data, &error);

  if (cache == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, cache, g_object_unref);
}


void
cl_sign_record_open_cache_async (const char          *database,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, cl_sign_record_open_cache_async);
  g_task_set_task_data (task, g_strdup (database), g_free);
  g_task_run_in_thread (task, open_cache_thread);
}


ClProofCache *
cl_sign_record_open_cache_finish (GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
