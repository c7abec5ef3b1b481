/* cl-ingredients-group.h: the "Ingredients" group of a file's detail page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cl-verification.h"

G_BEGIN_DECLS

#define CL_TYPE_INGREDIENTS_GROUP (cl_ingredients_group_get_type ())
G_DECLARE_FINAL_TYPE (ClIngredientsGroup, cl_ingredients_group, CL, INGREDIENTS_GROUP, AdwPreferencesGroup)

/* Shows what verification says (NULL clears); hides itself when there is nothing to show. */
void  cl_ingredients_group_set_verification (ClIngredientsGroup    *self,
                                      ClVerification *verification);
guint cl_ingredients_group_get_n_rows       (ClIngredientsGroup    *self);

G_END_DECLS
