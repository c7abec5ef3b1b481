/* cl-cose-crypto.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <cbor.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/rsa.h>

#include "cl-cose-crypto.h"
#include "cl-error.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EVP_MD_CTX, EVP_MD_CTX_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ECDSA_SIG, ECDSA_SIG_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BIGNUM, BN_free)


gboolean
cl_cose_alg_is_supported (gint64 alg)
{
  switch (alg) {
  case CL_COSE_ALG_ES256:
  case CL_COSE_ALG_ES384:
  case CL_COSE_ALG_ES512:
  case CL_COSE_ALG_PS256:
  case CL_COSE_ALG_PS384:
  case CL_COSE_ALG_PS512:
  case CL_COSE_ALG_EDDSA:
    return TRUE;
  default:
    return FALSE;
  }
}


const char *
cl_cose_alg_to_string (ClCoseAlg alg)
{
  switch (alg) {
  case CL_COSE_ALG_ES256: return "Es256";
  case CL_COSE_ALG_ES384: return "Es384";
  case CL_COSE_ALG_ES512: return "Es512";
  case CL_COSE_ALG_PS256: return "Ps256";
  case CL_COSE_ALG_PS384: return "Ps384";
  case CL_COSE_ALG_PS512: return "Ps512";
  case CL_COSE_ALG_EDDSA: return "Ed25519";
  case CL_COSE_ALG_NONE:
  default:
    return NULL;
  }
}


const char *
cl_cose_alg_describe (ClCoseAlg alg)
{
  switch (alg) {
  case CL_COSE_ALG_ES256: return _("ES256 (ECDSA, P-256 curve, SHA-256)");
  case CL_COSE_ALG_ES384: return _("ES384 (ECDSA, P-384 curve, SHA-384)");
  case CL_COSE_ALG_ES512: return _("ES512 (ECDSA, P-521 curve, SHA-512)");
  case CL_COSE_ALG_PS256: return _("PS256 (RSA-PSS, SHA-256)");
  case CL_COSE_ALG_PS384: return _("PS384 (RSA-PSS, SHA-384)");
  case CL_COSE_ALG_PS512: return _("PS512 (RSA-PSS, SHA-512)");
  case CL_COSE_ALG_EDDSA: return _("Ed25519 (EdDSA)");
  case CL_COSE_ALG_NONE:
  default:
    return NULL;
  }
}


ClCoseAlg
cl_cose_alg_from_string (const char *name)
{
  static const ClCoseAlg all[] = {
    CL_COSE_ALG_ES256, CL_COSE_ALG_ES384, CL_COSE_ALG_ES512,
    CL_COSE_ALG_PS256, CL_COSE_ALG_PS384, CL_COSE_ALG_PS512, CL_COSE_ALG_EDDSA,
  };

  if (name == NULL)
    return CL_COSE_ALG_NONE;
  for (gsize i = 0; i < G_N_ELEMENTS (all); i++) {
    if (g_ascii_strcasecmp (name, cl_cose_alg_to_string (all[i])) == 0)
      return all[i];
  }
  if (g_ascii_strcasecmp (name, "eddsa") == 0)
    return CL_COSE_ALG_EDDSA;
  return CL_COSE_ALG_NONE;
}


const EVP_MD *
cl_cose_alg_get_md (ClCoseAlg alg)
{
  switch (alg) {
  case CL_COSE_ALG_ES256:
  case CL_COSE_ALG_PS256:
    return EVP_sha256 ();
  case CL_COSE_ALG_ES384:
  case CL_COSE_ALG_PS384:
    return EVP_sha384 ();
  case CL_COSE_ALG_ES512:
  case CL_COSE_ALG_PS512:
    return EVP_sha512 ();
  case CL_COSE_ALG_EDDSA:
  case CL_COSE_ALG_NONE:
  default:
    return NULL;
  }
}


gsize
cl_cose_alg_ecdsa_coord_len (ClCoseAlg alg)
{
  switch (alg) {
  case CL_COSE_ALG_ES256: return 32;
  case CL_COSE_ALG_ES384: return 48;
  case CL_COSE_ALG_ES512: return 66;   /* P-521: 521 bits round up to 66 bytes */
  default: return 0;
  }
}


static gboolean
alg_is_pss (ClCoseAlg alg)
{
  return alg == CL_COSE_ALG_PS256 || alg == CL_COSE_ALG_PS384 || alg == CL_COSE_ALG_PS512;
}


GBytes *
cl_cose_sig_structure_encode (const char   *context,
                              const guint8 *protected_bytes,
                              gsize         protected_len,
                              const guint8 *payload,
                              gsize         payload_len)
{
  cbor_item_t *array = cbor_new_definite_array (4);
  unsigned char *buffer = NULL;
  gsize buffer_size = 0;
  gsize written;
  cbor_item_t *items[4];
  gboolean ok = TRUE;

  items[0] = cbor_build_string (context);
  items[1] = cbor_build_bytestring (protected_bytes, protected_len);
  items[2] = cbor_build_bytestring (NULL, 0);
  items[3] = cbor_build_bytestring (payload, payload_len);
  for (int i = 0; i < 4; i++) {
    ok = ok && items[i] != NULL && cbor_array_push (array, items[i]);
    if (items[i] != NULL)
      cbor_decref (&items[i]);
  }
  written = ok ? cbor_serialize_alloc (array, &buffer, &buffer_size) : 0;
  cbor_decref (&array);
  if (written == 0) {
    free (buffer);
    return NULL;
  }
  /* libcbor allocates with malloc: copy into a GBytes we own. */
  {
    GBytes *bytes = g_bytes_new (buffer, written);

    free (buffer);
    return bytes;
  }
}


GBytes *
cl_cose_ecdsa_raw_to_der (const guint8  *raw,
                          gsize          raw_len,
                          GError       **error)
{
  g_autoptr(ECDSA_SIG) sig = NULL;
  BIGNUM *r, *s;
  unsigned char *der = NULL;
  int der_len;
  GBytes *bytes;

  if (raw_len == 0 || raw_len % 2 != 0 || raw_len > 132) {
    g_set_error (error, CL_COSE_ERROR, CL_COSE_ERROR_MALFORMED,
                 _("The ECDSA signature has an impossible length (%lu bytes)"),
                 (gulong) raw_len);
    return NULL;
  }

  r = BN_bin2bn (raw, (int) (raw_len / 2), NULL);
  s = BN_bin2bn (raw + raw_len / 2, (int) (raw_len / 2), NULL);
  sig = ECDSA_SIG_new ();
  if (r == NULL || s == NULL || sig == NULL || !ECDSA_SIG_set0 (sig, r, s)) {
    BN_free (r);
    BN_free (s);
    g_set_error_literal (error, CL_COSE_ERROR, CL_COSE_ERROR_MALFORMED,
                         _("The ECDSA signature could not be decoded"));
    return NULL;
  }

  der_len = i2d_ECDSA_SIG (sig, &der);
  if (der_len <= 0) {
    g_set_error_literal (error, CL_COSE_ERROR, CL_COSE_ERROR_MALFORMED,
                         _("The ECDSA signature could not be encoded"));
    return NULL;
  }
  bytes = g_bytes_new (der, (gsize) der_len);
  OPENSSL_free (der);
  return bytes;
}


GBytes *
cl_cose_ecdsa_der_to_raw (const guint8  *der,
                          gsize          der_len,
                          gsize          coord_len,
                          GError       **error)
{
  const unsigned char *p = der;
  g_autoptr(ECDSA_SIG) sig = d2i_ECDSA_SIG (NULL, &p, (long) der_len);
  const BIGNUM *r, *s;
  guint8 *raw;

  if (sig == NULL || p != der + der_len || coord_len == 0) {
    g_set_error_literal (error, CL_COSE_ERROR, CL_COSE_ERROR_MALFORMED,
                         _("The ECDSA signature is not valid DER"));
    return NULL;
  }
  ECDSA_SIG_get0 (sig, &r, &s);
  raw = g_malloc (coord_len * 2);
  if (BN_bn2binpad (r, raw, (int) coord_len) < 0 ||
      BN_bn2binpad (s, raw + coord_len, (int) coord_len) < 0) {
    g_free (raw);
    g_set_error_literal (error, CL_COSE_ERROR, CL_COSE_ERROR_MALFORMED,
                         _("The ECDSA signature does not fit the curve"));
    return NULL;
  }
  return g_bytes_new_take (raw, coord_len * 2);
}


/* Checks that the key type fits the algorithm, so that a PS256 header over an EC key
 * is reported as a key problem and not as a forged signature. */
static gboolean
key_fits_alg (EVP_PKEY  *key,
              ClCoseAlg  alg)
{
  if (cl_cose_alg_ecdsa_coord_len (alg) > 0) {
    char group[64] = "";
    const char *want = alg == CL_COSE_ALG_ES256 ? "prime256v1"
                     : alg == CL_COSE_ALG_ES384 ? "secp384r1" : "secp521r1";

    if (!EVP_PKEY_is_a (key, "EC"))
      return FALSE;
    if (!EVP_PKEY_get_utf8_string_param (key, OSSL_PKEY_PARAM_GROUP_NAME,
                                         group, sizeof group, NULL))
      return FALSE;
    return g_str_equal (group, want) ||
           (alg == CL_COSE_ALG_ES256 && g_str_equal (group, "P-256")) ||
           (alg == CL_COSE_ALG_ES384 && g_str_equal (group, "P-384")) ||
           (alg == CL_COSE_ALG_ES512 && g_str_equal (group, "P-521"));
  }
  if (alg_is_pss (alg))
    return EVP_PKEY_is_a (key, "RSA") || EVP_PKEY_is_a (key, "RSA-PSS");
  if (alg == CL_COSE_ALG_EDDSA)
    return EVP_PKEY_is_a (key, "ED25519");
  return FALSE;
}


/* An RSA public exponent below 3, or even, is no RSA key: with e = 1 the signature is its
 * own message representative, so anyone could forge one (c2pa-rs 0.91.1 refuses both). */
static gboolean
rsa_exponent_is_sound (EVP_PKEY *key)
{
  g_autoptr(BIGNUM) e = NULL;

  if (EVP_PKEY_get_bn_param (key, OSSL_PKEY_PARAM_RSA_E, &e) != 1) {
    ERR_clear_error ();
    return FALSE;
  }
  return BN_is_odd (e) && !BN_is_one (e);
}


static gboolean
setup_pss (EVP_PKEY_CTX *pctx,
           ClCoseAlg     alg)
{
  /* C2PA PS* signatures: RSASSA-PSS, MGF1 with the same hash, salt length = hash length. */
  return EVP_PKEY_CTX_set_rsa_padding (pctx, RSA_PKCS1_PSS_PADDING) > 0 &&
         EVP_PKEY_CTX_set_rsa_pss_saltlen (pctx, RSA_PSS_SALTLEN_DIGEST) > 0 &&
         EVP_PKEY_CTX_set_rsa_mgf1_md (pctx, cl_cose_alg_get_md (alg)) > 0;
}


gboolean
cl_cose_verify_signature (ClCoseAlg      alg,
                          EVP_PKEY      *public_key,
                          const guint8  *tbs,
                          gsize          tbs_len,
                          const guint8  *signature,
                          gsize          signature_len,
                          GError       **error)
{
  g_autoptr(EVP_MD_CTX) md_ctx = EVP_MD_CTX_new ();
  g_autoptr(GBytes) der = NULL;
  EVP_PKEY_CTX *pctx = NULL;
  const guint8 *sig = signature;
  gsize sig_len = signature_len;
  int rc;

  if (!cl_cose_alg_is_supported (alg)) {
    g_set_error (error, CL_COSE_ERROR, CL_COSE_ERROR_UNSUPPORTED_ALGORITHM,
                 _("The signature algorithm %d is not one C2PA allows"), (int) alg);
    return FALSE;
  }
  if (public_key == NULL || !key_fits_alg (public_key, alg)) {
    g_set_error (error, CL_COSE_ERROR, CL_COSE_ERROR_KEY,
                 _("The certificate’s key cannot make %s signatures"),
                 cl_cose_alg_to_string (alg));
    return FALSE;
  }
  if (alg_is_pss (alg) && !rsa_exponent_is_sound (public_key)) {
    g_set_error_literal (error, CL_COSE_ERROR, CL_COSE_ERROR_KEY,
                         _("The certificate’s RSA public exponent is below 3 or even"));
    return FALSE;
  }

  if (cl_cose_alg_ecdsa_coord_len (alg) > 0) {
    /* Only raw r‖s of exactly twice the coordinate size is valid COSE (DER is rejected). */
    if (signature_len != 2 * cl_cose_alg_ecdsa_coord_len (alg)) {
      g_set_error (error, CL_COSE_ERROR, CL_COSE_ERROR_MISMATCH,
                   _("The %s signature has %lu bytes instead of %lu"),
                   cl_cose_alg_to_string (alg), (gulong) signature_len,
                   (gulong) (2 * cl_cose_alg_ecdsa_coord_len (alg)));
      return FALSE;
    }
    der = cl_cose_ecdsa_raw_to_der (signature, signature_len, error);
    if (der == NULL)
      return FALSE;
    sig = g_bytes_get_data (der, &sig_len);
  }

  if (md_ctx == NULL ||
      EVP_DigestVerifyInit (md_ctx, &pctx, cl_cose_alg_get_md (alg), NULL, public_key) != 1 ||
      (alg_is_pss (alg) && !setup_pss (pctx, alg))) {
    ERR_clear_error ();
    g_set_error_literal (error, CL_COSE_ERROR, CL_COSE_ERROR_KEY,
                         _("The signature could not be checked with this key"));
    return FALSE;
  }

  rc = EVP_DigestVerify (md_ctx, sig, sig_len, tbs, tbs_len);
  ERR_clear_error ();
  if (rc != 1) {
    g_set_error_literal (error, CL_COSE_ERROR, CL_COSE_ERROR_MISMATCH,
                         _("The signature does not match the signed data"));
    return FALSE;
  }
  return TRUE;
}


GBytes *
cl_cose_sign_bytes (ClCoseAlg      alg,
                    EVP_PKEY      *private_key,
                    const guint8  *tbs,
                    gsize          tbs_len,
                    GError       **error)
{
  g_autoptr(EVP_MD_CTX) md_ctx = EVP_MD_CTX_new ();
  EVP_PKEY_CTX *pctx = NULL;
  g_autofree guint8 *sig = NULL;
  gsize sig_len = 0;

  if (private_key == NULL || !key_fits_alg (private_key, alg)) {
    g_set_error (error, CL_COSE_ERROR, CL_COSE_ERROR_KEY,
                 _("The signing key cannot make %s signatures"),
                 cl_cose_alg_to_string (alg) ? cl_cose_alg_to_string (alg) : "?");
    return NULL;
  }
  if (md_ctx == NULL ||
      EVP_DigestSignInit (md_ctx, &pctx, cl_cose_alg_get_md (alg), NULL, private_key) != 1 ||
      (alg_is_pss (alg) && !setup_pss (pctx, alg)) ||
      EVP_DigestSign (md_ctx, NULL, &sig_len, tbs, tbs_len) != 1) {
    ERR_clear_error ();
    g_set_error_literal (error, CL_COSE_ERROR, CL_COSE_ERROR_KEY,
                         _("The signing key could not be used"));
    return NULL;
  }
  sig = g_malloc (sig_len);
  if (EVP_DigestSign (md_ctx, sig, &sig_len, tbs, tbs_len) != 1) {
    ERR_clear_error ();
    g_set_error_literal (error, CL_COSE_ERROR, CL_COSE_ERROR_KEY,
                         _("Signing failed"));
    return NULL;
  }

  if (cl_cose_alg_ecdsa_coord_len (alg) > 0)
    return cl_cose_ecdsa_der_to_raw (sig, sig_len, cl_cose_alg_ecdsa_coord_len (alg), error);
  return g_bytes_new_take (g_steal_pointer (&sig), sig_len);
}


ClCoseAlg
cl_cose_alg_for_key (EVP_PKEY  *key,
                     ClCoseAlg  preferred_rsa)
{
  if (key == NULL)
    return CL_COSE_ALG_NONE;
  if (EVP_PKEY_is_a (key, "ED25519"))
    return CL_COSE_ALG_EDDSA;
  if (EVP_PKEY_is_a (key, "RSA") || EVP_PKEY_is_a (key, "RSA-PSS"))
    return alg_is_pss (preferred_rsa) ? preferred_rsa : CL_COSE_ALG_PS256;
  if (EVP_PKEY_is_a (key, "EC")) {
    static const ClCoseAlg ec[] = { CL_COSE_ALG_ES256, CL_COSE_ALG_ES384, CL_COSE_ALG_ES512 };

    for (gsize i = 0; i < G_N_ELEMENTS (ec); i++) {
      if (key_fits_alg (key, ec[i]))
        return ec[i];
    }
  }
  return CL_COSE_ALG_NONE;
}
