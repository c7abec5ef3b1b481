/* test-window.c: files that arrive through the drop path and the open path
 * are listed in the main window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "cl-test-gui.h"
#include "cl-application.h"
#include "cl-test-tmp.h"
#include "cl-verify-row.h"
#include "cl-window.h"

static GFile *
make_file (const char *dir,
           const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, "\xff\xd8\xff\xd9", 4, NULL));
  return g_file_new_for_path (path);
}

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;
  return n;
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

static gboolean
timed_out_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Dropped files are collected in a thread (folders are walked): wait for them. */
static void
wait_for_files (ClWindow *window,
                guint     n_files)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (30, timed_out_cb, &timed_out);

  while (g_list_model_get_n_items (cl_window_get_files (window)) < n_files && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (id);
  cl_test_drain_main_context ();
}

static void
test_drop_two_files (void)
{
  g_autofree char *dir = cl_test_tmp_dir_new ("credlink-window", CL_TEST_TMP_UNTIL_CASE_ENDS);
  g_autoptr(GFile) a = make_file (dir, "first.jpg");
  g_autoptr(GFile) b = make_file (dir, "second.png");
  ClWindow *window = cl_window_new (NULL);
  GtkDropTarget *target = cl_test_find_drop_target (GTK_WIDGET (window));
  GSList *list = g_slist_append (g_slist_append (NULL, a), b);
  GValue value = G_VALUE_INIT;
  gboolean accepted = FALSE;
  GtkListBox *box;
  GtkListBoxRow *row;

  g_assert_nonnull (target);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_cmpuint (g_list_model_get_n_items (cl_window_get_files (window)), ==, 0);

  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (list));
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  g_value_unset (&value);
  g_slist_free (list);
  wait_for_files (window, 2);

  g_assert_true (accepted);
  g_assert_cmpuint (g_list_model_get_n_items (cl_window_get_files (window)), ==, 2);
  box = find_list_box (GTK_WIDGET (window));
  g_assert_nonnull (box);
  g_assert_cmpuint (count_rows (box), ==, 2);
  row = gtk_list_box_get_row_at_index (box, 1);
  g_assert_true (CL_IS_VERIFY_ROW (row));
  g_assert_cmpstr (gtk_label_get_label (cl_verify_row_get_name_label (CL_VERIFY_ROW (row))), ==,
                   "second.png");

  /* The same files again (a second drop, or the command line) are not listed twice. */
  {
    GFile *again[] = { b, a };

    cl_window_open_files (window, again, 2);
  }
  while (cl_verify_page_is_busy (cl_window_get_verify_page (window)))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (count_rows (box), ==, 2);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
quit_when_listed (gpointer data)
{
  GApplication *app = data;
  ClWindow *window = g_object_get_data (G_OBJECT (app), "window");

  if (window != NULL && g_list_model_get_n_items (cl_window_get_files (window)) > 0)
    g_application_quit (app);
  else
    g_timeout_add_once (100, quit_when_listed, app);
}

/* The application's open path (files on the command line, or dropped on the icon). */
static void
window_added_cb (GtkApplication *app,
                 GtkWindow      *window,
                 gpointer        user_data)
{
  guint *n_files = user_data;

  /* "open" adds the files right after creating the window (collected in a thread):
   * look once they are there. */
  g_timeout_add_once (100, quit_when_listed, app);
  g_object_set_data (G_OBJECT (app), "window", window);
  (void) n_files;
}

static void
shutdown_cb (GApplication *app,
             gpointer      user_data)
{
  guint *n_files = user_data;
  ClWindow *window = g_object_get_data (G_OBJECT (app), "window");

  *n_files = g_list_model_get_n_items (cl_window_get_files (window));
}

static void
test_app_open_argument (void)
{
  g_autofree char *dir = cl_test_tmp_dir_new ("credlink-window", CL_TEST_TMP_UNTIL_CASE_ENDS);
  g_autoptr(GFile) a = make_file (dir, "from-command-line.jpg");
  g_autofree char *path = g_file_get_path (a);
  g_autoptr(ClApplication) app = cl_application_new ();
  char *argv[] = { (char *) "credlink", path, NULL };
  guint n_files = 0;

  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "window-added", G_CALLBACK (window_added_cb), &n_files);
  g_signal_connect (app, "shutdown", G_CALLBACK (shutdown_cb), &n_files);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 2, argv), ==, 0);
  g_assert_cmpuint (n_files, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  int rc;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/window/drop-two-files", test_drop_two_files);
  g_test_add_func ("/window/app-open-argument", test_app_open_argument);

  rc = g_test_run ();
  cl_test_end_worker_threads ();
  return rc;
}
