/* test-sign-page-identity.c: who the Sign page says made an image — two images signed in
 * one batch, one given its own title and author through its row's dialog, the other its
 * own title only, each output's manifest carrying its own (the author it was not given
 * is the batch's); and the identity row, off by default, which once switched on to a
 * second stored profile adds a CAWG X.509 identity assertion naming the photographer,
 * valid here and in the reference reader when it is installed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <adwaita.h>

#include "cl-identity-report.h"
#include "cl-signing-profile-store.h"
#include "cl-sign-identity-row.h"
#include "cl-sign-image-details-dialog.h"
#include "cl-sign-page.h"
#include "cl-sign-profile-group.h"
#include "cl-status-codes.h"
#include "cl-test-c2pa.h"
#include "cl-test-gui.h"
#include "cl-test-identity.h"
#include "cl-test-sign-page.h"
#include "cl-test-sign-util.h"
#include "cl-test-tmp.h"
#include "cl-validator.h"

#define PASSPHRASE   "correct horse"
#define SIGNER       "Studio Signer"
#define PHOTOGRAPHER "Jane Photographer"

static char *work_dir;


static gboolean
is_entry_titled (GtkWidget     *widget,
                 gconstpointer  title)
{
  return ADW_IS_ENTRY_ROW (widget) && !ADW_IS_PASSWORD_ENTRY_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}


static gboolean
is_password_row (GtkWidget     *widget,
                 gconstpointer  data)
{
  return ADW_IS_PASSWORD_ENTRY_ROW (widget);
}


static gboolean
is_identity_row (GtkWidget     *widget,
                 gconstpointer  data)
{
  return CL_IS_SIGN_IDENTITY_ROW (widget);
}


static gboolean
is_profile_group (GtkWidget     *widget,
                  gconstpointer  data)
{
  return CL_IS_SIGN_PROFILE_GROUP (widget);
}


static gboolean
is_button_described (GtkWidget     *widget,
                     gconstpointer  tooltip)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0;
}


static void
set_field (GtkWidget  *root,
           const char *title,
           const char *text)
{
  GtkWidget *row = cl_test_find_widget (root, is_entry_titled, title);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}


/* A page in a window, SIGNER chosen and unlocked with its passphrase, signing into out_dir. */
static ClSignPage *
new_page (GtkWidget  **window,
          const char  *out_dir)
{
  ClSignPage *page = CL_SIGN_PAGE (cl_sign_page_new ());
  g_autoptr(GFile) folder = g_file_new_for_path (out_dir);
  GtkWidget *password;

  g_assert_cmpint (g_mkdir_with_parents (out_dir, 0700), ==, 0);
  *window = gtk_window_new ();
  gtk_window_set_child (GTK_WINDOW (*window), GTK_WIDGET (page));
  gtk_window_present (GTK_WINDOW (*window));
  cl_test_sign_page_wait_idle (page);
  g_assert_true (cl_sign_page_select_profile (page, SIGNER));
  cl_test_sign_page_wait_idle (page);
  password = cl_test_find_widget (GTK_WIDGET (page), is_password_row, NULL);
  g_assert_nonnull (password);
  gtk_editable_set_text (GTK_EDITABLE (password), PASSPHRASE);
  cl_sign_page_set_output_folder (page, folder);
  return page;
}


static void
add_image (ClSignPage *page,
           const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  cl_sign_page_add_files (page, &file, 1);
  cl_test_sign_page_wait_idle (page);
}


/* Signs the listed images; the page reports no error. */
static void
sign_all (ClSignPage *page)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "sign.sign", NULL));
  cl_test_sign_page_wait_idle (page);
  g_assert_null (cl_sign_page_get_error (page));
}


static ClValidationReport *
validate (const char *path)
{
  g_autoptr(GError) error = NULL;
  ClValidationReport *report = cl_validator_verify_file (path, NULL, NULL, &error);

  g_assert_no_error (error);
  return report;
}


/* The active manifest's title and its CreativeWork author. */
static void
read_title_author (const char  *path,
                   char       **title,
                   char       **author)
{
  g_autoptr(ClValidationReport) report = validate (path);
  ClManifestReport *active = cl_validation_report_get_active (report);
  JsonArray *assertions;

  g_assert_nonnull (active);
  g_assert_cmpint (report->state, ==, CL_VALIDATION_STATE_VALID);
  *title = g_strdup (active->title);
  *author = NULL;
  assertions = json_node_get_array (active->assertions);
  for (guint i = 0; i < json_array_get_length (assertions); i++) {
    JsonObject *assertion = json_array_get_object_element (assertions, i);
    JsonObject *work;
    JsonArray *people;

    if (g_strcmp0 (json_object_get_string_member (assertion, "label"),
                   "stds.schema-org.CreativeWork") != 0)
      continue;
    work = json_object_get_object_member (assertion, "data");
    people = json_object_get_array_member (work, "author");
    g_assert_cmpuint (json_array_get_length (people), ==, 1);
    *author = g_strdup (json_object_get_string_member (
      json_array_get_object_element (people, 0), "name"));
  }
}


static GtkWidget *
find_details_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* GTK's own */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++) {
    g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

    if (CL_IS_SIGN_IMAGE_DETAILS_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
      return GTK_WIDGET (window);
  }
  return NULL;
}


static void
test_per_image_details (void)
{
  g_autofree char *harbour = cl_test_make_image (work_dir, "harbour.jpg", "jpeg", 48, 32);
  g_autofree char *market = cl_test_make_image (work_dir, "market.jpg", "jpeg", 48, 32);
  g_autofree char *out_dir = g_build_filename (work_dir, "details", NULL);
  g_autofree char *harbour_out = g_build_filename (out_dir, "harbour.jpg", NULL);
  g_autofree char *market_out = g_build_filename (out_dir, "market.jpg", NULL);
  g_autofree char *title = NULL;
  g_autofree char *author = NULL;
  ClSignFileRow *row;
  GtkWidget *window, *edit, *dialog;
  ClSignPage *page = new_page (&window, out_dir);

  set_field (GTK_WIDGET (page), "_Title", "Batch Title");
  set_field (GTK_WIDGET (page), "A_uthor", "Batch Author");
  add_image (page, harbour);
  add_image (page, market);

  /* The first image's own title and author, through its row's dialog. */
  row = cl_sign_page_get_file_row (page, 0);
  g_assert_null (cl_sign_file_row_get_title (row));
  edit = cl_test_find_widget (GTK_WIDGET (row), is_button_described, "Title and Author of This Image");
  g_assert_nonnull (edit);
  g_signal_emit_by_name (edit, "clicked");
  dialog = find_details_dialog ();
  g_assert_nonnull (dialog);
  set_field (dialog, "_Title", "Harbour at Dawn");
  set_field (dialog, "_Author", "  Ann Lee ");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "save");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpstr (cl_sign_file_row_get_title (row), ==, "Harbour at Dawn");
  g_assert_cmpstr (cl_sign_file_row_get_author (row), ==, "Ann Lee");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "Title: Harbour at Dawn · Author: Ann Lee");
  /* The second its own title only: its author is the batch's. */
  cl_sign_file_row_set_details (cl_sign_page_get_file_row (page, 1), "Market Street", NULL);

  sign_all (page);
  read_title_author (harbour_out, &title, &author);
  g_assert_cmpstr (title, ==, "Harbour at Dawn");
  g_assert_cmpstr (author, ==, "Ann Lee");
  g_clear_pointer (&title, g_free);
  g_clear_pointer (&author, g_free);
  read_title_author (market_out, &title, &author);
  g_assert_cmpstr (title, ==, "Market Street");
  g_assert_cmpstr (author, ==, "Batch Author");
  gtk_window_destroy (GTK_WINDOW (window));
}


/* Neither certificate chains to a trust anchor here: those are the only failures. */
static gboolean
is_tolerated_failure (const char *code)
{
  return g_str_equal (code, CL_CODE_SIGNING_CREDENTIAL_UNTRUSTED) ||
         g_str_equal (code, CL_CODE_CAWG_X509_CREDENTIAL_UNTRUSTED);
}


/* The output is Valid with the photographer named by a validated identity assertion, here
 * and in the reference reader. */
static void
assert_identity_valid (const char *path)
{
  g_autoptr(ClValidationReport) report = validate (path);
  g_autofree char *oracle = cl_test_oracle_path ();
  g_auto(GStrv) failures = cl_validation_report_dup_failure_codes (report);
  ClManifestReport *active = cl_validation_report_get_active (report);
  ClIdentityReport *identity;

  g_assert_cmpint (report->state, ==, CL_VALIDATION_STATE_VALID);
  g_assert_true (cl_test_report_has_code (report, CL_CODE_CLAIM_SIGNATURE_VALIDATED));
  g_assert_true (cl_test_report_has_code (report, CL_CODE_CAWG_IDENTITY_WELL_FORMED));
  g_assert_true (cl_test_report_has_code (report, CL_CODE_CAWG_X509_SIGNATURE_VALIDATED));
  for (guint i = 0; failures[i] != NULL; i++)
    g_assert_true (is_tolerated_failure (failures[i]));
  g_assert_cmpuint (active->identities->len, ==, 1);
  identity = g_ptr_array_index (active->identities, 0);
  g_assert_cmpstr (identity->cert_common_name, ==, PHOTOGRAPHER);
  g_assert_cmpstr (active->sig_common_name, ==, SIGNER);
  if (oracle != NULL) {
    g_autoptr(JsonObject) reference = cl_test_oracle_read (oracle, path, NULL);
    JsonArray *reference_failures = json_object_get_array_member (
      json_object_get_object_member (reference, "codes"), "failure");

    g_assert_cmpstr (json_object_get_string_member (reference, "validation_state"), ==,
                     "Valid");
    for (guint i = 0; i < json_array_get_length (reference_failures); i++)
      g_assert_true (is_tolerated_failure (json_array_get_string_element (reference_failures,
                                                                            i)));
    g_assert_true (cl_test_oracle_has (reference, "success",
                                       CL_CODE_CAWG_X509_SIGNATURE_VALIDATED));
  }
}


static void
test_identity_row (void)
{
  g_autofree char *plain = cl_test_make_image (work_dir, "plain.jpg", "jpeg", 48, 32);
  g_autofree char *portrait = cl_test_make_image (work_dir, "portrait.jpg", "jpeg", 48, 32);
  g_autofree char *out_dir = g_build_filename (work_dir, "identity", NULL);
  g_autofree char *plain_out = g_build_filename (out_dir, "plain.jpg", NULL);
  g_autofree char *portrait_out = g_build_filename (out_dir, "portrait.jpg", NULL);
  g_autoptr(GtkStringList) no_profiles = NULL;
  GtkWidget *window, *identity_password;
  ClSignProfileGroup *group;
  ClSignPage *page = new_page (&window, out_dir);
  ClSignIdentityRow *identity = CL_SIGN_IDENTITY_ROW (cl_test_find_widget (GTK_WIDGET (page),
                                                                   is_identity_row, NULL));

  /* Off by default: the claim's signer alone. */
  g_assert_nonnull (identity);
  g_assert_null (cl_sign_identity_row_get_selected (identity));
  add_image (page, plain);
  sign_all (page);
  cl_test_assert_valid_untrusted (plain_out, CL_CODE_ASSERTION_DATA_HASH_MATCH);
  g_assert_false (cl_test_file_contains (plain_out, "cawg.identity"));

  gtk_widget_activate_action (GTK_WIDGET (page), "sign.remove-file", "u", 0);
  add_image (page, portrait);

  /* Switched on with no profile to name: refused, not signed without it. */
  no_profiles = gtk_string_list_new (NULL);
  cl_sign_identity_row_set_profiles (identity, G_LIST_MODEL (no_profiles));
  adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (identity), TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "sign.sign", NULL));
  cl_test_sign_page_wait_idle (page);
  g_assert_nonnull (cl_sign_page_get_error (page));
  g_assert_nonnull (strstr (cl_sign_page_get_error (page), "switch the identity off"));
  g_assert_false (g_file_test (portrait_out, G_FILE_TEST_EXISTS));
  group = CL_SIGN_PROFILE_GROUP (cl_test_find_widget (GTK_WIDGET (page), is_profile_group, NULL));
  cl_sign_identity_row_set_profiles (identity, cl_sign_profile_group_get_names (group));
  g_assert_false (cl_sign_identity_row_select (identity, "No Such Profile"));
  g_assert_true (cl_sign_identity_row_select (identity, PHOTOGRAPHER));
  g_assert_cmpstr (cl_sign_identity_row_get_selected (identity), ==, PHOTOGRAPHER);

  /* Its passphrase is asked for, and nothing is signed without it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "sign.sign", NULL));
  cl_test_sign_page_wait_idle (page);
  g_assert_nonnull (cl_sign_page_get_error (page));
  g_assert_nonnull (strstr (cl_sign_page_get_error (page), PHOTOGRAPHER));
  g_assert_false (g_file_test (portrait_out, G_FILE_TEST_EXISTS));

  identity_password = cl_test_find_widget (GTK_WIDGET (identity), is_password_row, NULL);
  g_assert_nonnull (identity_password);
  gtk_editable_set_text (GTK_EDITABLE (identity_password), "wrong horse");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "sign.sign", NULL));
  cl_test_sign_page_wait_idle (page);
  g_assert_nonnull (cl_sign_page_get_error (page));
  g_assert_false (g_file_test (portrait_out, G_FILE_TEST_EXISTS));

  gtk_editable_set_text (GTK_EDITABLE (identity_password), PASSPHRASE);
  sign_all (page);
  g_assert_cmpint (cl_sign_file_row_get_state (cl_sign_page_get_file_row (page, 0)), ==,
                   CL_SIGN_FILE_DONE);
  g_assert_true (cl_test_file_contains (portrait_out, "cawg.identity"));
  assert_identity_valid (portrait_out);
  gtk_window_destroy (GTK_WINDOW (window));
}


int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_dir = NULL;
  int status;

  work_dir = cl_test_tmp_dir_new ("credlink-sign-page-identity", CL_TEST_TMP_UNTIL_EXIT);
  data_dir = g_build_filename (work_dir, "data", NULL);
  g_setenv ("CREDLINK_DATA_DIR", data_dir, TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  cl_test_sign_page_store_identity (SIGNER, PASSPHRASE, -1, 30);
  cl_test_sign_page_store_identity (PHOTOGRAPHER, PASSPHRASE, -1, 30);

  g_test_add_func ("/sign-page-identity/per-image-details", test_per_image_details);
  g_test_add_func ("/sign-page-identity/identity-row", test_identity_row);
  status = g_test_run ();
  cl_test_end_worker_threads ();
  g_free (work_dir);
  return status;
}
