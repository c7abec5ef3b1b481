/* cl-token-profile.h: signing profiles whose private key stays on a PKCS#11 token; the
 * profile knows where the key is (module, token, key label or id), never the PIN.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "cl-pkcs11-key.h"
#include "cl-signing-profile.h"

G_BEGIN_DECLS

/* A profile for the key ref points at, with the certificate chain in the PEM file
 * chain_path or, when chain_path is NULL, the certificate the token stores with the key.
 * pin NULL: the profile stays locked (chain_path is then needed). With the PIN the token
 * is opened and the key must belong to the chain's leaf. */
ClSigningProfile *cl_token_profile_open (const char            *name,
                                         const char            *chain_path,
                                         const ClPkcs11KeyRef  *ref,
                                         const char            *pin,
                                         GError               **error);

G_END_DECLS
