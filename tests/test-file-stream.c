/* test-file-stream.c: only regular files are read — a pipe, a socket or a device named
 * like an image is refused at once, never opened to wait for a writer — and a regular file
 * reads, seeks and skips as a file stream does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "cl-file-stream.h"
#include "cl-test-tmp.h"

/* Each case must end at once; a reader waiting on a pipe fails the test instead of hanging. */
#define CASE_DEADLINE_SECONDS 10


static void
assert_refused (const char *path,
                gint        code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GInputStream) stream = cl_file_stream_open (path, NULL, &error);

  g_assert_null (stream);
  g_assert_error (error, G_IO_ERROR, code);
  g_test_message ("%s: %s", path, error->message);
}


static void
test_special_files (void)
{
  g_autofree char *dir = cl_test_tmp_dir_new ("credlink-stream", CL_TEST_TMP_UNTIL_CASE_ENDS);
  g_autofree char *fifo = g_build_filename (dir, "photo.jpg", NULL);
  g_autofree char *sock = g_build_filename (dir, "sock.jpg", NULL);
  g_autofree char *link = g_build_filename (dir, "null.jpg", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.jpg", NULL);

  alarm (CASE_DEADLINE_SECONDS);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  cl_test_make_socket (sock);
  g_assert_cmpint (symlink ("/dev/null", link), ==, 0);

  assert_refused (fifo, G_IO_ERROR_NOT_REGULAR_FILE);
  assert_refused (sock, G_IO_ERROR_NOT_REGULAR_FILE);
  assert_refused ("/dev/null", G_IO_ERROR_NOT_REGULAR_FILE);
  assert_refused (link, G_IO_ERROR_NOT_REGULAR_FILE);
  assert_refused (dir, G_IO_ERROR_IS_DIRECTORY);
  assert_refused (missing, G_IO_ERROR_NOT_FOUND);
  alarm (0);
}


static void
test_regular_file (void)
{
  g_autofree char *dir = cl_test_tmp_dir_new ("credlink-stream", CL_TEST_TMP_UNTIL_CASE_ENDS);
  g_autofree char *path = g_build_filename (dir, "ten.bin", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GInputStream) stream = NULL;
  char buffer[16] = { 0 };
  gsize got = 0;

  g_assert_true (g_file_set_contents (path, "0123456789", 10, NULL));
  g_assert_cmpint (g_chmod (path, 0640), ==, 0);
  stream = cl_file_stream_open (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (G_IS_SEEKABLE (stream));
  g_assert_cmpuint (cl_file_stream_get_mode (CL_FILE_STREAM (stream)), ==, 0640);

  g_assert_true (g_input_stream_read_all (stream, buffer, 4, &got, NULL, &error));
  g_assert_cmpmem (buffer, got, "0123", 4);
  g_assert_cmpint (g_seekable_tell (G_SEEKABLE (stream)), ==, 4);
  g_assert_cmpint (g_input_stream_skip (stream, 3, NULL, &error), ==, 3);
  g_assert_true (g_input_stream_read_all (stream, buffer, 2, &got, NULL, &error));
  g_assert_cmpmem (buffer, got, "78", 2);
  /* Skipping stops at the end of the file. */
  g_assert_cmpint (g_input_stream_skip (stream, 100, NULL, &error), ==, 1);
  g_assert_true (g_seekable_seek (G_SEEKABLE (stream), -3, G_SEEK_END, NULL, &error));
  g_assert_true (g_input_stream_read_all (stream, buffer, sizeof buffer, &got, NULL, &error));
  g_assert_cmpmem (buffer, got, "789", 3);
  g_assert_true (g_seekable_seek (G_SEEKABLE (stream), 1, G_SEEK_SET, NULL, &error));
  g_assert_true (g_seekable_seek (G_SEEKABLE (stream), 1, G_SEEK_CUR, NULL, &error));
  g_assert_cmpint (g_seekable_tell (G_SEEKABLE (stream)), ==, 2);
  g_assert_false (g_seekable_can_truncate (G_SEEKABLE (stream)));
  g_assert_no_error (error);
  g_assert_true (g_input_stream_close (stream, NULL, &error));
}


static void
test_cancelled (void)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_null (cl_file_stream_open ("/dev/null", cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}


int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/file-stream/special-files", test_special_files);
  g_test_add_func ("/file-stream/regular-file", test_regular_file);
  g_test_add_func ("/file-stream/cancelled", test_cancelled);
  return g_test_run ();
}
