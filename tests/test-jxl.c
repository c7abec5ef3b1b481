/* test-jxl.c: JPEG XL, read and signed. The store is a top-level jumb box labelled
 * "c2pa" in the container; the reader finds it among other boxes (an Exif jumb, a
 * compressed jumb that c2pa-rs does not read either), refuses two, refuses a bare
 * codestream in words, and stays bounded on hostile box sizes and counts. Signing puts
 * the store after ftyp and changes no other byte; what CredLink signs validates in the
 * reference reader (when installed), and what the reference signs validates here with
 * the same verdict, also after a content byte or a store byte changed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "cl-asset.h"
#include "cl-error.h"
#include "cl-signer.h"
#include "cl-test-c2pa.h"
#include "cl-test-sign-util.h"
#include "cl-test-signing.h"
#include "cl-test-tmp.h"
#include "cl-validator.h"

static char *work_dir;

static const guint8 jxl_signature[12] = { 0, 0, 0, 12, 'J', 'X', 'L', ' ', 0x0D, 0x0A, 0x87, 0x0A };


static void
append_box (GByteArray   *out,
            const char   *type,
            const guint8 *payload,
            gsize         len)
{
  guint8 header[8] = { (len + 8) >> 24, (len + 8) >> 16, (len + 8) >> 8, len + 8 };

  memcpy (header + 4, type, 4);
  g_byte_array_append (out, header, 8);
  if (len > 0)
    g_byte_array_append (out, payload, (guint) len);
}


/* A jumb box whose jumd is labelled label, then extra bytes. */
static void
append_labelled_jumb (GByteArray *out,
                      const char *label,
                      const char *extra)
{
  g_autoptr(GByteArray) jumd = g_byte_array_new ();
  g_autoptr(GByteArray) jumb = g_byte_array_new ();
  guint8 uuid_toggles[17] = { 0, };

  uuid_toggles[16] = 0x03;
  g_byte_array_append (jumd, uuid_toggles, 17);
  g_byte_array_append (jumd, (const guint8 *) label, (guint) strlen (label) + 1);
  append_box (jumb, "jumd", jumd->data, jumd->len);
  g_byte_array_append (jumb, (const guint8 *) extra, (guint) strlen (extra));
  append_box (out, "jumb", jumb->data, jumb->len);
}


/* The start of a container: signature and ftyp. */
static GByteArray *
container_head (void)
{
  GByteArray *out = g_byte_array_new ();

  g_byte_array_append (out, jxl_signature, sizeof jxl_signature);
  append_box (out, "ftyp", (const guint8 *) "jxl \0\0\0\0jxl ", 12);
  return out;
}


/* A container with an Exif jumb, XMP and a codestream box: what signing starts from.
 * No JPEG XL decoder is in the stack, so the codestream is opaque bytes here, as it is
 * to the signer. */
static char *
write_plain_container (const char *name)
{
  g_autoptr(GByteArray) jxl = container_head ();
  g_autofree guint8 *codestream = g_malloc (4096);
  char *path = g_build_filename (work_dir, name, NULL);
  static const char xmp[] = "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"/>";

  codestream[0] = 0xFF;
  codestream[1] = 0x0A;
  for (guint i = 2; i < 4096; i++)
    codestream[i] = (guint8) (i * 7 + 3);
  append_labelled_jumb (jxl, "EXIF", "exif bytes");
  append_box (jxl, "xml ", (const guint8 *) xmp, sizeof xmp - 1);
  append_box (jxl, "jxlc", codestream, 4096);
  g_assert_true (g_file_set_contents (path, (const char *) jxl->data, jxl->len, NULL));
  return path;
}


static GBytes *
read_bytes (const char *path)
{
  g_autofree char *contents = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  return g_bytes_new_take (g_steal_pointer (&contents), len);
}


static char *
write_bytes (const char *name,
             GBytes     *bytes)
{
  char *path = g_build_filename (work_dir, name, NULL);

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL),
                                      (gssize) g_bytes_get_size (bytes), NULL));
  return path;
}


static ClAssetInfo *
read_array (GByteArray  *bytes,
            GError     **error)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (
    g_memdup2 (bytes->data, bytes->len), bytes->len, g_free);

  return cl_asset_read (stream, NULL, error);
}


static void
test_read_finds_labelled_store (void)
{
  g_autoptr(GByteArray) jxl = container_head ();
  g_autoptr(ClAssetInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  guint store_start;

  append_labelled_jumb (jxl, "EXIF", "not a manifest");
  store_start = jxl->len;
  append_labelled_jumb (jxl, "c2pa", "the store");
  append_box (jxl, "jxlc", (const guint8 *) "\xFF\x0A", 2);
  info = read_array (jxl, &error);
  g_assert_no_error (error);
  g_assert_cmpint (info->format, ==, CL_ASSET_FORMAT_JXL);
  g_assert_cmpstr (info->mime_type, ==, "image/jxl");
  g_assert_nonnull (info->store);
  /* The store is the whole box, header included, and so is the exclusion. */
  g_assert_cmpuint (g_bytes_get_size (info->store), ==, jxl->len - 10 - store_start);
  g_assert_true (memcmp (g_bytes_get_data (info->store, NULL), jxl->data + store_start,
                         g_bytes_get_size (info->store)) == 0);
  g_assert_cmpuint (info->store_ranges->len, ==, 1);
  g_assert_cmpuint (g_array_index (info->store_ranges, ClByteRange, 0).start, ==, store_start);
  g_assert_cmpuint (g_array_index (info->store_ranges, ClByteRange, 0).length, ==,
                    g_bytes_get_size (info->store));
  /* A new store would go right after ftyp. */
  g_assert_cmpuint (info->insert_offset, ==, 32);
}


static void
test_read_two_stores_refused (void)
{
  g_autoptr(GByteArray) jxl = container_head ();
  g_autoptr(ClAssetInfo) info = NULL;
  g_autoptr(GError) error = NULL;

  append_labelled_jumb (jxl, "c2pa", "one");
  append_labelled_jumb (jxl, "c2pa", "two");
  info = read_array (jxl, &error);
  g_assert_error (error, CL_ASSET_ERROR, CL_ASSET_ERROR_MULTIPLE_STORES);
  g_assert_null (info);
}


/* A jumb compressed in a brob box is not a store for c2pa-rs (box hashing cannot cover
 * compressed bytes, and no writer makes one): nor for us. */
static void
test_read_compressed_jumb_is_no_store (void)
{
  g_autoptr(GByteArray) jxl = container_head ();
  g_autoptr(ClAssetInfo) info = NULL;
  g_autoptr(GError) error = NULL;

  append_box (jxl, "brob", (const guint8 *) "jumb\x1b\x00\x00", 7);
  append_box (jxl, "jxlc", (const guint8 *) "\xFF\x0A", 2);
  info = read_array (jxl, &error);
  g_assert_no_error (error);
  g_assert_null (info->store);
}


static void
test_read_bare_codestream_refused (void)
{
  g_autoptr(GByteArray) bare = g_byte_array_new ();
  g_autoptr(ClAssetInfo) info = NULL;
  g_autoptr(GError) error = NULL;

  g_byte_array_append (bare, (const guint8 *) "\xFF\x0A\x00\x10\x20\x30", 6);
  info = read_array (bare, &error);
  g_assert_error (error, CL_ASSET_ERROR, CL_ASSET_ERROR_UNSUPPORTED_FORMAT);
  g_assert_nonnull (strstr (error->message, "bare codestream"));
}


/* Sizes that overrun the file, are shorter than their header, or 64-bit; too many
 * boxes; a box that runs to the end of the file (size 0). */
static void
test_read_hostile_boxes (void)
{
  static const guint8 huge[16] = { 0, 0, 0, 1, 'j', 'u', 'm', 'b',
                                   0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xF0 };
  static const guint8 short_box[8] = { 0, 0, 0, 4, 'j', 'x', 'l', 'c' };
  static const guint8 to_end[10] = { 0, 0, 0, 0, 'j', 'x', 'l', 'c', 0xFF, 0x0A };
  g_autoptr(GByteArray) a = container_head ();
  g_autoptr(GByteArray) b = container_head ();
  g_autoptr(GByteArray) c = container_head ();
  g_autoptr(GByteArray) d = container_head ();
  g_autoptr(ClAssetInfo) info = NULL;
  GError *error = NULL;

  g_byte_array_append (a, huge, sizeof huge);
  g_assert_null (read_array (a, &error));
  g_assert_error (error, CL_ASSET_ERROR, CL_ASSET_ERROR_TRUNCATED);
  g_clear_error (&error);

  g_byte_array_append (b, short_box, sizeof short_box);
  g_assert_null (read_array (b, &error));
  g_assert_error (error, CL_ASSET_ERROR, CL_ASSET_ERROR_MALFORMED);
  g_clear_error (&error);

  for (guint i = 0; i < 5000; i++)
    append_box (c, "free", NULL, 0);
  g_assert_null (read_array (c, &error));
  g_assert_error (error, CL_ASSET_ERROR, CL_ASSET_ERROR_MALFORMED);
  g_clear_error (&error);

  g_byte_array_append (d, to_end, sizeof to_end);
  info = read_array (d, &error);
  g_assert_no_error (error);
  g_assert_null (info->store);
  g_assert_cmpuint (info->insert_offset, ==, 32);
}


/* Every byte outside the new box is the source's, and the box sits after ftyp. */
static void
assert_only_store_added (const char         *input,
                         const char         *output,
                         const ClSignResult *result,
                         guint64             expected_offset)
{
  g_autoptr(GBytes) in = read_bytes (input);
  g_autoptr(GBytes) out = read_bytes (output);
  gsize in_len, out_len;
  const guint8 *a = g_bytes_get_data (in, &in_len);
  const guint8 *b = g_bytes_get_data (out, &out_len);
  guint64 start = result->store_offset, len = result->store_length;

  g_assert_cmpuint (start, ==, expected_offset);
  g_assert_cmpuint (out_len, ==, in_len + len);
  g_assert_true (memcmp (a, b, start) == 0);
  g_assert_true (memcmp (b + start + 4, "jumb", 4) == 0);
  g_assert_true (memcmp (a + start, b + start + len, in_len - start) == 0);
}


static void
test_sign (void)
{
  ClTestSigningIdentity *id = cl_test_signing_identity (CL_COSE_ALG_ES256, work_dir);
  g_autofree char *input = write_plain_container ("plain.jxl");
  g_autofree char *output = g_build_filename (work_dir, "signed.jxl", NULL);
  g_autofree char *again = g_build_filename (work_dir, "signed-again.jxl", NULL);
  g_autofree char *before = cl_test_file_sha256 (input);
  g_autofree char *after = NULL;
  g_autofree char *oracle = cl_test_oracle_path ();
  g_autoptr(ClSignResult) result = NULL;
  g_autoptr(ClSignResult) second = NULL;
  g_autoptr(ClAssetInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  ClSignOptions options = { .author = "Jane Doe" };

  result = cl_signer_sign_file (id->profile, &options, input, output, NULL, &error);
  g_assert_no_error (error);
  after = cl_test_file_sha256 (input);
  g_assert_cmpstr (before, ==, after);
  assert_only_store_added (input, output, result, 32);
  cl_test_assert_valid_untrusted (output, "assertion.dataHash.match");
  if (oracle != NULL) {
    g_autoptr(JsonObject) trusted = cl_test_oracle_read (oracle, output, id->ca_pem);

    cl_test_oracle_assert_valid (trusted, output);
    g_assert_cmpstr (json_object_get_string_member (trusted, "validation_state"), ==, "Trusted");
  }

  /* Signing it again replaces the store in place. */
  second = cl_signer_sign_file (id->profile, &options, output, again, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (second->parent_label, ==, result->manifest_label);
  g_assert_cmpint (second->parent_binding, ==, CL_PARENT_BINDING_MATCH);
  g_assert_cmpuint (second->store_offset, ==, 32);
  info = cl_asset_read_file (again, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (info->store_ranges->len, ==, 1);
  cl_test_assert_valid_untrusted (again, "assertion.dataHash.match");
}


static void
test_sign_bare_codestream_refused (void)
{
  ClTestSigningIdentity *id = cl_test_signing_identity (CL_COSE_ALG_ES256, work_dir);
  g_autoptr(GBytes) bare = g_bytes_new_static ("\xFF\x0A\x00\x10\x20\x30", 6);
  g_autofree char *input = write_bytes ("bare.jxl", bare);
  g_autofree char *output = g_build_filename (work_dir, "bare-signed.jxl", NULL);
  g_autoptr(ClSignResult) result = NULL;
  g_autoptr(GError) error = NULL;
  ClSignOptions options = { 0, };

  result = cl_signer_sign_file (id->profile, &options, input, output, NULL, &error);
  g_assert_null (result);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "only the container form"));
  g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
}


/* The reference signs sample1.jxl (or, without the shared fixtures, our container); we
 * read it as it does, untouched, after a content byte changed and after a store byte
 * changed. */
static void
test_reference_signed (void)
{
  g_autofree char *oracle = cl_test_oracle_path ();
  const char *shared = g_getenv ("CREDLINK_SHARED_DIR");
  g_autofree char *input = NULL;
  g_autofree char *output = g_build_filename (work_dir, "reference.jxl", NULL);
  g_autofree char *content_path = NULL, *store_path = NULL;
  g_autoptr(GBytes) signed_bytes = NULL, content = NULL, store = NULL;
  g_autoptr(ClAssetInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  ClByteRange range;

  if (shared != NULL)
    input = g_build_filename (shared, "c2pa-fixtures", "images", "sample1.jxl", NULL);
  if (input == NULL || !g_file_test (input, G_FILE_TEST_EXISTS)) {
    g_free (input);
    input = write_plain_container ("reference-in.jxl");
  }
  if (!cl_test_oracle_sign_es256 (oracle, input, output))
    return;
  cl_test_assert_valid_untrusted (output, "assertion.dataHash.match");

  info = cl_asset_read_file (output, NULL, &error);
  g_assert_no_error (error);
  range = g_array_index (info->store_ranges, ClByteRange, 0);
  signed_bytes = read_bytes (output);
  content = cl_test_flip_byte (signed_bytes, g_bytes_get_size (signed_bytes) - 100, 0x01);
  content_path = write_bytes ("reference-content.jxl", content);
  cl_test_assert_same_verdict (oracle, content_path, "assertion.dataHash.mismatch");
  /* A byte of the claim signature's certificate area: the signature no longer holds. */
  store = cl_test_flip_byte (signed_bytes, range.start + range.length - 40, 0x01);
  store_path = write_bytes ("reference-store.jxl", store);
  cl_test_assert_same_verdict (oracle, store_path, "claimSignature.mismatch");
}


int
main (int   argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  work_dir = cl_test_tmp_dir_new ("credlink-jxl", CL_TEST_TMP_UNTIL_EXIT);
  g_test_add_func ("/jxl/read/labelled-store", test_read_finds_labelled_store);
  g_test_add_func ("/jxl/read/two-stores", test_read_two_stores_refused);
  g_test_add_func ("/jxl/read/compressed-jumb", test_read_compressed_jumb_is_no_store);
  g_test_add_func ("/jxl/read/bare-codestream", test_read_bare_codestream_refused);
  g_test_add_func ("/jxl/read/hostile-boxes", test_read_hostile_boxes);
  g_test_add_func ("/jxl/sign", test_sign);
  g_test_add_func ("/jxl/sign/bare-codestream", test_sign_bare_codestream_refused);
  g_test_add_func ("/jxl/reference-signed", test_reference_signed);
  status = g_test_run ();
  cl_test_signing_identities_free ();
  return status;
}
