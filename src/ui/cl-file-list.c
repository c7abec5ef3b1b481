/* cl-file-list.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cl-file-list.h"


GPtrArray *
cl_file_list_from_drop (const GValue *value)
{
  GSList *list = gdk_file_list_get_files (g_value_get_boxed (value));
  GPtrArray *files = g_ptr_array_new_with_free_func (g_object_unref);

  for (GSList *l = list; l != NULL; l = l->next)
    g_ptr_array_add (files, g_object_ref (l->data));
  g_slist_free (list);
  return files;
}


GPtrArray *
cl_file_list_from_chooser (GtkFileChooser *chooser)
{
  g_autoptr(GListModel) chosen = gtk_file_chooser_get_files (chooser);
  guint n = g_list_model_get_n_items (chosen);
  GPtrArray *files = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (files, g_list_model_get_item (chosen, i));
  return files;
}
