/* test-preferences.c: every preference written through the real window is
 * read back from GSettings, and a GSettings change shows in the window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "cl-preferences-window.h"

static GtkWidget *
find_widget (GtkWidget  *root,
             GType       type,
             const char *row_title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child)) {
    GtkWidget *found;

    if (ADW_IS_PREFERENCES_ROW (child) &&
        g_str_equal (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), row_title)) {
      GtkWidget *activatable = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (child));

      if (activatable != NULL && G_TYPE_CHECK_INSTANCE_TYPE (activatable, type))
        return activatable;
    }
    found = find_widget (child, type, row_title);
    if (found != NULL)
      return found;
  }
  return NULL;
}

static void
test_switches (void)
{
  static const struct { const char *row; const char *key; } switches[] = {
    { "Check _Revocation Online", "online-revocation" },
    { "Refresh _Trust Lists", "trust-list-refresh" },
    { "Fetch Remote _Manifests", "remote-manifests" },
  };
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GtkWidget *window = GTK_WIDGET (cl_preferences_window_new (NULL));

  gtk_window_present (GTK_WINDOW (window));
  for (gsize i = 0; i < G_N_ELEMENTS (switches); i++) {
    GtkWidget *sw = find_widget (window, GTK_TYPE_SWITCH, switches[i].row);

    g_assert_nonnull (sw);
    /* Network use is off by default. */
    g_assert_false (g_settings_get_boolean (settings, switches[i].key));
    g_assert_false (gtk_switch_get_active (GTK_SWITCH (sw)));

    gtk_switch_set_active (GTK_SWITCH (sw), TRUE);
    g_assert_true (g_settings_get_boolean (settings, switches[i].key));
    gtk_switch_set_active (GTK_SWITCH (sw), FALSE);
    g_assert_false (g_settings_get_boolean (settings, switches[i].key));

    g_settings_set_boolean (settings, switches[i].key, TRUE);
    g_assert_true (gtk_switch_get_active (GTK_SWITCH (sw)));
    g_settings_reset (settings, switches[i].key);
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_retention (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GtkWidget *window = GTK_WIDGET (cl_preferences_window_new (NULL));
  GtkWidget *spin = find_widget (window, GTK_TYPE_SPIN_BUTTON, "Keep Proofs For (_Days)");

  g_assert_nonnull (spin);
  g_assert_cmpuint (g_settings_get_uint (settings, "proof-retention-days"), ==, 365);
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin)), ==, 365);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 30);
  g_assert_cmpuint (g_settings_get_uint (settings, "proof-retention-days"), ==, 30);
  g_settings_reset (settings, "proof-retention-days");
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/preferences/network-switches", test_switches);
  g_test_add_func ("/preferences/retention", test_retention);

  return g_test_run ();
}
