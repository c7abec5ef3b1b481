/* cl-edit-timeline.c
 *
 * An action names the ingredients it used (C2PA 2.2 §18.14.4.2): v2 actions by
 * hashed URIs in parameters.ingredients, v1 by parameters.ingredient or by the
 * ingredient's instanceId (top-level in v1; some apps write it under parameters).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "cl-action-text.h"
#include "cl-edit-timeline.h"

void
cl_edit_step_free (ClEditStep *step)
{
  if (step == NULL)
    return;
  g_free (step->action);
  g_free (step->app);
  g_free (step->when);
  g_free (step->source_type);
  g_free (step->ingredients);
  g_free (step);
}


static const char *
string_member (JsonObject *object,
               const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}


static JsonObject *
object_member (JsonObject *object,
               const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}


/* softwareAgent: a string (v1) or a generator-info map {name, version} (v2). */
static char *
app_text (JsonObject *action)
{
  const char *name = string_member (action, "softwareAgent");
  JsonObject *info = object_member (action, "softwareAgent");
  const char *version;

  if (name != NULL)
    return g_strdup (name);
  name = string_member (info, "name");
  version = string_member (info, "version");
  if (name == NULL)
    return NULL;
  return version != NULL ? g_strdup_printf ("%s %s", name, version) : g_strdup (name);
}


/* The title of the ingredient whose assertion label ends url, or whose instance_id is
 * instance_id; NULL when the manifest has no such ingredient. */
static const char *
ingredient_title (ClManifestReport *manifest,
                  const char       *url,
                  const char       *instance_id)
{
  const char *slash = url != NULL ? strrchr (url, '/') : NULL;
  const char *label = slash != NULL ? slash + 1 : url;
  JsonArray *ingredients;

  if (manifest->ingredients == NULL || !JSON_NODE_HOLDS_ARRAY (manifest->ingredients))
    return NULL;
  ingredients = json_node_get_array (manifest->ingredients);
  for (guint i = 0; i < json_array_get_length (ingredients); i++) {
    JsonNode *node = json_array_get_element (ingredients, i);
    JsonObject *ingredient = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;

    if (ingredient == NULL)
      continue;
    if ((label != NULL && g_strcmp0 (string_member (ingredient, "label"), label) == 0) ||
        (instance_id != NULL &&
         g_strcmp0 (string_member (ingredient, "instance_id"), instance_id) == 0))
      return string_member (ingredient, "title");
  }
  return NULL;
}


static void
add_title (GPtrArray  *titles,
           const char *title)
{
  if (title == NULL)
    return;
  for (guint i = 0; i < titles->len; i++)
    if (g_str_equal (g_ptr_array_index (titles, i), title))
      return;
  g_ptr_array_add (titles, (gpointer) title);
}


static char *
ingredients_text (ClManifestReport *manifest,
                  JsonObject       *action)
{
  JsonObject *parameters = object_member (action, "parameters");
  JsonNode *list = parameters != NULL ? json_object_get_member (parameters, "ingredients") : NULL;
  g_autoptr(GPtrArray) titles = g_ptr_array_new ();

  if (list != NULL && JSON_NODE_HOLDS_ARRAY (list)) {
    JsonArray *uris = json_node_get_array (list);

    for (guint i = 0; i < json_array_get_length (uris); i++) {
      JsonNode *uri = json_array_get_element (uris, i);

      if (JSON_NODE_HOLDS_OBJECT (uri))
        add_title (titles, ingredient_title (manifest,
                                             string_member (json_node_get_object (uri), "url"),
                                             NULL));
    }
  }
  add_title (titles, ingredient_title (manifest,
                                       string_member (object_member (parameters, "ingredient"),
                                                      "url"), NULL));
  add_title (titles, ingredient_title (manifest, NULL, string_member (action, "instanceId")));
  add_title (titles, ingredient_title (manifest, NULL, string_member (parameters, "instanceId")));
  if (titles->len == 0)
    return NULL;
  g_ptr_array_add (titles, NULL);
  return g_strjoinv (", ", (char **) titles->pdata);
}


GPtrArray *
cl_edit_timeline_collect (ClManifestReport *manifest)
{
  GPtrArray *steps = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_edit_step_free);
  JsonArray *actions;

  g_return_val_if_fail (manifest != NULL, steps);
  if (manifest->actions == NULL || !JSON_NODE_HOLDS_ARRAY (manifest->actions))
    return steps;
  actions = json_node_get_array (manifest->actions);
  for (guint i = 0; i < json_array_get_length (actions); i++) {
    JsonNode *node = json_array_get_element (actions, i);
    JsonObject *action = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
    const char *name = string_member (action, "action");
    const char *source = string_member (action, "digitalSourceType");
    ClEditStep *step;

    if (name == NULL)
      continue;
    step = g_new0 (ClEditStep, 1);
    step->action = g_strdup (name);
    step->phrase = cl_action_text_describe (name);
    step->app = app_text (action);
    step->when = g_strdup (string_member (action, "when"));
    if (source != NULL) {
      const char *words = cl_action_text_source_type (source);

      step->source_type = g_strdup (words != NULL ? words : source);
    }
    step->ingredients = ingredients_text (manifest, action);
    g_ptr_array_add (steps, step);
  }
  return steps;
}
