/* fuzz-jumbf.c: the JUMBF parser and the manifest model over raw store bytes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cl-manifest-store.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(ClManifestStore) store = cl_manifest_store_parse (bytes, NULL);

  if (store == NULL)
    return 0;
  for (guint i = 0; i < store->manifests->len; i++) {
    ClManifest *m = g_ptr_array_index (store->manifests, i);

    cl_jumbf_resolve_uri (store->root, m->box, "self#jumbf=c2pa.assertions/c2pa.hash.data");
    cl_jumbf_resolve_uri (store->root, m->box, "self#jumbf=c2pa/x/c2pa.signature");
    for (guint j = 0; j < m->assertions->len; j++) {
      /* Converted only to run the converter over hostile assertions; NULL when it refuses. */
      JsonNode *node = cl_assertion_to_json (g_ptr_array_index (m->assertions, j));

      g_clear_pointer (&node, json_node_unref);
    }
  }
  return 0;
}
