/* cl-test-keyboard-sign.c: the Sign page walked with the keyboard alone, from the main
 * window to a signed copy: Alt+2, the profile chosen from its list, Sign, the passphrase
 * it asks for typed and confirmed with Return. The identities are made here with the core
 * API `credlink-cli profile create-test` uses, in the program's scratch data folder.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cl-test-gui.h"
#include "cl-test-keyboard.h"
#include "cl-test-sign-page.h"
#include "cl-test-tmp.h"
#include "cl-verification.h"

/* The two identities of the walk: the first listed is chosen when the page opens, the
 * walk chooses the other (each has its own passphrase, so signing proves which). */
#define FIRST_SIGNER      "Desk Signer"
#define FIRST_PASSPHRASE  "desk passphrase"
#define CHOSEN_SIGNER     "Keyboard Signer"
#define CHOSEN_PASSPHRASE "correct horse"

/* What typing text does in the focused entry: each character goes in at the cursor, as
 * GtkText inserts what the input method commits. */
static void
type_text (GtkWindow  *window,
           const char *text)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  g_assert_true (GTK_IS_EDITABLE (focus));
  for (const char *c = text; *c != '\0'; c = g_utf8_next_char (c)) {
    int position = gtk_editable_get_position (GTK_EDITABLE (focus));

    gtk_editable_insert_text (GTK_EDITABLE (focus), c, (int) (g_utf8_next_char (c) - c),
                              &position);
    gtk_editable_set_position (GTK_EDITABLE (focus), position);
  }
  cl_test_drain_main_context ();
}

static gboolean
is_in_combo_row (GtkWidget *focus)
{
  return gtk_widget_get_ancestor (focus, ADW_TYPE_COMBO_ROW) != NULL;
}

static gboolean
is_sign_button (GtkWidget *focus)
{
  return GTK_IS_BUTTON (focus) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (focus)), "sign.sign") == 0;
}

static gboolean
is_in_password_row (GtkWidget *focus)
{
  return gtk_widget_get_ancestor (focus, ADW_TYPE_PASSWORD_ENTRY_ROW) != NULL;
}

/* A 32 × 24 JPEG to sign, in dir. */
static char *
write_image (const char *dir)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 32, 24);
  char *path = g_build_filename (dir, "harbour.jpg", NULL);
  g_autoptr(GError) error = NULL;

  gdk_pixbuf_fill (pixbuf, 0x3366ccff);
  gdk_pixbuf_save (pixbuf, path, "jpeg", &error, "quality", "90", NULL);
  g_assert_no_error (error);
  return path;
}

static void
remove_identity (const char *name)
{
  g_autofree char *root = cl_signing_profile_store_default_root ();
  g_autoptr(GError) error = NULL;

  cl_signing_profile_store_remove (root, name, &error);
  g_assert_no_error (error);
}

/* The profile list is open: Down to the next profile, Return chooses it. */
static void
choose_next_profile (GtkWindow *window)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  g_assert_nonnull (focus);
  g_assert_true (GTK_IS_POPOVER (gtk_widget_get_native (focus)));
  cl_test_move_focus (window, GDK_KEY_Down, 0);
  cl_test_press_key (window, GDK_KEY_Return, 0);
}

/* The signed copy the page reports for its first image: written, and Valid (a test
 * identity is not trusted, so not Trusted). */
static void
assert_signed (ClSignPage *page)
{
  ClSignFileRow *row = cl_sign_page_get_file_row (page, 0);
  const char *output = cl_sign_file_row_get_detail (row);
  ClVerifyOptions options = CL_VERIFY_OPTIONS_INIT;
  g_autoptr(ClVerification) verification = NULL;

  g_assert_null (cl_sign_page_get_error (page));
  g_assert_cmpint (cl_sign_file_row_get_state (row), ==, CL_SIGN_FILE_DONE);
  g_assert_true (g_file_test (output, G_FILE_TEST_IS_REGULAR));
  verification = cl_verify_file (output, &options, NULL);
  g_assert_cmpint (verification->verdict, ==, CL_VERDICT_VALID);
}

void
cl_test_keyboard_sign (int width)
{
  g_autofree char *dir = cl_test_tmp_dir_new ("credlink-a11y-sign", CL_TEST_TMP_UNTIL_CASE_ENDS);
  g_autofree char *image = write_image (dir);
  g_autoptr(GFile) file = g_file_new_for_path (image);
  ClWindow *window;
  GtkWindow *gtk_window;
  ClSignPage *page;
  GtkWidget *focus;

  cl_test_sign_page_store_identity (FIRST_SIGNER, FIRST_PASSPHRASE, -1, 365);
  cl_test_sign_page_store_identity (CHOSEN_SIGNER, CHOSEN_PASSPHRASE, -1, 365);
  window = cl_window_new (NULL);
  gtk_window = GTK_WINDOW (window);
  page = cl_window_get_sign_page (window);
  gtk_window_set_default_size (gtk_window, width, 720);
  gtk_window_present (gtk_window);
  /* The image comes through the page's API: the file chooser cannot be driven here. */
  cl_sign_page_add_files (page, &file, 1);
  cl_test_sign_page_wait_idle (page);
  g_assert_cmpstr (cl_sign_page_get_selected_profile (page), ==, FIRST_SIGNER);

  /* Alt+2: the Sign page, from the Verify page the window opens on. */
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (page)));
  cl_test_press_key (gtk_window, GDK_KEY_2, GDK_ALT_MASK);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page)));

  /* Tab to the profile, Return opens the list, Down and Return choose the second. */
  focus = cl_test_tab_to (gtk_window, is_in_combo_row);
  g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (page)));
  cl_test_press_key (gtk_window, GDK_KEY_Return, 0);
  choose_next_profile (gtk_window);
  cl_test_sign_page_wait_idle (page);
  g_assert_cmpstr (cl_sign_page_get_selected_profile (page), ==, CHOSEN_SIGNER);
  /* The list closed, the focus is back on the profile row. */
  g_assert_true (is_in_combo_row (gtk_root_get_focus (GTK_ROOT (window))));
  cl_test_assert_focus_visible (gtk_window, "Return in the profile list");

  /* Tab to Sign, Return: the page asks for the passphrase by moving the focus to it. */
  cl_test_tab_to (gtk_window, is_sign_button);
  cl_test_press_key (gtk_window, GDK_KEY_Return, 0);
  g_assert_nonnull (cl_sign_page_get_error (page));
  g_assert_true (is_in_password_row (gtk_root_get_focus (GTK_ROOT (window))));
  cl_test_assert_focus_visible (gtk_window, "Return on Sign");

  /* Typed, and Return signs. */
  type_text (gtk_window, CHOSEN_PASSPHRASE);
  cl_test_press_key (gtk_window, GDK_KEY_Return, 0);
  cl_test_sign_page_wait_idle (page);
  assert_signed (page);
  /* The focus is still where the user left it, in sight. */
  g_assert_true (is_in_password_row (gtk_root_get_focus (GTK_ROOT (window))));
  cl_test_assert_focus_visible (gtk_window, "Return in the passphrase");

  cl_test_destroy_all_windows ();
  remove_identity (FIRST_SIGNER);
  remove_identity (CHOSEN_SIGNER);
}

void
cl_test_keyboard_use_scratch_data (void)
{
  g_autofree char *dir = cl_test_tmp_dir_new ("credlink-keyboard-data", CL_TEST_TMP_UNTIL_EXIT);
  g_autofree char *data = g_build_filename (dir, "data", NULL);
  g_autofree char *xdg_data = g_build_filename (dir, "xdg-data", NULL);

  g_setenv ("CREDLINK_DATA_DIR", data, TRUE);
  g_setenv ("XDG_DATA_HOME", xdg_data, TRUE);
}
