/* cl-assertion-ingredient.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cl-assertion-ingredient.h"
#include "cl-cbor-util.h"
#include "cl-error.h"
#include "cl-jumbf.h"


void
cl_ingredient_free (ClIngredient *ingredient)
{
  if (ingredient == NULL)
    return;
  g_free (ingredient->title);
  g_free (ingredient->format);
  g_free (ingredient->document_id);
  g_free (ingredient->instance_id);
  g_free (ingredient->relationship);
  g_free (ingredient->description);
  g_free (ingredient->informational_uri);
  cl_hashed_uri_free (ingredient->manifest);
  cl_hashed_uri_free (ingredient->claim_signature);
  cl_hashed_uri_free (ingredient->thumbnail);
  if (ingredient->item != NULL)
    cbor_decref (&ingredient->item);
  g_free (ingredient);
}


ClIngredient *
cl_ingredient_parse (ClAssertion  *assertion,
                     GError      **error)
{
  g_autoptr(ClIngredient) ing = g_new0 (ClIngredient, 1);
  cbor_item_t *v;

  ing->item = cl_assertion_load_cbor (assertion, error);
  if (ing->item == NULL)
    return NULL;
  if (!cbor_isa_map (ing->item)) {
    g_set_error (error, CL_MANIFEST_ERROR, CL_MANIFEST_ERROR_MALFORMED,
                 _("The ingredient “%s” is not a map"), assertion->label);
    return NULL;
  }
  ing->version = g_str_has_suffix (assertion->base_label, ".v3") ? 3 :
                 g_str_has_suffix (assertion->base_label, ".v2") ? 2 : 1;
  ing->title = cl_cbor_map_dup_string (ing->item, "dc:title");
  ing->format = cl_cbor_map_dup_string (ing->item, "dc:format");
  ing->document_id = cl_cbor_map_dup_string (ing->item, "documentID");
  ing->instance_id = cl_cbor_map_dup_string (ing->item, "instanceID");
  ing->relationship = cl_cbor_map_dup_string (ing->item, "relationship");
  ing->description = cl_cbor_map_dup_string (ing->item, "description");
  ing->informational_uri = cl_cbor_map_dup_string (ing->item, ing->version >= 3 ?
                                                   "informationalURI" : "informational_URI");
  v = cl_cbor_map_get (ing->item, "activeManifest");
  if (v == NULL)
    v = cl_cbor_map_get (ing->item, "c2pa_manifest");
  if (v != NULL)
    ing->manifest = cl_hashed_uri_parse (v);
  v = cl_cbor_map_get (ing->item, "claimSignature");
  if (v != NULL)
    ing->claim_signature = cl_hashed_uri_parse (v);
  v = cl_cbor_map_get (ing->item, "thumbnail");
  if (v != NULL)
    ing->thumbnail = cl_hashed_uri_parse (v);
  ing->validation_status = cl_cbor_map_get (ing->item, "validationStatus");
  ing->validation_results = cl_cbor_map_get (ing->item, "validationResults");
  ing->metadata = cl_cbor_map_get (ing->item, "metadata");
  return g_steal_pointer (&ing);
}


static void
add_status_list (GPtrArray   *out,
                 cbor_item_t *list,
                 const char  *manifest_label)
{
  cbor_item_t **items;

  if (list == NULL || !cbor_isa_array (list))
    return;
  items = cbor_array_handle (list);
  for (gsize i = 0; i < cbor_array_size (list); i++) {
    g_autofree char *code = cl_cbor_map_dup_string (items[i], "code");
    g_autofree char *url = cl_cbor_map_dup_string (items[i], "url");
    char **pair;

    if (code == NULL)
      continue;
    pair = g_new0 (char *, 3);
    pair[0] = g_steal_pointer (&code);
    if (url != NULL && manifest_label != NULL && g_str_has_prefix (url, "self#jumbf"))
      pair[1] = cl_jumbf_uri_make_absolute (manifest_label, url);
    else
      pair[1] = g_strdup (url != NULL ? url : "");
    g_ptr_array_add (out, pair);
  }
}


static void
add_status_codes (GPtrArray   *out,
                  cbor_item_t *codes,
                  const char  *manifest_label)
{
  add_status_list (out, cl_cbor_map_get (codes, "success"), manifest_label);
  add_status_list (out, cl_cbor_map_get (codes, "informational"), manifest_label);
  add_status_list (out, cl_cbor_map_get (codes, "failure"), manifest_label);
}


GPtrArray *
cl_ingredient_recorded_statuses (ClIngredient *ingredient,
                                 const char   *manifest_label)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  if (ingredient->validation_results != NULL) {
    cbor_item_t *deltas = cl_cbor_map_get (ingredient->validation_results, "ingredientDeltas");

    add_status_codes (out, cl_cbor_map_get (ingredient->validation_results, "activeManifest"),
                      manifest_label);
    if (deltas != NULL && cbor_isa_array (deltas)) {
      cbor_item_t **items = cbor_array_handle (deltas);

      for (gsize i = 0; i < cbor_array_size (deltas); i++)
        add_status_codes (out, cl_cbor_map_get (items[i], "validationDeltas"), manifest_label);
    }
  } else {
    add_status_list (out, ingredient->validation_status, manifest_label);
  }
  return out;
}
