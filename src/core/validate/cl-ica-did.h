/* cl-ica-did.h: the public key of an identity claims aggregation credential's issuer,
 * from its DID as c2pa-rs 0.91 resolves it: did:jwk (the key is in the DID itself) and
 * did:web (a DID document over HTTPS, only when network use is allowed); Ed25519 keys
 * only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <openssl/evp.h>

G_BEGIN_DECLS

/* Why no key came: each is one cawg.ica.* status (cl-validator-ica.c says which). */
typedef enum {
  CL_ICA_DID_OK,
  CL_ICA_DID_INVALID_ISSUER,    /* not a DID, or a method other than jwk and web */
  CL_ICA_DID_UNAVAILABLE,       /* did:web offline, unreachable, or not a DID document */
  CL_ICA_DID_INVALID_DOCUMENT,  /* the DID document or JWK holds no usable Ed25519 key */
} ClIcaDidProblem;

/* The DID without its fragment, or NULL when issuer is not a DID (c2pa-rs's syntax:
 * "did:" method ":" id, of letters, digits and . - _ : %). */
char     *cl_ica_did_primary (const char       *issuer);

/* The Ed25519 key of issuer, or NULL with *problem and *explanation (words for people).
 * online FALSE: a did:web is CL_ICA_DID_UNAVAILABLE without a request. Blocks for up to
 * CL_LIMIT_DID_WEB_TIMEOUT_SECONDS per wait on the server: call from a worker thread. */
EVP_PKEY *cl_ica_did_resolve (const char       *issuer,
                              gboolean          online,
                              GCancellable     *cancellable,
                              ClIcaDidProblem  *problem,
                              char            **explanation);

G_END_DECLS
