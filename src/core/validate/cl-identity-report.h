/* cl-identity-report.h: who a manifest's CAWG identity assertions say took part, as the
 * validator verified it: per assertion its kind (an X.509 certificate, or an identity
 * claims aggregation credential with its verified identities), what the credential
 * names, and the statuses its checks logged. The report's "identities" array and the UI
 * read it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "cl-status.h"

G_BEGIN_DECLS

/* One entry of an ICA credential's verifiedIdentities (CAWG identity 1.x §8.1.1.3);
 * every field may be NULL. */
typedef struct {
  char *type;            /* e.g. "cawg.social_media" */
  char *name;
  char *username;
  char *address;
  char *uri;
  char *verified_at;     /* RFC 3339, as written */
  char *provider_id;
  char *provider_name;
} ClVerifiedIdentity;

typedef struct {
  char      *label;            /* the assertion's label, e.g. "cawg.identity" */
  char      *url;              /* its absolute JUMBF URI */
  char      *sig_type;         /* "cawg.x509.cose", "cawg.identity_claims_aggregation", … */
  /* cawg.x509.cose: the signing certificate (NULL when it could not be read). */
  char      *cert_alg;
  char      *cert_common_name;
  char      *cert_organization;
  char      *cert_issuer;      /* the certificate issuer's name, one line */
  char      *cert_serial;
  /* cawg.identity_claims_aggregation: the credential (NULL when it could not be read). */
  char      *issuer_did;
  char      *valid_from;
  char      *valid_until;
  GPtrArray *verified_identities;  /* ClVerifiedIdentity */
  GPtrArray *statuses;             /* ClStatus logged for this assertion */
} ClIdentityReport;

/* Where an identity assertion stands, from the statuses its checks logged. */
typedef enum {
  CL_IDENTITY_STATE_NOT_CHECKED,       /* no success, no failure */
  CL_IDENTITY_STATE_VERIFIED,
  /* Its signature holds but its issuer is not on the user's lists: not a broken
   * identity, so said apart. */
  CL_IDENTITY_STATE_UNTRUSTED_ISSUER,
  CL_IDENTITY_STATE_INVALID,
} ClIdentityState;

ClIdentityReport   *cl_identity_report_new        (const char         *label,
                                                   const char         *url,
                                                   const char         *sig_type);
void                cl_identity_report_free       (ClIdentityReport   *identity);
void                cl_verified_identity_free     (ClVerifiedIdentity *verified);

/* The state of identity; failure_code (may be NULL) is set to the first failure that
 * makes it INVALID, else to NULL. The string is borrowed from identity. */
ClIdentityState     cl_identity_report_get_state  (const ClIdentityReport *identity,
                                                   const char            **failure_code);

/* The JSON object of identity (the report's "identities" entries). */
JsonNode           *cl_identity_report_to_json    (ClIdentityReport   *identity);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClIdentityReport, cl_identity_report_free)

G_END_DECLS
