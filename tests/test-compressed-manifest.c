/* test-compressed-manifest.c: compressed manifests (a c2cm superbox holding a brob box,
 * the manifest superbox compressed with Brotli). A signed file and the same file with its
 * manifest compressed get the same verdict, here and from the reference reader (c2pa-rs)
 * when it is installed; a small box that expands beyond the cap (a Brotli bomb) is
 * refused quickly with a message that says so.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <brotli/encode.h>
#include <glib/gstdio.h>

#include "cl-c2pa-ids.h"
#include "cl-error.h"
#include "cl-jumbf.h"
#include "cl-limits.h"
#include "cl-manifest-store.h"
#include "cl-test-boxes.h"
#include "cl-test-c2pa.h"
#include "cl-test-pki.h"
#include "cl-test-sign-util.h"
#include "cl-validator.h"

static const guint8 uuid_store[16] = CL_UUID_STORE;
static const guint8 uuid_compressed[16] = CL_UUID_COMPRESSED;

static ClTestPki *pki;
static ClTestBoxAsset plain;


/* The store of a file built by cl_test_box_asset_sign (one APP11 segment at offset 20:
 * marker, length, then eight bytes of JPEG-XT header before the JUMBF). */
static GBytes *
store_of (GBytes *file)
{
  const guint8 *p = g_bytes_get_data (file, NULL);
  gsize segment_len = (gsize) p[22] << 8 | p[23];

  return g_bytes_new (p + 32, segment_len - 10);
}


/* Brotli-compresses len bytes, in steps of data (repeated n_repeats times). */
static GBytes *
brotli_compress (const guint8 *data,
                 gsize         len,
                 guint         n_repeats)
{
  BrotliEncoderState *encoder = BrotliEncoderCreateInstance (NULL, NULL, NULL);
  GByteArray *out = g_byte_array_new ();
  guint8 chunk[16384];

  BrotliEncoderSetParameter (encoder, BROTLI_PARAM_QUALITY, 5);
  for (guint i = 0; i < n_repeats; i++) {
    size_t avail_in = len;
    const guint8 *next_in = data;
    BrotliEncoderOperation op = i + 1 == n_repeats ? BROTLI_OPERATION_FINISH
                                                   : BROTLI_OPERATION_PROCESS;

    do {
      size_t avail_out = sizeof chunk;
      guint8 *next_out = chunk;

      g_assert_true (BrotliEncoderCompressStream (encoder, op, &avail_in, &next_in,
                                                  &avail_out, &next_out, NULL));
      g_byte_array_append (out, chunk, (guint) (sizeof chunk - avail_out));
    } while (avail_in > 0 || BrotliEncoderHasMoreOutput (encoder) ||
             (op == BROTLI_OPERATION_FINISH && !BrotliEncoderIsFinished (encoder)));
  }
  BrotliEncoderDestroyInstance (encoder);
  return g_byte_array_free_to_bytes (out);
}


/* A store of one compressed manifest labelled label, whose brob box holds compressed. */
static GBytes *
compressed_store (const char *label,
                  GBytes     *compressed)
{
  g_autoptr(GBytes) brob = cl_test_box ("brob", g_bytes_get_data (compressed, NULL),
                                        g_bytes_get_size (compressed));
  g_autoptr(GBytes) c2cm = cl_test_superbox (uuid_compressed, label, &brob, 1);

  return cl_test_superbox (uuid_store, "c2pa", &c2cm, 1);
}


/* The signed file with the manifest of its store compressed. */
static GBytes *
with_manifest_compressed (GBytes *file)
{
  g_autoptr(GBytes) store = store_of (file);
  g_autoptr(ClJumbfBox) root = cl_jumbf_parse (store, NULL);
  ClJumbfBox *manifest;
  const guint8 *raw;
  gsize raw_len;
  g_autoptr(GBytes) compressed = NULL;
  g_autoptr(GBytes) plain_bytes = NULL;
  g_autoptr(GBytes) new_store = NULL;

  g_assert_nonnull (root);
  g_assert_cmpuint (root->children->len, ==, 1);
  manifest = g_ptr_array_index (root->children, 0);
  raw = cl_jumbf_box_raw (manifest, &raw_len);
  compressed = brotli_compress (raw, raw_len, 1);
  g_assert_cmpuint (g_bytes_get_size (compressed), <, raw_len);
  new_store = compressed_store (manifest->label, compressed);
  plain_bytes = g_bytes_new (plain.bytes->data, plain.bytes->len);
  return cl_test_embed_jpeg (plain_bytes, 20, new_store);
}


/* Valid (only the signer untrusted), its box hash matching; the reference reader, when
 * installed, says the same. */
static void
assert_valid (GBytes     *file,
              const char *name)
{
  g_autofree char *path = cl_test_write_temp (file, name);

  cl_test_assert_valid_untrusted (path, "assertion.boxesHash.match");
  g_unlink (path);
}


static GBytes *
signed_file (void)
{
  const ClTestBoxGroup groups[] = {
    { "SOI", "APP0" }, { .store = TRUE }, { "APP1", "EOI" },
  };

  return cl_test_box_asset_sign (&plain, FALSE, groups, G_N_ELEMENTS (groups), pki);
}


static void
test_same_verdict (void)
{
  g_autoptr(GBytes) file = signed_file ();
  g_autoptr(GBytes) compressed = with_manifest_compressed (file);

  assert_valid (file, "uncompressed.jpg");
  assert_valid (compressed, "compressed.jpg");
}


/* A manifest whose compressed form is a few kilobytes but expands far beyond the cap. */
static void
test_bomb (void)
{
  g_autofree guint8 *zeros = g_malloc0 (1024 * 1024);
  g_autoptr(GBytes) bomb = brotli_compress (zeros, 1024 * 1024,
                                            CL_LIMIT_DECOMPRESSED_SIZE / (1024 * 1024) + 16);
  g_autoptr(GBytes) store = compressed_store (CL_TEST_BOXES_LABEL, bomb);
  g_autoptr(GBytes) plain_bytes = g_bytes_new (plain.bytes->data, plain.bytes->len);
  g_autoptr(GBytes) file = cl_test_embed_jpeg (plain_bytes, 20, store);
  g_autofree char *path = cl_test_write_temp (file, "bomb.jpg");
  g_autoptr(GError) error = NULL;
  g_autoptr(ClValidationReport) report = NULL;
  gint64 start;

  g_assert_cmpuint (g_bytes_get_size (bomb), <, 64 * 1024);
  start = g_get_monotonic_time ();
  report = cl_validator_verify_file (path, NULL, NULL, &error);
  g_assert_null (report);
  g_assert_error (error, CL_JUMBF_ERROR, CL_JUMBF_ERROR_MALFORMED);
  g_assert_nonnull (strstr (error->message, "expands to more than 32 MB"));
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
  g_unlink (path);
}


/* Compressed bytes that are not a Brotli stream, and a stream cut short. */
static void
test_broken_stream (void)
{
  static const guint8 garbage[] = { 0xFF, 0xFF, 0xFF, 0xFF, 0x00, 0x01, 0x02, 0x03 };
  g_autoptr(GBytes) file = signed_file ();
  g_autoptr(GBytes) store = store_of (file);
  g_autoptr(GBytes) whole = brotli_compress (g_bytes_get_data (store, NULL),
                                             g_bytes_get_size (store), 1);
  g_autoptr(GBytes) cut = g_bytes_new_from_bytes (whole, 0, g_bytes_get_size (whole) / 2);
  g_autoptr(GBytes) bad = g_bytes_new_static (garbage, sizeof garbage);
  GBytes *streams[] = { bad, cut };

  for (guint i = 0; i < G_N_ELEMENTS (streams); i++) {
    g_autoptr(GBytes) broken = compressed_store (CL_TEST_BOXES_LABEL, streams[i]);
    g_autoptr(GError) error = NULL;
    g_autoptr(ClManifestStore) parsed = cl_manifest_store_parse (broken, &error);

    g_assert_null (parsed);
    g_assert_error (error, CL_JUMBF_ERROR, CL_JUMBF_ERROR_MALFORMED);
    g_assert_nonnull (strstr (error->message, "cannot be decompressed"));
  }
}


int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  pki = cl_test_pki_new (NULL, NULL);
  cl_test_box_asset_init (&plain);
  cl_test_box_asset_build_jpeg (&plain);
  g_test_add_func ("/compressed-manifest/same-verdict", test_same_verdict);
  g_test_add_func ("/compressed-manifest/bomb", test_bomb);
  g_test_add_func ("/compressed-manifest/broken-stream", test_broken_stream);
  status = g_test_run ();
  cl_test_box_asset_clear (&plain);
  cl_test_pki_free (pki);
  return status;
}
