/* cl-compare-window.c: two verified files side by side.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-compare-window"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-compare-window.h"
#include "cl-picture-loader.h"
#include "cl-verification-compare.h"

/* Pixels on the longer side of each picture. */
#define PREVIEW_SIZE 360
/* The grid's first rows hold the choosers and the pictures. */
#define FIRST_FACT_ROW 2

struct _ClCompareWindow
{
  AdwWindow      parent_instance;

  GtkLabel      *summary_label;
  GtkGrid       *grid;
  GtkDropDown   *left_dropdown;
  GtkDropDown   *right_dropdown;
  GtkPicture    *left_picture;
  GtkPicture    *right_picture;

  GPtrArray     *items;        /* ClVerifyItem: the verified ones, in list order */
  GPtrArray     *fact_widgets; /* borrowed: the grid's fact rows, removed on a new choice */
  GCancellable  *cancellable;
  guint          n_differences;
};

G_DEFINE_FINAL_TYPE (ClCompareWindow, cl_compare_window, ADW_TYPE_WINDOW)


static void
picture_loaded_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GtkPicture) picture = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = cl_picture_loader_load_finish (result, &error);

  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    gtk_picture_set_paintable (picture, GDK_PAINTABLE (texture));
}


static void
load_picture (ClCompareWindow *self,
              GtkPicture      *picture,
              ClVerifyItem    *item)
{
  g_autofree char *path = g_file_get_path (cl_verify_item_get_file (item));

  gtk_picture_set_paintable (picture, NULL);
  if (path != NULL)
    cl_picture_loader_load_file_async (path, PREVIEW_SIZE, self->cancellable, picture_loaded_cb,
                                      g_object_ref (picture));
}


static GtkWidget *
value_label (const char *text,
             gboolean    differs)
{
  GtkWidget *label = gtk_label_new (text != NULL ? text : "—");

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  if (text == NULL)
    gtk_widget_add_css_class (label, "dim-label");
  if (differs)
    gtk_widget_add_css_class (label, "compare-differs");
  return label;
}


static void
attach (ClCompareWindow *self,
        GtkWidget       *widget,
        int              column,
        int              row)
{
  gtk_grid_attach (self->grid, widget, column, row, 1, 1);
  g_ptr_array_add (self->fact_widgets, widget);
}


static void
show_facts (ClCompareWindow *self,
            ClVerification  *left,
            ClVerification  *right)
{
  g_autoptr(GPtrArray) rows = cl_verification_compare (left, right);
  g_autofree char *summary = cl_verification_compare_summary (left, right);

  for (guint i = 0; i < self->fact_widgets->len; i++)
    gtk_grid_remove (self->grid, g_ptr_array_index (self->fact_widgets, i));
  g_ptr_array_set_size (self->fact_widgets, 0);
  self->n_differences = 0;

  for (guint i = 0; i < rows->len; i++) {
    ClCompareRow *row = g_ptr_array_index (rows, i);
    GtkWidget *fact = gtk_label_new (row->fact);
    g_autofree char *accessible = NULL;

    gtk_label_set_xalign (GTK_LABEL (fact), 1);
    gtk_label_set_yalign (GTK_LABEL (fact), 0);
    gtk_widget_add_css_class (fact, row->differs ? "heading" : "dim-label");
    if (row->differs) {
      /* Not by colour alone: the fact's name says it too. */
      g_autofree char *marked = g_strdup_printf (_("%s (differs)"), row->fact);

      gtk_label_set_label (GTK_LABEL (fact), marked);
      self->n_differences++;
    }
    attach (self, fact, 0, FIRST_FACT_ROW + (int) i);
    attach (self, value_label (row->left, row->differs), 1, FIRST_FACT_ROW + (int) i);
    attach (self, value_label (row->right, row->differs), 2, FIRST_FACT_ROW + (int) i);
  }
  gtk_label_set_label (self->summary_label, summary);
}


static ClVerifyItem *
chosen (GtkDropDown *dropdown,
        GPtrArray   *items)
{
  guint index = gtk_drop_down_get_selected (dropdown);

  return index < items->len ? g_ptr_array_index (items, index) : NULL;
}


static void
choice_changed_cb (ClCompareWindow *self)
{
  ClVerifyItem *left = chosen (self->left_dropdown, self->items);
  ClVerifyItem *right = chosen (self->right_dropdown, self->items);

  if (left == NULL || right == NULL)
    return;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  load_picture (self, self->left_picture, left);
  load_picture (self, self->right_picture, right);
  show_facts (self, cl_verify_item_get_verification (left),
              cl_verify_item_get_verification (right));
}


void
cl_compare_window_select (ClCompareWindow *self,
                          ClVerifyItem    *left,
                          ClVerifyItem    *right)
{
  guint left_index = 0, right_index = 0;

  g_return_if_fail (CL_IS_COMPARE_WINDOW (self));

  if (!g_ptr_array_find (self->items, left, &left_index) ||
      !g_ptr_array_find (self->items, right, &right_index))
    return;
  g_signal_handlers_block_by_func (self->left_dropdown, choice_changed_cb, self);
  gtk_drop_down_set_selected (self->left_dropdown, left_index);
  g_signal_handlers_unblock_by_func (self->left_dropdown, choice_changed_cb, self);
  gtk_drop_down_set_selected (self->right_dropdown, right_index);
  choice_changed_cb (self);
}


GtkWidget *
cl_compare_window_new (GListModel   *items,
                       ClVerifyItem *first)
{
  ClCompareWindow *self;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) verified = g_ptr_array_new_with_free_func (g_object_unref);
  guint first_index = 0;

  for (guint i = 0; i < g_list_model_get_n_items (items); i++) {
    g_autoptr(ClVerifyItem) item = g_list_model_get_item (items, i);

    if (cl_verify_item_get_verification (item) == NULL)
      continue;
    if (item == first)
      first_index = verified->len;
    gtk_string_list_append (names, cl_verify_item_get_name (item));
    g_ptr_array_add (verified, g_steal_pointer (&item));
  }
  if (verified->len < 2)
    return NULL;

  self = g_object_new (CL_TYPE_COMPARE_WINDOW, NULL);
  self->items = g_steal_pointer (&verified);
  gtk_drop_down_set_model (self->left_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_model (self->right_dropdown, G_LIST_MODEL (names));
  cl_compare_window_select (self, g_ptr_array_index (self->items, first_index),
                            g_ptr_array_index (self->items, (first_index + 1) % self->items->len));
  return GTK_WIDGET (self);
}


guint
cl_compare_window_get_n_differences (ClCompareWindow *self)
{
  g_return_val_if_fail (CL_IS_COMPARE_WINDOW (self), 0);

  return self->n_differences;
}


const char *
cl_compare_window_get_summary (ClCompareWindow *self)
{
  g_return_val_if_fail (CL_IS_COMPARE_WINDOW (self), NULL);

  return gtk_label_get_label (self->summary_label);
}


static void
cl_compare_window_dispose (GObject *object)
{
  ClCompareWindow *self = CL_COMPARE_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (cl_compare_window_parent_class)->dispose (object);
}


static void
cl_compare_window_finalize (GObject *object)
{
  ClCompareWindow *self = CL_COMPARE_WINDOW (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_ptr_array_unref (self->fact_widgets);

  G_OBJECT_CLASS (cl_compare_window_parent_class)->finalize (object);
}


static void
cl_compare_window_class_init (ClCompareWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_compare_window_dispose;
  object_class->finalize = cl_compare_window_finalize;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/credlink/CredLink/cl-compare-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ClCompareWindow, summary_label);
  gtk_widget_class_bind_template_child (widget_class, ClCompareWindow, grid);
  gtk_widget_class_bind_template_child (widget_class, ClCompareWindow, left_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ClCompareWindow, right_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ClCompareWindow, left_picture);
  gtk_widget_class_bind_template_child (widget_class, ClCompareWindow, right_picture);
  gtk_widget_class_bind_template_callback (widget_class, choice_changed_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}


static void
cl_compare_window_init (ClCompareWindow *self)
{
  self->fact_widgets = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}
