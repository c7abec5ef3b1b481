/* test-sign-errors.c: what signing refuses — truncated and unsupported inputs, pipes,
 * sockets and devices (at once, never waiting on them), an expired profile, an output that exists (kept unless forced, and never lost to a failed run), a
 * cancelled run — and that it leaves nothing behind when it does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "cl-error.h"
#include "cl-signer.h"
#include "cl-test-identity.h"
#include "cl-test-sign-util.h"
#include "cl-test-signing.h"
#include "cl-test-tmp.h"

static char *work_dir;


static guint
count_entries (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (d != NULL && g_dir_read_name (d) != NULL)
    n++;
  return n;
}


static void
assert_sign_fails (ClSigningProfile *profile,
                   const char       *input,
                   GQuark            domain,
                   gint              code)
{
  g_autofree char *dir = g_build_filename (work_dir, "fail", NULL);
  g_autofree char *output = g_build_filename (dir, "out.img", NULL);
  g_autoptr(GError) error = NULL;
  ClSignOptions options = { 0, };
  ClSignResult *result;

  g_mkdir_with_parents (dir, 0700);
  result = cl_signer_sign_file (profile, &options, input, output, NULL, &error);
  g_assert_null (result);
  g_assert_error (error, domain, code);
  g_assert_nonnull (error->message);
  g_test_message ("expected failure: %s", error->message);
  /* Nothing left behind, not even a temporary file. */
  g_assert_cmpuint (count_entries (dir), ==, 0);
}


static void
test_bad_inputs (void)
{
  ClTestSigningIdentity *id = cl_test_signing_identity (CL_COSE_ALG_ES256, work_dir);
  g_autofree char *jpeg = cl_test_make_image (work_dir, "whole.jpg", "jpeg", 300, 200);
  g_autofree char *png = cl_test_make_image (work_dir, "whole.png", "png", 300, 200);
  g_autofree char *cut_jpeg = g_build_filename (work_dir, "cut.jpg", NULL);
  g_autofree char *cut_png = g_build_filename (work_dir, "cut.png", NULL);
  g_autofree char *no_iend = g_build_filename (work_dir, "no-iend.png", NULL);
  g_autofree char *gif = g_build_filename (work_dir, "anim.gif", NULL);
  g_autofree char *text = g_build_filename (work_dir, "notes.jpg", NULL);
  g_autofree char *contents = NULL;
  gsize len;
  static const char gif_bytes[] = "GIF89a\x01\x00\x01\x00\x00\x00\x00;";

  g_assert_true (g_file_get_contents (jpeg, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (cut_jpeg, contents, len / 2, NULL));
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (png, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (cut_png, contents, len - 40, NULL));
  g_assert_true (g_file_set_contents (no_iend, contents, len - 12, NULL));
  g_assert_true (g_file_set_contents (gif, gif_bytes, sizeof gif_bytes - 1, NULL));
  g_assert_true (g_file_set_contents (text, "hello, this is not an image", -1, NULL));

  assert_sign_fails (id->profile, cut_jpeg, CL_SIGN_ERROR, CL_SIGN_ERROR_INPUT);
  assert_sign_fails (id->profile, cut_png, CL_ASSET_ERROR, CL_ASSET_ERROR_TRUNCATED);
  assert_sign_fails (id->profile, no_iend, CL_ASSET_ERROR, CL_ASSET_ERROR_TRUNCATED);
  /* A GIF with no image in it: the decoder refuses it. */
  assert_sign_fails (id->profile, gif, CL_SIGN_ERROR, CL_SIGN_ERROR_INPUT);
  assert_sign_fails (id->profile, text, CL_ASSET_ERROR, CL_ASSET_ERROR_UNSUPPORTED_FORMAT);
}


/* Opening a pipe for reading waits for a writer: the alarm fails the test instead. */
static void
test_special_files (void)
{
  ClTestSigningIdentity *id = cl_test_signing_identity (CL_COSE_ALG_ES256, work_dir);
  g_autofree char *fifo = g_build_filename (work_dir, "pipe.jpg", NULL);
  g_autofree char *sock = g_build_filename (work_dir, "sock.png", NULL);

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  cl_test_make_socket (sock);
  alarm (10);
  assert_sign_fails (id->profile, fifo, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  assert_sign_fails (id->profile, sock, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  assert_sign_fails (id->profile, "/dev/null", G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  alarm (0);
}


static void
test_expired_profile (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) start = g_date_time_add_days (now, -400);
  g_autoptr(GDateTime) end = g_date_time_add_days (now, -2);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClSigningProfile) expired = cl_test_identity_create ("Expired", CL_COSE_ALG_ES256, start,
                                                          end, &error);
  g_autofree char *input = cl_test_make_image (work_dir, "for-expired.png", "png", 20, 20);

  g_assert_no_error (error);
  assert_sign_fails (expired, input, CL_SIGN_ERROR, CL_SIGN_ERROR_PROFILE);
}


static void
test_existing_output (void)
{
  ClTestSigningIdentity *id = cl_test_signing_identity (CL_COSE_ALG_ES256, work_dir);
  g_autofree char *input = cl_test_make_image (work_dir, "exists.png", "png", 30, 30);
  g_autofree char *output = g_build_filename (work_dir, "exists-out.png", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  ClSignOptions options = { 0, };
  ClSignResult *result;

  g_assert_true (g_file_set_contents (output, "keep me", -1, NULL));
  result = cl_signer_sign_file (id->profile, &options, input, output, NULL, &error);
  g_assert_null (result);
  g_assert_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_OUTPUT_EXISTS);
  g_assert_true (g_file_get_contents (output, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "keep me");
  g_clear_error (&error);

  /* A failed signing never replaces the existing output, even with force. */
  options.force = TRUE;
  {
    g_autofree char *broken = g_build_filename (work_dir, "broken.png", NULL);
    g_autofree char *kept = NULL;

    g_assert_true (g_file_set_contents (broken, "\x89PNG\r\n\x1a\n broken", -1, NULL));
    result = cl_signer_sign_file (id->profile, &options, broken, output, NULL, &error);
    g_assert_null (result);
    g_assert_nonnull (error);
    g_clear_error (&error);
    g_assert_true (g_file_get_contents (output, &kept, NULL, NULL));
    g_assert_cmpstr (kept, ==, "keep me");
  }

  /* The source itself is never a valid output, even with force. */
  result = cl_signer_sign_file (id->profile, &options, input, input, NULL, &error);
  g_assert_null (result);
  g_assert_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_OUTPUT_EXISTS);
  g_clear_error (&error);

  result = cl_signer_sign_file (id->profile, &options, input, output, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);
  cl_test_assert_signed_store (output, result, id);
  cl_sign_result_free (result);
}


static void
test_cancelled (void)
{
  ClTestSigningIdentity *id = cl_test_signing_identity (CL_COSE_ALG_ES256, work_dir);
  g_autofree char *input = cl_test_make_image (work_dir, "cancel.jpg", "jpeg", 200, 100);
  g_autofree char *dir = g_build_filename (work_dir, "cancelled", NULL);
  g_autofree char *output = g_build_filename (dir, "out.jpg", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  ClSignOptions options = { 0, };

  g_mkdir_with_parents (dir, 0700);
  g_cancellable_cancel (cancellable);
  g_assert_null (cl_signer_sign_file (id->profile, &options, input, output, cancellable,
                                      &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (count_entries (dir), ==, 0);
}


int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  work_dir = cl_test_tmp_dir_new ("credlink-sign-errors", CL_TEST_TMP_UNTIL_EXIT);

  g_test_add_func ("/sign/errors/bad-inputs", test_bad_inputs);
  g_test_add_func ("/sign/errors/special-files", test_special_files);
  g_test_add_func ("/sign/errors/expired-profile", test_expired_profile);
  g_test_add_func ("/sign/errors/existing-output", test_existing_output);
  g_test_add_func ("/sign/errors/cancelled", test_cancelled);
  status = g_test_run ();

  cl_test_signing_identities_free ();
  g_free (work_dir);
  return status;
}
