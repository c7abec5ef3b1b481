/* cl-test-tmp.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "cl-test-tmp.h"

/* The directories to remove at exit (from the test's own thread, as GTest's queue), and the
 * process that made them: a forked child that exits leaves its parent's directories alone. */
static GPtrArray *exit_dirs;
static pid_t exit_pid;


void
cl_test_remove_tree (const char *path)
{
  GStatBuf st;
  int failed;
  int saved_errno;

  g_return_if_fail (path != NULL);

  /* lstat: a symbolic link is a name to unlink, whatever it points at (tests make loops). */
  if (g_lstat (path, &st) != 0)
    return;
  if (S_ISDIR (st.st_mode)) {
    g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL) {
      g_autofree char *child = g_build_filename (path, name, NULL);

      cl_test_remove_tree (child);
    }
    failed = g_rmdir (path);
  } else {
    failed = g_unlink (path);
  }
  saved_errno = errno;
  if (failed != 0 && saved_errno != ENOENT)
    g_printerr ("cl-test-tmp: could not remove %s: %s\n", path, g_strerror (saved_errno));
}


static void
remove_scheduled (gpointer data)
{
  g_autofree char *path = data;

  if (g_getenv ("CREDLINK_KEEP_TEST_FILES") != NULL)
    g_printerr ("cl-test-tmp: kept %s (CREDLINK_KEEP_TEST_FILES)\n", path);
  else
    cl_test_remove_tree (path);
}


static void
remove_at_exit (void)
{
  if (getpid () != exit_pid)
    return;
  /* The newest first, as GTest empties its queue. */
  while (exit_dirs->len > 0)
    remove_scheduled (g_ptr_array_steal_index (exit_dirs, exit_dirs->len - 1));
  g_clear_pointer (&exit_dirs, g_ptr_array_unref);
}


char *
cl_test_tmp_dir_new (const char        *prefix,
                     ClTestTmpLifetime  lifetime)
{
  g_autofree char *template = g_strconcat (prefix, "-XXXXXX", NULL);
  g_autoptr(GError) error = NULL;
  const char *test_path = g_test_get_path ();
  char *path;

  /* The test path is "" before g_test_run() and NULL after it: outside a test case, no case
   * would empty GTest's queue, or the next one would, too early. */
  if (lifetime == CL_TEST_TMP_UNTIL_CASE_ENDS && (test_path == NULL || *test_path == '\0'))
    g_error ("cl_test_tmp_dir_new (\"%s\", CL_TEST_TMP_UNTIL_CASE_ENDS) outside a test case",
             prefix);

  path = g_dir_make_tmp (template, &error);
  g_assert_no_error (error);
  g_assert_nonnull (path);

  switch (lifetime) {
  case CL_TEST_TMP_UNTIL_CASE_ENDS:
    g_test_queue_destroy (remove_scheduled, g_strdup (path));
    break;

  case CL_TEST_TMP_UNTIL_EXIT:
    if (exit_dirs == NULL) {
      exit_dirs = g_ptr_array_new ();
      exit_pid = getpid ();
      atexit (remove_at_exit);
    }
    g_ptr_array_add (exit_dirs, g_strdup (path));
    break;

  case CL_TEST_TMP_UNTIL_REMOVED:
    break;

  default:
    g_assert_not_reached ();
  }

  return path;
}


void
cl_test_make_socket (const char *path)
{
  struct sockaddr_un addr = { .sun_family = AF_UNIX };
  int fd = socket (AF_UNIX, SOCK_STREAM, 0);

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpuint (strlen (path), <, sizeof addr.sun_path);
  strcpy (addr.sun_path, path);
  g_assert_cmpint (bind (fd, (struct sockaddr *) &addr, sizeof addr), ==, 0);
  close (fd);
}
