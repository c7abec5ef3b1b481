/* cl-proof-match.h: what the proof cache knew about an image before this verification —
 * whether an earlier proof holds the same manifest (the same active manifest label and the
 * same claim signature), and whether that proof is the record of signing it on this computer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cl-confidence.h"
#include "cl-proof.h"
#include "cl-proof-cache.h"
#include "cl-validation-report.h"

G_BEGIN_DECLS

typedef struct {
  ClConfidenceProof  state;
  /* The matching proof records that this computer signed the image. */
  gboolean           signed_here;
  ClProof           *earlier;   /* the best earlier proof (owned), or NULL */
} ClProofMatch;

/* Looks the image (content_hash, hex) up in cache and compares its proofs with report. */
void cl_proof_match_consult (ClProofMatch       *match,
                             ClProofCache       *cache,
                             const char         *content_hash,
                             ClValidationReport *report);

G_END_DECLS
