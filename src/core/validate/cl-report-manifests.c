/* cl-report-manifests.c: what each manifest says, decoded for the report (the
 * "manifests" part of c2patool's reader output).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <openssl/evp.h>

#include "cl-assertion-ingredient.h"
#include "cl-cbor-util.h"
#include "cl-cose.h"
#include "cl-cose-crypto.h"
#include "cl-limits.h"
#include "cl-report-manifests.h"
#include "cl-signer-info.h"


static void
set_string (JsonObject *o,
            const char *key,
            const char *value)
{
  if (value != NULL)
    json_object_set_string_member (o, key, value);
}


/* The media type of the embedded-file assertion a hashed URI names, or NULL. */
static char *
embedded_format (ClManifestStore *store,
                 ClManifest      *m,
                 const char      *url,
                 GBytes         **data)
{
  ClJumbfBox *box = cl_jumbf_resolve_uri (store->root, m->box, url);
  g_autoptr(ClAssertion) a = NULL;
  char *media_type = NULL;
  GBytes *bytes = NULL;

  if (box == NULL || !cl_jumbf_box_is_superbox (box))
    return NULL;
  a = cl_assertion_new (box);
  if (!cl_assertion_get_embedded (a, &media_type, &bytes))
    return NULL;
  if (data != NULL)
    *data = bytes;
  else
    g_bytes_unref (bytes);
  return media_type;
}


/* The data shown for an assertion past what the report has left to give (hostile
 * credentials only: real reports hold a few thousand values). The JSON stays English. */
static JsonNode *
omitted_data (void)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  json_node_set_string (node, "(not shown: the credentials hold more data than a report keeps)");
  return node;
}


static JsonNode *
ingredient_json (ClManifestStore  *store,
                 ClManifest       *m,
                 ClAssertion      *a,
                 guint            *budget,
                 GBytes          **thumbnail)
{
  g_autoptr(ClIngredient) ing = NULL;
  JsonObject *o;
  JsonNode *node;

  if (!cl_assertion_charge (a, budget, NULL)) {
    o = json_object_new ();
    json_object_set_string_member (o, "label", a->label);
    json_object_set_member (o, "description", omitted_data ());
    node = json_node_new (JSON_NODE_OBJECT);
    json_node_take_object (node, o);
    return node;
  }
  ing = cl_ingredient_parse (a, NULL);
  if (ing == NULL)
    return NULL;
  o = json_object_new ();
  set_string (o, "title", ing->title);
  set_string (o, "format", ing->format);
  set_string (o, "document_id", ing->document_id);
  set_string (o, "instance_id", ing->instance_id);
  if (ing->thumbnail != NULL) {
    g_autofree char *abs = cl_jumbf_uri_make_absolute (m->label, ing->thumbnail->url);
    g_autofree char *format = embedded_format (store, m, abs, thumbnail);
    JsonObject *t = json_object_new ();

    set_string (t, "format", format);
    json_object_set_string_member (t, "identifier", abs);
    json_object_set_object_member (o, "thumbnail", t);
  }
  set_string (o, "relationship", ing->relationship);
  if (ing->manifest != NULL) {
    g_autofree char *label = cl_jumbf_uri_manifest_label (ing->manifest->url);

    set_string (o, "active_manifest", label);
  }
  if (ing->validation_results != NULL)
    json_object_set_member (o, "validation_results", cl_cbor_to_json (ing->validation_results));
  else if (ing->validation_status != NULL)
    json_object_set_member (o, "validation_status", cl_cbor_to_json (ing->validation_status));
  set_string (o, "description", ing->description);
  set_string (o, "informational_uri", ing->informational_uri);
  if (ing->metadata != NULL)
    json_object_set_member (o, "metadata", cl_cbor_to_json (ing->metadata));
  json_object_set_string_member (o, "label", a->label);
  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, o);
  return node;
}


static void
fill_signature_info (ClManifestReport   *rm,
                     ClManifest         *m,
                     GHashTable         *sig_times,
                     ClValidationReport *report,
                     gboolean            is_active)
{
  g_autoptr(ClCoseSign1) sign1 = cl_manifest_parse_signature (m);
  g_autoptr(ClSignerInfo) info = NULL;
  gint64 *when;

  if (sign1 == NULL)
    return;
  rm->sig_alg = g_strdup (cl_cose_alg_to_string ((ClCoseAlg) sign1->alg));
  info = cl_signer_info_new (g_ptr_array_index (sign1->x5chain, 0));
  if (info != NULL) {
    rm->sig_issuer = g_strdup (info->organization);
    rm->sig_common_name = g_strdup (info->common_name);
    rm->sig_serial = g_strdup (info->serial_decimal);
  }
  when = g_hash_table_lookup (sig_times, m->label);
  if (when != NULL)
    rm->sig_time = cl_signer_info_format_time (*when);
  if (is_active) {
    const guint8 *data;
    gsize len;

    for (guint i = 0; i < sign1->x5chain->len; i++)
      g_ptr_array_add (report->x5chain, g_bytes_ref (g_ptr_array_index (sign1->x5chain, i)));
    data = cl_jumbf_box_payload (m->signature_box, &len);
    report->has_claim_signature_hash =
      EVP_Digest (data, len, report->claim_signature_hash, NULL, EVP_sha256 (), NULL) == 1;
  }
}


static gboolean
hidden_from_assertions (ClAssertion *a)
{
  /* c2patool lists these elsewhere (thumbnail, ingredients) or not at all. */
  return cl_assertion_label_is_hard_binding (a->base_label) ||
         cl_assertion_label_is_ingredient (a->base_label) ||
         g_str_has_prefix (a->base_label, "c2pa.thumbnail.") ||
         g_str_equal (a->base_label, "c2pa.hash.bmff");
}




static ClManifestReport *
manifest_report (ClValidationReport *report,
                 ClManifestStore    *store,
                 ClManifest         *m,
                 GHashTable         *sig_times,
                 guint              *budget,
                 GCancellable       *cancellable)
{
  ClManifestReport *rm = cl_manifest_report_new ();
  JsonArray *assertions = json_array_new ();
  JsonArray *ingredients = json_array_new ();
  JsonArray *actions = json_array_new ();

  rm->label = g_strdup (m->label);
  rm->is_update = m->is_update;
  if (m->claim != NULL) {
    rm->claim_version = m->claim->version;
    rm->title = g_strdup (m->claim->title);
    rm->format = g_strdup (m->claim->format);
    rm->instance_id = g_strdup (m->claim->instance_id);
    rm->claim_generator = g_strdup (m->claim->claim_generator);
    if (m->claim->generator_info != NULL)
      rm->claim_generator_info = json_node_copy (m->claim->generator_info);
    for (guint i = 0; i < m->claim->redacted_assertions->len; i++)
      g_ptr_array_add (rm->redactions, g_strdup (g_ptr_array_index (m->claim->redacted_assertions, i)));
  }

  for (guint i = 0; i < m->assertions->len && !g_cancellable_is_cancelled (cancellable); i++) {
    ClAssertion *a = g_ptr_array_index (m->assertions, i);

    if (cl_assertion_label_is_claim_thumbnail (a->base_label) && rm->thumbnail == NULL) {
      if (cl_assertion_get_embedded (a, &rm->thumbnail_format, &rm->thumbnail))
        rm->thumbnail_uri = g_strdup_printf ("self#jumbf=/c2pa/%s/c2pa.assertions/%s",
                                             m->label, a->label);
    } else if (cl_assertion_label_is_ingredient (a->base_label)) {
      GBytes *thumb = NULL;
      JsonNode *node = ingredient_json (store, m, a, budget, &thumb);

      if (node != NULL) {
        json_array_add_element (ingredients, node);
        g_ptr_array_add (rm->ingredient_thumbnails, thumb);
      }
    } else if (!hidden_from_assertions (a)) {
      gboolean over_budget = FALSE;
      JsonNode *data = cl_assertion_to_json_within (a, budget, &over_budget);
      JsonObject *o;
      JsonNode *node;

      if (over_budget)
        data = omitted_data ();
      if (data == NULL)
        continue;
      if (cl_assertion_label_is_actions (a->base_label) &&
          JSON_NODE_HOLDS_OBJECT (data) &&
          json_object_has_member (json_node_get_object (data), "actions")) {
        JsonNode *list = json_object_get_member (json_node_get_object (data), "actions");

        if (JSON_NODE_HOLDS_ARRAY (list)) {
          JsonArray *arr = json_node_get_array (list);

          for (guint j = 0; j < json_array_get_length (arr); j++)
            json_array_add_element (actions, json_node_copy (json_array_get_element (arr, j)));
        }
      }
      o = json_object_new ();
      /* c2patool lists v1 actions under the v2 label. */
      json_object_set_string_member (o, "label", g_str_equal (a->base_label, "c2pa.actions") ?
                                     "c2pa.actions.v2" : a->base_label);
      json_object_set_member (o, "data", data);
      if (a->instance > 1)
        json_object_set_int_member (o, "instance", a->instance);
      if (a->kind == CL_ASSERTION_JSON)
        json_object_set_string_member (o, "kind", "Json");
      node = json_node_new (JSON_NODE_OBJECT);
      json_node_take_object (node, o);
      json_array_add_element (assertions, node);
    }
  }
  rm->assertions = json_node_new (JSON_NODE_ARRAY);
  json_node_take_array (rm->assertions, assertions);
  rm->ingredients = json_node_new (JSON_NODE_ARRAY);
  json_node_take_array (rm->ingredients, ingredients);
  rm->actions = json_node_new (JSON_NODE_ARRAY);
  json_node_take_array (rm->actions, actions);
  fill_signature_info (rm, m, sig_times, report, m == cl_manifest_store_get_active (store));
  return rm;
}


void
cl_report_manifests_fill (ClValidationReport *report,
                          ClManifestStore    *store,
                          GHashTable         *sig_times,
                          GHashTable         *identities,
                          GCancellable       *cancellable)
{
  guint budget = CL_LIMIT_REPORT_VALUES;

  for (guint i = 0; i < store->manifests->len && !g_cancellable_is_cancelled (cancellable); i++) {
    ClManifest *m = g_ptr_array_index (store->manifests, i);
    ClManifestReport *rm = manifest_report (report, store, m, sig_times, &budget, cancellable);
    g_autofree char *label = NULL;
    GPtrArray *checked = NULL;

    if (g_hash_table_steal_extended (identities, m->label, (gpointer *) &label, (gpointer *) &checked))
      g_ptr_array_extend_and_steal (rm->identities, checked);
    g_ptr_array_add (report->manifests, rm);
  }
}
