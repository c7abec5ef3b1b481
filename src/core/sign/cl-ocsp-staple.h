/* cl-ocsp-staple.h: fetching the OCSP response a signer staples into its claim
 * signature (rVals, C2PA 2.2 §10.3.2.6), so validators need not ask the
 * responder themselves. A stapled response needs a trusted time-stamp next to it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <openssl/x509.h>

G_BEGIN_DECLS

/* Asks the OCSP responder named in leaf's AIA about leaf (issued by issuer) and
 * returns the DER OCSPResponse once it is verified and says "good". NULL without
 * an error when leaf names no responder; NULL with CL_SIGN_ERROR_PROFILE when
 * the certificate is revoked or unknown to its responder, CL_SIGN_ERROR_FAILED
 * when no usable answer came. Blocking: call from a worker thread. */
GBytes *cl_ocsp_staple_fetch (X509          *leaf,
                              X509          *issuer,
                              GCancellable  *cancellable,
                              GError       **error);

G_END_DECLS
