/* cl-ingredients-group.h: the "Ingredients" group of a file's detail page: the tree of
 * the file's ingredients; "open-ingredient" (ClIngredientRow) when one is to be shown as
 * its own detail.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cl-ingredient-row.h"
#include "cl-verification.h"

G_BEGIN_DECLS

#define CL_TYPE_INGREDIENTS_GROUP (cl_ingredients_group_get_type ())
G_DECLARE_FINAL_TYPE (ClIngredientsGroup, cl_ingredients_group, CL, INGREDIENTS_GROUP, AdwPreferencesGroup)

/* Shows what verification says (NULL clears); hides itself when there is nothing to show. */
void             cl_ingredients_group_set_verification (ClIngredientsGroup *self,
                                                        ClVerification     *verification);
/* The rows of the file's own ingredients (theirs are inside them). */
guint            cl_ingredients_group_get_n_rows       (ClIngredientsGroup *self);
ClIngredientRow *cl_ingredients_group_get_row          (ClIngredientsGroup *self,
                                                        guint               index);

G_END_DECLS
