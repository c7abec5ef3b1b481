/* cl-validation.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE 1   /* memmem */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <openssl/evp.h>

#include "cl-assertion-ingredient.h"
#include "cl-data-hash.h"
#include "cl-error.h"
#include "cl-validation.h"


/* One ingredient assertion, parsed: the ingredient, or why it could not be. */
typedef struct {
  ClIngredient *ingredient;
  GError       *error;
} IngredientParse;


static void
ingredient_parse_free (gpointer data)
{
  IngredientParse *parse = data;

  g_clear_pointer (&parse->ingredient, cl_ingredient_free);
  g_clear_error (&parse->error);
  g_free (parse);
}


void
cl_validation_init (ClValidation             *v,
                    ClManifestStore          *store,
                    const ClValidatorOptions *options,
                    GCancellable             *cancellable)
{
  memset (v, 0, sizeof *v);
  v->store = store;
  v->options = options;
  v->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  v->log = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_status_free);
  v->ingredient_uris = g_ptr_array_new_with_free_func (g_free);
  v->redactions = g_ptr_array_new ();
  v->redacted_paths = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  v->redaction_text = g_byte_array_new ();
  v->redacted_labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  v->box_digests = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                (GDestroyNotify) g_bytes_unref);
  v->visited = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  v->sig_times = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  v->tsa_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  v->identities = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) g_ptr_array_unref);
  v->claim_results = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) g_ptr_array_unref);
  v->assertion_times = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  v->now = options->validation_time != NULL ? g_date_time_to_unix (options->validation_time)
                                            : g_get_real_time () / G_USEC_PER_SEC;
  v->decode_budget = CL_LIMIT_DECODED_VALUES;
  v->ingredients = g_hash_table_new_full (NULL, NULL, NULL, ingredient_parse_free);
  for (guint i = 0; i < store->manifests->len; i++) {
    ClManifest *m = g_ptr_array_index (store->manifests, i);

    for (guint j = 0; m->claim != NULL && j < m->claim->redacted_assertions->len; j++) {
      const char *uri = g_ptr_array_index (m->claim->redacted_assertions, j);
      char *path = cl_jumbf_uri_path (uri);

      g_ptr_array_add (v->redactions, (char *) uri);
      if (path != NULL)
        g_hash_table_add (v->redacted_paths, path);
      g_byte_array_append (v->redaction_text, (const guint8 *) uri, strlen (uri) + 1);
    }
  }
}


void
cl_validation_clear (ClValidation *v)
{
  g_clear_pointer (&v->log, g_ptr_array_unref);
  g_clear_pointer (&v->ingredient_uris, g_ptr_array_unref);
  g_clear_object (&v->cancellable);
  g_clear_pointer (&v->redactions, g_ptr_array_unref);
  g_clear_pointer (&v->redacted_paths, g_hash_table_unref);
  g_clear_pointer (&v->redaction_text, g_byte_array_unref);
  g_clear_pointer (&v->redacted_labels, g_hash_table_unref);
  g_clear_pointer (&v->box_digests, g_hash_table_unref);
  g_clear_pointer (&v->visited, g_hash_table_unref);
  g_clear_pointer (&v->sig_times, g_hash_table_unref);
  g_clear_pointer (&v->tsa_names, g_hash_table_unref);
  g_clear_pointer (&v->identities, g_hash_table_unref);
  g_clear_pointer (&v->claim_results, g_hash_table_unref);
  g_clear_pointer (&v->assertion_times, g_hash_table_unref);
  g_clear_pointer (&v->ingredients, g_hash_table_unref);
}


cbor_item_t *
cl_validation_load_cbor (ClValidation  *v,
                         ClAssertion   *a,
                         GError       **error)
{
  if (!cl_assertion_charge (a, &v->decode_budget, error))
    return NULL;
  return cl_assertion_load_cbor (a, error);
}


ClIngredient *
cl_validation_ingredient (ClValidation  *v,
                          ClAssertion   *a,
                          GError       **error)
{
  IngredientParse *parse = g_hash_table_lookup (v->ingredients, a);

  if (parse == NULL) {
    parse = g_new0 (IngredientParse, 1);
    if (cl_assertion_charge (a, &v->decode_budget, &parse->error))
      parse->ingredient = cl_ingredient_parse (a, &parse->error);
    g_hash_table_insert (v->ingredients, a, parse);
  }
  if (parse->ingredient == NULL && error != NULL)
    *error = g_error_copy (parse->error);
  return parse->ingredient;
}


gboolean
cl_validation_cancelled (ClValidation *v)
{
  return g_cancellable_is_cancelled (v->cancellable);
}


static guint
count_ingredients (ClManifest *m)
{
  guint n = 0;

  for (guint i = 0; i < m->assertions->len; i++) {
    ClAssertion *a = g_ptr_array_index (m->assertions, i);

    n += cl_assertion_label_is_ingredient (a->base_label) ? 1 : 0;
  }
  return n;
}


gboolean
cl_validation_check_limits (ClValidation  *v,
                            GError       **error)
{
  for (guint i = 0; i < v->store->manifests->len; i++) {
    ClManifest *m = g_ptr_array_index (v->store->manifests, i);
    ClClaim *claim = m->claim;

    if (claim != NULL &&
        claim->created_assertions->len + claim->gathered_assertions->len >
        CL_LIMIT_REFERENCES) {
      g_set_error (error, CL_MANIFEST_ERROR, CL_MANIFEST_ERROR_MALFORMED,
                   _("The credentials reference more than %d assertions in one claim"),
                   CL_LIMIT_REFERENCES);
      return FALSE;
    }
    if (claim != NULL && claim->redacted_assertions->len > CL_LIMIT_REDACTIONS) {
      g_set_error (error, CL_MANIFEST_ERROR, CL_MANIFEST_ERROR_MALFORMED,
                   _("The credentials redact more than %d assertions in one claim"),
                   CL_LIMIT_REDACTIONS);
      return FALSE;
    }
    if (count_ingredients (m) > CL_LIMIT_INGREDIENTS) {
      g_set_error (error, CL_MANIFEST_ERROR, CL_MANIFEST_ERROR_MALFORMED,
                   _("The credentials hold more than %d ingredients in one manifest"),
                   CL_LIMIT_INGREDIENTS);
      return FALSE;
    }
  }
  return TRUE;
}


gboolean
cl_validation_is_redacted (ClValidation *v,
                           const char   *absolute_uri)
{
  g_autofree char *path = cl_jumbf_uri_path (absolute_uri);

  return path != NULL && g_hash_table_contains (v->redacted_paths, path);
}


gboolean
cl_validation_names_redacted_manifest (ClValidation *v,
                                       const char   *label)
{
  gpointer known;
  gboolean named;

  if (g_hash_table_lookup_extended (v->redacted_labels, label, NULL, &known))
    return GPOINTER_TO_INT (known);
  /* One search through all the redactions at once: a label holds no NUL, so a match
   * never runs from one redaction into the next. */
  if (label[0] == '\0')
    named = v->redactions->len > 0;
  else
    named = v->redaction_text->len > 0 &&
            memmem (v->redaction_text->data, v->redaction_text->len, label, strlen (label)) != NULL;
  g_hash_table_insert (v->redacted_labels, g_strdup (label), GINT_TO_POINTER (named));
  return named;
}


GBytes *
cl_validation_box_digest (ClValidation *v,
                          const char   *alg,
                          ClJumbfBox   *box)
{
  g_autofree char *key = g_strdup_printf ("%s %p", alg != NULL ? alg : "", (gpointer) box);
  GBytes *digest = g_hash_table_lookup (v->box_digests, key);
  const EVP_MD *md;
  guint8 out[EVP_MAX_MD_SIZE];
  unsigned int out_len = 0;
  gsize len;
  const guint8 *payload;

  if (digest != NULL)
    return digest;
  md = cl_data_hash_md_from_name (alg);
  if (md == NULL)
    return NULL;
  payload = cl_jumbf_box_payload (box, &len);
  v->n_box_hashes++;
  /* A digest that cannot be computed matches nothing. */
  digest = EVP_Digest (payload, len, out, &out_len, md, NULL) == 1 ? g_bytes_new (out, out_len)
                                                                     : g_bytes_new (NULL, 0);
  g_hash_table_insert (v->box_digests, g_steal_pointer (&key), digest);
  return digest;
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
