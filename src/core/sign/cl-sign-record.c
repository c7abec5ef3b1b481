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
