/* cl-cose-sign1-builder.h: creating the C2PA claim signature, a COSE_Sign1_Tagged
 * with a detached payload (C2PA 2.2 §13.2, §10.3.2.5), padded to a size fixed
 * before the claim is hashed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <openssl/evp.h>

#include "cl-cose-crypto.h"

G_BEGIN_DECLS

/* Obtains an RFC 3161 TimeStampToken (DER) over data. Used for sigTst2: data is
 * the CounterSignature Sig_structure over the CBOR-encoded signature bstr. */
typedef GBytes *(*ClCoseTimestampFunc) (const guint8  *data,
                                        gsize          data_len,
                                        gpointer       user_data,
                                        GCancellable  *cancellable,
                                        GError       **error);

/* Bytes to reserve for the signature box content: signature + certificate chain
 * + 1 KiB of headers (+ 10 KiB for a time-stamp token) + a stapled OCSP response,
 * as c2pa-rs estimates. */
gsize    cl_cose_sign1_reserve_size   (ClCoseAlg      alg,
                                       EVP_PKEY      *key,
                                       GPtrArray     *chain_der,
                                       gboolean       with_timestamp,
                                       gsize          ocsp_len);

/* A placeholder COSE_Sign1 of exactly size bytes (empty protected header,
 * zero padding, empty signature), as the spec's multi-pass recipe suggests. */
GBytes  *cl_cose_sign1_placeholder    (gsize          size,
                                       GError       **error);

/* Signs claim (the exact bytes of the claim's cbor box) with key. chain_der holds
 * GBytes of DER certificates, leaf first, without the root; it goes into the
 * protected header as x5chain (label 33). ocsp_response (DER, or NULL) is stapled
 * in the unprotected rVals header. When timestamp_func is set, its token goes into
 * the unprotected sigTst2 header. The result is padded to exactly
 * target_size bytes; CL_SIGN_ERROR_FAILED when it does not fit, and then
 * needed_size (if not NULL) receives the size it needs. */
GBytes  *cl_cose_sign1_build          (ClCoseAlg             alg,
                                       EVP_PKEY             *key,
                                       GPtrArray            *chain_der,
                                       GBytes               *claim,
                                       GBytes               *ocsp_response,
                                       ClCoseTimestampFunc   timestamp_func,
                                       gpointer              timestamp_data,
                                       gsize                 target_size,
                                       gsize                *needed_size,
                                       GCancellable         *cancellable,
                                       GError              **error);

G_END_DECLS
