/* cl-http.h: the one way the core talks HTTP (OCSP, CRLs, time-stamps, trust lists,
 * remote manifests).
 *
 * The HTTP stack (libsoup and what it pulls in) is not linked into CredLink: it is a
 * loadable component, loaded the first time a session sends a request. A process that
 * never goes online — an offline verification — never has it in memory.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum {
  CL_HTTP_GET,
  CL_HTTP_POST,
} ClHttpMethod;

/* One request. Everything is borrowed for the call (the _async variant copies what it
 * needs before it returns). */
typedef struct {
  ClHttpMethod  method;
  const char   *url;           /* http:// or https:// */
  const char   *content_type;  /* of body (POST) */
  GBytes       *body;          /* POST; NULL sends an empty body */
  const char   *accept;        /* the Accept header, or NULL for none */
  gsize         max_bytes;     /* a longer body is CL_HTTP_ERROR_TOO_LARGE */
} ClHttpRequest;

/* What the server said besides the body, for the callers that need it. Filled in
 * whenever the server answered, also when the request fails with
 * CL_HTTP_ERROR_STATUS (so the caller can word its own message). */
typedef struct {
  guint   status;         /* 0 when no answer came */
  char   *reason_phrase;  /* or NULL */
  char   *content_type;   /* media type without parameters, or NULL */
  gint64  last_modified;  /* Last-Modified as Unix time, 0 when absent or unreadable */
} ClHttpResponse;

void cl_http_response_clear (ClHttpResponse *response);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ClHttpResponse, cl_http_response_clear)

#define CL_TYPE_HTTP_SESSION (cl_http_session_get_type ())
G_DECLARE_FINAL_TYPE (ClHttpSession, cl_http_session, CL, HTTP_SESSION, GObject)

/* A session with the CredLink/<version> user agent. timeout_seconds bounds each wait
 * for the server (connecting, or the next bytes); 0 = no limit. Cheap: the network
 * component is loaded at the first request. */
ClHttpSession *cl_http_session_new         (guint                 timeout_seconds);
guint          cl_http_session_get_timeout (ClHttpSession        *self);
/* Cancels the requests in flight (they fail with G_IO_ERROR_CANCELLED). Call it from
 * the thread that sent the session's first request, as libsoup wants. */
void           cl_http_session_abort       (ClHttpSession        *self);

/* Sends request and returns the body of a 200 answer. Errors: CL_HTTP_ERROR_INVALID_URL,
 * _STATUS (any other status; response says which), _TOO_LARGE, _UNAVAILABLE (the
 * network component cannot be loaded); a failure to connect or to read keeps the GIO,
 * TLS or resolver error it came with (G_IO_ERROR_CANCELLED when cancelled).
 * response may be NULL; otherwise it starts as { 0, } (or filled by an earlier call)
 * and is cleared with cl_http_response_clear(). Blocks: call from a worker thread. */
GBytes        *cl_http_session_send        (ClHttpSession        *self,
                                            const ClHttpRequest  *request,
                                            ClHttpResponse       *response,
                                            GCancellable         *cancellable,
                                            GError              **error);
/* The same on the thread-default main context: nothing blocks, callback runs there. */
void           cl_http_session_send_async  (ClHttpSession        *self,
                                            const ClHttpRequest  *request,
                                            int                   io_priority,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
GBytes        *cl_http_session_send_finish (ClHttpSession        *self,
                                            GAsyncResult         *result,
                                            ClHttpResponse       *response,
                                            GError              **error);

/* TRUE for an http:// or https:// address with a host. */
gboolean       cl_http_url_is_http         (const char           *url);

/* "libsoup 3.2.3", loading the network component if needed; NULL with
 * CL_HTTP_ERROR_UNAVAILABLE when it cannot be loaded. */
char          *cl_http_library_version     (GError              **error);

G_END_DECLS
