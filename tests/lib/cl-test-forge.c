/* cl-test-forge.c: RSA keys with any public exponent, and a signed file whose signature is
 * replaced by one made "with" such a key.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <cbor.h>
#include <openssl/core_names.h>
#include <openssl/param_build.h>

#include "cl-cose-crypto.h"
#include "cl-test-forge.h"
#include "cl-test-sign-util.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OSSL_PARAM_BLD, OSSL_PARAM_BLD_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BIGNUM, BN_free)


/* An RSA key of n's modulus with public exponent e and private exponent d (no CRT
 * values: with e = d = 1, "signing" returns the padded message itself, which is exactly
 * the signature a forger makes without any key). */
EVP_PKEY *
cl_test_rsa_key_with_exponent (EVP_PKEY      *model,
                               unsigned long  e,
                               unsigned long  d)
{
  g_autoptr(OSSL_PARAM_BLD) build = OSSL_PARAM_BLD_new ();
  g_autoptr(BIGNUM) e_bn = BN_new ();
  g_autoptr(BIGNUM) d_bn = BN_new ();
  BIGNUM *n = NULL;
  OSSL_PARAM *params;
  EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new_from_name (NULL, "RSA", NULL);
  EVP_PKEY *key = NULL;

  g_assert_true (EVP_PKEY_get_bn_param (model, OSSL_PKEY_PARAM_RSA_N, &n) == 1);
  BN_set_word (e_bn, e);
  BN_set_word (d_bn, d);
  OSSL_PARAM_BLD_push_BN (build, OSSL_PKEY_PARAM_RSA_N, n);
  OSSL_PARAM_BLD_push_BN (build, OSSL_PKEY_PARAM_RSA_E, e_bn);
  OSSL_PARAM_BLD_push_BN (build, OSSL_PKEY_PARAM_RSA_D, d_bn);
  params = OSSL_PARAM_BLD_to_param (build);
  g_assert_true (EVP_PKEY_fromdata_init (ctx) == 1);
  g_assert_true (EVP_PKEY_fromdata (ctx, &key, EVP_PKEY_KEYPAIR, params) == 1);
  OSSL_PARAM_free (params);
  EVP_PKEY_CTX_free (ctx);
  BN_free (n);
  return key;
}


/* Where needle first occurs in haystack, or NULL. */
static const guint8 *
find_bytes (const guint8 *haystack,
            gsize         size,
            const void   *needle,
            gsize         needle_len)
{
  for (gsize i = 0; i + needle_len <= size; i++) {
    if (memcmp (haystack + i, needle, needle_len) == 0)
      return haystack + i;
  }
  return NULL;
}


/* The payload of the content box of the superbox labelled label in the active manifest
 * of the store in file. */
static GBytes *
active_manifest_part (GBytes     *file,
                      const char *label)
{
  gsize size, store_offset, manifest_offset, manifest_len, part_offset, part_len;
  guint32 store_len;
  const guint8 *data = g_bytes_get_data (file, &size);
  const guint8 *jumb = find_bytes (data, size, "jumb", 4);
  g_autoptr(GBytes) store = NULL;
  g_autofree char *active = NULL;

  g_assert_nonnull (jumb);
  store_offset = (gsize) (jumb - data) - 4;
  memcpy (&store_len, data + store_offset, 4);    /* boxes are not aligned */
  store = g_bytes_new_from_bytes (file, store_offset, GUINT32_FROM_BE (store_len));
  active = cl_test_jumbf_last_label (store, &manifest_offset, &manifest_len);
  g_assert_nonnull (active);
  part_offset = cl_test_jumbf_find (g_bytes_get_data (store, NULL), manifest_offset, manifest_len,
                                    label, &part_len);
  g_assert_cmpuint (part_offset, !=, G_MAXSIZE);
  return cl_test_jumbf_content (g_bytes_get_data (store, NULL), part_offset, part_len);
}


/* A PS256 COSE_Sign1_Tagged over claim by key, with chain_der as x5chain, padded to
 * exactly size bytes. Built here: the product's builder checks its signature with the
 * certificate, and refuses such keys. */
static GBytes *
forged_cose (EVP_PKEY  *key,
             GPtrArray *chain_der,
             GBytes    *claim,
             gsize      size)
{
  cbor_item_t *prot = cbor_new_definite_map (2);
  cbor_item_t *x5chain = cbor_new_definite_array (chain_der->len);
  g_autoptr(GBytes) tbs = NULL, sig = NULL;
  unsigned char *prot_buf = NULL;
  gsize prot_len, buf_size = 0, pad_len = 0;

  g_assert_true (cbor_map_add (prot, (struct cbor_pair) {
    .key = cbor_move (cbor_build_uint8 (1)),
    .value = cbor_move (cbor_build_negint8 (-CL_COSE_ALG_PS256 - 1)) }));
  for (guint i = 0; i < chain_der->len; i++) {
    GBytes *der = g_ptr_array_index (chain_der, i);

    g_assert_true (cbor_array_push (x5chain, cbor_move (cbor_build_bytestring (
      g_bytes_get_data (der, NULL), g_bytes_get_size (der)))));
  }
  g_assert_true (cbor_map_add (prot, (struct cbor_pair) {
    .key = cbor_move (cbor_build_uint8 (33)), .value = cbor_move (x5chain) }));
  prot_len = cbor_serialize_alloc (prot, &prot_buf, &buf_size);
  cbor_decref (&prot);
  tbs = cl_cose_sig_structure_encode ("Signature1", prot_buf, prot_len,
                                      g_bytes_get_data (claim, NULL), g_bytes_get_size (claim));
  sig = cl_cose_sign_bytes (CL_COSE_ALG_PS256, key, g_bytes_get_data (tbs, NULL),
                            g_bytes_get_size (tbs), NULL);
  g_assert_nonnull (sig);

  /* The pad grows until the whole is size bytes (its length head may grow with it). */
  for (int round = 0; round < 4; round++) {
    cbor_item_t *cose = cbor_new_definite_array (4);
    cbor_item_t *unprot = cbor_new_definite_map (1);
    g_autofree guint8 *pad = g_malloc0 (pad_len + 1);
    g_autoptr(GBytes) bytes = NULL;
    unsigned char *buf = NULL;
    gsize len;

    g_assert_true (cbor_array_push (cose, cbor_move (cbor_build_bytestring (prot_buf, prot_len))));
    g_assert_true (cbor_map_add (unprot, (struct cbor_pair) {
      .key = cbor_move (cbor_build_string ("pad")),
      .value = cbor_move (cbor_build_bytestring (pad, pad_len)) }));
    g_assert_true (cbor_array_push (cose, cbor_move (unprot)));
    g_assert_true (cbor_array_push (cose, cbor_move (cbor_new_null ())));
    g_assert_true (cbor_array_push (cose, cbor_move (cbor_build_bytestring (
      g_bytes_get_data (sig, NULL), g_bytes_get_size (sig)))));
    cose = cbor_build_tag (18, cbor_move (cose));
    len = cbor_serialize_alloc (cose, &buf, &buf_size);
    cbor_decref (&cose);
    bytes = g_bytes_new (buf, len);
    free (buf);
    if (len == size) {
      free (prot_buf);
      return g_steal_pointer (&bytes);
    }
    g_assert_cmpuint (pad_len + size, >, len);
    pad_len = pad_len + size - len;
  }
  g_assert_not_reached ();
}


void
cl_test_forge_signature (const char *path,
                         EVP_PKEY   *key,
                         GPtrArray  *chain_der)
{
  g_autofree guint8 *bytes = NULL;
  g_autoptr(GBytes) file = NULL, claim = NULL, cose = NULL, forged = NULL;
  const guint8 *at;
  gsize size;

  g_assert_true (g_file_get_contents (path, (char **) &bytes, &size, NULL));
  file = g_bytes_new (bytes, size);
  claim = active_manifest_part (file, "c2pa.claim.v2");
  cose = active_manifest_part (file, "c2pa.signature");
  forged = forged_cose (key, chain_der, claim, g_bytes_get_size (cose));
  at = find_bytes (bytes, size, g_bytes_get_data (cose, NULL), g_bytes_get_size (cose));
  g_assert_nonnull (at);
  memcpy (bytes + (at - bytes), g_bytes_get_data (forged, NULL), g_bytes_get_size (forged));
  g_assert_true (g_file_set_contents (path, (const char *) bytes, (gssize) size, NULL));
}
