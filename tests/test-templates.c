/* test-templates.c: every composite template instantiates (GtkBuilder
 * errors are runtime-only, so a typo in a .ui file shows up only here).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "cl-application.h"
#include "cl-confidence-view.h"
#include "cl-history-page.h"
#include "cl-preferences-window.h"
#include "cl-sign-page.h"
#include "cl-verdict-banner.h"
#include "cl-verify-page.h"
#include "cl-window.h"

static void
test_window_template (void)
{
  GtkWidget *window = GTK_WIDGET (cl_window_new (NULL));

  g_assert_nonnull (window);
  gtk_window_present (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_preferences_template (void)
{
  GtkWidget *window = GTK_WIDGET (cl_preferences_window_new (NULL));

  gtk_window_present (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Widgets that live inside pages: put each in a window so it realizes. */
static void
test_widget_templates (void)
{
  GType types[] = { CL_TYPE_VERDICT_BANNER, CL_TYPE_CONFIDENCE_VIEW, CL_TYPE_HISTORY_PAGE,
                    CL_TYPE_SIGN_PAGE, CL_TYPE_VERIFY_PAGE, CL_TYPE_VERIFY_DETAIL,
                    CL_TYPE_SIGNER_GROUP, CL_TYPE_CHAIN_GROUP, CL_TYPE_MANIFEST_GROUP,
                    CL_TYPE_INGREDIENTS_GROUP, CL_TYPE_RAW_DATA_GROUP };

  for (gsize i = 0; i < G_N_ELEMENTS (types); i++) {
    GtkWidget *window = gtk_window_new ();

    gtk_window_set_child (GTK_WINDOW (window), g_object_new (types[i], NULL));
    gtk_window_present (GTK_WINDOW (window));
    while (g_main_context_iteration (NULL, FALSE))
      ;
    gtk_window_destroy (GTK_WINDOW (window));
  }
}

static void
test_help_overlay (void)
{
  g_autoptr(GtkBuilder) builder =
    gtk_builder_new_from_resource ("/io/github/credlink/CredLink/gtk/help-overlay.ui");
  GObject *overlay = gtk_builder_get_object (builder, "help_overlay");

  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));
  gtk_window_destroy (GTK_WINDOW (overlay));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/templates/window", test_window_template);
  g_test_add_func ("/templates/help-overlay", test_help_overlay);
  g_test_add_func ("/templates/preferences", test_preferences_template);
  g_test_add_func ("/templates/widgets", test_widget_templates);

  return g_test_run ();
}
