/* cl-ocsp-staple.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cl-error.h"
#include "cl-ocsp-staple.h"
#include "cl-revocation.h"

/* A signer waits longer than a validator: signing is rare and the answer is kept. */
#define OCSP_TIMEOUT_SECONDS 20


GBytes *
cl_ocsp_staple_fetch (X509          *leaf,
                      X509          *issuer,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(ClRevocationInfo) info = cl_revocation_info_new ();
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) response = NULL;

  response = cl_revocation_fetch_ocsp (leaf, issuer, NULL, OCSP_TIMEOUT_SECONDS, info,
                                       cancellable, &local_error);
  if (response == NULL) {
    if (g_error_matches (local_error, CL_TRUST_ERROR, CL_TRUST_ERROR_NOT_FOUND))
      return NULL;
    if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED)) {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
    g_set_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_FAILED,
                 _("No usable OCSP response for the signing certificate (%s)"),
                 local_error->message);
    return NULL;
  }
  if (info->state != CL_REVOCATION_GOOD) {
    g_set_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_PROFILE,
                 _("The OCSP responder %s says the signing certificate is %s; it cannot sign"),
                 info->url, cl_revocation_state_to_string (info->state));
    return NULL;
  }
  return g_steal_pointer (&response);
}
