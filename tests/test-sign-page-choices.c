/* test-sign-page-choices.c: the Sign page's Generative AI row — "Generated with AI"
 * disables the Action row and signs a c2pa.created with trainedAlgorithmicMedia, "Edited
 * with AI tools" adds a c2pa.edited with compositeWithTrainedAlgorithmicMedia; the images
 * are signed through the page's "sign.sign" action and verify as Valid — and its Privacy
 * group, which lists what the listed images and the profile disclose (an Exif GPS
 * position written here, the signer certificate) as images come and go, and whose "Remove
 * the GPS position" switch takes the position out of the signed copy.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <adwaita.h>

#include "cl-privacy-preflight.h"
#include "cl-signing-profile-store.h"
#include "cl-sign-page.h"
#include "cl-sign-privacy-group.h"
#include "cl-test-identity.h"
#include "cl-test-sign-page.h"
#include "cl-test-tmp.h"
#include "cl-verification.h"

#define PASSPHRASE "correct horse"
#define IPTC "http://cv.iptc.org/newscodes/digitalsourcetype/"

static char *work_dir;


static gboolean
is_row_titled (GtkWidget     *widget,
               gconstpointer  title)
{
  return ADW_IS_COMBO_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}


static gboolean
is_privacy_group (GtkWidget     *widget,
                  gconstpointer  data)
{
  return CL_IS_SIGN_PRIVACY_GROUP (widget);
}


static gboolean
is_switch_row (GtkWidget     *widget,
               gconstpointer  title)
{
  return ADW_IS_ACTION_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}


static gboolean
is_switch (GtkWidget     *widget,
           gconstpointer  data)
{
  return GTK_IS_SWITCH (widget);
}


static gboolean
is_password_row (GtkWidget     *widget,
                 gconstpointer  data)
{
  return ADW_IS_PASSWORD_ENTRY_ROW (widget);
}


static char *
make_image (const char *name)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 32, 24);
  char *path = g_build_filename (work_dir, name, NULL);
  g_autoptr(GError) error = NULL;

  gdk_pixbuf_fill (pixbuf, 0x88aa44ff);
  gdk_pixbuf_save (pixbuf, path, "jpeg", &error, "quality", "90", NULL);
  g_assert_no_error (error);
  return path;
}


/* A JPEG with an Exif APP1 holding only a GPS IFD: 48°51'30.13" N, 2°17'40.2" E. */
static char *
make_gps_image (const char *name)
{
  static const guint8 tiff[] = {
    'I', 'I', 42, 0, 8, 0, 0, 0,
    1, 0, 0x25, 0x88, 4, 0, 1, 0, 0, 0, 26, 0, 0, 0, 0, 0, 0, 0,      /* IFD0: GPS at 26 */
    4, 0,                                                             /* GPS IFD at 26 */
    1, 0, 2, 0, 2, 0, 0, 0, 'N', 0, 0, 0,
    2, 0, 5, 0, 3, 0, 0, 0, 80, 0, 0, 0,
    3, 0, 2, 0, 2, 0, 0, 0, 'E', 0, 0, 0,
    4, 0, 5, 0, 3, 0, 0, 0, 104, 0, 0, 0,
    0, 0, 0, 0,
    48, 0, 0, 0, 1, 0, 0, 0, 51, 0, 0, 0, 1, 0, 0, 0, 0xC5, 0x0B, 0, 0, 100, 0, 0, 0,
    2, 0, 0, 0, 1, 0, 0, 0, 17, 0, 0, 0, 1, 0, 0, 0, 0x92, 0x01, 0, 0, 10, 0, 0, 0,
  };
  g_autofree char *plain_name = g_strconcat ("plain-", name, NULL);
  g_autofree char *plain = make_image (plain_name);
  g_autofree char *contents = NULL;
  g_autoptr(GByteArray) out = g_byte_array_new ();
  guint8 header[10] = { 0xFF, 0xE1, 0, 2 + 6 + sizeof tiff, 'E', 'x', 'i', 'f', 0, 0 };
  char *path = g_build_filename (work_dir, name, NULL);
  gsize len;

  G_STATIC_ASSERT (sizeof tiff == 128);
  g_assert_true (g_file_get_contents (plain, &contents, &len, NULL));
  g_byte_array_append (out, (const guint8 *) contents, 2);
  g_byte_array_append (out, header, sizeof header);
  g_byte_array_append (out, tiff, sizeof tiff);
  g_byte_array_append (out, (const guint8 *) contents + 2, len - 2);
  g_assert_true (g_file_set_contents (path, (const char *) out->data, out->len, NULL));
  return path;
}


static gboolean
file_contains (const char *path,
               const char *text)
{
  g_autofree char *contents = NULL;
  gsize len, text_len = strlen (text);

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  for (gsize i = 0; i + text_len <= len; i++) {
    if (memcmp (contents + i, text, text_len) == 0)
      return TRUE;
  }
  return FALSE;
}


/* Signs input through the page into out_dir; the output verifies as Valid. */
static char *
sign_through_page (ClSignPage *page,
                   const char *input,
                   const char *out_dir)
{
  g_autoptr(GFile) file = g_file_new_for_path (input);
  g_autoptr(GFile) folder = g_file_new_for_path (out_dir);
  g_autofree char *base = g_path_get_basename (input);
  char *output = g_build_filename (out_dir, base, NULL);
  ClVerifyOptions options = CL_VERIFY_OPTIONS_INIT;
  g_autoptr(ClVerification) verification = NULL;

  while (cl_sign_page_get_n_files (page) > 0)
    gtk_widget_activate_action (GTK_WIDGET (page), "sign.remove-file", "u", 0);
  cl_sign_page_add_files (page, &file, 1);
  cl_sign_page_set_output_folder (page, folder);
  cl_test_sign_page_wait_idle (page);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "sign.sign", NULL));
  cl_test_sign_page_wait_idle (page);
  g_assert_null (cl_sign_page_get_error (page));
  g_assert_cmpint (cl_sign_file_row_get_state (cl_sign_page_get_file_row (page, 0)), ==,
                   CL_SIGN_FILE_DONE);
  verification = cl_verify_file (output, &options, NULL);
  g_assert_cmpint (verification->verdict, ==, CL_VERDICT_VALID);
  return output;
}


static void
test_ai_row (void)
{
  g_autofree char *generated_in = make_image ("generated.jpg");
  g_autofree char *edited_in = make_image ("edited.jpg");
  g_autofree char *out_dir = g_build_filename (work_dir, "signed", NULL);
  g_autofree char *generated = NULL;
  g_autofree char *edited = NULL;
  AdwComboRow *ai_row, *source_row;
  GtkWidget *password, *window;
  ClSignPage *page;

  cl_test_sign_page_store_identity ("Jane Doe", PASSPHRASE, -1, 30);
  g_assert_cmpint (g_mkdir_with_parents (out_dir, 0700), ==, 0);
  page = cl_test_sign_page_new (&window);
  g_assert_true (cl_sign_page_select_profile (page, "Jane Doe"));
  cl_test_sign_page_wait_idle (page);
  password = cl_test_find_widget (GTK_WIDGET (page), is_password_row, NULL);
  g_assert_nonnull (password);
  gtk_editable_set_text (GTK_EDITABLE (password), PASSPHRASE);

  ai_row = ADW_COMBO_ROW (cl_test_find_widget (GTK_WIDGET (page), is_row_titled, "G_enerative AI"));
  source_row = ADW_COMBO_ROW (cl_test_find_widget (GTK_WIDGET (page), is_row_titled, "A_ction"));
  g_assert_nonnull (ai_row);
  g_assert_nonnull (source_row);
  g_assert_cmpuint (adw_combo_row_get_selected (ai_row), ==, 0);     /* off by default */
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (source_row)));

  /* Generated with AI: the source type is the model's, the Action row has no say. */
  adw_combo_row_set_selected (ai_row, 1);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (source_row)));
  generated = sign_through_page (page, generated_in, out_dir);
  g_assert_true (file_contains (generated, IPTC "trainedAlgorithmicMedia"));
  g_assert_false (file_contains (generated, IPTC "digitalCapture"));
  g_assert_false (file_contains (generated, "c2pa.edited"));

  /* Edited with AI tools: captured, then edited with AI. */
  adw_combo_row_set_selected (ai_row, 2);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (source_row)));
  edited = sign_through_page (page, edited_in, out_dir);
  g_assert_true (file_contains (edited, IPTC "digitalCapture"));
  g_assert_true (file_contains (edited, "c2pa.edited"));
  g_assert_true (file_contains (edited, IPTC "compositeWithTrainedAlgorithmicMedia"));
  /* The signer's name is the test identity's, spaces included. */
  g_assert_true (file_contains (edited, "Jane Doe"));

  gtk_window_destroy (GTK_WINDOW (window));
}


/* Spins until the Privacy group has checked what it was given. */
static char *
privacy_summary (ClSignPage *page)
{
  ClSignPrivacyGroup *group = CL_SIGN_PRIVACY_GROUP (cl_test_find_widget (GTK_WIDGET (page),
                                                                  is_privacy_group, NULL));

  cl_test_sign_page_wait_idle (page);
  while (cl_sign_privacy_group_get_busy (group))
    g_main_context_iteration (NULL, TRUE);
  return cl_sign_privacy_group_dup_summary (group);
}


static void
test_privacy_group (void)
{
  g_autofree char *gps = make_gps_image ("gps.jpg");
  g_autofree char *plain = make_image ("no-gps.jpg");
  g_autoptr(GFile) gps_file = g_file_new_for_path (gps);
  g_autoptr(GFile) plain_file = g_file_new_for_path (plain);
  g_autofree char *empty = NULL;
  g_autofree char *one = NULL;
  g_autofree char *two = NULL;
  g_autofree char *none = NULL;
  GtkWidget *window;
  ClSignPage *page;

  cl_test_sign_page_store_identity ("Ann Example", PASSPHRASE, -1, 30);
  page = cl_test_sign_page_new (&window);
  g_assert_true (cl_sign_page_select_profile (page, "Ann Example"));
  empty = privacy_summary (page);
  g_assert_cmpstr (empty, ==, "");

  cl_sign_page_add_files (page, &gps_file, 1);
  one = privacy_summary (page);
  g_assert_nonnull (strstr (one, "GPS position (Exif): 48.858369° N, 2.294500° E\n"));
  g_assert_nonnull (strstr (one, "Signer certificate: "));
  g_assert_nonnull (strstr (one, "CN=Ann Example\n"));

  cl_sign_page_add_files (page, &plain_file, 1);
  two = privacy_summary (page);
  g_assert_nonnull (strstr (two, "GPS position (Exif): In 1 of 2 images\n"));

  gtk_widget_activate_action (GTK_WIDGET (page), "sign.remove-file", "u", 0);
  none = privacy_summary (page);
  g_assert_null (strstr (none, "GPS position"));
  g_assert_nonnull (strstr (none, "Nothing personal found in their Exif or XMP"));
  gtk_window_destroy (GTK_WINDOW (window));
}


/* The "Remove the GPS position" switch, off by default: turned on, the group says the
 * position will be removed, and the signed copy has none and says so in its actions. */
static void
test_remove_gps_switch (void)
{
  g_autofree char *gps = make_gps_image ("remove-gps.jpg");
  g_autofree char *out_dir = g_build_filename (work_dir, "removed", NULL);
  g_autoptr(GFile) gps_file = g_file_new_for_path (gps);
  g_autofree char *kept = NULL;
  g_autofree char *removed = NULL;
  g_autofree char *signed_copy = NULL;
  g_autoptr(GPtrArray) disclosures = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *window, *row, *password;
  GtkSwitch *remove_switch;
  ClSignPage *page;

  g_assert_cmpint (g_mkdir_with_parents (out_dir, 0700), ==, 0);
  cl_test_sign_page_store_identity ("Bea Example", PASSPHRASE, -1, 30);
  page = cl_test_sign_page_new (&window);
  g_assert_true (cl_sign_page_select_profile (page, "Bea Example"));
  password = cl_test_find_widget (GTK_WIDGET (page), is_password_row, NULL);
  gtk_editable_set_text (GTK_EDITABLE (password), PASSPHRASE);
  cl_sign_page_add_files (page, &gps_file, 1);
  kept = privacy_summary (page);
  g_assert_nonnull (strstr (kept, "GPS position (Exif): 48.858369° N, 2.294500° E\n"));

  row = cl_test_find_widget (GTK_WIDGET (page), is_switch_row, "Remove the GPS position");
  g_assert_nonnull (row);
  remove_switch = GTK_SWITCH (cl_test_find_widget (row, is_switch, NULL));
  g_assert_false (gtk_switch_get_active (remove_switch));
  gtk_switch_set_active (remove_switch, TRUE);
  removed = privacy_summary (page);
  g_assert_nonnull (strstr (removed, "GPS position (Exif): Removed from the signed copy: "
                                     "48.858369° N, 2.294500° E\n"));

  signed_copy = sign_through_page (page, gps, out_dir);
  g_assert_true (file_contains (signed_copy, "c2pa.edited.metadata"));
  disclosures = cl_privacy_preflight (signed_copy, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < disclosures->len; i++)
    g_assert_cmpint (((ClDisclosure *) g_ptr_array_index (disclosures, i))->kind, !=,
                     CL_DISCLOSURE_GPS);
  gtk_window_destroy (GTK_WINDOW (window));
}


int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_dir = NULL;
  int status;

  work_dir = cl_test_tmp_dir_new ("credlink-sign-page-choices", CL_TEST_TMP_UNTIL_EXIT);
  data_dir = g_build_filename (work_dir, "data", NULL);
  g_setenv ("CREDLINK_DATA_DIR", data_dir, TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/sign-page-choices/ai-row", test_ai_row);
  g_test_add_func ("/sign-page-choices/privacy-group", test_privacy_group);
  g_test_add_func ("/sign-page-choices/remove-gps-switch", test_remove_gps_switch);
  status = g_test_run ();
  g_free (work_dir);
  return status;
}
