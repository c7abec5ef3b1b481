/* cl-cose-sign1-builder.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <cbor.h>
#include <openssl/x509.h>

#include "cl-cbor-writer.h"
#include "cl-cose-sign1-builder.h"
#include "cl-error.h"

#define COSE_SIGN1_TAG      18
#define COSE_HEADER_ALG     1
#define COSE_HEADER_X5CHAIN 33


gsize
cl_cose_sign1_reserve_size (ClCoseAlg  alg,
                            EVP_PKEY  *key,
                            GPtrArray *chain_der,
                            gboolean   with_timestamp,
                            gsize      ocsp_len)
{
  gsize size = 1024 + (ocsp_len > 0 ? ocsp_len + 32 : 0);

  if (key != NULL && EVP_PKEY_get_size (key) > 0)
    size += (gsize) EVP_PKEY_get_size (key);
  else
    size += 2 * MAX (cl_cose_alg_ecdsa_coord_len (alg), 256);
  for (guint i = 0; chain_der != NULL && i < chain_der->len; i++)
    size += g_bytes_get_size (g_ptr_array_index (chain_der, i)) + 5;
  if (with_timestamp)
    size += 10000;
  return size;
}


static GBytes *
encode_protected_header (ClCoseAlg  alg,
                         GPtrArray *chain_der)
{
  cbor_item_t *map = cl_cbor_map_new ();
  cbor_item_t *chain = cl_cbor_array_new ();
  GBytes *encoded;

  for (guint i = 0; i < chain_der->len; i++) {
    GBytes *der = g_ptr_array_index (chain_der, i);

    cl_cbor_array_add (chain, cl_cbor_bstr (g_bytes_get_data (der, NULL),
                                            g_bytes_get_size (der)));
  }
  cl_cbor_map_put_int (map, COSE_HEADER_ALG, cl_cbor_int (alg));
  cl_cbor_map_put_int (map, COSE_HEADER_X5CHAIN, chain);
  encoded = cl_cbor_encode (map);
  cbor_decref (&map);
  return encoded;
}


/* Encodes 18([protected, unprotected + pad (+ pad2), nil, signature]). */
static GBytes *
encode_sign1 (GBytes      *protected_bytes,
              GBytes      *ocsp_response,
              GBytes      *timestamp_token,
              GBytes      *signature,
              gsize        pad_len,
              gssize       pad2_len)
{
  cbor_item_t *array = cbor_new_definite_array (4);
  cbor_item_t *unprotected = cl_cbor_map_new ();
  cbor_item_t *tagged;
  GBytes *encoded;

  if (timestamp_token != NULL) {
    cbor_item_t *sig_tst = cl_cbor_map_new ();
    cbor_item_t *tokens = cl_cbor_array_new ();
    cbor_item_t *token = cl_cbor_map_new ();

    cl_cbor_map_put (token, "val", cl_cbor_bstr (g_bytes_get_data (timestamp_token, NULL),
                                                 g_bytes_get_size (timestamp_token)));
    cl_cbor_array_add (tokens, token);
    cl_cbor_map_put (sig_tst, "tstTokens", tokens);
    cl_cbor_map_put (unprotected, "sigTst2", sig_tst);
  }
  if (ocsp_response != NULL) {
    /* rVals (C2PA 2.2 §10.3.2.6): the signer's OCSP response, leaf first. */
    cbor_item_t *r_vals = cl_cbor_map_new ();
    cbor_item_t *values = cl_cbor_array_new ();

    cl_cbor_array_add (values, cl_cbor_bstr (g_bytes_get_data (ocsp_response, NULL),
                                             g_bytes_get_size (ocsp_response)));
    cl_cbor_map_put (r_vals, "ocspVals", values);
    cl_cbor_map_put (unprotected, "rVals", r_vals);
  }
  cl_cbor_map_put (unprotected, "pad", cl_cbor_zeros (pad_len));
  if (pad2_len >= 0)
    cl_cbor_map_put (unprotected, "pad2", cl_cbor_zeros ((gsize) pad2_len));

  cl_cbor_array_add (array, cl_cbor_bstr (g_bytes_get_data (protected_bytes, NULL),
                                          g_bytes_get_size (protected_bytes)));
  cl_cbor_array_add (array, unprotected);
  cl_cbor_array_add (array, cbor_new_null ());
  cl_cbor_array_add (array, cl_cbor_bstr (g_bytes_get_data (signature, NULL),
                                          g_bytes_get_size (signature)));
  tagged = cbor_build_tag (COSE_SIGN1_TAG, array);
  cbor_decref (&array);
  encoded = cl_cbor_encode (tagged);
  cbor_decref (&tagged);
  return encoded;
}


/* Length p of a zero bstr whose head + content takes exactly room bytes, or -1
 * (a bstr head grows at 24, 256, 65536 bytes, so a few sizes are unreachable). */
static gssize
pad_len_for_room (gsize room)
{
  static const gsize head_sizes[] = { 1, 2, 3, 5 };

  for (gsize i = 0; i < G_N_ELEMENTS (head_sizes); i++) {
    if (room >= head_sizes[i] && cl_cbor_head_size (room - head_sizes[i]) == head_sizes[i])
      return (gssize) (room - head_sizes[i]);
  }
  return -1;
}


/* Encodes with pad (and pad2 when one field cannot hit the size) to exactly
 * target_size bytes (C2PA 2.2 §10.4.4). */
static GBytes *
encode_padded (GBytes  *protected_bytes,
               GBytes  *ocsp_response,
               GBytes  *timestamp_token,
               GBytes  *signature,
               gsize    target_size,
               gsize   *needed_size,
               GError **error)
{
  g_autoptr(GBytes) bare = encode_sign1 (protected_bytes, ocsp_response, timestamp_token, signature, 0,
                                              -1);
  gsize bare_size = g_bytes_get_size (bare);
  gsize room;
  gssize pad;

  if (bare_size > target_size) {
    if (needed_size != NULL)
      *needed_size = bare_size;
    g_set_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_FAILED,
                 _("The signature needs %lu bytes but only %lu"
                   " were reserved"), (gulong) bare_size, (gulong) target_size);
    return NULL;
  }
  /* The empty pad already takes one byte of head. */
  room = target_size - bare_size + 1;
  pad = pad_len_for_room (room);
  if (pad >= 0)
    return encode_sign1 (protected_bytes, ocsp_response, timestamp_token, signature,
                         (gsize) pad, -1);

  /* An empty pad2 adds 6 bytes ("pad2" key and an empty bstr). */
  if (room >= 7) {
    pad = pad_len_for_room (room - 6);
    if (pad >= 0)
      return encode_sign1 (protected_bytes, ocsp_response, timestamp_token, signature,
                           (gsize) pad, 0);
  }
  g_set_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_FAILED,
               _("The signature cannot be padded to %lu bytes"), (gulong) target_size);
  return NULL;
}


/* Checks the new signature against the certificate that goes into x5chain, so a
 * key that does not belong to it can never produce a file. */
static gboolean
verify_with_leaf (ClCoseAlg   alg,
                  GPtrArray  *chain_der,
                  GBytes     *tbs,
                  GBytes     *signature,
                  GError    **error)
{
  GBytes *leaf_der = g_ptr_array_index (chain_der, 0);
  const unsigned char *p = g_bytes_get_data (leaf_der, NULL);
  X509 *leaf = d2i_X509 (NULL, &p, (long) g_bytes_get_size (leaf_der));
  g_autoptr(GError) local_error = NULL;
  gboolean ok;

  ok = leaf != NULL &&
       cl_cose_verify_signature (alg, X509_get0_pubkey (leaf), g_bytes_get_data (tbs, NULL),
                                 g_bytes_get_size (tbs), g_bytes_get_data (signature, NULL),
                                 g_bytes_get_size (signature), &local_error);
  X509_free (leaf);
  if (!ok)
    g_set_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_PROFILE,
                 _("The new signature does not verify with the signing certificate%s%s"),
                 local_error != NULL ? ": " : "",
                 local_error != NULL ? local_error->message : "");
  return ok;
}


GBytes *
cl_cose_sign1_placeholder (gsize    size,
                           GError **error)
{
  g_autoptr(GBytes) empty = g_bytes_new (NULL, 0);

  return encode_padded (empty, NULL, NULL, empty, size, NULL, error);
}


GBytes *
cl_cose_sign1_build (ClCoseAlg             alg,
                     EVP_PKEY             *key,
                     GPtrArray            *chain_der,
                     GBytes               *claim,
                     GBytes               *ocsp_response,
                     ClCoseTimestampFunc   timestamp_func,
                     gpointer              timestamp_data,
                     gsize                 target_size,
                     gsize                *needed_size,
                     GCancellable         *cancellable,
                     GError              **error)
{
  g_autoptr(GBytes) protected_bytes = NULL;
  g_autoptr(GBytes) tbs = NULL;
  g_autoptr(GBytes) signature = NULL;
  g_autoptr(GBytes) token = NULL;

  if (chain_der == NULL || chain_der->len == 0) {
    g_set_error_literal (error, CL_SIGN_ERROR, CL_SIGN_ERROR_PROFILE,
                         _("The signing profile has no certificate"));
    return NULL;
  }
  protected_bytes = encode_protected_header (alg, chain_der);
  /* Sig_structure: ["Signature1", protected, h'', claim bytes] (C2PA 2.2 §13.2.2). */
  tbs = cl_cose_sig_structure_encode ("Signature1",
                                      g_bytes_get_data (protected_bytes, NULL),
                                      g_bytes_get_size (protected_bytes),
                                      g_bytes_get_data (claim, NULL),
                                      g_bytes_get_size (claim));
  if (tbs == NULL) {
    g_set_error_literal (error, CL_SIGN_ERROR, CL_SIGN_ERROR_FAILED,
                         _("Could not encode the data to sign"));
    return NULL;
  }
  signature = cl_cose_sign_bytes (alg, key, g_bytes_get_data (tbs, NULL),
                                  g_bytes_get_size (tbs), error);
  if (signature == NULL || !verify_with_leaf (alg, chain_der, tbs, signature, error))
    return NULL;

  if (timestamp_func != NULL) {
    /* sigTst2 (C2PA 2.2 §10.3.2.5): the token covers a CounterSignature
     * Sig_structure whose payload is the CBOR encoding of the signature bstr. */
    cbor_item_t *sig_item = cl_cbor_bstr (g_bytes_get_data (signature, NULL),
                                          g_bytes_get_size (signature));
    g_autoptr(GBytes) sig_encoded = cl_cbor_encode (sig_item);
    g_autoptr(GBytes) ts_tbs = NULL;

    cbor_decref (&sig_item);
    ts_tbs = cl_cose_sig_structure_encode ("CounterSignature",
                                           g_bytes_get_data (protected_bytes, NULL),
                                           g_bytes_get_size (protected_bytes),
                                           g_bytes_get_data (sig_encoded, NULL),
                                           g_bytes_get_size (sig_encoded));
    token = timestamp_func (g_bytes_get_data (ts_tbs, NULL), g_bytes_get_size (ts_tbs),
                            timestamp_data, cancellable, error);
    if (token == NULL)
      return NULL;
  }

  return encode_padded (protected_bytes, ocsp_response, token, signature, target_size,
                        needed_size, error);
}
