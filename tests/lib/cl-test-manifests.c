/* cl-test-manifests.c: manifest stores of several manifests, built from scratch.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <stdlib.h>
#include <cbor.h>
#include <openssl/ts.h>

#include "cl-c2pa-ids.h"
#include "cl-cose-crypto.h"
#include "cl-test-c2pa.h"
#include "cl-test-manifests.h"
#include "cl-timestamp.h"

static const guint8 uuid_store[16] = CL_UUID_STORE;
static const guint8 uuid_manifest[16] = CL_UUID_MANIFEST;
static const guint8 uuid_assertions[16] = CL_UUID_ASSERTION_STORE;
static const guint8 uuid_claim[16] = CL_UUID_CLAIM;
static const guint8 uuid_signature[16] = CL_UUID_SIGNATURE;
static const guint8 uuid_cbor[16] = CL_UUID_CBOR;


/* The last box inside the superbox box (a manifest's: its signature superbox). */
static GBytes *
last_child (GBytes *box)
{
  gsize len, pos = 8, last = 0;
  const guint8 *data = g_bytes_get_data (box, &len);

  while (pos + 8 <= len) {
    guint32 size;

    memcpy (&size, data + pos, 4);    /* boxes are not aligned */
    size = GUINT32_FROM_BE (size);

    g_assert_cmpuint (size, >=, 8);
    last = pos;
    pos += size;
  }
  g_assert_cmpuint (pos, ==, len);
  return g_bytes_new_from_bytes (box, last, len - last);
}


/* The TimeStampToken (DER) of stamp's TSA over data. */
static GBytes *
time_stamp_token (const ClTestStamp *stamp,
                  GBytes            *data)
{
  TS_REQ *req = TS_REQ_new ();
  TS_MSG_IMPRINT *imprint = TS_MSG_IMPRINT_new ();
  X509_ALGOR *alg = X509_ALGOR_new ();
  guint8 digest[32];
  unsigned char *der = NULL;
  const unsigned char *p;
  g_autoptr(GBytes) request = NULL, response = NULL;
  TS_RESP *resp;
  GBytes *token;
  int len;

  g_assert_cmpint (EVP_Digest (g_bytes_get_data (data, NULL), g_bytes_get_size (data), digest,
                               NULL, EVP_sha256 (), NULL), ==, 1);
  X509_ALGOR_set0 (alg, OBJ_nid2obj (NID_sha256), V_ASN1_NULL, NULL);
  TS_MSG_IMPRINT_set_algo (imprint, alg);
  TS_MSG_IMPRINT_set_msg (imprint, digest, sizeof digest);
  TS_REQ_set_version (req, 1);
  TS_REQ_set_msg_imprint (req, imprint);
  TS_REQ_set_cert_req (req, 1);
  len = i2d_TS_REQ (req, &der);
  g_assert_cmpint (len, >, 0);
  request = g_bytes_new (der, (gsize) len);
  OPENSSL_free (der);
  TS_REQ_free (req);
  TS_MSG_IMPRINT_free (imprint);
  X509_ALGOR_free (alg);

  response = cl_test_tsa_response (stamp->pki, request, stamp->gen_time);
  g_assert_nonnull (response);
  p = g_bytes_get_data (response, NULL);
  resp = d2i_TS_RESP (NULL, &p, (long) g_bytes_get_size (response));
  g_assert_nonnull (resp);
  der = NULL;
  len = i2d_PKCS7 (TS_RESP_get_token (resp), &der);
  g_assert_cmpint (len, >, 0);
  token = g_bytes_new (der, (gsize) len);
  OPENSSL_free (der);
  TS_RESP_free (resp);
  return token;
}


cbor_item_t *
cl_test_cose_unprotected_header (const ClTestStamp *stamp,
                                 GBytes            *protected_bytes,
                                 GBytes            *claim,
                                 GBytes            *signature)
{
  cbor_item_t *unprot = cbor_new_definite_map (stamp != NULL ? 1 : 0);
  g_autoptr(GBytes) data = NULL, token = NULL;
  cbor_item_t *tst, *tokens, *val;

  if (stamp == NULL)
    return unprot;
  data = cl_timestamp_countersign_data (2, protected_bytes, claim, signature);
  token = time_stamp_token (stamp, data);
  val = cbor_new_definite_map (1);
  cl_test_cbor_map_put (val, "val", cbor_build_bytestring (g_bytes_get_data (token, NULL),
                                                           g_bytes_get_size (token)));
  tokens = cbor_new_definite_array (1);
  g_assert_true (cbor_array_push (tokens, cbor_move (val)));
  tst = cbor_new_definite_map (1);
  cl_test_cbor_map_put (tst, "tstTokens", tokens);
  cl_test_cbor_map_put (unprot, "sigTst2", tst);
  return unprot;
}


/* The COSE_Sign1_Tagged over claim (ES256, detached payload). */
static GBytes *
signature_cose (EVP_PKEY          *key,
                GPtrArray         *chain_der,
                GBytes            *claim,
                const ClTestStamp *stamp)
{
  cbor_item_t *prot = cbor_new_definite_map (2);
  cbor_item_t *x5chain = cbor_new_definite_array (chain_der->len);
  cbor_item_t *unprot;
  cbor_item_t *cose = cbor_new_definite_array (4);
  g_autoptr(GBytes) prot_bytes = NULL, tbs = NULL, sig = NULL;

  g_assert_true (cbor_map_add (prot, (struct cbor_pair) {
    .key = cbor_move (cbor_build_uint8 (1)), .value = cbor_move (cbor_build_negint8 (6)) }));
  for (guint i = 0; i < chain_der->len; i++) {
    GBytes *der = g_ptr_array_index (chain_der, i);

    g_assert_true (cbor_array_push (x5chain, cbor_move (cbor_build_bytestring (
      g_bytes_get_data (der, NULL), g_bytes_get_size (der)))));
  }
  g_assert_true (cbor_map_add (prot, (struct cbor_pair) {
    .key = cbor_move (cbor_build_uint8 (33)), .value = cbor_move (x5chain) }));
  prot_bytes = cl_test_cbor_serialize (prot);
  tbs = cl_cose_sig_structure_encode ("Signature1", g_bytes_get_data (prot_bytes, NULL),
                                      g_bytes_get_size (prot_bytes),
                                      g_bytes_get_data (claim, NULL), g_bytes_get_size (claim));
  sig = cl_cose_sign_bytes (CL_COSE_ALG_ES256, key, g_bytes_get_data (tbs, NULL),
                            g_bytes_get_size (tbs), NULL);
  g_assert_nonnull (sig);
  unprot = cl_test_cose_unprotected_header (stamp, prot_bytes, claim, sig);
  g_assert_true (cbor_array_push (cose, cbor_move (cbor_build_bytestring (
    g_bytes_get_data (prot_bytes, NULL), g_bytes_get_size (prot_bytes)))));
  g_assert_true (cbor_array_push (cose, cbor_move (unprot)));
  g_assert_true (cbor_array_push (cose, cbor_move (cbor_new_null ())));
  g_assert_true (cbor_array_push (cose, cbor_move (cbor_build_bytestring (
    g_bytes_get_data (sig, NULL), g_bytes_get_size (sig)))));
  return cl_test_cbor_serialize (cbor_build_tag (18, cbor_move (cose)));
}


GBytes *
cl_test_manifest_new (EVP_PKEY              *key,
                      GPtrArray             *chain_der,
                      const char            *label,
                      const ClTestAssertion *assertions,
                      guint                  n_assertions,
                      const char * const    *redactions,
                      const ClTestStamp     *stamp)
{
  g_autoptr(GPtrArray) boxes = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  cbor_item_t *claim = cbor_new_definite_map (redactions != NULL ? 6 : 5);
  cbor_item_t *gen = cbor_new_definite_map (1);
  cbor_item_t *created = cbor_new_definite_array (n_assertions);
  g_autofree char *sig_url = g_strdup_printf ("self#jumbf=/c2pa/%s/c2pa.signature", label);
  g_autoptr(GBytes) store = NULL, claim_bytes = NULL, claim_box = NULL, claim_super = NULL;
  g_autoptr(GBytes) cose = NULL, sig_box = NULL, sig_super = NULL;
  GBytes *children[3];

  for (guint i = 0; i < n_assertions; i++) {
    g_autoptr(GBytes) content = cl_test_box ("cbor", g_bytes_get_data (assertions[i].cbor, NULL),
                                             g_bytes_get_size (assertions[i].cbor));
    GBytes *box = cl_test_superbox (uuid_cbor, assertions[i].label, &content, 1);
    g_autofree char *url = g_strdup_printf ("self#jumbf=c2pa.assertions/%s", assertions[i].label);
    guint8 digest[32];

    cl_test_superbox_digest (box, digest);
    if (assertions[i].removed)
      g_bytes_unref (box);
    else
      g_ptr_array_add (boxes, box);
    g_assert_true (cbor_array_push (created, cbor_move (cl_test_hashed_uri (url, digest))));
  }
  store = cl_test_superbox (uuid_assertions, "c2pa.assertions", (GBytes **) boxes->pdata,
                            boxes->len);

  cl_test_cbor_map_put (claim, "instanceID", cbor_build_string ("xmp:iid:3f1c2b7a-7e51-4f0c-9d1e-6a5b4c3d2e1f"));
  cl_test_cbor_map_put (gen, "name", cbor_build_string ("credlink-tests"));
  cl_test_cbor_map_put (claim, "claim_generator_info", gen);
  cl_test_cbor_map_put (claim, "signature", cbor_build_string (sig_url));
  cl_test_cbor_map_put (claim, "created_assertions", created);
  cl_test_cbor_map_put (claim, "alg", cbor_build_string ("sha256"));
  if (redactions != NULL) {
    cbor_item_t *list = cbor_new_definite_array (g_strv_length ((char **) redactions));

    for (guint i = 0; redactions[i] != NULL; i++)
      g_assert_true (cbor_array_push (list, cbor_move (cbor_build_string (redactions[i]))));
    cl_test_cbor_map_put (claim, "redacted_assertions", list);
  }
  claim_bytes = cl_test_cbor_serialize (claim);
  claim_box = cl_test_box ("cbor", g_bytes_get_data (claim_bytes, NULL), g_bytes_get_size (claim_bytes));
  claim_super = cl_test_superbox (uuid_claim, "c2pa.claim.v2", &claim_box, 1);

  cose = signature_cose (key, chain_der, claim_bytes, stamp);
  sig_box = cl_test_box ("cbor", g_bytes_get_data (cose, NULL), g_bytes_get_size (cose));
  sig_super = cl_test_superbox (uuid_signature, "c2pa.signature", &sig_box, 1);

  children[0] = store;
  children[1] = claim_super;
  children[2] = sig_super;
  return cl_test_superbox (uuid_manifest, label, children, 3);
}


GBytes *
cl_test_manifest_store_new (GBytes **manifests,
                            guint    n_manifests)
{
  return cl_test_superbox (uuid_store, "c2pa", manifests, n_manifests);
}


GBytes *
cl_test_manifests_jpeg_new (GBytes           **others,
                            guint              n_others,
                            ClTestActiveFunc   active,
                            gpointer           user_data)
{
  g_autoptr(GBytes) plain = cl_test_plain_jpeg ();
  g_autoptr(GPtrArray) manifests = g_ptr_array_new ();
  g_autoptr(GBytes) placeholder = NULL, final = NULL, store = NULL;
  guint8 zeros[32] = { 0 }, digest[32];
  gsize seg_len;

  for (guint i = 0; i < n_others; i++)
    g_ptr_array_add (manifests, others[i]);
  /* Pass 1 fixes the layout; the exclusion is the APP11 segment at offset 20, and the
   * data hash covers every byte outside it: the plain JPEG itself. */
  placeholder = active (0, 0, zeros, user_data);
  g_ptr_array_add (manifests, placeholder);
  store = cl_test_manifest_store_new ((GBytes **) manifests->pdata, manifests->len);
  seg_len = 2 + 2 + 8 + g_bytes_get_size (store);
  g_clear_pointer (&store, g_bytes_unref);
  g_assert_cmpint (EVP_Digest (g_bytes_get_data (plain, NULL), g_bytes_get_size (plain), digest,
                               NULL, EVP_sha256 (), NULL), ==, 1);
  final = active (20, (guint32) seg_len, digest, user_data);
  manifests->pdata[manifests->len - 1] = final;
  store = cl_test_manifest_store_new ((GBytes **) manifests->pdata, manifests->len);
  g_assert_cmpuint (2 + 2 + 8 + g_bytes_get_size (store), ==, seg_len);
  return cl_test_embed_jpeg (plain, 20, store);
}


GBytes *
cl_test_actions_created_cbor (const char * const *redactions)
{
  cbor_item_t *map = cbor_new_definite_map (1);
  cbor_item_t *list = cbor_new_indefinite_array ();
  cbor_item_t *action = cbor_new_definite_map (2);

  cl_test_cbor_map_put (action, "action", cbor_build_string ("c2pa.created"));
  cl_test_cbor_map_put (action, "digitalSourceType",
           cbor_build_string ("http://cv.iptc.org/newscodes/digitalsourcetype/digitalCapture"));
  g_assert_true (cbor_array_push (list, cbor_move (action)));
  for (guint i = 0; redactions != NULL && redactions[i] != NULL; i++) {
    cbor_item_t *redacted = cbor_new_definite_map (3);
    cbor_item_t *parameters = cbor_new_definite_map (1);

    cl_test_cbor_map_put (redacted, "action", cbor_build_string ("c2pa.redacted"));
    cl_test_cbor_map_put (redacted, "reason", cbor_build_string ("c2pa.PII.present"));
    cl_test_cbor_map_put (parameters, "redacted", cbor_build_string (redactions[i]));
    cl_test_cbor_map_put (redacted, "parameters", parameters);
    g_assert_true (cbor_array_push (list, cbor_move (redacted)));
  }
  cl_test_cbor_map_put (map, "actions", list);
  return cl_test_cbor_serialize (map);
}


/* A list of validation statuses from code, URL pairs (NULL-ended, or NULL). */
static cbor_item_t *
status_list (const char * const *pairs)
{
  cbor_item_t *list = cbor_new_indefinite_array ();

  for (guint i = 0; pairs != NULL && pairs[i] != NULL; i += 2) {
    cbor_item_t *status = cbor_new_definite_map (2);

    cl_test_cbor_map_put (status, "code", cbor_build_string (pairs[i]));
    cl_test_cbor_map_put (status, "url", cbor_build_string (pairs[i + 1]));
    g_assert_true (cbor_array_push (list, cbor_move (status)));
  }
  return list;
}


GBytes *
cl_test_ingredient_v3_cbor (const char         *label,
                            GBytes             *manifest,
                            const char * const *successes,
                            const char * const *failures)
{
  cbor_item_t *map = cbor_new_definite_map (5);
  cbor_item_t *results = cbor_new_definite_map (1);
  cbor_item_t *codes = cbor_new_definite_map (3);
  g_autofree char *url = g_strdup_printf ("self#jumbf=/c2pa/%s", label);
  g_autofree char *sig_url = g_strdup_printf ("self#jumbf=/c2pa/%s/c2pa.signature", label);
  g_autoptr(GBytes) signature = last_child (manifest);
  guint8 digest[32], sig_digest[32];

  cl_test_superbox_digest (manifest, digest);
  cl_test_superbox_digest (signature, sig_digest);
  cl_test_cbor_map_put (codes, "success", status_list (successes));
  cl_test_cbor_map_put (codes, "informational", cbor_new_definite_array (0));
  cl_test_cbor_map_put (codes, "failure", status_list (failures));
  cl_test_cbor_map_put (results, "activeManifest", codes);
  cl_test_cbor_map_put (map, "dc:title", cbor_build_string ("component.jpg"));
  cl_test_cbor_map_put (map, "relationship", cbor_build_string ("componentOf"));
  cl_test_cbor_map_put (map, "activeManifest", cl_test_hashed_uri (url, digest));
  cl_test_cbor_map_put (map, "claimSignature", cl_test_hashed_uri (sig_url, sig_digest));
  cl_test_cbor_map_put (map, "validationResults", results);
  return cl_test_cbor_serialize (map);
}
