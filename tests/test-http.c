/* test-http.c: cl-http, the core's one HTTP path, against a SoupServer on 127.0.0.1:
 * GET and POST bodies, response facts, the size cap (announced and streamed), a
 * non-200 status, addresses that are not http(s), a refused connection, a timeout,
 * cancellation and abort, the async variant; and, in subprocesses, a network component
 * that is missing or built for another CredLink.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "cl-error.h"
#include "cl-http.h"
#include "cl-test-server.h"
#include "cl-test-tmp.h"
#include "cl-version.h"

#define HELLO "hello, world"
#define LAST_MODIFIED "Wed, 21 Oct 2015 07:28:00 GMT"
#define LAST_MODIFIED_UNIX G_GINT64_CONSTANT (1445412480)

static ClTestServer *server;
static gint stalled;
/* What the server saw last (written in the server thread, read after the answer). */
static GMutex seen_lock;
static char *seen_accept;
static char *seen_user_agent;
static char *seen_content_type;


static void
remember (char       **slot,
          const char  *value)
{
  g_mutex_lock (&seen_lock);
  g_free (*slot);
  *slot = g_strdup (value);
  g_mutex_unlock (&seen_lock);
}


static char *
seen (char **slot)
{
  char *value;

  g_mutex_lock (&seen_lock);
  value = g_strdup (*slot);
  g_mutex_unlock (&seen_lock);
  return value;
}


static void
hello_cb (SoupServer        *soup_server,
          SoupServerMessage *msg,
          const char        *path,
          GHashTable        *query,
          gpointer           user_data)
{
  SoupMessageHeaders *request_headers = soup_server_message_get_request_headers (msg);

  remember (&seen_accept, soup_message_headers_get_one (request_headers, "Accept"));
  remember (&seen_user_agent, soup_message_headers_get_one (request_headers, "User-Agent"));
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Last-Modified",
                                LAST_MODIFIED);
  soup_server_message_set_response (msg, "text/plain; charset=utf-8", SOUP_MEMORY_STATIC,
                                    HELLO, strlen (HELLO));
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
}


static void
echo_cb (SoupServer        *soup_server,
         SoupServerMessage *msg,
         const char        *path,
         GHashTable        *query,
         gpointer           user_data)
{
  g_autoptr(GBytes) body = soup_message_body_flatten (soup_server_message_get_request_body (msg));

  remember (&seen_content_type,
            soup_message_headers_get_content_type (soup_server_message_get_request_headers (msg),
                                                   NULL));
  if (g_strcmp0 (soup_server_message_get_method (msg), SOUP_METHOD_POST) != 0) {
    soup_server_message_set_status (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, NULL);
    return;
  }
  soup_server_message_set_response (msg, "application/x-echo", SOUP_MEMORY_COPY,
                                    g_bytes_get_data (body, NULL), g_bytes_get_size (body));
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
}


/* ?size=N bytes of 'x': with Content-Length at /big, chunked (no length) at /chunked. */
static void
big_cb (SoupServer        *soup_server,
        SoupServerMessage *msg,
        const char        *path,
        GHashTable        *query,
        gpointer           user_data)
{
  const char *size_text = query != NULL ? g_hash_table_lookup (query, "size") : NULL;
  gsize size = size_text != NULL ? (gsize) g_ascii_strtoull (size_text, NULL, 10) : 0;
  SoupMessageBody *body = soup_server_message_get_response_body (msg);
  char chunk[1000];

  memset (chunk, 'x', sizeof chunk);
  if (g_str_equal (path, "/chunked"))
    soup_message_headers_set_encoding (soup_server_message_get_response_headers (msg),
                                       SOUP_ENCODING_CHUNKED);
  for (gsize sent = 0; sent < size; sent += sizeof chunk)
    soup_message_body_append (body, SOUP_MEMORY_COPY, chunk, MIN (sizeof chunk, size - sent));
  soup_message_body_complete (body);
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
}


static void
missing_cb (SoupServer        *soup_server,
            SoupServerMessage *msg,
            const char        *path,
            GHashTable        *query,
            gpointer           user_data)
{
  soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
}


static void
stall_cb (SoupServer        *soup_server,
          SoupServerMessage *msg,
          const char        *path,
          GHashTable        *query,
          gpointer           user_data)
{
  cl_test_server_stall (server, msg);
  g_atomic_int_inc (&stalled);
}


static const ClTestRoute routes[] = {
  { "/hello", hello_cb, NULL },
  { "/echo", echo_cb, NULL },
  { "/big", big_cb, NULL },
  { "/chunked", big_cb, NULL },
  { "/missing", missing_cb, NULL },
  { "/stall", stall_cb, NULL },
  { NULL, NULL, NULL },
};


static GBytes *
get (ClHttpSession   *session,
     const char      *path,
     gsize            max_bytes,
     ClHttpResponse  *response,
     GError         **error)
{
  g_autofree char *url = cl_test_server_url (server, path);
  ClHttpRequest request = { .method = CL_HTTP_GET, .url = url, .max_bytes = max_bytes };

  return cl_http_session_send (session, &request, response, NULL, error);
}


static void
test_get (void)
{
  g_autoptr(ClHttpSession) session = cl_http_session_new (5);
  g_autofree char *url = cl_test_server_url (server, "/hello");
  ClHttpRequest request = {
    .method = CL_HTTP_GET,
    .url = url,
    .accept = "text/plain, application/x-test",
    .max_bytes = 1024,
  };
  g_auto(ClHttpResponse) response = { 0, };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autofree char *accept = NULL;
  g_autofree char *user_agent = NULL;

  g_assert_cmpuint (cl_http_session_get_timeout (session), ==, 5);
  body = cl_http_session_send (session, &request, &response, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (body);
  g_assert_cmpmem (g_bytes_get_data (body, NULL), g_bytes_get_size (body), HELLO, strlen (HELLO));
  g_assert_cmpuint (response.status, ==, 200);
  g_assert_cmpstr (response.reason_phrase, ==, "OK");
  g_assert_cmpstr (response.content_type, ==, "text/plain");
  g_assert_cmpint (response.last_modified, ==, LAST_MODIFIED_UNIX);
  accept = seen (&seen_accept);
  g_assert_cmpstr (accept, ==, "text/plain, application/x-test");
  user_agent = seen (&seen_user_agent);
  g_assert_cmpstr (user_agent, ==, "CredLink/" PACKAGE_VERSION);

  /* The same session again, without asking for the response. */
  g_clear_pointer (&body, g_bytes_unref);
  request.accept = NULL;
  body = cl_http_session_send (session, &request, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (body), ==, strlen (HELLO));
  g_clear_pointer (&accept, g_free);
  accept = seen (&seen_accept);
  g_assert_null (accept);
}


static void
test_post (void)
{
  g_autoptr(ClHttpSession) session = cl_http_session_new (5);
  g_autofree char *url = cl_test_server_url (server, "/echo");
  static const guint8 der[] = { 0x30, 0x03, 0x02, 0x01, 0x00, 0xFF, 0x00 };
  g_autoptr(GBytes) sent = g_bytes_new_static (der, sizeof der);
  ClHttpRequest request = {
    .method = CL_HTTP_POST,
    .url = url,
    .content_type = "application/ocsp-request",
    .body = sent,
    .max_bytes = 1024,
  };
  g_auto(ClHttpResponse) response = { 0, };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autofree char *content_type = NULL;

  body = cl_http_session_send (session, &request, &response, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (body, sent));
  g_assert_cmpstr (response.content_type, ==, "application/x-echo");
  g_assert_cmpint (response.last_modified, ==, 0);
  content_type = seen (&seen_content_type);
  g_assert_cmpstr (content_type, ==, "application/ocsp-request");

  /* No body: an empty POST. */
  g_clear_pointer (&body, g_bytes_unref);
  request.body = NULL;
  body = cl_http_session_send (session, &request, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (body), ==, 0);

  /* A GET where only POST is served is a status error. */
  g_clear_pointer (&body, g_bytes_unref);
  request.method = CL_HTTP_GET;
  body = cl_http_session_send (session, &request, &response, NULL, &error);
  g_assert_null (body);
  g_assert_error (error, CL_HTTP_ERROR, CL_HTTP_ERROR_STATUS);
  g_assert_cmpuint (response.status, ==, 405);
}


static void
test_size_cap (void)
{
  g_autoptr(ClHttpSession) session = cl_http_session_new (5);
  const char *paths[] = { "/big", "/chunked" };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++) {
    g_autofree char *exact = g_strdup_printf ("%s?size=10000", paths[i]);
    g_autofree char *over = g_strdup_printf ("%s?size=10001", paths[i]);
    g_autoptr(GBytes) body = NULL;
    g_autoptr(GError) error = NULL;
    g_autofree char *url = NULL;

    /* Exactly the cap is accepted… */
    body = get (session, exact, 10000, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_bytes_get_size (body), ==, 10000);
    g_clear_pointer (&body, g_bytes_unref);

    /* …one byte more is not, whether the length is announced or not. */
    body = get (session, over, 10000, NULL, &error);
    g_assert_null (body);
    g_assert_error (error, CL_HTTP_ERROR, CL_HTTP_ERROR_TOO_LARGE);
    url = cl_test_server_url (server, over);
    g_assert_nonnull (strstr (error->message, url));
    g_assert_nonnull (strstr (error->message, "10000 bytes"));
    g_test_message ("%s: %s", paths[i], error->message);
  }
}


static void
test_status (void)
{
  g_autoptr(ClHttpSession) session = cl_http_session_new (5);
  g_auto(ClHttpResponse) response = { 0, };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = get (session, "/missing", 1024, &response, &error);
  g_autofree char *url = cl_test_server_url (server, "/missing");
  g_autofree char *expected = g_strdup_printf ("%s answered HTTP 404 Not Found", url);

  g_assert_null (body);
  g_assert_error (error, CL_HTTP_ERROR, CL_HTTP_ERROR_STATUS);
  g_assert_cmpstr (error->message, ==, expected);
  g_assert_cmpuint (response.status, ==, 404);
  g_assert_cmpstr (response.reason_phrase, ==, "Not Found");
}


static void
test_not_http (void)
{
  g_autoptr(ClHttpSession) session = cl_http_session_new (5);
  const char *urls[] = {
    "ftp://127.0.0.1/list.pem", "file:///etc/passwd", "http://", "not an address", "",
    "127.0.0.1:80/x",
  };

  for (guint i = 0; i < G_N_ELEMENTS (urls); i++) {
    ClHttpRequest request = { .method = CL_HTTP_GET, .url = urls[i], .max_bytes = 1024 };
    g_autoptr(GError) error = NULL;
    g_autoptr(GBytes) body = cl_http_session_send (session, &request, NULL, NULL, &error);

    g_assert_null (body);
    g_assert_error (error, CL_HTTP_ERROR, CL_HTTP_ERROR_INVALID_URL);
    g_assert_nonnull (strstr (error->message, urls[i]));
    g_assert_false (cl_http_url_is_http (urls[i]));
  }
  g_assert_false (cl_http_url_is_http (NULL));
  g_assert_true (cl_http_url_is_http ("https://example.com/list.pem"));
  g_assert_true (cl_http_url_is_http ("HTTP://127.0.0.1:8080/"));
}


static void
test_refused (void)
{
  g_autoptr(ClHttpSession) session = cl_http_session_new (5);
  g_autofree char *url = cl_test_closed_url ("/nothing");
  ClHttpRequest request = { .method = CL_HTTP_GET, .url = url, .max_bytes = 1024 };
  g_auto(ClHttpResponse) response = { 0, };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = cl_http_session_send (session, &request, &response, NULL, &error);

  g_assert_null (body);
  g_assert_nonnull (error);
  g_test_message ("refused: %s", error->message);
  /* The connection's own error, not one of cl-http's. */
  g_assert_true (error->domain != CL_HTTP_ERROR);
  g_assert_cmpuint (response.status, ==, 0);
}


static void
wait_for_stall (gint before)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (g_atomic_int_get (&stalled) == before) {
    g_assert_cmpint (g_get_monotonic_time (), <, deadline);
    g_main_context_iteration (NULL, FALSE);
    g_usleep (1000);
  }
}


static void
test_timeout (void)
{
  g_autoptr(ClHttpSession) session = cl_http_session_new (1);
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  g_autoptr(GBytes) body = get (session, "/stall", 1024, NULL, &error);

  g_assert_null (body);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
}


typedef struct
{
  ClHttpSession *session;
  char          *url;
  GCancellable  *cancellable;
} SendData;


static gpointer
send_thread (gpointer user_data)
{
  SendData *data = user_data;
  ClHttpRequest request = { .method = CL_HTTP_GET, .url = data->url, .max_bytes = 1024 };
  GError *error = NULL;
  GBytes *body = cl_http_session_send (data->session, &request, NULL, data->cancellable, &error);

  g_assert_null (body);
  return error;
}


static void
test_cancel (void)
{
  g_autoptr(ClHttpSession) session = cl_http_session_new (30);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *url = cl_test_server_url (server, "/stall");
  SendData data = { session, url, cancellable };
  gint before = g_atomic_int_get (&stalled);
  gint64 start = g_get_monotonic_time ();
  GThread *thread;
  GError *error;

  /* Cancelled while the server is silent: the worker thread returns at once. */
  thread = g_thread_new ("http-send", send_thread, &data);
  wait_for_stall (before);
  g_cancellable_cancel (cancellable);
  error = g_thread_join (thread);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_error_free (error);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);

  /* Cancelled before it starts: no request at all. */
  g_clear_pointer (&url, g_free);
  url = cl_test_server_url (server, "/hello");
  data.url = url;
  error = send_thread (&data);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_error_free (error);
}


static void
store_result_cb (GObject      *source_object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **out = user_data;

  g_assert_true (CL_IS_HTTP_SESSION (source_object));
  *out = g_object_ref (result);
}


static GBytes *
send_async_and_wait (ClHttpSession        *session,
                     const ClHttpRequest  *request,
                     GCancellable         *cancellable,
                     ClHttpResponse       *response,
                     GError              **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  cl_http_session_send_async (session, request, G_PRIORITY_DEFAULT, cancellable, store_result_cb,
                              &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return cl_http_session_send_finish (session, result, response, error);
}


static void
test_async (void)
{
  g_autoptr(ClHttpSession) session = cl_http_session_new (5);
  g_autofree char *hello = cl_test_server_url (server, "/hello");
  g_autofree char *big = cl_test_server_url (server, "/chunked?size=300000");
  g_autofree char *missing = cl_test_server_url (server, "/missing");
  ClHttpRequest request = { .method = CL_HTTP_GET, .url = hello, .max_bytes = 1024 };
  g_auto(ClHttpResponse) response = { 0, };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;

  body = send_async_and_wait (session, &request, NULL, &response, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (body, NULL), g_bytes_get_size (body), HELLO, strlen (HELLO));
  g_assert_cmpstr (response.content_type, ==, "text/plain");
  g_assert_cmpint (response.last_modified, ==, LAST_MODIFIED_UNIX);
  g_clear_pointer (&body, g_bytes_unref);

  /* Read in several chunks, within the cap, then over it. */
  request.url = big;
  request.max_bytes = 300000;
  body = send_async_and_wait (session, &request, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (body), ==, 300000);
  g_clear_pointer (&body, g_bytes_unref);
  request.max_bytes = 299999;
  body = send_async_and_wait (session, &request, NULL, NULL, &error);
  g_assert_null (body);
  g_assert_error (error, CL_HTTP_ERROR, CL_HTTP_ERROR_TOO_LARGE);
  g_clear_error (&error);

  request.url = missing;
  body = send_async_and_wait (session, &request, NULL, &response, &error);
  g_assert_null (body);
  g_assert_error (error, CL_HTTP_ERROR, CL_HTTP_ERROR_STATUS);
  g_assert_cmpuint (response.status, ==, 404);
  g_clear_error (&error);

  /* Not an address: reported through the callback, like every other error. */
  request.url = "gopher://127.0.0.1/";
  body = send_async_and_wait (session, &request, NULL, &response, &error);
  g_assert_null (body);
  g_assert_error (error, CL_HTTP_ERROR, CL_HTTP_ERROR_INVALID_URL);
  g_assert_cmpuint (response.status, ==, 0);
}


static void
test_async_cancel_and_abort (void)
{
  g_autoptr(ClHttpSession) session = cl_http_session_new (30);
  g_autofree char *url = cl_test_server_url (server, "/stall");
  ClHttpRequest request = { .method = CL_HTTP_GET, .url = url, .max_bytes = 1024 };

  for (guint round = 0; round < 2; round++) {
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GError) error = NULL;
    g_autoptr(GBytes) body = NULL;
    gint before = g_atomic_int_get (&stalled);

    cl_http_session_send_async (session, &request, G_PRIORITY_LOW, cancellable,
                                store_result_cb, &result);
    wait_for_stall (before);
    g_assert_null (result);
    /* Round 0: the caller's cancellable; round 1: the session is aborted (shutdown). */
    if (round == 0)
      g_cancellable_cancel (cancellable);
    else
      cl_http_session_abort (session);
    while (result == NULL)
      g_main_context_iteration (NULL, TRUE);
    body = cl_http_session_send_finish (session, result, NULL, &error);
    g_assert_null (body);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  }

  /* A session that never sent anything aborts without loading anything. */
  {
    g_autoptr(ClHttpSession) idle = cl_http_session_new (0);

    cl_http_session_abort (idle);
  }
}


static void
test_library_version (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *version = cl_http_library_version (&error);
  g_autofree char *libraries = cl_version_libraries ();
  g_autofree char *line = g_strdup_printf ("\n%s\n", version);

  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (version, "libsoup 3."));
  g_assert_nonnull (strstr (libraries, line));
}


/* In a subprocess: the component is looked for in dir only. */
static void
assert_component_unavailable (const char *dir,
                              const char *reason)
{
  g_autoptr(ClHttpSession) session = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) again = NULL;
  g_autoptr(GError) version_error = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autofree char *version = NULL;
  g_autofree char *libraries = NULL;
  g_autofree char *path = g_build_filename (dir, "credlink-http." G_MODULE_SUFFIX, NULL);

  g_setenv ("CREDLINK_HTTP_MODULE_DIR", dir, TRUE);
  session = cl_http_session_new (5);
  body = get (session, "/hello", 1024, NULL, &error);
  g_assert_null (body);
  g_assert_error (error, CL_HTTP_ERROR, CL_HTTP_ERROR_UNAVAILABLE);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "CredLink’s network component ("));
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, "cannot be loaded: "));
  g_assert_nonnull (strstr (error->message, reason));

  /* Tried once per process: the same answer, from async callers too. */
  {
    g_autofree char *url = cl_test_server_url (server, "/hello");
    ClHttpRequest request = { .method = CL_HTTP_GET, .url = url, .max_bytes = 1024 };

    body = send_async_and_wait (session, &request, NULL, NULL, &again);
    g_assert_null (body);
    g_assert_error (again, CL_HTTP_ERROR, CL_HTTP_ERROR_UNAVAILABLE);
    g_assert_cmpstr (again->message, ==, error->message);
  }

  /* --version says so instead of failing. */
  version = cl_http_library_version (&version_error);
  g_assert_null (version);
  g_assert_error (version_error, CL_HTTP_ERROR, CL_HTTP_ERROR_UNAVAILABLE);
  libraries = cl_version_libraries ();
  g_assert_nonnull (strstr (libraries, "\nlibsoup: CredLink’s network component ("));
  g_assert_true (g_str_has_prefix (libraries, "GLib "));
  g_assert_nonnull (strstr (libraries, "\nSQLite "));
  cl_http_session_abort (session);
}


static void
test_component_missing (void)
{
  if (g_test_subprocess ()) {
    g_autofree char *empty = cl_test_tmp_dir_new ("credlink-no-http",
                                                  CL_TEST_TMP_UNTIL_CASE_ENDS);

    assert_component_unavailable (empty, "No such file or directory");
    g_assert_cmpint (g_rmdir (empty), ==, 0);
    return;
  }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}


static void
test_component_foreign (void)
{
  if (g_test_subprocess ()) {
    assert_component_unavailable (HTTP_FOREIGN_MODULE_DIR,
                                  "built for another version of CredLink");
    return;
  }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}


int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  server = cl_test_server_new (routes);

  g_test_add_func ("/http/get", test_get);
  g_test_add_func ("/http/post", test_post);
  g_test_add_func ("/http/size-cap", test_size_cap);
  g_test_add_func ("/http/status", test_status);
  g_test_add_func ("/http/not-http", test_not_http);
  g_test_add_func ("/http/refused", test_refused);
  g_test_add_func ("/http/timeout", test_timeout);
  g_test_add_func ("/http/cancel", test_cancel);
  g_test_add_func ("/http/async", test_async);
  g_test_add_func ("/http/async-cancel-and-abort", test_async_cancel_and_abort);
  g_test_add_func ("/http/library-version", test_library_version);
  g_test_add_func ("/http/component/missing", test_component_missing);
  g_test_add_func ("/http/component/foreign", test_component_foreign);

  status = g_test_run ();
  cl_test_server_free (server);
  g_free (seen_accept);
  g_free (seen_user_agent);
  g_free (seen_content_type);
  return status;
}
