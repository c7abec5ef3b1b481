/* cl-ingredient-row.c: one ingredient of the Ingredients tree, with its own ingredients
 * inside it; its thumbnail decoded in a thread, at a reduced size.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-ingredient-row"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-a11y.h"
#include "cl-action-text.h"
#include "cl-ingredient-row.h"
#include "cl-thread-priority.h"
#include "cl-verdict-banner.h"

/* Thumbnails are small JPEGs or PNGs; larger embedded files are not decoded at all, and
 * no side of the decoded image may exceed THUMBNAIL_MAX_SIDE (decoders allocate it whole). */
#define THUMBNAIL_MAX_BYTES (1024 * 1024)
#define THUMBNAIL_MAX_SIDE  8192
#define THUMBNAIL_SIZE      96

struct _ClIngredientRow
{
  AdwExpanderRow    parent_instance;

  GtkImage         *thumbnail;
  GtkImage         *verdict_icon;
  GtkButton        *open_button;

  ClIngredientTree *tree;
  ClIngredientNode *node;      /* in tree */
  GdkTexture       *texture;
  GCancellable     *cancellable;
};

G_DEFINE_FINAL_TYPE (ClIngredientRow, cl_ingredient_row, ADW_TYPE_EXPANDER_ROW)

enum {
  SIGNAL_OPEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
size_prepared_cb (GdkPixbufLoader *loader,
                  int              width,
                  int              height,
                  gpointer         user_data)
{
  gboolean *too_large = user_data;
  double scale;

  if (width <= 0 || height <= 0 || width > THUMBNAIL_MAX_SIDE || height > THUMBNAIL_MAX_SIDE) {
    *too_large = TRUE;
    gdk_pixbuf_loader_set_size (loader, 1, 1);
    return;
  }
  scale = MIN (1.0, (double) THUMBNAIL_SIZE / MAX (width, height));
  gdk_pixbuf_loader_set_size (loader, MAX (1, (int) (width * scale)), MAX (1, (int) (height * scale)));
}


static void
decode_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GBytes *bytes = task_data;
  g_autoptr(GdkPixbufLoader) loader = gdk_pixbuf_loader_new ();
  g_autoptr(GError) error = NULL;
  gboolean too_large = FALSE;
  GdkPixbuf *pixbuf;

  cl_thread_priority_background ();
  g_signal_connect (loader, "size-prepared", G_CALLBACK (size_prepared_cb), &too_large);
  if (!gdk_pixbuf_loader_write_bytes (loader, bytes, &error) ||
      !gdk_pixbuf_loader_close (loader, &error) || too_large) {
    /* Closed even after a failed write, or the loader complains when it is freed. */
    gdk_pixbuf_loader_close (loader, NULL);
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s",
                             error != NULL ? error->message : "thumbnail too large");
    return;
  }
  pixbuf = gdk_pixbuf_loader_get_pixbuf (loader);
  if (pixbuf == NULL)
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "no image");
  else
    /* Upright, as its EXIF orientation says (a phone's thumbnail is often stored sideways). */
    g_task_return_pointer (task, gdk_pixbuf_apply_embedded_orientation (pixbuf), g_object_unref);
}


static void
decoded_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(ClIngredientRow) self = user_data;
  g_autoptr(GdkPixbuf) pixbuf = g_task_propagate_pointer (G_TASK (result), NULL);

  /* An image gdk-pixbuf cannot read keeps the generic icon. */
  if (pixbuf == NULL || g_cancellable_is_cancelled (self->cancellable))
    return;
  g_set_object (&self->texture, NULL);
  self->texture = gdk_texture_new_for_pixbuf (pixbuf);
  gtk_image_set_from_paintable (self->thumbnail, GDK_PAINTABLE (self->texture));
}


static void
load_thumbnail (ClIngredientRow *self)
{
  g_autoptr(GTask) task = NULL;

  if (self->node->thumbnail == NULL || g_bytes_get_size (self->node->thumbnail) == 0 ||
      g_bytes_get_size (self->node->thumbnail) > THUMBNAIL_MAX_BYTES)
    return;
  task = g_task_new (NULL, self->cancellable, decoded_cb, g_object_ref (self));
  g_task_set_source_tag (task, load_thumbnail);
  g_task_set_task_data (task, g_bytes_ref (self->node->thumbnail), (GDestroyNotify) g_bytes_unref);
  g_task_run_in_thread (task, decode_thread);
}


/* "Placed component · Valid — signer not on your trust lists", and why it has no
 * ingredients listed when that is so. */
static char *
subtitle_text (ClIngredientNode *node)
{
  GString *text = g_string_new (NULL);
  const char *how = cl_action_text_relationship (node->relationship);

  if (how != NULL)
    g_string_append_printf (text, "%s · ", how);
  g_string_append (text, cl_verdict_describe (node->verdict));
  if (node->verdict == CL_VERDICT_INVALID) {
    g_autofree char *reason = cl_ingredient_node_dup_reason (node);

    g_string_append_printf (text, "\n%s", reason);
  }
  if (node->repeated)
    g_string_append_printf (text, "\n%s", _("Its ingredients are listed where it first appears"));
  if (node->truncated)
    g_string_append_printf (text, "\n%s", _("Some of its ingredients are not listed"));
  return g_string_free (text, FALSE);
}


static void
open_clicked_cb (ClIngredientRow *self)
{
  g_signal_emit (self, signals[SIGNAL_OPEN], 0);
}


ClIngredientRow *
cl_ingredient_row_new (ClIngredientTree *tree,
                       ClIngredientNode *node)
{
  ClIngredientRow *self;
  ClBannerKind kind = cl_banner_kind_for_verdict (node->verdict);
  g_autofree char *subtitle = subtitle_text (node);
  const char *title = node->title != NULL ? node->title : _("Untitled");

  g_return_val_if_fail (tree != NULL && node != NULL, NULL);

  self = g_object_new (CL_TYPE_INGREDIENT_ROW, NULL);
  self->tree = cl_ingredient_tree_ref (tree);
  self->node = node;
  /* Titles come from the file: never read as Pango markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle);
  adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (self), node->children->len > 0);
  if (node->children->len == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self), "ingredient-leaf");
  gtk_image_set_from_icon_name (self->verdict_icon, cl_banner_kind_icon_name (kind));
  gtk_widget_add_css_class (GTK_WIDGET (self->verdict_icon), cl_banner_kind_style_class (kind));
  /* The colour is not the only cue: the icon says the verdict in words. */
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->verdict_icon), cl_verdict_describe (node->verdict));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->verdict_icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  cl_verdict_describe (node->verdict), -1);
  gtk_widget_set_sensitive (GTK_WIDGET (self->open_button), node->manifest != NULL);
  load_thumbnail (self);
  return self;
}


ClIngredientNode *
cl_ingredient_row_get_node (ClIngredientRow *self)
{
  g_return_val_if_fail (CL_IS_INGREDIENT_ROW (self), NULL);
  return self->node;
}


GdkTexture *
cl_ingredient_row_get_thumbnail (ClIngredientRow *self)
{
  g_return_val_if_fail (CL_IS_INGREDIENT_ROW (self), NULL);
  return self->texture;
}


GtkButton *
cl_ingredient_row_get_open_button (ClIngredientRow *self)
{
  g_return_val_if_fail (CL_IS_INGREDIENT_ROW (self), NULL);
  return self->open_button;
}


static void
cl_ingredient_row_dispose (GObject *object)
{
  ClIngredientRow *self = CL_INGREDIENT_ROW (object);

  g_cancellable_cancel (self->cancellable);
  G_OBJECT_CLASS (cl_ingredient_row_parent_class)->dispose (object);
}


static void
cl_ingredient_row_finalize (GObject *object)
{
  ClIngredientRow *self = CL_INGREDIENT_ROW (object);

  g_clear_object (&self->texture);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->tree, cl_ingredient_tree_unref);

  G_OBJECT_CLASS (cl_ingredient_row_parent_class)->finalize (object);
}


static void
cl_ingredient_row_class_init (ClIngredientRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_ingredient_row_dispose;
  object_class->finalize = cl_ingredient_row_finalize;

  /* The person asked to see the ingredient's own detail. */
  signals[SIGNAL_OPEN] = g_signal_new ("open", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/credlink/CredLink/cl-ingredient-row.ui");
  gtk_widget_class_bind_template_child (widget_class, ClIngredientRow, thumbnail);
  gtk_widget_class_bind_template_child (widget_class, ClIngredientRow, verdict_icon);
  gtk_widget_class_bind_template_child (widget_class, ClIngredientRow, open_button);
  gtk_widget_class_bind_template_callback (widget_class, open_clicked_cb);
}


static void
cl_ingredient_row_init (ClIngredientRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  cl_a11y_name_expander_row (ADW_EXPANDER_ROW (self));
  self->cancellable = g_cancellable_new ();
}
