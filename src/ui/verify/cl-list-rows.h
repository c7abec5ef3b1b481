/* cl-list-rows.h: a list box's rows kept in step with a list model, the first ones
 * made at once and the rest a few per frame.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef struct _ClListRows ClListRows;

typedef GtkWidget *(*ClListRowsCreateFunc) (gpointer item,
                                            gpointer user_data);

/* Binds model to box as gtk_list_box_bind_model() does (create returns a GtkListBoxRow),
 * except that the rows of a large addition are made over the next frames: the rows of
 * items [0, n) exist for some n, and a position past n gets its row when asked for. */
ClListRows    *cl_list_rows_new        (GtkListBox           *box,
                                        GListModel           *model,
                                        ClListRowsCreateFunc  create,
                                        gpointer              user_data);
/* Unbinds: the rows already made stay in the box. */
void           cl_list_rows_free       (ClListRows           *rows);
/* The row of the item at position (made now, with those before it, if it was still
 * waiting), or NULL past the model's end. */
GtkListBoxRow *cl_list_rows_get_row    (ClListRows           *rows,
                                        guint                 position);
/* The number of rows made so far (the first items of the model). */
guint          cl_list_rows_get_n_made (ClListRows           *rows);
/* TRUE while rows are still waiting to be made. */
gboolean       cl_list_rows_is_filling (ClListRows           *rows);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClListRows, cl_list_rows_free)

G_END_DECLS
