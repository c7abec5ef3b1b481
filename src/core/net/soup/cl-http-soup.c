/* cl-http-soup.c: CredLink's network component, the libsoup implementation of
 * cl-http. Built as a loadable module (the only part of CredLink that links
 * libsoup) and loaded by cl-http-module.c when a session sends its first request.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-http-soup"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <gmodule.h>
#include <libsoup/soup.h>

#include "cl-http-backend.h"

G_MODULE_EXPORT const ClHttpBackend *cl_http_backend_get (void);


static char *
library_version (void)
{
  return g_strdup_printf ("libsoup %u.%u.%u", soup_get_major_version (),
                          soup_get_minor_version (), soup_get_micro_version ());
}


static GObject *
session_new (guint       timeout_seconds,
             const char *user_agent)
{
  return G_OBJECT (soup_session_new_with_options ("timeout", timeout_seconds,
                                                  "user-agent", user_agent,
                                                  NULL));
}


static void
session_abort (GObject *session)
{
  soup_session_abort (SOUP_SESSION (session));
}


static SoupMessage *
new_message (const char  *method,
             const char  *url,
             const char  *content_type,
             GBytes      *body,
             const char  *accept,
             GError     **error)
{
  SoupMessage *message = soup_message_new (method, url);

  if (message == NULL) {
    /* cl-http checks addresses first: only reached by an address libsoup reads otherwise. */
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                 _("“%s” is not an HTTP address"), url);
    return NULL;
  }
  if (strcmp (method, SOUP_METHOD_POST) == 0) {
    g_autoptr(GBytes) empty = body == NULL ? g_bytes_new_static ("", 0) : NULL;

    soup_message_set_request_body_from_bytes (message, content_type,
                                              body != NULL ? body : empty);
  }
  if (accept != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (message), "Accept", accept);
  return message;
}


static void
fill_answer (SoupMessage         *message,
             ClHttpBackendAnswer *answer)
{
  SoupMessageHeaders *headers = soup_message_get_response_headers (message);
  const char *last_modified = soup_message_headers_get_one (headers, "Last-Modified");

  answer->status = soup_message_get_status (message);
  answer->reason_phrase = g_strdup (soup_message_get_reason_phrase (message));
  answer->content_type = g_strdup (soup_message_headers_get_content_type (headers, NULL));
  answer->content_length = -1;
  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH)
    answer->content_length = soup_message_headers_get_content_length (headers);
  answer->last_modified = 0;
  if (last_modified != NULL) {
    g_autoptr(GDateTime) date = soup_date_time_new_from_http_string (last_modified);

    if (date != NULL)
      answer->last_modified = g_date_time_to_unix (date);
  }
}


static GInputStream *
send_request (GObject              *session,
              const char           *method,
              const char           *url,
              const char           *content_type,
              GBytes               *body,
              const char           *accept,
              ClHttpBackendAnswer  *answer,
              GCancellable         *cancellable,
              GError              **error)
{
  g_autoptr(SoupMessage) message = new_message (method, url, content_type, body, accept, error);
  GInputStream *stream;

  if (message == NULL)
    return NULL;
  stream = soup_session_send (SOUP_SESSION (session), message, cancellable, error);
  if (stream != NULL)
    fill_answer (message, answer);
  return stream;
}


static void
sent_cb (GObject      *source_object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  GInputStream *stream = soup_session_send_finish (SOUP_SESSION (source_object), result, &error);

  if (stream == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, stream, g_object_unref);
}


static void
send_request_async (GObject             *session,
                    const char          *method,
                    const char          *url,
                    const char          *content_type,
                    GBytes              *body,
                    const char          *accept,
                    int                  io_priority,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (session, cancellable, callback, user_data);
  GError *error = NULL;
  SoupMessage *message;

  g_task_set_source_tag (task, send_request_async);
  message = new_message (method, url, content_type, body, accept, &error);
  if (message == NULL) {
    g_task_return_error (task, error);
    return;
  }
  /* The task keeps the message for send_finish to read its headers. */
  g_task_set_task_data (task, message, g_object_unref);
  soup_session_send_async (SOUP_SESSION (session), message, io_priority, cancellable, sent_cb,
                           g_steal_pointer (&task));
}


static GInputStream *
send_request_finish (GObject              *session,
                     GAsyncResult         *result,
                     ClHttpBackendAnswer  *answer,
                     GError              **error)
{
  GInputStream *stream;

  g_return_val_if_fail (g_task_is_valid (result, session), NULL);

  stream = g_task_propagate_pointer (G_TASK (result), error);
  if (stream != NULL)
    fill_answer (g_task_get_task_data (G_TASK (result)), answer);
  return stream;
}


static const ClHttpBackend backend = {
  .abi_version = CL_HTTP_BACKEND_ABI_VERSION,
  .table_size = sizeof (ClHttpBackend),
  .library_version = library_version,
  .session_new = session_new,
  .session_abort = session_abort,
  .send = send_request,
  .send_async = send_request_async,
  .send_finish = send_request_finish,
};


const ClHttpBackend *
cl_http_backend_get (void)
{
  return &backend;
}
