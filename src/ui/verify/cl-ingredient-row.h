/* cl-ingredient-row.h: one ingredient in the Ingredients tree of a file's detail: its
 * thumbnail, title, how it was used and its own verdict; its own ingredients inside it;
 * a button that opens it as its own detail.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cl-ingredient-tree.h"

G_BEGIN_DECLS

#define CL_TYPE_INGREDIENT_ROW (cl_ingredient_row_get_type ())
G_DECLARE_FINAL_TYPE (ClIngredientRow, cl_ingredient_row, CL, INGREDIENT_ROW, AdwExpanderRow)

/* A row for node of tree (kept alive by the row); its thumbnail is decoded in a thread.
 * "open" is emitted when the person asks to see the ingredient's own detail. */
ClIngredientRow  *cl_ingredient_row_new           (ClIngredientTree *tree,
                                                   ClIngredientNode *node);
ClIngredientNode *cl_ingredient_row_get_node      (ClIngredientRow  *self);
/* The decoded thumbnail, or NULL (none, or not decoded yet). */
GdkTexture       *cl_ingredient_row_get_thumbnail (ClIngredientRow  *self);
/* The button that opens the ingredient's detail (insensitive without credentials). */
GtkButton        *cl_ingredient_row_get_open_button (ClIngredientRow *self);

G_END_DECLS
