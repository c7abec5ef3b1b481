/* test-text-scale.c: the main window with text at 200 %, as GNOME's Large Text and the
 * text-scaling setting make it (GtkSettings:gtk-xft-dpi doubled).
 *
 * The narrow layout is 360 px wide at 100 %: doubled, 720 px. Files signed here are
 * verified; on each page (the list with the trust list offer above it, the detail of a
 * valid and of a tampered file, Sign, History, Preferences) the window needs no more than
 * 720 px, and at 720 px no label in view is cut (it wraps, or is ellipsized) and no
 * button or label lies outside the window. Then the keyboard walk of test-a11y (verify → detail →
 * Export PDF) again, at 720 px (list and detail side by side) and at 360 px (one at a
 * time), and the sign walk (Alt+2 → profile → Sign → passphrase) at both widths. An
 * AdwApplication with CredLink's resource base path loads the app's style
 * sheet, as in the app.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "cl-preferences-window.h"
#include "cl-test-gui.h"
#include "cl-test-keyboard.h"
#include "cl-test-tmp.h"
#include "cl-trust-offer.h"
#include "cl-verify-page.h"
#include "cl-window.h"

#define NARROW_WIDTH 720

/* Labels in view under widget whose text does not fit the space they were given (cut, not
 * ellipsized), and buttons and labels that lie (partly) outside window, added to
 * problems. */
static void
find_squeezed (GtkWidget *widget,
               GtkWidget *window,
               GPtrArray *problems)
{
  if (!gtk_widget_get_mapped (widget) || gtk_widget_get_native (widget) != GTK_NATIVE (window))
    return;
  if (GTK_IS_LABEL (widget) && gtk_label_get_text (GTK_LABEL (widget))[0] != '\0') {
    PangoLayout *layout = gtk_label_get_layout (GTK_LABEL (widget));
    PangoRectangle extents;

    pango_layout_get_pixel_extents (layout, NULL, &extents);
    /* An ellipsized label says the rest in its tooltip (or its row's). */
    if (!pango_layout_is_ellipsized (layout) &&
        (extents.width > gtk_widget_get_width (widget) + 1 ||
         extents.height > gtk_widget_get_height (widget) + 1))
      g_ptr_array_add (problems, g_strdup_printf ("“%s” needs %d × %d px, has %d × %d",
                                                  gtk_label_get_text (GTK_LABEL (widget)),
                                                  extents.width, extents.height,
                                                  gtk_widget_get_width (widget),
                                                  gtk_widget_get_height (widget)));
  }
  if (GTK_IS_BUTTON (widget) || GTK_IS_LABEL (widget)) {
    graphene_rect_t bounds;

    g_assert_true (gtk_widget_compute_bounds (widget, window, &bounds));
    if (bounds.origin.x < -0.5 ||
        bounds.origin.x + bounds.size.width > gtk_widget_get_width (window) + 0.5)
      g_ptr_array_add (problems, g_strdup_printf ("%s “%s” lies at x %.0f to %.0f, outside the "
                                                  "window", G_OBJECT_TYPE_NAME (widget),
                                                  GTK_IS_LABEL (widget)
                                                  ? gtk_label_get_text (GTK_LABEL (widget))
                                                  : gtk_widget_get_tooltip_text (widget),
                                                  bounds.origin.x,
                                                  bounds.origin.x + bounds.size.width));
  }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    find_squeezed (child, window, problems);
}

/* What makes widget as wide as it is: the chain of widest children, for the log. */
static void
log_widest (GtkWidget *widget,
            guint      depth)
{
  GtkWidget *widest = NULL;
  int widest_min = -1;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child)) {
    int min = 0;

    if (!gtk_widget_get_visible (child) || !gtk_widget_get_child_visible (child))
      continue;
    gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
    if (min > widest_min) {
      widest_min = min;
      widest = child;
    }
  }
  if (widest == NULL)
    return;
  g_test_message ("%*s%s.%s %d px%s%s", (int) depth, "", G_OBJECT_TYPE_NAME (widest),
                  gtk_widget_get_css_name (widest), widest_min,
                  GTK_IS_LABEL (widest) ? ": " : "",
                  GTK_IS_LABEL (widest) ? gtk_label_get_text (GTK_LABEL (widest)) : "");
  log_widest (widest, depth + 1);
}

/* window needs at most NARROW_WIDTH px, has that width, and everything in view fits. */
static void
assert_fits (GtkWidget  *window,
             const char *view)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  int min_width = 0;

  cl_test_wait_for_frames (window);
  gtk_widget_measure (window, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  g_test_message ("%s: at least %d px wide; %d px now", view, min_width,
                  gtk_widget_get_width (window));
  if (min_width > NARROW_WIDTH)
    log_widest (window, 0);
  find_squeezed (window, window, problems);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%s: %s", view, (char *) g_ptr_array_index (problems, i));
  g_assert_cmpint (min_width, <=, NARROW_WIDTH);
  g_assert_cmpint (gtk_widget_get_width (window), <=, NARROW_WIDTH);
  g_assert_cmpuint (problems->len, ==, 0);
}

static GtkWidget *
preferences_window (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++) {
    g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

    if (CL_IS_PREFERENCES_WINDOW (window))
      return window;
  }
  return NULL;
}

static void
test_pages (void)
{
  g_autofree char *trust_dir = cl_test_tmp_dir_new ("credlink-text-scale",
                                                    CL_TEST_TMP_UNTIL_CASE_ENDS);
  ClWindow *window = cl_test_window_with_signed_files (NARROW_WIDTH);
  ClTrustOffer *offer = cl_window_get_trust_offer (window);
  GtkWidget *stack, *preferences;

  /* No trust list in this folder: the first-run offer shows above the page. */
  cl_trust_offer_set_trust_dir (offer, trust_dir);
  cl_test_wait_for_offer (offer);
  assert_fits (GTK_WIDGET (window), "Verify, the list");
  cl_test_open_file (window, "signed.jpg");
  assert_fits (GTK_WIDGET (window), "Verify, a signed file's detail");
  cl_test_open_file (window, "tampered.jpg");
  assert_fits (GTK_WIDGET (window), "Verify, a tampered file's detail");

  stack = gtk_widget_get_ancestor (GTK_WIDGET (cl_window_get_history_page (window)),
                                   ADW_TYPE_VIEW_STACK);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), "sign");
  assert_fits (GTK_WIDGET (window), "Sign");
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), "history");
  assert_fits (GTK_WIDGET (window), "History");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-preferences", NULL));
  cl_test_drain_main_context ();
  preferences = preferences_window ();
  g_assert_nonnull (preferences);
  gtk_window_set_default_size (GTK_WINDOW (preferences), NARROW_WIDTH, 720);
  assert_fits (preferences, "Preferences");

  cl_test_destroy_all_windows ();
}

/* The walk of test-a11y at 200 % text, 720 px wide and 360 px wide: one pane at a time
 * in both, as at 360 px with 100 % text (the detail's labels keep a minimum of 12
 * characters, twice as wide at this scale), and at 1100 px, side by side. */
static void
test_keyboard (void)
{
  cl_test_keyboard_export_pdf (1100, FALSE);
  cl_test_keyboard_export_pdf (NARROW_WIDTH, TRUE);
  cl_test_keyboard_export_pdf (360, TRUE);
}

/* The sign walk of test-a11y at 200 % text, at both widths. */
static void
test_keyboard_sign (void)
{
  cl_test_keyboard_sign (NARROW_WIDTH);
  cl_test_keyboard_sign (360);
}

static int test_status;

static void
run_tests (GApplication *app)
{
  /* Twice 96 dpi, in GTK's 1024ths: what GNOME sets for a text scaling factor of 2. */
  g_object_set (gtk_settings_get_default (), "gtk-xft-dpi", 2 * 96 * 1024, NULL);
  g_application_hold (app);
  g_test_add_func ("/text-scale/pages", test_pages);
  g_test_add_func ("/text-scale/keyboard-sign", test_keyboard_sign);
  g_test_add_func ("/text-scale/keyboard", test_keyboard);
  test_status = g_test_run ();
  g_application_release (app);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = NULL;

  cl_test_keyboard_use_scratch_data ();
  gtk_test_init (&argc, &argv, NULL);
  app = adw_application_new ("io.github.credlink.CredLink.TestTextScale",
                             G_APPLICATION_NON_UNIQUE);
  g_application_set_resource_base_path (G_APPLICATION (app), "/io/github/credlink/CredLink");
  g_signal_connect (app, "activate", G_CALLBACK (run_tests), NULL);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 0, NULL), ==, 0);
  cl_test_end_worker_threads ();
  return test_status;
}
