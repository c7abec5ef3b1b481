/* cl-ingredients-group.c: the files the image was made from, as a tree: each with its
 * thumbnail, how it was used and its own verdict (cl-ingredient-tree), its own
 * ingredients inside it, and a way to open it as its own detail.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-ingredients-group"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-detail-rows.h"
#include "cl-ingredient-row.h"
#include "cl-ingredients-group.h"

struct _ClIngredientsGroup
{
  AdwPreferencesGroup  parent_instance;

  GPtrArray           *rows;   /* the top-level rows, borrowed: the group owns them */
  ClIngredientTree    *tree;
};

G_DEFINE_FINAL_TYPE (ClIngredientsGroup, cl_ingredients_group, ADW_TYPE_PREFERENCES_GROUP)

enum {
  SIGNAL_OPEN_INGREDIENT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];


static void
row_open_cb (ClIngredientRow    *row,
             ClIngredientsGroup *self)
{
  g_signal_emit (self, signals[SIGNAL_OPEN_INGREDIENT], 0, row);
}


/* The row of node, with the rows of its own ingredients inside it (the tree is bounded:
 * cl-limits.h). */
static ClIngredientRow *
row_new (ClIngredientsGroup *self,
         ClIngredientNode   *node)
{
  ClIngredientRow *row = cl_ingredient_row_new (self->tree, node);

  g_signal_connect_object (row, "open", G_CALLBACK (row_open_cb), self, 0);
  for (guint i = 0; i < node->children->len; i++)
    adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                              GTK_WIDGET (row_new (self, g_ptr_array_index (node->children, i))));
  return row;
}


void
cl_ingredients_group_set_verification (ClIngredientsGroup *self,
                                       ClVerification     *verification)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (self);

  g_return_if_fail (CL_IS_INGREDIENTS_GROUP (self));

  cl_detail_clear (group, self->rows);
  g_clear_pointer (&self->tree, cl_ingredient_tree_unref);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  if (verification == NULL || verification->report == NULL)
    return;

  self->tree = cl_ingredient_tree_new (verification->report);
  for (guint i = 0; i < self->tree->roots->len; i++)
    cl_detail_add (group, self->rows,
                   GTK_WIDGET (row_new (self, g_ptr_array_index (self->tree->roots, i))));
  gtk_widget_set_visible (GTK_WIDGET (self), self->rows->len > 0);
}


guint
cl_ingredients_group_get_n_rows (ClIngredientsGroup *self)
{
  g_return_val_if_fail (CL_IS_INGREDIENTS_GROUP (self), 0);
  return self->rows->len;
}


ClIngredientRow *
cl_ingredients_group_get_row (ClIngredientsGroup *self,
                              guint               index)
{
  g_return_val_if_fail (CL_IS_INGREDIENTS_GROUP (self), NULL);
  g_return_val_if_fail (index < self->rows->len, NULL);
  return g_ptr_array_index (self->rows, index);
}


static void
cl_ingredients_group_finalize (GObject *object)
{
  ClIngredientsGroup *self = CL_INGREDIENTS_GROUP (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->tree, cl_ingredient_tree_unref);

  G_OBJECT_CLASS (cl_ingredients_group_parent_class)->finalize (object);
}


static void
cl_ingredients_group_class_init (ClIngredientsGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = cl_ingredients_group_finalize;

  /* An ingredient's row asked to open it as its own detail: (row). */
  signals[SIGNAL_OPEN_INGREDIENT] = g_signal_new ("open-ingredient", G_TYPE_FROM_CLASS (klass),
                                                  G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                                  G_TYPE_NONE, 1, CL_TYPE_INGREDIENT_ROW);

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
