/* test-atomic-file.c: the temporary files an interrupted write left behind are removed
 * once nobody has written to them for a while; younger ones, other names and folders are
 * kept.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sys/time.h>
#include <glib/gstdio.h>

#include "cl-atomic-file.h"
#include "cl-test-tmp.h"


static char *
make_file (const char *dir,
           const char *name,
           gint64      age_seconds)
{
  char *path = g_build_filename (dir, name, NULL);
  struct timeval times[2];

  g_assert_true (g_file_set_contents (path, "partial", -1, NULL));
  gettimeofday (&times[0], NULL);
  times[0].tv_sec -= (time_t) age_seconds;
  times[1] = times[0];
  g_assert_cmpint (utimes (path, times), ==, 0);
  return path;
}


static void
test_remove_stale (void)
{
  g_autofree char *dir = cl_test_tmp_dir_new ("credlink-atomic", CL_TEST_TMP_UNTIL_CASE_ENDS);
  g_autofree char *stale = make_file (dir, ".photo.jpg.credlink-Ab3xY9", 3600);
  g_autofree char *fresh = make_file (dir, ".photo.jpg.credlink-Qw12Er", 0);
  g_autofree char *other = make_file (dir, ".photo.jpg.credlink-short", 3600);
  g_autofree char *visible = make_file (dir, "photo.jpg.credlink-Ab3xY9", 3600);
  g_autofree char *folder = g_build_filename (dir, ".folder.credlink-Zz99Zz", NULL);

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_cmpuint (cl_atomic_file_remove_stale (dir, CL_ATOMIC_FILE_STALE_AGE), ==, 1);
  g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (fresh, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (visible, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
  g_assert_cmpuint (cl_atomic_file_remove_stale ("/nonexistent/credlink", G_TIME_SPAN_MINUTE),
                    ==, 0);
}


/* What a killed writer leaves is named as cl_atomic_file_new() names its files. */
static void
test_own_names_match (void)
{
  g_autofree char *dir = cl_test_tmp_dir_new ("credlink-atomic", CL_TEST_TMP_UNTIL_CASE_ENDS);
  g_autofree char *target = g_build_filename (dir, "photo.jpg", NULL);
  g_autoptr(GError) error = NULL;
  ClAtomicFile *file = cl_atomic_file_new (target, 0644, &error);
  const char *temp_path;

  g_assert_no_error (error);
  temp_path = cl_atomic_file_get_temp_path (file);
  g_assert_true (g_file_test (temp_path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (cl_atomic_file_remove_stale (dir, 0), ==, 1);
  g_assert_false (g_file_test (temp_path, G_FILE_TEST_EXISTS));
  cl_atomic_file_free (file);
}


int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/atomic-file/remove-stale", test_remove_stale);
  g_test_add_func ("/atomic-file/own-names-match", test_own_names_match);
  return g_test_run ();
}
