/* cl-crjson-signature.h: the "signature" object of a crJSON manifest (C2PA 2.4, the
 * JSON serialisation of a manifest store): the algorithm, the signer's certificate and the
 * time-stamp with its authority's certificate, as c2pa-rs writes them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>
#include <openssl/x509.h>

#include "cl-cose.h"

G_BEGIN_DECLS

/* {serialNumber, issuer, subject, validity} of a certificate: the serial in lower-case hex,
 * the names as their C, ST, L, O, OU and CN attributes, the validity in RFC 3339. */
JsonNode *cl_crjson_certificate_info (X509          *cert);

/* The manifest's "signature": {algorithm, certificateInfo, timeStampInfo} of its claim
 * signature (sign1 may be NULL: an empty object) over claim_bytes (NULL when the claim
 * cannot be read); the time-stamp's time is shown when its imprint matches. */
JsonNode *cl_crjson_signature        (ClCoseSign1   *sign1,
                                      GBytes        *claim_bytes);

/* A COSE_Sign1 inside an assertion (a CAWG identity assertion's signature) as
 * {algorithm, certificateInfo}; NULL when it is not one. */
JsonNode *cl_crjson_cose_signature   (const guint8  *data,
                                      gsize          len);

G_END_DECLS
