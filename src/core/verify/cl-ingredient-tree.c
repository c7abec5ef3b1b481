/* cl-ingredient-tree.c: the ingredient tree of a validation report, each ingredient with
 * its own verdict, decided from the statuses recorded with it (validation_results or the
 * older validation_status) and those the validator found for it now.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-ingredient-tree"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-ingredient-tree.h"
#include "cl-limits.h"
#include "cl-status-codes.h"
#include "cl-status-text.h"


typedef struct {
  ClValidationReport *report;
  GHashTable         *shown;     /* manifest labels already given a node */
  guint               n_nodes;
} Builder;


static void
node_free (ClIngredientNode *node)
{
  g_free (node->title);
  g_free (node->relationship);
  g_free (node->format);
  g_free (node->parent_label);
  g_free (node->assertion_label);
  g_free (node->assertion_uri);
  g_free (node->manifest_label);
  g_free (node->signer);
  g_free (node->claim_generator);
  g_clear_pointer (&node->thumbnail, g_bytes_unref);
  g_ptr_array_unref (node->statuses);
  g_ptr_array_unref (node->children);
  g_free (node);
}


/* A string member, or NULL when it is missing or not a string (recorded statuses come
 * from the credentials as they are). */
static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}


static ClManifestReport *
find_manifest (ClValidationReport *report,
               const char         *label)
{
  for (guint i = 0; label != NULL && i < report->manifests->len; i++) {
    ClManifestReport *m = g_ptr_array_index (report->manifests, i);

    if (g_strcmp0 (m->label, label) == 0)
      return m;
  }
  return NULL;
}


static char *
generator_text (ClManifestReport *manifest)
{
  JsonArray *info = manifest->claim_generator_info != NULL &&
                    JSON_NODE_HOLDS_ARRAY (manifest->claim_generator_info)
                    ? json_node_get_array (manifest->claim_generator_info) : NULL;

  for (guint i = 0; info != NULL && i < json_array_get_length (info); i++) {
    JsonNode *element = json_array_get_element (info, i);
    JsonObject *o;
    JsonNode *name, *version;

    if (!JSON_NODE_HOLDS_OBJECT (element))
      continue;
    o = json_node_get_object (element);
    name = json_object_get_member (o, "name");
    version = json_object_get_member (o, "version");
    if (name == NULL || json_node_get_value_type (name) != G_TYPE_STRING)
      continue;
    if (version != NULL && json_node_get_value_type (version) == G_TYPE_STRING)
      return g_strdup_printf ("%s %s", json_node_get_string (name), json_node_get_string (version));
    return g_strdup (json_node_get_string (name));
  }
  return g_strdup (manifest->claim_generator);
}


/* Adds the entries of a recorded status list; kind as given, or as c2pa-rs reads back a
 * recorded code when the list does not say (the flat validation_status). */
static void
add_recorded_list (GPtrArray    *statuses,
                   JsonNode     *list,
                   gboolean      kind_known,
                   ClStatusKind  kind)
{
  JsonArray *array;

  if (list == NULL || !JSON_NODE_HOLDS_ARRAY (list))
    return;
  array = json_node_get_array (list);
  for (guint i = 0; i < json_array_get_length (array); i++) {
    JsonNode *element = json_array_get_element (array, i);
    JsonObject *o;
    const char *code;
    ClStatus *status;

    if (!JSON_NODE_HOLDS_OBJECT (element))
      continue;
    o = json_node_get_object (element);
    code = member_string (o, "code");
    if (code == NULL)
      continue;
    status = cl_status_new (code, member_string (o, "url"),
                            member_string (o, "explanation"));
    status->kind = kind_known ? kind : cl_status_recorded_kind (code);
    g_ptr_array_add (statuses, status);
  }
}


static void
add_recorded (GPtrArray  *statuses,
              JsonObject *ingredient)
{
  JsonNode *results = json_object_get_member (ingredient, "validation_results");

  if (results != NULL && JSON_NODE_HOLDS_OBJECT (results)) {
    JsonNode *active = json_object_get_member (json_node_get_object (results), "activeManifest");
    JsonObject *o;

    if (active == NULL || !JSON_NODE_HOLDS_OBJECT (active))
      return;
    o = json_node_get_object (active);
    add_recorded_list (statuses, json_object_get_member (o, "success"), TRUE, CL_STATUS_SUCCESS);
    add_recorded_list (statuses, json_object_get_member (o, "informational"), TRUE,
                       CL_STATUS_INFORMATIONAL);
    add_recorded_list (statuses, json_object_get_member (o, "failure"), TRUE, CL_STATUS_FAILURE);
  } else {
    add_recorded_list (statuses, json_object_get_member (ingredient, "validation_status"),
                       FALSE, CL_STATUS_FAILURE);
  }
}


static gboolean
is_trust_code (const char *code)
{
  return g_str_equal (code, CL_CODE_SIGNING_CREDENTIAL_TRUSTED) ||
         g_str_equal (code, CL_CODE_SIGNING_CREDENTIAL_UNTRUSTED);
}


/* Whether status counts toward the verdict: whether the signer is trusted is judged now,
 * so the trust codes recorded at signing give way to those found now. */
static gboolean
status_counts (ClStatus *status,
               gboolean  trust_found_now)
{
  return !(trust_found_now && status->ingredient_uri == NULL && is_trust_code (status->code));
}


/* The state c2pa-rs would give the ingredient's manifest alone (the rule of the file's
 * own validation_state, cl-validator.c). */
static ClValidationState
decide_state (ClIngredientNode *node)
{
  gboolean validated = FALSE, inside = FALSE, trusted = FALSE;
  gboolean intolerable = FALSE, any_failure = FALSE, trust_found_now = FALSE;

  for (guint i = 0; i < node->statuses->len; i++) {
    ClStatus *s = g_ptr_array_index (node->statuses, i);

    trust_found_now |= s->ingredient_uri != NULL && is_trust_code (s->code);
  }
  for (guint i = 0; i < node->statuses->len; i++) {
    ClStatus *s = g_ptr_array_index (node->statuses, i);

    if (!status_counts (s, trust_found_now))
      continue;
    if (s->kind == CL_STATUS_SUCCESS) {
      validated |= g_str_equal (s->code, CL_CODE_CLAIM_SIGNATURE_VALIDATED);
      inside |= g_str_equal (s->code, CL_CODE_CLAIM_SIGNATURE_INSIDE_VALIDITY);
      trusted |= g_str_equal (s->code, CL_CODE_SIGNING_CREDENTIAL_TRUSTED);
    } else if (s->kind == CL_STATUS_FAILURE) {
      any_failure = TRUE;
      intolerable |= !cl_status_failure_is_tolerated (s->code);
    }
  }
  if (validated && inside && !intolerable)
    return trusted && !any_failure ? CL_VALIDATION_STATE_TRUSTED : CL_VALIDATION_STATE_VALID;
  return CL_VALIDATION_STATE_INVALID;
}


static ClVerdict
verdict_for_state (ClIngredientNode *node)
{
  if (node->manifest_label == NULL)
    return CL_VERDICT_NO_CREDENTIALS;
  switch (node->state) {
  case CL_VALIDATION_STATE_TRUSTED: return CL_VERDICT_TRUSTED;
  case CL_VALIDATION_STATE_VALID: return CL_VERDICT_VALID;
  case CL_VALIDATION_STATE_INVALID:
  default:
    return CL_VERDICT_INVALID;
  }
}


static void add_children (Builder          *builder,
                          ClIngredientNode *node,
                          ClManifestReport *manifest,
                          GPtrArray        *into,
                          guint             depth);


static ClIngredientNode *
node_new (Builder          *builder,
          ClManifestReport *parent,
          JsonObject       *ingredient,
          GBytes           *thumbnail)
{
  ClIngredientNode *node = g_new0 (ClIngredientNode, 1);

  node->statuses = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_status_free);
  node->children = g_ptr_array_new_with_free_func ((GDestroyNotify) node_free);
  node->title = g_strdup (member_string (ingredient, "title"));
  node->relationship = g_strdup (member_string (ingredient, "relationship"));
  node->format = g_strdup (member_string (ingredient, "format"));
  node->parent_label = g_strdup (parent->label);
  node->assertion_label = g_strdup (member_string (ingredient, "label"));
  node->assertion_uri = g_strdup_printf ("self#jumbf=/c2pa/%s/c2pa.assertions/%s", parent->label,
                                         node->assertion_label != NULL ? node->assertion_label : "");
  node->manifest_label = g_strdup (member_string (ingredient, "active_manifest"));
  node->manifest = find_manifest (builder->report, node->manifest_label);
  if (node->manifest != NULL) {
    node->signer = g_strdup (node->manifest->sig_common_name != NULL
                             ? node->manifest->sig_common_name : node->manifest->sig_issuer);
    node->claim_generator = generator_text (node->manifest);
    if (thumbnail == NULL)
      thumbnail = node->manifest->thumbnail;
  }
  node->thumbnail = thumbnail != NULL ? g_bytes_ref (thumbnail) : NULL;

  add_recorded (node->statuses, ingredient);
  for (guint i = 0; i < builder->report->statuses->len; i++) {
    ClStatus *s = g_ptr_array_index (builder->report->statuses, i);

    if (g_strcmp0 (s->ingredient_uri, node->assertion_uri) == 0)
      g_ptr_array_add (node->statuses, cl_status_copy (s));
  }
  node->state = decide_state (node);
  node->verdict = verdict_for_state (node);
  return node;
}


static void
add_children (Builder          *builder,
              ClIngredientNode *parent_node,
              ClManifestReport *manifest,
              GPtrArray        *into,
              guint             depth)
{
  JsonArray *ingredients;

  if (manifest->ingredients == NULL || !JSON_NODE_HOLDS_ARRAY (manifest->ingredients))
    return;
  ingredients = json_node_get_array (manifest->ingredients);
  if (json_array_get_length (ingredients) > 0 &&
      (depth >= CL_LIMIT_INGREDIENT_TREE_DEPTH ||
       builder->n_nodes >= CL_LIMIT_INGREDIENT_TREE_NODES)) {
    if (parent_node != NULL)
      parent_node->truncated = TRUE;
    return;
  }
  for (guint i = 0; i < json_array_get_length (ingredients); i++) {
    JsonNode *element = json_array_get_element (ingredients, i);
    GBytes *thumbnail = NULL;
    ClIngredientNode *node;

    if (!JSON_NODE_HOLDS_OBJECT (element))
      continue;
    if (builder->n_nodes >= CL_LIMIT_INGREDIENT_TREE_NODES) {
      if (parent_node != NULL)
        parent_node->truncated = TRUE;
      return;
    }
    if (manifest->ingredient_thumbnails != NULL && i < manifest->ingredient_thumbnails->len)
      thumbnail = g_ptr_array_index (manifest->ingredient_thumbnails, i);
    node = node_new (builder, manifest, json_node_get_object (element), thumbnail);
    node->parent = parent_node;
    builder->n_nodes++;
    g_ptr_array_add (into, node);
    if (node->manifest == NULL)
      continue;
    /* Depth first, in assertion order, as the validator follows them: the first time a
     * manifest is reached is where its ingredients are listed. */
    if (g_hash_table_contains (builder->shown, node->manifest_label)) {
      node->repeated = TRUE;
      continue;
    }
    g_hash_table_add (builder->shown, node->manifest_label);
    add_children (builder, node, node->manifest, node->children, depth + 1);
  }
}


ClIngredientTree *
cl_ingredient_tree_new (ClValidationReport *report)
{
  ClIngredientTree *tree = g_new0 (ClIngredientTree, 1);
  g_autoptr(GHashTable) shown = g_hash_table_new (g_str_hash, g_str_equal);
  ClManifestReport *active = cl_validation_report_get_active (report);
  Builder builder = { report, shown, 0 };

  g_atomic_ref_count_init (&tree->ref_count);
  tree->report = cl_validation_report_ref (report);
  tree->roots = g_ptr_array_new_with_free_func ((GDestroyNotify) node_free);
  if (active != NULL) {
    g_hash_table_add (shown, active->label);
    add_children (&builder, NULL, active, tree->roots, 0);
  }
  tree->n_nodes = builder.n_nodes;
  return tree;
}


ClIngredientTree *
cl_ingredient_tree_ref (ClIngredientTree *tree)
{
  g_atomic_ref_count_inc (&tree->ref_count);
  return tree;
}


void
cl_ingredient_tree_unref (ClIngredientTree *tree)
{
  if (tree == NULL || !g_atomic_ref_count_dec (&tree->ref_count))
    return;
  g_ptr_array_unref (tree->roots);
  cl_validation_report_unref (tree->report);
  g_free (tree);
}


GStrv
cl_ingredient_node_dup_failures (ClIngredientNode *node)
{
  g_autoptr(GStrvBuilder) codes = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean trust_found_now = FALSE;

  for (guint i = 0; i < node->statuses->len; i++) {
    ClStatus *s = g_ptr_array_index (node->statuses, i);

    trust_found_now |= s->ingredient_uri != NULL && is_trust_code (s->code);
  }
  for (guint i = 0; i < node->statuses->len; i++) {
    ClStatus *s = g_ptr_array_index (node->statuses, i);

    if (s->kind != CL_STATUS_FAILURE || !status_counts (s, trust_found_now) ||
        !g_hash_table_add (seen, s->code))
      continue;
    g_strv_builder_add (codes, s->code);
  }
  return g_strv_builder_end (codes);
}


char *
cl_ingredient_node_dup_reason (ClIngredientNode *node)
{
  g_auto(GStrv) failures = NULL;

  switch (node->verdict) {
  case CL_VERDICT_NO_CREDENTIALS:
    return g_strdup (_("No Content Credentials of its own"));
  case CL_VERDICT_TRUSTED:
    return g_strdup (_("Its credentials are valid and its signer is on your trust lists"));
  case CL_VERDICT_VALID:
    return g_strdup (_("Its credentials are valid, but its signer is on none of your trust lists"));
  case CL_VERDICT_INVALID:
  case CL_VERDICT_ERROR:
  default:
    break;
  }
  failures = cl_ingredient_node_dup_failures (node);
  for (char **code = failures; *code != NULL; code++) {
    if (!cl_status_failure_is_tolerated (*code))
      return g_strdup (cl_status_text_failure_reason (*code));
  }
  if (node->manifest == NULL)
    return g_strdup (_("Its credentials are not in this file"));
  return g_strdup (_("Its credentials do not hold"));
}


static void
add_string (JsonBuilder *b,
            const char  *name,
            const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (b, name);
  json_builder_add_string_value (b, value);
}


static void
add_nodes (JsonBuilder *b,
           GPtrArray   *nodes)
{
  json_builder_begin_array (b);
  for (guint i = 0; i < nodes->len; i++) {
    ClIngredientNode *node = g_ptr_array_index (nodes, i);
    g_auto(GStrv) failures = cl_ingredient_node_dup_failures (node);
    g_autofree char *reason = cl_ingredient_node_dup_reason (node);

    json_builder_begin_object (b);
    add_string (b, "title", node->title);
    add_string (b, "relationship", node->relationship);
    add_string (b, "format", node->format);
    add_string (b, "label", node->assertion_label);
    add_string (b, "manifest", node->manifest_label);
    add_string (b, "signer", node->signer);
    add_string (b, "claim_generator", node->claim_generator);
    add_string (b, "verdict", cl_verdict_to_string (node->verdict));
    add_string (b, "reason", reason);
    if (failures[0] != NULL) {
      json_builder_set_member_name (b, "failures");
      json_builder_begin_array (b);
      for (char **code = failures; *code != NULL; code++)
        json_builder_add_string_value (b, *code);
      json_builder_end_array (b);
    }
    if (node->repeated) {
      json_builder_set_member_name (b, "repeated");
      json_builder_add_boolean_value (b, TRUE);
    }
    if (node->truncated) {
      json_builder_set_member_name (b, "truncated");
      json_builder_add_boolean_value (b, TRUE);
    }
    if (node->children->len > 0) {
      json_builder_set_member_name (b, "ingredients");
      add_nodes (b, node->children);
    }
    json_builder_end_object (b);
  }
  json_builder_end_array (b);
}


JsonNode *
cl_ingredient_tree_to_json (ClIngredientTree *tree)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  add_nodes (b, tree->roots);
  return json_builder_get_root (b);
}


void
cl_ingredient_tree_add_to_json (ClValidationReport *report,
                                JsonObject         *object)
{
  g_autoptr(ClIngredientTree) tree = cl_ingredient_tree_new (report);

  if (tree->roots->len > 0)
    json_object_set_member (object, "ingredient_tree", cl_ingredient_tree_to_json (tree));
}
