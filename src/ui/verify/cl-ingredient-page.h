/* cl-ingredient-page.h: the subpage of a file's detail that shows one of its ingredients
 * as its own detail, with a way back; "back" when the person asks to return.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CL_TYPE_INGREDIENT_PAGE (cl_ingredient_page_get_type ())
G_DECLARE_FINAL_TYPE (ClIngredientPage, cl_ingredient_page, CL, INGREDIENT_PAGE, GtkBox)

/* Shows content (the ingredient's detail; NULL: nothing) below the way back to the
 * detail of parent_name. */
void       cl_ingredient_page_set_content (ClIngredientPage *self,
                                           const char       *parent_name,
                                           GtkWidget        *content);
GtkWidget *cl_ingredient_page_get_content (ClIngredientPage *self);
GtkButton *cl_ingredient_page_get_back_button (ClIngredientPage *self);

G_END_DECLS
