/* cl-test-tls.h: HTTPS on 127.0.0.1 under a real host name, for code that refuses IP
 * addresses and localhost (did:web): a server certificate for the name issued by the
 * test PKI's root, that root as the process's TLS trust (GIO's default database), and a
 * resolver that answers the name with 127.0.0.1. Nothing in the code under test changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cl-test-pki.h"

G_BEGIN_DECLS

/* A TLS server certificate (with its key) for host, issued by pki's root. */
GTlsCertificate *cl_test_tls_certificate  (const ClTestPki *pki,
                                           const char      *host);
/* From now on the process trusts pki's root, and only it, for TLS; dir holds its PEM. */
void             cl_test_tls_trust_root   (const ClTestPki *pki,
                                           const char      *dir);
/* From now on host resolves to 127.0.0.1 (IPv4 only), and no other name resolves. */
void             cl_test_tls_resolve_host (const char      *host);

G_END_DECLS
