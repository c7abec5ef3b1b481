/* cl-signer-info.h: the few facts about the claim signer's certificate that the report
 * shows (c2pa-rs signature_info) and its validity window. The full per-certificate
 * details belong to the trust module.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <openssl/x509.h>

G_BEGIN_DECLS

typedef struct {
  char   *organization;     /* subject O ("issuer" in c2pa-rs reports) */
  char   *common_name;      /* subject CN */
  char   *serial_decimal;
  gint64  not_before;       /* seconds since the epoch */
  gint64  not_after;
} ClSignerInfo;

/* NULL when der is not a certificate. */
ClSignerInfo *cl_signer_info_new        (GBytes        *der);
/* The same from a certificate already parsed (borrowed). */
ClSignerInfo *cl_signer_info_new_from_x509 (X509        *cert);
void          cl_signer_info_free       (ClSignerInfo  *info);
gboolean      cl_signer_info_valid_at   (ClSignerInfo  *info,
                                         gint64         when);
/* X509 from DER (new reference) or NULL. */
X509         *cl_signer_info_parse_x509 (GBytes        *der);
/* RFC 3339 UTC ("2024-08-06T21:53:37+00:00"), as c2pa-rs writes signing times. */
char         *cl_signer_info_format_time (gint64        when);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClSignerInfo, cl_signer_info_free)

G_END_DECLS
