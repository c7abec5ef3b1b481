/* cl-cert-profile-check.h: the C2PA certificate profile (C2PA 2.2 §14.5.1, notes §8.1),
 * checked the way c2pa-rs checks it, one ClCertCheck per rule.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <openssl/x509.h>

G_BEGIN_DECLS

/* The EKUs c2pa-rs accepts by default (its valid_eku_oids.cfg). */
extern const char * const cl_cert_profile_default_ekus[];

/* Checks the claim signer's certificate at judged_time; appends ClCertCheck *
 * to checks. allowed_ekus: extra accepted EKU OIDs (NULL-terminated, may be
 * NULL), on top of the defaults. Returns NULL when the profile holds, else the
 * status code c2pa-rs logs for the first broken rule:
 * "signingCredential.expired" when outside its validity, otherwise
 * "signingCredential.invalid". */
const char *cl_cert_profile_check_signer (X509               *cert,
                                          const char * const *allowed_ekus,
                                          gint64              judged_time,
                                          GPtrArray          *checks);

/* Checks a CA certificate of the chain (informational: validity, CA flag,
 * keyCertSign, algorithms); appends ClCertCheck * to checks. */
void        cl_cert_profile_check_ca     (X509               *cert,
                                          gint64              judged_time,
                                          gboolean            time_is_trusted,
                                          GPtrArray          *checks);

G_END_DECLS
