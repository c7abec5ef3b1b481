/* cl-x509-cache.h: the last certificates decoded, kept by their DER bytes, so that one
 * certificate read by several steps of a verification (the signer's facts, its trust
 * chain, the report) or by several files of a batch is decoded once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <openssl/x509.h>

G_BEGIN_DECLS

/* A new reference to the certificate decoded from exactly these bytes, or NULL when it
 * is not kept. Safe from any thread. */
X509 *cl_x509_cache_lookup (const guint8 *der,
                            gsize         der_len);
/* Keeps a reference to cert, decoded from der, in place of the oldest kept one. Too large
 * a certificate is not kept. Safe from any thread. */
void  cl_x509_cache_add    (const guint8 *der,
                            gsize         der_len,
                            X509         *cert);

G_END_DECLS
