/* cl-claim.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cl-cbor-util.h"
#include "cl-claim.h"
#include "cl-error.h"
#include "cl-limits.h"
#include "cl-status-codes.h"


ClHashedUri *
cl_hashed_uri_parse (cbor_item_t *item)
{
  g_autoptr(ClHashedUri) uri = g_new0 (ClHashedUri, 1);
  cbor_item_t *alg;

  uri->url = cl_cbor_map_dup_string (item, "url");
  uri->hash = cl_cbor_dup_bytes (cl_cbor_map_get (item, "hash"));
  if (uri->url == NULL || uri->hash == NULL)
    return NULL;
  alg = cl_cbor_map_get (item, "alg");
  if (alg != NULL) {
    uri->alg = cl_cbor_dup_string (alg);
    /* A non-text alg names no algorithm we know. */
    if (uri->alg == NULL)
      uri->alg = g_strdup ("");
  }
  return g_steal_pointer (&uri);
}


void
cl_hashed_uri_free (ClHashedUri *uri)
{
  if (uri == NULL)
    return;
  g_free (uri->url);
  g_free (uri->alg);
  g_clear_pointer (&uri->hash, g_bytes_unref);
  g_free (uri);
}


void
cl_claim_free (ClClaim *claim)
{
  if (claim == NULL)
    return;
  g_clear_pointer (&claim->raw, g_bytes_unref);
  if (claim->item != NULL)
    cbor_decref (&claim->item);
  g_free (claim->instance_id);
  g_free (claim->title);
  g_free (claim->format);
  g_free (claim->claim_generator);
  g_free (claim->signature_uri);
  g_free (claim->alg);
  g_clear_pointer (&claim->generator_info, json_node_unref);
  g_clear_pointer (&claim->created_assertions, g_ptr_array_unref);
  g_clear_pointer (&claim->gathered_assertions, g_ptr_array_unref);
  g_clear_pointer (&claim->redacted_assertions, g_ptr_array_unref);
  g_free (claim);
}


static GPtrArray *
parse_uri_list (cbor_item_t *array,
                gboolean    *ok)
{
  GPtrArray *list = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_hashed_uri_free);
  cbor_item_t **items;

  if (array == NULL)
    return list;
  if (!cbor_isa_array (array)) {
    *ok = FALSE;
    return list;
  }
  items = cbor_array_handle (array);
  for (gsize i = 0; i < cbor_array_size (array); i++) {
    ClHashedUri *uri = cl_hashed_uri_parse (items[i]);

    if (uri == NULL)
      *ok = FALSE;
    else
      g_ptr_array_add (list, uri);
  }
  return list;
}


static gboolean
optional_string (cbor_item_t  *map,
                 const char   *key,
                 char        **out)
{
  cbor_item_t *v = cl_cbor_map_get (map, key);

  if (v == NULL)
    return TRUE;
  *out = cl_cbor_dup_string (v);
  return *out != NULL;
}


ClClaim *
cl_claim_parse (const guint8  *data,
                gsize          len,
                const char   **status_code,
                GError       **error)
{
  g_autoptr(ClClaim) claim = g_new0 (ClClaim, 1);
  g_autoptr(GError) local_error = NULL;
  cbor_item_t *assertions, *created, *gen_info, *redacted;
  gboolean ok = TRUE;

  claim->raw = g_bytes_new (data, len);
  claim->item = cl_cbor_load_limited (data, len, CL_LIMIT_CBOR_ITEMS_CLAIM, &local_error);
  if (claim->item == NULL) {
    *status_code = CL_CODE_CLAIM_CBOR_INVALID;
    g_set_error (error, CL_MANIFEST_ERROR, CL_MANIFEST_ERROR_MALFORMED,
                 _("The claim is not valid CBOR: %s"), local_error->message);
    return NULL;
  }
  *status_code = CL_CODE_CLAIM_MALFORMED;
  if (!cbor_isa_map (claim->item)) {
    g_set_error_literal (error, CL_MANIFEST_ERROR, CL_MANIFEST_ERROR_MALFORMED,
                         _("The claim is not a CBOR map"));
    return NULL;
  }

  /* Version detection as c2pa-rs does it: v1 lists "assertions", v2 "created_assertions". */
  assertions = cl_cbor_map_get (claim->item, "assertions");
  created = cl_cbor_map_get (claim->item, "created_assertions");
  if ((assertions == NULL) == (created == NULL)) {
    g_set_error_literal (error, CL_MANIFEST_ERROR, CL_MANIFEST_ERROR_MALFORMED,
                         _("The claim lists neither v1 nor v2 assertions"));
    return NULL;
  }
  claim->version = assertions != NULL ? 1 : 2;

  claim->instance_id = cl_cbor_map_dup_string (claim->item, "instanceID");
  claim->signature_uri = cl_cbor_map_dup_string (claim->item, "signature");
  ok &= optional_string (claim->item, "dc:title", &claim->title);
  ok &= optional_string (claim->item, "dc:format", &claim->format);
  ok &= optional_string (claim->item, "claim_generator", &claim->claim_generator);
  ok &= optional_string (claim->item, "alg", &claim->alg);
  if (claim->instance_id == NULL || claim->signature_uri == NULL || !ok) {
    g_set_error_literal (error, CL_MANIFEST_ERROR, CL_MANIFEST_ERROR_MALFORMED,
                         _("The claim lacks its instance ID or signature reference"));
    return NULL;
  }

  gen_info = cl_cbor_map_get (claim->item, "claim_generator_info");
  if (claim->version == 2) {
    if (gen_info == NULL || !cbor_isa_map (gen_info) || cl_cbor_map_get (gen_info, "name") == NULL) {
      g_set_error_literal (error, CL_MANIFEST_ERROR, CL_MANIFEST_ERROR_MALFORMED,
                           _("The claim lacks its generator information"));
      return NULL;
    }
    claim->generator_info = json_node_new (JSON_NODE_ARRAY);
    json_node_take_array (claim->generator_info, json_array_new ());
    json_array_add_element (json_node_get_array (claim->generator_info),
                            cl_cbor_to_json (gen_info));
  } else {
    if (claim->claim_generator == NULL || claim->format == NULL) {
      g_set_error_literal (error, CL_MANIFEST_ERROR, CL_MANIFEST_ERROR_MALFORMED,
                           _("The v1 claim lacks its generator or format"));
      return NULL;
    }
    if (gen_info != NULL && cbor_isa_array (gen_info))
      claim->generator_info = cl_cbor_to_json (gen_info);
  }

  claim->created_assertions = parse_uri_list (claim->version == 1 ? assertions : created, &ok);
  claim->gathered_assertions = parse_uri_list (cl_cbor_map_get (claim->item,
                                                                 "gathered_assertions"), &ok);
  claim->redacted_assertions = g_ptr_array_new_with_free_func (g_free);
  redacted = cl_cbor_map_get (claim->item, "redacted_assertions");
  if (redacted != NULL && cbor_isa_array (redacted)) {
    cbor_item_t **items = cbor_array_handle (redacted);

    for (gsize i = 0; i < cbor_array_size (redacted); i++) {
      char *uri = cl_cbor_dup_string (items[i]);

      if (uri != NULL)
        g_ptr_array_add (claim->redacted_assertions, uri);
      else
        ok = FALSE;
    }
  } else if (redacted != NULL) {
    ok = FALSE;
  }
  if (!ok) {
    g_set_error_literal (error, CL_MANIFEST_ERROR, CL_MANIFEST_ERROR_MALFORMED,
                         _("The claim’s assertion lists are malformed"));
    return NULL;
  }
  return g_steal_pointer (&claim);
}


GPtrArray *
cl_claim_all_assertions (ClClaim *claim)
{
  GPtrArray *all = g_ptr_array_new ();

  for (guint i = 0; i < claim->created_assertions->len; i++)
    g_ptr_array_add (all, g_ptr_array_index (claim->created_assertions, i));
  for (guint i = 0; i < claim->gathered_assertions->len; i++)
    g_ptr_array_add (all, g_ptr_array_index (claim->gathered_assertions, i));
  return all;
}
