/* test-file-collector.c: dropping files and folders.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "cl-file-collector.h"
#include "cl-test-tmp.h"

static void
touch (const char *dir, const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *parent = g_path_get_dirname (path);

  g_assert_cmpint (g_mkdir_with_parents (parent, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, "x", 1, NULL));
}

static char *
relative (GFile *root, GFile *file)
{
  return g_file_get_relative_path (root, file);
}

static void
test_walk (void)
{
  g_autofree char *dir = cl_test_tmp_dir_new ("credlink-walk", CL_TEST_TMP_UNTIL_CASE_ENDS);
  g_autoptr(GFile) root = g_file_new_for_path (dir);
  g_autofree char *loose_path = g_build_filename (dir, "b", "notes.txt", NULL);
  g_autoptr(GFile) loose = g_file_new_for_path (loose_path);
  g_autofree char *link_path = g_build_filename (dir, "b", "loop", NULL);
  GFile *inputs[3];
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GError) error = NULL;
  const char *expected[] = { "b/notes.txt", "a.JPG", "z.png", "b/c.jpeg", "b/deeper/d.webp" };

  touch (dir, "z.png");
  touch (dir, "a.JPG");
  touch (dir, "readme.md");
  touch (dir, ".hidden.jpg");
  touch (dir, "b/c.jpeg");
  touch (dir, "b/notes.txt");
  touch (dir, "b/deeper/d.webp");
  touch (dir, ".cache/e.jpg");
  g_assert_cmpint (symlink (dir, link_path), ==, 0);   /* a cycle */

  /* A file named explicitly is kept whatever its name; the folder adds its images;
   * the same file twice is listed once. */
  inputs[0] = loose;
  inputs[1] = root;
  inputs[2] = loose;
  files = cl_file_collector_collect (inputs, 3, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (files->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < files->len; i++) {
    g_autofree char *rel = relative (root, g_ptr_array_index (files, i));

    g_assert_cmpstr (rel, ==, expected[i]);
  }
}

static void
test_missing (void)
{
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/credlink/photo.jpg");
  g_autoptr(GError) error = NULL;
  GPtrArray *files = cl_file_collector_collect (&missing, 1, NULL, NULL, &error);

  g_assert_null (files);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "photo.jpg"));
}

static void
collected_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GPtrArray **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = cl_file_collector_collect_finish (result, NULL, &error);
  g_assert_no_error (error);
}

static void
test_async (void)
{
  g_autofree char *dir = cl_test_tmp_dir_new ("credlink-walk", CL_TEST_TMP_UNTIL_CASE_ENDS);
  g_autoptr(GFile) root = g_file_new_for_path (dir);
  GPtrArray *files = NULL;

  touch (dir, "one.jpg");
  touch (dir, "two/two.png");
  cl_file_collector_collect_async (&root, 1, NULL, collected_cb, &files);
  while (files == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (files->len, ==, 2);
  g_ptr_array_unref (files);
}

static void
skipped_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GPtrArray **out = user_data;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GError) error = NULL;

  files = cl_file_collector_collect_finish (result, out, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (files->len, ==, 1);
}

/* A pipe, a socket and a device named like images are left out of a folder, and listed;
 * a pipe not named like an image is not even looked at. */
static void
test_special_files (void)
{
  g_autofree char *dir = cl_test_tmp_dir_new ("credlink-walk", CL_TEST_TMP_UNTIL_CASE_ENDS);
  g_autoptr(GFile) root = g_file_new_for_path (dir);
  g_autofree char *fifo = g_build_filename (dir, "photo.jpg", NULL);
  g_autofree char *other_fifo = g_build_filename (dir, "control", NULL);
  g_autofree char *sock = g_build_filename (dir, "sock.png", NULL);
  g_autofree char *device = g_build_filename (dir, "null.jpeg", NULL);
  g_autofree char *real = g_build_filename (dir, "real.jpg", NULL);
  const char *expected_skipped[] = { "null.jpeg", "photo.jpg", "sock.png" };
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GPtrArray) skipped = NULL;
  GPtrArray *skipped_async = NULL;
  g_autoptr(GError) error = NULL;

  touch (dir, "real.jpg");
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_cmpint (mkfifo (other_fifo, 0600), ==, 0);
  cl_test_make_socket (sock);
  g_assert_cmpint (symlink ("/dev/null", device), ==, 0);

  files = cl_file_collector_collect (&root, 1, &skipped, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (files->len, ==, 1);
  g_assert_cmpstr (g_file_peek_path (g_ptr_array_index (files, 0)), ==, real);
  g_assert_cmpuint (skipped->len, ==, G_N_ELEMENTS (expected_skipped));
  for (guint i = 0; i < skipped->len; i++) {
    g_autofree char *rel = relative (root, g_ptr_array_index (skipped, i));

    g_assert_cmpstr (rel, ==, expected_skipped[i]);
  }

  cl_file_collector_collect_async (&root, 1, NULL, skipped_cb, &skipped_async);
  while (skipped_async == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (skipped_async->len, ==, G_N_ELEMENTS (expected_skipped));
  g_ptr_array_unref (skipped_async);
}

static void
test_image_names (void)
{
  g_assert_true (cl_file_collector_is_image_name ("IMG_0001.HEIC"));
  g_assert_true (cl_file_collector_is_image_name ("scan.tiff"));
  g_assert_false (cl_file_collector_is_image_name ("report.pdf"));
  g_assert_false (cl_file_collector_is_image_name ("jpg"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/file-collector/walk", test_walk);
  g_test_add_func ("/file-collector/missing", test_missing);
  g_test_add_func ("/file-collector/async", test_async);
  g_test_add_func ("/file-collector/special-files", test_special_files);
  g_test_add_func ("/file-collector/image-names", test_image_names);
  return g_test_run ();
}
