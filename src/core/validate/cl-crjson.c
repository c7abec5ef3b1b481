/* cl-crjson.c: the crJSON document of a validated file.
 *
 * Each manifest carries the validation results that concern it: the active manifest the
 * results of validating the file, an ingredient's manifest the deltas found while
 * validating that ingredient, the others empty lists; and the deltas of its own ingredients
 * under "ingredientDeltas".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cl-assertion-ingredient.h"
#include "cl-crjson-claim.h"
#include "cl-crjson-signature.h"
#include "cl-crjson.h"
#include "cl-limits.h"
#include "cl-manifest-store.h"

/* The version of the crJSON serialisation written (c2pa-rs writes the same). */
#define CRJSON_SPEC_VERSION "2.3.0"
#define CRJSON_VOCABULARY "https://c2pa.org/crjson"
#define CRJSON_EXTRAS "https://c2pa.org/crjson/extras"


/* What one validation gathers: the statuses of the report that concern one ingredient
 * (ingredient_uri) or the file (NULL). */
static JsonNode *
status_lists (GPtrArray  *statuses,
              const char *ingredient_uri)
{
  static const ClStatusKind kinds[] = {
    CL_STATUS_SUCCESS, CL_STATUS_INFORMATIONAL, CL_STATUS_FAILURE,
  };
  JsonObject *o = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  for (gsize k = 0; k < G_N_ELEMENTS (kinds); k++) {
    JsonArray *array = json_array_new ();

    for (guint i = 0; i < statuses->len; i++) {
      ClStatus *s = g_ptr_array_index (statuses, i);
      JsonObject *entry;

      if (s->kind != kinds[k] || g_strcmp0 (s->ingredient_uri, ingredient_uri) != 0)
        continue;
      entry = json_object_new ();
      json_object_set_string_member (entry, "code", s->code);
      if (s->url != NULL)
        json_object_set_string_member (entry, "url", s->url);
      if (s->explanation != NULL)
        json_object_set_string_member (entry, "explanation", s->explanation);
      json_array_add_object_element (array, entry);
    }
    json_object_set_array_member (o, cl_status_kind_to_string (kinds[k]), array);
  }
  json_node_take_object (node, o);
  return node;
}


/* The label of the manifest an ingredient assertion (an absolute URI) points to, or NULL. */
static char *
ingredient_target (ClManifestStore *store,
                   const char      *ingredient_uri,
                   guint           *budget)
{
  g_autofree char *parent_label = cl_jumbf_uri_manifest_label (ingredient_uri);
  g_autofree char *assertion_label = cl_jumbf_uri_last_segment (ingredient_uri);
  ClManifest *parent = parent_label != NULL ? cl_manifest_store_lookup (store, parent_label)
                                            : NULL;
  ClAssertion *assertion = parent != NULL && assertion_label != NULL
                           ? cl_manifest_find_assertion (parent, assertion_label) : NULL;
  g_autoptr(ClIngredient) ingredient = NULL;

  if (assertion == NULL || !cl_assertion_charge (assertion, budget, NULL))
    return NULL;
  ingredient = cl_ingredient_parse (assertion, NULL);
  if (ingredient == NULL || ingredient->manifest == NULL)
    return NULL;
  return cl_jumbf_uri_manifest_label (ingredient->manifest->url);
}


/* The ingredient URIs of the report's deltas, each once, in the report's order. */
static GPtrArray *
delta_uris (ClValidationReport *report)
{
  GPtrArray *uris = g_ptr_array_new ();

  for (guint i = 0; i < report->statuses->len; i++) {
    ClStatus *s = g_ptr_array_index (report->statuses, i);

    if (s->ingredient_uri != NULL &&
        !g_ptr_array_find_with_equal_func (uris, s->ingredient_uri, g_str_equal, NULL))
      g_ptr_array_add (uris, s->ingredient_uri);
  }
  return uris;
}


/* manifest label → the ingredient URI whose deltas are that manifest's results (the last
 * one that points to it, as c2pa-rs keeps). */
static GHashTable *
results_by_manifest (ClManifestStore    *store,
                     ClValidationReport *report,
                     GPtrArray          *uris)
{
  GHashTable *map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint budget = CL_LIMIT_DECODED_VALUES;

  for (guint i = 0; i < uris->len; i++) {
    char *target = ingredient_target (store, g_ptr_array_index (uris, i), &budget);

    if (target != NULL)
      g_hash_table_insert (map, target, g_ptr_array_index (uris, i));
  }
  return map;
}


static JsonNode *
validation_results (ClValidationReport *report,
                    ClManifest         *manifest,
                    GHashTable         *by_manifest,
                    const char         *time)
{
  static const char * const none = "";
  const char *uri = NULL;
  JsonNode *node;

  if (g_strcmp0 (manifest->label, report->active_label) != 0)
    uri = g_hash_table_lookup (by_manifest, manifest->label) ?: none;
  node = status_lists (report->statuses, uri);
  json_object_set_string_member (json_node_get_object (node), "specVersion",
                                 CRJSON_SPEC_VERSION);
  json_object_set_string_member (json_node_get_object (node), "validationTime", time);
  return node;
}


/* The deltas of the manifest's own ingredients, or NULL when it has none. */
static JsonArray *
ingredient_deltas (ClValidationReport *report,
                   ClManifest         *manifest,
                   GPtrArray          *uris)
{
  JsonArray *array = NULL;

  for (guint i = 0; i < uris->len; i++) {
    const char *uri = g_ptr_array_index (uris, i);
    g_autofree char *label = cl_jumbf_uri_manifest_label (uri);
    JsonObject *delta;

    if (g_strcmp0 (label, manifest->label) != 0)
      continue;
    if (array == NULL)
      array = json_array_new ();
    delta = json_object_new ();
    json_object_set_string_member (delta, "ingredientAssertionURI", uri);
    json_object_set_member (delta, "validationDeltas", status_lists (report->statuses, uri));
    json_array_add_object_element (array, delta);
  }
  return array;
}


static JsonNode *
manifest_node (ClManifestStore    *store,
               ClManifest         *manifest,
               ClValidationReport *report,
               GPtrArray          *uris,
               GHashTable         *by_manifest,
               const char         *time,
               guint              *budget)
{
  g_autoptr(ClCoseSign1) sign1 = cl_manifest_parse_signature (manifest);
  JsonObject *o = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);
  JsonArray *deltas;

  json_object_set_string_member (o, "label", manifest->label);
  json_object_set_boolean_member (o, "isUpdateManifest", manifest->is_update);
  /* A compressed manifest was parsed from its own decompressed bytes. */
  json_object_set_boolean_member (o, "isCompressedManifest",
                                  manifest->box->bytes != store->root->bytes);
  json_object_set_member (o, "assertions", cl_crjson_assertions (store, manifest, budget));
  if (manifest->claim != NULL)
    json_object_set_member (o, manifest->claim->version == 1 ? "claim" : "claim.v2",
                            cl_crjson_claim (manifest, budget));
  json_object_set_member (o, "signature",
                          cl_crjson_signature (sign1, manifest->claim != NULL
                                                      ? manifest->claim->raw : NULL));
  json_object_set_member (o, "validationResults",
                          validation_results (report, manifest, by_manifest, time));
  deltas = ingredient_deltas (report, manifest, uris);
  if (deltas != NULL)
    json_object_set_array_member (o, "ingredientDeltas", deltas);
  json_node_take_object (node, o);
  return node;
}


/* RFC 3339 with milliseconds, as c2pa-rs dates a validation. */
static char *
format_time (GDateTime *validation_time)
{
  g_autoptr(GDateTime) now = validation_time == NULL ? g_date_time_new_now_utc () : NULL;
  g_autoptr(GDateTime) utc = g_date_time_to_utc (validation_time != NULL ? validation_time : now);
  g_autofree char *seconds = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%S");

  return g_strdup_printf ("%s.%03d+00:00", seconds, g_date_time_get_microsecond (utc) / 1000);
}


static JsonNode *
document_node (JsonArray *manifests)
{
  JsonObject *o = json_object_new ();
  JsonObject *context = json_object_new ();
  JsonObject *generator = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_object_set_string_member (context, "@vocab", CRJSON_VOCABULARY);
  json_object_set_string_member (context, "extras", CRJSON_EXTRAS);
  json_object_set_object_member (o, "@context", context);
  json_object_set_array_member (o, "manifests", manifests);
  json_object_set_string_member (generator, "name", "CredLink");
  json_object_set_string_member (generator, "version", PACKAGE_VERSION);
  json_object_set_object_member (o, "jsonGenerator", generator);
  json_node_take_object (node, o);
  return node;
}


JsonNode *
cl_crjson_new (GBytes              *store_bytes,
               ClValidationReport  *report,
               GDateTime           *validation_time,
               GError             **error)
{
  g_autoptr(ClManifestStore) store = cl_manifest_store_parse (store_bytes, error);
  g_autoptr(GPtrArray) uris = NULL;
  g_autoptr(GHashTable) by_manifest = NULL;
  g_autofree char *time = format_time (validation_time);
  ClManifest *active;
  JsonArray *manifests;
  guint budget = CL_LIMIT_REPORT_VALUES;

  if (store == NULL)
    return NULL;
  uris = delta_uris (report);
  by_manifest = results_by_manifest (store, report, uris);
  active = report->active_label != NULL ? cl_manifest_store_lookup (store, report->active_label)
                                        : NULL;
  manifests = json_array_new ();
  if (active != NULL)
    json_array_add_element (manifests, manifest_node (store, active, report, uris, by_manifest,
                                                      time, &budget));
  /* The active manifest first, then the others newest first. */
  for (guint i = store->manifests->len; i > 0; i--) {
    ClManifest *manifest = g_ptr_array_index (store->manifests, i - 1);

    if (manifest != active)
      json_array_add_element (manifests, manifest_node (store, manifest, report, uris,
                                                        by_manifest, time, &budget));
  }
  return document_node (manifests);
}
