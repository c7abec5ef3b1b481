/* cl-test-identity.h: a local test identity — a small CA and a signer certificate
 * that meets the C2PA certificate profile (c2pa-kp-claimSigning + emailProtection
 * EKU, critical digitalSignature key usage, cA=FALSE, SKI/AKI, subject C/O/CN).
 * It is NOT publicly trusted; its CA can be exported for a personal trust list.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "cl-signing-profile.h"

G_BEGIN_DECLS

#define CL_TEST_IDENTITY_ORGANIZATION "CredLink test identity (not publicly trusted)"
#define CL_TEST_IDENTITY_DEFAULT_DAYS 365

/* alg: ES256, ES384, ES512, PS256 (RSA 2048) or EDDSA (Ed25519). The certificates
 * are valid from not_before to not_after (NULL: now - 1 hour / now + 365 days).
 * The CA key is thrown away: the CA can issue nothing else. */
ClSigningProfile *cl_test_identity_create (const char  *name,
                                    ClCoseAlg    alg,
                                    GDateTime   *not_before,
                                    GDateTime   *not_after,
                                    GError     **error);

G_END_DECLS
