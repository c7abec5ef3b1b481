/* test-verify-summary.c: the verify detail's Copy Summary button puts the citeable
 * summary on the clipboard (read back here), and the list's thumbnail and an
 * ingredient's thumbnail of a JPEG stored sideways with an EXIF orientation (made in
 * set-up) are upright: taller than wide.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <adwaita.h>

#include "cl-cite-summary.h"
#include "cl-ingredients-group.h"
#include "cl-test-c2pa.h"
#include "cl-test-gui.h"
#include "cl-test-pki.h"
#include "cl-test-tmp.h"
#include "cl-trust-store.h"
#include "cl-window.h"

static gboolean
timed_out_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}


/* Spins until *done is set (or 60 s pass: a failure). */
static void
wait_for (const gboolean *done)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (60, timed_out_cb, &timed_out);

  while (!*done && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (id);
}


static gboolean
page_idle (ClVerifyPage *page)
{
  return !cl_verify_page_is_busy (page);
}


static void
wait_until_idle (ClVerifyPage *page)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (60, timed_out_cb, &timed_out);

  while (!page_idle (page) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (id);
  cl_test_drain_main_context ();
}


static ClVerifyItem *
find_item (ClVerifyPage *page,
           const char   *name,
           guint        *position)
{
  GListModel *items = cl_verify_page_get_items (page);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++) {
    g_autoptr(ClVerifyItem) item = g_list_model_get_item (items, i);

    if (g_strcmp0 (cl_verify_item_get_name (item), name) == 0) {
      if (position != NULL)
        *position = i;
      return item;   /* the list keeps it */
    }
  }
  g_assert_not_reached ();
}


/* The button under widget whose action is action_name, or NULL. */
static GtkWidget *
find_action_button (GtkWidget  *widget,
                    const char *action_name)
{
  if (GTK_IS_BUTTON (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child)) {
    GtkWidget *found = find_action_button (child, action_name);

    if (found != NULL)
      return found;
  }
  return NULL;
}


typedef struct {
  gboolean  done;
  char     *text;
} ClipboardRead;


static void
text_read_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  ClipboardRead *read = user_data;
  g_autoptr(GError) error = NULL;

  read->text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);
  g_assert_no_error (error);
  read->done = TRUE;
}


/* A signed file with a pixel byte changed after signing. */
static char *
write_tampered (void)
{
  g_autoptr(ClTestPki) pki = cl_test_pki_new (NULL, NULL);
  g_autoptr(ClTestSigner) signer = g_new0 (ClTestSigner, 1);
  g_autoptr(ClTestSignedJpeg) jpeg = NULL;
  g_autofree guint8 *bytes = NULL;
  g_autoptr(GBytes) tampered = NULL;
  gsize len;

  signer->key = pki->signer->key;
  EVP_PKEY_up_ref (signer->key);
  signer->cert = X509_dup (pki->signer->cert);
  signer->cert_der = cl_test_cred_der (pki->signer);
  jpeg = cl_test_signed_jpeg_new (signer);
  len = g_bytes_get_size (jpeg->file);
  bytes = g_memdup2 (g_bytes_get_data (jpeg->file, NULL), len);
  bytes[jpeg->pixel_offset] ^= 0x01;
  tampered = g_bytes_new (bytes, len);
  return cl_test_write_temp (tampered, "tampered.jpg");
}


static void
test_copy_summary (void)
{
  g_autofree char *path = write_tampered ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  ClWindow *window = cl_window_new (NULL);
  ClVerifyPage *page = cl_window_get_verify_page (window);
  ClVerifyDetail *detail = cl_verify_page_get_detail (page);
  GFile *files[] = { file };
  ClipboardRead read = { FALSE, NULL };
  g_autoptr(ClCiteSummary) summary = NULL;
  g_autofree char *expected = NULL;
  GtkWidget *button;
  ClVerifyItem *item;
  guint position = 0;

  gtk_window_present (GTK_WINDOW (window));
  cl_verify_page_add_files (page, files, 1);
  wait_until_idle (page);
  item = find_item (page, "tampered.jpg", &position);
  cl_verify_page_select (page, position);
  cl_test_drain_main_context ();
  g_assert_true (cl_verify_detail_get_item (detail) == item);

  button = find_action_button (GTK_WIDGET (detail), "detail.copy-summary");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  /* "clicked" at once ("activate" shows the button pressed and clicks it after a pause). */
  g_signal_emit_by_name (button, "clicked");
  cl_test_drain_main_context ();

  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (detail)), NULL,
                                 text_read_cb, &read);
  wait_for (&read.done);
  summary = cl_cite_summary_new (cl_verify_item_get_verification (item), NULL);
  expected = cl_cite_summary_to_text (summary);
  g_assert_cmpstr (read.text, ==, expected);
  g_assert_true (g_str_has_prefix (read.text, "Content Credentials: Invalid\n"));
  g_assert_nonnull (strstr (read.text, "Nothing below is"));
  g_assert_nonnull (strstr (read.text, "File: tampered.jpg"));
  g_free (read.text);

  gtk_window_destroy (GTK_WINDOW (window));
  cl_test_drain_main_context ();
}


/* A 64 × 32 JPEG with an EXIF APP1 after its SOI: Orientation (0x0112) 6, stored turned
 * a quarter to the left, to be shown turned right, so 32 wide and 64 high. */
static GBytes *
turned_jpeg (void)
{
  static const guint8 app1[] = {
    0xFF, 0xE1, 0, 34,
    'E', 'x', 'i', 'f', 0, 0,
    'M', 'M', 0, 42, 0, 0, 0, 8,
    0, 1,
    0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0,
    0, 0, 0, 0,
  };
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 64, 32);
  g_autofree char *jpeg = NULL;
  g_autoptr(GByteArray) file = g_byte_array_new ();
  g_autoptr(GError) error = NULL;
  gsize jpeg_len = 0;

  gdk_pixbuf_fill (pixbuf, 0x336699ff);
  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &jpeg, &jpeg_len, "jpeg", &error,
                                            "quality", "90", NULL));
  g_assert_no_error (error);
  g_byte_array_append (file, (const guint8 *) jpeg, 2);
  g_byte_array_append (file, app1, sizeof app1);
  g_byte_array_append (file, (const guint8 *) jpeg + 2, jpeg_len - 2);
  return g_byte_array_free_to_bytes (g_steal_pointer (&file));
}


static char *
write_turned_jpeg (void)
{
  g_autoptr(GBytes) bytes = turned_jpeg ();

  return cl_test_write_temp (bytes, "turned.jpg");
}


static void
thumbnail_cb (GObject    *item,
              GParamSpec *pspec,
              gpointer    user_data)
{
  *(gboolean *) user_data = cl_verify_item_get_thumbnail (CL_VERIFY_ITEM (item)) != NULL;
}


static void
test_thumbnail_oriented (void)
{
  g_autofree char *path = write_turned_jpeg ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  ClWindow *window = cl_window_new (NULL);
  ClVerifyPage *page = cl_window_get_verify_page (window);
  GFile *files[] = { file };
  gboolean has_thumbnail = FALSE;
  ClVerifyItem *item;
  GdkTexture *texture;

  gtk_window_present (GTK_WINDOW (window));
  cl_verify_page_add_files (page, files, 1);
  wait_until_idle (page);
  item = find_item (page, "turned.jpg", NULL);
  g_signal_connect (item, "notify::thumbnail", G_CALLBACK (thumbnail_cb), &has_thumbnail);
  has_thumbnail = cl_verify_item_get_thumbnail (item) != NULL;
  wait_for (&has_thumbnail);
  g_signal_handlers_disconnect_by_func (item, thumbnail_cb, &has_thumbnail);
  texture = cl_verify_item_get_thumbnail (item);
  /* Scaled up to fit 96 px, turned upright. */
  g_test_message ("thumbnail %d × %d", gdk_texture_get_width (texture),
                  gdk_texture_get_height (texture));
  g_assert_cmpint (gdk_texture_get_width (texture), ==, 48);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, 96);

  gtk_window_destroy (GTK_WINDOW (window));
  cl_test_drain_main_context ();
}


/* The first image under widget that shows a paintable, or NULL. */
static GtkImage *
find_image (GtkWidget *widget)
{
  if (GTK_IS_IMAGE (widget) && gtk_image_get_paintable (GTK_IMAGE (widget)) != NULL)
    return GTK_IMAGE (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child)) {
    GtkImage *found = find_image (child);

    if (found != NULL)
      return found;
  }
  return NULL;
}


/* An ingredient whose embedded thumbnail is a JPEG stored sideways: shown upright. */
static void
test_ingredient_thumbnail_oriented (void)
{
  GtkWidget *window = gtk_window_new ();
  ClIngredientsGroup *group = g_object_new (CL_TYPE_INGREDIENTS_GROUP, NULL);
  ClVerification verification = { 0 };
  ClValidationReport *report = cl_validation_report_new ();
  ClManifestReport *manifest = cl_manifest_report_new ();
  g_autoptr(GError) error = NULL;
  GdkPaintable *paintable;
  GtkImage *image;
  gint64 until;

  manifest->label = g_strdup ("urn:c2pa:turned");
  manifest->ingredients = json_from_string (
    "[{\"title\": \"turned.jpg\", \"relationship\": \"parentOf\", \"label\": \"c2pa.ingredient\"}]",
    &error);
  g_assert_no_error (error);
  g_ptr_array_add (manifest->ingredient_thumbnails, turned_jpeg ());
  report->has_manifest = TRUE;
  report->active_label = g_strdup (manifest->label);
  g_ptr_array_add (report->manifests, manifest);
  verification.report = report;

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (group));
  gtk_window_present (GTK_WINDOW (window));
  cl_ingredients_group_set_verification (group, &verification);
  g_assert_cmpuint (cl_ingredients_group_get_n_rows (group), ==, 1);
  /* The row decodes its thumbnail in a thread. */
  until = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while ((image = find_image (GTK_WIDGET (group))) == NULL && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
  g_assert_nonnull (image);
  paintable = gtk_image_get_paintable (image);
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (paintable), ==, 32);
  g_assert_cmpint (gdk_paintable_get_intrinsic_height (paintable), ==, 64);

  cl_ingredients_group_set_verification (group, NULL);
  gtk_window_destroy (GTK_WINDOW (window));
  cl_validation_report_unref (report);
}


int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = cl_test_tmp_dir_new ("credlink-verify-summary",
                                                    CL_TEST_TMP_UNTIL_EXIT);
  g_autoptr(ClTrustStore) no_lists = NULL;
  int rc;

  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  no_lists = cl_trust_store_new (NULL);
  cl_trust_store_set_default (no_lists);

  g_test_add_func ("/verify-summary/copy-summary", test_copy_summary);
  g_test_add_func ("/verify-summary/thumbnail-oriented", test_thumbnail_oriented);
  g_test_add_func ("/verify-summary/ingredient-thumbnail-oriented",
                   test_ingredient_thumbnail_oriented);

  rc = g_test_run ();
  cl_test_end_worker_threads ();
  return rc;
}
