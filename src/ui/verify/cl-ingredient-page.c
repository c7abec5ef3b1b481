/* cl-ingredient-page.c: an ingredient shown as its own detail, below a way back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-ingredient-page"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-ingredient-page.h"

struct _ClIngredientPage
{
  GtkBox     parent_instance;

  GtkButton *back_button;
  GtkLabel  *parent_label;
  AdwBin    *content;
};

G_DEFINE_FINAL_TYPE (ClIngredientPage, cl_ingredient_page, GTK_TYPE_BOX)

enum {
  SIGNAL_BACK,
  N_SIGNALS
};

static guint signals[N_SIGNALS];


static void
back_clicked_cb (ClIngredientPage *self)
{
  g_signal_emit (self, signals[SIGNAL_BACK], 0);
}


void
cl_ingredient_page_set_content (ClIngredientPage *self,
                                const char       *parent_name,
                                GtkWidget        *content)
{
  g_autofree char *text = NULL;

  g_return_if_fail (CL_IS_INGREDIENT_PAGE (self));

  /* Translators: %s is the file (or ingredient) the shown ingredient went into. */
  text = parent_name != NULL ? g_strdup_printf (_("An ingredient of “%s”"), parent_name) : NULL;
  gtk_label_set_label (self->parent_label, text != NULL ? text : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->parent_label), text);
  adw_bin_set_child (self->content, content);
}


GtkWidget *
cl_ingredient_page_get_content (ClIngredientPage *self)
{
  g_return_val_if_fail (CL_IS_INGREDIENT_PAGE (self), NULL);
  return adw_bin_get_child (self->content);
}


GtkButton *
cl_ingredient_page_get_back_button (ClIngredientPage *self)
{
  g_return_val_if_fail (CL_IS_INGREDIENT_PAGE (self), NULL);
  return self->back_button;
}


static void
cl_ingredient_page_class_init (ClIngredientPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /* The person asked to return to the detail the ingredient was opened from. */
  signals[SIGNAL_BACK] = g_signal_new ("back", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/credlink/CredLink/cl-ingredient-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ClIngredientPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, ClIngredientPage, parent_label);
  gtk_widget_class_bind_template_child (widget_class, ClIngredientPage, content);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
}


static void
cl_ingredient_page_init (ClIngredientPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
