/* test-jpeg-stray-bytes.c: bytes between two JPEG segments that belong to neither, as some
 * cameras write. libjpeg skips them and so does c2pa-rs: a file that carries two is read,
 * signed with a data hash and verified Valid, and the reference reader (when installed)
 * agrees; more than CL_JPEG_MAX_STRAY_BYTES make the structure broken.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cbor.h>
#include <glib/gstdio.h>
#include <openssl/evp.h>

#include "cl-error.h"
#include "cl-jpeg-segments.h"
#include "cl-test-c2pa.h"
#include "cl-test-pki.h"
#include "cl-test-sign-util.h"
#include "cl-validator.h"

#define LABEL "urn:c2pa:7d3f0a9e-2c41-4b8e-9f15-6a0b3c2d1e4f:credlink"

/* The store goes after APP0; the DQT of cl_test_plain_jpeg() ends at 89, SOF0 follows. */
#define STORE_AT 20
#define BEFORE_SOF0 89

static ClTestPki *pki;


/* cl_test_plain_jpeg() with n stray bytes (value byte) before its SOF0 segment. */
static GBytes *
plain_with_stray_bytes (gsize  n,
                        guint8 byte)
{
  g_autoptr(GBytes) plain = cl_test_plain_jpeg ();
  const guint8 *p = g_bytes_get_data (plain, NULL);
  GByteArray *out = g_byte_array_new ();
  g_autofree guint8 *stray = g_malloc (n);

  g_assert_cmphex (p[BEFORE_SOF0], ==, 0xFF);
  g_assert_cmphex (p[BEFORE_SOF0 + 1], ==, 0xC0);
  memset (stray, byte, n);
  g_byte_array_append (out, p, BEFORE_SOF0);
  g_byte_array_append (out, stray, (guint) n);
  g_byte_array_append (out, p + BEFORE_SOF0, (guint) (g_bytes_get_size (plain) - BEFORE_SOF0));
  return g_byte_array_free_to_bytes (out);
}


/* A c2pa.hash.data that excludes length bytes at start; 32-bit widths so that the
 * placeholder and the final store have the same size. */
static GBytes *
data_hash (guint32       start,
           guint32       length,
           const guint8 *hash)
{
  cbor_item_t *map = cbor_new_definite_map (5);
  cbor_item_t *exclusions = cbor_new_definite_array (1);
  cbor_item_t *range = cbor_new_definite_map (2);
  guint8 pad[8] = { 0 };
  unsigned char *buf = NULL;
  gsize size = 0, len;
  GBytes *bytes;

  cl_test_cbor_map_put (range, "start", cbor_build_uint32 (start));
  cl_test_cbor_map_put (range, "length", cbor_build_uint32 (length));
  g_assert_true (cbor_array_push (exclusions, cbor_move (range)));
  cl_test_cbor_map_put (map, "exclusions", exclusions);
  cl_test_cbor_map_put (map, "name", cbor_build_string ("jumbf manifest"));
  cl_test_cbor_map_put (map, "alg", cbor_build_string ("sha256"));
  cl_test_cbor_map_put (map, "hash", cbor_build_bytestring (hash, 32));
  cl_test_cbor_map_put (map, "pad", cbor_build_bytestring (pad, sizeof pad));   /* c2pa-rs needs it */
  len = cbor_serialize_alloc (map, &buf, &size);
  g_assert_cmpuint (len, >, 0);
  bytes = g_bytes_new (buf, len);
  free (buf);
  cbor_decref (&map);
  return bytes;
}


/* plain signed by the PKI's signer, its store bound by a data hash. */
static GBytes *
signed_with_data_hash (GBytes *plain)
{
  g_autoptr(GPtrArray) chain = cl_test_chain_der (pki->signer, pki->intermediate, NULL);
  guint8 digest[32] = { 0 };
  g_autoptr(GBytes) cbor = data_hash (0, 0, digest);
  g_autoptr(GBytes) placeholder = cl_test_store_new (pki->signer->key, chain, LABEL,
                                                     "c2pa.hash.data", cbor);
  /* The APP11 segment: marker, length, eight bytes of JPEG-XT header, the store. */
  gsize segment_len = 2 + 2 + 8 + g_bytes_get_size (placeholder);
  g_autoptr(GBytes) final_cbor = NULL;
  g_autoptr(GBytes) store = NULL;

  g_assert_cmpint (EVP_Digest (g_bytes_get_data (plain, NULL), g_bytes_get_size (plain),
                               digest, NULL, EVP_sha256 (), NULL), ==, 1);
  final_cbor = data_hash (STORE_AT, (guint32) segment_len, digest);
  store = cl_test_store_new (pki->signer->key, chain, LABEL, "c2pa.hash.data", final_cbor);
  g_assert_cmpuint (g_bytes_get_size (store), ==, g_bytes_get_size (placeholder));
  return cl_test_embed_jpeg (plain, STORE_AT, store);
}


static void
test_two_stray_bytes (void)
{
  g_autoptr(GBytes) plain = plain_with_stray_bytes (2, 0x00);
  g_autoptr(GBytes) file = signed_with_data_hash (plain);
  g_autofree char *path = cl_test_write_temp (file, "stray-bytes.jpg");

  cl_test_assert_valid_untrusted (path, "assertion.dataHash.match");
  g_unlink (path);
}


/* One more stray byte than tolerated: the structure is broken where they start. */
static void
test_too_many (void)
{
  g_autoptr(GBytes) plain = plain_with_stray_bytes (CL_JPEG_MAX_STRAY_BYTES + 1, 0x12);
  g_autofree char *path = cl_test_write_temp (plain, "too-many.jpg");
  g_autofree char *where = g_strdup_printf ("no marker at byte %d", BEFORE_SOF0);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClValidationReport) report = cl_validator_verify_file (path, NULL, NULL, &error);

  g_assert_null (report);
  g_assert_error (error, CL_ASSET_ERROR, CL_ASSET_ERROR_MALFORMED);
  g_assert_nonnull (strstr (error->message, where));
  g_unlink (path);
}


int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  pki = cl_test_pki_new (NULL, NULL);
  g_test_add_func ("/jpeg-stray-bytes/two", test_two_stray_bytes);
  g_test_add_func ("/jpeg-stray-bytes/too-many", test_too_many);
  status = g_test_run ();
  cl_test_pki_free (pki);
  return status;
}
