/* cl-validator-timestamps.c: c2pa.time-stamp assertions (C2PA 2.2): a later
 * manifest may carry RFC 3161 tokens for the signatures of other manifests in the store,
 * so that a manifest signed without a time-stamp (or whose certificate has expired since)
 * still has a trusted signing time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cl-cbor-util.h"
#include "cl-status-codes.h"
#include "cl-timestamp.h"
#include "cl-validator-timestamps.h"

/* A map of manifest labels is small; anything larger is not a time-stamp assertion. */
#define MAX_TIME_STAMPED_MANIFESTS 1024


/* One entry "label → token": the token's time when it covers that manifest's signature
 * and holds; -1 otherwise (such a token is ignored, as c2pa-rs does, without a status). */
static gint64
check_token (ClValidation *v,
             const char   *label,
             cbor_item_t  *token_item)
{
  ClManifest *target = cl_manifest_store_lookup (v->store, label);
  g_autoptr(GBytes) token = cl_cbor_dup_bytes (token_item);
  g_autoptr(ClCoseSign1) sign1 = NULL;
  g_autoptr(ClTimestampResult) result = NULL;
  gboolean check_trust;
  gsize token_len, sig_len;
  const guint8 *token_data, *sig_data;

  if (target == NULL || target->claim == NULL || token == NULL)
    return -1;
  sign1 = cl_manifest_parse_signature (target);
  if (sign1 == NULL || sign1->signature == NULL)
    return -1;
  /* c2pa-rs checks the imprint against the raw signature bytes, not the CounterSignature
   * structure of a claim's own sigTst2; and, as for sigTst, no trust for v1 claims. */
  token_data = g_bytes_get_data (token, &token_len);
  sig_data = g_bytes_get_data (sign1->signature, &sig_len);
  check_trust = target->claim->version > 1;
  result = cl_timestamp_verify (token_data, token_len, sig_data, sig_len, check_trust,
                                check_trust ? cl_validation_tsa_anchors (v) : NULL);
  if (!result->validated || (check_trust && !result->trusted))
    return -1;
  return result->gen_time;
}


static void
collect_from (ClValidation *v,
              ClManifest   *m,
              ClAssertion  *a)
{
  g_autoptr(cbor_item_t) map = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = cl_manifest_uri (m, NULL);
  g_autofree char *assertion_uri = NULL;
  struct cbor_pair *pairs;

  map = cl_validation_load_cbor (v, a, &error);
  if (map == NULL || !cbor_isa_map (map) || cbor_map_size (map) > MAX_TIME_STAMPED_MANIFESTS) {
    assertion_uri = g_strdup_printf ("%s/c2pa.assertions/%s", uri, a->label);
    cl_validation_log (v, CL_CODE_ASSERTION_TIMESTAMP_MALFORMED, assertion_uri,
                       _("could not parse timestamp assertion"));
    return;
  }
  pairs = cbor_map_handle (map);
  for (gsize i = 0; i < cbor_map_size (map); i++) {
    g_autofree char *label = cl_cbor_dup_string (pairs[i].key);
    gint64 when;

    if (label == NULL || g_hash_table_contains (v->assertion_times, label))
      continue;
    when = check_token (v, label, pairs[i].value);
    if (when >= 0) {
      gint64 *stored = g_new (gint64, 1);

      *stored = when;
      g_hash_table_insert (v->assertion_times, g_steal_pointer (&label), stored);
    }
  }
}


void
cl_validation_collect_assertion_times (ClValidation *v)
{
  for (guint i = 0; i < v->store->manifests->len && !cl_validation_cancelled (v); i++) {
    ClManifest *m = g_ptr_array_index (v->store->manifests, i);

    for (guint j = 0; m->assertions != NULL && j < m->assertions->len; j++) {
      ClAssertion *a = g_ptr_array_index (m->assertions, j);

      if (g_strcmp0 (a->base_label, "c2pa.time-stamp") == 0)
        collect_from (v, m, a);
    }
  }
}
