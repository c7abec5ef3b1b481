/* cl-remote-manifest.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-remote-manifest"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <libsoup/soup.h>

#include "cl-asset.h"
#include "cl-c2pa-ids.h"
#include "cl-error.h"
#include "cl-remote-manifest.h"

#define READ_CHUNK (64 * 1024)


GBytes *
cl_remote_manifest_fetch (const char    *url,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(SoupSession) session = NULL;
  g_autoptr(SoupMessage) message = NULL;
  g_autoptr(GInputStream) body = NULL;
  g_autoptr(GByteArray) store = g_byte_array_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree guint8 *chunk = NULL;
  g_autofree char *user_agent = g_strdup_printf ("CredLink/%s ", PACKAGE_VERSION);
  guint status;

  if (url == NULL ||
      !(g_str_has_prefix (url, "https://") || g_str_has_prefix (url, "http://"))) {
    g_set_error (error, CL_MANIFEST_ERROR, CL_MANIFEST_ERROR_REMOTE,
                 _("The remote Content Credentials address “%s” is not a web address"),
                 url != NULL ? url : "");
    return NULL;
  }
  message = soup_message_new (SOUP_METHOD_GET, url);
  if (message == NULL) {
    g_set_error (error, CL_MANIFEST_ERROR, CL_MANIFEST_ERROR_REMOTE,
                 _("The remote Content Credentials address “%s” cannot be used"), url);
    return NULL;
  }
  soup_message_headers_replace (soup_message_get_request_headers (message), "Accept",
                                "application/c2pa, application/x-c2pa-manifest-store");
  session = soup_session_new_with_options ("timeout", CL_REMOTE_MANIFEST_TIMEOUT,
                                           "user-agent", user_agent, NULL);
  body = soup_session_send (session, message, cancellable, &local_error);
  if (body == NULL) {
    g_set_error (error, CL_MANIFEST_ERROR, CL_MANIFEST_ERROR_REMOTE,
                 _("The Content Credentials stored at %s could not be fetched: %s"), url,
                 local_error->message);
    return NULL;
  }
  status = soup_message_get_status (message);
  if (status != SOUP_STATUS_OK) {
    g_set_error (error, CL_MANIFEST_ERROR, CL_MANIFEST_ERROR_REMOTE,
                 _("The Content Credentials stored at %s could not be fetched: the server "
                   "answered %u %s"), url, status,
                 soup_message_get_reason_phrase (message) != NULL
                 ? soup_message_get_reason_phrase (message) : "");
    return NULL;
  }

  chunk = g_malloc (READ_CHUNK);
  for (;;) {
    gssize n = g_input_stream_read (body, chunk, READ_CHUNK, cancellable, &local_error);

    if (n < 0) {
      g_set_error (error, CL_MANIFEST_ERROR, CL_MANIFEST_ERROR_REMOTE,
                   _("The Content Credentials stored at %s could not be fetched: %s"), url,
                   local_error->message);
      return NULL;
    }
    if (n == 0)
      break;
    if (store->len + (gsize) n > CL_ASSET_MAX_STORE_SIZE) {
      g_set_error (error, CL_MANIFEST_ERROR, CL_MANIFEST_ERROR_REMOTE,
                   _("The Content Credentials stored at %s are larger than CredLink accepts"),
                   url);
      return NULL;
    }
    g_byte_array_append (store, chunk, (guint) n);
  }

  /* A manifest store is one JUMBF superbox ('jumb'); anything else is not one. */
  if (store->len < 8 || memcmp (store->data + 4, "jumb", 4) != 0) {
    g_set_error (error, CL_MANIFEST_ERROR, CL_MANIFEST_ERROR_REMOTE,
                 _("What %s returned is not a C2PA manifest store"), url);
    return NULL;
  }
  return g_byte_array_free_to_bytes (g_steal_pointer (&store));
}
