/* cl-file-list.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cl-file-list.h"

typedef struct {
  ClFileListFunc func;
  gpointer       user_data;
} DropHandler;


static GPtrArray *
file_list_from_drop (const GValue *value)
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


static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         gpointer       user_data)
{
  DropHandler *handler = user_data;
  g_autoptr(GPtrArray) files = file_list_from_drop (value);

  handler->func ((GFile **) files->pdata, (int) files->len, handler->user_data);
  return files->len > 0;
}


static void
drop_handler_free (gpointer  data,
                   GClosure *closure)
{
  g_free (data);
}


GtkDropTarget *
cl_file_list_add_drop_target (GtkWidget      *widget,
                              ClFileListFunc  func,
                              gpointer        user_data)
{
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  DropHandler *handler = g_new0 (DropHandler, 1);

  handler->func = func;
  handler->user_data = user_data;
  g_signal_connect_data (target, "drop", G_CALLBACK (drop_cb), handler, drop_handler_free,
                         G_CONNECT_DEFAULT);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (target));
  return target;
}
