/* cl-test-trust.h: what the trust tests share — trust lists and stores made in the test,
 * a chain evaluated against them, and a look at the codes and checks of the result.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "cl-test-pki.h"
#include "cl-trust-chain.h"
#include "cl-trust-store.h"

G_BEGIN_DECLS

/* A list called name (source "test") with anchor (may be NULL) and allowed, the text of an
 * allowed list (PEM or hashes, may be NULL). */
ClTrustList   *cl_test_trust_list         (const char       *name,
                                           ClTrustListKind   kind,
                                           const ClTestCred *anchor,
                                           const char       *allowed);
/* A store of the lists given (NULL-terminated); it takes their references. */
ClTrustStore  *cl_test_trust_store        (ClTrustList      *first,
                                           ...) G_GNUC_NULL_TERMINATED;
/* Evaluates the x5chain signer, issuer at time at (NULL: now) with the stapled OCSP
 * responses ocsp (GBytes, may be NULL). */
ClTrustResult *cl_test_trust_evaluate     (ClTrustStore     *store,
                                           const ClTestCred *signer,
                                           const ClTestCred *issuer,
                                           GDateTime        *at,
                                           GPtrArray        *ocsp);
/* Asserts the result's codes are exactly expected, comma-separated, in order. */
void           cl_test_assert_trust_codes (ClTrustResult    *result,
                                           const char       *expected);
/* The check called id of the signer's certificate, or NULL. */
ClCertCheck   *cl_test_signer_check       (ClTrustResult    *result,
                                           const char       *id);

G_END_DECLS
