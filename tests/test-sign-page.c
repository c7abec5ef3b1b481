/* test-sign-page.c: the Sign page end to end — a test identity made with the
 * core API in the test's own profile folder, a JPEG and a PNG written here,
 * signed through the page's "sign.sign" action; the outputs verify as Valid.
 * A wrong passphrase and an expired profile show an error and write nothing;
 * Cancel stops a batch. An image signed in the page leaves its proof in the proof
 * cache, as the CLI's do: a copy stripped of its credentials is recovered from it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <adwaita.h>

#include "cl-asset.h"
#include "cl-proof-cache.h"
#include "cl-signing-profile-store.h"
#include "cl-sign-page.h"
#include "cl-test-identity.h"
#include "cl-test-sign-page.h"
#include "cl-test-tmp.h"
#include "cl-verification.h"

#define PASSPHRASE "correct horse"

static char *work_dir;


static char *
make_image (const char *name,
            const char *type)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 32, 24);
  char *path = g_build_filename (work_dir, name, NULL);
  g_autoptr(GError) error = NULL;

  gdk_pixbuf_fill (pixbuf, 0x3366ccff);
  if (g_str_equal (type, "jpeg"))
    gdk_pixbuf_save (pixbuf, path, type, &error, "quality", "90", NULL);
  else
    gdk_pixbuf_save (pixbuf, path, type, &error, NULL);
  g_assert_no_error (error);
  return path;
}


static void
add_images (ClSignPage  *page,
            const char **paths)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; paths[i] != NULL; i++)
    g_ptr_array_add (files, g_file_new_for_path (paths[i]));
  cl_sign_page_add_files (page, (GFile **) files->pdata, (int) files->len);
  /* Adding the same file again does not list it twice. */
  cl_sign_page_add_files (page, (GFile **) files->pdata, 1);
  cl_test_sign_page_wait_idle (page);
  g_assert_cmpuint (cl_sign_page_get_n_files (page), ==, files->len);
}


static void
set_passphrase (ClSignPage *page,
                const char *passphrase)
{
  /* The page's own entry row (the only AdwPasswordEntryRow in it). */
  GtkWidget *widget = GTK_WIDGET (page);

  while (widget != NULL && !ADW_IS_PASSWORD_ENTRY_ROW (widget)) {
    GtkWidget *next = gtk_widget_get_first_child (widget);

    while (next == NULL && widget != GTK_WIDGET (page)) {
      next = gtk_widget_get_next_sibling (widget);
      if (next == NULL)
        widget = gtk_widget_get_parent (widget);
    }
    widget = next;
  }
  g_assert_nonnull (widget);
  gtk_editable_set_text (GTK_EDITABLE (widget), passphrase);
}


static void
test_sign_two_images (void)
{
  g_autofree char *jpeg = make_image ("harbour.jpg", "jpeg");
  g_autofree char *png = make_image ("council.png", "png");
  g_autofree char *out_dir = g_build_filename (work_dir, "signed", NULL);
  g_autoptr(GFile) out_folder = g_file_new_for_path (out_dir);
  const char *inputs[] = { jpeg, png, NULL };
  GtkWidget *window;
  ClSignPage *page;

  cl_test_sign_page_store_identity ("gui-signer", PASSPHRASE, -1, 365);
  g_assert_cmpint (g_mkdir_with_parents (out_dir, 0700), ==, 0);
  page = cl_test_sign_page_new (&window);

  g_assert_true (cl_sign_page_select_profile (page, "gui-signer"));
  cl_test_sign_page_wait_idle (page);
  /* A test identity only warns that it is not publicly trusted. */
  g_assert_nonnull (strstr (cl_sign_page_get_problems (page), "not publicly trusted"));
  g_assert_null (strstr (cl_sign_page_get_problems (page), "refused"));
  add_images (page, inputs);
  cl_sign_page_set_output_folder (page, out_folder);
  set_passphrase (page, PASSPHRASE);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "sign.sign", NULL));
  g_assert_true (cl_sign_page_get_busy (page));
  cl_test_sign_page_wait_idle (page);
  g_assert_null (cl_sign_page_get_error (page));

  for (guint i = 0; i < 2; i++) {
    ClSignFileRow *row = cl_sign_page_get_file_row (page, i);
    g_autofree char *base = g_path_get_basename (inputs[i]);
    g_autofree char *expected = g_build_filename (out_dir, base, NULL);
    ClVerifyOptions options = CL_VERIFY_OPTIONS_INIT;
    g_autoptr(ClVerification) verification = NULL;

    g_assert_cmpint (cl_sign_file_row_get_state (row), ==, CL_SIGN_FILE_DONE);
    g_assert_cmpstr (cl_sign_file_row_get_detail (row), ==, expected);
    g_assert_true (g_file_test (expected, G_FILE_TEST_IS_REGULAR));
    verification = cl_verify_file (expected, &options, NULL);
    g_assert_cmpint (verification->verdict, ==, CL_VERDICT_VALID);
  }

  /* Signing again: the outputs exist, so each row fails and nothing is replaced. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "sign.sign", NULL));
  cl_test_sign_page_wait_idle (page);
  for (guint i = 0; i < 2; i++)
    g_assert_cmpint (cl_sign_file_row_get_state (cl_sign_page_get_file_row (page, i)), ==,
                     CL_SIGN_FILE_FAILED);

  /* Next to the image (the default): the copy is named …-signed and carries the
   * image's credentials as its parent, so the row says it will be recorded as edited. */
  {
    g_autofree char *again = g_build_filename (out_dir, "harbour.jpg", NULL);
    g_autofree char *next_to = g_build_filename (out_dir, "harbour-signed.jpg", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (again);
    ClSignFileRow *row;

    gtk_widget_activate_action (GTK_WIDGET (page), "sign.remove-file", "u", 1);
    gtk_widget_activate_action (GTK_WIDGET (page), "sign.remove-file", "u", 0);
    g_assert_cmpuint (cl_sign_page_get_n_files (page), ==, 0);
    cl_sign_page_add_files (page, &file, 1);
    cl_sign_page_set_output_folder (page, NULL);
    cl_test_sign_page_wait_idle (page);
    row = cl_sign_page_get_file_row (page, 0);
    g_assert_true (cl_sign_file_row_get_has_credentials (row));
    gtk_widget_activate_action (GTK_WIDGET (page), "sign.sign", NULL);
    cl_test_sign_page_wait_idle (page);
    g_assert_cmpint (cl_sign_file_row_get_state (row), ==, CL_SIGN_FILE_DONE);
    g_assert_cmpstr (cl_sign_file_row_get_detail (row), ==, next_to);
  }
  gtk_window_destroy (GTK_WINDOW (window));
}


static void
collect (GtkWidget *widget,
         GType      type,
         GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, type, found);
}


static AdwMessageDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++) {
    g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

    if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
      return ADW_MESSAGE_DIALOG (window);
  }
  return NULL;
}


/* Create Test Identity… and Remove through the page's actions and dialogs. */
static void
test_create_and_remove_identity (void)
{
  GtkWidget *window;
  ClSignPage *page = cl_test_sign_page_new (&window);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GPtrArray) secrets = g_ptr_array_new ();
  AdwMessageDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "sign.create-identity", NULL));
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  collect (GTK_WIDGET (dialog), ADW_TYPE_PASSWORD_ENTRY_ROW, secrets);
  collect (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, names);
  g_assert_cmpuint (secrets->len, ==, 2);
  gtk_editable_set_text (GTK_EDITABLE (names->pdata[0]), "made-in-dialog");
  /* Too short, then not confirmed: "create" stays disabled. */
  gtk_editable_set_text (GTK_EDITABLE (secrets->pdata[0]), "abc");
  gtk_editable_set_text (GTK_EDITABLE (secrets->pdata[1]), "abc");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "create"));
  gtk_editable_set_text (GTK_EDITABLE (secrets->pdata[0]), PASSPHRASE);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "create"));
  gtk_editable_set_text (GTK_EDITABLE (secrets->pdata[1]), PASSPHRASE);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "create"));
  /* What a click on Create does: the response, then the dialog closes. */
  adw_message_dialog_response (dialog, "create");
  gtk_window_destroy (GTK_WINDOW (dialog));
  cl_test_sign_page_wait_idle (page);
  g_assert_null (find_dialog ());
  /* Stored, listed and chosen. */
  g_assert_cmpstr (cl_sign_page_get_selected_profile (page), ==, "made-in-dialog");

  /* Import… builds its dialog; nothing to import until a certificate file is chosen. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "sign.import", NULL));
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "create"));
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  cl_test_sign_page_wait_idle (page);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "sign.remove-profile", NULL));
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "remove");
  gtk_window_destroy (GTK_WINDOW (dialog));
  cl_test_sign_page_wait_idle (page);
  g_assert_false (cl_sign_page_select_profile (page, "made-in-dialog"));
  g_assert_cmpstr (cl_sign_page_get_selected_profile (page), !=, "made-in-dialog");
  gtk_window_destroy (GTK_WINDOW (window));
}


static void
test_wrong_passphrase_and_expired (void)
{
  g_autofree char *png = make_image ("refused.png", "png");
  g_autofree char *out_dir = g_build_filename (work_dir, "refused", NULL);
  g_autofree char *output = g_build_filename (out_dir, "refused.png", NULL);
  g_autoptr(GFile) out_folder = g_file_new_for_path (out_dir);
  const char *inputs[] = { png, NULL };
  GtkWidget *window;
  ClSignPage *page;

  cl_test_sign_page_store_identity ("gui-valid", PASSPHRASE, -1, 365);
  cl_test_sign_page_store_identity ("gui-expired", PASSPHRASE, -400, -2);
  g_assert_cmpint (g_mkdir_with_parents (out_dir, 0700), ==, 0);
  page = cl_test_sign_page_new (&window);
  add_images (page, inputs);
  cl_sign_page_set_output_folder (page, out_folder);

  /* Wrong passphrase: an error on the page, the image stays unsigned. */
  g_assert_true (cl_sign_page_select_profile (page, "gui-valid"));
  cl_test_sign_page_wait_idle (page);
  set_passphrase (page, "not the passphrase");
  gtk_widget_activate_action (GTK_WIDGET (page), "sign.sign", NULL);
  cl_test_sign_page_wait_idle (page);
  g_assert_nonnull (cl_sign_page_get_error (page));
  g_assert_cmpint (cl_sign_file_row_get_state (cl_sign_page_get_file_row (page, 0)), ==,
                   CL_SIGN_FILE_PENDING);
  g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));

  /* Cancelled before the first image: nothing is written, the image stays pending. */
  set_passphrase (page, PASSPHRASE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "sign.sign", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "sign.cancel", NULL));
  cl_test_sign_page_wait_idle (page);
  g_assert_null (cl_sign_page_get_error (page));
  g_assert_cmpint (cl_sign_file_row_get_state (cl_sign_page_get_file_row (page, 0)), ==,
                   CL_SIGN_FILE_PENDING);
  g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));

  /* Expired: the check lists it as soon as the profile is chosen, and signing is refused
   * even with the right passphrase. */
  g_assert_true (cl_sign_page_select_profile (page, "gui-expired"));
  cl_test_sign_page_wait_idle (page);
  g_assert_null (cl_sign_page_get_error (page));
  g_assert_nonnull (strstr (cl_sign_page_get_problems (page), "refused"));
  set_passphrase (page, PASSPHRASE);
  gtk_widget_activate_action (GTK_WIDGET (page), "sign.sign", NULL);
  cl_test_sign_page_wait_idle (page);
  g_assert_nonnull (cl_sign_page_get_error (page));
  g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
  gtk_window_destroy (GTK_WINDOW (window));
}


/* Whether a row is being signed: the batch is reading its image. */
static gboolean
any_row_signing (ClSignPage *page)
{
  for (guint i = 0; i < cl_sign_page_get_n_files (page); i++) {
    if (cl_sign_file_row_get_state (cl_sign_page_get_file_row (page, i)) == CL_SIGN_FILE_SIGNING)
      return TRUE;
  }
  return FALSE;
}


static gboolean
is_password_entry (GtkWidget     *widget,
                   gconstpointer  data)
{
  return ADW_IS_PASSWORD_ENTRY_ROW (widget);
}


static gboolean
is_progress_bar (GtkWidget     *widget,
                 gconstpointer  data)
{
  return GTK_IS_PROGRESS_BAR (widget);
}


/* A wrong passphrase with two images: the key is unlocked while the images are read (they
 * are being signed before it is known), then nothing is written, both are pending again
 * and the page says in words that the passphrase is wrong, marking its entry. The right
 * one then signs both. */
static void
test_wrong_passphrase_batch (void)
{
  g_autofree char *jpeg = make_image ("wrong-first.jpg", "jpeg");
  g_autofree char *png = make_image ("wrong-second.png", "png");
  g_autofree char *out_dir = g_build_filename (work_dir, "wrong", NULL);
  g_autoptr(GFile) out_folder = g_file_new_for_path (out_dir);
  const char *inputs[] = { jpeg, png, NULL };
  gboolean timed_out = FALSE, read_while_unlocking = FALSE;
  GtkWidget *window, *entry;
  ClSignPage *page;
  guint timeout;

  cl_test_sign_page_store_identity ("gui-wrong", PASSPHRASE, -1, 365);
  g_assert_cmpint (g_mkdir_with_parents (out_dir, 0700), ==, 0);
  page = cl_test_sign_page_new (&window);
  add_images (page, inputs);
  cl_sign_page_set_output_folder (page, out_folder);
  g_assert_true (cl_sign_page_select_profile (page, "gui-wrong"));
  cl_test_sign_page_wait_idle (page);
  entry = cl_test_find_widget (GTK_WIDGET (page), is_password_entry, NULL);
  g_assert_nonnull (entry);

  set_passphrase (page, "not the passphrase");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "sign.sign", NULL));
  timeout = g_timeout_add_seconds (60, cl_test_timeout_cb, &timed_out);
  while (cl_sign_page_get_busy (page) && !timed_out) {
    g_main_context_iteration (NULL, TRUE);
    read_while_unlocking |= any_row_signing (page);
  }
  g_assert_false (timed_out);
  g_source_remove (timeout);
  g_assert_true (read_while_unlocking);
  g_assert_cmpstr (cl_sign_page_get_error (page), ==,
                   "Wrong passphrase for the signing profile \u201cgui-wrong\u201d");
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  /* No progress is shown for a batch that signed nothing. */
  g_assert_false (gtk_widget_get_visible (cl_test_find_widget (GTK_WIDGET (page), is_progress_bar,
                                                               NULL)));
  for (guint i = 0; i < 2; i++) {
    g_autofree char *base = g_path_get_basename (inputs[i]);
    g_autofree char *output = g_build_filename (out_dir, base, NULL);

    g_assert_cmpint (cl_sign_file_row_get_state (cl_sign_page_get_file_row (page, i)), ==,
                     CL_SIGN_FILE_PENDING);
    g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
  }

  set_passphrase (page, PASSPHRASE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "sign.sign", NULL));
  cl_test_sign_page_wait_idle (page);
  g_assert_null (cl_sign_page_get_error (page));
  g_assert_false (gtk_widget_has_css_class (entry, "error"));
  for (guint i = 0; i < 2; i++)
    g_assert_cmpint (cl_sign_file_row_get_state (cl_sign_page_get_file_row (page, i)), ==,
                     CL_SIGN_FILE_DONE);
  gtk_window_destroy (GTK_WINDOW (window));
}


/* Writes a copy of path without the bytes of its manifest store, as a platform that
 * strips metadata does. */
static char *
strip_store (const char *path,
             const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClAssetInfo) info = cl_asset_read_file (path, NULL, &error);
  g_autofree char *contents = NULL;
  g_autoptr(GByteArray) out = g_byte_array_new ();
  char *stripped = g_build_filename (work_dir, name, NULL);
  ClByteRange *range;
  gsize size = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (info->store_ranges->len, ==, 1);
  range = &g_array_index (info->store_ranges, ClByteRange, 0);
  g_assert_true (g_file_get_contents (path, &contents, &size, NULL));
  g_byte_array_append (out, (guint8 *) contents, (guint) range->start);
  g_byte_array_append (out, (guint8 *) contents + range->start + range->length,
                       (guint) (size - range->start - range->length));
  g_assert_true (g_file_set_contents (stripped, (char *) out->data, out->len, NULL));
  return stripped;
}


/* The Sign page records what it signs in the proof cache (the default one, here under
 * this test's XDG_DATA_HOME): the stripped copy of its output is matched to the proof
 * and its credentials recovered. */
static void
test_proof_recorded (void)
{
  g_autofree char *jpeg = make_image ("lighthouse.jpg", "jpeg");
  g_autofree char *out_dir = g_build_filename (work_dir, "proofs-signed", NULL);
  g_autofree char *output = g_build_filename (out_dir, "lighthouse.jpg", NULL);
  g_autoptr(GFile) out_folder = g_file_new_for_path (out_dir);
  const char *inputs[] = { jpeg, NULL };
  ClVerifyOptions options = CL_VERIFY_OPTIONS_INIT;
  g_autoptr(ClVerification) signed_copy = NULL;
  g_autoptr(ClVerification) recovered = NULL;
  g_autoptr(ClProofCache) cache = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stripped = NULL;
  GtkWidget *window;
  ClSignPage *page;

  cl_test_sign_page_store_identity ("proof-signer", PASSPHRASE, -1, 365);
  g_assert_cmpint (g_mkdir_with_parents (out_dir, 0700), ==, 0);
  page = cl_test_sign_page_new (&window);
  g_assert_true (cl_sign_page_select_profile (page, "proof-signer"));
  cl_test_sign_page_wait_idle (page);
  add_images (page, inputs);
  cl_sign_page_set_output_folder (page, out_folder);
  set_passphrase (page, PASSPHRASE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "sign.sign", NULL));
  cl_test_sign_page_wait_idle (page);
  g_assert_null (cl_sign_page_get_error (page));
  g_assert_cmpint (cl_sign_file_row_get_state (cl_sign_page_get_file_row (page, 0)), ==,
                   CL_SIGN_FILE_DONE);
  gtk_window_destroy (GTK_WINDOW (window));

  signed_copy = cl_verify_file (output, &options, NULL);
  g_assert_no_error (signed_copy->error);
  g_assert_cmpint (signed_copy->verdict, ==, CL_VERDICT_VALID);
  stripped = strip_store (output, "lighthouse-stripped.jpg");

  cache = cl_proof_cache_open (NULL, &error);
  g_assert_no_error (error);
  options.use_proof_cache = TRUE;
  options.proof_cache = cache;
  recovered = cl_verify_file (stripped, &options, NULL);
  g_assert_no_error (recovered->error);
  g_assert_true (recovered->recovered);
  g_assert_cmpint (recovered->verdict, ==, CL_VERDICT_VALID);
  g_assert_cmpstr (recovered->report->active_label, ==, signed_copy->report->active_label);
}


int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_dir = NULL;
  g_autofree char *xdg_data = NULL;
  int status;

  work_dir = cl_test_tmp_dir_new ("credlink-sign-page", CL_TEST_TMP_UNTIL_EXIT);
  /* This test's own profile store, untouched by the other tests. */
  data_dir = g_build_filename (work_dir, "data", NULL);
  g_setenv ("CREDLINK_DATA_DIR", data_dir, TRUE);
  /* And its own proof cache (the default one lives under XDG_DATA_HOME). */
  xdg_data = g_build_filename (work_dir, "xdg-data", NULL);
  g_setenv ("XDG_DATA_HOME", xdg_data, TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/sign-page/sign-two-images", test_sign_two_images);
  g_test_add_func ("/sign-page/wrong-passphrase-and-expired", test_wrong_passphrase_and_expired);
  g_test_add_func ("/sign-page/wrong-passphrase-batch", test_wrong_passphrase_batch);
  g_test_add_func ("/sign-page/create-and-remove-identity", test_create_and_remove_identity);
  g_test_add_func ("/sign-page/proof-recorded", test_proof_recorded);
  status = g_test_run ();

  g_free (work_dir);
  return status;
}
