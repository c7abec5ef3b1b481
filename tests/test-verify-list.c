/* test-verify-list.c: the Verify page's list in the real window: the first file of a
 * drop is selected, another file's detail starts at the top, Alt+Down and Alt+Up move
 * between files, long names are shortened in the middle (whole in the tooltip), a
 * 360 px window folds the list and the detail without cutting anything, and what a
 * folder walk skips (special files, folders that cannot be read, folders with no
 * image) is said. Files are signed here with a test PKI, so the tests always run.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <fcntl.h>
#include <limits.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <adwaita.h>
#include <glib/gstdio.h>

#include "cl-batch-summary.h"
#include "cl-test-c2pa.h"
#include "cl-test-gui.h"
#include "cl-test-pki.h"
#include "cl-test-tmp.h"
#include "cl-trust-store.h"
#include "cl-verify-row.h"
#include "cl-window.h"

/* Names of a batch that differ only at the end, as a camera or a newsroom names them. */
#define NAME_FORMAT "newsroom-2024-03-17-press-conference-main-stage-photo-%02u.jpg"
#define N_COPIES 3

typedef struct {
  ClTestPki        *pki;
  ClTestSigner     *signer;
  ClTestSignedJpeg *jpeg;
  char             *folder;   /* N_COPIES signed files with long names */
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->pki = cl_test_pki_new (NULL, NULL);
  f->signer = g_new0 (ClTestSigner, 1);
  f->signer->key = f->pki->signer->key;
  EVP_PKEY_up_ref (f->signer->key);
  f->signer->cert = X509_dup (f->pki->signer->cert);
  f->signer->cert_der = cl_test_cred_der (f->pki->signer);
  f->jpeg = cl_test_signed_jpeg_new (f->signer);
  f->folder = cl_test_tmp_dir_new ("credlink-list", CL_TEST_TMP_UNTIL_CASE_ENDS);
  for (guint i = 0; i < N_COPIES; i++) {
    g_autofree char *name = g_strdup_printf (NAME_FORMAT, i);
    g_autofree char *path = g_build_filename (f->folder, name, NULL);

    g_assert_true (g_file_set_contents (path, g_bytes_get_data (f->jpeg->file, NULL),
                                        (gssize) g_bytes_get_size (f->jpeg->file), NULL));
  }
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_free (f->folder);
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

/* Spins until the drop is collected and every file verified (60 s: a failure). */
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

static gboolean
frame_drawn_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       data)
{
  guint *n_frames = data;

  (*n_frames)++;
  return *n_frames < 2 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

/* Lets the window lay itself out again (two frames) after a change. */
static void
wait_for_layout (GtkWidget *widget)
{
  guint n_frames = 0;
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (10, timed_out_cb, &timed_out);

  gtk_widget_add_tick_callback (widget, frame_drawn_cb, &n_frames, NULL);
  while (n_frames < 2 && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (id);
  cl_test_drain_main_context ();
}

static ClWindow *
open_window (int width,
             int height)
{
  ClWindow *window = cl_window_new (NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  cl_test_drain_main_context ();
  return window;
}

static guint
selected_position (ClVerifyPage *page)
{
  ClVerifyItem *selected = cl_verify_page_get_selected (page);
  GListModel *items = cl_verify_page_get_items (page);

  g_assert_nonnull (selected);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++) {
    g_autoptr(ClVerifyItem) item = g_list_model_get_item (items, i);

    if (item == selected)
      return i;
  }
  g_assert_not_reached ();
}

static GtkListBox *
find_list_box (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child)) {
    GtkListBox *found;

    /* The file list, not a group's rows in the detail beside it. */
    if (GTK_IS_LIST_BOX (child) && gtk_widget_has_css_class (child, "navigation-sidebar"))
      return GTK_LIST_BOX (child);
    found = find_list_box (child);
    if (found != NULL)
      return found;
  }
  return NULL;
}

static GtkWidget *
find_summary (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child)) {
    GtkWidget *found;

    if (CL_IS_BATCH_SUMMARY (child))
      return child;
    found = find_summary (child);
    if (found != NULL)
      return found;
  }
  return NULL;
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *tooltip)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child)) {
    GtkWidget *found;

    if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_widget_get_tooltip_text (child), tooltip) == 0)
      return child;
    found = find_button (child, tooltip);
    if (found != NULL)
      return found;
  }
  return NULL;
}

/* The label is laid out shortened (with its whole text in the tooltip), not wrapped. */
static void
assert_shortened (GtkLabel   *label,
                  const char *full_name)
{
  const char *tooltip = gtk_widget_get_tooltip_text (GTK_WIDGET (label));

  g_assert_cmpint (gtk_label_get_ellipsize (label), ==, PANGO_ELLIPSIZE_MIDDLE);
  g_assert_true (pango_layout_is_ellipsized (gtk_label_get_layout (label)));
  g_assert_cmpint (pango_layout_get_line_count (gtk_label_get_layout (label)), ==, 1);
  g_assert_nonnull (tooltip);
  g_assert_nonnull (strstr (tooltip, full_name));
}

static gboolean
has_shortcut (GtkBuilder *builder,
              const char *accelerator)
{
  g_autoptr(GSList) objects = gtk_builder_get_objects (builder);

  for (GSList *l = objects; l != NULL; l = l->next) {
    g_autofree char *accel = NULL;

    if (!GTK_IS_SHORTCUTS_SHORTCUT (l->data))
      continue;
    g_object_get (l->data, "accelerator", &accel, NULL);
    if (g_strcmp0 (accel, accelerator) == 0)
      return TRUE;
  }
  return FALSE;
}

/* A folder of three: the first is shown at once; scrolled down, the next file (Alt+Down)
 * starts at its verdict again; the keys stop at either end and are in the shortcuts. */
/* The detail's buttons end above its verdict banner: they never lie over it, however many
 * lines they take. */
static void
assert_buttons_above_banner (ClVerifyDetail *detail)
{
  GtkWidget *banner = GTK_WIDGET (cl_verify_detail_get_banner (detail));
  GtkWidget *export = find_button (GTK_WIDGET (detail), "Save a printable report of this verification");
  GtkWidget *buttons;
  graphene_rect_t buttons_bounds, banner_bounds;

  g_assert_nonnull (export);
  buttons = gtk_widget_get_ancestor (export, GTK_TYPE_FLOW_BOX);
  g_assert_nonnull (buttons);
  g_assert_true (gtk_widget_compute_bounds (buttons, GTK_WIDGET (detail), &buttons_bounds));
  g_assert_true (gtk_widget_compute_bounds (banner, GTK_WIDGET (detail), &banner_bounds));
  g_assert_cmpfloat (buttons_bounds.origin.y + buttons_bounds.size.height, <=,
                     banner_bounds.origin.y);
  /* Every button is inside the box that holds them. */
  for (GtkWidget *child = gtk_widget_get_first_child (buttons); child != NULL;
       child = gtk_widget_get_next_sibling (child)) {
    graphene_rect_t child_bounds;

    if (!gtk_widget_get_visible (child))
      continue;
    g_assert_true (gtk_widget_compute_bounds (child, GTK_WIDGET (detail), &child_bounds));
    g_assert_cmpfloat (child_bounds.origin.y + child_bounds.size.height, <=,
                       banner_bounds.origin.y);
  }
}

static void
test_selection (Fixture *f, gconstpointer data)
{
  const char *paths[] = { f->folder, NULL };
  ClWindow *window = open_window (900, 420);
  ClVerifyPage *page = cl_window_get_verify_page (window);
  GtkAdjustment *scroll = gtk_scrolled_window_get_vadjustment (
    cl_verify_page_get_detail_scroller (page));
  g_autoptr(GtkBuilder) help = NULL;
  g_autofree char *first_name = g_strdup_printf (NAME_FORMAT, 0u);
  GtkListBox *box;

  drop_paths (window, paths);
  wait_until_idle (page);
  g_assert_cmpuint (g_list_model_get_n_items (cl_verify_page_get_items (page)), ==, N_COPIES);
  g_assert_cmpuint (selected_position (page), ==, 0);
  g_assert_true (cl_verify_detail_get_item (cl_verify_page_get_detail (page)) ==
                 cl_verify_page_get_selected (page));

  /* Long names: shortened in the middle in the list and in the detail's header. */
  box = find_list_box (GTK_WIDGET (window));
  g_assert_nonnull (box);
  assert_shortened (cl_verify_row_get_name_label (
                      CL_VERIFY_ROW (gtk_list_box_get_row_at_index (box, 0))), first_name);
  g_assert_cmpstr (gtk_label_get_label (cl_verify_detail_get_name_label (
                     cl_verify_page_get_detail (page))), ==, first_name);

  wait_for_layout (GTK_WIDGET (window));
  assert_buttons_above_banner (cl_verify_page_get_detail (page));

  /* The status icon is coloured by the verdict and says it in words. */
  {
    GtkImage *status = cl_verify_row_get_status_icon (
      CL_VERIFY_ROW (gtk_list_box_get_row_at_index (box, 0)));
    const char *tooltip = gtk_widget_get_tooltip_text (GTK_WIDGET (status));

    g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (status), "valid"));
    g_assert_cmpstr (tooltip, ==, "Valid — signer not on your trust lists");
  }

  /* Read to the bottom of the first file… */
  g_assert_cmpfloat (gtk_adjustment_get_upper (scroll), >, gtk_adjustment_get_page_size (scroll));
  gtk_adjustment_set_value (scroll, gtk_adjustment_get_upper (scroll) -
                                    gtk_adjustment_get_page_size (scroll));
  cl_test_drain_main_context ();
  g_assert_cmpfloat (gtk_adjustment_get_value (scroll), >, 0);

  /* …then the next one starts at the top, where its verdict is. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.next-file", NULL));
  cl_test_drain_main_context ();
  g_assert_cmpuint (selected_position (page), ==, 1);
  g_assert_cmpfloat (gtk_adjustment_get_value (scroll), ==, gtk_adjustment_get_lower (scroll));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.next-file", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.next-file", NULL);
  cl_test_drain_main_context ();
  g_assert_cmpuint (selected_position (page), ==, N_COPIES - 1);
  g_assert_false (cl_verify_page_select_next (page, 1));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.previous-file", NULL);
  cl_test_drain_main_context ();
  g_assert_cmpuint (selected_position (page), ==, N_COPIES - 2);

  /* Both keys are listed in the shortcuts window. */
  help = gtk_builder_new_from_resource ("/io/github/credlink/CredLink/gtk/help-overlay.ui");
  g_assert_true (has_shortcut (help, "<Alt>Down"));
  g_assert_true (has_shortcut (help, "<Alt>Up"));

  gtk_window_destroy (GTK_WINDOW (window));
  cl_test_drain_main_context ();
}

/* Fails when a drawn widget under root reaches past the right edge of within. */
static void
assert_nothing_cut (GtkWidget *root,
                    GtkWidget *within)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child)) {
    graphene_rect_t bounds;

    /* An overlay scrollbar's slider grows past the edge on hover, by design. */
    if (GTK_IS_SCROLLBAR (child))
      continue;
    if (!gtk_widget_is_drawable (child) || !gtk_widget_compute_bounds (child, within, &bounds))
      continue;
    if (bounds.size.width <= 0)
      continue;
    if (bounds.origin.x < -0.5 ||
        bounds.origin.x + bounds.size.width > gtk_widget_get_width (within) + 0.5)
      g_error ("%s in %s is cut: x %.0f, width %.0f, in %d px", G_OBJECT_TYPE_NAME (child),
               G_OBJECT_TYPE_NAME (root),
               bounds.origin.x, bounds.size.width, gtk_widget_get_width (within));
    assert_nothing_cut (child, within);
  }
}

/* A 360 px window: the list alone, names shortened; a file opened from it shows its
 * detail alone, nothing wider than the window, and "Files" goes back. */
static void
test_narrow (Fixture *f, gconstpointer data)
{
  const char *paths[] = { f->folder, NULL };
  ClWindow *window = open_window (360, 640);
  ClVerifyPage *page = cl_window_get_verify_page (window);
  ClVerifyDetail *detail = cl_verify_page_get_detail (page);
  g_autofree char *first_name = g_strdup_printf (NAME_FORMAT, 0u);
  GtkListBox *box;
  GtkListBoxRow *row;
  GtkWidget *back;
  int minimum = 0;

  /* The leaflet's slide is done at once: the layout is checked where it ends. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  drop_paths (window, paths);
  wait_until_idle (page);
  wait_for_layout (GTK_WIDGET (window));
  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1,
                      &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);
  /* What the window gets of the 360 px (the rest is its frame). */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 360);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (page)), >=, 320);

  /* The list first (the first file is selected, its detail waits). */
  g_assert_false (cl_verify_page_shows_detail (page));
  box = find_list_box (GTK_WIDGET (window));
  for (guint i = 0; i < N_COPIES; i++) {
    g_autofree char *name = g_strdup_printf (NAME_FORMAT, i);

    row = gtk_list_box_get_row_at_index (box, (int) i);
    assert_shortened (cl_verify_row_get_name_label (CL_VERIFY_ROW (row)), name);
  }
  assert_nothing_cut (GTK_WIDGET (box), GTK_WIDGET (page));

  /* Opening a file shows its detail instead. */
  row = gtk_list_box_get_row_at_index (box, 0);
  gtk_widget_activate (GTK_WIDGET (row));
  wait_for_layout (GTK_WIDGET (window));
  g_assert_true (cl_verify_page_shows_detail (page));
  g_assert_true (cl_verify_detail_get_item (detail) == cl_verify_page_get_selected (page));
  assert_shortened (cl_verify_detail_get_name_label (detail), first_name);
  assert_nothing_cut (GTK_WIDGET (cl_verify_page_get_detail_scroller (page)),
                      GTK_WIDGET (page));
  assert_buttons_above_banner (detail);

  /* Alt+Down moves on without leaving the detail. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.next-file", NULL));
  cl_test_drain_main_context ();
  g_assert_true (cl_verify_page_shows_detail (page));
  g_assert_cmpuint (selected_position (page), ==, 1);

  /* The way back. */
  back = find_button (GTK_WIDGET (window), "Back to the list of files");
  g_assert_nonnull (back);
  g_assert_true (gtk_widget_is_drawable (back));
  g_signal_emit_by_name (back, "clicked");
  wait_for_layout (GTK_WIDGET (window));
  g_assert_false (cl_verify_page_shows_detail (page));

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

/* Makes folders named name inside each other under parent until the path of the last
 * one is longer than the system accepts (listing it fails even for root, where a
 * folder without permissions would still be read). Returns how many were made. */
static guint
make_too_deep (const char *parent,
               const char *name)
{
  int fd = open (parent, O_RDONLY | O_DIRECTORY);
  gsize length = strlen (parent);
  guint depth = 0;

  g_assert_cmpint (fd, >=, 0);
  while (length <= PATH_MAX) {
    int child;

    g_assert_cmpint (mkdirat (fd, name, 0700), ==, 0);
    child = openat (fd, name, O_RDONLY | O_DIRECTORY);
    g_assert_cmpint (child, >=, 0);
    close (fd);
    fd = child;
    length += 1 + strlen (name);
    depth++;
  }
  close (fd);
  return depth;
}

/* Removes what make_too_deep() made, from the bottom up (through descriptors: the
 * paths are too long to name). */
static void
remove_too_deep (const char *parent,
                 const char *name,
                 guint       depth)
{
  g_autofree int *fds = g_new (int, depth);

  fds[0] = open (parent, O_RDONLY | O_DIRECTORY);
  g_assert_cmpint (fds[0], >=, 0);
  for (guint i = 1; i < depth; i++) {
    fds[i] = openat (fds[i - 1], name, O_RDONLY | O_DIRECTORY);
    g_assert_cmpint (fds[i], >=, 0);
  }
  for (guint i = depth; i-- > 0;) {
    g_assert_cmpint (unlinkat (fds[i], name, AT_REMOVEDIR), ==, 0);
    close (fds[i]);
  }
}

/* A drop of a folder with a pipe named like a photo and a folder that cannot be read
 * inside, and of a folder with no image: each is said, the readable file is listed and
 * selected. */
static void
test_skipped (Fixture *f, gconstpointer data)
{
  g_autofree char *dir = cl_test_tmp_dir_new ("credlink-skips", CL_TEST_TMP_UNTIL_REMOVED);
  g_autofree char *photos = g_build_filename (dir, "photos", NULL);
  g_autofree char *fifo = g_build_filename (photos, "pipe.jpg", NULL);
  g_autofree char *photo = g_build_filename (photos, "photo.jpg", NULL);
  g_autofree char *notes = g_build_filename (dir, "notes", NULL);
  g_autofree char *text = g_build_filename (notes, "notes.txt", NULL);
  g_autofree char *deep_name = g_strnfill (200, 'd');
  g_autofree char *unreadable_message =
    g_strdup_printf ("Skipped “%s”: the folder cannot be read", deep_name);
  const char *paths[] = { photos, notes, NULL };
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  ClWindow *window = open_window (900, 640);
  ClVerifyPage *page = cl_window_get_verify_page (window);
  guint depth;

  g_assert_cmpint (g_mkdir (photos, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (notes, 0700), ==, 0);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_true (g_file_set_contents (photo, g_bytes_get_data (f->jpeg->file, NULL),
                                      (gssize) g_bytes_get_size (f->jpeg->file), NULL));
  g_assert_true (g_file_set_contents (text, "not an image", -1, NULL));
  depth = make_too_deep (photos, deep_name);
  g_signal_connect (page, "problem", G_CALLBACK (problem_cb), problems);

  drop_paths (window, paths);
  wait_until_idle (page);
  g_assert_cmpuint (g_list_model_get_n_items (cl_verify_page_get_items (page)), ==, 1);
  g_assert_cmpuint (selected_position (page), ==, 0);
  g_assert_cmpuint (problems->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (problems, 0), ==,
                   "1 special file skipped (not a regular file)");
  g_assert_cmpstr (g_ptr_array_index (problems, 1), ==, unreadable_message);
  g_assert_cmpstr (g_ptr_array_index (problems, 2), ==,
                   "No images CredLink can read in “notes”");

  /* A folder with only unsupported files, dropped alone, is said too (nothing listed). */
  g_ptr_array_set_size (problems, 0);
  cl_verify_page_clear (page);
  {
    const char *only_notes[] = { notes, NULL };

    drop_paths (window, only_notes);
  }
  wait_until_idle (page);
  g_assert_cmpuint (g_list_model_get_n_items (cl_verify_page_get_items (page)), ==, 0);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (problems, 0), ==, "No images CredLink can read in “notes”");

  gtk_window_destroy (GTK_WINDOW (window));
  cl_test_drain_main_context ();
  remove_too_deep (photos, deep_name, depth);
  cl_test_remove_tree (dir);
}

/* The summary above the list counts each verdict, and its filter shows one verdict's files;
 * Alt+Down steps over the files it hides. */
static void
test_summary_filter (Fixture *f, gconstpointer data)
{
  g_autofree char *plain = g_build_filename (f->folder, "plain.jpg", NULL);
  g_autofree char *broken = g_build_filename (f->folder, "broken.jpg", NULL);
  g_autoptr(GBytes) plain_jpeg = cl_test_plain_jpeg ();
  const char *paths[] = { f->folder, NULL };
  ClWindow *window = open_window (900, 420);
  ClVerifyPage *page = cl_window_get_verify_page (window);
  ClBatchSummary *summary = NULL;
  GtkListBox *box;
  guint shown = 0;

  g_assert_true (g_file_set_contents (plain, g_bytes_get_data (plain_jpeg, NULL),
                                      (gssize) g_bytes_get_size (plain_jpeg), NULL));
  /* A JPEG cut after its first bytes: the file cannot be read. */
  g_assert_true (g_file_set_contents (broken, "\xff\xd8\xff\xe0\x00\x10JFIF", 10, NULL));
  drop_paths (window, paths);
  wait_until_idle (page);
  g_assert_cmpuint (g_list_model_get_n_items (cl_verify_page_get_items (page)), ==, N_COPIES + 2);

  summary = CL_BATCH_SUMMARY (find_summary (GTK_WIDGET (page)));
  g_assert_nonnull (summary);
  g_assert_cmpstr (cl_batch_summary_get_text (summary), ==,
                   "5 files · Valid: 3 · No credentials: 1 · Unreadable: 1");

  /* Only the file without credentials. */
  cl_batch_summary_set_filter (summary, 4);
  cl_test_drain_main_context ();
  box = find_list_box (GTK_WIDGET (window));
  for (guint i = 0; i < N_COPIES + 2; i++)
    shown += gtk_widget_get_visible (GTK_WIDGET (gtk_list_box_get_row_at_index (box, (int) i)));
  g_assert_cmpuint (shown, ==, 1);

  /* The valid files only: moving down from the first goes to the next valid one. */
  cl_batch_summary_set_filter (summary, 2);
  cl_test_drain_main_context ();
  cl_verify_page_select (page, 0);
  while (cl_verify_page_select_next (page, 1))
    g_assert_cmpint (cl_verify_item_get_kind (cl_verify_page_get_selected (page)), ==,
                     CL_BANNER_VALID);

  gtk_window_destroy (GTK_WINDOW (window));
  cl_test_drain_main_context ();
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = cl_test_tmp_dir_new ("credlink-verify-list", CL_TEST_TMP_UNTIL_EXIT);
  g_autoptr(ClTrustStore) no_lists = NULL;
  int rc;

  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  no_lists = cl_trust_store_new (NULL);
  cl_trust_store_set_default (no_lists);

  g_test_add ("/verify-list/selection", Fixture, NULL,
              fixture_set_up, test_selection, fixture_tear_down);
  g_test_add ("/verify-list/narrow", Fixture, NULL,
              fixture_set_up, test_narrow, fixture_tear_down);
  g_test_add ("/verify-list/summary-filter", Fixture, NULL,
              fixture_set_up, test_summary_filter, fixture_tear_down);
  g_test_add ("/verify-list/skipped", Fixture, NULL,
              fixture_set_up, test_skipped, fixture_tear_down);

  rc = g_test_run ();
  cl_test_end_worker_threads ();
  return rc;
}
