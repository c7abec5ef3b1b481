/* cl-test-forge.h: RSA keys with any public exponent, and a signed file whose signature is
 * replaced by one made "with" such a key.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <openssl/evp.h>

G_BEGIN_DECLS

/* An RSA key of model's modulus with public exponent e and private exponent d (no CRT
 * values: with e = d = 1, "signing" returns the padded message itself, which is exactly
 * the signature a forger makes without any key). */
EVP_PKEY *cl_test_rsa_key_with_exponent (EVP_PKEY      *model,
                                         unsigned long  e,
                                         unsigned long  d);

/* Replaces the signature of the active manifest of the signed JPEG at path by a PS256 one
 * made with key, with chain_der (GBytes DER, leaf first) as x5chain, of the same size: no
 * other byte of the file moves. Built here, since the product's builder checks its
 * signature with the certificate, and refuses such keys. */
void      cl_test_forge_signature       (const char    *path,
                                         EVP_PKEY      *key,
                                         GPtrArray     *chain_der);

G_END_DECLS
