/* cl-validator-options.h: what a caller tells the validator: where certificate trust
 * plugs in, the time-stamp authorities' anchors, whether to hash the whole file, whether
 * the network may be used, and the trusted CAWG identity issuers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <openssl/x509_vfy.h>

G_BEGIN_DECLS

/* Where certificate trust plugs in: given the signer's x5chain (GBytes DER, leaf first),
 * the time to validate at (time-stamp time or now, seconds since the epoch), whether that
 * time comes from a validated time-stamp, and the OCSP responses stapled in the signature's
 * rVals.ocspVals (GBytes DER, or NULL), return the signingCredential.* statuses (ClStatus,
 * url left NULL; the validator fills it), revocation (ocsp.*) included. Without an
 * evaluator every signer is signingCredential.untrusted and revocation is
 * signingCredential.ocsp.skipped, as c2pa-rs reports with no trust anchors. */
typedef GPtrArray *(*ClTrustEvaluateFunc) (GPtrArray *x5chain,
                                           gint64     validation_time,
                                           gboolean   time_stamped,
                                           GPtrArray *ocsp_responses,
                                           gpointer   user_data);

typedef struct {
  ClTrustEvaluateFunc  trust_evaluate;
  gpointer             trust_data;
  X509_STORE          *tsa_anchors;     /* NULL: tsa_anchors_lookup, else none */
  /* Called with trust_data when a time-stamp is checked and tsa_anchors is NULL, so
   * trust lists are read only when needed (and after hashing started); the store stays
   * owned by trust_data. NULL, or returning NULL: no TSA anchors (timeStamp.untrusted). */
  X509_STORE        *(*tsa_anchors_lookup) (gpointer trust_data);
  /* The whole-file SHA-256 costs a second digest over every byte (on a helper thread);
   * callers that do not show it can skip it (file_sha256 is then all zeros). */
  gboolean             skip_file_sha256;
  /* The same for the content hash (SHA-256 outside the store: content_sha256 all zeros)
   * where it is not also the data hash, for callers that neither show it nor look it up. */
  gboolean             skip_content_sha256;
  /* The time to judge as of instead of now (when no trusted time-stamp gives one);
   * NULL: now. Borrowed. */
  GDateTime           *validation_time;
  /* The user allowed network use: a did:web identity issuer may be resolved over HTTPS. */
  gboolean             online;
  /* DIDs of the identity claims aggregation issuers to trust (NULL-ended, borrowed), or
   * NULL: none is trusted (cawg.ica.untrusted_issuer). */
  GStrv                trusted_ica_issuers;
  /* Keep the validated store in the report (manifest_store), for a caller that serialises
   * it (crJSON); otherwise it is let go once validated. */
  gboolean             keep_store;
} ClValidatorOptions;

G_END_DECLS
