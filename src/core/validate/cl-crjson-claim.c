/* cl-crjson-claim.c: a crJSON manifest's claim and its map of assertions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cl-cbor-util.h"
#include "cl-crjson-assertion.h"
#include "cl-crjson-claim.h"


static void
add_string (JsonObject *object,
            const char *name,
            const char *value)
{
  if (value != NULL)
    json_object_set_string_member (object, name, value);
}


/* Sets a member to a string it takes. */
static void
take_string (JsonObject *object,
             const char *name,
             char       *value)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  json_node_set_string (node, value);
  g_free (value);
  json_object_set_member (object, name, node);
}


static void
add_bytes (JsonObject *object,
           const char *name,
           GBytes     *bytes)
{
  gsize len = 0;
  const guint8 *data = bytes != NULL ? g_bytes_get_data (bytes, &len) : NULL;
  take_string (object, name, cl_crjson_bytes_string (data, len));
}


/* Values a hashed URI takes in the document: the object, its url, hash and alg. */
#define HASHED_URI_VALUES 4


/* Takes n values from *budget; FALSE (and nothing taken) when it has fewer left. */
static gboolean
charge (guint *budget,
        guint  n,
        guint  values_each)
{
  if (n > *budget / values_each)
    return FALSE;
  *budget -= n * values_each;
  return TRUE;
}


static void
set_array (JsonObject *object,
           const char *name,
           JsonArray  *array)
{
  if (array != NULL)
    json_object_set_array_member (object, name, array);
  else
    json_object_set_member (object, name, cl_crjson_omitted ());
}


/* [{url, hash, alg?}]; v1 claims' relative URLs are made absolute, as c2pa-rs does. NULL
 * when the budget does not hold them. */
static JsonArray *
hashed_uris (GPtrArray  *uris,
             const char *absolute_in,
             guint      *budget)
{
  JsonArray *array;

  if (!charge (budget, uris->len, HASHED_URI_VALUES))
    return NULL;
  array = json_array_new ();

  for (guint i = 0; i < uris->len; i++) {
    ClHashedUri *uri = g_ptr_array_index (uris, i);
    JsonObject *o = json_object_new ();

    if (absolute_in != NULL)
      take_string (o, "url", cl_jumbf_uri_make_absolute (absolute_in, uri->url));
    else
      add_string (o, "url", uri->url);
    add_bytes (o, "hash", uri->hash);
    add_string (o, "alg", uri->alg);
    json_array_add_object_element (array, o);
  }
  return array;
}


/* v1: every generator as an array; v2: the one generator. Without any: its name from
 * claim_generator (or "Unknown"), as c2pa-rs fills it in. */
static JsonNode *
generator_info (ClClaim *claim)
{
  cbor_item_t *info = cl_cbor_map_get (claim->item, "claim_generator_info");
  JsonNode *node;

  if (info != NULL && claim->version == 1 && cbor_isa_array (info) && cbor_array_size (info) > 0)
    return cl_crjson_from_cbor (info);
  if (info != NULL && claim->version != 1 && cbor_isa_map (info))
    return cl_crjson_from_cbor (info);
  if (info != NULL && claim->version != 1 && cbor_isa_array (info) && cbor_array_size (info) > 0)
    return cl_crjson_from_cbor (cbor_array_handle (info)[0]);

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, json_object_new ());
  json_object_set_string_member (json_node_get_object (node), "name",
                                 claim->claim_generator != NULL ? claim->claim_generator
                                                                : "Unknown");
  if (claim->version == 1) {
    JsonArray *array = json_array_new ();
    JsonNode *wrapped = json_node_new (JSON_NODE_ARRAY);

    json_array_add_element (array, node);
    json_node_take_array (wrapped, array);
    return wrapped;
  }
  return node;
}


static JsonArray *
string_array (GPtrArray *strings,
              guint     *budget)
{
  JsonArray *array;

  if (!charge (budget, strings->len, 1))
    return NULL;
  array = json_array_new ();

  for (guint i = 0; i < strings->len; i++)
    json_array_add_string_element (array, g_ptr_array_index (strings, i));
  return array;
}


JsonNode *
cl_crjson_claim (ClManifest *manifest,
                 guint      *budget)
{
  ClClaim *claim = manifest->claim;
  gboolean v1 = claim->version == 1;
  cbor_item_t *metadata = cl_cbor_map_get (claim->item, "metadata");
  g_autofree char *alg_soft = cl_cbor_map_dup_string (claim->item, "alg_soft");
  JsonObject *o = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  add_string (o, "instanceID", claim->instance_id != NULL ? claim->instance_id : "");
  take_string (o, "signature", g_strdup_printf ("self#jumbf=/c2pa/%s/c2pa.signature",
                                               manifest->label));
  json_object_set_member (o, "claim_generator_info", generator_info (claim));
  add_string (o, "alg", claim->alg != NULL ? claim->alg : "sha256");
  add_string (o, "alg_soft", alg_soft);
  add_string (o, "dc:title", claim->title);
  /* crJSON 3.5.1: a v2 claim shows its redactions even when there are none. */
  if (!v1 || claim->redacted_assertions->len > 0)
    set_array (o, "redacted_assertions", string_array (claim->redacted_assertions, budget));
  if (metadata != NULL && cbor_isa_map (metadata) && cbor_map_size (metadata) > 0)
    json_object_set_member (o, "metadata", cl_crjson_from_cbor (metadata));
  if (v1) {
    add_string (o, "claim_generator", claim->claim_generator);
    add_string (o, "dc:format", claim->format != NULL ? claim->format : "");
    set_array (o, "assertions", hashed_uris (claim->created_assertions, manifest->label, budget));
  } else {
    set_array (o, "created_assertions", hashed_uris (claim->created_assertions, NULL, budget));
    set_array (o, "gathered_assertions", hashed_uris (claim->gathered_assertions, NULL, budget));
  }
  json_node_take_object (node, o);
  return node;
}


/* The manifest a claim's URI points into: the one it names, else its own. */
static ClManifest *
target_manifest (ClManifestStore *store,
                 ClManifest      *manifest,
                 const char      *url)
{
  g_autofree char *label = cl_jumbf_uri_manifest_label (url);

  if (label == NULL || g_str_equal (label, manifest->label))
    return manifest;
  return cl_manifest_store_lookup (store, label);
}


/* A gathered assertion that cannot be found: where it should be and its hash. */
static JsonNode *
reference_node (ClManifest  *manifest,
                ClHashedUri *uri)
{
  JsonObject *o = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  take_string (o, "identifier", cl_jumbf_uri_make_absolute (manifest->label, uri->url));
  add_bytes (o, "hash", uri->hash);
  json_node_take_object (node, o);
  return node;
}


static void
add_assertions (JsonObject      *object,
                ClManifestStore *store,
                ClManifest      *manifest,
                GPtrArray       *uris,
                gboolean         gathered,
                guint           *budget)
{
  for (guint i = 0; i < uris->len; i++) {
    ClHashedUri *uri = g_ptr_array_index (uris, i);
    g_autofree char *label = cl_jumbf_uri_last_segment (uri->url);
    ClManifest *target = target_manifest (store, manifest, uri->url);
    ClAssertion *assertion = target != NULL && label != NULL
                             ? cl_manifest_find_assertion (target, label) : NULL;
    JsonNode *value;

    if (label == NULL || json_object_has_member (object, label))
      continue;
    if (assertion == NULL || (target != manifest && !gathered)) {
      if (gathered)
        json_object_set_member (object, label, reference_node (manifest, uri));
      continue;
    }
    value = cl_crjson_assertion (target, assertion, uri->hash, budget);
    if (value != NULL)
      json_object_set_member (object, assertion->label, value);
  }
}


JsonNode *
cl_crjson_assertions (ClManifestStore *store,
                      ClManifest      *manifest,
                      guint           *budget)
{
  JsonObject *o = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  if (manifest->claim != NULL) {
    add_assertions (o, store, manifest, manifest->claim->created_assertions, FALSE, budget);
    add_assertions (o, store, manifest, manifest->claim->gathered_assertions, TRUE, budget);
  }
  json_node_take_object (node, o);
  return node;
}
