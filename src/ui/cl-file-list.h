/* cl-file-list.h: the files a person handed over, from a drop or a file chooser,
 * as one array for the pages that take them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Takes the files of a drop, in the order given (n_files may be 0). */
typedef void (*ClFileListFunc) (GFile    **files,
                                int        n_files,
                                gpointer   user_data);

/* GFile references (the array owns them), in the order given. */
GPtrArray     *cl_file_list_from_chooser    (GtkFileChooser *chooser);
/* Adds to widget a drop target for files (GDK_TYPE_FILE_LIST, copied) that hands
 * each drop to func; the drop is taken when it held a file. The target is
 * returned (owned by widget) for the caller's own handlers. */
GtkDropTarget *cl_file_list_add_drop_target (GtkWidget      *widget,
                                             ClFileListFunc  func,
                                             gpointer        user_data);

G_END_DECLS
