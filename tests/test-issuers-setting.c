/* test-issuers-setting.c: the trusted identity issuers of Preferences reach the Verify
 * page. A JPEG whose identity assertion (CAWG identity claims aggregation) was issued by a
 * did:jwk made here is verified with no list (its issuer is untrusted), then with a list
 * naming that DID set through the Preferences window's group (the issuer's credential is
 * then valid, and the row names the file and counts its issuers), then cleared with the
 * row's Clear button.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <adwaita.h>

#include "cl-ica-issuers-group.h"
#include "cl-preferences-window.h"
#include "cl-status-codes.h"
#include "cl-test-c2pa.h"
#include "cl-test-gui.h"
#include "cl-test-ica-jpeg.h"
#include "cl-test-pki.h"
#include "cl-test-tmp.h"
#include "cl-trust-store.h"
#include "cl-verify-page.h"

#define SETTINGS_KEY "ica-issuers-file"


static GtkWidget *
find_type (GtkWidget *root,
           GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child)) {
    GtkWidget *found;

    if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
      return child;
    found = find_type (child, type);
    if (found != NULL)
      return found;
  }
  return NULL;
}


static GtkWidget *
find_button (GtkWidget  *root,
             const char *icon_name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child)) {
    GtkWidget *found;

    if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (child)), icon_name) == 0)
      return child;
    found = find_button (child, icon_name);
    if (found != NULL)
      return found;
  }
  return NULL;
}


static gboolean
timed_out_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}


/* Spins until the page has verified its files, or the group has read its file (within
 * 60 s); one of them is NULL. */
static void
wait_for (ClVerifyPage      *page,
          ClIcaIssuersGroup *group)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (60, timed_out_cb, &timed_out);

  while (!timed_out && (page != NULL ? cl_verify_page_is_busy (page)
                                     : cl_ica_issuers_group_is_loading (group)))
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (id);
  cl_test_drain_main_context ();
}


/* Verifies path on a fresh Verify page; returns its report. */
static ClValidationReport *
verify_on_page (const char *path)
{
  GtkWidget *window = gtk_window_new ();
  ClVerifyPage *page = g_object_new (CL_TYPE_VERIFY_PAGE, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ClVerifyItem) item = NULL;
  ClVerification *v;
  ClValidationReport *report;

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  gtk_window_present (GTK_WINDOW (window));
  cl_verify_page_add_files (page, &file, 1);
  wait_for (page, NULL);
  item = g_list_model_get_item (cl_verify_page_get_items (page), 0);
  v = cl_verify_item_get_verification (item);
  g_assert_nonnull (v);
  g_assert_no_error (v->error);
  report = cl_validation_report_ref (v->report);
  gtk_window_destroy (GTK_WINDOW (window));
  cl_test_drain_main_context ();
  return report;
}


static void
test_trusted_issuer (void)
{
  g_autoptr(ClTestPki) pki = cl_test_pki_new (NULL, NULL);
  g_autoptr(EVP_PKEY) key = cl_test_ed25519_new ();
  g_autofree char *did = cl_test_ica_did_jwk (key);
  g_autoptr(GBytes) jpeg = cl_test_ica_jpeg_new (pki, key, did, CL_TEST_ICA_GOOD);
  g_autofree char *dir = cl_test_tmp_dir_new ("credlink-issuers", CL_TEST_TMP_UNTIL_CASE_ENDS);
  g_autofree char *path = g_build_filename (dir, "identity.jpg", NULL);
  g_autofree char *list = g_build_filename (dir, "newsroom-issuers.txt", NULL);
  g_autofree char *text = g_strdup_printf ("# identity issuers we trust\n%s\n", did);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(ClValidationReport) before = NULL, after = NULL;
  g_autofree char *cleared = NULL;
  GtkWidget *prefs, *clear;
  ClIcaIssuersGroup *group;

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (jpeg, NULL),
                                      (gssize) g_bytes_get_size (jpeg), NULL));
  g_assert_true (g_file_set_contents (list, text, -1, NULL));

  before = verify_on_page (path);
  g_assert_true (cl_test_report_has_code (before, CL_CODE_CAWG_ICA_UNTRUSTED_ISSUER));
  g_assert_false (cl_test_report_has_code (before, CL_CODE_CAWG_ICA_CREDENTIAL_VALID));

  prefs = GTK_WIDGET (cl_preferences_window_new (NULL));
  gtk_window_present (GTK_WINDOW (prefs));
  group = CL_ICA_ISSUERS_GROUP (find_type (prefs, CL_TYPE_ICA_ISSUERS_GROUP));
  g_assert_nonnull (group);
  g_assert_nonnull (strstr (cl_ica_issuers_group_get_summary (group), "untrusted"));
  g_settings_set_string (settings, SETTINGS_KEY, list);
  wait_for (NULL, group);
  g_assert_cmpstr (cl_ica_issuers_group_get_summary (group), ==, "newsroom-issuers.txt: 1 issuer");

  after = verify_on_page (path);
  g_assert_true (cl_test_report_has_code (after, CL_CODE_CAWG_ICA_CREDENTIAL_VALID));
  g_assert_false (cl_test_report_has_code (after, CL_CODE_CAWG_ICA_UNTRUSTED_ISSUER));

  /* A line that is not a DID: the row says so. */
  g_assert_true (g_file_set_contents (list, "newsroom.example\n", -1, NULL));
  g_settings_set_string (settings, SETTINGS_KEY, "");
  g_settings_set_string (settings, SETTINGS_KEY, list);
  wait_for (NULL, group);
  g_assert_nonnull (strstr (cl_ica_issuers_group_get_summary (group), "Line 1"));

  clear = find_button (GTK_WIDGET (group), "edit-clear-symbolic");
  g_assert_nonnull (clear);
  g_assert_true (gtk_widget_get_sensitive (clear));
  g_signal_emit_by_name (clear, "clicked");
  cleared = g_settings_get_string (settings, SETTINGS_KEY);
  g_assert_cmpstr (cleared, ==, "");
  g_assert_false (gtk_widget_get_sensitive (clear));
  g_assert_nonnull (strstr (cl_ica_issuers_group_get_summary (group), "untrusted"));
  gtk_window_destroy (GTK_WINDOW (prefs));
  cl_test_drain_main_context ();
}


int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = cl_test_tmp_dir_new ("credlink-issuers-setting", CL_TEST_TMP_UNTIL_EXIT);
  g_autoptr(ClTrustStore) no_lists = NULL;
  int rc;

  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  no_lists = cl_trust_store_new (NULL);
  cl_trust_store_set_default (no_lists);

  g_test_add_func ("/issuers-setting/trusted-issuer", test_trusted_issuer);
  rc = g_test_run ();
  cl_test_end_worker_threads ();
  return rc;
}
