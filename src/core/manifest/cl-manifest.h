/* cl-manifest.h: one manifest superbox (standard c2ma, legacy c2md or update c2um):
 * its assertion store, claim and claim signature (C2PA 2.2 §11.1.4).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cl-assertion.h"
#include "cl-claim.h"
#include "cl-cose.h"
#include "cl-jumbf.h"

G_BEGIN_DECLS

typedef struct {
  char        *label;
  ClJumbfBox  *box;               /* borrowed from the store tree */
  gboolean     is_update;
  ClJumbfBox  *assertion_store;   /* NULL when missing */
  ClJumbfBox  *claim_box;         /* the c2cl superbox (first when several) */
  guint        n_claim_boxes;
  ClJumbfBox  *signature_box;     /* the c2cs superbox, NULL when missing */
  ClClaim     *claim;             /* NULL when it could not be decoded */
  const char  *claim_status;      /* status code when claim is NULL */
  char        *claim_error;       /* message when claim is NULL */
  GPtrArray   *assertions;        /* ClAssertion, store order */
  GHashTable  *assertion_index;   /* label → the first ClAssertion with it */
} ClManifest;

ClManifest  *cl_manifest_new              (ClJumbfBox  *box);
void         cl_manifest_free             (ClManifest  *manifest);
/* The first assertion labelled label, or NULL. */
ClAssertion *cl_manifest_find_assertion   (ClManifest  *manifest,
                                           const char  *label);
/* The assertion whose superbox is box, or NULL. */
ClAssertion *cl_manifest_assertion_of_box (ClManifest  *manifest,
                                           ClJumbfBox  *box);
/* The content box of the claim (its raw CBOR bytes are what is signed). */
ClJumbfBox  *cl_manifest_claim_content    (ClManifest  *manifest);
ClJumbfBox  *cl_manifest_signature_content (ClManifest *manifest);
/* The decoded COSE_Sign1 of the signature box, or NULL when there is none or it cannot be
 * decoded (for callers that only read it; the validator reports why). */
ClCoseSign1 *cl_manifest_parse_signature  (ClManifest  *manifest);
/* "self#jumbf=/c2pa/<label>/<tail>" (tail may be NULL for the manifest itself). */
char        *cl_manifest_uri              (ClManifest  *manifest,
                                           const char  *tail);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClManifest, cl_manifest_free)

G_END_DECLS
