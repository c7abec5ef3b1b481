/* test-jumbf.c: the JUMBF parser (bounds, depth, XLBox, offsets) and JUMBF URIs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <openssl/evp.h>

#include "cl-c2pa-ids.h"
#include "cl-cbor-util.h"
#include "cl-cose.h"
#include "cl-error.h"
#include "cl-jumbf.h"
#include "cl-manifest-store.h"
#include "cl-test-c2pa.h"

static const guint8 uuid_store[16] = CL_UUID_STORE;
static const guint8 uuid_manifest[16] = CL_UUID_MANIFEST;
static const guint8 uuid_assertions[16] = CL_UUID_ASSERTION_STORE;
static const guint8 uuid_cbor[16] = CL_UUID_CBOR;


/* c2pa / urn:a / c2pa.assertions / {x, y, y} */
static GBytes *
sample_store (void)
{
  static const guint8 cbor_one[] = { 0x01 };
  g_autoptr(GBytes) content = cl_test_box ("cbor", cbor_one, 1);
  g_autoptr(GBytes) x = cl_test_superbox (uuid_cbor, "x", &content, 1);
  g_autoptr(GBytes) y1 = cl_test_superbox (uuid_cbor, "y", &content, 1);
  g_autoptr(GBytes) y2 = cl_test_superbox (uuid_cbor, "y", &content, 1);
  GBytes *assertions[3] = { x, y1, y2 };
  g_autoptr(GBytes) store = cl_test_superbox (uuid_assertions, "c2pa.assertions", assertions, 3);
  g_autoptr(GBytes) manifest = cl_test_superbox (uuid_manifest, "urn:a", &store, 1);

  return cl_test_superbox (uuid_store, "c2pa", &manifest, 1);
}


static void
test_parse_and_resolve (void)
{
  g_autoptr(GBytes) bytes = sample_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ClJumbfBox) root = cl_jumbf_parse (bytes, &error);
  ClJumbfBox *manifest, *x, *content;
  g_autofree char *uri = NULL;
  gsize len, raw_len;
  const guint8 *payload, *raw;

  g_assert_no_error (error);
  g_assert_cmpstr (root->label, ==, "c2pa");
  g_assert_true (cl_jumbf_box_has_uuid (root, uuid_store));
  manifest = cl_jumbf_resolve_uri (root, NULL, "self#jumbf=/c2pa/urn:a");
  g_assert_nonnull (manifest);
  x = cl_jumbf_resolve_uri (root, manifest, "self#jumbf=c2pa.assertions/x");
  g_assert_nonnull (x);
  g_assert_true (x == cl_jumbf_resolve_uri (root, NULL, "self#jumbf=/c2pa/urn:a/c2pa.assertions/x"));
  /* Legacy 1.x absolute form without the leading slash. */
  g_assert_true (x == cl_jumbf_resolve_uri (root, NULL, "self#jumbf=c2pa/urn:a/c2pa.assertions/x"));
  /* Two children labelled y: ambiguous, so unresolved. */
  g_assert_null (cl_jumbf_resolve_uri (root, manifest, "self#jumbf=c2pa.assertions/y"));
  g_assert_null (cl_jumbf_resolve_uri (root, manifest, "self#jumbf=c2pa.assertions/../x"));
  g_assert_null (cl_jumbf_resolve_uri (root, manifest, "https://example.com/x"));
  g_assert_null (cl_jumbf_resolve_uri (root, manifest, "self#jumbf=c2pa.assertions/zz"));
  uri = cl_jumbf_box_uri (x);
  g_assert_cmpstr (uri, ==, "self#jumbf=/c2pa/urn:a/c2pa.assertions/x");

  /* Offsets: the payload is the box minus its 8-byte header, inside the store bytes. */
  payload = cl_jumbf_box_payload (x, &len);
  raw = cl_jumbf_box_raw (x, &raw_len);
  g_assert_true (payload == raw + 8);
  g_assert_cmpuint (len + 8, ==, raw_len);
  g_assert_true (raw == (const guint8 *) g_bytes_get_data (bytes, NULL) + x->offset);
  content = cl_jumbf_box_find_child_type (x, CL_BOX_CBOR);
  g_assert_nonnull (content);
  payload = cl_jumbf_box_payload (content, &len);
  g_assert_cmpuint (len, ==, 1);
  g_assert_cmpuint (payload[0], ==, 0x01);
}


static void
test_uri_helpers (void)
{
  g_autofree char *a = cl_jumbf_uri_manifest_label ("self#jumbf=/c2pa/urn:c2pa:1234/c2pa.signature");
  g_autofree char *b = cl_jumbf_uri_make_absolute ("urn:m", "self#jumbf=c2pa.assertions/c2pa.hash.data");
  g_autofree char *c = cl_jumbf_uri_last_segment ("self#jumbf=c2pa.assertions/c2pa.ingredient__1");
  g_autofree char *d = cl_jumbf_uri_manifest_label ("self#jumbf=c2pa.signature");

  g_assert_cmpstr (a, ==, "urn:c2pa:1234");
  g_assert_cmpstr (b, ==, "self#jumbf=/c2pa/urn:m/c2pa.assertions/c2pa.hash.data");
  g_assert_cmpstr (c, ==, "c2pa.ingredient__1");
  g_assert_null (d);
}


static void
test_xlbox (void)
{
  /* A superbox whose header uses LBox = 1 and a 64-bit XLBox. */
  g_autoptr(GBytes) inner = sample_store ();
  gsize len;
  const guint8 *data = g_bytes_get_data (inner, &len);
  GByteArray *arr = g_byte_array_new ();
  guint8 head[16] = { 0, 0, 0, 1, 'j', 'u', 'm', 'b' };
  guint64 xl = len + 8;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ClJumbfBox) root = NULL;

  for (int i = 0; i < 8; i++)
    head[8 + i] = (guint8) (xl >> (56 - 8 * i));
  g_byte_array_append (arr, head, 16);
  g_byte_array_append (arr, data + 8, len - 8);
  bytes = g_byte_array_free_to_bytes (arr);
  root = cl_jumbf_parse (bytes, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (root->header_len, ==, 16);
  g_assert_nonnull (cl_jumbf_resolve_uri (root, NULL, "self#jumbf=/c2pa/urn:a/c2pa.assertions/x"));
}


static void
test_overrun (void)
{
  g_autoptr(GBytes) good = sample_store ();
  gsize len = g_bytes_get_size (good);
  guint8 *copy = g_memdup2 (g_bytes_get_data (good, NULL), len);
  g_autoptr(GBytes) bad = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ClJumbfBox) root = NULL;

  /* The jumd of the store (at offset 8) claims more bytes than its parent has. */
  copy[8] = 0x01;
  bad = g_bytes_new_take (copy, len);
  root = cl_jumbf_parse (bad, &error);
  g_assert_null (root);
  g_assert_error (error, CL_JUMBF_ERROR, CL_JUMBF_ERROR_MALFORMED);
  g_assert_nonnull (strstr (error->message, "offset 8"));

  /* Every truncation is refused cleanly. */
  for (gsize cut = 0; cut < len; cut++) {
    g_autoptr(GBytes) part = g_bytes_new_from_bytes (good, 0, cut);
    g_autoptr(GError) e = NULL;
    g_autoptr(ClJumbfBox) r = cl_jumbf_parse (part, &e);

    g_assert_null (r);
    g_assert_nonnull (e);
  }
}


static void
test_too_deep (void)
{
  static const guint8 cbor_one[] = { 0x01 };
  g_autoptr(GBytes) box = cl_test_box ("cbor", cbor_one, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClJumbfBox) root = NULL;

  for (int i = 0; i < CL_JUMBF_MAX_DEPTH + 2; i++) {
    GBytes *outer = cl_test_superbox (uuid_store, "c2pa", &box, 1);

    g_bytes_unref (box);
    box = outer;
  }
  root = cl_jumbf_parse (box, &error);
  g_assert_null (root);
  g_assert_error (error, CL_JUMBF_ERROR, CL_JUMBF_ERROR_TOO_DEEP);
}


static void
test_store_model (void)
{
  g_autoptr(ClTestSigner) signer = cl_test_signer_new (1, 30);
  g_autoptr(ClTestSignedJpeg) jpeg = cl_test_signed_jpeg_new (signer);
  /* The store starts after the APP11 marker, Lp and the 8-byte JPEG-XT header. */
  g_autoptr(GBytes) store_bytes = g_bytes_new_from_bytes (jpeg->file, jpeg->store_offset + 12,
                                                          jpeg->store_length - 12);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClManifestStore) store = cl_manifest_store_parse (store_bytes, &error);
  ClManifest *active;

  g_assert_no_error (error);
  active = cl_manifest_store_get_active (store);
  g_assert_cmpstr (active->label, ==, jpeg->manifest_label);
  g_assert_nonnull (active->claim);
  g_assert_cmpint (active->claim->version, ==, 2);
  g_assert_cmpuint (active->claim->created_assertions->len, ==, 2);
  g_assert_cmpuint (active->assertions->len, ==, 2);
  g_assert_nonnull (cl_manifest_find_assertion (active, "c2pa.hash.data"));
  g_assert_nonnull (active->signature_box);
}


static void
test_cbor_limits (void)
{
  static const guint8 ok_map[] = { 0xA1, 0x61, 'a', 0x01 };
  static const guint8 trailing[] = { 0x01, 0x02 };
  /* An array that declares 2^31 items in five bytes: refused before libcbor allocates. */
  static const guint8 huge_array[] = { 0x9A, 0x80, 0x00, 0x00, 0x00 };
  guint8 deep[200];
  g_autoptr(GError) error = NULL;
  g_autoptr(cbor_item_t) item = NULL;
  g_autoptr(JsonNode) json = NULL;

  item = cl_cbor_load (ok_map, sizeof ok_map, &error);
  g_assert_no_error (error);
  g_assert_nonnull (cl_cbor_map_get (item, "a"));
  g_assert_null (cl_cbor_map_get (item, "b"));
  json = cl_cbor_to_json (item);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (json), "a"), ==, 1);

  g_assert_null (cl_cbor_load (trailing, sizeof trailing, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_clear_error (&error);

  g_assert_null (cl_cbor_load (huge_array, sizeof huge_array, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_clear_error (&error);

  /* 199 nested one-element arrays around a 0: deeper than CL_CBOR_MAX_DEPTH. */
  memset (deep, 0x81, sizeof deep - 1);
  deep[sizeof deep - 1] = 0x00;
  g_assert_null (cl_cbor_load (deep, sizeof deep, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_clear_error (&error);
}


static void
test_cose_malformed (void)
{
  /* Tag 18 (0xD2, which libcbor 0.8 refuses to decode) around a three-element array. */
  static const guint8 short_array[] = { 0xD2, 0x83, 0x40, 0xA0, 0xF6 };
  /* A well-formed COSE_Sign1 without any certificate chain. */
  static const guint8 no_chain[] = { 0xD2, 0x84, 0x43, 0xA1, 0x01, 0x26, 0xA0, 0xF6, 0x41, 0x00 };
  g_autoptr(GError) error = NULL;

  g_assert_null (cl_cose_sign1_parse (short_array, sizeof short_array, &error));
  g_assert_error (error, CL_COSE_ERROR, CL_COSE_ERROR_MALFORMED);
  g_clear_error (&error);
  g_assert_null (cl_cose_sign1_parse (no_chain, sizeof no_chain, &error));
  g_assert_error (error, CL_COSE_ERROR, CL_COSE_ERROR_MALFORMED);
  g_assert_nonnull (strstr (error->message, "certificate chain"));
}


int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/jumbf/parse-and-resolve", test_parse_and_resolve);
  g_test_add_func ("/jumbf/uri-helpers", test_uri_helpers);
  g_test_add_func ("/jumbf/xlbox", test_xlbox);
  g_test_add_func ("/jumbf/overrun", test_overrun);
  g_test_add_func ("/jumbf/too-deep", test_too_deep);
  g_test_add_func ("/jumbf/store-model", test_store_model);
  g_test_add_func ("/jumbf/cbor-limits", test_cbor_limits);
  g_test_add_func ("/jumbf/cose-malformed", test_cose_malformed);
  return g_test_run ();
}
