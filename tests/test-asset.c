/* test-asset.c: the JPEG and PNG readers find the manifest store, its exact
 * byte ranges, and refuse broken files with clear errors.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <zlib.h>

#include "cl-asset.h"
#include "cl-c2pa-ids.h"
#include "cl-error.h"
#include "cl-jpeg-segments.h"
#include "cl-test-tmp.h"

/* ---- building test files ---------------------------------------------- */

static void
put_be16 (GByteArray *a, guint v)
{
  guint8 b[2] = { (guint8) (v >> 8), (guint8) v };
  g_byte_array_append (a, b, 2);
}

static void
put_be32 (GByteArray *a, guint32 v)
{
  guint8 b[4] = { (guint8) (v >> 24), (guint8) (v >> 16), (guint8) (v >> 8), (guint8) v };
  g_byte_array_append (a, b, 4);
}

/* A fake but well-framed C2PA store: jumb { jumd(c2pa uuid, "c2pa") , filler } */
static GBytes *
make_store (gsize total, const guint8 uuid[16])
{
  GByteArray *a = g_byte_array_new ();
  const char label[] = "c2pa";
  gsize jumd_len = 8 + 16 + 1 + sizeof label;

  put_be32 (a, (guint32) total);
  put_be32 (a, CL_BOX_JUMB);
  put_be32 (a, (guint32) jumd_len);
  put_be32 (a, CL_BOX_JUMD);
  g_byte_array_append (a, uuid, 16);
  g_byte_array_append (a, (const guint8 *) "\x03", 1);
  g_byte_array_append (a, (const guint8 *) label, sizeof label);
  put_be32 (a, (guint32) (total - a->len - 0));
  put_be32 (a, CL_BOX_FREE);
  while (a->len < total) {
    guint8 b = (guint8) (a->len * 7);
    g_byte_array_append (a, &b, 1);
  }
  return g_byte_array_free_to_bytes (a);
}

static void
put_app11_store (GByteArray *jpeg, GBytes *store, guint16 instance, gsize chunk, GArray *ranges)
{
  gsize len;
  const guint8 *data = g_bytes_get_data (store, &len);
  guint32 seq = 1;

  for (gsize pos = 0; pos < len; pos += chunk, seq++) {
    gsize n = MIN (chunk, len - pos);
    gsize start = jpeg->len;
    gboolean first = pos == 0;
    ClByteRange r;

    g_byte_array_append (jpeg, (const guint8 *) "\xFF\xEB", 2);
    put_be16 (jpeg, (guint) (2 + 8 + (first ? 0 : 8) + n));
    g_byte_array_append (jpeg, (const guint8 *) "JP", 2);
    put_be16 (jpeg, instance);
    put_be32 (jpeg, seq);
    if (!first)
      g_byte_array_append (jpeg, data, 8);   /* repeated LBox + TBox */
    g_byte_array_append (jpeg, data + pos, (guint) n);
    r.start = start;
    r.length = jpeg->len - start;
    if (ranges != NULL)
      g_array_append_val (ranges, r);
  }
}

static void
put_segment (GByteArray *jpeg, guint8 marker, const char *payload, gsize len)
{
  guint8 m[2] = { 0xFF, marker };

  g_byte_array_append (jpeg, m, 2);
  put_be16 (jpeg, (guint) (len + 2));
  g_byte_array_append (jpeg, (const guint8 *) payload, (guint) len);
}

static void
put_image_data (GByteArray *jpeg)
{
  put_segment (jpeg, 0xDB, "quant-table-bytes", 17);
  put_segment (jpeg, 0xDA, "scan-header", 11);
  for (int i = 0; i < 1000; i++) {
    guint8 b = (guint8) (i % 251);
    g_byte_array_append (jpeg, &b, 1);
  }
  g_byte_array_append (jpeg, (const guint8 *) "\xFF\xD9", 2);
}

static char *
write_temp (GByteArray *bytes, const char *name)
{
  g_autofree char *dir = cl_test_tmp_dir_new ("credlink-asset", CL_TEST_TMP_UNTIL_CASE_ENDS);
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, (const char *) bytes->data, bytes->len, NULL));
  return path;
}

static const guint8 store_uuid[16] = CL_UUID_STORE;

/* ---- JPEG ------------------------------------------------------------- */

static void
test_jpeg_multi_segment (void)
{
  g_autoptr(GBytes) store = make_store (150000, store_uuid);
  g_autoptr(GBytes) other = make_store (300, (const guint8[16]) CL_UUID_MANIFEST);
  g_autoptr(GByteArray) jpeg = g_byte_array_new ();
  g_autoptr(GArray) expected = g_array_new (FALSE, FALSE, sizeof (ClByteRange));
  g_autoptr(GError) error = NULL;
  g_autoptr(ClAssetInfo) info = NULL;
  g_autofree char *path = NULL;
  ClByteRange *range;
  guint64 after_app0;

  g_byte_array_append (jpeg, (const guint8 *) "\xFF\xD8", 2);
  put_segment (jpeg, 0xE0, "JFIF\0\1\2\0\0\1\0\1\0\0", 14);
  after_app0 = jpeg->len;
  put_app11_store (jpeg, store, 0x0211, 64000, expected);
  /* JUMBF of another kind in APP11 (different En, not a C2PA store): stays hashed. */
  put_app11_store (jpeg, other, 0x0300, 64000, NULL);
  put_segment (jpeg, 0xE1, "Exif\0\0 fake exif", 16);
  put_image_data (jpeg);
  path = write_temp (jpeg, "multi.jpg");

  info = cl_asset_read_file (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (info->format, ==, CL_ASSET_FORMAT_JPEG);
  g_assert_cmpstr (info->mime_type, ==, "image/jpeg");
  g_assert_cmpuint (info->file_size, ==, jpeg->len);
  g_assert_nonnull (info->store);
  g_assert_true (g_bytes_equal (info->store, store));
  g_assert_cmpuint (info->insert_offset, ==, after_app0);
  /* Three segments, one contiguous exclusion from the first FF EB. */
  g_assert_cmpuint (expected->len, ==, 3);
  g_assert_cmpuint (info->store_ranges->len, ==, 1);
  range = &g_array_index (info->store_ranges, ClByteRange, 0);
  g_assert_cmpuint (range->start, ==, after_app0);
  g_assert_cmpuint (range->length, ==,
                    g_array_index (expected, ClByteRange, 2).start +
                    g_array_index (expected, ClByteRange, 2).length - after_app0);
  g_assert_null (info->remote_url);
}

static void
test_jpeg_no_store_remote_url (void)
{
  g_autoptr(GByteArray) jpeg = g_byte_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ClAssetInfo) info = NULL;
  g_autofree char *path = NULL;
  const char xmp[] = "http://ns.adobe.com/xap/1.0/\0<x:xmpmeta><rdf:RDF><rdf:Description "
                     "dcterms:provenance=\"https://manifests.example.com/abc.c2pa\"/>"
                     "</rdf:RDF></x:xmpmeta>";

  g_byte_array_append (jpeg, (const guint8 *) "\xFF\xD8", 2);
  put_segment (jpeg, 0xE1, xmp, sizeof xmp);
  put_image_data (jpeg);
  path = write_temp (jpeg, "remote.jpg");

  info = cl_asset_read_file (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (info->store);
  g_assert_cmpuint (info->store_ranges->len, ==, 0);
  g_assert_cmpuint (info->insert_offset, ==, 2);
  g_assert_cmpstr (info->remote_url, ==, "https://manifests.example.com/abc.c2pa");
}

/* The store's segments with an Exif segment between them (C2PA 2.2 §A.3.1 forbids it):
 * the store is read whole, as c2pa-rs reads it, in two ranges; the validator then refuses
 * any data hash exclusion that would hide the Exif segment. */
static void
test_jpeg_gap (void)
{
  g_autoptr(GBytes) store = make_store (100000, store_uuid);
  g_autoptr(GByteArray) jpeg = g_byte_array_new ();
  g_autoptr(GByteArray) segments = g_byte_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ClAssetInfo) info = NULL;
  g_autofree char *path = NULL;
  gsize first_len = 2 + 2 + 8 + 64000;
  ClByteRange *first, *second;

  g_byte_array_append (jpeg, (const guint8 *) "\xFF\xD8", 2);
  put_app11_store (segments, store, 1, 64000, NULL);
  g_byte_array_append (jpeg, segments->data, (guint) first_len);
  put_segment (jpeg, 0xE1, "Exif\0\0 between", 15);
  g_byte_array_append (jpeg, segments->data + first_len, segments->len - (guint) first_len);
  put_image_data (jpeg);
  path = write_temp (jpeg, "gap.jpg");

  info = cl_asset_read_file (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (info->store, store));
  g_assert_cmpuint (info->store_ranges->len, ==, 2);
  first = &g_array_index (info->store_ranges, ClByteRange, 0);
  second = &g_array_index (info->store_ranges, ClByteRange, 1);
  g_assert_cmpuint (first->start, ==, 2);
  g_assert_cmpuint (first->length, ==, first_len);
  g_assert_cmpuint (second->start, ==, 2 + first_len + 2 + 2 + 15);
  g_assert_cmpuint (second->length, ==, segments->len - first_len);
}

typedef enum { BROKEN_TRUNCATED, BROKEN_ORDER, BROKEN_TWO_STORES,
               BROKEN_SHORT_STORE, BROKEN_GARBAGE, BROKEN_ZERO_LENGTH } Broken;

static void
test_jpeg_broken (gconstpointer data)
{
  Broken kind = GPOINTER_TO_INT (data);
  g_autoptr(GBytes) store = make_store (100000, store_uuid);
  g_autoptr(GByteArray) jpeg = g_byte_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ClAssetInfo) info = NULL;
  g_autofree char *path = NULL;

  g_byte_array_append (jpeg, (const guint8 *) "\xFF\xD8", 2);
  switch (kind) {
  case BROKEN_TRUNCATED:
    put_app11_store (jpeg, store, 1, 64000, NULL);
    g_byte_array_set_size (jpeg, jpeg->len - 500);
    break;
  case BROKEN_ORDER:
    {
      g_autoptr(GByteArray) tmp = g_byte_array_new ();
      gsize first_len;

      put_app11_store (tmp, store, 1, 64000, NULL);
      first_len = 2 + 2 + 8 + 64000;
      /* second segment first */
      g_byte_array_append (jpeg, tmp->data + first_len, tmp->len - (guint) first_len);
      g_byte_array_append (jpeg, tmp->data, (guint) first_len);
    }
    break;
  case BROKEN_TWO_STORES:
    put_app11_store (jpeg, store, 1, 64000, NULL);
    put_app11_store (jpeg, store, 2, 64000, NULL);
    break;
  case BROKEN_SHORT_STORE:
    {
      g_autoptr(GByteArray) tmp = g_byte_array_new ();

      put_app11_store (tmp, store, 1, 64000, NULL);
      g_byte_array_append (jpeg, tmp->data, 2 + 2 + 8 + 64000);   /* only the first segment */
    }
    break;
  case BROKEN_GARBAGE:
    /* More bytes between two segments than the stray bytes a reader skips. */
    put_segment (jpeg, 0xE0, "JFIF\0", 5);
    for (guint i = 0; i <= CL_JPEG_MAX_STRAY_BYTES; i++)
      g_byte_array_append (jpeg, (const guint8 *) "\x12", 1);
    break;
  case BROKEN_ZERO_LENGTH:
    /* A length field of 0: less than its own two bytes. */
    g_byte_array_append (jpeg, (const guint8 *) "\xFF\xE1\x00\x00", 4);
    break;
  }
  if (kind != BROKEN_TRUNCATED)
    put_image_data (jpeg);
  path = write_temp (jpeg, "broken.jpg");

  info = cl_asset_read_file (path, NULL, &error);
  g_assert_null (info);
  g_assert_nonnull (error);
  g_assert_true (error->domain == CL_ASSET_ERROR);
  switch (kind) {
  case BROKEN_TRUNCATED:
  case BROKEN_SHORT_STORE:
    g_assert_cmpint (error->code, ==, CL_ASSET_ERROR_TRUNCATED);
    break;
  case BROKEN_TWO_STORES:
    g_assert_cmpint (error->code, ==, CL_ASSET_ERROR_MULTIPLE_STORES);
    break;
  case BROKEN_ORDER:
    /* a continuation without its start is ignored; the start then arrives at Z=1 and the
     * store is incomplete */
    g_assert_cmpint (error->code, ==, CL_ASSET_ERROR_TRUNCATED);
    break;
  case BROKEN_GARBAGE:
    g_assert_cmpint (error->code, ==, CL_ASSET_ERROR_MALFORMED);
    break;
  case BROKEN_ZERO_LENGTH:
    /* A broken segment, not a short file. */
    g_assert_cmpint (error->code, ==, CL_ASSET_ERROR_MALFORMED);
    g_assert_nonnull (strstr (error->message, "length of 0"));
    g_assert_null (strstr (error->message, "shorter"));
    break;
  }
  g_assert_nonnull (strstr (error->message, " "));
}

/* ---- PNG -------------------------------------------------------------- */

static void
put_chunk (GByteArray *png, const char *type, const guint8 *data, gsize len, gboolean good_crc)
{
  uLong crc = crc32 (0L, (const Bytef *) type, 4);

  put_be32 (png, (guint32) len);
  g_byte_array_append (png, (const guint8 *) type, 4);
  if (len > 0)
    g_byte_array_append (png, data, (guint) len);
  crc = crc32 (crc, data, (uInt) len);
  put_be32 (png, (guint32) crc ^ (good_crc ? 0 : 1));
}

static GByteArray *
make_png (GBytes *store, int n_stores, gboolean good_crc, const char *xmp)
{
  GByteArray *png = g_byte_array_new ();
  const guint8 ihdr[13] = { 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0 };
  const guint8 idat[] = { 0x78, 0x9C, 0x63, 0xF8, 0xCF, 0xC0, 0x00, 0x00, 0x03, 0x01, 0x01, 0x00 };

  g_byte_array_append (png, (const guint8 *) "\x89PNG\r\n\x1A\n", 8);
  put_chunk (png, "IHDR", ihdr, sizeof ihdr, TRUE);
  for (int i = 0; i < n_stores; i++)
    put_chunk (png, "caBX", g_bytes_get_data (store, NULL), g_bytes_get_size (store), good_crc);
  if (xmp != NULL) {
    g_autoptr(GByteArray) itxt = g_byte_array_new ();

    g_byte_array_append (itxt, (const guint8 *) "XML:com.adobe.xmp\0\0\0\0\0", 22);
    g_byte_array_append (itxt, (const guint8 *) xmp, (guint) strlen (xmp));
    put_chunk (png, "iTXt", itxt->data, itxt->len, TRUE);
  }
  put_chunk (png, "IDAT", idat, sizeof idat, TRUE);
  put_chunk (png, "IEND", NULL, 0, TRUE);
  return png;
}

static void
test_png_store (void)
{
  g_autoptr(GBytes) store = make_store (5000, store_uuid);
  g_autoptr(GByteArray) png = make_png (store, 1, TRUE, NULL);
  g_autofree char *path = write_temp (png, "one.png");
  g_autoptr(GError) error = NULL;
  g_autoptr(ClAssetInfo) info = cl_asset_read_file (path, NULL, &error);
  ClByteRange *range;

  g_assert_no_error (error);
  g_assert_cmpint (info->format, ==, CL_ASSET_FORMAT_PNG);
  g_assert_true (g_bytes_equal (info->store, store));
  g_assert_cmpuint (info->insert_offset, ==, 8 + 12 + 13);
  g_assert_cmpuint (info->store_ranges->len, ==, 1);
  range = &g_array_index (info->store_ranges, ClByteRange, 0);
  g_assert_cmpuint (range->start, ==, 8 + 12 + 13);
  g_assert_cmpuint (range->length, ==, 12 + 5000);   /* length, type, data, CRC */
}

static void
test_png_remote (void)
{
  g_autoptr(GByteArray) png = make_png (NULL, 0, TRUE,
    "<x:xmpmeta><rdf:Description><dcterms:provenance>http://localhost:5000/x.c2pa"
    "</dcterms:provenance></rdf:Description></x:xmpmeta>");
  g_autofree char *path = write_temp (png, "remote.png");
  g_autoptr(GError) error = NULL;
  g_autoptr(ClAssetInfo) info = cl_asset_read_file (path, NULL, &error);

  g_assert_no_error (error);
  g_assert_null (info->store);
  g_assert_cmpstr (info->remote_url, ==, "http://localhost:5000/x.c2pa");
}

static void
test_png_broken (void)
{
  g_autoptr(GBytes) store = make_store (5000, store_uuid);
  struct { GByteArray *png; int code; } cases[3];

  cases[0].png = make_png (store, 1, FALSE, NULL);
  cases[0].code = CL_ASSET_ERROR_MALFORMED;
  cases[1].png = make_png (store, 2, TRUE, NULL);
  cases[1].code = CL_ASSET_ERROR_MULTIPLE_STORES;
  cases[2].png = make_png (store, 1, TRUE, NULL);
  g_byte_array_set_size (cases[2].png, cases[2].png->len - 40);
  cases[2].code = CL_ASSET_ERROR_TRUNCATED;

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++) {
    g_autofree char *path = write_temp (cases[i].png, "broken.png");
    g_autoptr(GError) error = NULL;
    g_autoptr(ClAssetInfo) info = cl_asset_read_file (path, NULL, &error);

    g_assert_null (info);
    g_assert_error (error, CL_ASSET_ERROR, cases[i].code);
    g_byte_array_unref (cases[i].png);
  }
}

/* Every format it recognises now has a reader: what it does not know is "not an image". */
static void
test_sniff_unsupported (void)
{
  g_autoptr(GByteArray) text = g_byte_array_new ();
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  g_byte_array_append (text, (const guint8 *) "hello, not an image", 19);
  path = write_temp (text, "notes.txt");
  g_assert_null (cl_asset_read_file (path, NULL, &error));
  g_assert_error (error, CL_ASSET_ERROR, CL_ASSET_ERROR_UNSUPPORTED_FORMAT);
}

/* ---- the real fixtures ------------------------------------------------ */

static void
test_fixtures (void)
{
  const char *shared = g_getenv ("CREDLINK_SHARED_DIR");
  g_autofree char *summary_path = NULL;
  g_autofree char *summary = NULL;
  g_auto(GStrv) lines = NULL;
  guint n_with_store = 0, n_checked = 0;

  if (shared != NULL)
    summary_path = g_build_filename (shared, "c2pa-fixtures", "expected", "summary.tsv", NULL);
  if (summary_path == NULL || !g_file_get_contents (summary_path, &summary, NULL, NULL)) {
    g_test_skip ("the shared C2PA fixtures are not present");
    return;
  }

  lines = g_strsplit (summary, "\n", -1);
  for (guint i = 1; lines[i] != NULL; i++) {
    g_auto(GStrv) f = g_strsplit (lines[i], "\t", -1);
    g_autofree char *path = NULL;
    g_autoptr(GError) error = NULL;
    g_autoptr(ClAssetInfo) info = NULL;
    g_autofree char *lower = NULL;
    gboolean has_manifest, remote, tiff, bmff;
    gsize store_len;
    const guint8 *store;

    if (g_strv_length (f) < 3)
      continue;
    lower = g_ascii_strdown (f[0], -1);
    tiff = g_str_has_suffix (lower, ".tif") || g_str_has_suffix (lower, ".tiff");
    path = g_build_filename (shared, "c2pa-fixtures", f[0], NULL);
    has_manifest = g_str_equal (f[1], "True");
    remote = g_str_equal (f[2], "remote_manifest");
    info = cl_asset_read_file (path, NULL, &error);

    bmff = g_str_has_suffix (f[0], ".mp4") || g_str_has_suffix (f[0], ".mov") ||
           g_str_has_suffix (f[0], ".heic") || g_str_has_suffix (f[0], ".heif") ||
           g_str_has_suffix (f[0], ".avif");
    if (bmff && g_str_equal (f[2], "unsupported")) {
      /* The reference cannot parse it (boxes nested too deep): neither do we. */
      g_assert_error (error, CL_ASSET_ERROR, CL_ASSET_ERROR_MALFORMED);
      continue;
    }
    if (!g_str_has_suffix (f[0], ".jpg") && !g_str_has_suffix (f[0], ".jpeg") &&
        !g_str_has_suffix (f[0], ".png") && !tiff && !bmff &&
        !g_str_has_suffix (f[0], ".webp") && !g_str_has_suffix (f[0], ".gif") &&
        !g_str_has_suffix (f[0], ".jxl") && !g_str_has_suffix (f[0], ".svg")) {
      g_assert_error (error, CL_ASSET_ERROR, CL_ASSET_ERROR_UNSUPPORTED_FORMAT);
      continue;
    }
    /* A TIFF whose directories c2pa-rs cannot walk (tiff_poc.tiff) we refuse too. */
    if (tiff && g_str_equal (f[2], "error") && error != NULL)
      continue;
    g_assert_no_error (error);
    n_checked++;
    if (g_str_equal (f[2], "error"))   /* the reference refused it; the validator decides */
      continue;
    if (!has_manifest || remote) {
      if (info->store != NULL)
        g_test_message ("unexpected store in %s", f[0]);
      g_assert_null (info->store);
      if (remote)
        g_assert_nonnull (info->remote_url);
      continue;
    }
    g_assert_nonnull (info->store);
    store = g_bytes_get_data (info->store, &store_len);
    g_assert_cmpuint (store_len, >, 8);
    g_assert_cmpuint (((guint32) store[0] << 24 | store[1] << 16 | store[2] << 8 | store[3]),
                      ==, store_len);
    g_assert_cmpuint (info->store_ranges->len, ==, 1);
    n_with_store++;
  }
  g_test_message ("%u JPEG/PNG/BMFF fixtures read, %u with an embedded store", n_checked,
                  n_with_store);
  g_assert_cmpuint (n_with_store, >, 20);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/asset/jpeg/multi-segment", test_jpeg_multi_segment);
  g_test_add_func ("/asset/jpeg/remote-url", test_jpeg_no_store_remote_url);
  g_test_add_data_func ("/asset/jpeg/truncated", GINT_TO_POINTER (BROKEN_TRUNCATED),
                        test_jpeg_broken);
  g_test_add_data_func ("/asset/jpeg/out-of-order", GINT_TO_POINTER (BROKEN_ORDER),
                        test_jpeg_broken);
  g_test_add_data_func ("/asset/jpeg/two-stores", GINT_TO_POINTER (BROKEN_TWO_STORES),
                        test_jpeg_broken);
  g_test_add_func ("/asset/jpeg/gap", test_jpeg_gap);
  g_test_add_data_func ("/asset/jpeg/short-store", GINT_TO_POINTER (BROKEN_SHORT_STORE),
                        test_jpeg_broken);
  g_test_add_data_func ("/asset/jpeg/garbage", GINT_TO_POINTER (BROKEN_GARBAGE),
                        test_jpeg_broken);
  g_test_add_data_func ("/asset/jpeg/zero-length-segment", GINT_TO_POINTER (BROKEN_ZERO_LENGTH),
                        test_jpeg_broken);
  g_test_add_func ("/asset/png/store", test_png_store);
  g_test_add_func ("/asset/png/remote-url", test_png_remote);
  g_test_add_func ("/asset/png/broken", test_png_broken);
  g_test_add_func ("/asset/sniff-unsupported", test_sniff_unsupported);
  g_test_add_func ("/asset/fixtures", test_fixtures);
  return g_test_run ();
}
