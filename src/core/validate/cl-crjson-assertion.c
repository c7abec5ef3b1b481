/* cl-crjson-assertion.c: one assertion as a crJSON manifest shows it.
 *
 * crJSON writes the decoded content of an assertion, with two rules c2pa-rs follows that
 * plain CBOR → JSON does not: binary data is a string marked "b64'…'" (so that it cannot
 * be taken for text), and a hashed URI always has a "pad". Thumbnails are shown by their
 * kind and media type only, never their pixels.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cl-cbor-util.h"
#include "cl-crjson-assertion.h"
#include "cl-crjson-signature.h"

/* Key names c2pa-rs gives a different spelling in crJSON. */
#define SCHEMA_ORG_OS_KEY "schema.org.SoftwareApplication.operatingSystem"


char *
cl_crjson_bytes_string (const guint8 *data,
                        gsize         len)
{
  g_autofree char *b64 = g_base64_encode (data, len);

  return g_strdup_printf ("b64'%s'", b64);
}


static JsonNode *
string_node (char *text)   /* takes text */
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  json_node_set_string (node, text);
  g_free (text);
  return node;
}


static JsonNode *
bytes_node (cbor_item_t *item)
{
  g_autoptr(GBytes) bytes = cl_cbor_dup_bytes (item);
  gsize len = 0;
  const guint8 *data = bytes != NULL ? g_bytes_get_data (bytes, &len) : NULL;

  return string_node (cl_crjson_bytes_string (data, len));
}


/* A map member: a "signature" byte string that is a COSE_Sign1 is shown decoded. */
static JsonNode *
member_node (const char  *key,
             cbor_item_t *value)
{
  if (g_str_equal (key, "signature") && cbor_isa_bytestring (value)) {
    g_autoptr(GBytes) bytes = cl_cbor_dup_bytes (value);
    gsize len = 0;
    const guint8 *data = bytes != NULL ? g_bytes_get_data (bytes, &len) : NULL;
    JsonNode *decoded = data != NULL ? cl_crjson_cose_signature (data, len) : NULL;

    if (decoded != NULL)
      return decoded;
  }
  return cl_crjson_from_cbor (value);
}


static char *
key_string (cbor_item_t *key)
{
  gint64 v;
  char *s = cl_cbor_dup_string (key);

  if (s != NULL)
    return s;
  if (cl_cbor_get_int (key, &v))
    return g_strdup_printf ("%" G_GINT64_FORMAT, v);
  return NULL;
}


/* An array of integers under "hash", "pad" or "pad2" (as some writers encode a digest) as
 * the bytes it lists; other values are left as they are. */
static void
fix_byte_array (JsonObject *object,
                const char *name)
{
  JsonNode *node = json_object_get_member (object, name);
  JsonArray *array;
  g_autoptr(GByteArray) bytes = NULL;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return;
  array = json_node_get_array (node);
  bytes = g_byte_array_sized_new (json_array_get_length (array));
  for (guint i = 0; i < json_array_get_length (array); i++) {
    JsonNode *element = json_array_get_element (array, i);
    guint8 byte;

    if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_INT64)
      return;
    /* Negative numbers are left out; others keep their low byte. */
    if (json_node_get_int (element) < 0)
      continue;
    byte = (guint8) (json_node_get_int (element) & 0xff);
    g_byte_array_append (bytes, &byte, 1);
  }
  json_object_set_member (object, name,
                          string_node (cl_crjson_bytes_string (bytes->data, bytes->len)));
}


/* The fixes c2pa-rs applies to every object of an assertion: the operating system under
 * its crJSON name, a "pad" for every hashed URI, an icon as a hashed URI. */
static void
fix_object (JsonObject *object)
{
  JsonNode *icon;

  if (json_object_has_member (object, SCHEMA_ORG_OS_KEY)) {
    JsonNode *os = json_object_dup_member (object, SCHEMA_ORG_OS_KEY);

    json_object_remove_member (object, SCHEMA_ORG_OS_KEY);
    if (!json_object_has_member (object, "operating_system"))
      json_object_set_member (object, "operating_system", os);
    else
      json_node_unref (os);
  }
  fix_byte_array (object, "hash");
  fix_byte_array (object, "pad");
  fix_byte_array (object, "pad2");
  if (json_object_has_member (object, "hash") && !json_object_has_member (object, "pad"))
    json_object_set_string_member (object, "pad", "b64''");
  icon = json_object_get_member (object, "icon");
  if (icon != NULL && JSON_NODE_HOLDS_OBJECT (icon)) {
    JsonObject *o = json_node_get_object (icon);
    g_autoptr(GList) names = NULL;

    if (!json_object_has_member (o, "url") && json_object_has_member (o, "identifier") &&
        JSON_NODE_HOLDS_VALUE (json_object_get_member (o, "identifier")))
      json_object_set_member (o, "url", json_object_dup_member (o, "identifier"));
    names = json_object_get_members (o);
    for (GList *l = names; l != NULL; l = l->next) {
      if (!g_str_equal (l->data, "url") && !g_str_equal (l->data, "hash") &&
          !g_str_equal (l->data, "alg"))
        json_object_remove_member (o, l->data);
    }
  }
}


/* Applies fix_object to every object of a tree (bounded by the depth caps of the CBOR and
 * JSON parsers that made it). */
static void
fix_tree (JsonNode *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node)) {
    JsonObject *object = json_node_get_object (node);
    JsonObjectIter iter;
    JsonNode *member;

    fix_object (object);
    json_object_iter_init (&iter, object);
    while (json_object_iter_next (&iter, NULL, &member))
      fix_tree (member);
  } else if (JSON_NODE_HOLDS_ARRAY (node)) {
    JsonArray *array = json_node_get_array (node);

    for (guint i = 0; i < json_array_get_length (array); i++)
      fix_tree (json_array_get_element (array, i));
  }
}


static JsonNode *
convert (cbor_item_t *item)
{
  switch (cbor_typeof (item)) {
  case CBOR_TYPE_BYTESTRING:
    return bytes_node (item);
  case CBOR_TYPE_ARRAY: {
    JsonArray *array = json_array_new ();
    cbor_item_t **items = cbor_array_handle (item);
    JsonNode *node = json_node_new (JSON_NODE_ARRAY);

    for (gsize i = 0; i < cbor_array_size (item); i++)
      json_array_add_element (array, convert (items[i]));
    json_node_take_array (node, array);
    return node;
  }
  case CBOR_TYPE_MAP: {
    JsonObject *object = json_object_new ();
    struct cbor_pair *pairs = cbor_map_handle (item);
    JsonNode *node = json_node_new (JSON_NODE_OBJECT);

    for (gsize i = 0; i < cbor_map_size (item); i++) {
      g_autofree char *key = key_string (pairs[i].key);

      if (key != NULL)
        json_object_set_member (object, key, member_node (key, pairs[i].value));
    }
    json_node_take_object (node, object);
    return node;
  }
  case CBOR_TYPE_TAG: {
    g_autoptr(cbor_item_t) inner = cbor_tag_item (item);

    return convert (inner);
  }
  case CBOR_TYPE_UINT:
  case CBOR_TYPE_NEGINT:
  case CBOR_TYPE_STRING:
  case CBOR_TYPE_FLOAT_CTRL:
  default:
    return cl_cbor_to_json (item);
  }
}


JsonNode *
cl_crjson_from_cbor (cbor_item_t *item)
{
  JsonNode *node = convert (item);

  fix_tree (node);
  return node;
}


JsonNode *
cl_crjson_omitted (void)
{
  return string_node (g_strdup (_("(not shown: the credentials hold more data than a report keeps)")));
}


/* A thumbnail: 0 for the claim's, 1 for an ingredient's, with its media type. */
static JsonNode *
thumbnail_node (ClAssertion *assertion,
                gint64       type)
{
  g_autofree char *media_type = NULL;
  g_autoptr(GBytes) data = NULL;
  JsonObject *object = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_object_set_int_member (object, "thumbnailType", type);
  if (cl_assertion_get_embedded (assertion, &media_type, &data) && media_type != NULL)
    json_object_set_string_member (object, "mimeType", media_type);
  json_node_take_object (node, object);
  return node;
}


/* Other binary content: where it is and its hash, not the bytes. */
static JsonNode *
binary_node (ClManifest  *manifest,
             ClAssertion *assertion,
             GBytes      *ref_hash)
{
  g_autofree char *media_type = NULL;
  g_autoptr(GBytes) data = NULL;
  JsonObject *object = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  if (cl_assertion_get_embedded (assertion, &media_type, &data) && media_type != NULL)
    json_object_set_string_member (object, "format", media_type);
  json_object_set_member (object, "identifier",
                          string_node (g_strdup_printf ("self#jumbf=/c2pa/%s/c2pa.assertions/%s",
                                                        manifest->label, assertion->label)));
  if (ref_hash != NULL) {
    gsize len;
    const guint8 *bytes = g_bytes_get_data (ref_hash, &len);

    json_object_set_member (object, "hash",
                            string_node (cl_crjson_bytes_string (bytes, len)));
  }
  json_node_take_object (node, object);
  return node;
}


JsonNode *
cl_crjson_assertion (ClManifest  *manifest,
                     ClAssertion *assertion,
                     GBytes      *ref_hash,
                     guint       *budget)
{
  /* A thumbnail or a reference to binary content: an object and up to three members. */
  if (assertion->kind != CL_ASSERTION_CBOR && assertion->kind != CL_ASSERTION_JSON) {
    if (*budget < 4)
      return cl_crjson_omitted ();
    *budget -= 4;
  }
  if (g_str_has_prefix (assertion->label, "c2pa.thumbnail.claim"))
    return thumbnail_node (assertion, 0);
  if (g_str_has_prefix (assertion->label, "c2pa.thumbnail.ingredient"))
    return thumbnail_node (assertion, 1);

  switch (assertion->kind) {
  case CL_ASSERTION_CBOR: {
    g_autoptr(cbor_item_t) item = NULL;

    if (!cl_assertion_charge (assertion, budget, NULL))
      return cl_crjson_omitted ();
    item = cl_assertion_load_cbor (assertion, NULL);
    return item != NULL ? cl_crjson_from_cbor (item) : NULL;
  }
  case CL_ASSERTION_JSON: {
    gboolean over_budget = FALSE;
    JsonNode *node = cl_assertion_to_json_within (assertion, budget, &over_budget);

    if (over_budget)
      return cl_crjson_omitted ();
    if (node != NULL)
      fix_tree (node);
    return node;
  }
  case CL_ASSERTION_EMBEDDED_FILE:
  case CL_ASSERTION_UUID:
  case CL_ASSERTION_OTHER:
  default:
    return binary_node (manifest, assertion, ref_hash);
  }
}
