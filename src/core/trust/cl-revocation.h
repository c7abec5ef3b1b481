/* cl-revocation.h: is a certificate revoked? Stapled OCSP responses (always,
 * offline), then — only when the caller allows the network — live OCSP to the
 * certificate's responder and its CRL as a fallback. Results of live queries
 * are cached until their nextUpdate.
 *
 * Never says "good" unless a verified response said so. What an answer says, and
 * the verdict it leads to: cl-revocation-info.h; OCSP itself: cl-ocsp.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <openssl/x509.h>

#include "cl-http.h"
#include "cl-revocation-info.h"
#include "cl-watch-list.h"

G_BEGIN_DECLS

/* Cache of live answers (in memory; thread-safe). The proof-cache SQLite
 * table plugs in through ClRevocationCacheBacking: lookup is tried when the
 * memory has nothing, store is called for every new live answer. */
typedef struct _ClRevocationCache ClRevocationCache;

typedef struct {
  /* Returns a new info for the certificate (SHA-256 hex of its DER) whose
   * next_update is after now, or NULL. */
  ClRevocationInfo *(*lookup) (gpointer                user_data,
                               const char             *cert_sha256,
                               gint64                  now);
  void              (*store)  (gpointer                user_data,
                               const char             *cert_sha256,
                               const ClRevocationInfo *info);
} ClRevocationCacheBacking;

ClRevocationCache *cl_revocation_cache_new         (void);
/* One cache for the whole process (never freed), for callers without their own. */
ClRevocationCache *cl_revocation_cache_get_default (void);
void               cl_revocation_cache_free        (ClRevocationCache              *cache);
void               cl_revocation_cache_set_backing (ClRevocationCache              *cache,
                                                    const ClRevocationCacheBacking *backing,
                                                    gpointer                        user_data);
ClRevocationInfo  *cl_revocation_cache_lookup      (ClRevocationCache              *cache,
                                                    const char                     *cert_sha256,
                                                    gint64                          now);
void               cl_revocation_cache_store       (ClRevocationCache              *cache,
                                                    const char                     *cert_sha256,
                                                    const ClRevocationInfo         *info);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClRevocationCache, cl_revocation_cache_free)

/* Called (in the main context that was the thread-default one when the watch was
 * added) after a live answer changed what a revocation cache knew of a certificate:
 * it is revoked for the first time, or an earlier answer said otherwise. History
 * verifies itself again then. */
guint              cl_revocation_watch_changes     (ClWatchFunc                     func,
                                                    gpointer                        user_data);
void               cl_revocation_unwatch_changes   (guint                           watch_id);

typedef struct {
  gboolean           online;          /* may query OCSP responders / CRLs */
  guint              timeout_seconds; /* per request; 0 = 5 */
  ClHttpSession     *session;         /* NULL = one is created for the call */
  ClRevocationCache *cache;           /* NULL = no caching */
} ClRevocationOptions;

/* Checks cert (issued by issuer, which may be NULL when unknown).
 * stapled: DER OCSPResponses (GBytes) to try first, may be NULL.
 * judged_time: the time the certificate must not have been revoked at
 * (a trusted time-stamp's genTime when time_is_trusted, else now).
 * Blocks while querying: call from a worker thread. Never fails: problems
 * end up as CL_REVOCATION_NOT_CHECKED with a reason. */
ClRevocationInfo *cl_revocation_check (X509                      *cert,
                                       X509                      *issuer,
                                       GPtrArray                 *stapled,
                                       gint64                     judged_time,
                                       gboolean                   time_is_trusted,
                                       const ClRevocationOptions *options,
                                       GCancellable              *cancellable);

/* For the signer, who staples the answer into rVals.ocspVals (C2PA §10.3.2.6):
 * asks cert's OCSP responder (AIA) now and returns the DER OCSPResponse once it
 * verifies (authorised responder, current, matching nonce). info, if not NULL,
 * receives what it says. CL_TRUST_ERROR_NOT_FOUND when the certificate names
 * no responder. Blocks: call from a worker thread. */
GBytes           *cl_revocation_fetch_ocsp (X509              *cert,
                                            X509              *issuer,
                                            ClHttpSession     *session,
                                            guint              timeout_seconds,
                                            ClRevocationInfo  *info,
                                            GCancellable      *cancellable,
                                            GError           **error);

G_END_DECLS
