/* cl-trust-chain.h: the trust engine. Judges a claim signer's x5chain against
 * the trust store: C2PA certificate profile, chain to an anchor of a
 * claim-signer list (or the allowed list), and revocation.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cl-http.h"
#include "cl-revocation.h"
#include "cl-trust-result.h"
#include "cl-trust-store.h"

G_BEGIN_DECLS

typedef struct {
  /* Live OCSP / CRL queries allowed (default FALSE: no network at all). */
  gboolean            online;
  /* Per request; 0 = 5 seconds. */
  guint               timeout_seconds;
  /* Extra accepted EKU OIDs (a trust-config file), NULL-terminated, may be NULL. */
  const char * const *extra_ekus;
  /* Optional: a session to reuse, a cache of live answers. */
  ClHttpSession      *session;
  ClRevocationCache  *cache;
  /* The time to judge as of when there is no trusted time, instead of now; NULL: now. */
  GDateTime          *validation_time;
} ClTrustSettings;

/* x5chain: GBytes of DER certificates, signer first (as in the COSE header).
 * trusted_time: the genTime of a validated, trusted time-stamp, or NULL to
 *   judge "now" without a trusted time (then, as c2pa-rs does, the chain is
 *   built without time checks and only the signer's validity is judged now).
 * ocsp_responses: GBytes DER OCSPResponses stapled in rVals.ocspVals (and
 *   c2pa.certificate-status assertions), or NULL.
 * settings: NULL = offline defaults.
 * Blocks on network queries when settings->online: call from a worker thread.
 * Never NULL. */
ClTrustResult *cl_trust_evaluate (ClTrustStore          *store,
                                  GPtrArray             *x5chain,
                                  GDateTime             *trusted_time,
                                  GPtrArray             *ocsp_responses,
                                  const ClTrustSettings *settings,
                                  GCancellable          *cancellable);

G_END_DECLS
