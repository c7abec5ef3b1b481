/* cl-ocsp-staple.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <libsoup/soup.h>
#include <openssl/x509v3.h>

#include "cl-error.h"
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
  g_autoptr(SoupSession) session = NULL;
  g_autoptr(SoupMessage) message = NULL;
  g_autoptr(GInputStream) body = NULL;
  g_autofree guint8 *buffer = NULL;
  gsize received = 0;
  guint status;

  message = soup_message_new (SOUP_METHOD_POST, url);
  if (message == NULL) {
    g_set_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_FAILED,
                 _("The OCSP responder address “%s” is not valid"), url);
    return NULL;
  }
  session = soup_session_new_with_options ("timeout", OCSP_TIMEOUT_SECONDS,
                                           "user-agent", "CredLink/" PACKAGE_VERSION, NULL);
  soup_message_set_request_body_from_bytes (message, "application/ocsp-request", request);
  body = soup_session_send (session, message, cancellable, error);
  if (body == NULL)
    return NULL;
  status = soup_message_get_status (message);
  if (status != SOUP_STATUS_OK) {
    g_set_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_FAILED,
                 _("The OCSP responder %s answered HTTP %u"), url, status);
    return NULL;
  }
  buffer = g_malloc (MAX_RESPONSE_SIZE + 1);
  if (!g_input_stream_read_all (body, buffer, MAX_RESPONSE_SIZE + 1, &received, cancellable,
                                error))
    return NULL;
  if (received > MAX_RESPONSE_SIZE) {
    g_set_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_FAILED,
                 _("The OCSP responder %s sent a response that is too large"), url);
    return NULL;
  }
  return g_bytes_new (buffer, received);
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
