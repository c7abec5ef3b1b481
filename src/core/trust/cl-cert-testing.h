/* cl-cert-testing.h: recognising certificates made for testing — the C2PA / c2pa-rs test
 * PKI (every certificate of it carries "FOR TESTING_ONLY" in its OU) and the test identities
 * signing tools make — by what the certificates say, so that a file signed with one is shown
 * as signed with a test certificate, never as an unknown real signer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <openssl/x509.h>

#include "cl-trust-result.h"

G_BEGIN_DECLS

/* The subject or issuer of cert names it as made for testing (O, OU or CN). */
gboolean cl_cert_is_for_testing            (X509          *cert);
/* Any certificate of the judged chain (signer, intermediates, the anchor) is. */
gboolean cl_trust_result_is_for_testing    (ClTrustResult *result);
/* The same for a chain of DER certificates (GBytes, leaf first); FALSE for NULL. */
gboolean cl_cert_chain_der_is_for_testing  (GPtrArray     *chain_der);

G_END_DECLS
