/* cl-file-list.h: the files a person handed over, from a drop or a file chooser,
 * as one array for the pages that take them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* GFile references (the array owns them), in the order given. */
GPtrArray *cl_file_list_from_drop    (const GValue   *value);   /* GDK_TYPE_FILE_LIST */
GPtrArray *cl_file_list_from_chooser (GtkFileChooser *chooser);

G_END_DECLS
