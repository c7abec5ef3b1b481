/* cl-remote-manifest.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-remote-manifest"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "cl-asset.h"
#include "cl-c2pa-ids.h"
#include "cl-error.h"
#include "cl-http.h"
#include "cl-remote-manifest.h"


GBytes *
cl_remote_manifest_fetch (const char    *url,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(ClHttpSession) session = NULL;
  g_autoptr(GBytes) store = NULL;
  g_auto(ClHttpResponse) response = { 0, };
  g_autoptr(GError) local_error = NULL;
  ClHttpRequest request = {
    .method = CL_HTTP_GET,
    .url = url,
    .accept = "application/c2pa, application/x-c2pa-manifest-store",
    .max_bytes = CL_ASSET_MAX_STORE_SIZE,
  };
  const guint8 *data;
  gsize len;

  if (url == NULL ||
      !(g_str_has_prefix (url, "https://") || g_str_has_prefix (url, "http://"))) {
    g_set_error (error, CL_MANIFEST_ERROR, CL_MANIFEST_ERROR_REMOTE,
                 _("The remote Content Credentials address “%s” is not a web address"),
                 url != NULL ? url : "");
    return NULL;
  }
  session = cl_http_session_new (CL_REMOTE_MANIFEST_TIMEOUT);
  store = cl_http_session_send (session, &request, &response, cancellable, &local_error);
  if (store == NULL) {
    if (g_error_matches (local_error, CL_HTTP_ERROR, CL_HTTP_ERROR_INVALID_URL))
      g_set_error (error, CL_MANIFEST_ERROR, CL_MANIFEST_ERROR_REMOTE,
                   _("The remote Content Credentials address “%s” cannot be used"), url);
    else if (g_error_matches (local_error, CL_HTTP_ERROR, CL_HTTP_ERROR_STATUS))
      g_set_error (error, CL_MANIFEST_ERROR, CL_MANIFEST_ERROR_REMOTE,
                   _("The Content Credentials stored at %s could not be fetched: the server "
                     "answered %u %s"), url, response.status,
                   response.reason_phrase != NULL ? response.reason_phrase : "");
    else if (g_error_matches (local_error, CL_HTTP_ERROR, CL_HTTP_ERROR_TOO_LARGE))
      g_set_error (error, CL_MANIFEST_ERROR, CL_MANIFEST_ERROR_REMOTE,
                   _("The Content Credentials stored at %s are larger than CredLink accepts"),
                   url);
    else
      g_set_error (error, CL_MANIFEST_ERROR, CL_MANIFEST_ERROR_REMOTE,
                   _("The Content Credentials stored at %s could not be fetched: %s"), url,
                   local_error->message);
    return NULL;
  }

  /* A manifest store is one JUMBF superbox ('jumb'); anything else is not one. */
  data = g_bytes_get_data (store, &len);
  if (len < 8 || memcmp (data + 4, "jumb", 4) != 0) {
    g_set_error (error, CL_MANIFEST_ERROR, CL_MANIFEST_ERROR_REMOTE,
                 _("What %s returned is not a C2PA manifest store"), url);
    return NULL;
  }
  return g_steal_pointer (&store);
}
