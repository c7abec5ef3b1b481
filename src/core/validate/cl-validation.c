/* cl-validation.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <openssl/evp.h>

#include "cl-data-hash.h"
#include "cl-validation.h"


void
cl_validation_init (ClValidation             *v,
                    ClManifestStore          *store,
                    const ClValidatorOptions *options)
{
  memset (v, 0, sizeof *v);
  v->store = store;
  v->options = options;
  v->log = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_status_free);
  v->ingredient_uris = g_ptr_array_new_with_free_func (g_free);
  v->redactions = g_ptr_array_new ();
  v->visited = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  v->sig_times = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  v->claim_results = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) g_ptr_array_unref);
  v->assertion_times = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  v->now = g_get_real_time () / G_USEC_PER_SEC;
  for (guint i = 0; i < store->manifests->len; i++) {
    ClManifest *m = g_ptr_array_index (store->manifests, i);

    for (guint j = 0; m->claim != NULL && j < m->claim->redacted_assertions->len; j++)
      g_ptr_array_add (v->redactions, g_ptr_array_index (m->claim->redacted_assertions, j));
  }
}


void
cl_validation_clear (ClValidation *v)
{
  g_clear_pointer (&v->log, g_ptr_array_unref);
  g_clear_pointer (&v->ingredient_uris, g_ptr_array_unref);
  g_clear_pointer (&v->redactions, g_ptr_array_unref);
  g_clear_pointer (&v->visited, g_hash_table_unref);
  g_clear_pointer (&v->sig_times, g_hash_table_unref);
  g_clear_pointer (&v->claim_results, g_hash_table_unref);
  g_clear_pointer (&v->assertion_times, g_hash_table_unref);
}


void
cl_validation_log (ClValidation *v,
                   const char   *code,
                   const char   *url,
                   const char   *explanation)
{
  ClStatus *s = cl_status_new (code, url, explanation);

  if (v->ingredient_uris->len > 0)
    s->ingredient_uri = g_strdup (g_ptr_array_index (v->ingredient_uris,
                                                     v->ingredient_uris->len - 1));
  g_ptr_array_add (v->log, s);
}


gboolean
cl_validation_hash_matches (const char   *alg,
                            const guint8 *data,
                            gsize         len,
                            GBytes       *expected,
                            gboolean     *supported)
{
  const EVP_MD *md = cl_data_hash_md_from_name (alg);
  guint8 digest[EVP_MAX_MD_SIZE];
  unsigned int digest_len = 0;
  gsize exp_len;
  const guint8 *exp = g_bytes_get_data (expected, &exp_len);

  *supported = md != NULL;
  if (md == NULL || EVP_Digest (data, len, digest, &digest_len, md, NULL) != 1)
    return FALSE;
  return exp_len == digest_len && memcmp (exp, digest, digest_len) == 0;
}


X509_STORE *
cl_validation_tsa_anchors (ClValidation *v)
{
  if (v->options->tsa_anchors != NULL)
    return v->options->tsa_anchors;
  if (v->options->tsa_anchors_lookup != NULL)
    return v->options->tsa_anchors_lookup (v->options->trust_data);
  return NULL;
}
