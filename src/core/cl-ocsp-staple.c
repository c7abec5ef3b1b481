/* cl-ocsp-staple.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <openssl/x509v3.h>

#include "cl-error.h"
#include "cl-http.h"
#include "cl-ocsp.h"
#include "cl-ocsp-staple.h"
#include "cl-revocation.h"

#define OCSP_TIMEOUT_SECONDS 20
#define MAX_RESPONSE_SIZE (256 * 1024)


/* POSTs request to url; the body, at most MAX_RESPONSE_SIZE bytes. */
static GBytes *
post_request (const char    *url,
              GBytes        *request,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(ClHttpSession) session = cl_http_session_new (OCSP_TIMEOUT_SECONDS);
  g_auto(ClHttpResponse) response = { 0, };
  g_autoptr(GError) local_error = NULL;
  ClHttpRequest http = {
    .method = CL_HTTP_POST,
    .url = url,
    .content_type = "application/ocsp-request",
    .body = request,
    .max_bytes = MAX_RESPONSE_SIZE,
  };
  GBytes *body;

  body = cl_http_session_send (session, &http, &response, cancellable, &local_error);
  if (body != NULL)
    return body;
  if (g_error_matches (local_error, CL_HTTP_ERROR, CL_HTTP_ERROR_INVALID_URL))
    g_set_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_FAILED,
                 _("The OCSP responder address “%s” is not valid"), url);
  else if (g_error_matches (local_error, CL_HTTP_ERROR, CL_HTTP_ERROR_STATUS))
    g_set_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_FAILED,
                 _("The OCSP responder %s answered HTTP %u"), url, response.status);
  else if (g_error_matches (local_error, CL_HTTP_ERROR, CL_HTTP_ERROR_TOO_LARGE))
    g_set_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_FAILED,
                 _("The OCSP responder %s sent a response that is too large"), url);
  else
    g_propagate_error (error, g_steal_pointer (&local_error));
  return NULL;
}


GBytes *
cl_ocsp_staple_fetch (X509          *leaf,
                      X509          *issuer,
                      GCancellable  *cancellable,
                      GError       **error)
{
  STACK_OF (OPENSSL_STRING) *urls = X509_get1_ocsp (leaf);
  g_autoptr(GString) problems = g_string_new (NULL);
  GBytes *stapled = NULL;

  if (urls == NULL || sk_OPENSSL_STRING_num (urls) == 0) {
    X509_email_free (urls);
    return NULL;
  }
  for (int i = 0; i < sk_OPENSSL_STRING_num (urls) && stapled == NULL; i++) {
    const char *url = sk_OPENSSL_STRING_value (urls, i);
    g_autoptr(GBytes) request = NULL;
    g_autoptr(GBytes) response = NULL;
    g_autoptr(GError) local_error = NULL;
    ClRevocationInfo *info = cl_revocation_info_new ();

    request = cl_ocsp_request_new (leaf, issuer, &local_error);
    if (request != NULL)
      response = post_request (url, request, cancellable, &local_error);
    if (response != NULL &&
        cl_ocsp_check_response (response, leaf, issuer, request,
                                g_get_real_time () / G_USEC_PER_SEC, FALSE, info,
                                &local_error)) {
      if (info->state == CL_REVOCATION_GOOD) {
        stapled = g_bytes_ref (response);
      } else {
        g_set_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_PROFILE,
                     _("The OCSP responder %s says the signing certificate is %s; it cannot "
                       "sign"), url, cl_revocation_state_to_string (info->state));
        cl_revocation_info_free (info);
        X509_email_free (urls);
        return NULL;
      }
    } else if (local_error != NULL) {
      g_string_append_printf (problems, "%s%s: %s", problems->len > 0 ? "; " : "", url,
                              local_error->message);
    }
    cl_revocation_info_free (info);
    if (g_cancellable_is_cancelled (cancellable))
      break;
  }
  X509_email_free (urls);
  if (stapled == NULL && g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  if (stapled == NULL)
    g_set_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_FAILED,
                 _("No usable OCSP response for the signing certificate (%s)"), problems->str);
  return stapled;
}
