/* cl-proof-match.c
 *
 * A proof matches only when both the active manifest label and the claim signature are the
 * same: a label is chosen by whoever signs, so a forged manifest can carry the label of a
 * genuine one. A verified proof keeps the SHA-256 of the claim signature box's payload; a
 * signing record keeps the whole manifest store, from which the same digest is taken.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-verification"

#include "config.h"

#include <openssl/evp.h>

#include "cl-content-hash.h"
#include "cl-manifest-store.h"
#include "cl-proof-match.h"


/* The claim signature digest (hex) of the manifest labelled label in a signing record's
 * stored manifest store, or NULL. */
static char *
signed_claim_signature_hash (ClProofCache *cache,
                             ClProof      *summary,
                             const char   *label)
{
  g_autoptr(ClProof) proof = cl_proof_cache_get (cache, summary->id, NULL);
  g_autoptr(ClManifestStore) store = NULL;
  ClManifest *manifest;
  const guint8 *payload;
  gsize len;
  guint8 digest[32];

  if (proof == NULL || proof->manifest_store == NULL)
    return NULL;
  store = cl_manifest_store_parse (proof->manifest_store, NULL);
  manifest = store != NULL ? cl_manifest_store_lookup (store, label) : NULL;
  if (manifest == NULL || manifest->signature_box == NULL)
    return NULL;
  payload = cl_jumbf_box_payload (manifest->signature_box, &len);
  if (payload == NULL || EVP_Digest (payload, len, digest, NULL, EVP_sha256 (), NULL) != 1)
    return NULL;
  return cl_content_hash_hex (digest, sizeof digest);
}


static gboolean
same_manifest (ClProofCache       *cache,
               ClProof            *proof,
               ClValidationReport *report,
               const char         *claim_hash)
{
  g_autofree char *signed_hash = NULL;

  if (claim_hash == NULL || g_strcmp0 (proof->manifest_label, report->active_label) != 0)
    return FALSE;
  if (proof->claim_signature_hash != NULL)
    return g_ascii_strcasecmp (proof->claim_signature_hash, claim_hash) == 0;
  if (proof->kind != CL_PROOF_KIND_SIGNED)
    return FALSE;
  signed_hash = signed_claim_signature_hash (cache, proof, report->active_label);
  return signed_hash != NULL && g_ascii_strcasecmp (signed_hash, claim_hash) == 0;
}


void
cl_proof_match_consult (ClProofMatch       *match,
                        ClProofCache       *cache,
                        const char         *content_hash,
                        ClValidationReport *report)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) earlier = cl_proof_cache_lookup_content_hash (cache, content_hash, &error);
  g_autofree char *claim_hash = report->has_claim_signature_hash
                                ? cl_content_hash_hex (report->claim_signature_hash, 32) : NULL;

  match->state = CL_CONFIDENCE_PROOF_NOT_FOUND;
  match->signed_here = FALSE;
  if (earlier == NULL) {
    g_debug ("Proof cache lookup failed: %s", error->message);
    match->state = CL_CONFIDENCE_PROOF_UNKNOWN;
    return;
  }
  for (guint i = 0; i < earlier->len; i++) {
    ClProof *proof = g_ptr_array_index (earlier, i);

    if (report->active_label != NULL && same_manifest (cache, proof, report, claim_hash)) {
      /* A signing record is the stronger agreement: prefer it to an earlier verification. */
      if (match->state != CL_CONFIDENCE_PROOF_MATCHES || proof->kind == CL_PROOF_KIND_SIGNED) {
        g_clear_pointer (&match->earlier, cl_proof_unref);
        match->earlier = cl_proof_ref (proof);
      }
      match->state = CL_CONFIDENCE_PROOF_MATCHES;
      match->signed_here |= proof->kind == CL_PROOF_KIND_SIGNED;
    } else if (proof->manifest_label != NULL && report->active_label != NULL &&
               match->state != CL_CONFIDENCE_PROOF_MATCHES) {
      match->state = CL_CONFIDENCE_PROOF_DIFFERS;
      if (match->earlier == NULL)
        match->earlier = cl_proof_ref (proof);
    }
  }
}
