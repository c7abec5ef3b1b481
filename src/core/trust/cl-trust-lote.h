/* cl-trust-lote.h: the structured (JSON, "LoTE") form of the official C2PA
 * trust lists: for each anchor, the organisation behind it, the service name,
 * its status and since when.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CL_LOTE_STATUS_TRUSTED "http://c2pa.org/conformance/trust-list/trusted"

typedef struct {
  char   *sha256;     /* base64 SHA-256 of the certificate DER */
  char   *entity;     /* TEName, e.g. "Adobe Inc" */
  char   *service;    /* ServiceName */
  char   *status;     /* ServiceStatus URI */
  gint64  since;      /* StatusStartingTime, 0 if absent */
} ClTrustEntity;

void           cl_trust_entity_free (ClTrustEntity *entity);

/* Parses a LoTE JSON text: a table base64 SHA-256 → ClTrustEntity, and the
 * ListIssueDateTime (0 if absent). Unknown members are ignored; the text is
 * bounded by the caller (it comes from a file or a capped download). */
GHashTable    *cl_trust_lote_parse  (const char    *json_text,
                                     gint64        *issue_date,
                                     GError       **error);

G_END_DECLS
