/* test-sign-page-token.c: a signing profile whose key stays on a PKCS#11 token, made from
 * the Sign page — Add Token Key… opens the dialog, the SoftHSM2 module made in set-up
 * lists its token, a wrong PIN is said in words and lists no key, the right one lists the
 * token's key; the profile is stored (where the key is, never the PIN), chosen, and signs
 * an image with the PIN that validates here and in the reference reader, with the token's
 * own certificate or a chain chosen from a PEM file (then embedded with its intermediate).
 * Skips when SoftHSM2 is not installed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <adwaita.h>

#include "cl-signing-profile-store.h"
#include "cl-sign-page.h"
#include "cl-sign-token-dialog.h"
#include "cl-status-codes.h"
#include "cl-test-gui.h"
#include "cl-test-pki.h"
#include "cl-test-sign-page.h"
#include "cl-test-sign-util.h"
#include "cl-test-softhsm.h"
#include "cl-test-tmp.h"
#include "cl-validator.h"

#define TOKEN_LABEL "Photo Card"
#define KEY_LABEL   "studio-key"
#define USER_PIN    "pin-4410-card"

static char *work_dir;
static char *module_path;
static char *chain_path;


static gboolean
dialog_busy (gpointer dialog)
{
  return cl_sign_token_dialog_get_busy (dialog);
}


static gboolean
is_row_titled (GtkWidget     *widget,
               gconstpointer  title)
{
  return ADW_IS_PREFERENCES_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}


static gboolean
is_label_saying (GtkWidget     *widget,
                 gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget) &&
         strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL;
}


static gboolean
is_password_row (GtkWidget     *widget,
                 gconstpointer  data)
{
  return ADW_IS_PASSWORD_ENTRY_ROW (widget);
}


static GtkWidget *
row (GtkWidget  *dialog,
     const char *title)
{
  GtkWidget *found = cl_test_find_widget (dialog, is_row_titled, title);

  g_assert_nonnull (found);
  return found;
}


static const char *
combo_text (GtkWidget *combo)
{
  GListModel *model = adw_combo_row_get_model (ADW_COMBO_ROW (combo));
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (combo));

  if (model == NULL || selected >= g_list_model_get_n_items (model))
    return NULL;
  return gtk_string_list_get_string (GTK_STRING_LIST (model), selected);
}


static ClSignTokenDialog *
find_token_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* GTK's own */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++) {
    g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

    if (CL_IS_SIGN_TOKEN_DIALOG (window))
      return CL_SIGN_TOKEN_DIALOG (window);
  }
  return NULL;
}


static void
enter_pin (ClSignTokenDialog *dialog,
           const char        *pin)
{
  GtkWidget *pin_row = row (GTK_WIDGET (dialog), "_PIN of the Token");

  gtk_editable_set_text (GTK_EDITABLE (pin_row), pin);
  g_signal_emit_by_name (pin_row, "apply");
  cl_test_wait_while (dialog_busy, dialog);
}


/* The profile's files say where the key is and hold no PIN. */
static void
assert_profile_stored (const char *name)
{
  g_autofree char *root = cl_signing_profile_store_default_root ();
  g_autofree char *dir = g_build_filename (root, name, NULL);
  g_autofree char *token_json = g_build_filename (dir, "token.json", NULL);
  g_autoptr(GDir) files = g_dir_open (dir, 0, NULL);
  const char *entry;

  g_assert_nonnull (files);
  g_assert_true (cl_test_file_contains (token_json, module_path));
  g_assert_true (cl_test_file_contains (token_json, TOKEN_LABEL));
  g_assert_true (cl_test_file_contains (token_json, KEY_LABEL));
  while ((entry = g_dir_read_name (files)) != NULL) {
    g_autofree char *path = g_build_filename (dir, entry, NULL);

    g_assert_false (cl_test_file_contains (path, USER_PIN));
  }
}


static gboolean
page_has_file (ClSignPage *page)
{
  return cl_sign_page_get_n_files (page) > 0;
}


/* Makes the profile name in the dialog, with chain (NULL: the token's certificate); a wrong
 * PIN is tried first when try_wrong_pin. The page chooses it. */
static void
create_in_dialog (ClSignPage *page,
                  const char *name,
                  const char *chain,
                  gboolean    try_wrong_pin)
{
  ClSignTokenDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "sign.add-token", NULL));
  dialog = find_token_dialog ();
  g_assert_nonnull (dialog);
  cl_sign_token_dialog_set_module (dialog, module_path);
  cl_test_wait_while (dialog_busy, dialog);
  g_assert_cmpstr (combo_text (row (GTK_WIDGET (dialog), "_Driver")), ==, module_path);
  g_assert_cmpstr (combo_text (row (GTK_WIDGET (dialog), "_Token")), ==, TOKEN_LABEL);
  gtk_editable_set_text (GTK_EDITABLE (row (GTK_WIDGET (dialog), "Profile _Name")), name);
  if (chain != NULL)
    cl_sign_token_dialog_set_chain (dialog, chain);

  /* A wrong PIN lists no key and says why. */
  if (try_wrong_pin) {
    enter_pin (dialog, "0000-wrong");
    g_assert_nonnull (cl_test_find_widget (GTK_WIDGET (dialog), is_label_saying, "Wrong PIN"));
    g_assert_null (combo_text (row (GTK_WIDGET (dialog), "_Key")));
    g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog),
                                                             "create"));
  }
  enter_pin (dialog, USER_PIN);
  g_assert_cmpstr (combo_text (row (GTK_WIDGET (dialog), "_Key")), ==, KEY_LABEL);
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog),
                                                          "create"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "create");
  gtk_window_destroy (GTK_WINDOW (dialog));
  cl_test_wait_while (cl_test_sign_page_busy, page);
  g_assert_cmpstr (cl_sign_page_get_selected_profile (page), ==, name);
  assert_profile_stored (name);
}


/* Signs an image with the chosen profile and its PIN; the output is valid with
 * n_certificates in its chain. */
static void
sign_with_pin (ClSignPage *page,
               const char *name,
               guint       n_certificates)
{
  g_autofree char *image_name = g_strconcat (name, ".jpg", NULL);
  g_autofree char *input = cl_test_make_image (work_dir, image_name, "jpeg", 64, 48);
  g_autofree char *out_dir = g_build_filename (work_dir, "signed", NULL);
  g_autofree char *output = g_build_filename (out_dir, image_name, NULL);
  g_autoptr(GFile) input_file = g_file_new_for_path (input);
  g_autoptr(GFile) folder = g_file_new_for_path (out_dir);
  g_autoptr(ClValidationReport) report = NULL;
  GtkWidget *password;

  g_assert_cmpint (g_mkdir_with_parents (out_dir, 0700), ==, 0);
  while (page_has_file (page))
    gtk_widget_activate_action (GTK_WIDGET (page), "sign.remove-file", "u", 0);
  cl_sign_page_add_files (page, &input_file, 1);
  cl_sign_page_set_output_folder (page, folder);
  /* The PIN is asked like a passphrase. */
  password = cl_test_find_widget (GTK_WIDGET (page), is_password_row, NULL);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (password)), ==,
                   "_PIN of the token");
  gtk_editable_set_text (GTK_EDITABLE (password), USER_PIN);
  cl_test_wait_while (cl_test_sign_page_busy, page);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "sign.sign", NULL));
  cl_test_wait_while (cl_test_sign_page_busy, page);
  g_assert_null (cl_sign_page_get_error (page));
  g_assert_cmpint (cl_sign_file_row_get_state (cl_sign_page_get_file_row (page, 0)), ==,
                   CL_SIGN_FILE_DONE);
  cl_test_assert_valid_untrusted (output, CL_CODE_ASSERTION_DATA_HASH_MATCH);
  report = cl_validator_verify_file (output, NULL, NULL, NULL);
  g_assert_nonnull (report);
  g_assert_cmpuint (report->x5chain->len, ==, n_certificates);
}


static void
test_create_and_sign (void)
{
  GtkWidget *window;
  ClSignPage *page;

  if (module_path == NULL) {
    g_test_skip ("SoftHSM2 (softhsm2-util and its module) is not installed");
    return;
  }
  page = CL_SIGN_PAGE (cl_sign_page_new ());
  window = gtk_window_new ();
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  gtk_window_present (GTK_WINDOW (window));
  cl_test_wait_while (cl_test_sign_page_busy, page);

  /* The token's own certificate: the leaf alone. */
  create_in_dialog (page, "card-key", NULL, TRUE);
  sign_with_pin (page, "card-key", 1);
  /* A chain from a PEM file: the leaf and its intermediate (the root is never embedded). */
  create_in_dialog (page, "card-chain", chain_path, FALSE);
  sign_with_pin (page, "card-chain", 2);
  gtk_window_destroy (GTK_WINDOW (window));
}


int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_dir = NULL;
  ClTestPki *pki = NULL;
  int status;

  work_dir = cl_test_tmp_dir_new ("credlink-sign-page-token", CL_TEST_TMP_UNTIL_EXIT);
  data_dir = g_build_filename (work_dir, "data", NULL);
  g_setenv ("CREDLINK_DATA_DIR", data_dir, TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  module_path = cl_test_softhsm_find_module ();
  if (module_path != NULL) {
    static const ClTestTokenSpec spec = { TOKEN_LABEL, USER_PIN, "so-8812-card", KEY_LABEL,
                                          "5a17" };

    pki = cl_test_pki_new (NULL, NULL);
    chain_path = g_build_filename (work_dir, "chain.pem", NULL);
    cl_test_write_pem (chain_path, pki->signer, pki->intermediate, pki->root, NULL);
    if (!cl_test_softhsm_make_token (module_path, work_dir, &spec, pki->signer, TRUE))
      g_clear_pointer (&module_path, g_free);
  }

  g_test_add_func ("/sign-page-token/create-and-sign", test_create_and_sign);
  status = g_test_run ();
  cl_test_end_worker_threads ();
  g_clear_pointer (&pki, cl_test_pki_free);
  g_free (module_path);
  g_free (chain_path);
  g_free (work_dir);
  return status;
}
