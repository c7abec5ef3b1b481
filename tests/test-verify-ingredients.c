/* test-verify-ingredients.c: the Ingredients tree of a file's detail on a real file with
 * nested ingredients (CACAE-uri-CA.jpg of the shared fixtures; skipped without them):
 * each row with its title, its own verdict and its thumbnail decoded in a thread; the
 * component expanded shows its own ingredient; opening that one shows it as its own
 * detail (its title, signer, verdict and ingredients), and Back returns to the file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "cl-test-gui.h"
#include "cl-trust-store.h"
#include "cl-verify-detail.h"


/* The ingredient rows inside widget (not widget itself), depth first. */
static void
collect_rows (GtkWidget *widget,
              GPtrArray *rows)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child)) {
    if (CL_IS_INGREDIENT_ROW (child))
      g_ptr_array_add (rows, child);
    collect_rows (child, rows);
  }
}


static ClIngredientRow *
find_row (GtkWidget  *inside,
          const char *title)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect_rows (inside, rows);
  for (guint i = 0; i < rows->len; i++) {
    ClIngredientRow *row = g_ptr_array_index (rows, i);

    if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), title) == 0)
      return row;
  }
  return NULL;
}


/* Spins the main loop until the thumbnail of row is decoded, or widget is mapped or not
 * as mapped says (revealers and stacks animate), for at most ten seconds. */
static void
wait_for (ClIngredientRow *row,
          GtkWidget       *widget,
          gboolean         mapped)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < deadline &&
         (row != NULL ? cl_ingredient_row_get_thumbnail (row) == NULL
                      : gtk_widget_get_mapped (widget) != mapped)) {
    cl_test_drain_main_context ();
    g_usleep (10 * 1000);
  }
}


static void
test_nested_ingredient (void)
{
  const char *shared = g_getenv ("CREDLINK_SHARED_DIR");
  g_autofree char *path = shared != NULL
    ? g_build_filename (shared, "c2pa-fixtures", "images", "CACAE-uri-CA.jpg", NULL) : NULL;
  ClVerifyOptions options = CL_VERIFY_OPTIONS_INIT;
  g_autoptr(ClVerification) verification = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(ClVerifyItem) item = NULL;
  GtkWidget *window, *scroller;
  ClVerifyDetail *detail, *inner;
  ClIngredientsGroup *group;
  ClIngredientRow *top, *nested, *leaf;

  if (path == NULL || !g_file_test (path, G_FILE_TEST_EXISTS)) {
    g_test_skip ("shared C2PA fixtures not present");
    return;
  }
  verification = cl_verify_file (path, &options, NULL);
  g_assert_no_error (verification->error);
  file = g_file_new_for_path (path);
  item = cl_verify_item_new (file);
  cl_verify_item_set_verification (item, verification);

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 600, 800);
  scroller = gtk_scrolled_window_new ();
  detail = g_object_new (CL_TYPE_VERIFY_DETAIL, NULL);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (detail));
  gtk_window_set_child (GTK_WINDOW (window), scroller);
  cl_verify_detail_set_item (detail, item);
  gtk_window_present (GTK_WINDOW (window));
  cl_test_drain_main_context ();

  /* The file's own ingredient, its own verdict (not the file's Trusted or Invalid), its
   * thumbnail decoded off the main loop, and its own ingredient inside it. */
  group = cl_verify_detail_get_ingredients (detail);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (group)));
  g_assert_cmpuint (cl_ingredients_group_get_n_rows (group), ==, 1);
  top = cl_ingredients_group_get_row (group, 0);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (top)), ==, "CAE-uri-CA.jpg");
  g_assert_cmpint (cl_ingredient_row_get_node (top)->verdict, ==, CL_VERDICT_VALID);
  g_assert_nonnull (g_strstr_len (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (top)), -1,
                                  "Placed component"));
  g_assert_true (adw_expander_row_get_enable_expansion (ADW_EXPANDER_ROW (top)));
  wait_for (top, NULL, FALSE);
  g_assert_nonnull (cl_ingredient_row_get_thumbnail (top));

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (top), TRUE);
  cl_test_drain_main_context ();
  nested = find_row (GTK_WIDGET (top), "E-uri-CA.jpg");
  g_assert_nonnull (nested);
  wait_for (NULL, GTK_WIDGET (nested), TRUE);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (nested)));
  g_assert_cmpint (cl_ingredient_row_get_node (nested)->verdict, ==, CL_VERDICT_INVALID);
  leaf = find_row (GTK_WIDGET (nested), "A.jpg");
  g_assert_nonnull (leaf);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (cl_ingredient_row_get_open_button (leaf))));

  /* Opened: the nested ingredient as a detail of its own. */
  g_assert_null (cl_verify_detail_get_ingredient_detail (detail));
  g_signal_emit_by_name (cl_ingredient_row_get_open_button (nested), "clicked");
  cl_test_drain_main_context ();
  inner = cl_verify_detail_get_ingredient_detail (detail);
  g_assert_nonnull (inner);
  wait_for (NULL, GTK_WIDGET (inner), TRUE);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (inner)));
  g_assert_cmpstr (gtk_label_get_label (cl_verify_detail_get_name_label (inner)), ==, "E-uri-CA.jpg");
  g_assert_cmpstr (cl_signer_group_get_value (cl_verify_detail_get_signer (inner), "Name"), ==,
                   "C2PA Signer");
  g_assert_cmpint (cl_verdict_banner_get_kind (cl_verify_detail_get_banner (inner)), ==,
                   CL_BANNER_INVALID);
  g_assert_cmpuint (cl_ingredients_group_get_n_rows (cl_verify_detail_get_ingredients (inner)), ==, 1);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (
                     cl_ingredients_group_get_row (cl_verify_detail_get_ingredients (inner), 0))),
                   ==, "A.jpg");
  wait_for (NULL, GTK_WIDGET (group), FALSE);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (group)));

  /* Back: the file's own detail again. */
  g_signal_emit_by_name (cl_verify_detail_get_back_button (detail), "clicked");
  cl_test_drain_main_context ();
  g_assert_null (cl_verify_detail_get_ingredient_detail (detail));
  wait_for (NULL, GTK_WIDGET (group), TRUE);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (group)));
  g_assert_cmpstr (gtk_label_get_label (cl_verify_detail_get_name_label (detail)), ==,
                   "CACAE-uri-CA.jpg");

  gtk_window_destroy (GTK_WINDOW (window));
  cl_test_drain_main_context ();
}


int
main (int   argc,
      char *argv[])
{
  g_autoptr(ClTrustStore) no_lists = NULL;
  int rc;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  no_lists = cl_trust_store_new (NULL);
  cl_trust_store_set_default (no_lists);

  g_test_add_func ("/verify-ingredients/nested-ingredient", test_nested_ingredient);

  rc = g_test_run ();
  cl_test_end_worker_threads ();
  return rc;
}
