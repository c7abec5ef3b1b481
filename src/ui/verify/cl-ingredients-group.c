/* cl-ingredients-group.c: the files the image was made from, each with its
 * thumbnail, how it was used, and what validating its credentials found
 * (statuses recorded with the ingredient and those derived while verifying).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-ingredients-group"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-action-text.h"
#include "cl-detail-rows.h"
#include "cl-ingredients-group.h"
#include "cl-status-text.h"

/* Embedded thumbnails larger than this are not decoded on the main thread. */
#define MAX_THUMBNAIL_BYTES (256 * 1024)

struct _ClIngredientsGroup
{
  AdwPreferencesGroup  parent_instance;

  GPtrArray           *rows;   /* borrowed: the group owns them */
};

G_DEFINE_FINAL_TYPE (ClIngredientsGroup, cl_ingredients_group, ADW_TYPE_PREFERENCES_GROUP)


/* The first failure code the ingredient recorded (validation_results or the
 * older validation_status array), or NULL. */
static const char *
recorded_failure (JsonObject *ingredient)
{
  JsonNode *node = json_object_get_member (ingredient, "validation_results");
  JsonArray *list = NULL;

  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node)) {
    JsonObject *results = json_node_get_object (node);
    JsonNode *active = json_object_get_member (results, "activeManifest");

    if (active != NULL && JSON_NODE_HOLDS_OBJECT (active)) {
      JsonNode *failure = json_object_get_member (json_node_get_object (active), "failure");

      if (failure != NULL && JSON_NODE_HOLDS_ARRAY (failure))
        list = json_node_get_array (failure);
    }
  } else {
    node = json_object_get_member (ingredient, "validation_status");
    if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
      list = json_node_get_array (node);
  }
  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++) {
    JsonNode *status = json_array_get_element (list, i);
    const char *code;

    if (!JSON_NODE_HOLDS_OBJECT (status))
      continue;
    code = json_object_get_string_member_with_default (json_node_get_object (status), "code", NULL);
    if (code != NULL && cl_status_kind_for_code (code) == CL_STATUS_FAILURE)
      return code;
  }
  return NULL;
}


/* The first failure found while validating this ingredient now, or NULL. */
static const char *
derived_failure (ClValidationReport *report,
                 const char         *manifest_label,
                 const char         *assertion_label)
{
  g_autofree char *uri = g_strdup_printf ("self#jumbf=/c2pa/%s/c2pa.assertions/%s",
                                          manifest_label, assertion_label);

  for (guint i = 0; i < report->statuses->len; i++) {
    ClStatus *status = g_ptr_array_index (report->statuses, i);

    if (status->kind == CL_STATUS_FAILURE && g_strcmp0 (status->ingredient_uri, uri) == 0)
      return status->code;
  }
  return NULL;
}


static char *
summary_text (ClValidationReport *report,
              ClManifestReport   *manifest,
              JsonObject         *ingredient)
{
  const char *relationship = json_object_get_string_member_with_default (ingredient,
                                                                         "relationship", NULL);
  const char *how = cl_action_text_relationship (relationship);
  const char *label = json_object_get_string_member_with_default (ingredient, "label", NULL);
  const char *failure = label != NULL ? derived_failure (report, manifest->label, label) : NULL;
  const char *state;
  const char *sentence;

  if (failure == NULL)
    failure = recorded_failure (ingredient);
  if (failure != NULL) {
    sentence = cl_status_text_describe (failure);
    state = sentence != NULL ? sentence : failure;
  } else if (json_object_has_member (ingredient, "active_manifest")) {
    state = _("Its credentials are valid");
  } else {
    state = _("No Content Credentials of its own");
  }
  if (how == NULL)
    return g_strdup (state);
  return g_strdup_printf ("%s · %s", how, state);
}


/* The embedded thumbnail decoded and turned as its EXIF orientation says, or NULL. */
static GdkTexture *
upright_texture (GBytes *bytes)
{
  g_autoptr(GdkPixbufLoader) loader = gdk_pixbuf_loader_new ();
  g_autoptr(GdkPixbuf) upright = NULL;
  GdkPixbuf *decoded;

  if (!gdk_pixbuf_loader_write_bytes (loader, bytes, NULL)) {
    gdk_pixbuf_loader_close (loader, NULL);
    return NULL;
  }
  if (!gdk_pixbuf_loader_close (loader, NULL))
    return NULL;
  decoded = gdk_pixbuf_loader_get_pixbuf (loader);
  if (decoded == NULL)
    return NULL;
  upright = gdk_pixbuf_apply_embedded_orientation (decoded);
  return gdk_texture_new_for_pixbuf (upright);
}


static GtkWidget *
thumbnail_new (GBytes *bytes)
{
  g_autoptr(GdkTexture) texture = NULL;
  GtkWidget *image;

  if (bytes != NULL && g_bytes_get_size (bytes) <= MAX_THUMBNAIL_BYTES)
    texture = upright_texture (bytes);
  image = texture != NULL ? gtk_image_new_from_paintable (GDK_PAINTABLE (texture))
                          : gtk_image_new_from_icon_name ("image-x-generic-symbolic");
  gtk_image_set_pixel_size (GTK_IMAGE (image), 48);
  gtk_widget_set_size_request (image, 48, 48);
  gtk_accessible_update_property (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Ingredient thumbnail"), -1);
  return image;
}


void
cl_ingredients_group_set_verification (ClIngredientsGroup *self,
                                       ClVerification     *verification)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (self);
  ClManifestReport *manifest;
  JsonArray *ingredients;

  g_return_if_fail (CL_IS_INGREDIENTS_GROUP (self));

  cl_detail_clear (group, self->rows);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  if (verification == NULL || verification->report == NULL)
    return;
  manifest = cl_validation_report_get_active (verification->report);
  if (manifest == NULL || manifest->ingredients == NULL ||
      !JSON_NODE_HOLDS_ARRAY (manifest->ingredients))
    return;

  ingredients = json_node_get_array (manifest->ingredients);
  for (guint i = 0; i < json_array_get_length (ingredients); i++) {
    JsonNode *node = json_array_get_element (ingredients, i);
    JsonObject *ingredient;
    g_autofree char *summary = NULL;
    GBytes *thumbnail = NULL;
    GtkWidget *row;

    if (!JSON_NODE_HOLDS_OBJECT (node))
      continue;
    ingredient = json_node_get_object (node);
    summary = summary_text (verification->report, manifest, ingredient);
    if (manifest->ingredient_thumbnails != NULL && i < manifest->ingredient_thumbnails->len)
      thumbnail = g_ptr_array_index (manifest->ingredient_thumbnails, i);
    row = cl_detail_row_new (json_object_get_string_member_with_default (ingredient, "title",
                                                                         _("Untitled")),
                             summary);
    adw_action_row_add_prefix (ADW_ACTION_ROW (row), thumbnail_new (thumbnail));
    cl_detail_add (group, self->rows, row);
  }
  gtk_widget_set_visible (GTK_WIDGET (self), self->rows->len > 0);
}


guint
cl_ingredients_group_get_n_rows (ClIngredientsGroup *self)
{
  g_return_val_if_fail (CL_IS_INGREDIENTS_GROUP (self), 0);
  return self->rows->len;
}


static void
cl_ingredients_group_finalize (GObject *object)
{
  ClIngredientsGroup *self = CL_INGREDIENTS_GROUP (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (cl_ingredients_group_parent_class)->finalize (object);
}


static void
cl_ingredients_group_class_init (ClIngredientsGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = cl_ingredients_group_finalize;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/credlink/CredLink/cl-ingredients-group.ui");
}


static void
cl_ingredients_group_init (ClIngredientsGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}
