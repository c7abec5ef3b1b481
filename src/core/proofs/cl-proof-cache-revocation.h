/* cl-proof-cache-revocation.h: OCSP responses kept in the proof cache database.
 *
 * Storage only: fetching, parsing and judging freshness of OCSP responses is the trust
 * engine's work (cl-revocation). One row per (certificate, responder); storing again replaces
 * it. Same threading rules as ClProofCache.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cl-proof-cache.h"

G_BEGIN_DECLS

typedef enum {
  CL_CACHED_REVOCATION_GOOD,
  CL_CACHED_REVOCATION_REVOKED,
  CL_CACHED_REVOCATION_UNKNOWN,
} ClCachedRevocationStatus;

typedef struct {
  char                     *cert_fingerprint; /* SHA-256 hex of the certificate's DER */
  GBytes                   *cert_id;          /* DER OCSP CertID of the request, or NULL */
  char                     *responder_url;
  GBytes                   *response_der;     /* the whole DER OCSPResponse */
  GDateTime                *this_update;
  GDateTime                *next_update;      /* NULL when the responder gave none */
  ClCachedRevocationStatus  status;
  GDateTime                *revocation_time;  /* revoked only, else NULL */
  GDateTime                *fetched_at;       /* NULL on store: now */
} ClCachedRevocation;

ClCachedRevocation *cl_cached_revocation_new          (void);
void                cl_cached_revocation_free         (ClCachedRevocation  *revocation);

gboolean            cl_proof_cache_store_revocation   (ClProofCache              *self,
                                                       const ClCachedRevocation  *revocation,
                                                       GError                   **error);
ClCachedRevocation *cl_proof_cache_lookup_revocation  (ClProofCache              *self,
                                                       const char                *cert_fingerprint,
                                                       const char                *responder_url,
                                                       GError                   **error);
gboolean            cl_proof_cache_purge_revocations  (ClProofCache              *self,
                                                       GDateTime                 *before,
                                                       guint64                   *out_n_removed,
                                                       GError                   **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClCachedRevocation, cl_cached_revocation_free)

G_END_DECLS
