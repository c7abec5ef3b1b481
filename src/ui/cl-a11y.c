/* cl-a11y.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-a11y"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "cl-a11y.h"

/* The first (or, last set, the last) widget under widget in tree order that is a type and
 * has role. */
static GtkWidget *
find_descendant (GtkWidget         *widget,
                 GType              type,
                 GtkAccessibleRole  role,
                 gboolean           last)
{
  GtkWidget *found = NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child)) {
    GtkWidget *below;

    if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) &&
        gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (child)) == role) {
      found = child;
      if (!last)
        return found;
    }
    below = find_descendant (child, type, role, last);
    if (below != NULL) {
      found = below;
      if (!last)
        return found;
    }
  }
  return found;
}


static void
expander_title_cb (AdwExpanderRow *row,
                   GParamSpec     *pspec,
                   gpointer        user_data)
{
  g_autofree char *title = g_strdup (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  char *underline = strchr (title, '_');

  /* The mnemonic's underline is not read out. */
  if (underline != NULL && adw_preferences_row_get_use_underline (ADW_PREFERENCES_ROW (row)))
    memmove (underline, underline + 1, strlen (underline));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  if (adw_expander_row_get_show_enable_switch (row)) {
    GtkWidget *toggle = find_descendant (GTK_WIDGET (row), GTK_TYPE_SWITCH,
                                         GTK_ACCESSIBLE_ROLE_SWITCH, FALSE);

    if (toggle != NULL)
      gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      title, -1);
  }
}


void
cl_a11y_name_expander_row (AdwExpanderRow *row)
{
  g_return_if_fail (ADW_IS_EXPANDER_ROW (row));

  g_signal_connect (row, "notify::title", G_CALLBACK (expander_title_cb), NULL);
  g_signal_connect (row, "notify::show-enable-switch", G_CALLBACK (expander_title_cb), NULL);
  expander_title_cb (row, NULL, NULL);
}


void
cl_a11y_name_password_peek (AdwPasswordEntryRow *row)
{
  GtkWidget *peek;

  g_return_if_fail (ADW_IS_PASSWORD_ENTRY_ROW (row));

  /* The entry row's own (apply) button comes first, the peek button is added after it. */
  peek = find_descendant (GTK_WIDGET (row), GTK_TYPE_BUTTON, GTK_ACCESSIBLE_ROLE_BUTTON, TRUE);
  if (peek != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (peek), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    _("Show Text"), -1);
}


void
cl_a11y_name_drop_down (GtkDropDown *drop_down,
                        const char  *name)
{
  GtkWidget *button;

  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down));

  button = find_descendant (GTK_WIDGET (drop_down), GTK_TYPE_TOGGLE_BUTTON,
                            GTK_ACCESSIBLE_ROLE_BUTTON, FALSE);
  if (button != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    name, -1);
}
