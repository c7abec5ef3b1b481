/* test-history.c: the history page lists the real proof cache, searches it,
 * filters by kind and removes a proof from the database.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "cl-history-page.h"
#include "cl-proof-cache.h"
#include "cl-test-tmp.h"

static void
wait_loaded (ClHistoryPage *page)
{
  do {
    g_main_context_iteration (NULL, TRUE);
  } while (cl_history_page_is_loading (page));
}

static void
add_proof (ClProofCache *cache, ClProofKind kind, const char *name, const char *signer, int n)
{
  g_autoptr(ClProof) proof = cl_proof_new (kind);
  g_autoptr(GError) error = NULL;

  proof->content_hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, name, -1);
  proof->source_name = g_strdup (name);
  proof->signer_subject = g_strdup (signer);
  proof->manifest_label = g_strdup_printf ("urn:c2pa:00000000-0000-4000-8000-%012d", n);
  proof->verdict = CL_PROOF_VERDICT_VALID;
  if (kind == CL_PROOF_KIND_SIGNED)
    proof->manifest_store = g_bytes_new_static ("jumb", 4);
  g_assert_true (cl_proof_cache_store (cache, proof, 30, NULL, &error));
  g_assert_no_error (error);
}

static GtkWidget *
find_by_type (GtkWidget *root, GType type, guint index)
{
  guint seen = 0;
  GtkWidget *stack[256];
  guint top = 0;

  stack[top++] = root;
  while (top > 0) {
    GtkWidget *w = stack[--top];

    if (G_TYPE_CHECK_INSTANCE_TYPE (w, type) && seen++ == index)
      return w;
    for (GtkWidget *c = gtk_widget_get_last_child (w); c != NULL && top < 256;
         c = gtk_widget_get_prev_sibling (c))
      stack[top++] = c;
  }
  return NULL;
}

static void
verify_again_cb (ClHistoryPage *page, GFile *file, gpointer user_data)
{
  g_set_object ((GFile **) user_data, file);
}

/* A proof whose image is still where it was verified can be verified again. */
static void
test_verify_again (void)
{
  g_autofree char *dir = cl_test_tmp_dir_new ("credlink-history", CL_TEST_TMP_UNTIL_CASE_ENDS);
  g_autofree char *db = g_build_filename (dir, "proofs.db", NULL);
  g_autofree char *image = g_build_filename (dir, "kept.jpg", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClProofCache) cache = cl_proof_cache_open (db, &error);
  g_autoptr(ClProof) proof = cl_proof_new (CL_PROOF_KIND_VERIFIED);
  g_autoptr(GFile) asked = NULL;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *page = cl_history_page_new ();
  GtkWidget *again = NULL;

  g_assert_true (g_file_set_contents (image, "\xff\xd8\xff\xd9", 4, NULL));
  proof->content_hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, "kept", -1);
  proof->verdict = CL_PROOF_VERDICT_NO_MANIFEST;
  proof->source_name = g_strdup ("kept.jpg");
  proof->report_json = g_strdup_printf ("{\"path\": \"%s\", \"verdict\": \"no_manifest\"}",
                                        image);
  g_assert_true (cl_proof_cache_store (cache, proof, 30, NULL, &error));

  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  g_signal_connect (page, "verify-again", G_CALLBACK (verify_again_cb), &asked);
  cl_history_page_set_database (CL_HISTORY_PAGE (page), db);
  wait_loaded (CL_HISTORY_PAGE (page));
  for (guint i = 0; (again = find_by_type (page, GTK_TYPE_BUTTON, i)) != NULL; i++) {
    if (g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (again)), "view-refresh-symbolic") == 0)
      break;
  }
  g_assert_nonnull (again);
  g_signal_emit_by_name (again, "clicked");
  g_assert_nonnull (asked);
  g_assert_cmpstr (g_file_peek_path (asked), ==, image);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_history (void)
{
  g_autofree char *dir = cl_test_tmp_dir_new ("credlink-history", CL_TEST_TMP_UNTIL_CASE_ENDS);
  g_autofree char *db = g_build_filename (dir, "proofs.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClProofCache) cache = cl_proof_cache_open (db, &error);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *page = cl_history_page_new ();
  GtkWidget *search, *dropdown, *trash;
  g_autoptr(GPtrArray) left = NULL;
  ClProofFilter all = CL_PROOF_FILTER_INIT;

  g_assert_no_error (error);
  add_proof (cache, CL_PROOF_KIND_VERIFIED, "harbour.jpg", "CN=Agency Photo Desk", 1);
  add_proof (cache, CL_PROOF_KIND_VERIFIED, "council.png", "CN=City Hall", 2);
  add_proof (cache, CL_PROOF_KIND_SIGNED, "portrait.jpg", "CN=Jane Doe", 3);

  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  cl_history_page_set_database (CL_HISTORY_PAGE (page), db);
  wait_loaded (CL_HISTORY_PAGE (page));
  g_assert_cmpuint (cl_history_page_get_n_shown (CL_HISTORY_PAGE (page)), ==, 3);

  search = find_by_type (page, GTK_TYPE_SEARCH_ENTRY, 0);
  gtk_editable_set_text (GTK_EDITABLE (search), "City Hall");
  g_signal_emit_by_name (search, "search-changed");
  wait_loaded (CL_HISTORY_PAGE (page));
  g_assert_cmpuint (cl_history_page_get_n_shown (CL_HISTORY_PAGE (page)), ==, 1);
  gtk_editable_set_text (GTK_EDITABLE (search), "");
  g_signal_emit_by_name (search, "search-changed");
  wait_loaded (CL_HISTORY_PAGE (page));

  dropdown = find_by_type (page, GTK_TYPE_DROP_DOWN, 0);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), 1);   /* Signed */
  wait_loaded (CL_HISTORY_PAGE (page));
  g_assert_cmpuint (cl_history_page_get_n_shown (CL_HISTORY_PAGE (page)), ==, 1);

  /* Remove the one signed proof: gone from the page and from the database. */
  for (guint i = 0; (trash = find_by_type (page, GTK_TYPE_BUTTON, i)) != NULL; i++) {
    if (g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (trash)), "user-trash-symbolic") == 0)
      break;
  }
  g_assert_nonnull (trash);
  g_signal_emit_by_name (trash, "clicked");
  wait_loaded (CL_HISTORY_PAGE (page));
  g_assert_cmpuint (cl_history_page_get_n_shown (CL_HISTORY_PAGE (page)), ==, 0);
  left = cl_proof_cache_list (cache, &all, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (left->len, ==, 2);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add_func ("/history/list-search-filter-remove", test_history);
  g_test_add_func ("/history/verify-again", test_verify_again);
  return g_test_run ();
}
