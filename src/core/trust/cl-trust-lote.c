/* cl-trust-lote.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <openssl/evp.h>

#include "cl-error.h"
#include "cl-trust-lote.h"
#include "cl-x509.h"


void
cl_trust_entity_free (ClTrustEntity *entity)
{
  if (entity == NULL)
    return;
  g_free (entity->sha256);
  g_free (entity->entity);
  g_free (entity->service);
  g_free (entity->status);
  g_free (entity);
}


static JsonObject *
object_member (JsonObject *object,
               const char *name)
{
  JsonNode *node;

  if (object == NULL || !json_object_has_member (object, name))
    return NULL;
  node = json_object_get_member (object, name);
  return JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}


static JsonArray *
array_member (JsonObject *object,
              const char *name)
{
  JsonNode *node;

  if (object == NULL || !json_object_has_member (object, name))
    return NULL;
  node = json_object_get_member (object, name);
  return JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}


/* [{"lang": "en", "value": "…"}, …] → the English value, else the first. */
static const char *
localized (JsonArray *values)
{
  const char *first = NULL;

  for (guint i = 0; values != NULL && i < json_array_get_length (values); i++) {
    JsonNode *node = json_array_get_element (values, i);
    JsonObject *object;
    const char *value;

    if (!JSON_NODE_HOLDS_OBJECT (node))
      continue;
    object = json_node_get_object (node);
    value = json_object_get_string_member_with_default (object, "value", NULL);
    if (value == NULL)
      continue;
    if (g_strcmp0 (json_object_get_string_member_with_default (object, "lang", NULL), "en") == 0)
      return value;
    if (first == NULL)
      first = value;
  }
  return first;
}


static void
add_service (GHashTable *entities,
             const char *entity_name,
             JsonObject *info)
{
  JsonObject *identity = object_member (info, "ServiceDigitalIdentity");
  JsonArray *certs = array_member (identity, "X509Certificates");
  const char *status = json_object_get_string_member_with_default (info, "ServiceStatus", "");
  const char *since = json_object_get_string_member_with_default (info, "StatusStartingTime", NULL);

  for (guint i = 0; certs != NULL && i < json_array_get_length (certs); i++) {
    JsonNode *node = json_array_get_element (certs, i);
    const char *b64;
    g_autofree guchar *der = NULL;
    gsize der_len = 0;
    X509 *cert;
    ClTrustEntity *entity;

    if (!JSON_NODE_HOLDS_OBJECT (node))
      continue;
    b64 = json_object_get_string_member_with_default (json_node_get_object (node), "val", NULL);
    if (b64 == NULL)
      continue;
    der = g_base64_decode (b64, &der_len);
    cert = cl_x509_from_der (der, der_len, NULL);
    if (cert == NULL)
      continue;
    entity = g_new0 (ClTrustEntity, 1);
    entity->sha256 = cl_x509_sha256_base64 (cert);
    entity->entity = g_strdup (entity_name);
    entity->service = g_strdup (localized (array_member (info, "ServiceName")));
    entity->status = g_strdup (status);
    if (since != NULL)
      cl_unix_from_string (since, &entity->since);
    X509_free (cert);
    g_hash_table_replace (entities, entity->sha256, entity);
  }
}


GHashTable *
cl_trust_lote_parse (const char  *json_text,
                     gint64      *issue_date,
                     GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GHashTable) entities = NULL;
  JsonObject *root, *lote, *scheme;
  JsonArray *list;
  const char *issued;

  if (!json_parser_load_from_data (parser, json_text, -1, &local_error)) {
    g_set_error (error, CL_TRUST_ERROR, CL_TRUST_ERROR_INVALID,
                 _("The trust list JSON cannot be read: %s"), local_error->message);
    return NULL;
  }
  root = JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser))
         ? json_node_get_object (json_parser_get_root (parser)) : NULL;
  lote = object_member (root, "LoTE");
  if (lote == NULL) {
    g_set_error (error, CL_TRUST_ERROR, CL_TRUST_ERROR_INVALID,
                 _("The trust list JSON has no “LoTE” object"));
    return NULL;
  }

  scheme = object_member (lote, "ListAndSchemeInformation");
  issued = json_object_get_string_member_with_default (scheme != NULL ? scheme : lote,
                                                       "ListIssueDateTime", NULL);
  if (issue_date != NULL) {
    *issue_date = 0;
    if (issued != NULL)
      cl_unix_from_string (issued, issue_date);
  }

  entities = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                    (GDestroyNotify) cl_trust_entity_free);
  list = array_member (lote, "TrustedEntitiesList");
  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++) {
    JsonNode *node = json_array_get_element (list, i);
    JsonObject *te;
    const char *name;
    JsonArray *services;

    if (!JSON_NODE_HOLDS_OBJECT (node))
      continue;
    te = json_node_get_object (node);
    name = localized (array_member (object_member (te, "TrustedEntityInformation"), "TEName"));
    services = array_member (te, "TrustedEntityServices");
    for (guint j = 0; services != NULL && j < json_array_get_length (services); j++) {
      JsonNode *service = json_array_get_element (services, j);
      JsonObject *info;

      if (!JSON_NODE_HOLDS_OBJECT (service))
        continue;
      info = object_member (json_node_get_object (service), "ServiceInformation");
      if (info != NULL)
        add_service (entities, name, info);
    }
  }
  return g_steal_pointer (&entities);
}
