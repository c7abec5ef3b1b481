/* cl-validator-ingredients.c: validating ingredients and the manifests they bring
 * along, recursively (C2PA 2.2 §15.11; c2pa-rs ingredient_checks).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cl-assertion-ingredient.h"
#include "cl-status-codes.h"
#include "cl-validator-claim.h"
#include "cl-validator-ingredients.h"


/* c2pa-rs only uses the manifest label part of an ingredient's manifest URL
 * (update_manifest.jpg points at …/<manifest>/c2pa.claim). */
static char *
manifest_label_from_url (const char *url)
{
  char *label = cl_jumbf_uri_manifest_label (url);

  if (label == NULL)
    label = cl_jumbf_uri_last_segment (url);
  return label;
}


/* The ingredient's manifest hash: the manifest superbox payload (C2PA 2.2 §8.4.2.3);
 * pre-1.3 writers hashed the claim CBOR instead (c2pa-rs accepts it). Each is hashed
 * once, however many ingredients name the manifest. */
static gboolean
manifest_hash_matches (ClValidation *v,
                       ClManifest   *ing,
                       ClHashedUri  *ref,
                       const char   *alg,
                       gboolean     *legacy)
{
  GBytes *digest = cl_validation_box_digest (v, alg, ing->box);
  ClJumbfBox *claim_content = cl_manifest_claim_content (ing);

  *legacy = FALSE;
  if (digest != NULL && g_bytes_equal (digest, ref->hash))
    return TRUE;
  digest = claim_content != NULL ? cl_validation_box_digest (v, alg, claim_content) : NULL;
  if (digest != NULL && g_bytes_equal (digest, ref->hash)) {
    *legacy = TRUE;
    return TRUE;
  }
  return FALSE;
}


/* claimSignature: the signature superbox payload; c2pa-rs before 0.67.1 hashed the
 * superbox with its header (notes §1.8), accept both. */
static gboolean
signature_hash_matches (ClManifest  *ing,
                        ClHashedUri *ref,
                        const char  *alg)
{
  gsize len;
  const guint8 *data;
  gboolean supported;

  if (ing->signature_box == NULL)
    return FALSE;
  data = cl_jumbf_box_payload (ing->signature_box, &len);
  if (cl_validation_hash_matches (alg, data, len, ref->hash, &supported))
    return TRUE;
  data = cl_jumbf_box_raw (ing->signature_box, &len);
  return cl_validation_hash_matches (alg, data, len, ref->hash, &supported);
}


static void
verify_claim_once (ClValidation *v,
                   ClManifest   *target)
{
  GPtrArray *cached = g_hash_table_lookup (v->claim_results, target->label);
  const char *ingredient_uri = v->ingredient_uris->len > 0 ?
    g_ptr_array_index (v->ingredient_uris, v->ingredient_uris->len - 1) : NULL;
  guint first = v->log->len;

  if (cached != NULL) {
    for (guint i = 0; i < cached->len; i++) {
      ClStatus *s = cl_status_copy (g_ptr_array_index (cached, i));

      g_free (s->ingredient_uri);
      s->ingredient_uri = g_strdup (ingredient_uri);
      g_ptr_array_add (v->log, s);
    }
    return;
  }
  cl_validation_verify_claim (v, target);
  cached = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_status_free);
  for (guint i = first; i < v->log->len; i++)
    g_ptr_array_add (cached, cl_status_copy (g_ptr_array_index (v->log, i)));
  g_hash_table_insert (v->claim_results, g_strdup (target->label), cached);
}


static void
check_one (ClValidation *v,
           ClManifest   *m,
           ClAssertion  *a,
           guint         depth)
{
  ClIngredient *ing = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *a_uri = g_strdup_printf ("self#jumbf=/c2pa/%s/c2pa.assertions/%s",
                                            m->label, a->label);
  g_autofree char *label = NULL;
  ClManifest *target;

  /* Redacted (zero-filled) ingredient assertions are skipped. */
  if (cl_assertion_is_zeroed (a))
    return;
  ing = cl_validation_ingredient (v, a, &error);
  if (ing == NULL) {
    cl_validation_log (v, CL_CODE_ASSERTION_INGREDIENT_MALFORMED, a_uri, error->message);
    return;
  }
  g_ptr_array_add (v->ingredient_uris, g_strdup (a_uri));

  if (ing->manifest == NULL) {
    /* C2PA 2.2 §15.11.3.3: no provenance, unless the ingredient was only an input. */
    if (g_strcmp0 (ing->relationship, "inputTo") != 0) {
      g_autofree char *explanation = g_strdup_printf (_("%s: ingredient does not have provenance"),
                                                      ing->title ? ing->title : "no title");

      cl_validation_log (v, CL_CODE_INGREDIENT_UNKNOWN_PROVENANCE, a_uri, explanation);
    }
    goto out;
  }
  if (ing->version >= 3 && ing->validation_results == NULL)
    cl_validation_log (v, CL_CODE_ASSERTION_INGREDIENT_MALFORMED, a_uri,
                       _("ingredient V3 must have validation results"));

  label = manifest_label_from_url (ing->manifest->url);
  target = cl_manifest_store_lookup (v->store, label);
  if (target == NULL) {
    cl_validation_log (v, CL_CODE_INGREDIENT_MANIFEST_MISSING, label, _("ingredient not found"));
    goto out;
  } else {
    const char *alg = ing->manifest->alg != NULL ? ing->manifest->alg :
                      target->claim != NULL ? target->claim->alg : NULL;
    gboolean redacted = cl_validation_names_redacted_manifest (v, label);
    gboolean legacy = FALSE;
    gboolean match = !redacted && manifest_hash_matches (v, target, ing->manifest, alg, &legacy);

    if (match && !legacy)
      cl_validation_log (v, CL_CODE_INGREDIENT_MANIFEST_VALIDATED, ing->manifest->url,
                         _("ingredient hash matched"));
    if (!match && !redacted)
      cl_validation_log (v, CL_CODE_INGREDIENT_MANIFEST_MISMATCH, ing->manifest->url,
                         _("ingredient hash incorrect"));
    if (!match && redacted && target->claim != NULL && target->claim->version > 1) {
      if (ing->claim_signature == NULL)
        cl_validation_log (v, CL_CODE_INGREDIENT_CLAIM_SIGNATURE_MISSING, ing->manifest->url,
                           _("ingredient claimSignature missing"));
      else if (signature_hash_matches (target, ing->claim_signature, alg))
        cl_validation_log (v, CL_CODE_INGREDIENT_CLAIM_SIGNATURE_VALIDATED, ing->manifest->url,
                           _("ingredient claimSignature validated"));
      else
        cl_validation_log (v, CL_CODE_INGREDIENT_CLAIM_SIGNATURE_MISMATCH, ing->manifest->url,
                           _("ingredient claimSignature mismatch"));
    }

    /* The ingredient's own claim is validated in full, except its hard binding. */
    verify_claim_once (v, target);
    if (!g_hash_table_contains (v->visited, target->label)) {
      g_hash_table_add (v->visited, g_strdup (target->label));
      if (depth + 1 < CL_LIMIT_INGREDIENT_DEPTH)
        cl_validation_check_ingredients (v, target, depth + 1);
    }
  }

out:
  g_free (g_ptr_array_steal_index (v->ingredient_uris, v->ingredient_uris->len - 1));
}


void
cl_validation_check_ingredients (ClValidation *v,
                                 ClManifest   *m,
                                 guint         depth)
{
  for (guint i = 0; i < m->assertions->len && !cl_validation_cancelled (v); i++) {
    ClAssertion *a = g_ptr_array_index (m->assertions, i);

    if (cl_assertion_label_is_ingredient (a->base_label))
      check_one (v, m, a, depth);
  }
}


void
cl_validation_check_referenced (ClValidation *v,
                                ClManifest   *m,
                                guint         depth,
                                GHashTable   *seen)
{
  if (depth >= CL_LIMIT_INGREDIENT_DEPTH || g_hash_table_contains (seen, m))
    return;
  g_hash_table_add (seen, m);
  for (guint i = 0; i < m->assertions->len && !cl_validation_cancelled (v); i++) {
    ClAssertion *a = g_ptr_array_index (m->assertions, i);
    ClIngredient *ing = NULL;
    g_autofree char *label = NULL;
    ClManifest *target;

    if (!cl_assertion_label_is_ingredient (a->base_label) || cl_assertion_is_zeroed (a))
      continue;
    ing = cl_validation_ingredient (v, a, NULL);
    if (ing == NULL || ing->manifest == NULL)
      continue;
    label = manifest_label_from_url (ing->manifest->url);
    target = cl_manifest_store_lookup (v->store, label);
    if (target == NULL)
      cl_validation_log (v, CL_CODE_INGREDIENT_MANIFEST_MISSING, label,
                         _("ingredient manifest missing"));
    else
      cl_validation_check_referenced (v, target, depth + 1, seen);
  }
}
