/* cl-list-rows.c: a list box's rows kept in step with a list model, the first ones made
 * at once and the rest a few per frame.
 *
 * GtkListBox makes a row for every item of a bound model as it arrives; fifty files
 * dropped at once meant fifty rows built and measured for the first time in one frame
 * (a 60–100 ms freeze). Here only the rows that fill a window are made at once; the
 * others join a chunk per frame, as a file manager fills a large folder. Items are
 * appended and removed in practice; an insertion among rows already made gets its rows
 * at once, so the rows always stand for the model's first items, in order.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-list-rows"

#include "config.h"

#include "cl-list-rows.h"

/* Enough rows to fill a tall window at once; then as many per frame. */
#define ROWS_AT_ONCE    16
#define ROWS_PER_FRAME  8

struct _ClListRows {
  GtkListBox           *box;         /* owned: its tick callback is removed when freed */
  GListModel           *model;
  ClListRowsCreateFunc  create;
  gpointer              user_data;
  guint                 n_made;      /* rows exist for items [0, n_made) */
  guint                 tick_id;
};


/* Makes the rows of items [n_made, until) (or to the end). */
static void
make_rows (ClListRows *rows,
           guint       until)
{
  until = MIN (until, g_list_model_get_n_items (rows->model));
  for (; rows->n_made < until; rows->n_made++) {
    g_autoptr(GObject) item = g_list_model_get_item (rows->model, rows->n_made);

    gtk_list_box_insert (rows->box, rows->create (item, rows->user_data), (int) rows->n_made);
  }
}


static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       data)
{
  ClListRows *rows = data;

  make_rows (rows, rows->n_made + ROWS_PER_FRAME);
  if (rows->n_made < g_list_model_get_n_items (rows->model))
    return G_SOURCE_CONTINUE;
  rows->tick_id = 0;
  return G_SOURCE_REMOVE;
}


static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  ClListRows *rows)
{
  guint n_rows_removed = position < rows->n_made ? MIN (removed, rows->n_made - position) : 0;

  for (guint i = 0; i < n_rows_removed; i++)
    gtk_list_box_remove (rows->box,
                         GTK_WIDGET (gtk_list_box_get_row_at_index (rows->box, (int) position)));
  rows->n_made -= n_rows_removed;
  /* Added among the rows already made: made now, so that rows stay the model's first. */
  if (position < rows->n_made) {
    for (guint i = 0; i < added; i++) {
      g_autoptr(GObject) item = g_list_model_get_item (model, position + i);

      gtk_list_box_insert (rows->box, rows->create (item, rows->user_data), (int) (position + i));
    }
    rows->n_made += added;
  }
  /* A list nobody sees gets no frames: all its rows are made now. */
  make_rows (rows, gtk_widget_get_mapped (GTK_WIDGET (rows->box)) ? ROWS_AT_ONCE : G_MAXUINT);
  if (rows->n_made < g_list_model_get_n_items (model) && rows->tick_id == 0)
    rows->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (rows->box), tick_cb, rows, NULL);
}


ClListRows *
cl_list_rows_new (GtkListBox           *box,
                  GListModel           *model,
                  ClListRowsCreateFunc  create,
                  gpointer              user_data)
{
  ClListRows *rows = g_new0 (ClListRows, 1);

  g_return_val_if_fail (GTK_IS_LIST_BOX (box), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (model), NULL);

  rows->box = g_object_ref (box);
  rows->model = g_object_ref (model);
  rows->create = create;
  rows->user_data = user_data;
  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), rows);
  items_changed_cb (model, 0, 0, g_list_model_get_n_items (model), rows);
  return rows;
}


void
cl_list_rows_free (ClListRows *rows)
{
  if (rows == NULL)
    return;
  if (rows->tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (rows->box), rows->tick_id);
  g_signal_handlers_disconnect_by_data (rows->model, rows);
  g_object_unref (rows->model);
  g_object_unref (rows->box);
  g_free (rows);
}


GtkListBoxRow *
cl_list_rows_get_row (ClListRows *rows,
                      guint       position)
{
  g_return_val_if_fail (rows != NULL, NULL);

  if (position >= g_list_model_get_n_items (rows->model))
    return NULL;
  make_rows (rows, position + 1);
  return gtk_list_box_get_row_at_index (rows->box, (int) position);
}


guint
cl_list_rows_get_n_made (ClListRows *rows)
{
  g_return_val_if_fail (rows != NULL, 0);
  return rows->n_made;
}


gboolean
cl_list_rows_is_filling (ClListRows *rows)
{
  g_return_val_if_fail (rows != NULL, FALSE);
  return rows->n_made < g_list_model_get_n_items (rows->model);
}
