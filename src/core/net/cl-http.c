/* cl-http.c
 *
 * The session is a core object; the libsoup session behind it is made by the network
 * component at the first request, so creating a ClHttpSession (as the application
 * does at start-up) loads nothing. Status, size cap and body reading are done here,
 * once for every caller.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-http"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-error.h"
#include "cl-http.h"
#include "cl-http-module.h"

#define READ_CHUNK_SIZE (64 * 1024)
#define USER_AGENT "CredLink/" PACKAGE_VERSION

struct _ClHttpSession
{
  GObject  parent_instance;

  guint    timeout_seconds;
  GMutex   lock;
  GObject *backend_session;   /* made at the first request, under lock */
};

G_DEFINE_FINAL_TYPE (ClHttpSession, cl_http_session, G_TYPE_OBJECT)


void
cl_http_response_clear (ClHttpResponse *response)
{
  g_clear_pointer (&response->reason_phrase, g_free);
  g_clear_pointer (&response->content_type, g_free);
  response->status = 0;
  response->last_modified = 0;
}


static void
answer_clear (ClHttpBackendAnswer *answer)
{
  g_clear_pointer (&answer->reason_phrase, g_free);
  g_clear_pointer (&answer->content_type, g_free);
}


/* Moves what the server said into response (may be NULL). */
static void
answer_to_response (ClHttpBackendAnswer *answer,
                    ClHttpResponse      *response)
{
  if (response != NULL) {
    cl_http_response_clear (response);
    response->status = answer->status;
    response->reason_phrase = g_steal_pointer (&answer->reason_phrase);
    response->content_type = g_steal_pointer (&answer->content_type);
    response->last_modified = answer->last_modified;
  }
  answer_clear (answer);
}


gboolean
cl_http_url_is_http (const char *url)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;

  if (url == NULL)
    return FALSE;
  /* As libsoup reads it (SOUP_HTTP_URI_FLAGS), so what passes here it can send. */
  uri = g_uri_parse (url, G_URI_FLAGS_HAS_PASSWORD | G_URI_FLAGS_ENCODED_PATH |
                     G_URI_FLAGS_ENCODED_QUERY | G_URI_FLAGS_ENCODED_FRAGMENT |
                     G_URI_FLAGS_SCHEME_NORMALIZE, NULL);
  if (uri == NULL)
    return FALSE;
  scheme = g_uri_get_scheme (uri);
  return (g_ascii_strcasecmp (scheme, "http") == 0 || g_ascii_strcasecmp (scheme, "https") == 0) &&
         g_uri_get_host (uri) != NULL && *g_uri_get_host (uri) != '\0';
}


static gboolean
check_request (const ClHttpRequest  *request,
               GError              **error)
{
  if (!cl_http_url_is_http (request->url)) {
    g_set_error (error, CL_HTTP_ERROR, CL_HTTP_ERROR_INVALID_URL,
                 _("“%s” is not an HTTP address"), request->url != NULL ? request->url : "");
    return FALSE;
  }
  return TRUE;
}


static const char *
method_name (ClHttpMethod method)
{
  return method == CL_HTTP_POST ? "POST" : "GET";
}


/* The component's table and this session's libsoup session, made on first use. */
static GObject *
backend_session (ClHttpSession        *self,
                 const ClHttpBackend **backend_out,
                 GError              **error)
{
  const ClHttpBackend *backend = cl_http_module_get (error);
  GObject *session;

  if (backend == NULL)
    return NULL;
  g_mutex_lock (&self->lock);
  if (self->backend_session == NULL)
    self->backend_session = backend->session_new (self->timeout_seconds, USER_AGENT);
  session = g_object_ref (self->backend_session);
  g_mutex_unlock (&self->lock);
  *backend_out = backend;
  return session;
}


static void
set_too_large (GError     **error,
               const char  *url,
               gsize        max_bytes)
{
  g_set_error (error, CL_HTTP_ERROR, CL_HTTP_ERROR_TOO_LARGE,
               _("%s sent more than %lu bytes"), url, (gulong) max_bytes);
}


/* The status and the announced length, before any body is read. */
static gboolean
check_answer (const ClHttpRequest        *request,
              const ClHttpBackendAnswer  *answer,
              GError                    **error)
{
  if (answer->status != 200) {
    g_set_error (error, CL_HTTP_ERROR, CL_HTTP_ERROR_STATUS, _("%s answered HTTP %u %s"),
                 request->url, answer->status,
                 answer->reason_phrase != NULL ? answer->reason_phrase : "");
    return FALSE;
  }
  if (answer->content_length > 0 && (guint64) answer->content_length > request->max_bytes) {
    set_too_large (error, request->url, request->max_bytes);
    return FALSE;
  }
  return TRUE;
}


GBytes *
cl_http_session_send (ClHttpSession        *self,
                      const ClHttpRequest  *request,
                      ClHttpResponse       *response,
                      GCancellable         *cancellable,
                      GError              **error)
{
  const ClHttpBackend *backend = NULL;
  g_autoptr(GObject) session = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GByteArray) data = NULL;
  g_autofree guint8 *chunk = NULL;
  ClHttpBackendAnswer answer = { 0, NULL, NULL, -1, 0 };
  gboolean answered;
  gssize n;

  g_return_val_if_fail (CL_IS_HTTP_SESSION (self), NULL);
  g_return_val_if_fail (request != NULL, NULL);

  if (response != NULL)
    cl_http_response_clear (response);
  if (!check_request (request, error))
    return NULL;
  session = backend_session (self, &backend, error);
  if (session == NULL)
    return NULL;

  stream = backend->send (session, method_name (request->method), request->url,
                          request->content_type, request->body, request->accept, &answer,
                          cancellable, error);
  answered = stream != NULL && check_answer (request, &answer, error);
  answer_to_response (&answer, response);
  if (!answered)
    return NULL;

  data = g_byte_array_new ();
  chunk = g_malloc (READ_CHUNK_SIZE);
  while ((n = g_input_stream_read (stream, chunk, READ_CHUNK_SIZE, cancellable, error)) > 0) {
    if (data->len + (gsize) n > request->max_bytes) {
      set_too_large (error, request->url, request->max_bytes);
      return NULL;
    }
    g_byte_array_append (data, chunk, (guint) n);
  }
  if (n < 0)
    return NULL;
  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}


/* --- async ----------------------------------------------------------------- */

typedef struct
{
  const ClHttpBackend *backend;
  GObject             *session;
  char                *url;
  gsize                max_bytes;
  int                  io_priority;
  ClHttpBackendAnswer  answer;
  GInputStream        *stream;
  GByteArray          *data;
} Exchange;


static void
exchange_free (gpointer pointer)
{
  Exchange *exchange = pointer;

  g_clear_object (&exchange->session);
  g_free (exchange->url);
  answer_clear (&exchange->answer);
  g_clear_object (&exchange->stream);
  g_clear_pointer (&exchange->data, g_byte_array_unref);
  g_free (exchange);
}


static void read_next (GTask *task);


static void
read_cb (GObject      *source_object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Exchange *exchange = g_task_get_task_data (task);
  g_autoptr(GBytes) chunk = NULL;
  GError *error = NULL;

  chunk = g_input_stream_read_bytes_finish (G_INPUT_STREAM (source_object), result, &error);
  if (chunk == NULL) {
    g_task_return_error (task, error);
    return;
  }
  if (g_bytes_get_size (chunk) == 0) {
    g_task_return_pointer (task, g_byte_array_free_to_bytes (g_steal_pointer (&exchange->data)),
                           (GDestroyNotify) g_bytes_unref);
    return;
  }
  if (exchange->data->len + g_bytes_get_size (chunk) > exchange->max_bytes) {
    set_too_large (&error, exchange->url, exchange->max_bytes);
    g_task_return_error (task, error);
    return;
  }
  g_byte_array_append (exchange->data, g_bytes_get_data (chunk, NULL),
                       (guint) g_bytes_get_size (chunk));
  read_next (g_steal_pointer (&task));
}


/* Takes the reference to task. */
static void
read_next (GTask *task)
{
  Exchange *exchange = g_task_get_task_data (task);

  g_input_stream_read_bytes_async (exchange->stream, READ_CHUNK_SIZE, exchange->io_priority,
                                   g_task_get_cancellable (task), read_cb, task);
}


static void
sent_cb (GObject      *source_object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Exchange *exchange = g_task_get_task_data (task);
  ClHttpRequest checked = { 0, };
  GError *error = NULL;

  exchange->stream = exchange->backend->send_finish (exchange->session, result,
                                                     &exchange->answer, &error);
  if (exchange->stream == NULL) {
    g_task_return_error (task, error);
    return;
  }
  checked.url = exchange->url;
  checked.max_bytes = exchange->max_bytes;
  if (!check_answer (&checked, &exchange->answer, &error)) {
    g_task_return_error (task, error);
    return;
  }
  exchange->data = g_byte_array_new ();
  read_next (g_steal_pointer (&task));
}


void
cl_http_session_send_async (ClHttpSession        *self,
                            const ClHttpRequest  *request,
                            int                   io_priority,
                            GCancellable         *cancellable,
                            GAsyncReadyCallback   callback,
                            gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  Exchange *exchange;

  g_return_if_fail (CL_IS_HTTP_SESSION (self));
  g_return_if_fail (request != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cl_http_session_send_async);
  g_task_set_name (task, "[credlink] HTTP request");
  exchange = g_new0 (Exchange, 1);
  exchange->url = g_strdup (request->url);
  exchange->max_bytes = request->max_bytes;
  exchange->io_priority = io_priority;
  exchange->answer.content_length = -1;
  g_task_set_task_data (task, exchange, exchange_free);

  if (!check_request (request, &error) ||
      (exchange->session = backend_session (self, &exchange->backend, &error)) == NULL) {
    g_task_return_error (task, error);
    return;
  }
  /* The component copies the request before it returns. */
  exchange->backend->send_async (exchange->session, method_name (request->method), request->url,
                                 request->content_type, request->body, request->accept,
                                 io_priority, cancellable, sent_cb, g_steal_pointer (&task));
}


GBytes *
cl_http_session_send_finish (ClHttpSession   *self,
                             GAsyncResult    *result,
                             ClHttpResponse  *response,
                             GError         **error)
{
  Exchange *exchange;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == cl_http_session_send_async,
                        NULL);

  exchange = g_task_get_task_data (G_TASK (result));
  answer_to_response (&exchange->answer, response);
  return g_task_propagate_pointer (G_TASK (result), error);
}


/* --- the session ----------------------------------------------------------- */

static void
cl_http_session_finalize (GObject *object)
{
  ClHttpSession *self = CL_HTTP_SESSION (object);

  g_clear_object (&self->backend_session);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (cl_http_session_parent_class)->finalize (object);
}


static void
cl_http_session_class_init (ClHttpSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cl_http_session_finalize;
}


static void
cl_http_session_init (ClHttpSession *self)
{
  g_mutex_init (&self->lock);
}


ClHttpSession *
cl_http_session_new (guint timeout_seconds)
{
  ClHttpSession *self = g_object_new (CL_TYPE_HTTP_SESSION, NULL);

  self->timeout_seconds = timeout_seconds;
  return self;
}


guint
cl_http_session_get_timeout (ClHttpSession *self)
{
  g_return_val_if_fail (CL_IS_HTTP_SESSION (self), 0);

  return self->timeout_seconds;
}


void
cl_http_session_abort (ClHttpSession *self)
{
  g_autoptr(GObject) session = NULL;

  g_return_if_fail (CL_IS_HTTP_SESSION (self));

  g_mutex_lock (&self->lock);
  if (self->backend_session != NULL)
    session = g_object_ref (self->backend_session);
  g_mutex_unlock (&self->lock);
  /* A session that never sent anything has nothing to cancel (and loads nothing). */
  if (session != NULL)
    cl_http_module_get (NULL)->session_abort (session);
}


char *
cl_http_library_version (GError **error)
{
  const ClHttpBackend *backend = cl_http_module_get (error);

  return backend != NULL ? backend->library_version () : NULL;
}
