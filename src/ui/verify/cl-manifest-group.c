/* cl-manifest-group.c: what the active manifest says, in words: the app that
 * made it, title and format, whether it says AI or a camera made the image,
 * where it came from (camera or AI), author and "do not train" (the edits and the
 * camera data have groups of their own).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-manifest-group"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "cl-action-text.h"
#include "cl-detail-rows.h"
#include "cl-json-util.h"
#include "cl-manifest-group.h"
#include "cl-verification-compare.h"

struct _ClManifestGroup
{
  AdwPreferencesGroup  parent_instance;

  GPtrArray           *rows;   /* borrowed: the group owns them */
};

G_DEFINE_FINAL_TYPE (ClManifestGroup, cl_manifest_group, ADW_TYPE_PREFERENCES_GROUP)


/* A member as text, whether the manifest wrote a string or a number. */
static JsonObject *
find_assertion (ClManifestReport *manifest,
                const char       *label)
{
  JsonArray *assertions;

  if (manifest->assertions == NULL || !JSON_NODE_HOLDS_ARRAY (manifest->assertions))
    return NULL;
  assertions = json_node_get_array (manifest->assertions);
  for (guint i = 0; i < json_array_get_length (assertions); i++) {
    JsonNode *node = json_array_get_element (assertions, i);
    JsonObject *assertion;
    const char *this_label;
    JsonNode *data;

    if (!JSON_NODE_HOLDS_OBJECT (node))
      continue;
    assertion = json_node_get_object (node);
    this_label = json_object_get_string_member_with_default (assertion, "label", "");
    data = json_object_get_member (assertion, "data");
    if (g_strcmp0 (this_label, label) == 0 && data != NULL && JSON_NODE_HOLDS_OBJECT (data))
      return json_node_get_object (data);
  }
  return NULL;
}


/* The strongest origin any action states ("AI-generated" beats "Captured with a camera");
 * the actions themselves are in the Edits group. */
static void
add_origin (ClManifestGroup  *self,
            ClManifestReport *manifest)
{
  JsonArray *actions;
  ClSourceFlag strongest = CL_SOURCE_OTHER;
  GtkWidget *row;

  if (manifest->actions == NULL || !JSON_NODE_HOLDS_ARRAY (manifest->actions))
    return;
  actions = json_node_get_array (manifest->actions);
  for (guint i = 0; i < json_array_get_length (actions); i++) {
    JsonNode *node = json_array_get_element (actions, i);
    g_autofree char *source = NULL;
    ClSourceFlag flag;

    if (!JSON_NODE_HOLDS_OBJECT (node))
      continue;
    source = cl_json_member_text (json_node_get_object (node), "digitalSourceType");
    flag = cl_action_text_source_flag (source);
    /* AI beats camera: an image that says both is reported as containing AI. */
    if (flag == CL_SOURCE_AI_GENERATED ||
        (flag == CL_SOURCE_CONTAINS_AI && strongest != CL_SOURCE_AI_GENERATED) ||
        (flag == CL_SOURCE_CAMERA && strongest == CL_SOURCE_OTHER))
      strongest = flag;
  }
  if (strongest == CL_SOURCE_OTHER)
    return;
  row = cl_detail_add_row (ADW_PREFERENCES_GROUP (self), self->rows, _("Origin"),
                           cl_action_text_flag_label (strongest));
  if (strongest != CL_SOURCE_CAMERA)
    gtk_widget_add_css_class (row, "cl-ai-flag");
}


static void
add_creative_work (ClManifestGroup  *self,
                   ClManifestReport *manifest)
{
  JsonObject *work = find_assertion (manifest, "stds.schema-org.CreativeWork");
  g_autoptr(GPtrArray) authors = g_ptr_array_new_with_free_func (g_free);
  JsonNode *author;

  if (work == NULL)
    return;
  author = json_object_get_member (work, "author");
  if (author != NULL && JSON_NODE_HOLDS_ARRAY (author)) {
    JsonArray *list = json_node_get_array (author);

    for (guint i = 0; i < json_array_get_length (list); i++) {
      JsonNode *node = json_array_get_element (list, i);

      if (JSON_NODE_HOLDS_OBJECT (node)) {
        char *name = cl_json_member_text (json_node_get_object (node), "name");

        if (name != NULL)
          g_ptr_array_add (authors, name);
      }
    }
  } else if (author != NULL && JSON_NODE_HOLDS_OBJECT (author)) {
    char *name = cl_json_member_text (json_node_get_object (author), "name");

    if (name != NULL)
      g_ptr_array_add (authors, name);
  }
  if (authors->len > 0) {
    g_autofree char *text = NULL;

    g_ptr_array_add (authors, NULL);
    text = g_strjoinv (", ", (char **) authors->pdata);
    cl_detail_add_row (ADW_PREFERENCES_GROUP (self), self->rows, _("Author"), text);
  }
  {
    g_autofree char *headline = cl_json_member_text (work, "headline");
    g_autofree char *name = cl_json_member_text (work, "name");

    cl_detail_add_row (ADW_PREFERENCES_GROUP (self), self->rows, _("Work title"),
                       headline != NULL ? headline : name);
  }
}


static void
add_training (ClManifestGroup  *self,
              ClManifestReport *manifest)
{
  const char *labels[] = { "c2pa.training-mining", "cawg.training-mining" };
  g_autoptr(GPtrArray) refused = g_ptr_array_new_with_free_func (g_free);

  for (gsize l = 0; l < G_N_ELEMENTS (labels); l++) {
    JsonObject *data = find_assertion (manifest, labels[l]);
    JsonNode *entries_node = data != NULL ? json_object_get_member (data, "entries") : NULL;
    JsonObject *entries;
    g_autoptr(GList) names = NULL;

    if (entries_node == NULL || !JSON_NODE_HOLDS_OBJECT (entries_node))
      continue;
    entries = json_node_get_object (entries_node);
    names = json_object_get_members (entries);
    for (GList *n = names; n != NULL; n = n->next) {
      JsonNode *entry = json_object_get_member (entries, n->data);
      g_autofree char *use = NULL;
      const char *dot;

      if (!JSON_NODE_HOLDS_OBJECT (entry))
        continue;
      use = cl_json_member_text (json_node_get_object (entry), "use");
      if (g_strcmp0 (use, "notAllowed") != 0)
        continue;
      dot = strrchr (n->data, '.');
      g_ptr_array_add (refused, g_strdup (dot != NULL ? dot + 1 : n->data));
    }
  }
  if (refused->len > 0) {
    g_autofree char *list = NULL;
    g_autofree char *text = NULL;

    g_ptr_array_add (refused, NULL);
    list = g_strjoinv (", ", (char **) refused->pdata);
    /* Translators: %s lists uses such as "ai_training, data_mining" */
    text = g_strdup_printf (_("The owner does not allow: %s"), list);
    cl_detail_add_row (ADW_PREFERENCES_GROUP (self), self->rows, _("Do not train"), text);
  }
}


void
cl_manifest_group_set_verification (ClManifestGroup *self,
                                    ClVerification  *verification)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (self);
  ClManifestReport *manifest;
  g_autofree char *generator = NULL;

  g_return_if_fail (CL_IS_MANIFEST_GROUP (self));

  cl_detail_clear (group, self->rows);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  if (verification == NULL || verification->report == NULL)
    return;
  manifest = cl_validation_report_get_active (verification->report);
  if (manifest == NULL)
    return;

  generator = cl_manifest_generator_text (manifest);
  cl_detail_add_row (group, self->rows, _("Made with"), generator);
  cl_detail_add_row (group, self->rows, _("Title"), manifest->title);
  cl_detail_add_row (group, self->rows, _("Format"), manifest->format);
  add_origin (self, manifest);
  add_creative_work (self, manifest);
  add_training (self, manifest);
  gtk_widget_set_visible (GTK_WIDGET (self), self->rows->len > 0);
}


guint
cl_manifest_group_get_n_rows (ClManifestGroup *self)
{
  g_return_val_if_fail (CL_IS_MANIFEST_GROUP (self), 0);
  return self->rows->len;
}


static void
cl_manifest_group_finalize (GObject *object)
{
  ClManifestGroup *self = CL_MANIFEST_GROUP (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (cl_manifest_group_parent_class)->finalize (object);
}


static void
cl_manifest_group_class_init (ClManifestGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = cl_manifest_group_finalize;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/credlink/CredLink/cl-manifest-group.ui");
}


static void
cl_manifest_group_init (ClManifestGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}
