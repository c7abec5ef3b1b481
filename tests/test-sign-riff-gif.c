/* test-sign-riff-gif.c: WebP and GIF read, signed and verified as c2pa-rs does. WebP
 * files are made here with gdk-pixbuf's WebP loader (skipped without it) or taken from
 * the shared fixtures (simple VP8 and VP8L files, VP8X files with ICC, EXIF and XMP); GIF
 * files are written byte by byte. What is checked: the signed copy is the source with the
 * store added where c2pa-rs puts it (the RIFF size patched, VP8X untouched; the GIF
 * extension after the colour table, 87a made 89a) and every other byte unchanged; it
 * decodes to the same pixels; it validates here and in the reference reader with nothing
 * but signingCredential.untrusted; re-signing replaces the store; a changed content or
 * store byte, and files the reference signed, get the reference's verdict; hostile
 * containers are refused quickly; without a decoder for the format a file is signed
 * without a claim thumbnail.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <gdk-pixbuf/gdk-pixbuf.h>

#include "cl-asset.h"
#include "cl-error.h"
#include "cl-limits.h"
#include "cl-signer.h"
#include "cl-test-c2pa.h"
#include "cl-test-sign-util.h"
#include "cl-test-signing.h"
#include "cl-test-tmp.h"
#include "cl-validator.h"

static char *work_dir;
static char *oracle;

/* A 1×1 GIF87a: a global colour table of two colours, one image whose LZW data (code
 * size 2) is clear, index 0, end. */
static const guint8 tiny_gif87[] = {
  'G', 'I', 'F', '8', '7', 'a', 0x01, 0x00, 0x01, 0x00, 0x80, 0x00, 0x00,
  0xFF, 0x00, 0x00, 0x00, 0x00, 0xFF,
  0x2C, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00,
  0x02, 0x02, 0x44, 0x01, 0x00,
  0x3B,
};
#define TINY_GIF_INSERT 19      /* after the header, screen descriptor and colour table */


static GBytes *
read_bytes (const char *path)
{
  g_autofree char *contents = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  return g_bytes_new_take (g_steal_pointer (&contents), len);
}


static char *
write_file (const char   *name,
            const guint8 *data,
            gsize         len)
{
  char *path = g_build_filename (work_dir, name, NULL);

  g_assert_true (g_file_set_contents (path, (const char *) data, (gssize) len, NULL));
  return path;
}


static guint32
le32 (const guint8 *p)
{
  return (guint32) p[0] | ((guint32) p[1] << 8) | ((guint32) p[2] << 16) | ((guint32) p[3] << 24);
}


/* Offset of the first top-level chunk id of a WebP file, or 0; how many there are. */
static guint64
riff_find (GBytes     *file,
           const char *id,
           guint      *count)
{
  gsize len;
  const guint8 *d = g_bytes_get_data (file, &len);
  guint64 found = 0;

  *count = 0;
  g_assert_cmpuint (len, ==, 8 + (guint64) le32 (d + 4));
  for (guint64 offset = 12; offset + 8 <= len; offset += 8 + (guint64) le32 (d + offset + 4) +
                                                     (le32 (d + offset + 4) & 1)) {
    if (memcmp (d + offset, id, 4) == 0) {
      if (*count == 0)
        found = offset;
      (*count)++;
    }
  }
  return found;
}


static ClSignResult *
sign_ok (const char *input,
         const char *output)
{
  ClTestSigningIdentity *id = cl_test_signing_identity (CL_COSE_ALG_ES256, work_dir);
  ClSignOptions options = { .author = "Jane Doe" };
  g_autoptr(GError) error = NULL;
  g_autofree char *before = cl_test_file_sha256 (input);
  g_autofree char *after = NULL;
  ClSignResult *result;

  result = cl_signer_sign_file (id->profile, &options, input, output, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);
  after = cl_test_file_sha256 (input);
  g_assert_cmpstr (before, ==, after);
  cl_test_assert_signed_store (output, result, id);
  cl_test_assert_same_pixels (input, output);
  cl_test_assert_valid_untrusted (output, "assertion.dataHash.match");
  if (oracle != NULL) {
    g_autoptr(JsonObject) trusted = cl_test_oracle_read (oracle, output, id->ca_pem);

    cl_test_oracle_assert_valid (trusted, output);
    g_assert_cmpstr (json_object_get_string_member (trusted, "validation_state"), ==, "Trusted");
  }
  return result;
}


/* The signed WebP is the source's chunks with one C2PA chunk appended, the RIFF size
 * patched: every other byte is the source's, VP8X included. */
static void
assert_webp_layout (const char         *input,
                    const char         *output,
                    const ClSignResult *result)
{
  g_autoptr(GBytes) in = read_bytes (input);
  g_autoptr(GBytes) out = read_bytes (output);
  gsize in_len, out_len;
  const guint8 *a = g_bytes_get_data (in, &in_len);
  const guint8 *b = g_bytes_get_data (out, &out_len);
  guint count;
  guint64 old = riff_find (in, "C2PA", &count);
  guint64 kept = old != 0 ? old : in_len;   /* c2pa-rs and we put it last */

  g_assert_cmpuint (riff_find (out, "C2PA", &count), ==, kept);
  g_assert_cmpuint (count, ==, 1);
  g_assert_cmpuint (result->store_offset, ==, kept);
  g_assert_cmpuint (result->store_length, ==, 8 + (guint64) le32 (b + kept + 4));
  g_assert_cmpuint (out_len, ==, kept + result->store_length + (result->store_length & 1));
  g_assert_true (memcmp (a, b, 4) == 0);
  g_assert_true (memcmp (a + 8, b + 8, kept - 8) == 0);
  g_assert_true (memcmp (b + 12, "VP8", 3) == 0);   /* simple stays simple, VP8X stays */
}


/* Our verdict on path is the reference's: the same state and failure codes. */
static void
assert_same_verdict (const char *path)
{
  g_autoptr(JsonObject) reference = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ClValidationReport) report = cl_validator_verify_file (path, NULL, NULL, &error);
  g_auto(GStrv) ours = NULL;
  JsonArray *theirs;

  if (oracle == NULL)
    return;
  g_assert_no_error (error);
  reference = cl_test_oracle_read (oracle, path, NULL);
  /* The reference refuses the file: Invalid is our word for that. */
  if (!json_object_has_member (reference, "validation_state") &&
      !json_node_is_null (json_object_get_member (reference, "error"))) {
    g_assert_cmpint (report->state, ==, CL_VALIDATION_STATE_INVALID);
    return;
  }
  g_assert_cmpstr (json_object_get_string_member_with_default (reference, "validation_state", ""),
                   ==, cl_validation_state_to_string (report->state));
  ours = cl_validation_report_dup_failure_codes (report);
  for (guint i = 0; ours[i] != NULL; i++) {
    if (!cl_test_oracle_has (reference, "failure", ours[i]))
      g_error ("%s: we report %s, the reference does not", path, ours[i]);
  }
  theirs = json_object_get_array_member (json_object_get_object_member (reference, "codes"),
                                         "failure");
  for (guint i = 0; theirs != NULL && i < json_array_get_length (theirs); i++) {
    if (!g_strv_contains ((const char * const *) ours, json_array_get_string_element (theirs, i)))
      g_error ("%s: the reference reports %s, we do not", path,
               json_array_get_string_element (theirs, i));
  }
}


/* Where the claim thumbnail's JPEG data lies in a signed file: a store byte whose change
 * both readers see the same way (a hashed URI that no longer matches). */
static guint64
thumbnail_byte (const char *path)
{
  g_autoptr(GBytes) bytes = read_bytes (path);
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);
  /* The jumd label (NUL-terminated), then the JPEG's SOI in the bidb box. */
  static const char label[] = "c2pa.thumbnail.claim";
  const char *jpeg = NULL;
  gboolean in_box = FALSE;

  for (gsize i = 0; i + sizeof label < len && jpeg == NULL; i++) {
    if (!in_box)
      in_box = memcmp (data + i, label, sizeof label) == 0;
    else if (memcmp (data + i, "\xFF\xD8\xFF", 3) == 0)
      jpeg = data + i;
  }
  g_assert_nonnull (jpeg);
  return (guint64) (jpeg - data) + 100;
}


/* A copy of path with the byte at offset changed; our verdict must be the reference's. */
static void
assert_tampered_verdict (const char *path,
                         guint64     offset,
                         const char *name,
                         gboolean    content)
{
  g_autoptr(GBytes) bytes = read_bytes (path);
  g_autofree guint8 *copy = g_memdup2 (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_autofree char *tampered = NULL;

  copy[offset] ^= 0x01;
  tampered = write_file (name, copy, g_bytes_get_size (bytes));
  if (content) {
    g_autoptr(ClValidationReport) report = cl_validator_verify_file (tampered, NULL, NULL, NULL);

    g_assert_nonnull (report);
    g_assert_cmpint (report->state, ==, CL_VALIDATION_STATE_INVALID);
    g_assert_true (cl_test_report_has_code (report, "assertion.dataHash.mismatch"));
  }
  assert_same_verdict (tampered);
}


static gboolean
webp_saver_available (void)
{
  g_autoptr(GSList) formats = gdk_pixbuf_get_formats ();

  for (GSList *l = formats; l != NULL; l = l->next) {
    g_autofree char *name = gdk_pixbuf_format_get_name (l->data);

    if (g_str_equal (name, "webp") && gdk_pixbuf_format_is_writable (l->data))
      return TRUE;
  }
  return FALSE;
}


static void
test_webp_new (void)
{
  g_autofree char *input = NULL;
  g_autofree char *output = g_build_filename (work_dir, "signed.webp", NULL);
  g_autofree char *twice = g_build_filename (work_dir, "signed-twice.webp", NULL);
  g_autoptr(ClSignResult) result = NULL;
  g_autoptr(ClSignResult) again = NULL;
  g_autoptr(GBytes) first = NULL;
  guint count;
  guint64 vp8;

  if (!webp_saver_available ()) {
    g_test_skip ("gdk-pixbuf has no WebP loader (webp-pixbuf-loader)");
    return;
  }
  input = cl_test_make_image (work_dir, "new.webp", "webp", 97, 61);
  result = sign_ok (input, output);
  assert_webp_layout (input, output, result);

  /* Re-signed: the old store is replaced, the first manifest becomes the parent. */
  again = sign_ok (output, twice);
  assert_webp_layout (output, twice, again);
  g_assert_nonnull (again->parent_label);

  first = read_bytes (output);
  vp8 = riff_find (first, "VP8 ", &count);
  g_assert_cmpuint (count, ==, 1);
  assert_tampered_verdict (output, vp8 + 8 + 20, "content.webp", TRUE);
  assert_tampered_verdict (output, thumbnail_byte (output), "store.webp", FALSE);
}


static char *
shared_path (const char *dir,
             const char *name)
{
  const char *shared = g_getenv ("CREDLINK_SHARED_DIR");
  char *path = shared != NULL ? g_build_filename (shared, "c2pa-fixtures", dir, name, NULL) : NULL;

  if (path != NULL && !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    g_clear_pointer (&path, g_free);
  return path;
}


/* The reference signs source; we must give the file the verdict it gives. */
static void
assert_reference_signed_agrees (const char *source,
                                const char *name)
{
  g_autofree char *chain = shared_path ("certs", "es256.pub");
  g_autofree char *key = shared_path ("certs", "es256.pem");
  g_autofree char *oracle_dir = NULL;
  g_autofree char *script = NULL;
  g_autofree char *output = g_build_filename (work_dir, name, NULL);
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = -1;

  if (oracle == NULL || chain == NULL || key == NULL)
    return;
  oracle_dir = g_path_get_dirname (oracle);
  script = g_build_filename (oracle_dir, "sign.mjs", NULL);
  {
    const char *argv[] = { "node", script, source, output, chain, key, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH |
                                 G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, &err, &status,
                                 &error));
  }
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("sign.mjs %s: %s", source, err);
  assert_same_verdict (output);
}


static void
test_webp_fixtures (void)
{
  static const char *const names[] = {
    "sample1.webp", "mars.webp", "test.webp", "test_lossless.webp", "test_xmp.webp",
  };
  guint signed_count = 0;

  for (gsize i = 0; i < G_N_ELEMENTS (names); i++) {
    g_autofree char *input = shared_path ("images", names[i]);
    g_autofree char *output = NULL;
    g_autoptr(ClSignResult) result = NULL;

    if (input == NULL)
      continue;
    output = g_strdup_printf ("%s/signed-%s", work_dir, names[i]);
    result = sign_ok (input, output);
    assert_webp_layout (input, output, result);
    signed_count++;
    /* VP8X with ICC and XMP; VP8L of odd length (a pad byte). */
    if (i == 1 || i == 3) {
      g_autofree char *name = g_strdup_printf ("reference-%s", names[i]);

      assert_reference_signed_agrees (input, name);
    }
  }
  if (signed_count == 0)
    g_test_skip ("the shared WebP fixtures are not available");
}


static void
test_gif_new (void)
{
  g_autofree char *input = write_file ("tiny.gif", tiny_gif87, sizeof tiny_gif87);
  g_autofree char *output = g_build_filename (work_dir, "signed.gif", NULL);
  g_autofree char *twice = g_build_filename (work_dir, "signed-twice.gif", NULL);
  g_autoptr(ClSignResult) result = sign_ok (input, output);
  g_autoptr(ClSignResult) again = NULL;
  g_autoptr(GBytes) out = read_bytes (output);
  g_autoptr(GBytes) out2 = NULL;
  gsize out_len, out2_len;
  const guint8 *b = g_bytes_get_data (out, &out_len);
  const guint8 *c;

  /* Inserted after the colour table; GIF87a became GIF89a; every other byte kept. */
  g_assert_cmpuint (result->store_offset, ==, TINY_GIF_INSERT);
  g_assert_cmpuint (out_len, ==, sizeof tiny_gif87 + result->store_length);
  g_assert_true (memcmp (b, "GIF89a", 6) == 0);
  g_assert_true (memcmp (b + 6, tiny_gif87 + 6, TINY_GIF_INSERT - 6) == 0);
  g_assert_true (memcmp (b + TINY_GIF_INSERT, "\x21\xFF\x0B" "C2PA_GIF\x01\x00\x00", 14) == 0);
  g_assert_cmpuint (b[TINY_GIF_INSERT + result->store_length - 1], ==, 0);
  g_assert_true (memcmp (b + TINY_GIF_INSERT + result->store_length, tiny_gif87 + TINY_GIF_INSERT,
                         sizeof tiny_gif87 - TINY_GIF_INSERT) == 0);

  /* Re-signed: replaced in place. */
  again = sign_ok (output, twice);
  g_assert_nonnull (again->parent_label);
  g_assert_cmpuint (again->store_offset, ==, TINY_GIF_INSERT);
  out2 = read_bytes (twice);
  c = g_bytes_get_data (out2, &out2_len);
  g_assert_cmpuint (out2_len, ==, sizeof tiny_gif87 + again->store_length);
  g_assert_true (memcmp (c + TINY_GIF_INSERT + again->store_length, tiny_gif87 + TINY_GIF_INSERT,
                         sizeof tiny_gif87 - TINY_GIF_INSERT) == 0);

  assert_tampered_verdict (output, out_len - 4, "content.gif", TRUE);
  {
    guint64 store_byte = thumbnail_byte (output);

    /* Not a sub-block length byte (one every 256 bytes after the 14-byte header). */
    if ((store_byte - (TINY_GIF_INSERT + 14)) % 256 == 0)
      store_byte++;
    assert_tampered_verdict (output, store_byte, "store.gif", FALSE);
  }
}


static void
test_gif_fixture (void)
{
  g_autofree char *input = shared_path ("images", "sample1.gif");
  g_autofree char *output = NULL;
  g_autoptr(ClSignResult) result = NULL;

  if (input == NULL) {
    g_test_skip ("the shared GIF fixture is not available");
    return;
  }
  output = g_build_filename (work_dir, "signed-sample1.gif", NULL);
  result = sign_ok (input, output);
  g_assert_cmpuint (result->store_offset, ==, 13 + 768);   /* after its 256-colour table */
  assert_reference_signed_agrees (input, "reference-sample1.gif");
}


/* Without a decoder for the format (here: gdk-pixbuf with no loaders at all), the file is
 * signed without a claim thumbnail, as c2pa-rs does for formats it cannot decode. */
static void
test_no_decoder (void)
{
  if (g_test_subprocess ()) {
    ClTestSigningIdentity *id = cl_test_signing_identity (CL_COSE_ALG_ES256, work_dir);
    g_autofree char *no_loaders = write_file ("no-loaders.cache", (const guint8 *) "", 0);
    g_autofree char *input = write_file ("tiny-no-decoder.gif", tiny_gif87, sizeof tiny_gif87);
    g_autofree char *output = g_build_filename (work_dir, "signed-no-decoder.gif", NULL);
    ClSignOptions options = { 0, };
    g_autoptr(ClSignResult) result = NULL;
    g_autoptr(GError) error = NULL;

    g_setenv ("GDK_PIXBUF_MODULE_FILE", no_loaders, TRUE);
    result = cl_signer_sign_file (id->profile, &options, input, output, NULL, &error);
    g_assert_no_error (error);
    g_assert_false (cl_test_file_contains (output, "c2pa.thumbnail.claim"));
    cl_test_assert_valid_untrusted (output, "assertion.dataHash.match");
    return;
  }
  g_test_trap_subprocess (NULL, 120 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}


static void
assert_refused (const guint8 *data,
                gsize         len,
                gint          code)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (data, (gssize) len, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClAssetInfo) info = cl_asset_read (stream, NULL, &error);

  g_assert_null (info);
  g_assert_error (error, CL_ASSET_ERROR, code);
}


static ClAssetInfo *
read_ok (const guint8 *data,
         gsize         len)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (data, (gssize) len, NULL);
  g_autoptr(GError) error = NULL;
  ClAssetInfo *info = cl_asset_read (stream, NULL, &error);

  g_assert_no_error (error);
  return info;
}


static void
put_le32 (guint8  *p,
          guint32  v)
{
  p[0] = v;
  p[1] = v >> 8;
  p[2] = v >> 16;
  p[3] = v >> 24;
}


static void
test_webp_hostile (void)
{
  guint8 head[40] = "RIFF\0\0\0\0WEBPVP8L\x05\0\0\0\x2f\0\0\0\0\0C2PA\x03\0\0\0abc\0";
  gsize many_len = 12 + 8 * ((gsize) CL_LIMIT_RIFF_CHUNKS + 1);
  g_autofree guint8 *many = g_malloc0 (many_len);
  g_autoptr(ClAssetInfo) info = NULL;
  ClByteRange range;

  /* A C2PA chunk after an odd chunk's pad byte: found, its pad byte not excluded. */
  put_le32 (head + 4, 38 - 8);
  info = read_ok (head, 38);
  g_assert_cmpint (info->format, ==, CL_ASSET_FORMAT_WEBP);
  g_assert_cmpstr (info->mime_type, ==, "image/webp");
  g_assert_cmpuint (g_bytes_get_size (info->store), ==, 3);
  range = g_array_index (info->store_ranges, ClByteRange, 0);
  g_assert_cmpuint (range.start, ==, 26);
  g_assert_cmpuint (range.length, ==, 11);
  /* The RIFF size says more than the file has. */
  put_le32 (head + 4, 1000);
  assert_refused (head, 38, CL_ASSET_ERROR_TRUNCATED);
  /* A chunk claims more than the RIFF chunk holds. */
  put_le32 (head + 4, 38 - 8);
  put_le32 (head + 30, 0xFFFFFFF0u);
  assert_refused (head, 38, CL_ASSET_ERROR_TRUNCATED);
  /* More chunks than the cap (empty ones, 8 bytes each). */
  memcpy (many, "RIFF\0\0\0\0WEBP", 12);
  put_le32 (many + 4, (guint32) (many_len - 8));
  for (gsize offset = 12; offset < many_len; offset += 8)
    memcpy (many + offset, "JUNK", 4);
  assert_refused (many, many_len, CL_ASSET_ERROR_MALFORMED);
}


#define PROVENANCE_XMP "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF><rdf:Description " \
                       "dcterms:provenance=\"https://example.com/m.c2pa\"/></rdf:RDF></x:xmpmeta>"


/* A remote manifest named in XMP: the "XMP " chunk of a WebP, the "XMP Data" extension of
 * a GIF (sub-blocks, then the magic trailer c2pa-rs writes and checks). */
static void
test_xmp_remote (void)
{
  g_autoptr(GByteArray) webp = g_byte_array_new ();
  g_autoptr(GByteArray) gif = g_byte_array_new ();
  g_autoptr(GByteArray) xmp = g_byte_array_new ();
  g_autoptr(ClAssetInfo) info = NULL;
  guint8 size[4];

  g_byte_array_append (webp, (const guint8 *) "RIFF\0\0\0\0WEBPVP8L\x05\0\0\0\x2f\0\0\0\0\0XMP ", 30);
  put_le32 (size, sizeof PROVENANCE_XMP - 1);
  g_byte_array_append (webp, size, 4);
  g_byte_array_append (webp, (const guint8 *) PROVENANCE_XMP, sizeof PROVENANCE_XMP - 1);
  if (webp->len & 1)
    g_byte_array_append (webp, (const guint8 *) "", 1);
  put_le32 (webp->data + 4, webp->len - 8);
  info = read_ok (webp->data, webp->len);
  g_assert_null (info->store);
  g_assert_cmpstr (info->remote_url, ==, "https://example.com/m.c2pa");
  g_clear_pointer (&info, cl_asset_info_free);

  g_byte_array_append (xmp, (const guint8 *) PROVENANCE_XMP, sizeof PROVENANCE_XMP - 1);
  g_byte_array_append (xmp, (const guint8 *) "\x01", 1);
  for (int b = 255; b >= 0; b--) {
    guint8 byte = (guint8) b;

    g_byte_array_append (xmp, &byte, 1);
  }
  g_byte_array_append (gif, tiny_gif87, sizeof tiny_gif87 - 1);   /* after the image */
  g_byte_array_append (gif, (const guint8 *) "\x21\xFF\x0BXMP DataXMP", 14);
  for (guint offset = 0; offset < xmp->len; offset += 255) {
    guint8 len = (guint8) MIN (255u, xmp->len - offset);

    g_byte_array_append (gif, &len, 1);
    g_byte_array_append (gif, xmp->data + offset, len);
  }
  g_byte_array_append (gif, (const guint8 *) "\0;", 2);
  info = read_ok (gif->data, gif->len);
  g_assert_null (info->store);
  g_assert_cmpstr (info->remote_url, ==, "https://example.com/m.c2pa");
}


static void
test_gif_hostile (void)
{
  g_autoptr(GByteArray) gif = g_byte_array_new ();
  g_autoptr(ClAssetInfo) info = NULL;
  static const guint8 c2pa[] = { 0x21, 0xFF, 0x0B, 'C', '2', 'P', 'A', '_', 'G', 'I', 'F',
                                 0x01, 0x00, 0x00, 0x02, 'h', 'i', 0x01, '!', 0x00 };
  static const guint8 comment[] = { 0x21, 0xFE, 0x01, 'x', 0x00 };
  ClByteRange range;

  /* The store in two sub-blocks, before the image: found whole, the extension excluded. */
  g_byte_array_append (gif, tiny_gif87, TINY_GIF_INSERT);
  g_byte_array_append (gif, c2pa, sizeof c2pa);
  g_byte_array_append (gif, tiny_gif87 + TINY_GIF_INSERT, sizeof tiny_gif87 - TINY_GIF_INSERT);
  info = read_ok (gif->data, gif->len);
  g_assert_cmpint (info->format, ==, CL_ASSET_FORMAT_GIF);
  g_assert_cmpstr (info->mime_type, ==, "image/gif");
  g_assert_cmpmem (g_bytes_get_data (info->store, NULL), g_bytes_get_size (info->store), "hi!", 3);
  range = g_array_index (info->store_ranges, ClByteRange, 0);
  g_assert_cmpuint (range.start, ==, TINY_GIF_INSERT);
  g_assert_cmpuint (range.length, ==, sizeof c2pa);
  g_clear_pointer (&info, cl_asset_info_free);

  /* After the first image c2pa-rs does not look, nor do we. */
  g_byte_array_set_size (gif, 0);
  g_byte_array_append (gif, tiny_gif87, sizeof tiny_gif87 - 1);
  g_byte_array_append (gif, c2pa, sizeof c2pa);
  g_byte_array_append (gif, (const guint8 *) ";", 1);
  info = read_ok (gif->data, gif->len);
  g_assert_null (info->store);

  /* Sub-blocks that run off the end; an unknown extension label; too many blocks. */
  g_byte_array_set_size (gif, 0);
  g_byte_array_append (gif, tiny_gif87, TINY_GIF_INSERT);
  g_byte_array_append (gif, c2pa, sizeof c2pa - 4);
  assert_refused (gif->data, gif->len, CL_ASSET_ERROR_TRUNCATED);
  g_byte_array_set_size (gif, TINY_GIF_INSERT);
  g_byte_array_append (gif, (const guint8 *) "\x21\x42\x00;", 4);
  assert_refused (gif->data, gif->len, CL_ASSET_ERROR_MALFORMED);
  g_byte_array_set_size (gif, TINY_GIF_INSERT);
  for (guint i = 0; i <= CL_LIMIT_GIF_BLOCKS; i++)
    g_byte_array_append (gif, comment, sizeof comment);
  assert_refused (gif->data, gif->len, CL_ASSET_ERROR_MALFORMED);
}


int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  work_dir = cl_test_tmp_dir_new ("credlink-riff-gif", CL_TEST_TMP_UNTIL_EXIT);
  oracle = cl_test_oracle_path ();
  g_test_add_func ("/riff-gif/webp/new", test_webp_new);
  g_test_add_func ("/riff-gif/webp/fixtures", test_webp_fixtures);
  g_test_add_func ("/riff-gif/webp/hostile", test_webp_hostile);
  g_test_add_func ("/riff-gif/gif/new", test_gif_new);
  g_test_add_func ("/riff-gif/gif/fixture", test_gif_fixture);
  g_test_add_func ("/riff-gif/gif/hostile", test_gif_hostile);
  g_test_add_func ("/riff-gif/gif/no-decoder", test_no_decoder);
  g_test_add_func ("/riff-gif/xmp-remote", test_xmp_remote);
  status = g_test_run ();
  cl_test_signing_identities_free ();
  g_free (oracle);
  g_free (work_dir);
  return status;
}
