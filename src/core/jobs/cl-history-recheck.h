/* cl-history-recheck.h: verifying the history again after the trust lists (or a
 * revocation answer) changed, and saying which verdicts flipped.
 *
 * Only verified images with credentials are checked (a verdict without a manifest
 * cannot depend on trust), the most recent first and at most max_entries of them.
 * Each is verified again from the path its report recorded, with the proof cache,
 * so the history row takes the new verdict. An image whose file is gone or moved
 * is left as it was and counted as such.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cl-proof.h"
#include "cl-trust-store.h"

G_BEGIN_DECLS

/* The most entries one re-check verifies again. */
#define CL_HISTORY_RECHECK_MAX_ENTRIES 500

typedef struct {
  char           *proof_id;
  char           *path;        /* where the file was verified */
  ClProofVerdict  before;
  ClProofVerdict  after;
} ClHistoryChange;

typedef struct {
  GPtrArray *changes;     /* ClHistoryChange: the entries whose verdict flipped */
  guint      n_checked;   /* verified again */
  guint      n_missing;   /* left as they were: the file is gone */
} ClHistoryRecheck;

/* Verifies the history of proof_db again against trust_store (NULL: the default
 * store); online: ask OCSP responders and CRL servers, as the first verification did
 * when the user allowed it (otherwise a revocation learned online would look like a
 * change). Blocks: call it from a worker thread, or use the async form. NULL with
 * error when the proof cache cannot be opened or when cancelled. */
ClHistoryRecheck *cl_history_recheck         (const char          *proof_db,
                                              ClTrustStore        *trust_store,
                                              gboolean             online,
                                              guint                max_entries,
                                              GCancellable        *cancellable,
                                              GError             **error);
void              cl_history_recheck_async   (const char          *proof_db,
                                              ClTrustStore        *trust_store,
                                              gboolean             online,
                                              guint                max_entries,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
ClHistoryRecheck *cl_history_recheck_finish  (GAsyncResult        *result,
                                              GError             **error);

/* "2 images changed: photo.jpg (Trusted → Valid), …", or NULL when nothing changed. */
char             *cl_history_recheck_describe (const ClHistoryRecheck *recheck);
void              cl_history_recheck_free     (ClHistoryRecheck       *recheck);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClHistoryRecheck, cl_history_recheck_free)

G_END_DECLS
