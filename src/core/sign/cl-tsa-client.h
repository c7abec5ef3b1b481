/* cl-tsa-client.h: an RFC 3161 time-stamp client (request, HTTP POST through
 * cl-http, response checks) for the sigTst2 header of the claim signature.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* DER TimeStampReq over SHA-256(data) with a random 64-bit nonce and certReq. */
GBytes  *cl_tsa_request_encode   (const guint8  *data,
                                  gsize          data_len,
                                  guint64       *nonce_out);

/* Checks a DER TimeStampResp: status granted (or grantedWithMods), a token whose
 * imprint is SHA-256(data) and whose nonce is nonce. Returns the DER
 * TimeStampToken (what sigTst2 holds). */
GBytes  *cl_tsa_response_parse   (const guint8  *response,
                                  gsize          response_len,
                                  const guint8  *data,
                                  gsize          data_len,
                                  guint64        nonce,
                                  GError       **error);

/* Requests a token from the TSA at url (http or https; POST
 * application/timestamp-query). Blocking: call from a worker thread. */
GBytes  *cl_tsa_client_timestamp (const char    *url,
                                  const guint8  *data,
                                  gsize          data_len,
                                  GCancellable  *cancellable,
                                  GError       **error);

G_END_DECLS
