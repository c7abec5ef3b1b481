/* cl-http-backend.h: the interface between cl-http (in the core) and the loadable
 * network component that implements it with libsoup (src/core/net/soup/).
 *
 * The component exports one symbol, CL_HTTP_BACKEND_SYMBOL, a function that returns
 * its table of functions. The core checks abi_version and table_size before it calls
 * anything in the table, so a component built for another CredLink is refused with an
 * error instead of being called with the wrong arguments. Change anything here (a
 * field, a function's arguments, ClHttpBackendAnswer) and CL_HTTP_BACKEND_ABI_VERSION
 * goes up by one.
 *
 * Only the core and the component include this header; it names no libsoup type.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CL_HTTP_BACKEND_ABI_VERSION 1
#define CL_HTTP_BACKEND_SYMBOL      "cl_http_backend_get"
/* The component's file name in its folder. */
#define CL_HTTP_BACKEND_FILE_NAME   "credlink-http." G_MODULE_SUFFIX

/* What the server answered besides the body (the component fills it in; strings are
 * g_malloc'ed and the caller frees them with g_free()). */
typedef struct {
  guint   status;          /* HTTP status, 0 when nothing was answered */
  char   *reason_phrase;   /* or NULL */
  char   *content_type;    /* media type without parameters, or NULL */
  gint64  content_length;  /* -1 when the server did not say */
  gint64  last_modified;   /* Last-Modified as Unix time, 0 when absent or unreadable */
} ClHttpBackendAnswer;

typedef struct {
  guint32 abi_version;     /* CL_HTTP_BACKEND_ABI_VERSION */
  guint32 table_size;      /* sizeof (ClHttpBackend) */

  /* "libsoup 3.2.3": the library the component runs on (g_free() it). */
  char         *(*library_version) (void);

  /* A session: a GObject only ever unreferenced by the core. */
  GObject      *(*session_new)     (guint                 timeout_seconds,
                                    const char           *user_agent);
  /* Cancels every request in flight on the session. */
  void          (*session_abort)   (GObject              *session);

  /* Sends one request and waits for the status and headers; returns the body as a
   * stream (whatever the status), or NULL with error set when no answer came.
   * method is "GET" or "POST"; content_type and body only for POST (body may be
   * NULL); accept may be NULL. Call from any thread. */
  GInputStream *(*send)            (GObject              *session,
                                    const char           *method,
                                    const char           *url,
                                    const char           *content_type,
                                    GBytes               *body,
                                    const char           *accept,
                                    ClHttpBackendAnswer  *answer,
                                    GCancellable         *cancellable,
                                    GError              **error);
  /* The same without blocking; callback runs on the thread-default main context of
   * the caller, and calls send_finish. */
  void          (*send_async)      (GObject              *session,
                                    const char           *method,
                                    const char           *url,
                                    const char           *content_type,
                                    GBytes               *body,
                                    const char           *accept,
                                    int                   io_priority,
                                    GCancellable         *cancellable,
                                    GAsyncReadyCallback   callback,
                                    gpointer              user_data);
  GInputStream *(*send_finish)     (GObject              *session,
                                    GAsyncResult         *result,
                                    ClHttpBackendAnswer  *answer,
                                    GError              **error);
} ClHttpBackend;

typedef const ClHttpBackend *(*ClHttpBackendGetFunc) (void);

G_END_DECLS
