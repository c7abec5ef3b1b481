/* cl-token-profile.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cl-error.h"
#include "cl-token-profile.h"


/* The chain of a profile read from chain_path, or the token's own certificate. */
static STACK_OF (X509) *
read_chain (const char       *name,
            const char       *chain_path,
            ClPkcs11Session  *session,
            GError          **error)
{
  STACK_OF (X509) *chain;
  X509 *cert;

  if (chain_path != NULL) {
    g_autoptr(ClSigningProfile) locked = cl_signing_profile_new_from_pem (name, chain_path, NULL,
                                                                          NULL, error);

    if (locked == NULL)
      return NULL;
    chain = cl_signing_profile_get_chain (locked);
    return X509_chain_up_ref (chain);
  }
  cert = cl_pkcs11_session_dup_certificate (session);
  if (cert == NULL) {
    g_set_error_literal (error, CL_SIGN_ERROR, CL_SIGN_ERROR_PROFILE,
                         _("The token holds no certificate for the key: give its certificate "
                           "chain as a PEM file"));
    return NULL;
  }
  chain = sk_X509_new_null ();
  sk_X509_push (chain, cert);
  return chain;
}


ClSigningProfile *
cl_token_profile_open (const char            *name,
                       const char            *chain_path,
                       const ClPkcs11KeyRef  *ref,
                       const char            *pin,
                       GError               **error)
{
  g_autoptr(ClPkcs11Session) session = NULL;
  STACK_OF (X509) *chain;
  ClSigningProfile *profile;

  if (pin == NULL) {
    if (chain_path == NULL) {
      g_set_error_literal (error, CL_SIGN_ERROR, CL_SIGN_ERROR_PASSPHRASE,
                           _("The token's PIN is needed to read its certificate"));
      return NULL;
    }
    profile = cl_signing_profile_new_from_pem (name, chain_path, NULL, NULL, error);
    if (profile != NULL)
      cl_signing_profile_set_token (profile, ref, NULL);
    return profile;
  }

  session = cl_pkcs11_session_open (ref, pin, error);
  if (session == NULL)
    return NULL;
  chain = read_chain (name, chain_path, session, error);
  if (chain == NULL)
    return NULL;
  profile = cl_signing_profile_new (name, chain, cl_pkcs11_session_get_key (session), error);
  sk_X509_pop_free (chain, X509_free);
  if (profile != NULL)
    cl_signing_profile_set_token (profile, ref, g_steal_pointer (&session));
  return profile;
}
