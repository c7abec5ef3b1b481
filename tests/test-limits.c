/* test-limits.c: the caps of cl-limits.h, each one from both sides: a store (or CBOR
 * structure, or claim signature) just at the cap is read as before, one just over it is
 * refused with a message that names the limit, before what lies beyond is allocated.
 * The inputs are built in memory.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <zlib.h>

#include "cl-asset.h"
#include "cl-c2pa-ids.h"
#include "cl-cbor-util.h"
#include "cl-claim.h"
#include "cl-cose.h"
#include "cl-error.h"
#include "cl-jumbf.h"
#include "cl-limits.h"
#include "cl-manifest-store.h"
#include "cl-status-codes.h"
#include "cl-test-c2pa.h"
#include "cl-trust-store.h"
#include "cl-verification.h"

static const guint8 uuid_store[16] = CL_UUID_STORE;
static const guint8 uuid_manifest[16] = CL_UUID_MANIFEST;
static const guint8 uuid_assertions[16] = CL_UUID_ASSERTION_STORE;
static const guint8 uuid_claim[16] = CL_UUID_CLAIM;
static const guint8 uuid_cbor[16] = CL_UUID_CBOR;

#define MANIFEST_LABEL "urn:c2pa:00000000-0000-0000-0000-000000000001"


/* The error's message names the number of the cap. */
static void
assert_names_cap (const GError *error,
                  guint         cap)
{
  g_autofree char *number = g_strdup_printf (" %u ", cap);

  g_assert_nonnull (error);
  if (strstr (error->message, number) == NULL)
    g_error ("“%s” does not name the cap %u", error->message, cap);
}


/* --- JUMBF ------------------------------------------------------------------------------ */

/* A store superbox of n_boxes boxes in all: itself and n_boxes - 1 empty boxes. */
static GBytes *
store_of_empty_boxes (guint n_boxes)
{
  static const guint8 empty[8] = { 0, 0, 0, 8, 'f', 'r', 'e', 'e' };
  g_autoptr(GBytes) head = cl_test_superbox (uuid_store, "c2pa", NULL, 0);
  gsize head_len = g_bytes_get_size (head);
  gsize total = head_len + 8 * (gsize) (n_boxes - 1);
  GByteArray *out = g_byte_array_sized_new ((guint) total);
  guint32 be_total = GUINT32_TO_BE ((guint32) total);

  g_byte_array_append (out, g_bytes_get_data (head, NULL), (guint) head_len);
  memcpy (out->data, &be_total, 4);
  for (guint i = 1; i < n_boxes; i++)
    g_byte_array_append (out, empty, sizeof empty);
  return g_byte_array_free_to_bytes (out);
}


static void
test_jumbf_boxes (void)
{
  g_autoptr(GBytes) at_cap = store_of_empty_boxes (CL_LIMIT_JUMBF_BOXES);
  g_autoptr(GBytes) over_cap = store_of_empty_boxes (CL_LIMIT_JUMBF_BOXES + 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClJumbfBox) root = cl_jumbf_parse (at_cap, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (root->children->len, ==, CL_LIMIT_JUMBF_BOXES - 1);

  g_assert_null (cl_jumbf_parse (over_cap, &error));
  g_assert_error (error, CL_JUMBF_ERROR, CL_JUMBF_ERROR_MALFORMED);
  assert_names_cap (error, CL_LIMIT_JUMBF_BOXES);
}


/* depth superboxes, each inside the one before. */
static GBytes *
nested_superboxes (guint depth)
{
  GBytes *box = cl_test_superbox (uuid_cbor, "inner", NULL, 0);

  for (guint i = 1; i < depth; i++) {
    GBytes *outer = cl_test_superbox (uuid_cbor, "outer", &box, 1);

    g_bytes_unref (box);
    box = outer;
  }
  return box;
}


static void
test_jumbf_depth (void)
{
  g_autoptr(GBytes) at_cap = nested_superboxes (CL_LIMIT_JUMBF_DEPTH);
  g_autoptr(GBytes) over_cap = nested_superboxes (CL_LIMIT_JUMBF_DEPTH + 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClJumbfBox) root = cl_jumbf_parse (at_cap, &error);

  g_assert_no_error (error);
  g_assert_nonnull (root);
  g_assert_null (cl_jumbf_parse (over_cap, &error));
  g_assert_error (error, CL_JUMBF_ERROR, CL_JUMBF_ERROR_TOO_DEEP);
}


/* --- manifests and assertions ------------------------------------------------------------ */

/* n copies of box. */
static GPtrArray *
copies (GBytes *box,
        guint   n)
{
  GPtrArray *out = g_ptr_array_new_full (n, (GDestroyNotify) g_bytes_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (out, g_bytes_ref (box));
  return out;
}


static GBytes *
store_of_manifests (guint n)
{
  g_autoptr(GBytes) manifest = cl_test_superbox (uuid_manifest, MANIFEST_LABEL, NULL, 0);
  g_autoptr(GPtrArray) manifests = copies (manifest, n);

  return cl_test_superbox (uuid_store, "c2pa", (GBytes **) manifests->pdata, n);
}


static void
test_manifests (void)
{
  g_autoptr(GBytes) at_cap = store_of_manifests (CL_LIMIT_MANIFESTS);
  g_autoptr(GBytes) over_cap = store_of_manifests (CL_LIMIT_MANIFESTS + 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClManifestStore) store = cl_manifest_store_parse (at_cap, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (store->manifests->len, ==, CL_LIMIT_MANIFESTS);

  g_assert_null (cl_manifest_store_parse (over_cap, &error));
  g_assert_error (error, CL_MANIFEST_ERROR, CL_MANIFEST_ERROR_MALFORMED);
  assert_names_cap (error, CL_LIMIT_MANIFESTS);
}


/* One manifest whose assertion store holds n assertions (CBOR 0). */
static GBytes *
store_of_assertions (guint n)
{
  static const guint8 zero[] = { 0x00 };
  g_autoptr(GBytes) content = cl_test_box ("cbor", zero, sizeof zero);
  g_autoptr(GBytes) assertion = cl_test_superbox (uuid_cbor, "c2pa.test", &content, 1);
  g_autoptr(GPtrArray) assertions = copies (assertion, n);
  g_autoptr(GBytes) assertion_store =
    cl_test_superbox (uuid_assertions, "c2pa.assertions", (GBytes **) assertions->pdata, n);
  g_autoptr(GBytes) manifest = cl_test_superbox (uuid_manifest, MANIFEST_LABEL,
                                                 &assertion_store, 1);

  return cl_test_superbox (uuid_store, "c2pa", &manifest, 1);
}


static void
test_assertions (void)
{
  g_autoptr(GBytes) at_cap = store_of_assertions (CL_LIMIT_ASSERTIONS);
  g_autoptr(GBytes) over_cap = store_of_assertions (CL_LIMIT_ASSERTIONS + 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClManifestStore) store = cl_manifest_store_parse (at_cap, &error);
  ClManifest *manifest;

  g_assert_no_error (error);
  manifest = cl_manifest_store_get_active (store);
  g_assert_cmpuint (manifest->assertions->len, ==, CL_LIMIT_ASSERTIONS);

  g_assert_null (cl_manifest_store_parse (over_cap, &error));
  g_assert_error (error, CL_MANIFEST_ERROR, CL_MANIFEST_ERROR_MALFORMED);
  assert_names_cap (error, CL_LIMIT_ASSERTIONS);
}


/* --- CBOR --------------------------------------------------------------------------------- */

/* A definite array (8-byte length) of n zeros: n + 1 items. */
static GBytes *
cbor_array_of_zeros (gsize n)
{
  guint8 *data = g_malloc0 (9 + n);

  data[0] = 0x9B;
  for (int i = 0; i < 8; i++)
    data[1 + i] = (guint8) ((guint64) n >> (56 - 8 * i));
  return g_bytes_new_take (data, 9 + n);
}


static void
test_cbor_items (void)
{
  g_autoptr(GBytes) at_cap = cbor_array_of_zeros (CL_LIMIT_CBOR_ITEMS - 1);
  g_autoptr(GBytes) over_cap = cbor_array_of_zeros (CL_LIMIT_CBOR_ITEMS);
  g_autoptr(GError) error = NULL;
  g_autoptr(cbor_item_t) item = cl_cbor_load (g_bytes_get_data (at_cap, NULL),
                                              g_bytes_get_size (at_cap), &error);

  g_assert_no_error (error);
  g_assert_cmpuint (cbor_array_size (item), ==, CL_LIMIT_CBOR_ITEMS - 1);

  g_assert_null (cl_cbor_load (g_bytes_get_data (over_cap, NULL), g_bytes_get_size (over_cap),
                               &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  assert_names_cap (error, CL_LIMIT_CBOR_ITEMS);
}


/* Many times the cap of tiny items, definite and indefinite: refused at the cap, long
 * before libcbor would have built them. */
static void
test_cbor_many_tiny_items (void)
{
  const gsize n = 8 * CL_LIMIT_CBOR_ITEMS;
  g_autoptr(GBytes) definite = cbor_array_of_zeros (n);
  guint8 *indefinite = g_malloc0 (n + 2);
  g_autoptr(GError) error = NULL;

  g_assert_null (cl_cbor_load (g_bytes_get_data (definite, NULL), g_bytes_get_size (definite),
                               &error));
  assert_names_cap (error, CL_LIMIT_CBOR_ITEMS);
  g_clear_error (&error);

  indefinite[0] = 0x9F;
  indefinite[n + 1] = 0xFF;
  g_assert_null (cl_cbor_load (indefinite, n + 2, &error));
  assert_names_cap (error, CL_LIMIT_CBOR_ITEMS);
  g_free (indefinite);
}


/* depth one-element arrays around a 0. */
static void
test_cbor_depth (void)
{
  guint8 deep[CL_LIMIT_CBOR_DEPTH + 2];
  g_autoptr(GError) error = NULL;
  g_autoptr(cbor_item_t) item = NULL;

  memset (deep, 0x81, sizeof deep);
  deep[CL_LIMIT_CBOR_DEPTH] = 0x00;
  item = cl_cbor_load (deep, CL_LIMIT_CBOR_DEPTH + 1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (item);

  deep[CL_LIMIT_CBOR_DEPTH] = 0x81;
  deep[CL_LIMIT_CBOR_DEPTH + 1] = 0x00;
  g_assert_null (cl_cbor_load (deep, sizeof deep, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  assert_names_cap (error, CL_LIMIT_CBOR_DEPTH);
}


/* A claim {"x": [0 …]} of n_items CBOR items in all. */
static GBytes *
claim_of_items (gsize n_items)
{
  g_autoptr(GBytes) array = cbor_array_of_zeros (n_items - 3);
  GByteArray *out = g_byte_array_new ();
  static const guint8 head[] = { 0xA1, 0x61, 'x' };

  g_byte_array_append (out, head, sizeof head);
  g_byte_array_append (out, g_bytes_get_data (array, NULL), (guint) g_bytes_get_size (array));
  return g_byte_array_free_to_bytes (out);
}


static void
test_claim_items (void)
{
  g_autoptr(GBytes) at_cap = claim_of_items (CL_LIMIT_CBOR_ITEMS_CLAIM);
  g_autoptr(GBytes) over_cap = claim_of_items (CL_LIMIT_CBOR_ITEMS_CLAIM + 1);
  g_autoptr(GError) error = NULL;
  const char *status = NULL;

  /* Decoded, then found to lack what a claim needs. */
  g_assert_null (cl_claim_parse (g_bytes_get_data (at_cap, NULL), g_bytes_get_size (at_cap),
                                 &status, &error));
  g_assert_cmpstr (status, ==, CL_CODE_CLAIM_MALFORMED);
  g_clear_error (&error);

  g_assert_null (cl_claim_parse (g_bytes_get_data (over_cap, NULL), g_bytes_get_size (over_cap),
                                 &status, &error));
  g_assert_cmpstr (status, ==, CL_CODE_CLAIM_CBOR_INVALID);
  assert_names_cap (error, CL_LIMIT_CBOR_ITEMS_CLAIM);
}


/* --- the claim signature ------------------------------------------------------------------- */

/* An array of n short byte strings (stand-ins: nothing in them is read). */
static cbor_item_t *
byte_strings (guint n)
{
  cbor_item_t *array = cbor_new_definite_array (n);

  for (guint i = 0; i < n; i++)
    g_assert_true (cbor_array_push (array,
                                    cbor_move (cbor_build_bytestring ((cbor_data) "der", 3))));
  return array;
}


/* A COSE_Sign1_Tagged with an x5chain of n_certs (in the protected header, or the
 * unprotected one), and the unprotected header entry key: value when key is set. */
static GBytes *
cose_sign1 (guint        n_certs,
            gboolean     chain_protected,
            const char  *key,
            cbor_item_t *value)
{
  g_autoptr(cbor_item_t) protected_map = cbor_new_definite_map (2);
  g_autoptr(cbor_item_t) unprotected = cbor_new_definite_map (2);
  g_autoptr(cbor_item_t) array = cbor_new_definite_array (4);
  cbor_item_t *chain_map = chain_protected ? protected_map : unprotected;
  unsigned char *protected_bytes = NULL, *out = NULL;
  gsize protected_size = 0, out_size = 0, protected_len, out_len;
  GByteArray *tagged = g_byte_array_new ();
  static const guint8 tag = 0xD2;

  cbor_map_add (protected_map, (struct cbor_pair) { cbor_move (cbor_build_uint8 (1)),
                                                    cbor_move (cbor_build_negint8 (6)) });
  cbor_map_add (chain_map, (struct cbor_pair) { cbor_move (cbor_build_uint8 (33)),
                                                cbor_move (byte_strings (n_certs)) });
  if (key != NULL)
    cl_test_cbor_map_put (unprotected, key, value);
  protected_len = cbor_serialize_alloc (protected_map, &protected_bytes, &protected_size);
  cbor_array_push (array, cbor_move (cbor_build_bytestring (protected_bytes, protected_len)));
  cbor_array_push (array, unprotected);
  cbor_array_push (array, cbor_move (cbor_new_null ()));
  cbor_array_push (array, cbor_move (cbor_build_bytestring ((cbor_data) "signature", 9)));
  out_len = cbor_serialize_alloc (array, &out, &out_size);
  g_byte_array_append (tagged, &tag, 1);
  g_byte_array_append (tagged, out, (guint) out_len);
  free (protected_bytes);
  free (out);
  return g_byte_array_free_to_bytes (tagged);
}


static ClCoseSign1 *
parse_cose (GBytes  *bytes,
            GError **error)
{
  return cl_cose_sign1_parse (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), error);
}


static void
test_x5chain (void)
{
  for (int chain_protected = 0; chain_protected < 2; chain_protected++) {
    g_autoptr(GBytes) at_cap = cose_sign1 (CL_LIMIT_X5CHAIN_CERTS, chain_protected, NULL, NULL);
    g_autoptr(GBytes) over_cap = cose_sign1 (CL_LIMIT_X5CHAIN_CERTS + 1, chain_protected,
                                             NULL, NULL);
    g_autoptr(GError) error = NULL;
    g_autoptr(ClCoseSign1) sign1 = parse_cose (at_cap, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (sign1->x5chain->len, ==, CL_LIMIT_X5CHAIN_CERTS);

    g_assert_null (parse_cose (over_cap, &error));
    g_assert_error (error, CL_COSE_ERROR, CL_COSE_ERROR_MALFORMED);
    assert_names_cap (error, CL_LIMIT_X5CHAIN_CERTS);
  }
}


/* {"tstTokens": [{"val": bstr} × n]} */
static cbor_item_t *
tst_container (guint n)
{
  cbor_item_t *container = cbor_new_definite_map (1);
  cbor_item_t *tokens = cbor_new_definite_array (n);

  for (guint i = 0; i < n; i++) {
    cbor_item_t *token = cbor_new_definite_map (1);

    cl_test_cbor_map_put (token, "val", cbor_build_bytestring ((cbor_data) "token", 5));
    cbor_array_push (tokens, cbor_move (token));
  }
  cl_test_cbor_map_put (container, "tstTokens", tokens);
  return container;
}


static void
test_time_stamp_tokens (void)
{
  const char *keys[] = { "sigTst", "sigTst2" };

  for (guint k = 0; k < G_N_ELEMENTS (keys); k++) {
    g_autoptr(GBytes) at_cap = cose_sign1 (1, TRUE, keys[k], tst_container (CL_LIMIT_TST_TOKENS));
    g_autoptr(GBytes) over_cap = cose_sign1 (1, TRUE, keys[k],
                                             tst_container (CL_LIMIT_TST_TOKENS + 1));
    g_autoptr(GError) error = NULL;
    g_autoptr(ClCoseSign1) sign1 = parse_cose (at_cap, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (sign1->n_tst_tokens, ==, CL_LIMIT_TST_TOKENS);

    g_assert_null (parse_cose (over_cap, &error));
    g_assert_error (error, CL_COSE_ERROR, CL_COSE_ERROR_MALFORMED);
    assert_names_cap (error, CL_LIMIT_TST_TOKENS);
  }
}


/* {"ocspVals": [bstr × n]} */
static cbor_item_t *
rvals (guint n)
{
  cbor_item_t *map = cbor_new_definite_map (1);

  cl_test_cbor_map_put (map, "ocspVals", byte_strings (n));
  return map;
}


static void
test_ocsp_responses (void)
{
  g_autoptr(GBytes) at_cap = cose_sign1 (1, TRUE, "rVals", rvals (CL_LIMIT_OCSP_RESPONSES));
  g_autoptr(GBytes) over_cap = cose_sign1 (1, TRUE, "rVals", rvals (CL_LIMIT_OCSP_RESPONSES + 1));
  g_autoptr(GError) error = NULL;
  g_autoptr(ClCoseSign1) sign1 = parse_cose (at_cap, &error);

  g_assert_no_error (error);
  g_assert_nonnull (sign1->rvals);

  g_assert_null (parse_cose (over_cap, &error));
  g_assert_error (error, CL_COSE_ERROR, CL_COSE_ERROR_MALFORMED);
  assert_names_cap (error, CL_LIMIT_OCSP_RESPONSES);
}


/* The whole signature counts: an unprotected "pad" of n items besides the 7 others (the
 * array, its four fields, the key and the array of the pad). */
static void
test_cose_items (void)
{
  const guint others = 7;
  g_autoptr(GBytes) at_cap = cose_sign1 (1, TRUE, "pad",
                                         byte_strings (CL_LIMIT_CBOR_ITEMS_COSE - others));
  g_autoptr(GBytes) over_cap = cose_sign1 (1, TRUE, "pad",
                                           byte_strings (CL_LIMIT_CBOR_ITEMS_COSE - others + 1));
  g_autoptr(GError) error = NULL;
  g_autoptr(ClCoseSign1) sign1 = parse_cose (at_cap, &error);

  g_assert_no_error (error);
  g_assert_nonnull (sign1);
  g_assert_null (parse_cose (over_cap, &error));
  g_assert_error (error, CL_COSE_ERROR, CL_COSE_ERROR_MALFORMED);
  assert_names_cap (error, CL_LIMIT_CBOR_ITEMS_COSE);
}


/* --- the store in a file ------------------------------------------------------------------- */

static GByteArray *
png_with_chunk (const char   *type,
                const guint8 *data,
                guint32       declared_len,
                guint32       len)
{
  static const guint8 signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };
  static const guint8 ihdr[25] = { 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1,
                                   8, 0, 0, 0, 0, 0x3A, 0x7E, 0x9B, 0x55 };
  GByteArray *out = g_byte_array_new ();
  guint32 be_len = GUINT32_TO_BE (declared_len);

  g_byte_array_append (out, signature, sizeof signature);
  g_byte_array_append (out, ihdr, sizeof ihdr);
  g_byte_array_append (out, (const guint8 *) &be_len, 4);
  g_byte_array_append (out, (const guint8 *) type, 4);
  g_byte_array_append (out, data, len);
  return out;
}


/* The PNG checksum of a caBX chunk of store_len bytes: "jumb" and zeros. */
static guint32
zero_store_crc (guint32 store_len)
{
  static const guint8 zeros[65536];
  uLong crc = crc32 (crc32 (0, (const Bytef *) "caBX", 4), (const Bytef *) "jumb", 4);

  for (guint32 done = 4; done < store_len; done += MIN (sizeof zeros, store_len - done))
    crc = crc32 (crc, zeros, (uInt) MIN (sizeof zeros, store_len - done));
  return (guint32) crc;
}


/* A PNG whose caBX chunk declares store_len bytes, in a sparse file that holds them
 * (zeros) and ends with IEND, read by the asset reader. */
static ClAssetInfo *
read_png_declaring (guint32   store_len,
                    GError  **error)
{
  static const guint8 iend[12] = { 0, 0, 0, 0, 'I', 'E', 'N', 'D', 0xAE, 0x42, 0x60, 0x82 };
  g_autoptr(GByteArray) png = png_with_chunk ("caBX", (const guint8 *) "jumb", store_len, 4);
  goffset store_end = (goffset) png->len - 4 + store_len;
  guint32 crc = GUINT32_TO_BE (zero_store_crc (store_len));
  g_autoptr(GBytes) head = g_byte_array_free_to_bytes (g_steal_pointer (&png));
  g_autofree char *path = cl_test_write_temp (head, "store-size.png");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileIOStream) io = g_file_open_readwrite (file, NULL, error);
  GOutputStream *out = g_io_stream_get_output_stream (G_IO_STREAM (io));
  g_autoptr(GFileInputStream) stream = NULL;

  g_assert_true (g_seekable_seek (G_SEEKABLE (io), store_end, G_SEEK_SET, NULL, error));
  g_assert_true (g_output_stream_write_all (out, &crc, 4, NULL, NULL, error));
  g_assert_true (g_output_stream_write_all (out, iend, sizeof iend, NULL, NULL, error));
  g_assert_true (g_io_stream_close (G_IO_STREAM (io), NULL, error));
  stream = g_file_read (file, NULL, error);
  g_assert_nonnull (stream);
  return cl_asset_read (G_INPUT_STREAM (stream), NULL, error);
}


/* A caBX chunk of the cap is read; one byte more is refused before it is read. */
static void
test_store_size (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClAssetInfo) at_cap = read_png_declaring (CL_LIMIT_STORE_SIZE, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (at_cap->store), ==, CL_LIMIT_STORE_SIZE);

  g_assert_null (read_png_declaring (CL_LIMIT_STORE_SIZE + 1, &error));
  g_assert_error (error, CL_ASSET_ERROR, CL_ASSET_ERROR_TOO_LARGE);
}


/* A PNG (signature, IHDR, the store in caBX, IDAT, IEND) verified end to end. */
static ClVerification *
verify_png_with_store (GBytes *store)
{
  static const guint8 idat_iend[] = {
    0, 0, 0, 10, 'I', 'D', 'A', 'T', 0x78, 0x9C, 0x63, 0x60, 0x00, 0x00, 0x00, 0x02, 0x00, 0x01,
    0x48, 0xAF, 0xA4, 0x71,
    0, 0, 0, 0, 'I', 'E', 'N', 'D', 0xAE, 0x42, 0x60, 0x82 };
  gsize len = g_bytes_get_size (store);
  g_autoptr(GByteArray) png = png_with_chunk ("caBX", g_bytes_get_data (store, NULL), len, len);
  guint32 crc = GUINT32_TO_BE ((guint32) crc32 (crc32 (0, (const Bytef *) "caBX", 4),
                                                g_bytes_get_data (store, NULL), (uInt) len));
  g_autoptr(GBytes) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(ClTrustStore) no_lists = cl_trust_store_new (NULL);
  ClVerifyOptions options = CL_VERIFY_OPTIONS_INIT;

  g_byte_array_append (png, (const guint8 *) &crc, 4);
  g_byte_array_append (png, idat_iend, sizeof idat_iend);
  file = g_byte_array_free_to_bytes (g_steal_pointer (&png));
  path = cl_test_write_temp (file, "limits.png");
  options.trust_store = no_lists;
  options.use_proof_cache = FALSE;
  return cl_verify_file (path, &options, NULL);
}


/* Over a cap the file gets the verdict of a malformed store, with the limit as reason. */
static void
test_verdict_too_many_boxes (void)
{
  g_autoptr(GBytes) store = store_of_empty_boxes (CL_LIMIT_JUMBF_BOXES + 1);
  g_autoptr(ClVerification) v = verify_png_with_store (store);

  g_assert_cmpint (v->verdict, ==, CL_VERDICT_ERROR);
  assert_names_cap (v->error, CL_LIMIT_JUMBF_BOXES);
}


/* A claim over its cap is a claim that cannot be decoded. */
static void
test_verdict_claim_too_large (void)
{
  g_autoptr(GBytes) claim_cbor = claim_of_items (CL_LIMIT_CBOR_ITEMS_CLAIM + 1);
  g_autoptr(GBytes) content = cl_test_box ("cbor", g_bytes_get_data (claim_cbor, NULL),
                                           g_bytes_get_size (claim_cbor));
  g_autoptr(GBytes) claim = cl_test_superbox (uuid_claim, "c2pa.claim.v2", &content, 1);
  g_autoptr(GBytes) manifest = cl_test_superbox (uuid_manifest, MANIFEST_LABEL, &claim, 1);
  g_autoptr(GBytes) store = cl_test_superbox (uuid_store, "c2pa", &manifest, 1);
  g_autoptr(ClVerification) v = verify_png_with_store (store);

  g_assert_no_error (v->error);
  g_assert_cmpint (v->verdict, ==, CL_VERDICT_INVALID);
  g_assert_true (cl_test_report_has_code (v->report, CL_CODE_CLAIM_CBOR_INVALID));
}


int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/limits/jumbf-boxes", test_jumbf_boxes);
  g_test_add_func ("/limits/jumbf-depth", test_jumbf_depth);
  g_test_add_func ("/limits/manifests", test_manifests);
  g_test_add_func ("/limits/assertions", test_assertions);
  g_test_add_func ("/limits/cbor-items", test_cbor_items);
  g_test_add_func ("/limits/cbor-many-tiny-items", test_cbor_many_tiny_items);
  g_test_add_func ("/limits/cbor-depth", test_cbor_depth);
  g_test_add_func ("/limits/claim-items", test_claim_items);
  g_test_add_func ("/limits/x5chain", test_x5chain);
  g_test_add_func ("/limits/time-stamp-tokens", test_time_stamp_tokens);
  g_test_add_func ("/limits/ocsp-responses", test_ocsp_responses);
  g_test_add_func ("/limits/cose-items", test_cose_items);
  g_test_add_func ("/limits/store-size", test_store_size);
  g_test_add_func ("/limits/verdict-too-many-boxes", test_verdict_too_many_boxes);
  g_test_add_func ("/limits/verdict-claim-too-large", test_verdict_claim_too_large);
  return g_test_run ();
}
