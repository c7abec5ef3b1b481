/* cl-test-server.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cl-test-server.h"

struct _ClTestServer {
  const ClTestRoute *routes;
  GTlsCertificate   *tls_certificate;   /* HTTPS when set */
  GThread           *thread;
  GMainContext      *context;
  GMainLoop         *loop;
  SoupServer        *server;
  GPtrArray         *stalled;   /* SoupServerMessage *, touched in the server thread only */
  guint              port;
  GMutex             lock;
  GCond              ready;
  gboolean           started;
};


static gpointer
serve (gpointer data)
{
  ClTestServer *self = data;
  g_autoptr(GError) error = NULL;
  GSList *uris;

  g_main_context_push_thread_default (self->context);
  self->server = soup_server_new ("tls-certificate", self->tls_certificate, NULL);
  for (const ClTestRoute *route = self->routes; route->path != NULL; route++)
    soup_server_add_handler (self->server, route->path, route->callback, route->user_data, NULL);
  g_assert_true (soup_server_listen_local (self->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY |
                                           (self->tls_certificate != NULL ? SOUP_SERVER_LISTEN_HTTPS : 0),
                                           &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (self->server);
  self->port = g_uri_get_port (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  g_mutex_lock (&self->lock);
  self->started = TRUE;
  g_cond_signal (&self->ready);
  g_mutex_unlock (&self->lock);

  g_main_loop_run (self->loop);

  for (guint i = 0; i < self->stalled->len; i++) {
    SoupServerMessage *msg = g_ptr_array_index (self->stalled, i);

    soup_server_message_set_status (msg, SOUP_STATUS_SERVICE_UNAVAILABLE, NULL);
    soup_server_message_unpause (msg);
  }
  g_ptr_array_set_size (self->stalled, 0);
  soup_server_disconnect (self->server);
  while (g_main_context_iteration (self->context, FALSE))
    ;
  g_clear_object (&self->server);
  while (g_main_context_iteration (self->context, FALSE))
    ;
  g_main_context_pop_thread_default (self->context);
  return NULL;
}


ClTestServer *
cl_test_server_new (const ClTestRoute *routes)
{
  return cl_test_server_new_tls (routes, NULL);
}


ClTestServer *
cl_test_server_new_tls (const ClTestRoute *routes,
                        GTlsCertificate   *certificate)
{
  ClTestServer *self = g_new0 (ClTestServer, 1);

  self->routes = routes;
  self->tls_certificate = certificate != NULL ? g_object_ref (certificate) : NULL;
  self->context = g_main_context_new ();
  self->loop = g_main_loop_new (self->context, FALSE);
  self->stalled = g_ptr_array_new_with_free_func (g_object_unref);
  g_mutex_init (&self->lock);
  g_cond_init (&self->ready);
  self->thread = g_thread_new ("test-server", serve, self);
  g_mutex_lock (&self->lock);
  while (!self->started)
    g_cond_wait (&self->ready, &self->lock);
  g_mutex_unlock (&self->lock);
  return self;
}


char *
cl_test_server_url (ClTestServer *self,
                    const char   *path)
{
  return g_strdup_printf ("http://127.0.0.1:%u%s", self->port, path);
}


guint
cl_test_server_port (ClTestServer *self)
{
  return self->port;
}


void
cl_test_server_stall (ClTestServer      *self,
                      SoupServerMessage *msg)
{
  soup_server_message_pause (msg);
  g_ptr_array_add (self->stalled, g_object_ref (msg));
}


static gboolean
quit_cb (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}


void
cl_test_server_free (ClTestServer *self)
{
  if (self == NULL)
    return;
  g_main_context_invoke (self->context, quit_cb, self->loop);
  g_thread_join (self->thread);
  g_ptr_array_unref (self->stalled);
  g_clear_object (&self->tls_certificate);
  g_main_loop_unref (self->loop);
  g_main_context_unref (self->context);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->ready);
  g_free (self);
}


char *
cl_test_closed_url (const char *path)
{
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM,
                                            G_SOCKET_PROTOCOL_TCP, NULL);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  guint port;

  /* Bind a free port, then close it: nothing listens there afterwards. */
  g_assert_true (g_socket_bind (socket, any, FALSE, NULL));
  bound = g_socket_get_local_address (socket, NULL);
  port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  g_socket_close (socket, NULL);
  return g_strdup_printf ("http://127.0.0.1:%u%s", port, path);
}


void
cl_test_tsa_route_cb (SoupServer        *server,
                      SoupServerMessage *msg,
                      const char        *path,
                      GHashTable        *query,
                      gpointer           user_data)
{
  ClTestTsa *tsa = user_data;
  g_autoptr(GBytes) request = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  g_autoptr(GBytes) response = NULL;

  g_atomic_int_inc (&tsa->requests);
  response = cl_test_tsa_response (tsa->pki, request,
                                   tsa->gen_time != 0 ? tsa->gen_time
                                                      : g_get_real_time () / G_USEC_PER_SEC);
  if (response == NULL) {
    soup_server_message_set_status (msg, SOUP_STATUS_BAD_REQUEST, NULL);
    return;
  }
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "application/timestamp-reply", SOUP_MEMORY_COPY,
                                    g_bytes_get_data (response, NULL),
                                    g_bytes_get_size (response));
}
