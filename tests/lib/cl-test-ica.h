/* cl-test-ica.h: CAWG identity claims aggregation credentials made in test set-up: an
 * Ed25519 issuer key (OpenSSL), its did:jwk, and the COSE_Sign1 of a W3C verifiable
 * credential that binds a signer payload, with the flaws the tests need.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <openssl/evp.h>

#include "cl-test-pki.h"

G_BEGIN_DECLS

typedef enum {
  CL_TEST_ICA_GOOD,
  CL_TEST_ICA_BAD_SIGNATURE,     /* one bit of the signature flipped */
  CL_TEST_ICA_EXPIRED,           /* validUntil an hour ago */
  CL_TEST_ICA_NOT_YET_VALID,     /* validFrom in 30 days */
  CL_TEST_ICA_PAYLOAD_MISMATCH,  /* c2paAsset's first hash one bit off */
  CL_TEST_ICA_CONTENT_TYPE,      /* content type application/json */
  CL_TEST_ICA_ALG_ES256,         /* the protected header says ES256 */
  CL_TEST_ICA_NO_VALID_FROM,     /* no validFrom */
  CL_TEST_ICA_NOT_JSON,          /* the payload is not JSON */
  CL_TEST_ICA_UNTAGGED,          /* a COSE_Sign1 without its tag (18) */
  CL_TEST_ICA_TIME_STAMPED,      /* a sigTst2 time-stamp of the test PKI's TSA */
  CL_TEST_ICA_TIME_STAMP_WRONG,  /* the same over another signature */
} ClTestIcaFlaw;

/* One referenced assertion of the signer payload (a SHA-256 hash); lists end with
 * { NULL, NULL }. */
typedef struct {
  const char   *url;
  const guint8 *hash;
} ClTestIcaReference;

/* A new Ed25519 key pair. */
EVP_PKEY *cl_test_ed25519_new     (void);
/* did:jwk:<base64url of the public key's JWK>, a JWK written so that its base64url needs
 * no padding (c2pa-rs decodes did:jwk with padding). */
char     *cl_test_ica_did_jwk     (EVP_PKEY                 *key);
/* The same for the JWK jwk_json (a JSON object text). */
char     *cl_test_ica_did_jwk_for (const char               *jwk_json);
/* The JWK of key's public half, as a JSON object text. */
char     *cl_test_ica_jwk_json    (EVP_PKEY                 *key);
/* COSE_Sign1_Tagged (EdDSA, content type application/vc, embedded payload) of an
 * identity claims aggregation credential of issuer, signed by key, whose c2paAsset is
 * {referenced_assertions: refs, sig_type}, with one verified identity (a social-media
 * account of "Alice Example", @alice at example.social) and flaw; pki's TSA stamps it for
 * the time-stamp flaws. */
GBytes   *cl_test_ica_signature   (const ClTestPki          *pki,
                                   EVP_PKEY                 *key,
                                   const char               *issuer,
                                   const ClTestIcaReference *refs,
                                   const char               *sig_type,
                                   ClTestIcaFlaw             flaw);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EVP_PKEY, EVP_PKEY_free)

G_END_DECLS
