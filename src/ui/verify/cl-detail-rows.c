/* cl-detail-rows.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cl-detail-rows.h"


GtkWidget *
cl_detail_row_new (const char *title,
                   const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_add_css_class (row, "cl-detail-row");
  return row;
}


void
cl_detail_add (AdwPreferencesGroup *group,
               GPtrArray           *rows,
               GtkWidget           *row)
{
  adw_preferences_group_add (group, row);
  g_ptr_array_add (rows, row);
}


GtkWidget *
cl_detail_add_row (AdwPreferencesGroup *group,
                   GPtrArray           *rows,
                   const char          *title,
                   const char          *value)
{
  GtkWidget *row;

  if (value == NULL || *value == '\0')
    return NULL;
  row = cl_detail_row_new (title, value);
  cl_detail_add (group, rows, row);
  return row;
}


const char *
cl_detail_rows_lookup (GPtrArray  *rows,
                       const char *title)
{
  for (guint i = 0; i < rows->len; i++) {
    GtkWidget *row = g_ptr_array_index (rows, i);

    if (ADW_IS_ACTION_ROW (row) &&
        g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), title) == 0)
      return adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
  }
  return NULL;
}


void
cl_detail_clear (AdwPreferencesGroup *group,
                 GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}


/* A wrapping GtkLabel with no width-chars finds its minimum width by laying its text out
 * at width after width (a search repeated whenever it is measured anew): most of the
 * time the detail took to lay out. With a minimum it answers at once. */
#define SETTLED_MIN_CHARS 12

void
cl_detail_settle_labels (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child)) {
    if (GTK_IS_LABEL (child) && gtk_label_get_wrap (GTK_LABEL (child)) &&
        gtk_label_get_width_chars (GTK_LABEL (child)) < 0)
      gtk_label_set_width_chars (GTK_LABEL (child), SETTLED_MIN_CHARS);
    cl_detail_settle_labels (child);
  }
}


char *
cl_detail_format_time (gint64 unix_time)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_time);
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return NULL;
  local = g_date_time_to_local (utc);
  /* Translators: a date and time, see g_date_time_format() */
  return g_date_time_format (local, _("%e %B %Y, %H:%M %Z"));
}
