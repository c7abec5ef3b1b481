/* cl-signing-profile.h: a signing profile — the signer's certificate chain and, once
 * unlocked, its private key — and its check against the C2PA certificate
 * profile (C2PA 2.2 §14.5.1).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <openssl/evp.h>
#include <openssl/x509.h>

#include "cl-cose-crypto.h"
#include "cl-key-unlock.h"
#include "cl-pkcs11-key.h"

G_BEGIN_DECLS

/* Profiles that expire within this many days get a warning. */
#define CL_SIGNING_PROFILE_EXPIRY_WARNING_DAYS 30

typedef struct _ClProfile ClSigningProfile;

typedef enum {
  CL_SIGNING_PROFILE_PROBLEM_WARNING,   /* signing works but validators may complain */
  CL_SIGNING_PROFILE_PROBLEM_FATAL,     /* signing is refused */
} ClSigningProfileProblemLevel;

typedef struct {
  ClSigningProfileProblemLevel  level;
  char                  *message;     /* translated, for people */
  /* The only problem is that the passphrase was not given yet (the key is still locked):
   * callers that ask for it at signing time leave this one out. */
  gboolean               key_locked;
} ClSigningProfileProblem;

/* chain: leaf first (a self-signed root at the end is kept for export but never
 * embedded). key may be NULL (a profile loaded without its passphrase). Takes
 * references on the certificates and the key. Fails when the key does not
 * belong to the leaf or its type cannot sign C2PA claims. */
ClSigningProfile     *cl_signing_profile_new             (const char        *name,
                                           STACK_OF (X509)   *chain,
                                           EVP_PKEY          *key,
                                           GError           **error);
/* Reads a PEM certificate chain and a PEM private key (PKCS#8 or traditional,
 * encrypted with passphrase or not). key_path NULL: a profile without its key. */
ClSigningProfile     *cl_signing_profile_new_from_pem    (const char        *name,
                                           const char        *chain_path,
                                           const char        *key_path,
                                           const char        *passphrase,
                                           GError           **error);
/* Reads a PKCS#12 bundle. */
ClSigningProfile     *cl_signing_profile_new_from_pkcs12 (const char        *name,
                                           const char        *p12_path,
                                           const char        *passphrase,
                                           GError           **error);

ClSigningProfile     *cl_signing_profile_ref             (ClSigningProfile  *self);
void           cl_signing_profile_unref           (ClSigningProfile  *self);

const char    *cl_signing_profile_get_name        (ClSigningProfile  *self);
X509          *cl_signing_profile_get_leaf        (ClSigningProfile  *self);
STACK_OF (X509) *cl_signing_profile_get_chain     (ClSigningProfile  *self);
/* Waits for a key being unlocked (cl_signing_profile_unlock_later). */
EVP_PKEY      *cl_signing_profile_get_key         (ClSigningProfile  *self);
/* A locked profile's key, being unlocked on a thread (taken): the profile's checks count it
 * as unlocked, and whoever needs the key waits for it. */
void           cl_signing_profile_unlock_later    (ClSigningProfile  *self,
                                                   ClKeyUnlock       *unlocking);
/* Waits for the key; FALSE with the unlock's error (a wrong passphrase) when it failed. */
gboolean       cl_signing_profile_wait_key        (ClSigningProfile  *self,
                                                   GError           **error);
ClCoseAlg      cl_signing_profile_get_alg         (ClSigningProfile  *self);
/* DER certificates (GBytes) for x5chain: leaf first, self-signed roots left out. */
GPtrArray     *cl_signing_profile_dup_x5chain     (ClSigningProfile  *self);

/* A local test identity: its CA certificate (for export) and a label. */
void           cl_signing_profile_set_test_ca     (ClSigningProfile  *self,
                                           X509              *ca);
X509          *cl_signing_profile_get_test_ca     (ClSigningProfile  *self);
gboolean       cl_signing_profile_is_test_identity (ClSigningProfile *self);

/* A profile whose key stays on a PKCS#11 token: where the key is and, once the PIN was
 * given, the session that holds it (taken; NULL while locked). */
void           cl_signing_profile_set_token       (ClSigningProfile     *self,
                                           const ClPkcs11KeyRef *ref,
                                           ClPkcs11Session      *session);
const ClPkcs11KeyRef *cl_signing_profile_get_token (ClSigningProfile    *self);

/* Checks the leaf against the C2PA certificate profile at time now: key usage,
 * EKU, basic constraints, validity (expired or not yet valid are fatal; expiring
 * within CL_SIGNING_PROFILE_EXPIRY_WARNING_DAYS is a warning). Returns the problems
 * (ClSigningProfileProblem, empty when none); usable is FALSE if any is fatal. */
GArray        *cl_signing_profile_check           (ClSigningProfile  *self,
                                           GDateTime         *now,
                                           gboolean          *usable);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClSigningProfile, cl_signing_profile_unref)

G_END_DECLS
