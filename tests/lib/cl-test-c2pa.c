/* cl-test-c2pa.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <cbor.h>
#include <openssl/ec.h>
#include <openssl/x509v3.h>
#include <zlib.h>

#include "cl-c2pa-ids.h"
#include "cl-cose-crypto.h"
#include "cl-test-c2pa.h"
#include "cl-test-tmp.h"

static const guint8 uuid_store[16] = CL_UUID_STORE;
static const guint8 uuid_manifest[16] = CL_UUID_MANIFEST;
static const guint8 uuid_assertions[16] = CL_UUID_ASSERTION_STORE;
static const guint8 uuid_claim[16] = CL_UUID_CLAIM;
static const guint8 uuid_signature[16] = CL_UUID_SIGNATURE;
static const guint8 uuid_cbor[16] = CL_UUID_CBOR;


GBytes *
cl_test_box (const char   *type,
             const guint8 *payload,
             gsize         len)
{
  GByteArray *arr = g_byte_array_sized_new (len + 8);
  guint32 total = GUINT32_TO_BE ((guint32) (len + 8));

  g_byte_array_append (arr, (const guint8 *) &total, 4);
  g_byte_array_append (arr, (const guint8 *) type, 4);
  if (len > 0)
    g_byte_array_append (arr, payload, len);
  return g_byte_array_free_to_bytes (arr);
}


GBytes *
cl_test_superbox (const guint8  uuid[16],
                  const char   *label,
                  GBytes      **children,
                  guint         n_children)
{
  GByteArray *desc = g_byte_array_new ();
  GByteArray *payload = g_byte_array_new ();
  guint8 toggles = CL_JUMD_REQUESTABLE | CL_JUMD_LABEL;
  g_autoptr(GBytes) jumd = NULL;
  g_autoptr(GBytes) desc_bytes = NULL;
  g_autoptr(GBytes) payload_bytes = NULL;

  g_byte_array_append (desc, uuid, 16);
  g_byte_array_append (desc, &toggles, 1);
  g_byte_array_append (desc, (const guint8 *) label, strlen (label) + 1);
  desc_bytes = g_byte_array_free_to_bytes (desc);
  jumd = cl_test_box ("jumd", g_bytes_get_data (desc_bytes, NULL), g_bytes_get_size (desc_bytes));
  g_byte_array_append (payload, g_bytes_get_data (jumd, NULL), g_bytes_get_size (jumd));
  for (guint i = 0; i < n_children; i++)
    g_byte_array_append (payload, g_bytes_get_data (children[i], NULL),
                         g_bytes_get_size (children[i]));
  payload_bytes = g_byte_array_free_to_bytes (payload);
  return cl_test_box ("jumb", g_bytes_get_data (payload_bytes, NULL),
                      g_bytes_get_size (payload_bytes));
}


ClTestSigner *
cl_test_signer_new (int days_before,
                    int days_after)
{
  ClTestSigner *s = g_new0 (ClTestSigner, 1);
  X509_NAME *name;
  X509V3_CTX ctx;
  X509_EXTENSION *ext;
  unsigned char *der = NULL;
  int der_len;

  s->key = EVP_EC_gen ("P-256");
  g_assert_nonnull (s->key);
  s->cert = X509_new ();
  X509_set_version (s->cert, 2);
  ASN1_INTEGER_set (X509_get_serialNumber (s->cert), 4242);
  X509_gmtime_adj (X509_getm_notBefore (s->cert), -(long) days_before * 86400);
  X509_gmtime_adj (X509_getm_notAfter (s->cert), (long) days_after * 86400);
  name = X509_get_subject_name (s->cert);
  X509_NAME_add_entry_by_txt (name, "O", MBSTRING_ASC, (const unsigned char *) "CredLink Tests", -1, -1, 0);
  X509_NAME_add_entry_by_txt (name, "CN", MBSTRING_ASC, (const unsigned char *) "Test Signer", -1, -1, 0);
  X509_set_issuer_name (s->cert, name);
  X509_set_pubkey (s->cert, s->key);
  X509V3_set_ctx (&ctx, s->cert, s->cert, NULL, NULL, 0);
  ext = X509V3_EXT_conf_nid (NULL, &ctx, NID_key_usage, "critical,digitalSignature");
  X509_add_ext (s->cert, ext, -1);
  X509_EXTENSION_free (ext);
  ext = X509V3_EXT_conf_nid (NULL, &ctx, NID_ext_key_usage, "emailProtection");
  X509_add_ext (s->cert, ext, -1);
  X509_EXTENSION_free (ext);
  g_assert_cmpint (X509_sign (s->cert, s->key, EVP_sha256 ()), >, 0);
  der_len = i2d_X509 (s->cert, &der);
  g_assert_cmpint (der_len, >, 0);
  s->cert_der = g_bytes_new (der, der_len);
  OPENSSL_free (der);
  return s;
}


void
cl_test_signer_free (ClTestSigner *signer)
{
  if (signer == NULL)
    return;
  EVP_PKEY_free (signer->key);
  X509_free (signer->cert);
  g_bytes_unref (signer->cert_der);
  g_free (signer);
}


static const guint8 entropy[] = {
  0x12, 0x34, 0x56, 0x78, 0x9A, 0xBC, 0xDE, 0x01, 0x23, 0x45, 0x67, 0x89, 0xAB, 0xCD, 0xEF, 0x10,
  0x32, 0x54, 0x76, 0x98, 0xBA, 0xDC, 0xFE, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88, 0x99,
};


GBytes *
cl_test_plain_jpeg (void)
{
  static const guint8 head[] = {
    0xFF, 0xD8,
    0xFF, 0xE0, 0x00, 0x10, 'J', 'F', 'I', 'F', 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01,
    0x00, 0x00,
  };
  static const guint8 sof_sos[] = {
    0xFF, 0xC0, 0x00, 0x0B, 0x08, 0x00, 0x01, 0x00, 0x01, 0x01, 0x01, 0x11, 0x00,
    0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00,
  };
  static const guint8 eoi[] = { 0xFF, 0xD9 };
  GByteArray *arr = g_byte_array_new ();
  guint8 dqt[69] = { 0xFF, 0xDB, 0x00, 0x43, 0x00 };

  memset (dqt + 5, 1, 64);
  g_byte_array_append (arr, head, sizeof head);
  g_byte_array_append (arr, dqt, sizeof dqt);
  g_byte_array_append (arr, sof_sos, sizeof sof_sos);
  g_byte_array_append (arr, entropy, sizeof entropy);
  g_byte_array_append (arr, eoi, sizeof eoi);
  return g_byte_array_free_to_bytes (arr);
}


GBytes *
cl_test_cbor_serialize (cbor_item_t *item)
{
  unsigned char *buf = NULL;
  gsize size = 0, len = cbor_serialize_alloc (item, &buf, &size);
  GBytes *bytes;

  g_assert_cmpuint (len, >, 0);
  bytes = g_bytes_new (buf, len);
  free (buf);
  cbor_decref (&item);
  return bytes;
}


void
cl_test_cbor_map_put (cbor_item_t *map,
                      const char  *key,
                      cbor_item_t *value)
{
  g_assert_true (cbor_map_add (map, (struct cbor_pair) {
    .key = cbor_move (cbor_build_string (key)), .value = cbor_move (value) }));
}


gboolean
cl_test_report_has_code (ClValidationReport *report,
                         const char         *code)
{
  for (guint i = 0; i < report->statuses->len; i++) {
    if (g_str_equal (((ClStatus *) g_ptr_array_index (report->statuses, i))->code, code))
      return TRUE;
  }
  return FALSE;
}


GBytes *
cl_test_flip_byte (GBytes *bytes,
                   gsize   offset,
                   guint8  mask)
{
  gsize len;
  const guint8 *data = g_bytes_get_data (bytes, &len);
  guint8 *copy = g_memdup2 (data, len);

  g_assert_cmpuint (offset, <, len);
  copy[offset] ^= mask;
  return g_bytes_new_take (copy, len);
}


cbor_item_t *
cl_test_hashed_uri (const char   *url,
                    const guint8 *hash)
{
  cbor_item_t *map = cbor_new_definite_map (2);

  cl_test_cbor_map_put (map, "url", cbor_build_string (url));
  cl_test_cbor_map_put (map, "hash", cbor_build_bytestring (hash, 32));
  return map;
}


static cbor_item_t *
bytes_item (GBytes *bytes)
{
  return cbor_build_bytestring (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}


void
cl_test_superbox_digest (GBytes *box,
                         guint8  digest[32])
{
  gsize len;
  const guint8 *data = g_bytes_get_data (box, &len);

  /* A hashed URI covers the superbox payload: everything after its 8-byte header. */
  g_assert_cmpint (EVP_Digest (data + 8, len - 8, digest, NULL, EVP_sha256 (), NULL), ==, 1);
}


GBytes *
cl_test_assertion_box (const char *label,
                       GBytes     *cbor_content,
                       guint8      hash_out[32])
{
  g_autoptr(GBytes) content = cl_test_box ("cbor", g_bytes_get_data (cbor_content, NULL),
                                           g_bytes_get_size (cbor_content));
  GBytes *box = cl_test_superbox (uuid_cbor, label, &content, 1);

  cl_test_superbox_digest (box, hash_out);
  return box;
}


GBytes *
cl_test_data_hash_cbor (guint32       start,
                        guint32       length,
                        const guint8 *hash)
{
  cbor_item_t *map = cbor_new_definite_map (5);
  cbor_item_t *excl = cbor_new_definite_array (1);
  cbor_item_t *range = cbor_new_definite_map (2);
  guint8 pad[8] = { 0 };

  /* 32-bit widths so the placeholder and the final assertion have the same size. */
  cl_test_cbor_map_put (range, "start", cbor_build_uint32 (start));
  cl_test_cbor_map_put (range, "length", cbor_build_uint32 (length));
  g_assert_true (cbor_array_push (excl, cbor_move (range)));
  cl_test_cbor_map_put (map, "exclusions", excl);
  cl_test_cbor_map_put (map, "name", cbor_build_string ("jumbf manifest"));
  cl_test_cbor_map_put (map, "alg", cbor_build_string ("sha256"));
  cl_test_cbor_map_put (map, "hash", cbor_build_bytestring (hash, 32));
  cl_test_cbor_map_put (map, "pad", cbor_build_bytestring (pad, sizeof pad));
  return cl_test_cbor_serialize (map);
}


cbor_item_t *
cl_test_actions_item (void)
{
  cbor_item_t *map = cbor_new_definite_map (1);
  cbor_item_t *list = cbor_new_definite_array (1);
  cbor_item_t *action = cbor_new_definite_map (2);

  cl_test_cbor_map_put (action, "action", cbor_build_string ("c2pa.created"));
  cl_test_cbor_map_put (action, "digitalSourceType",
           cbor_build_string ("http://cv.iptc.org/newscodes/digitalsourcetype/digitalCapture"));
  g_assert_true (cbor_array_push (list, cbor_move (action)));
  cl_test_cbor_map_put (map, "actions", list);
  return map;
}


GBytes *
cl_test_store_new (EVP_PKEY   *key,
                   GPtrArray  *chain,
                   const char *label,
                   const char *binding_label,
                   GBytes     *binding_cbor)
{
  return cl_test_store_new_with_icon (key, chain, label, binding_label, binding_cbor, NULL, FALSE);
}


GBytes *
cl_test_store_new_with_icon (EVP_PKEY   *key,
                             GPtrArray  *chain,
                             const char *label,
                             const char *binding_label,
                             GBytes     *binding_cbor,
                             const char *icon_url,
                             gboolean    icon_hash_wrong)
{
  guint8 h_actions[32], h_hash[32];
  g_autoptr(GBytes) actions = cl_test_cbor_serialize (cl_test_actions_item ());
  g_autoptr(GBytes) a_actions = cl_test_assertion_box ("c2pa.actions.v2", actions, h_actions);
  g_autoptr(GBytes) a_hash = cl_test_assertion_box (binding_label, binding_cbor, h_hash);
  g_autofree char *binding_url = g_strdup_printf ("self#jumbf=c2pa.assertions/%s",
                                                  binding_label);
  GBytes *assertion_boxes[2] = { a_actions, a_hash };
  g_autoptr(GBytes) assertion_store = cl_test_superbox (uuid_assertions, "c2pa.assertions",
                                                        assertion_boxes, 2);
  g_autofree char *sig_url = g_strdup_printf ("self#jumbf=/c2pa/%s/c2pa.signature", label);
  cbor_item_t *claim = cbor_new_definite_map (5);
  cbor_item_t *gen = cbor_new_definite_map (icon_url != NULL ? 3 : 2);
  cbor_item_t *created = cbor_new_definite_array (2);
  g_autoptr(GBytes) claim_bytes = NULL, claim_box = NULL, claim_super = NULL;
  cbor_item_t *prot = cbor_new_definite_map (2);
  cbor_item_t *unprot = cbor_new_definite_map (1);
  cbor_item_t *cose = cbor_new_definite_array (4);
  g_autoptr(GBytes) prot_bytes = NULL, tbs = NULL, sig = NULL, cose_bytes = NULL;
  g_autoptr(GBytes) sig_box = NULL, sig_super = NULL, manifest = NULL;
  guint8 pad[16] = { 0 };
  GBytes *manifest_children[3];
  cbor_item_t *x5chain;

  cl_test_cbor_map_put (claim, "instanceID", cbor_build_string ("xmp:iid:8b1c53e6-7b7c-4a4e-9a59-0e0b1e2d3c4f"));
  cl_test_cbor_map_put (gen, "name", cbor_build_string ("credlink-tests"));
  cl_test_cbor_map_put (gen, "version", cbor_build_string ("1.0"));
  if (icon_url != NULL) {
    /* The hash the claim gives the actions assertion, or one bit off. */
    guint8 icon_hash[32];

    memcpy (icon_hash, h_actions, 32);
    icon_hash[0] ^= icon_hash_wrong ? 1 : 0;
    cl_test_cbor_map_put (gen, "icon", cl_test_hashed_uri (icon_url, icon_hash));
  }
  cl_test_cbor_map_put (claim, "claim_generator_info", gen);
  cl_test_cbor_map_put (claim, "signature", cbor_build_string (sig_url));
  g_assert_true (cbor_array_push (created, cbor_move (cl_test_hashed_uri ("self#jumbf=c2pa.assertions/c2pa.actions.v2", h_actions))));
  g_assert_true (cbor_array_push (created, cbor_move (cl_test_hashed_uri (binding_url, h_hash))));
  cl_test_cbor_map_put (claim, "created_assertions", created);
  cl_test_cbor_map_put (claim, "alg", cbor_build_string ("sha256"));
  claim_bytes = cl_test_cbor_serialize (claim);
  claim_box = cl_test_box ("cbor", g_bytes_get_data (claim_bytes, NULL), g_bytes_get_size (claim_bytes));
  claim_super = cl_test_superbox (uuid_claim, "c2pa.claim.v2", &claim_box, 1);

  g_assert_true (cbor_map_add (prot, (struct cbor_pair) {
    .key = cbor_move (cbor_build_uint8 (1)), .value = cbor_move (cbor_build_negint8 (6)) }));
  if (chain->len == 1) {
    x5chain = bytes_item (g_ptr_array_index (chain, 0));
  } else {
    x5chain = cbor_new_definite_array (chain->len);
    for (guint i = 0; i < chain->len; i++)
      g_assert_true (cbor_array_push (x5chain, cbor_move (bytes_item (g_ptr_array_index (chain, i)))));
  }
  g_assert_true (cbor_map_add (prot, (struct cbor_pair) {
    .key = cbor_move (cbor_build_uint8 (33)), .value = cbor_move (x5chain) }));
  prot_bytes = cl_test_cbor_serialize (prot);
  tbs = cl_cose_sig_structure_encode ("Signature1", g_bytes_get_data (prot_bytes, NULL),
                                      g_bytes_get_size (prot_bytes),
                                      g_bytes_get_data (claim_bytes, NULL),
                                      g_bytes_get_size (claim_bytes));
  sig = cl_cose_sign_bytes (CL_COSE_ALG_ES256, key, g_bytes_get_data (tbs, NULL),
                            g_bytes_get_size (tbs), NULL);
  g_assert_nonnull (sig);
  g_assert_true (cbor_array_push (cose, cbor_move (cbor_build_bytestring (
    g_bytes_get_data (prot_bytes, NULL), g_bytes_get_size (prot_bytes)))));
  cl_test_cbor_map_put (unprot, "pad", cbor_build_bytestring (pad, sizeof pad));
  g_assert_true (cbor_array_push (cose, cbor_move (unprot)));
  g_assert_true (cbor_array_push (cose, cbor_move (cbor_new_null ())));
  g_assert_true (cbor_array_push (cose, cbor_move (cbor_build_bytestring (
    g_bytes_get_data (sig, NULL), g_bytes_get_size (sig)))));
  cose_bytes = cl_test_cbor_serialize (cbor_build_tag (18, cbor_move (cose)));
  sig_box = cl_test_box ("cbor", g_bytes_get_data (cose_bytes, NULL), g_bytes_get_size (cose_bytes));
  sig_super = cl_test_superbox (uuid_signature, "c2pa.signature", &sig_box, 1);

  manifest_children[0] = assertion_store;
  manifest_children[1] = claim_super;
  manifest_children[2] = sig_super;
  manifest = cl_test_superbox (uuid_manifest, label, manifest_children, 3);
  return cl_test_superbox (uuid_store, "c2pa", &manifest, 1);
}


static GBytes *
build_store (ClTestSigner *signer,
             const char   *label,
             guint32       excl_start,
             guint32       excl_length,
             const guint8 *data_hash)
{
  g_autoptr(GBytes) dh = cl_test_data_hash_cbor (excl_start, excl_length, data_hash);
  g_autoptr(GPtrArray) chain = g_ptr_array_new ();

  g_ptr_array_add (chain, signer->cert_der);
  return cl_test_store_new (signer->key, chain, label, "c2pa.hash.data", dh);
}


GBytes *
cl_test_embed_jpeg (GBytes *plain,
                    gsize   offset,
                    GBytes *store)
{
  GByteArray *out = g_byte_array_new ();
  gsize store_len = g_bytes_get_size (store);
  const guint8 *p = g_bytes_get_data (plain, NULL);
  guint16 lp = (guint16) (2 + 8 + store_len);
  guint8 seg[12] = { 0xFF, 0xEB, lp >> 8, lp & 0xFF, 'J', 'P', 0x02, 0x11, 0, 0, 0, 1 };

  g_assert_cmpuint (store_len, <, 65000);
  g_byte_array_append (out, p, (guint) offset);
  g_byte_array_append (out, seg, sizeof seg);
  g_byte_array_append (out, g_bytes_get_data (store, NULL), (guint) store_len);
  g_byte_array_append (out, p + offset, (guint) (g_bytes_get_size (plain) - offset));
  return g_byte_array_free_to_bytes (out);
}


GBytes *
cl_test_embed_png (GBytes *plain,
                   GBytes *store)
{
  GByteArray *out = g_byte_array_new ();
  gsize store_len = g_bytes_get_size (store);
  const guint8 *p = g_bytes_get_data (plain, NULL);
  /* After the signature and IHDR (8 + 12 + 13 bytes). */
  gsize offset = 8 + 12 + 13;
  guint8 header[8] = { store_len >> 24, store_len >> 16, store_len >> 8, store_len, 'c', 'a', 'B', 'X' };
  guint8 crc[4];
  uLong sum = crc32 (0L, header + 4, 4);

  sum = crc32 (sum, g_bytes_get_data (store, NULL), (uInt) store_len);
  crc[0] = sum >> 24;
  crc[1] = sum >> 16;
  crc[2] = sum >> 8;
  crc[3] = sum;
  g_assert_true (memcmp (p + 12, "IHDR", 4) == 0);
  g_byte_array_append (out, p, (guint) offset);
  g_byte_array_append (out, header, sizeof header);
  g_byte_array_append (out, g_bytes_get_data (store, NULL), (guint) store_len);
  g_byte_array_append (out, crc, sizeof crc);
  g_byte_array_append (out, p + offset, (guint) (g_bytes_get_size (plain) - offset));
  return g_byte_array_free_to_bytes (out);
}


static GBytes *
embed (GBytes *plain,
       GBytes *store)
{
  return cl_test_embed_jpeg (plain, 20, store);
}


static gsize
find (GBytes     *haystack,
      const char *needle)
{
  gsize len;
  const guint8 *data = g_bytes_get_data (haystack, &len);
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= len; i++) {
    if (memcmp (data + i, needle, n) == 0)
      return i;
  }
  g_assert_not_reached ();
  return 0;
}


ClTestSignedJpeg *
cl_test_signed_jpeg_new (ClTestSigner *signer)
{
  ClTestSignedJpeg *jpeg = g_new0 (ClTestSignedJpeg, 1);
  g_autoptr(GBytes) plain = cl_test_plain_jpeg ();
  guint8 zeros[32] = { 0 }, digest[32];
  g_autoptr(GBytes) placeholder = NULL, store = NULL;
  gsize seg_len;

  jpeg->manifest_label = g_strdup ("urn:c2pa:0b7c2d4e-5f60-4a1b-8c9d-0e1f2a3b4c5d:credlink");
  /* Pass 1 fixes the layout; the exclusion is the APP11 segment at offset 20. */
  placeholder = build_store (signer, jpeg->manifest_label, 0, 0, zeros);
  seg_len = 2 + 2 + 8 + g_bytes_get_size (placeholder);
  /* The data hash covers every byte outside the segment: the plain JPEG itself. */
  g_assert_cmpint (EVP_Digest (g_bytes_get_data (plain, NULL), g_bytes_get_size (plain), digest,
                               NULL, EVP_sha256 (), NULL), ==, 1);
  store = build_store (signer, jpeg->manifest_label, 20, (guint32) seg_len, digest);
  g_assert_cmpuint (g_bytes_get_size (store), ==, g_bytes_get_size (placeholder));
  jpeg->file = embed (plain, store);
  jpeg->store_offset = 20;
  jpeg->store_length = seg_len;
  jpeg->pixel_offset = 20 + seg_len + (g_bytes_get_size (plain) - 20 - sizeof entropy - 2);
  jpeg->actions_offset = find (jpeg->file, "c2pa.created");
  jpeg->claim_offset = find (jpeg->file, "xmp:iid:");
  jpeg->jumd_offset = 20 + 12 + 8;
  return jpeg;
}


/* cl_test_plain_jpeg() as box groups: [SOI APP0] [C2PA] [DQT SOF0 SOS EOI]. */
GBytes *
cl_test_box_hash_store_for_plain (EVP_PKEY   *key,
                                  GPtrArray  *chain,
                                  const char *icon_url,
                                  gboolean    icon_hash_wrong)
{
  static const char *const before[] = { "SOI", "APP0" };
  static const char *const after[] = { "DQT", "SOF0", "SOS", "EOI" };
  g_autoptr(GBytes) plain = cl_test_plain_jpeg ();
  g_autoptr(GBytes) cbor = NULL;
  const guint8 *p = g_bytes_get_data (plain, NULL);
  gsize len = g_bytes_get_size (plain);
  cbor_item_t *root = cbor_new_definite_map (1);
  cbor_item_t *boxes = cbor_new_definite_array (3);
  struct { const char *const *names; gsize n, start, end; } groups[3] = {
    { before, G_N_ELEMENTS (before), 0, 20 }, { NULL, 0, 0, 0 },
    { after, G_N_ELEMENTS (after), 20, len },
  };

  for (guint g = 0; g < 3; g++) {
    cbor_item_t *entry = cbor_new_definite_map (3);
    cbor_item_t *names = cbor_new_definite_array (MAX (groups[g].n, 1));
    guint8 digest[32];

    if (groups[g].names == NULL)
      g_assert_true (cbor_array_push (names, cbor_move (cbor_build_string ("C2PA"))));
    for (gsize i = 0; i < groups[g].n; i++)
      g_assert_true (cbor_array_push (names, cbor_move (cbor_build_string (groups[g].names[i]))));
    g_assert_cmpint (EVP_Digest (p + groups[g].start, groups[g].end - groups[g].start, digest,
                                 NULL, EVP_sha256 (), NULL), ==, 1);
    cl_test_cbor_map_put (entry, "names", names);
    cl_test_cbor_map_put (entry, "hash", cbor_build_bytestring (digest, groups[g].names != NULL ? 32 : 0));
    cl_test_cbor_map_put (entry, "pad", cbor_build_bytestring (digest, 0));
    g_assert_true (cbor_array_push (boxes, cbor_move (entry)));
  }
  cl_test_cbor_map_put (root, "boxes", boxes);
  cbor = cl_test_cbor_serialize (root);
  return cl_test_store_new_with_icon (key, chain,
                                      "urn:c2pa:7d3c1f2e-4b5a-4c6d-9e8f-0a1b2c3d4e5f:credlink",
                                      "c2pa.hash.boxes", cbor, icon_url, icon_hash_wrong);
}


GBytes *
cl_test_box_hashed_jpeg_new (ClTestSigner *signer)
{
  g_autoptr(GPtrArray) chain = g_ptr_array_new ();
  g_autoptr(GBytes) plain = cl_test_plain_jpeg ();
  g_autoptr(GBytes) store = NULL;

  g_ptr_array_add (chain, signer->cert_der);
  store = cl_test_box_hash_store_for_plain (signer->key, chain, NULL, FALSE);
  return cl_test_embed_jpeg (plain, 20, store);
}


void
cl_test_signed_jpeg_free (ClTestSignedJpeg *jpeg)
{
  if (jpeg == NULL)
    return;
  g_bytes_unref (jpeg->file);
  g_free (jpeg->manifest_label);
  g_free (jpeg);
}


char *
cl_test_write_temp (GBytes     *bytes,
                    const char *name)
{
  g_autofree char *dir = cl_test_tmp_dir_new ("credlink-test", CL_TEST_TMP_UNTIL_CASE_ENDS);
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL),
                                      g_bytes_get_size (bytes), NULL));
  return path;
}
