/* cl-trust-store.h: the set of trust lists CredLink judges signers with.
 *
 * Lists live in $XDG_DATA_HOME/credlink/trust/<list>/{anchors.pem, meta.json}
 * (+ allowed.pem, store.cfg). A store is immutable once loaded, so any thread
 * may evaluate with it; reloading gives a new store.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>
#include <openssl/x509.h>

#include "cl-trust-list.h"

G_BEGIN_DECLS

#define CL_TYPE_TRUST_STORE (cl_trust_store_get_type ())
G_DECLARE_FINAL_TYPE (ClTrustStore, cl_trust_store, CL, TRUST_STORE, GObject)

/* The folder of the user's lists: $XDG_DATA_HOME/credlink/trust. */
char          *cl_trust_store_default_dir      (void);

/* A store of the given lists (ClTrustList *, referenced; may be NULL = empty). */
ClTrustStore  *cl_trust_store_new              (GPtrArray     *lists);
/* Loads every list folder of trust_dir (NULL = the default folder). A missing
 * folder is an empty store; a list that cannot be read is left out and named
 * in cl_trust_store_get_problems(). */
ClTrustStore  *cl_trust_store_load             (const char    *trust_dir,
                                                GError       **error);

/* The process-wide current store: a new reference, loaded from the default
 * folder on first use (an unreadable folder gives an empty store). */
ClTrustStore  *cl_trust_store_dup_default      (void);
/* Swaps in store as the current one (NULL = load the default folder again).
 * Evaluations in flight keep the store they started with. */
void           cl_trust_store_set_default      (ClTrustStore  *store);

/* Called after cl_trust_store_set_default() replaced the current store (a list was
 * imported, removed or refreshed), in the main context that was the thread-default
 * one when the watch was added, whichever thread replaced the store. */
typedef void (*ClTrustStoreChangedFunc) (gpointer user_data);
guint          cl_trust_store_watch_default    (ClTrustStoreChangedFunc  func,
                                                gpointer                 user_data);
/* After this returns in the watch's context, func is not called again. */
void           cl_trust_store_unwatch_default  (guint                    watch_id);

/* The lists, claim-signer lists first (official C2PA, user, legacy), then
 * time-stamping lists. Borrowed. */
GPtrArray     *cl_trust_store_get_lists        (ClTrustStore  *self);
ClTrustList   *cl_trust_store_lookup           (ClTrustStore  *self,
                                                const char    *name);
/* One line per list folder that could not be loaded. */
const char * const *cl_trust_store_get_problems (ClTrustStore *self);
/* The C2PA conforming products list installed in the trust folder
 * (ClConformingProduct *, cl-conforming-products.h), or NULL. Borrowed. */
GPtrArray     *cl_trust_store_get_conforming_products (ClTrustStore *self);
/* EKU OIDs configured by the lists' store.cfg files (never NULL). */
const char * const *cl_trust_store_get_ekus    (ClTrustStore  *self);

/* A new X509_STORE holding the anchors of every time-stamping list (the
 * official C2PA TSA list and user TSA lists), for cl-timestamp. The caller
 * owns it (X509_STORE_free, or hand it to TS_VERIFY_CTX_set_store). */
X509_STORE    *cl_trust_store_get_tsa_x509_store (ClTrustStore *self);

/* A new X509_STORE of every anchor of every list. c2pa-rs checks time-stamp
 * (and OCSP responder) certificates against the same anchors as signers, not
 * a separate TSA list (notes §8.3); use this to reproduce its results. */
X509_STORE    *cl_trust_store_get_all_x509_store (ClTrustStore *self);

/* Writes list into trust_dir/<name>/ (replacing a list of that name). */
gboolean       cl_trust_store_save_list        (const char    *trust_dir,
                                                ClTrustList   *list,
                                                GError       **error);
/* Deletes trust_dir/<name>/. CL_TRUST_ERROR_NOT_FOUND when there is none. */
gboolean       cl_trust_store_remove_list      (const char    *trust_dir,
                                                const char    *name,
                                                GError       **error);

G_END_DECLS
