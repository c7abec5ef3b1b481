/* test-tiff.c: TIFF files (C2PA 2.2 §A.3.5) — the bounded directory walk on hostile files,
 * the XMP remote-manifest URL, and signing classic and BigTIFF files of either byte order,
 * one page and several: every byte of the source kept but one patched offset, the same
 * pixels, valid here and in the reference reader; re-signing our files and c2pa-rs's; a
 * changed pixel or store byte judged as the reference judges it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "cl-asset.h"
#include "cl-error.h"
#include "cl-signer.h"
#include "cl-test-sign-util.h"
#include "cl-test-signing.h"
#include "cl-test-tiff.h"
#include "cl-test-tmp.h"
#include "cl-validator.h"

static char *work_dir;
static char *oracle;


static ClAssetInfo *
read_bytes (GBytes  *bytes,
            GError **error)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (bytes);

  return cl_asset_read (stream, NULL, error);
}


static GBytes *
file_bytes (const char *path)
{
  g_autofree char *contents = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  return g_bytes_new_take (g_steal_pointer (&contents), len);
}


static void
patch32 (guint8  *p,
         guint32  value)
{
  /* The test files below are little-endian. */
  p[0] = value;
  p[1] = value >> 8;
  p[2] = value >> 16;
  p[3] = value >> 24;
}


/* Takes bytes. */
static void
assert_refused (GBytes  *bytes_taken,
                gint     code)
{
  g_autoptr(GBytes) bytes = bytes_taken;
  g_autoptr(GError) error = NULL;
  g_autoptr(ClAssetInfo) info = NULL;
  gint64 start = g_get_monotonic_time ();

  info = read_bytes (bytes, &error);
  g_assert_null (info);
  g_assert_error (error, CL_ASSET_ERROR, code);
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);
}


static void
test_read_hostile (void)
{
  ClTestTiffSpec spec = { FALSE, FALSE, 2, 8, 8, NULL };
  g_autoptr(ClTestTiff) tiff = cl_test_tiff_new (&spec);
  gsize len;
  const guint8 *data = g_bytes_get_data (tiff->bytes, &len);
  guint32 first_ifd = data[4] | data[5] << 8 | data[6] << 16 | (guint32) data[7] << 24;
  g_autoptr(ClAssetInfo) info = read_bytes (tiff->bytes, NULL);
  guint8 *copy;

  g_assert_nonnull (info);
  g_assert_null (info->store);
  g_assert_cmpstr (info->mime_type, ==, "image/tiff");

  /* The last page points back to the first: a loop. */
  copy = g_memdup2 (data, len);
  patch32 (copy + tiff->last_next_field, first_ifd);
  assert_refused (g_bytes_new_take (copy, len), CL_ASSET_ERROR_MALFORMED);

  /* The last page points to itself. */
  copy = g_memdup2 (data, len);
  patch32 (copy + tiff->last_next_field, (guint32) (tiff->last_next_field - 2 - 9 * 12));
  assert_refused (g_bytes_new_take (copy, len), CL_ASSET_ERROR_MALFORMED);

  /* A directory that claims more entries than the file holds. */
  copy = g_memdup2 (data, len);
  copy[first_ifd] = 0xFF;
  copy[first_ifd + 1] = 0xFF;
  assert_refused (g_bytes_new_take (copy, len), CL_ASSET_ERROR_TRUNCATED);

  /* A next-directory offset past the end (and near 2^32: no overflow). */
  copy = g_memdup2 (data, len);
  patch32 (copy + tiff->last_next_field, 0xFFFFFFF0u);
  assert_refused (g_bytes_new_take (copy, len), CL_ASSET_ERROR_TRUNCATED);

  /* The first entry turned into SubIFDs (a DNG keeps its raw image there), then into an
   * Exif pointer, naming the second page's directory: read; naming bytes past the end:
   * refused, as c2pa-rs refuses it. */
  for (guint16 tag = 330; tag != 0; tag = tag == 330 ? 0x8769 : 0) {
    guint32 second_ifd = (guint32) (tiff->last_next_field - 2 - 9 * 12);
    g_autoptr(ClAssetInfo) linked = NULL;
    g_autoptr(GBytes) view = NULL;

    copy = g_memdup2 (data, len);
    copy[first_ifd + 2] = tag & 0xFF;
    copy[first_ifd + 3] = tag >> 8;
    copy[first_ifd + 4] = 4;
    patch32 (copy + first_ifd + 6, 1);
    patch32 (copy + first_ifd + 10, second_ifd);
    view = g_bytes_new_static (copy, len);
    linked = read_bytes (view, NULL);
    g_assert_nonnull (linked);
    patch32 (copy + first_ifd + 10, (guint32) len - 4);
    assert_refused (g_bytes_new_take (copy, len), CL_ASSET_ERROR_TRUNCATED);
  }

  /* The first entry turned into SubIFDs with 100000 offsets, as in c2pa-rs's
   * tiff_poc.tiff: too many sub-images. */
  copy = g_memdup2 (data, len);
  copy[first_ifd + 2] = 330 & 0xFF;
  copy[first_ifd + 3] = 330 >> 8;
  copy[first_ifd + 4] = 4;
  patch32 (copy + first_ifd + 6, 100000);
  assert_refused (g_bytes_new_take (copy, len), CL_ASSET_ERROR_TOO_LARGE);

  /* The last entry (StripByteCounts) turned into a C2PA tag of type LONG. */
  copy = g_memdup2 (data, len);
  copy[first_ifd + 2 + 8 * 12] = 0x41;
  copy[first_ifd + 2 + 8 * 12 + 1] = 0xCD;
  assert_refused (g_bytes_new_take (copy, len), CL_ASSET_ERROR_MALFORMED);

  /* The same as UNDEFINED with a count past the end of the file. */
  copy = g_memdup2 (data, len);
  copy[first_ifd + 2 + 8 * 12] = 0x41;
  copy[first_ifd + 2 + 8 * 12 + 1] = 0xCD;
  copy[first_ifd + 2 + 8 * 12 + 2] = 7;
  patch32 (copy + first_ifd + 2 + 8 * 12 + 4, (guint32) len);
  assert_refused (g_bytes_new_take (copy, len), CL_ASSET_ERROR_TRUNCATED);
}


/* 2001 pages, each a directory of its own: one too many. */
static void
test_read_too_many_pages (void)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  const guint n = 2001;

  g_byte_array_append (out, (const guint8 *) "II*\0\x08\0\0\0", 8);
  for (guint i = 0; i < n; i++) {
    guint8 ifd[6] = { 0, 0, };   /* no entries, then the next offset */

    patch32 (ifd + 2, i + 1 < n ? 8 + (i + 1) * 6 : 0);
    g_byte_array_append (out, ifd, sizeof ifd);
  }
  assert_refused (g_byte_array_free_to_bytes (g_steal_pointer (&out)), CL_ASSET_ERROR_TOO_LARGE);
}


static void
test_read_remote_url (void)
{
  ClTestTiffSpec spec = {
    TRUE, FALSE, 1, 4, 4,
    "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/"
    "22-rdf-syntax-ns#\"><rdf:Description xmlns:dcterms=\"http://purl.org/dc/terms/\" "
    "dcterms:provenance=\"https://example.com/m.c2pa\"/></rdf:RDF></x:xmpmeta>"
  };
  g_autoptr(ClTestTiff) tiff = cl_test_tiff_new (&spec);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClAssetInfo) info = read_bytes (tiff->bytes, &error);

  g_assert_no_error (error);
  g_assert_null (info->store);
  g_assert_cmpstr (info->remote_url, ==, "https://example.com/m.c2pa");
}


/* decodable: gdk-pixbuf reads it (not BigTIFF), so it gets a claim thumbnail. */
static ClSignResult *
sign_checked (ClTestSigningIdentity *id,
              const char            *input,
              const char            *output,
              gboolean               decodable)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = cl_test_file_sha256 (input);
  g_autofree char *after = NULL;
  ClSignOptions options = { .author = "Jane Doe" };
  ClSignResult *result;

  result = cl_signer_sign_file (id->profile, &options, input, output, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);
  after = cl_test_file_sha256 (input);
  g_assert_cmpstr (before, ==, after);
  if (decodable) {
    cl_test_assert_signed_store (output, result, id);
    cl_test_assert_same_pixels (input, output);
  }
  cl_test_assert_valid_untrusted (output, "assertion.dataHash.match");
  return result;
}


static ClSignResult *
sign_ok (ClTestSigningIdentity *id,
         const char            *input,
         const char            *output)
{
  return sign_checked (id, input, output, TRUE);
}


/* The source is the signed file's beginning, but for the one offset patched at patch_at
 * (4 or 8 bytes); the store ends the file. */
static void
assert_source_kept (GBytes             *source,
                    const char         *output,
                    guint64             patch_at,
                    guint               patch_len,
                    const ClSignResult *result)
{
  g_autoptr(GBytes) out = file_bytes (output);
  gsize in_len, out_len;
  const guint8 *a = g_bytes_get_data (source, &in_len);
  const guint8 *b = g_bytes_get_data (out, &out_len);

  g_assert_cmpuint (out_len, >, in_len);
  g_assert_cmpuint (result->store_offset + result->store_length, ==, out_len);
  g_assert_true (memcmp (a, b, patch_at) == 0);
  g_assert_false (memcmp (a + patch_at, b + patch_at, patch_len) == 0);
  g_assert_true (memcmp (a + patch_at + patch_len, b + patch_at + patch_len,
                         in_len - patch_at - patch_len) == 0);
  g_assert_cmpuint (result->store_offset % 2, ==, 0);
}


static void
oracle_check_trusted (const char            *output,
                      ClTestSigningIdentity *id)
{
  g_autoptr(JsonObject) trusted = NULL;

  if (oracle == NULL)
    return;
  trusted = cl_test_oracle_read (oracle, output, id->ca_pem);
  cl_test_oracle_assert_valid (trusted, output);
  g_assert_cmpstr (json_object_get_string_member (trusted, "validation_state"), ==, "Trusted");
}


static void
test_sign_layouts (void)
{
  static const ClTestTiffSpec specs[] = {
    { FALSE, FALSE, 1, 61, 37, NULL },
    { TRUE, FALSE, 1, 61, 37, NULL },
    { FALSE, FALSE, 3, 40, 30, NULL },
    { TRUE, TRUE, 1, 61, 37, NULL },
    { FALSE, TRUE, 2, 40, 30, NULL },
  };
  ClTestSigningIdentity *id = cl_test_signing_identity (CL_COSE_ALG_ES256, work_dir);

  for (gsize i = 0; i < G_N_ELEMENTS (specs); i++) {
    g_autoptr(ClTestTiff) tiff = cl_test_tiff_new (&specs[i]);
    g_autofree char *name = g_strdup_printf ("layout-%" G_GSIZE_FORMAT ".tif", i);
    g_autofree char *input = cl_test_tiff_save (tiff, work_dir, name);
    g_autofree char *output = g_strdup_printf ("%s/signed-%s", work_dir, name);
    g_autoptr(ClSignResult) result = sign_checked (id, input, output, !specs[i].big_tiff);
    guint offset_size = specs[i].big_tiff ? 8 : 4;

    /* One page: the header's first-directory offset names IFD0's copy; several: the last
     * page's next-directory offset names the C2PA directory. */
    if (specs[i].n_pages == 1)
      assert_source_kept (tiff->bytes, output, specs[i].big_tiff ? 8 : 4, offset_size, result);
    else
      assert_source_kept (tiff->bytes, output, tiff->last_next_field, offset_size, result);
    oracle_check_trusted (output, id);
  }
}


static void
test_resign_own (void)
{
  ClTestTiffSpec spec = { FALSE, FALSE, 2, 50, 20, NULL };
  g_autoptr(ClTestTiff) tiff = cl_test_tiff_new (&spec);
  ClTestSigningIdentity *first = cl_test_signing_identity (CL_COSE_ALG_ES256, work_dir);
  ClTestSigningIdentity *second = cl_test_signing_identity (CL_COSE_ALG_EDDSA, work_dir);
  g_autofree char *input = cl_test_tiff_save (tiff, work_dir, "resign.tif");
  g_autofree char *once = g_build_filename (work_dir, "resign-once.tif", NULL);
  g_autofree char *twice = g_build_filename (work_dir, "resign-twice.tif", NULL);
  g_autoptr(ClSignResult) r1 = sign_ok (first, input, once);
  g_autoptr(ClSignResult) r2 = sign_ok (second, once, twice);

  /* The C2PA entry is repointed and the new store replaces the old one at the end. */
  g_assert_cmpstr (r2->parent_label, ==, r1->manifest_label);
  g_assert_cmpint (r2->parent_binding, ==, CL_PARENT_BINDING_MATCH);
  g_assert_cmpuint (r2->store_offset, ==, r1->store_offset);
  if (oracle != NULL) {
    g_autoptr(JsonObject) report = cl_test_oracle_read (oracle, twice, NULL);

    cl_test_oracle_assert_valid (report, twice);
    cl_test_oracle_assert_ingredient_validated (report, twice);
  }
}


static int
compare_codes (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}


/* A strip that runs past the end of the file: refused before anything is written. */
static void
test_sign_truncated (void)
{
  ClTestTiffSpec spec = { FALSE, FALSE, 1, 30, 20, NULL };
  g_autoptr(ClTestTiff) tiff = cl_test_tiff_new (&spec);
  ClTestSigningIdentity *id = cl_test_signing_identity (CL_COSE_ALG_ES256, work_dir);
  gsize len = g_bytes_get_size (tiff->bytes);
  guint8 *copy = g_memdup2 (g_bytes_get_data (tiff->bytes, NULL), len);
  guint32 first_ifd = copy[4] | copy[5] << 8 | copy[6] << 16 | (guint32) copy[7] << 24;
  g_autofree char *input = g_build_filename (work_dir, "truncated.tif", NULL);
  g_autofree char *output = g_build_filename (work_dir, "truncated-signed.tif", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClSignResult) result = NULL;
  ClSignOptions options = { 0, };

  /* StripByteCounts, the ninth entry, one byte longer than the file allows. */
  patch32 (copy + first_ifd + 2 + 8 * 12 + 8, (guint32) (len - tiff->first_strip + 1));
  g_assert_true (g_file_set_contents (input, (char *) copy, (gssize) len, NULL));
  g_free (copy);
  result = cl_signer_sign_file (id->profile, &options, input, output, NULL, &error);
  g_assert_null (result);
  g_assert_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_INPUT);
  g_assert_nonnull (strstr (error->message, "truncated"));
  g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
}


/* A Nikon raw file is read, not signed (c2pa-rs does not write them either). */
static void
test_sign_camera_raw (void)
{
  ClTestTiffSpec spec = { TRUE, FALSE, 1, 16, 16, NULL };
  g_autoptr(ClTestTiff) tiff = cl_test_tiff_new (&spec);
  ClTestSigningIdentity *id = cl_test_signing_identity (CL_COSE_ALG_ES256, work_dir);
  g_autofree char *input = cl_test_tiff_save (tiff, work_dir, "camera.NEF");
  g_autofree char *output = g_build_filename (work_dir, "camera-signed.nef", NULL);
  g_autoptr(ClAssetInfo) info = cl_asset_read_file (input, NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClSignResult) result = NULL;
  ClSignOptions options = { 0, };

  g_assert_nonnull (info);
  result = cl_signer_sign_file (id->profile, &options, input, output, NULL, &error);
  g_assert_null (result);
  g_assert_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_UNSUPPORTED);
  g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
}


/* Our failure codes for path, sorted and joined. */
static char *
our_failures (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClValidationReport) report = cl_validator_verify_file (path, NULL, NULL, &error);
  g_auto(GStrv) codes = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new ();

  g_assert_no_error (error);
  codes = cl_validation_report_dup_failure_codes (report);
  for (guint i = 0; codes[i] != NULL; i++)
    g_ptr_array_add (list, codes[i]);
  g_ptr_array_sort (list, compare_codes);
  g_ptr_array_add (list, NULL);
  return g_strjoinv (",", (char **) list->pdata);
}


/* The reference's failure codes for path, sorted and joined; NULL when it refuses the file
 * outright (a damaged store may not even parse there). */
static char *
oracle_failures (const char *path)
{
  g_autoptr(JsonObject) report = cl_test_oracle_read (oracle, path, NULL);
  JsonArray *failures = json_object_get_array_member (
    json_object_get_object_member (report, "codes"), "failure");
  g_autoptr(GPtrArray) list = g_ptr_array_new ();

  /* A store so damaged that the reference finds no claim in it is "no manifest" there,
   * with an error: a refusal too. */
  if (g_str_equal (json_object_get_string_member (report, "verdict"), "error") ||
      (json_object_has_member (report, "error") &&
       !json_object_get_null_member (report, "error")))
    return NULL;
  for (guint i = 0; i < json_array_get_length (failures); i++) {
    const char *code = json_array_get_string_element (failures, i);

    if (!g_ptr_array_find_with_equal_func (list, code, g_str_equal, NULL))
      g_ptr_array_add (list, (gpointer) code);
  }
  g_ptr_array_sort (list, compare_codes);
  g_ptr_array_add (list, NULL);
  return g_strjoinv (",", (char **) list->pdata);
}


static void
test_tampered (void)
{
  ClTestTiffSpec spec = { TRUE, FALSE, 1, 64, 64, NULL };
  g_autoptr(ClTestTiff) tiff = cl_test_tiff_new (&spec);
  ClTestSigningIdentity *id = cl_test_signing_identity (CL_COSE_ALG_ES256, work_dir);
  g_autofree char *input = cl_test_tiff_save (tiff, work_dir, "tamper.tif");
  g_autofree char *signed_path = g_build_filename (work_dir, "tamper-signed.tif", NULL);
  g_autoptr(ClSignResult) result = sign_ok (id, input, signed_path);
  g_autoptr(GBytes) signed_bytes = file_bytes (signed_path);
  const guint8 *signed_data = g_bytes_get_data (signed_bytes, NULL);
  const guint8 *thumbnail = NULL;
  /* A pixel, a byte in the middle of the store, a byte of the claim thumbnail. */
  guint64 changes[] = { tiff->first_strip + 100,
                        result->store_offset + result->store_length / 2, 0 };

  for (guint64 at = result->store_offset;
       thumbnail == NULL && at + 3 < g_bytes_get_size (signed_bytes); at++) {
    if (signed_data[at] == 0xFF && signed_data[at + 1] == 0xD8 && signed_data[at + 2] == 0xFF)
      thumbnail = signed_data + at;
  }
  g_assert_nonnull (thumbnail);
  changes[2] = (guint64) (thumbnail - signed_data) + 200;

  for (gsize i = 0; i < G_N_ELEMENTS (changes); i++) {
    g_autoptr(GBytes) bytes = file_bytes (signed_path);
    gsize len = g_bytes_get_size (bytes);
    guint8 *copy = g_memdup2 (g_bytes_get_data (bytes, NULL), len);
    g_autofree char *path = g_strdup_printf ("%s/tampered-%" G_GSIZE_FORMAT ".tif", work_dir, i);
    g_autofree char *ours = NULL;

    copy[changes[i]] ^= 0x55;
    g_assert_true (g_file_set_contents (path, (char *) copy, (gssize) len, NULL));
    g_free (copy);
    ours = our_failures (path);
    if (i == 0)
      g_assert_nonnull (strstr (ours, "assertion.dataHash.mismatch"));
    else if (i == 2)
      g_assert_nonnull (strstr (ours, "assertion.hashedURI.mismatch"));
    else
      g_assert_cmpstr (ours, !=, "signingCredential.untrusted");
    if (oracle != NULL) {
      g_autofree char *theirs = oracle_failures (path);

      /* Where the reference refuses the file, we call it Invalid (as test-interop asks). */
      if (theirs != NULL)
        g_assert_cmpstr (ours, ==, theirs);
    }
  }
}


/* c2pa-rs's TIFF signing (which also excludes the C2PA entry's count) reads as it reads
 * there; re-signed by us, it is valid there. */
static void
test_peer (void)
{
  const char *shared = g_getenv ("CREDLINK_SHARED_DIR");
  static const char *const names[] = { "test.tiff", "MultiPage.tif" };
  ClTestSigningIdentity *id = cl_test_signing_identity (CL_COSE_ALG_PS256, work_dir);
  g_autofree char *oracle_dir = NULL;
  g_autofree char *sign_mjs = NULL;
  g_autofree char *certs = NULL;

  if (oracle == NULL || shared == NULL) {
    g_test_skip ("the reference signer or the shared fixtures are not available");
    return;
  }
  oracle_dir = g_path_get_dirname (oracle);
  sign_mjs = g_build_filename (oracle_dir, "sign.mjs", NULL);
  certs = g_build_filename (shared, "c2pa-fixtures", "certs", NULL);
  for (gsize i = 0; i < G_N_ELEMENTS (names); i++) {
    g_autofree char *source = g_build_filename (shared, "c2pa-fixtures", "images", names[i], NULL);
    g_autofree char *peer = g_strdup_printf ("%s/peer-%s", work_dir, names[i]);
    g_autofree char *ours = g_strdup_printf ("%s/resigned-%s", work_dir, names[i]);
    g_autofree char *chain = g_build_filename (certs, "es256.pub", NULL);
    g_autofree char *key = g_build_filename (certs, "es256.pem", NULL);
    const char *argv[] = { "node", sign_mjs, source, peer, chain, key, NULL };
    g_autoptr(JsonObject) report = NULL;
    g_autoptr(ClSignResult) result = NULL;
    g_autofree char *our_codes = NULL, *their_codes = NULL;
    int status = -1;

    if (!g_file_test (source, G_FILE_TEST_IS_REGULAR))
      continue;
    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH |
                                 G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                                 NULL, NULL, NULL, NULL, &status, NULL));
    g_assert_cmpint (status, ==, 0);
    our_codes = our_failures (peer);
    their_codes = oracle_failures (peer);
    g_assert_cmpstr (our_codes, ==, their_codes);
    g_assert_cmpstr (our_codes, ==, "signingCredential.untrusted");

    result = sign_ok (id, peer, ours);
    g_assert_nonnull (result->parent_label);
    report = cl_test_oracle_read (oracle, ours, NULL);
    cl_test_oracle_assert_valid (report, ours);
    cl_test_oracle_assert_ingredient_validated (report, ours);
  }
}


int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  work_dir = cl_test_tmp_dir_new ("credlink-tiff", CL_TEST_TMP_UNTIL_EXIT);
  oracle = cl_test_oracle_path ();
  if (oracle == NULL)
    g_test_message ("reference reader not installed: interoperability checks skipped");

  g_test_add_func ("/tiff/read/hostile", test_read_hostile);
  g_test_add_func ("/tiff/read/too-many-pages", test_read_too_many_pages);
  g_test_add_func ("/tiff/read/remote-url", test_read_remote_url);
  g_test_add_func ("/tiff/sign/layouts", test_sign_layouts);
  g_test_add_func ("/tiff/sign/resign-own", test_resign_own);
  g_test_add_func ("/tiff/sign/truncated", test_sign_truncated);
  g_test_add_func ("/tiff/sign/camera-raw", test_sign_camera_raw);
  g_test_add_func ("/tiff/sign/tampered", test_tampered);
  g_test_add_func ("/tiff/sign/peer", test_peer);
  status = g_test_run ();

  cl_test_signing_identities_free ();
  g_free (oracle);
  g_free (work_dir);
  return status;
}
