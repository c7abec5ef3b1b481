/* cl-parent-time-stamp.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cl-manifest-store.h"
#include "cl-parent-time-stamp.h"
#include "cl-tsa-client.h"


GBytes *
cl_parent_time_stamp_fetch (GBytes        *parent_store,
                            const char    *parent_label,
                            const char    *tsa_url,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autoptr(ClManifestStore) store = NULL;
  g_autoptr(ClCoseSign1) sign1 = NULL;
  ClManifest *parent;
  const guint8 *data;
  gsize len;

  g_return_val_if_fail (parent_store != NULL && parent_label != NULL && tsa_url != NULL, NULL);

  /* The signer has walked this store already; the full parser finds the signature. */
  store = cl_manifest_store_parse (parent_store, NULL);
  parent = store != NULL ? cl_manifest_store_lookup (store, parent_label) : NULL;
  sign1 = parent != NULL ? cl_manifest_parse_signature (parent) : NULL;
  if (sign1 == NULL || sign1->signature == NULL || sign1->tst_version != 0)
    return NULL;
  data = g_bytes_get_data (sign1->signature, &len);
  return cl_tsa_client_timestamp (tsa_url, data, len, cancellable, error);
}
