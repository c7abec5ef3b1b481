/* test-verify-page.c: the Verify page in the real window: files arrive through
 * the drop target, are verified a few at a time, and the detail shows the
 * verdict, the confidence total and one chain row per certificate; pipes and
 * devices are refused at once, or skipped in a folder and said to be. Files are
 * signed here (a test PKI), so the test always runs; the shared fixtures are
 * checked too when present.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sys/stat.h>
#include <unistd.h>
#include <adwaita.h>
#include <glib/gstdio.h>

#include "cl-test-c2pa.h"
#include "cl-test-gui.h"
#include "cl-test-pki.h"
#include "cl-test-tmp.h"
#include "cl-trust-store.h"
#include "cl-window.h"

typedef struct {
  ClTestPki        *pki;
  ClTestSigner     *signer;
  ClTestSignedJpeg *jpeg;
  char             *valid;
  char             *tampered;
  char             *plain;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  gsize len;
  g_autofree guint8 *bytes = NULL;
  g_autoptr(GBytes) tampered = NULL;
  g_autoptr(GBytes) plain = cl_test_plain_jpeg ();

  f->pki = cl_test_pki_new (NULL, NULL);
  f->signer = g_new0 (ClTestSigner, 1);
  f->signer->key = f->pki->signer->key;
  EVP_PKEY_up_ref (f->signer->key);
  f->signer->cert = X509_dup (f->pki->signer->cert);
  f->signer->cert_der = cl_test_cred_der (f->pki->signer);
  f->jpeg = cl_test_signed_jpeg_new (f->signer);
  f->valid = cl_test_write_temp (f->jpeg->file, "signed.jpg");

  len = g_bytes_get_size (f->jpeg->file);
  bytes = g_memdup2 (g_bytes_get_data (f->jpeg->file, NULL), len);
  bytes[f->jpeg->pixel_offset] ^= 0x01;
  tampered = g_bytes_new (bytes, len);
  f->tampered = cl_test_write_temp (tampered, "tampered.jpg");
  f->plain = cl_test_write_temp (plain, "plain.jpg");
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_free (f->valid);
  g_free (f->tampered);
  g_free (f->plain);
  cl_test_signed_jpeg_free (f->jpeg);
  cl_test_signer_free (f->signer);
  cl_test_pki_free (f->pki);
}

static gboolean
timed_out_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Spins until every file is verified (or 60 s pass: a failure). */
static void
wait_until_idle (ClVerifyPage *page)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (60, timed_out_cb, &timed_out);

  while (cl_verify_page_is_busy (page) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (id);
  cl_test_drain_main_context ();
}

static void
drop_paths (ClWindow          *window,
            const char *const *paths)
{
  GtkDropTarget *target = cl_test_find_drop_target (GTK_WIDGET (window));
  GSList *list = NULL;
  GValue value = G_VALUE_INIT;
  gboolean accepted = FALSE;

  g_assert_nonnull (target);
  for (guint i = 0; paths[i] != NULL; i++)
    list = g_slist_append (list, g_file_new_for_path (paths[i]));
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (list));
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  g_value_unset (&value);
  g_slist_free_full (list, g_object_unref);
  g_assert_true (accepted);
}

/* Selects the file at position and checks what the detail shows against the
 * verification behind it. */
static ClVerification *
select_and_check (ClVerifyPage *page,
                  guint         position)
{
  ClVerifyDetail *detail = cl_verify_page_get_detail (page);
  ClVerifyItem *item;
  ClVerification *v;
  guint n_certs;

  cl_verify_page_select (page, position);
  cl_test_drain_main_context ();
  item = cl_verify_page_get_selected (page);
  g_assert_nonnull (item);
  g_assert_true (cl_verify_detail_get_item (detail) == item);
  v = cl_verify_item_get_verification (item);
  g_assert_nonnull (v);

  g_assert_cmpint (cl_verdict_banner_get_kind (cl_verify_detail_get_banner (detail)), ==,
                   cl_banner_kind_for_verification (v));
  g_assert_cmpstr (cl_verdict_banner_get_title (cl_verify_detail_get_banner (detail)), ==,
                   cl_banner_kind_title (cl_banner_kind_for_verification (v)));
  if (v->confidence != NULL)
    g_assert_cmpuint (cl_confidence_view_get_score (cl_verify_detail_get_confidence (detail)), ==,
                      v->confidence->score);
  n_certs = v->trust != NULL ? v->trust->certs->len : 0;
  g_assert_cmpuint (cl_chain_group_get_n_rows (cl_verify_detail_get_chain (detail)), ==, n_certs);
  if (v->report != NULL) {
    g_assert_cmpuint (cl_raw_data_group_get_n_codes (cl_verify_detail_get_raw_data (detail)), ==,
                      v->report->statuses->len);
    g_assert_cmpuint (cl_raw_data_group_get_n_code_rows (cl_verify_detail_get_raw_data (detail)),
                      ==, v->report->statuses->len);
  }
  /* Expanding a certificate builds its rows (and must not crash on any file). */
  for (guint i = 0; i < n_certs; i++)
    cl_chain_group_expand (cl_verify_detail_get_chain (detail), i);
  cl_test_drain_main_context ();
  g_assert_nonnull (cl_raw_data_group_get_json (cl_verify_detail_get_raw_data (detail)));
  return v;
}

static guint
find_item (ClVerifyPage *page,
           const char   *name)
{
  GListModel *items = cl_verify_page_get_items (page);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++) {
    g_autoptr(ClVerifyItem) item = g_list_model_get_item (items, i);

    if (g_strcmp0 (cl_verify_item_get_name (item), name) == 0)
      return i;
  }
  g_assert_not_reached ();
}

static void
test_signed_files (Fixture *f, gconstpointer data)
{
  const char *paths[] = { f->valid, f->tampered, f->plain, NULL };
  ClWindow *window = cl_window_new (NULL);
  ClVerifyPage *page = cl_window_get_verify_page (window);
  ClVerifyDetail *detail = cl_verify_page_get_detail (page);
  ClVerification *v;

  gtk_window_present (GTK_WINDOW (window));
  drop_paths (window, paths);
  wait_until_idle (page);
  g_assert_cmpuint (g_list_model_get_n_items (cl_window_get_files (window)), ==, 3);

  /* Valid: a good signature by a signer on none of the user's lists. */
  v = select_and_check (page, find_item (page, "signed.jpg"));
  g_assert_cmpint (v->verdict, ==, CL_VERDICT_VALID);
  g_assert_cmpstr (cl_verdict_banner_get_title (cl_verify_detail_get_banner (detail)), ==,
                   "Valid — signer not on your trust lists");
  g_assert_cmpuint (cl_confidence_view_get_score (cl_verify_detail_get_confidence (detail)), ==, 60);
  g_assert_cmpuint (cl_chain_group_get_n_rows (cl_verify_detail_get_chain (detail)), ==, 1);
  g_assert_cmpuint (cl_signer_group_get_n_rows (cl_verify_detail_get_signer (detail)), >=, 3);
  g_assert_cmpstr (cl_signer_group_get_value (cl_verify_detail_get_signer (detail),
                                              "Signature algorithm"), ==,
                   "ES256 (ECDSA, P-256 curve, SHA-256)");
  g_assert_cmpuint (cl_manifest_group_get_n_rows (cl_verify_detail_get_manifest (detail)), >=, 1);
  /* Its c2pa.created action says digitalCapture: the badge says so, with no warning. */
  g_assert_cmpstr (cl_verdict_banner_get_signal_text (cl_verify_detail_get_banner (detail)), ==,
                   "Captured with a camera");
  g_assert_null (cl_verdict_banner_get_signal_warning (cl_verify_detail_get_banner (detail)));
  g_assert_false (cl_verdict_banner_shows_test_certificate (cl_verify_detail_get_banner (detail)));

  /* Tampered pixels: invalid, and the reason says why. */
  v = select_and_check (page, find_item (page, "tampered.jpg"));
  g_assert_cmpint (v->verdict, ==, CL_VERDICT_INVALID);
  g_assert_cmpstr (cl_verdict_banner_get_title (cl_verify_detail_get_banner (detail)), ==, "Invalid");
  /* What the broken credentials claim is still shown, under a warning. */
  g_assert_cmpstr (cl_verdict_banner_get_signal_text (cl_verify_detail_get_banner (detail)), ==,
                   "Captured with a camera");
  g_assert_nonnull (cl_verdict_banner_get_signal_warning (cl_verify_detail_get_banner (detail)));
  g_assert_cmpstr (cl_verify_page_get_row_subtitle (page, find_item (page, "tampered.jpg")), ==,
                   "Captured with a camera (unverified) · Invalid");
  g_assert_cmpuint (cl_confidence_view_get_score (cl_verify_detail_get_confidence (detail)), ==, 10);
  g_assert_cmpuint (cl_chain_group_get_n_rows (cl_verify_detail_get_chain (detail)), ==, 1);

  /* No credentials: no signer, no chain. */
  v = select_and_check (page, find_item (page, "plain.jpg"));
  g_assert_cmpint (v->verdict, ==, CL_VERDICT_NO_CREDENTIALS);
  g_assert_cmpstr (cl_verdict_banner_get_title (cl_verify_detail_get_banner (detail)), ==,
                   "No Content Credentials");
  g_assert_cmpuint (cl_chain_group_get_n_rows (cl_verify_detail_get_chain (detail)), ==, 0);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (cl_verify_detail_get_signer (detail))));
  g_assert_null (cl_verdict_banner_get_signal_text (cl_verify_detail_get_banner (detail)));

  /* Delete removes the selected file; the next one is selected. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.remove-file", NULL));
  cl_test_drain_main_context ();
  g_assert_cmpuint (g_list_model_get_n_items (cl_window_get_files (window)), ==, 2);
  g_assert_nonnull (cl_verify_page_get_selected (page));

  /* The same files again are not listed twice, and are not verified again. */
  drop_paths (window, paths);
  wait_until_idle (page);
  g_assert_cmpuint (g_list_model_get_n_items (cl_window_get_files (window)), ==, 3);

  gtk_window_destroy (GTK_WINDOW (window));
  cl_test_drain_main_context ();
}

/* Clearing the list while files wait cancels them: nothing is left running. */
static void
test_clear_cancels (Fixture *f, gconstpointer data)
{
  g_autofree char *dir = cl_test_tmp_dir_new ("credlink-page", CL_TEST_TMP_UNTIL_CASE_ENDS);
  ClWindow *window = cl_window_new (NULL);
  ClVerifyPage *page = cl_window_get_verify_page (window);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  gboolean timed_out = FALSE;
  guint id;

  /* A folder of copies: walked by the collector, more files than run at once. */
  for (guint i = 0; i < 12; i++) {
    g_autofree char *name = g_strdup_printf ("copy-%02u.jpg", i);
    g_autofree char *path = g_build_filename (dir, name, NULL);

    g_assert_true (g_file_set_contents (path, g_bytes_get_data (f->jpeg->file, NULL),
                                        (gssize) g_bytes_get_size (f->jpeg->file), NULL));
  }
  gtk_window_present (GTK_WINDOW (window));
  cl_window_open_files (window, &folder, 1);
  id = g_timeout_add_seconds (30, timed_out_cb, &timed_out);
  while (g_list_model_get_n_items (cl_verify_page_get_items (page)) == 0 && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (id);
  g_assert_cmpuint (g_list_model_get_n_items (cl_verify_page_get_items (page)), ==, 12);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.clear", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (cl_verify_page_get_items (page)), ==, 0);
  wait_until_idle (page);
  g_assert_false (cl_verify_page_is_busy (page));

  gtk_window_destroy (GTK_WINDOW (window));
  cl_test_drain_main_context ();
}

static void
problem_cb (ClVerifyPage *page,
            const char   *message,
            GPtrArray    *problems)
{
  g_ptr_array_add (problems, g_strdup (message));
}

/* A pipe named like a photo, dropped alone, is an error at once ("Verifying…" for ever
 * before); the ones in a dropped folder, with a socket, are skipped and said to be. */
static void
test_special_files (Fixture *f, gconstpointer data)
{
  g_autofree char *dir = cl_test_tmp_dir_new ("credlink-special", CL_TEST_TMP_UNTIL_CASE_ENDS);
  g_autofree char *fifo = g_build_filename (dir, "photo.jpg", NULL);
  g_autofree char *folder = g_build_filename (dir, "folder", NULL);
  g_autofree char *inner_fifo = g_build_filename (folder, "pipe.jpg", NULL);
  g_autofree char *inner_device = g_build_filename (folder, "null.png", NULL);
  g_autofree char *inner_plain = g_build_filename (folder, "plain.jpg", NULL);
  const char *paths[] = { fifo, folder, NULL };
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *plain = NULL;
  gsize plain_len;
  ClWindow *window = cl_window_new (NULL);
  ClVerifyPage *page = cl_window_get_verify_page (window);
  ClVerification *v;

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_cmpint (mkfifo (inner_fifo, 0600), ==, 0);
  g_assert_cmpint (symlink ("/dev/null", inner_device), ==, 0);
  g_assert_true (g_file_get_contents (f->plain, &plain, &plain_len, NULL));
  g_assert_true (g_file_set_contents (inner_plain, plain, (gssize) plain_len, NULL));
  g_signal_connect (page, "problem", G_CALLBACK (problem_cb), problems);

  gtk_window_present (GTK_WINDOW (window));
  drop_paths (window, paths);
  wait_until_idle (page);
  g_assert_cmpuint (g_list_model_get_n_items (cl_verify_page_get_items (page)), ==, 2);
  v = select_and_check (page, find_item (page, "photo.jpg"));
  g_assert_error (v->error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_assert_cmpint (v->verdict, ==, CL_VERDICT_ERROR);
  v = select_and_check (page, find_item (page, "plain.jpg"));
  g_assert_cmpint (v->verdict, ==, CL_VERDICT_NO_CREDENTIALS);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (problems, 0), ==,
                   "2 special files skipped (not regular files)");
  gtk_window_destroy (GTK_WINDOW (window));
  cl_test_drain_main_context ();
}

/* The shared C2PA fixtures, against the reference verdicts without trust lists. */
static void
test_shared_fixtures (void)
{
  const char *shared = g_getenv ("CREDLINK_SHARED_DIR");
  struct { const char *name; ClVerdict verdict; } cases[] = {
    { "C.jpg", CL_VERDICT_VALID },
    { "XCA.jpg", CL_VERDICT_INVALID },
    { "adobe-20220124-E-clm-CAICAI.jpg", CL_VERDICT_INVALID },
    { "IMG_0003.jpg", CL_VERDICT_NO_CREDENTIALS },
  };
  g_autofree char *images = shared != NULL
    ? g_build_filename (shared, "c2pa-fixtures", "images", NULL) : NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  ClWindow *window;
  ClVerifyPage *page;

  if (images == NULL || !g_file_test (images, G_FILE_TEST_IS_DIR)) {
    g_test_skip ("shared C2PA fixtures not present");
    return;
  }
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    g_ptr_array_add (paths, g_build_filename (images, cases[i].name, NULL));
  g_ptr_array_add (paths, NULL);

  window = cl_window_new (NULL);
  page = cl_window_get_verify_page (window);
  gtk_window_present (GTK_WINDOW (window));
  drop_paths (window, (const char *const *) paths->pdata);
  wait_until_idle (page);
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++) {
    ClVerification *v = select_and_check (page, find_item (page, cases[i].name));

    g_assert_cmpint (v->verdict, ==, cases[i].verdict);
  }
  gtk_window_destroy (GTK_WINDOW (window));
  cl_test_drain_main_context ();
}

/* Whether widget is drawn inside the visible part of the scrolled window around it. */
static gboolean
visible_without_scrolling (GtkWidget *widget)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  graphene_rect_t bounds;

  g_assert_nonnull (scroller);
  if (!gtk_widget_is_drawable (widget) ||
      !gtk_widget_compute_bounds (widget, scroller, &bounds))
    return FALSE;
  return bounds.size.width > 0 && bounds.size.height > 0 &&
         bounds.origin.y >= 0 &&
         bounds.origin.y + bounds.size.height <= gtk_widget_get_height (scroller);
}


/* ocsp.jpg (Photoshop with Adobe Firefly): the AI badge is in the banner, in view without
 * scrolling; CACA.jpg (c2pa-rs test certificates) says "Test certificate". */
static void
test_ai_badge (void)
{
  const char *shared = g_getenv ("CREDLINK_SHARED_DIR");
  g_autofree char *ocsp = shared != NULL
    ? g_build_filename (shared, "c2pa-fixtures", "images", "ocsp.jpg", NULL) : NULL;
  g_autofree char *caca = shared != NULL
    ? g_build_filename (shared, "c2pa-fixtures", "images", "CACA.jpg", NULL) : NULL;
  const char *paths[] = { ocsp, caca, NULL };
  ClWindow *window;
  ClVerifyPage *page;
  ClVerdictBanner *banner;
  ClVerification *v;

  if (ocsp == NULL || !g_file_test (ocsp, G_FILE_TEST_EXISTS) ||
      !g_file_test (caca, G_FILE_TEST_EXISTS)) {
    g_test_skip ("shared C2PA fixtures not present");
    return;
  }
  window = cl_window_new (NULL);
  page = cl_window_get_verify_page (window);
  banner = cl_verify_detail_get_banner (cl_verify_page_get_detail (page));
  gtk_window_present (GTK_WINDOW (window));
  drop_paths (window, paths);
  wait_until_idle (page);

  v = select_and_check (page, find_item (page, "ocsp.jpg"));
  g_assert_cmpint (v->verdict, ==, CL_VERDICT_VALID);
  /* The file's row in the list says it too. */
  g_assert_cmpstr (cl_verify_page_get_row_subtitle (page, find_item (page, "ocsp.jpg")), ==,
                   "Made in part with AI · Valid — signer not on your trust lists");
  g_assert_cmpstr (cl_verdict_banner_get_signal_text (banner), ==,
                   "Made in part with AI · Adobe Firefly");
  g_assert_true (gtk_widget_has_css_class (cl_verdict_banner_get_signal_badge (banner), "ai"));
  g_assert_null (cl_verdict_banner_get_signal_warning (banner));
  g_assert_false (cl_verdict_banner_shows_test_certificate (banner));
  /* Laid out: in view at the top of the detail, without scrolling. */
  cl_test_drain_main_context ();
  g_assert_true (visible_without_scrolling (cl_verdict_banner_get_signal_badge (banner)));

  v = select_and_check (page, find_item (page, "CACA.jpg"));
  g_assert_true (v->test_certificate);
  g_assert_true (cl_verdict_banner_shows_test_certificate (banner));

  gtk_window_destroy (GTK_WINDOW (window));
  cl_test_drain_main_context ();
}

/* ocsp.jpg (opened in Photoshop, cropped, then edited with Adobe Firefly): the Edits
 * group lists the three actions in the manifest's order, the opened one naming its
 * ingredient by title, the Firefly edit its app. */
static void
test_edit_timeline (void)
{
  const char *shared = g_getenv ("CREDLINK_SHARED_DIR");
  g_autofree char *ocsp = shared != NULL
    ? g_build_filename (shared, "c2pa-fixtures", "images", "ocsp.jpg", NULL) : NULL;
  const char *paths[] = { ocsp, NULL };
  ClWindow *window;
  ClVerifyPage *page;
  ClTimelineGroup *timeline;

  if (ocsp == NULL || !g_file_test (ocsp, G_FILE_TEST_EXISTS)) {
    g_test_skip ("shared C2PA fixtures not present");
    return;
  }
  window = cl_window_new (NULL);
  page = cl_window_get_verify_page (window);
  timeline = cl_verify_detail_get_timeline (cl_verify_page_get_detail (page));
  gtk_window_present (GTK_WINDOW (window));
  drop_paths (window, paths);
  wait_until_idle (page);
  select_and_check (page, find_item (page, "ocsp.jpg"));

  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (timeline)));
  g_assert_cmpuint (cl_timeline_group_get_n_steps (timeline), ==, 3);
  g_assert_cmpstr (cl_timeline_group_get_title (timeline, 0), ==,
                   "Opened an existing file: \u201cocsp.jpg\u201d");
  g_assert_cmpstr (cl_timeline_group_get_title (timeline, 1), ==, "Cropped");
  g_assert_cmpstr (cl_timeline_group_get_title (timeline, 2), ==, "Edited");
  g_assert_true (g_str_has_prefix (cl_timeline_group_get_subtitle (timeline, 2),
                                   "Adobe Firefly \u00b7 "));
  /* The camera data group stays hidden: ocsp.jpg's manifest has no EXIF assertion. */
  g_assert_false (gtk_widget_get_visible (
    GTK_WIDGET (cl_verify_detail_get_camera (cl_verify_page_get_detail (page)))));

  gtk_window_destroy (GTK_WINDOW (window));
  cl_test_drain_main_context ();
}


/* One sentence about time: CA_ct.jpg has a damaged time-stamp, and the signer group says
 * it was ignored (its code is listed below) rather than that there is none; ocsp.jpg's
 * names its time-stamping authority and whether it is trusted. With the
 * C2PA test roots as a list, C.jpg's chain ends on a "Root authority". */
static void
test_time_and_roots (void)
{
  const char *shared = g_getenv ("CREDLINK_SHARED_DIR");
  g_autofree char *ca_ct = shared != NULL
    ? g_build_filename (shared, "c2pa-fixtures", "images", "CA_ct.jpg", NULL) : NULL;
  g_autofree char *c = shared != NULL
    ? g_build_filename (shared, "c2pa-fixtures", "images", "C.jpg", NULL) : NULL;
  g_autofree char *ocsp = shared != NULL
    ? g_build_filename (shared, "c2pa-fixtures", "images", "ocsp.jpg", NULL) : NULL;
  g_autofree char *roots = shared != NULL
    ? g_build_filename (shared, "c2pa-fixtures", "certs", "trust", "test_cert_root_bundle.pem", NULL)
    : NULL;
  const char *first[] = { ca_ct, ocsp, NULL };
  const char *second[] = { c, NULL };
  g_autoptr(GPtrArray) lists = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_trust_list_unref);
  g_autoptr(ClTrustStore) test_roots = NULL;
  g_autoptr(ClTrustStore) no_lists = cl_trust_store_new (NULL);
  g_autoptr(GError) error = NULL;
  ClWindow *window;
  ClVerifyPage *page;
  ClVerifyDetail *detail;
  ClChainGroup *chain;
  const char *signed_text;

  if (ca_ct == NULL || !g_file_test (ca_ct, G_FILE_TEST_EXISTS) ||
      !g_file_test (c, G_FILE_TEST_EXISTS) || !g_file_test (ocsp, G_FILE_TEST_EXISTS) ||
      !g_file_test (roots, G_FILE_TEST_EXISTS)) {
    g_test_skip ("shared C2PA fixtures not present");
    return;
  }
  window = cl_window_new (NULL);
  page = cl_window_get_verify_page (window);
  detail = cl_verify_page_get_detail (page);
  chain = cl_verify_detail_get_chain (detail);
  gtk_window_present (GTK_WINDOW (window));
  drop_paths (window, first);
  wait_until_idle (page);
  select_and_check (page, find_item (page, "CA_ct.jpg"));
  g_assert_cmpstr (cl_signer_group_get_value (cl_verify_detail_get_signer (detail), "Signed"), ==,
                   "No trusted time: The time-stamp is damaged and was ignored. "
                   "The signature was judged at the time of verification");
  /* ocsp.jpg's time-stamp: when, by which authority, and that it is trusted. */
  select_and_check (page, find_item (page, "ocsp.jpg"));
  signed_text = cl_signer_group_get_value (cl_verify_detail_get_signer (detail), "Signed");
  g_assert_cmpstr (signed_text, ==,
                   "13 August 2025, 16:30 UTC, time-stamped by Adobe SHA256 ECC256 Timestamp "
                   "Responder 2025 1 (a trusted time-stamping authority)");

  g_ptr_array_add (lists, cl_trust_list_new_from_files ("c2pa-test-roots", CL_TRUST_LIST_KIND_USER,
                                                        roots, NULL, NULL, &error));
  g_assert_no_error (error);
  test_roots = cl_trust_store_new (lists);
  cl_trust_store_set_default (test_roots);
  drop_paths (window, second);
  wait_until_idle (page);
  select_and_check (page, find_item (page, "C.jpg"));
  g_assert_cmpuint (cl_chain_group_get_n_rows (chain), ==, 3);
  g_assert_cmpstr (cl_chain_group_get_role (chain, 0), ==, "Signer");
  g_assert_cmpstr (cl_chain_group_get_role (chain, 1), ==, "Intermediate authority");
  g_assert_cmpstr (cl_chain_group_get_role (chain, 2), ==, "Root authority (from your trust list)");
  cl_trust_store_set_default (no_lists);
  /* The trust lists changed twice: the history is verified again in a thread. Let it
   * finish, or the program could end while that thread still uses OpenSSL. */
  while (cl_history_page_is_rechecking (cl_window_get_history_page (window)))
    g_main_context_iteration (NULL, TRUE);

  gtk_window_destroy (GTK_WINDOW (window));
  cl_test_drain_main_context ();
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = cl_test_tmp_dir_new ("credlink-verify-page", CL_TEST_TMP_UNTIL_EXIT);
  g_autoptr(ClTrustStore) no_lists = NULL;
  int rc;

  /* A fresh proof cache: the first verification of each file finds no earlier proof. */
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  no_lists = cl_trust_store_new (NULL);
  cl_trust_store_set_default (no_lists);

  g_test_add ("/verify-page/signed-files", Fixture, NULL,
              fixture_set_up, test_signed_files, fixture_tear_down);
  g_test_add ("/verify-page/clear-cancels", Fixture, NULL,
              fixture_set_up, test_clear_cancels, fixture_tear_down);
  g_test_add ("/verify-page/special-files", Fixture, NULL,
              fixture_set_up, test_special_files, fixture_tear_down);
  g_test_add_func ("/verify-page/shared-fixtures", test_shared_fixtures);
  g_test_add_func ("/verify-page/ai-badge", test_ai_badge);
  g_test_add_func ("/verify-page/edit-timeline", test_edit_timeline);
  g_test_add_func ("/verify-page/time-and-roots", test_time_and_roots);

  rc = g_test_run ();
  cl_test_end_worker_threads ();
  return rc;
}
