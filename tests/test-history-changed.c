/* test-history-changed.c: a trust list removed while the window is open; the
 * history verifies itself again, says what flipped, and the "Changed" filter
 * shows that entry alone (real signatures, real proof cache, real window).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <adwaita.h>

#include "cl-proof-cache.h"
#include "cl-signer.h"
#include "cl-test-gui.h"
#include "cl-test-history.h"
#include "cl-test-pki.h"
#include "cl-test-sign-util.h"
#include "cl-test-tmp.h"
#include "cl-trust-list-fetch.h"
#include "cl-verification.h"
#include "cl-window.h"

static void
wait_settled (ClHistoryPage *page)
{
  do {
    g_main_context_iteration (NULL, TRUE);
  } while (cl_history_page_is_rechecking (page) || cl_history_page_is_loading (page));
  cl_test_drain_main_context ();
}

static void
summary_cb (ClHistoryPage *page,
            const char    *summary,
            gpointer       user_data)
{
  g_free (*(char **) user_data);
  *(char **) user_data = g_strdup (summary);
}

static GtkWidget *
find_by_type (GtkWidget *root,
              GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child)) {
    GtkWidget *found;

    if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
      return child;
    if ((found = find_by_type (child, type)) != NULL)
      return found;
  }
  return NULL;
}

static void
test_list_removed (void)
{
  g_autofree char *dir = cl_test_tmp_dir_new ("credlink-history-changed",
                                              CL_TEST_TMP_UNTIL_CASE_ENDS);
  g_autofree char *db = g_build_filename (dir, "proofs.db", NULL);
  g_autofree char *trust_dir = g_build_filename (dir, "trust", NULL);
  g_autofree char *root_pem = g_build_filename (dir, "newsroom.pem", NULL);
  g_autoptr(ClTestPki) newsroom = cl_test_pki_new (NULL, NULL);
  g_autoptr(ClTestPki) stranger = cl_test_pki_new (NULL, NULL);
  g_autofree char *trusted = cl_test_history_sign_image (newsroom, "history-signer", dir,
                                                         "newsroom.jpg");
  g_autofree char *untrusted = cl_test_history_sign_image (stranger, "history-signer", dir,
                                                           "stranger.jpg");
  g_autoptr(ClTrustList) list = NULL;
  g_autoptr(ClTrustStore) with_list = NULL;
  g_autoptr(ClTrustStore) without_list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  ClWindow *window;
  ClHistoryPage *page;
  GtkWidget *row;

  cl_test_write_pem (root_pem, newsroom->root, NULL);
  list = cl_trust_list_new_from_files ("newsroom", CL_TRUST_LIST_KIND_USER, root_pem, NULL, NULL,
                                       &error);
  g_assert_no_error (error);
  g_assert_true (cl_trust_list_install (list, trust_dir, &error));
  with_list = cl_trust_store_load (trust_dir, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cl_test_history_verify_into (trusted, db, with_list), ==,
                   CL_VERDICT_TRUSTED);
  g_assert_cmpint (cl_test_history_verify_into (untrusted, db, with_list), ==,
                   CL_VERDICT_VALID);
  cl_trust_store_set_default (with_list);

  window = cl_window_new (NULL);
  page = cl_window_get_history_page (window);
  g_signal_connect (page, "verdicts-changed", G_CALLBACK (summary_cb), &summary);
  gtk_window_present (GTK_WINDOW (window));
  cl_history_page_set_database (page, db);
  wait_settled (page);
  g_assert_cmpuint (cl_history_page_get_n_shown (page), ==, 2);

  /* The list goes away: the history checks itself again. */
  g_assert_true (cl_trust_store_remove_list (trust_dir, "newsroom", &error));
  without_list = cl_trust_store_load (trust_dir, &error);
  g_assert_no_error (error);
  cl_trust_store_set_default (without_list);
  /* The watch runs from the main loop, the re-check after a short quiet time. */
  g_assert_false (cl_history_page_is_rechecking (page));
  cl_test_drain_main_context ();
  g_assert_true (cl_history_page_is_rechecking (page));
  wait_settled (page);
  g_assert_cmpstr (summary, ==,
                   "1 image changed: newsroom.jpg (Trusted → Valid — signer not on your "
                   "trust lists)");

  /* The toast's button shows the Changed filter: the flipped entry alone. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-changed", NULL));
  wait_settled (page);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (
                      find_by_type (GTK_WIDGET (page), GTK_TYPE_DROP_DOWN))), ==, 3);
  g_assert_cmpuint (cl_history_page_get_n_shown (page), ==, 1);
  row = find_by_type (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "newsroom.jpg");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                            "changed, was Trusted"));

  gtk_window_destroy (GTK_WINDOW (window));
  cl_test_drain_main_context ();
  cl_trust_store_set_default (NULL);
}

int
main (int   argc,
      char *argv[])
{
  int rc;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/history-changed/list-removed", test_list_removed);

  rc = g_test_run ();
  cl_test_end_worker_threads ();
  return rc;
}
