/* test-frame-budget.c: work that would freeze the window is spread over frames, and the
 * result is the same as if it had been done at once.
 *
 * - ClListRows: 100 items appended to a list in view get their first rows at once and
 *   the others a few per frame, in the model's order; a row asked for early is made on
 *   the spot; removals and insertions keep rows and items in step; a list nobody sees
 *   gets all its rows at once.
 * - The verify detail: the groups after the verdict banner join the layout one per
 *   frame, and are all there in the end (a detail not in view lays everything out at
 *   once); its wrapping labels have a minimum width, so none searches for one.
 * - Background threads (verification, decoding) run at a lower priority than the main
 *   thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

#include "cl-list-rows.h"
#include "cl-test-c2pa.h"
#include "cl-test-gui.h"
#include "cl-thread-priority.h"
#include "cl-trust-store.h"
#include "cl-verification.h"
#include "cl-verify-detail.h"
#include "cl-verify-item.h"

static gboolean
timed_out_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}


static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  GtkWidget *row = gtk_list_box_row_new ();

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row),
                              gtk_label_new (gtk_string_object_get_string (item)));
  (*(guint *) user_data)++;
  return row;
}


/* Each row shows its item's string, in the model's order, for the rows made so far. */
static void
assert_rows_match (GtkListBox *box,
                   GListModel *model,
                   guint       n_made)
{
  for (guint i = 0; i < n_made; i++) {
    g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);
    GtkListBoxRow *row = gtk_list_box_get_row_at_index (box, (int) i);

    g_assert_nonnull (row);
    g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (gtk_list_box_row_get_child (row))), ==,
                     gtk_string_object_get_string (item));
  }
  g_assert_null (gtk_list_box_get_row_at_index (box, (int) n_made));
}


static void
append_strings (GListStore *store,
                const char *prefix,
                guint       n)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++) {
    g_autofree char *text = g_strdup_printf ("%s %u", prefix, i);

    g_ptr_array_add (items, gtk_string_object_new (text));
  }
  g_list_store_splice (store, g_list_model_get_n_items (G_LIST_MODEL (store)), 0,
                       items->pdata, items->len);
}


static void
test_list_rows_fill_over_frames (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkListBox *box = GTK_LIST_BOX (gtk_list_box_new ());
  g_autoptr(GListStore) store = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  g_autoptr(ClListRows) rows = NULL;
  guint n_created = 0, frames = 0, previous;
  gboolean timed_out = FALSE;
  guint id;

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (box));
  gtk_window_set_child (GTK_WINDOW (window), scroller);
  gtk_window_set_default_size (GTK_WINDOW (window), 300, 400);
  gtk_window_present (GTK_WINDOW (window));
  cl_test_drain_main_context ();
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (box)));

  rows = cl_list_rows_new (box, G_LIST_MODEL (store), create_row, &n_created);
  append_strings (store, "file", 100);
  /* A window's worth now, not a hundred. */
  g_assert_cmpuint (cl_list_rows_get_n_made (rows), >, 0);
  g_assert_cmpuint (cl_list_rows_get_n_made (rows), <, 30);
  g_assert_true (cl_list_rows_is_filling (rows));
  assert_rows_match (box, G_LIST_MODEL (store), cl_list_rows_get_n_made (rows));

  /* The rest over the next frames, a few at a time. */
  id = g_timeout_add_seconds (30, timed_out_cb, &timed_out);
  previous = cl_list_rows_get_n_made (rows);
  while (cl_list_rows_is_filling (rows) && !timed_out) {
    g_main_context_iteration (NULL, TRUE);
    if (cl_list_rows_get_n_made (rows) != previous) {
      g_assert_cmpuint (cl_list_rows_get_n_made (rows) - previous, <=, 8);
      previous = cl_list_rows_get_n_made (rows);
      frames++;
    }
  }
  g_assert_false (timed_out);
  g_source_remove (id);
  g_assert_cmpuint (frames, >=, 5);
  g_assert_cmpuint (cl_list_rows_get_n_made (rows), ==, 100);
  g_assert_cmpuint (n_created, ==, 100);
  assert_rows_match (box, G_LIST_MODEL (store), 100);

  /* Removing and inserting among made rows keeps them in step. */
  g_list_store_remove (store, 10);
  g_list_store_remove (store, 0);
  {
    g_autoptr(GtkStringObject) inserted = gtk_string_object_new ("inserted");

    g_list_store_insert (store, 5, inserted);
  }
  g_assert_cmpuint (cl_list_rows_get_n_made (rows), ==, 99);
  assert_rows_match (box, G_LIST_MODEL (store), 99);

  /* A row asked for before its turn is made on the spot, with those before it. */
  append_strings (store, "late", 50);
  g_assert_true (cl_list_rows_is_filling (rows));
  g_assert_nonnull (cl_list_rows_get_row (rows, 140));
  g_assert_cmpuint (cl_list_rows_get_n_made (rows), >=, 141);
  assert_rows_match (box, G_LIST_MODEL (store), cl_list_rows_get_n_made (rows));
  g_assert_null (cl_list_rows_get_row (rows, 149 + 1));

  /* Clearing removes every row. */
  g_list_store_remove_all (store);
  cl_test_drain_main_context ();
  g_assert_cmpuint (cl_list_rows_get_n_made (rows), ==, 0);
  g_assert_null (gtk_list_box_get_row_at_index (box, 0));
  gtk_window_destroy (GTK_WINDOW (window));
}


static void
test_list_rows_unseen_list (void)
{
  GtkListBox *box = GTK_LIST_BOX (g_object_ref_sink (gtk_list_box_new ()));
  g_autoptr(GListStore) store = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  g_autoptr(ClListRows) rows = NULL;
  guint n_created = 0;

  rows = cl_list_rows_new (box, G_LIST_MODEL (store), create_row, &n_created);
  append_strings (store, "file", 60);
  /* No frames come to a list not in a window: everything at once. */
  g_assert_false (cl_list_rows_is_filling (rows));
  g_assert_cmpuint (n_created, ==, 60);
  assert_rows_match (box, G_LIST_MODEL (store), 60);
  g_clear_pointer (&rows, cl_list_rows_free);
  g_object_unref (box);
}


/* Wrapping labels under root with no minimum width (each such label searches for one by
 * laying its text out at width after width); counts the wrapping ones in *n_wrapping. */
static guint
count_unsettled_labels (GtkWidget *root,
                        guint     *n_wrapping)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child)) {
    if (GTK_IS_LABEL (child) && gtk_label_get_wrap (GTK_LABEL (child))) {
      (*n_wrapping)++;
      n += gtk_label_get_width_chars (GTK_LABEL (child)) < 0;
    }
    n += count_unsettled_labels (child, n_wrapping);
  }
  return n;
}


static ClVerification *
verify_signed_jpeg (void)
{
  g_autoptr(ClTestSigner) signer = cl_test_signer_new (1, 365);
  g_autoptr(ClTestSignedJpeg) jpeg = cl_test_signed_jpeg_new (signer);
  g_autofree char *path = cl_test_write_temp (jpeg->file, "signed.jpg");
  ClVerifyOptions options = CL_VERIFY_OPTIONS_INIT;
  ClVerification *verification = cl_verify_file (path, &options, NULL);

  g_assert_nonnull (verification);
  g_assert_nonnull (verification->report);
  return verification;
}


static ClVerifyItem *
item_for (ClVerification *verification)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/signed.jpg");
  ClVerifyItem *item = cl_verify_item_new (file);

  cl_verify_item_set_verification (item, verification);
  return item;
}


static void
test_detail_lays_out_groups_after_verdict (void)
{
  g_autoptr(ClVerification) verification = verify_signed_jpeg ();
  g_autoptr(ClVerifyItem) item = item_for (verification);
  GtkWidget *window = gtk_window_new ();
  ClVerifyDetail *detail = g_object_new (CL_TYPE_VERIFY_DETAIL, NULL);
  GtkWidget *later[] = {
    GTK_WIDGET (cl_verify_detail_get_confidence (detail)),
    GTK_WIDGET (cl_verify_detail_get_signer (detail)),
    GTK_WIDGET (cl_verify_detail_get_chain (detail)),
    GTK_WIDGET (cl_verify_detail_get_manifest (detail)),
    GTK_WIDGET (cl_verify_detail_get_raw_data (detail)),
  };
  gboolean timed_out = FALSE;
  guint id, frames_seen = 0;

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (detail));
  gtk_window_set_default_size (GTK_WINDOW (window), 700, 800);
  gtk_window_present (GTK_WINDOW (window));
  cl_test_drain_main_context ();

  cl_verify_detail_set_item (detail, item);
  /* The verdict at once; the groups after it wait for later frames, already filled. */
  g_assert_true (cl_verify_detail_is_laying_out (detail));
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (cl_verify_detail_get_banner (detail))));
  for (guint i = 0; i < G_N_ELEMENTS (later); i++) {
    /* Its own visibility untouched; not laid out (an ancestor hidden). */
    g_assert_true (gtk_widget_get_visible (later[i]));
    g_assert_false (gtk_widget_is_visible (later[i]));
  }
  g_assert_cmpuint (cl_manifest_group_get_n_rows (cl_verify_detail_get_manifest (detail)), >, 0);
  {
    guint n_wrapping = 0;

    g_assert_cmpuint (count_unsettled_labels (GTK_WIDGET (detail), &n_wrapping), ==, 0);
    g_assert_cmpuint (n_wrapping, >, 20);
  }

  id = g_timeout_add_seconds (30, timed_out_cb, &timed_out);
  while (cl_verify_detail_is_laying_out (detail) && !timed_out) {
    g_main_context_iteration (NULL, TRUE);
    frames_seen++;
  }
  g_assert_false (timed_out);
  g_source_remove (id);
  g_assert_cmpuint (frames_seen, >, 1);
  for (guint i = 0; i < G_N_ELEMENTS (later); i++) {
    g_assert_true (gtk_widget_is_visible (later[i]));
    g_assert_true (gtk_widget_get_mapped (later[i]));
  }

  /* Another file, or none, starts over; nothing stays hidden. */
  cl_verify_detail_set_item (detail, NULL);
  g_assert_false (cl_verify_detail_is_laying_out (detail));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (cl_verify_detail_get_chain (detail))));
  cl_verify_detail_set_item (detail, item);
  cl_verify_detail_set_item (detail, NULL);
  g_assert_false (cl_verify_detail_is_laying_out (detail));
  gtk_window_destroy (GTK_WINDOW (window));
}


static void
test_detail_not_in_view (void)
{
  g_autoptr(ClVerification) verification = verify_signed_jpeg ();
  g_autoptr(ClVerifyItem) item = item_for (verification);
  ClVerifyDetail *detail = g_object_ref_sink (g_object_new (CL_TYPE_VERIFY_DETAIL, NULL));

  cl_verify_detail_set_item (detail, item);
  g_assert_false (cl_verify_detail_is_laying_out (detail));
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (cl_verify_detail_get_raw_data (detail))));
  g_object_unref (detail);
}


#ifdef __linux__
static gpointer
background_thread (gpointer data)
{
  id_t tid = (id_t) syscall (SYS_gettid);

  cl_thread_priority_background ();
  cl_thread_priority_background ();
  return GINT_TO_POINTER (getpriority (PRIO_PROCESS, tid) + 100);
}
#endif


static void
test_background_priority (void)
{
#ifdef __linux__
  id_t main_tid = (id_t) syscall (SYS_gettid);
  int main_before = getpriority (PRIO_PROCESS, main_tid);
  GThread *thread = g_thread_new ("background", background_thread, NULL);
  int nice_in_thread = GPOINTER_TO_INT (g_thread_join (thread)) - 100;

  g_assert_cmpint (nice_in_thread, ==, MAX (main_before, 10));
  /* Only that thread: the one drawing the window keeps its priority. */
  g_assert_cmpint (getpriority (PRIO_PROCESS, main_tid), ==, main_before);
#else
  g_test_skip ("thread priorities are set on Linux only");
#endif
}


int
main (int   argc,
      char *argv[])
{
  g_autoptr(ClTrustStore) no_lists = NULL;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  no_lists = cl_trust_store_new (NULL);
  cl_trust_store_set_default (no_lists);
  g_test_add_func ("/frame-budget/list-rows/fill-over-frames", test_list_rows_fill_over_frames);
  g_test_add_func ("/frame-budget/list-rows/unseen-list", test_list_rows_unseen_list);
  g_test_add_func ("/frame-budget/detail/groups-after-verdict",
                   test_detail_lays_out_groups_after_verdict);
  g_test_add_func ("/frame-budget/detail/not-in-view", test_detail_not_in_view);
  g_test_add_func ("/frame-budget/background-priority", test_background_priority);
  return g_test_run ();
}
