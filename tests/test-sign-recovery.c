/* test-sign-recovery.c (issue 6): a JPEG and a PNG signed here leave signed proofs;
 * a platform strips their C2PA segment/chunk; verifying the stripped copy recovers the
 * credentials from the proof cache; the stripped copy with one pixel byte changed
 * is not recovered.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cl-asset.h"
#include "cl-sign-record.h"
#include "cl-test-identity.h"
#include "cl-test-sign-util.h"
#include "cl-test-tmp.h"
#include "cl-verification.h"

static char *work_dir;
static ClSigningProfile *profile;

/* Writes a copy of path with the byte range [start, start + length) removed. */
static char *
strip (const char *path,
       guint64     start,
       guint64     length,
       const char *name)
{
  g_autofree char *contents = NULL;
  gsize size = 0;
  g_autoptr(GByteArray) out = g_byte_array_new ();
  char *stripped = g_build_filename (work_dir, name, NULL);

  g_assert_true (g_file_get_contents (path, &contents, &size, NULL));
  g_assert_cmpuint (start + length, <=, size);
  g_byte_array_append (out, (guint8 *) contents, (guint) start);
  g_byte_array_append (out, (guint8 *) contents + start + length, (guint) (size - start - length));
  g_assert_true (g_file_set_contents (stripped, (char *) out->data, out->len, NULL));
  return stripped;
}

static void
flip_last_byte_before (const char *path,
                       gsize       from_end)
{
  g_autofree char *contents = NULL;
  gsize size = 0;

  g_assert_true (g_file_get_contents (path, &contents, &size, NULL));
  contents[size - from_end] ^= 0x20;
  g_assert_true (g_file_set_contents (path, contents, size, NULL));
}

static void
test_recovery (gconstpointer data)
{
  const char *format = data;
  g_autofree char *name = g_strdup_printf ("photo.%s", format);
  g_autofree char *input = cl_test_make_image (work_dir, name,
                                               g_str_equal (format, "png") ? "png" : "jpeg",
                                               96, 64);
  g_autofree char *output = g_strdup_printf ("%s/signed.%s", work_dir, format);
  g_autofree char *db = g_strdup_printf ("%s/proofs-%s.db", work_dir, format);
  g_autofree char *stripped = NULL;
  g_autofree char *altered_name = g_strdup_printf ("altered.%s", format);
  g_autofree char *altered = NULL;
  g_autoptr(ClProofCache) cache = NULL;
  g_autoptr(ClSignResult) result = NULL;
  g_autoptr(ClAssetInfo) info = NULL;
  g_autoptr(ClVerification) v = NULL;
  g_autoptr(ClVerification) w = NULL;
  g_autoptr(GError) error = NULL;
  ClSignOptions sign_options = { NULL, };
  ClVerifyOptions options = CL_VERIFY_OPTIONS_INIT;
  g_autoptr(ClTrustStore) no_lists = cl_trust_store_new (NULL);
  g_autofree char *stripped_name = g_strdup_printf ("stripped.%s", format);

  result = cl_signer_sign_file (profile, &sign_options, input, output, NULL, &error);
  g_assert_no_error (error);
  cache = cl_proof_cache_open (db, &error);
  g_assert_no_error (error);
  g_assert_true (cl_sign_record_proof (cache, output, result, profile, 30, &error));
  g_assert_no_error (error);

  /* The platform removes exactly our segment(s)/chunk. */
  info = cl_asset_read_file (output, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (info->store_ranges->len, ==, 1);
  stripped = strip (output, result->store_offset, result->store_length, stripped_name);

  options.trust_store = no_lists;
  options.use_proof_cache = TRUE;
  options.proof_cache = cache;
  v = cl_verify_file (stripped, &options, NULL);
  g_assert_no_error (v->error);
  g_assert_true (v->recovered);
  g_assert_cmpint (v->verdict, ==, CL_VERDICT_VALID);
  g_assert_cmpstr (v->report->active_label, ==, result->manifest_label);
  g_assert_true (g_str_has_prefix (v->reason, "Credentials recovered from your proof cache"));

  /* One pixel byte changed in the stripped copy: the content no longer matches. */
  altered = strip (stripped, 0, 0, altered_name);
  /* 17 bytes from the end: entropy data (JPEG), or the last IDAT byte before its CRC and
   * the 12-byte IEND chunk (PNG). */
  flip_last_byte_before (altered, 17);
  w = cl_verify_file (altered, &options, NULL);
  if (w->error != NULL)
    g_test_message ("%s", w->error->message);
  g_assert_false (w->recovered);
  g_assert_cmpint (w->verdict, ==, CL_VERDICT_NO_CREDENTIALS);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  work_dir = cl_test_tmp_dir_new ("credlink-sign-recovery", CL_TEST_TMP_UNTIL_EXIT);
  profile = cl_test_identity_create ("Recovery test signer", CL_COSE_ALG_ES256, NULL, NULL,
                                     &error);
  g_assert_no_error (error);
  g_test_add_data_func ("/sign-recovery/jpeg", "jpg", test_recovery);
  g_test_add_data_func ("/sign-recovery/png", "png", test_recovery);
  status = g_test_run ();
  cl_signing_profile_unref (profile);
  g_free (work_dir);
  return status;
}
