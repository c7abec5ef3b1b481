/* cl-ocsp.h: OCSP requests and the verification of OCSP responses
 * (RFC 6960; C2PA 2.2 §15.9).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <openssl/x509.h>

#include "cl-revocation-info.h"

G_BEGIN_DECLS

/* A DER OCSPRequest for cert (SHA-1 CertID, as responders expect) with a nonce. */
GBytes   *cl_ocsp_request_new    (X509              *cert,
                                  X509              *issuer,
                                  GError           **error);

/* Verifies a DER OCSPResponse about cert and fills info (state, times,
 * reason). The response must be successful, carry a SingleResponse for cert,
 * be signed by the issuer or by a responder the issuer delegated
 * (id-kp-OCSPSigning), and be current: for a live answer (request != NULL,
 * whose nonce must match when echoed) at now; for a stapled one at
 * judged_time. FALSE with CL_TRUST_ERROR_NOT_FOUND when the response is
 * about other certificates, CL_TRUST_ERROR_INVALID (and a reason) when it
 * cannot be used. */
gboolean  cl_ocsp_check_response (GBytes            *response,
                                  X509              *cert,
                                  X509              *issuer,
                                  GBytes            *request,
                                  gint64             judged_time,
                                  gboolean           time_is_trusted,
                                  ClRevocationInfo  *info,
                                  GError           **error);

G_END_DECLS
