/* cl-ica-credential.c: c2pa-rs reads the credential into typed structures, so anything
 * missing or of the wrong type makes it no credential: @context and type are non-empty
 * arrays, issuer a string, validFrom and validUntil RFC 3339 times when present,
 * credentialSubject one object or a non-empty array of them, each with a non-empty
 * verifiedIdentities array (type, verifiedAt and provider {id, name} required) and a
 * c2paAsset (referenced_assertions and sig_type).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cl-ica-credential.h"
#include "cl-json-util.h"
#include "cl-limits.h"


void
cl_ica_credential_free (ClIcaCredential *credential)
{
  if (credential == NULL)
    return;
  g_clear_pointer (&credential->root, json_node_unref);
  g_free (credential);
}


static const char *
get_string (JsonObject *o,
            const char *name)
{
  JsonNode *node = o != NULL ? json_object_get_member (o, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_STRING ? json_node_get_string (node) : NULL;
}


static JsonObject *
get_object (JsonObject *o,
            const char *name)
{
  JsonNode *node = o != NULL ? json_object_get_member (o, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}


static JsonArray *
get_nonempty_array (JsonObject *o,
                    const char *name)
{
  JsonNode *node = o != NULL ? json_object_get_member (o, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) &&
         json_array_get_length (json_node_get_array (node)) > 0 ? json_node_get_array (node) : NULL;
}


/* An optional RFC 3339 time: absent is fine; present it must be a string that parses. */
static gboolean
read_time (JsonObject  *o,
           const char  *name,
           const char **text,
           gint64      *when)
{
  g_autoptr(GDateTime) parsed = NULL;

  if (!json_object_has_member (o, name) ||
      JSON_NODE_HOLDS_NULL (json_object_get_member (o, name)))
    return TRUE;
  *text = get_string (o, name);
  parsed = *text != NULL ? g_date_time_new_from_iso8601 (*text, NULL) : NULL;
  if (parsed == NULL)
    return FALSE;
  *when = g_date_time_to_unix (parsed);
  return TRUE;
}


/* verifiedIdentities[i]: type non-empty, verifiedAt a time, provider {id, name}; name,
 * username, address and uri non-empty strings when present. */
static gboolean
identity_ok (JsonNode *node)
{
  static const char *const optional[] = { "name", "username", "address", "uri" };
  JsonObject *o = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  JsonObject *provider = get_object (o, "provider");
  const char *type = get_string (o, "type"), *name = get_string (provider, "name");
  const char *verified_at = NULL;
  gint64 when = 0;

  if (o == NULL || type == NULL || *type == '\0' || get_string (provider, "id") == NULL ||
      name == NULL || *name == '\0' || !json_object_has_member (o, "verifiedAt") ||
      !read_time (o, "verifiedAt", &verified_at, &when) || verified_at == NULL)
    return FALSE;
  for (gsize i = 0; i < G_N_ELEMENTS (optional); i++) {
    const char *value = get_string (o, optional[i]);

    if (json_object_has_member (o, optional[i]) && (value == NULL || *value == '\0'))
      return FALSE;
  }
  return TRUE;
}


/* c2paAsset: referenced_assertions, an array of {url, hash} (strings), and sig_type. */
static gboolean
asset_ok (JsonObject *asset)
{
  JsonNode *refs = asset != NULL ? json_object_get_member (asset, "referenced_assertions") : NULL;

  if (refs == NULL || !JSON_NODE_HOLDS_ARRAY (refs) || get_string (asset, "sig_type") == NULL)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (json_node_get_array (refs)); i++) {
    JsonNode *ref = json_array_get_element (json_node_get_array (refs), i);
    JsonObject *o = JSON_NODE_HOLDS_OBJECT (ref) ? json_node_get_object (ref) : NULL;

    if (get_string (o, "url") == NULL || get_string (o, "hash") == NULL)
      return FALSE;
  }
  return TRUE;
}


/* The first credentialSubject (c2pa-rs checks only that one), or NULL. */
static JsonObject *
first_subject (JsonObject *vc)
{
  JsonNode *subject = json_object_get_member (vc, "credentialSubject");
  JsonArray *many;

  if (subject != NULL && JSON_NODE_HOLDS_OBJECT (subject))
    return json_node_get_object (subject);
  many = get_nonempty_array (vc, "credentialSubject");
  if (many == NULL)
    return NULL;
  for (guint i = 0; i < json_array_get_length (many); i++) {
    if (!JSON_NODE_HOLDS_OBJECT (json_array_get_element (many, i)))
      return NULL;
  }
  return json_array_get_object_element (many, 0);
}


static gboolean
credential_ok (ClIcaCredential *c)
{
  JsonObject *vc = json_node_get_object (c->root);
  JsonObject *subject = first_subject (vc);

  if (get_nonempty_array (vc, "@context") == NULL || get_nonempty_array (vc, "type") == NULL ||
      c->issuer == NULL || subject == NULL ||
      !read_time (vc, "validFrom", &c->valid_from, &c->valid_from_time) ||
      !read_time (vc, "validUntil", &c->valid_until, &c->valid_until_time))
    return FALSE;
  c->verified_identities = get_nonempty_array (subject, "verifiedIdentities");
  c->c2pa_asset = get_object (subject, "c2paAsset");
  if (c->verified_identities == NULL || !asset_ok (c->c2pa_asset))
    return FALSE;
  for (guint i = 0; i < json_array_get_length (c->verified_identities); i++) {
    if (!identity_ok (json_array_get_element (c->verified_identities, i)))
      return FALSE;
  }
  return TRUE;
}


ClIcaCredential *
cl_ica_credential_parse (const guint8  *data,
                         gsize          len,
                         char         **explanation)
{
  g_autoptr(ClIcaCredential) credential = g_new0 (ClIcaCredential, 1);
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) error = NULL;

  *explanation = NULL;
  if (len > CL_LIMIT_ICA_CREDENTIAL_BYTES) {
    *explanation = g_strdup_printf (_("The identity credential is larger than %d KB"),
                                    CL_LIMIT_ICA_CREDENTIAL_BYTES / 1024);
    return NULL;
  }
  if (!cl_json_depth_ok (data, len, CL_LIMIT_JSON_DEPTH)) {
    *explanation = g_strdup_printf (_("The identity credential nests JSON deeper than %d levels"),
                                    CL_LIMIT_JSON_DEPTH);
    return NULL;
  }
  if (!g_utf8_validate ((const char *) data, (gssize) len, NULL) ||
      !json_parser_load_from_data (parser, (const char *) data, (gssize) len, &error) ||
      json_parser_get_root (parser) == NULL ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser))) {
    *explanation = g_strdup (_("The identity credential is not a JSON object"));
    return NULL;
  }
  credential->root = json_node_copy (json_parser_get_root (parser));
  credential->issuer = get_string (json_node_get_object (credential->root), "issuer");
  if (!credential_ok (credential)) {
    *explanation = g_strdup (_("The identity credential lacks what a verifiable credential must hold"));
    return NULL;
  }
  return g_steal_pointer (&credential);
}
