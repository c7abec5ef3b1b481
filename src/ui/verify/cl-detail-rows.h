/* cl-detail-rows.h: the rows the detail groups are made of — a label with a
 * value — and removing them again when another file is shown.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Adds a row "title / value" to group (value NULL or empty: nothing is added) and
 * remembers it in rows. Returns the row (borrowed) or NULL. */
GtkWidget *cl_detail_add_row   (AdwPreferencesGroup *group,
                                GPtrArray           *rows,
                                const char          *title,
                                const char          *value);
/* Adds any row widget to group and rows. */
void       cl_detail_add       (AdwPreferencesGroup *group,
                                GPtrArray           *rows,
                                GtkWidget           *row);
/* The value (subtitle) of the first remembered row titled title, or NULL. */
const char *cl_detail_rows_lookup (GPtrArray        *rows,
                                   const char       *title);
/* Removes every remembered row from group. */
void       cl_detail_clear     (AdwPreferencesGroup *group,
                                GPtrArray           *rows);
/* A new action row with title and subtitle, plain text (no markup), subtitle wrapping. */
GtkWidget *cl_detail_row_new   (const char          *title,
                                const char          *subtitle);
/* Gives every wrapping label under root that has no minimum width one of 12 characters
 * (it still wraps to the width it gets). */
void       cl_detail_settle_labels (GtkWidget        *root);
/* Formats a Unix time for people (local time, e.g. "28 November 2026, 14:05 UTC"). */
char      *cl_detail_format_time (gint64             unix_time);

G_END_DECLS
