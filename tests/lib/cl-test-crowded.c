/* cl-test-crowded.c
 *
 * The boxes are written straight into one buffer per superbox: the crowds reach hundreds of
 * thousands of entries, too many to build box by box.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <cbor.h>

#include "cl-c2pa-ids.h"
#include "cl-cose-crypto.h"
#include "cl-test-crowded.h"

static const guint8 uuid_store[16] = CL_UUID_STORE;
static const guint8 uuid_manifest[16] = CL_UUID_MANIFEST;
static const guint8 uuid_assertions[16] = CL_UUID_ASSERTION_STORE;
static const guint8 uuid_claim[16] = CL_UUID_CLAIM;
static const guint8 uuid_signature[16] = CL_UUID_SIGNATURE;
static const guint8 uuid_cbor[16] = CL_UUID_CBOR;

#define OTHER_LABEL "urn:c2pa:00000000-0000-4000-8000-000000000000"


static void
append_u32 (GByteArray *out,
            guint32     value)
{
  guint32 be = GUINT32_TO_BE (value);

  g_byte_array_append (out, (const guint8 *) &be, 4);
}


/* Appends a superbox (jumd with uuid and label, then content) to out; returns the offset
 * of its payload in out. */
static gsize
append_superbox (GByteArray   *out,
                 const guint8  uuid[16],
                 const char   *label,
                 const guint8 *content,
                 gsize         content_len)
{
  guint8 toggles = CL_JUMD_REQUESTABLE | CL_JUMD_LABEL;
  gsize jumd_len = 8 + 16 + 1 + strlen (label) + 1;
  gsize payload;

  append_u32 (out, (guint32) (8 + jumd_len + content_len));
  g_byte_array_append (out, (const guint8 *) "jumb", 4);
  payload = out->len;
  append_u32 (out, (guint32) jumd_len);
  g_byte_array_append (out, (const guint8 *) "jumd", 4);
  g_byte_array_append (out, uuid, 16);
  g_byte_array_append (out, &toggles, 1);
  g_byte_array_append (out, (const guint8 *) label, strlen (label) + 1);
  g_byte_array_append (out, content, (guint) content_len);
  return payload;
}


/* A cbor box holding item (consumed). */
static GByteArray *
cbor_box (cbor_item_t *item)
{
  unsigned char *buf = NULL;
  gsize size = 0, len = cbor_serialize_alloc (item, &buf, &size);
  GByteArray *box = g_byte_array_sized_new ((guint) len + 8);

  g_assert_cmpuint (len, >, 0);
  append_u32 (box, (guint32) (len + 8));
  g_byte_array_append (box, (const guint8 *) "cbor", 4);
  g_byte_array_append (box, buf, (guint) len);
  free (buf);
  cbor_decref (&item);
  return box;
}


/* Appends an assertion superbox with the cbor box content and records its hashed URI. */
static void
append_assertion (GByteArray  *store,
                  GPtrArray   *uris,
                  GByteArray  *hashes,
                  const char  *label,
                  GByteArray  *content)
{
  gsize payload = append_superbox (store, uuid_cbor, label, content->data, content->len);
  guint8 hash[32];

  g_assert_cmpint (EVP_Digest (store->data + payload, store->len - payload, hash, NULL,
                               EVP_sha256 (), NULL), ==, 1);
  g_ptr_array_add (uris, g_strdup_printf ("self#jumbf=c2pa.assertions/%s", label));
  g_byte_array_append (hashes, hash, 32);
}


/* What every item holds: padding and small integers. */
static GByteArray *
item_box (const ClTestCrowd *crowd)
{
  g_autofree guint8 *pad = g_malloc0 (crowd->item_size + 1);
  cbor_item_t *item = cbor_new_definite_map (2);
  cbor_item_t *ints = cbor_new_definite_array (crowd->item_ints);

  for (guint i = 0; i < crowd->item_ints; i++)
    g_assert_true (cbor_array_push (ints, cbor_move (cbor_build_uint8 (i % 24))));
  cl_test_cbor_map_put (item, "pad", cbor_build_bytestring (pad, crowd->item_size));
  cl_test_cbor_map_put (item, "ints", ints);
  return cbor_box (item);
}


static GByteArray *
ingredient_box (void)
{
  cbor_item_t *item = cbor_new_definite_map (2);

  cl_test_cbor_map_put (item, "dc:title", cbor_build_string ("input"));
  cl_test_cbor_map_put (item, "relationship", cbor_build_string ("inputTo"));
  return cbor_box (item);
}


/* The assertion store's content (every assertion superbox), with the URI and hash of each:
 * the actions, the items, the ingredients. */
static GByteArray *
assertions_content (const ClTestCrowd *crowd,
                    GPtrArray         *uris,
                    GByteArray        *hashes)
{
  GByteArray *out = g_byte_array_new ();
  g_autoptr(GByteArray) actions = cbor_box (cl_test_actions_item ());
  g_autoptr(GByteArray) item = item_box (crowd);
  g_autoptr(GByteArray) ingredient = ingredient_box ();

  append_assertion (out, uris, hashes, "c2pa.actions.v2", actions);
  for (guint i = 0; i < crowd->n_items; i++) {
    g_autofree char *label = g_strdup_printf ("cl.test.item__%u", i + 1);

    append_assertion (out, uris, hashes, label, item);
  }
  for (guint i = 0; i < crowd->n_ingredients; i++) {
    g_autofree char *label = g_strdup_printf ("c2pa.ingredient.v2__%u", i + 1);

    append_assertion (out, uris, hashes, label, ingredient);
  }
  return out;
}


/* The assertion that reference i names: the actions first, then the items round and round,
 * then the ingredients. */
static guint
referenced_index (const ClTestCrowd *crowd,
                  guint              i)
{
  if (i == 0)
    return 0;
  if (i <= crowd->n_references)
    return 1 + (i - 1) % MAX (crowd->n_items, 1);
  return 1 + crowd->n_items + (i - 1 - crowd->n_references);
}


/* The claim: the actions, crowd->n_references references to the items, the ingredients,
 * and the redactions. */
static cbor_item_t *
claim_item (const ClTestCrowd *crowd,
            GPtrArray         *uris,
            GByteArray        *hashes)
{
  cbor_item_t *claim = cbor_new_definite_map (6);
  cbor_item_t *gen = cbor_new_definite_map (2);
  guint n_refs = 1 + crowd->n_references + crowd->n_ingredients;
  cbor_item_t *created = cbor_new_definite_array (n_refs);
  cbor_item_t *redacted = cbor_new_definite_array (crowd->n_redactions);

  cl_test_cbor_map_put (claim, "instanceID", cbor_build_string ("xmp:iid:8b1c53e6-7b7c-4a4e-9a59-0e0b1e2d3c4f"));
  cl_test_cbor_map_put (gen, "name", cbor_build_string ("credlink-tests"));
  cl_test_cbor_map_put (gen, "version", cbor_build_string ("1.0"));
  cl_test_cbor_map_put (claim, "claim_generator_info", gen);
  cl_test_cbor_map_put (claim, "signature", cbor_build_string ("self#jumbf=/c2pa/" CL_TEST_CROWD_LABEL
                                              "/c2pa.signature"));
  for (guint i = 0; i < n_refs; i++) {
    guint a = referenced_index (crowd, i);

    g_assert_cmpuint (a, <, uris->len);
    g_assert_true (cbor_array_push (created, cbor_move (cl_test_hashed_uri (g_ptr_array_index (uris, a),
                                                                    hashes->data + 32 * a))));
  }
  cl_test_cbor_map_put (claim, "created_assertions", created);
  for (guint i = 0; i < crowd->n_redactions; i++) {
    g_autofree char *uri = g_strdup_printf ("self#jumbf=/c2pa/" OTHER_LABEL
                                            "/c2pa.assertions/cl.test.gone__%u", i + 1);

    g_assert_true (cbor_array_push (redacted, cbor_move (cbor_build_string (uri))));
  }
  cl_test_cbor_map_put (claim, "redacted_assertions", redacted);
  cl_test_cbor_map_put (claim, "alg", cbor_build_string ("sha256"));
  return claim;
}


/* The COSE_Sign1 of claim (ES256, the signer's certificate in x5chain), in a cbor box. */
static GByteArray *
signature_box (ClTestSigner *signer,
               GByteArray   *claim_box)
{
  cbor_item_t *prot = cbor_new_definite_map (2);
  cbor_item_t *cose = cbor_new_definite_array (4);
  const guint8 *claim = claim_box->data + 8;
  gsize claim_len = claim_box->len - 8;
  unsigned char *prot_buf = NULL;
  gsize prot_size = 0, prot_len;
  g_autoptr(GBytes) tbs = NULL, sig = NULL;

  g_assert_true (cbor_map_add (prot, (struct cbor_pair) {
    .key = cbor_move (cbor_build_uint8 (1)), .value = cbor_move (cbor_build_negint8 (6)) }));
  g_assert_true (cbor_map_add (prot, (struct cbor_pair) {
    .key = cbor_move (cbor_build_uint8 (33)),
    .value = cbor_move (cbor_build_bytestring (g_bytes_get_data (signer->cert_der, NULL),
                                               g_bytes_get_size (signer->cert_der))) }));
  prot_len = cbor_serialize_alloc (prot, &prot_buf, &prot_size);
  cbor_decref (&prot);
  tbs = cl_cose_sig_structure_encode ("Signature1", prot_buf, prot_len, claim, claim_len);
  sig = cl_cose_sign_bytes (CL_COSE_ALG_ES256, signer->key, g_bytes_get_data (tbs, NULL),
                            g_bytes_get_size (tbs), NULL);
  g_assert_nonnull (sig);
  g_assert_true (cbor_array_push (cose, cbor_move (cbor_build_bytestring (prot_buf, prot_len))));
  free (prot_buf);
  g_assert_true (cbor_array_push (cose, cbor_move (cbor_new_definite_map (0))));
  g_assert_true (cbor_array_push (cose, cbor_move (cbor_new_null ())));
  g_assert_true (cbor_array_push (cose, cbor_move (cbor_build_bytestring (
    g_bytes_get_data (sig, NULL), g_bytes_get_size (sig)))));
  return cbor_box (cbor_build_tag (18, cbor_move (cose)));
}


GBytes *
cl_test_crowded_store_new (ClTestSigner      *signer,
                           const ClTestCrowd *crowd)
{
  g_autoptr(GPtrArray) uris = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GByteArray) hashes = g_byte_array_new ();
  g_autoptr(GByteArray) assertions = assertions_content (crowd, uris, hashes);
  g_autoptr(GByteArray) claim = cbor_box (claim_item (crowd, uris, hashes));
  g_autoptr(GByteArray) sig = signature_box (signer, claim);
  g_autoptr(GByteArray) manifest = g_byte_array_new ();
  g_autoptr(GByteArray) manifest_box = g_byte_array_new ();
  GByteArray *store = g_byte_array_new ();

  append_superbox (manifest, uuid_assertions, "c2pa.assertions", assertions->data,
                   assertions->len);
  append_superbox (manifest, uuid_claim, "c2pa.claim.v2", claim->data, claim->len);
  append_superbox (manifest, uuid_signature, "c2pa.signature", sig->data, sig->len);
  append_superbox (manifest_box, uuid_manifest, CL_TEST_CROWD_LABEL, manifest->data,
                   manifest->len);
  append_superbox (store, uuid_store, "c2pa", manifest_box->data, manifest_box->len);
  return g_byte_array_free_to_bytes (store);
}


GBytes *
cl_test_crowded_jpeg_new (GBytes *store)
{
  g_autoptr(GBytes) plain = cl_test_plain_jpeg ();
  GByteArray *out = g_byte_array_new ();
  const guint8 *p = g_bytes_get_data (plain, NULL);
  /* A segment holds at most 65533 bytes after its length: CI, En, Z, the repeated box
   * header, then the box bytes. */
  const gsize chunk = 65533 - 8 - 8;
  gsize len;
  const guint8 *data = g_bytes_get_data (store, &len);
  guint32 seq = 1;

  g_byte_array_append (out, p, 20);   /* SOI and APP0 */
  for (gsize pos = 8; pos < len; pos += chunk, seq++) {
    gsize n = MIN (chunk, len - pos);
    guint16 seg_len = (guint16) (2 + 8 + 8 + n);
    guint8 head[12] = { 0xFF, 0xEB, seg_len >> 8, seg_len & 0xFF, 'J', 'P', 0x02, 0x11,
                        seq >> 24, seq >> 16, seq >> 8, seq };

    g_byte_array_append (out, head, sizeof head);
    g_byte_array_append (out, data, 8);   /* LBox and TBox in every segment */
    g_byte_array_append (out, data + pos, (guint) n);
  }
  g_byte_array_append (out, p + 20, (guint) (g_bytes_get_size (plain) - 20));
  return g_byte_array_free_to_bytes (out);
}
