/* cl-identity-assertion.h: the CAWG identity assertion (label "cawg.identity", identity
 * assertion 1.x) that names the person behind a signed image with their own X.509
 * certificate (sig_type "cawg.x509.cose"), next to the device or app that signs the claim.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cbor.h>
#include <glib.h>

#include "cl-signing-profile.h"

G_BEGIN_DECLS

#define CL_IDENTITY_ASSERTION_LABEL "cawg.identity"

typedef struct _ClIdentityAssertion ClIdentityAssertion;

/* The assertions signed with identity's key (a reference is taken). */
ClIdentityAssertion *cl_identity_assertion_new  (ClSigningProfile     *identity);
void                 cl_identity_assertion_free (ClIdentityAssertion  *self);

/* The assertion's CBOR: signer_payload {referenced_assertions, sig_type}, a COSE_Sign1
 * over the CBOR of signer_payload made with the identity's key (its chain in x5chain), and
 * pad1. referenced_assertions (an array of hashed URIs, taken) must hold the claim's hard
 * binding. The signature is padded to a size set by the key and chain alone, so the
 * assertion has the same size whatever the hashes; the same references give the same
 * bytes again (ECDSA signatures differ each time, and the claim hashes the assertion).
 * NULL (error set) when signing fails. */
GBytes              *cl_identity_assertion_encode (ClIdentityAssertion  *self,
                                                   cbor_item_t          *referenced_assertions,
                                                   GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClIdentityAssertion, cl_identity_assertion_free)

G_END_DECLS
