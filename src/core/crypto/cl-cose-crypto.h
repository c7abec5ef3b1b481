/* cl-cose-crypto.h: the COSE algorithms C2PA allows, the Sig_structure, and
 * raw signing/verification with OpenSSL. Shared by the verifier (cl-cose.c)
 * and the signer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <openssl/evp.h>

G_BEGIN_DECLS

/* COSE algorithm identifiers (RFC 9053) that C2PA allows (C2PA 2.2 §13.2.1). */
typedef enum {
  CL_COSE_ALG_NONE  = 0,
  CL_COSE_ALG_ES256 = -7,
  CL_COSE_ALG_EDDSA = -8,    /* Ed25519 only */
  CL_COSE_ALG_ES384 = -35,
  CL_COSE_ALG_ES512 = -36,
  CL_COSE_ALG_PS256 = -37,
  CL_COSE_ALG_PS384 = -38,
  CL_COSE_ALG_PS512 = -39,
} ClCoseAlg;

gboolean      cl_cose_alg_is_supported    (gint64        alg);
/* The name c2pa-rs reports in signature_info.alg ("Es256", "Ps256", "Ed25519"). */
const char   *cl_cose_alg_to_string       (ClCoseAlg     alg);
/* For people: "PS256 (RSA-PSS, SHA-256)", translated; NULL for an unknown algorithm. */
const char   *cl_cose_alg_describe        (ClCoseAlg     alg);
/* Parses "es256", "ES256", "ps384", "ed25519"… (case-insensitive); NONE when unknown. */
ClCoseAlg     cl_cose_alg_from_string     (const char   *name);
/* The digest of the algorithm; NULL for EdDSA (which hashes internally). */
const EVP_MD *cl_cose_alg_get_md          (ClCoseAlg     alg);
/* Bytes of one ECDSA coordinate (32, 48, 66), 0 for non-ECDSA algorithms. */
gsize         cl_cose_alg_ecdsa_coord_len (ClCoseAlg     alg);

/* CBOR encoding of the Sig_structure: [context, body_protected, external_aad = h'', payload].
 * context is "Signature1" for the claim signature, "CounterSignature" for RFC 3161 v2
 * time-stamps. protected_bytes are the exact bytes of the protected-header bstr. */
GBytes       *cl_cose_sig_structure_encode (const char   *context,
                                            const guint8 *protected_bytes,
                                            gsize         protected_len,
                                            const guint8 *payload,
                                            gsize         payload_len);

/* COSE carries ECDSA signatures as raw r‖s (RFC 9053 §2.1), OpenSSL wants DER. */
GBytes       *cl_cose_ecdsa_raw_to_der    (const guint8  *raw,
                                           gsize          raw_len,
                                           GError       **error);
GBytes       *cl_cose_ecdsa_der_to_raw    (const guint8  *der,
                                           gsize          der_len,
                                           gsize          coord_len,
                                           GError       **error);

/* Verifies a COSE signature (raw r‖s for ECDSA, PSS with salt = hash length) over tbs.
 * FALSE with CL_COSE_ERROR_MISMATCH when the signature does not match,
 * CL_COSE_ERROR_KEY when the key does not fit the algorithm. */
gboolean      cl_cose_verify_signature    (ClCoseAlg      alg,
                                           EVP_PKEY      *public_key,
                                           const guint8  *tbs,
                                           gsize          tbs_len,
                                           const guint8  *signature,
                                           gsize          signature_len,
                                           GError       **error);

/* Signs tbs, returning the signature in COSE form (raw r‖s for ECDSA). */
GBytes       *cl_cose_sign_bytes          (ClCoseAlg      alg,
                                           EVP_PKEY      *private_key,
                                           const guint8  *tbs,
                                           gsize          tbs_len,
                                           GError       **error);

/* The algorithm a key can sign with: ES256/384/512 by curve, EdDSA for Ed25519,
 * PS256 for RSA (PS384/512 when preferred_rsa asks); NONE for unsupported keys. */
ClCoseAlg     cl_cose_alg_for_key         (EVP_PKEY      *key,
                                           ClCoseAlg      preferred_rsa);

G_END_DECLS
