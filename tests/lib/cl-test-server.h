/* cl-test-server.h: a SoupServer on 127.0.0.1 running in its own thread, so
 * that code under test may block on synchronous HTTP in the test's thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libsoup/soup.h>

#include "cl-test-pki.h"

G_BEGIN_DECLS

typedef struct {
  const char         *path;
  SoupServerCallback  callback;   /* runs in the server thread */
  gpointer            user_data;
} ClTestRoute;

typedef struct _ClTestServer ClTestServer;

/* Starts serving the routes (terminated by a route whose path is NULL). */
ClTestServer *cl_test_server_new   (const ClTestRoute *routes);
/* The same over HTTPS with certificate (and its private key). */
ClTestServer *cl_test_server_new_tls (const ClTestRoute *routes,
                                      GTlsCertificate   *certificate);
/* The port it listens on. */
guint         cl_test_server_port  (ClTestServer      *server);
/* http://127.0.0.1:PORT/path */
char         *cl_test_server_url   (ClTestServer      *server,
                                    const char        *path);
/* Keeps msg unanswered until the server stops (a stalling responder). */
void          cl_test_server_stall (ClTestServer      *server,
                                    SoupServerMessage *msg);
void          cl_test_server_free  (ClTestServer      *server);

/* A time-stamping authority: route callback cl_test_tsa_route_cb with a ClTestTsa as its
 * user data answers RFC 3161 requests with tokens of pki's TSA dated gen_time (0: now),
 * and counts them (atomically); a request it cannot read gets HTTP 400. */
typedef struct {
  const ClTestPki *pki;
  gint64           gen_time;
  gint             requests;
} ClTestTsa;

void          cl_test_tsa_route_cb (SoupServer        *server,
                                    SoupServerMessage *msg,
                                    const char        *path,
                                    GHashTable        *query,
                                    gpointer           tsa);

/* An address on 127.0.0.1 where nothing listens. */
char         *cl_test_closed_url   (const char        *path);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClTestServer, cl_test_server_free)

G_END_DECLS
