/* cl-trust-result.h: what the trust engine found about one signer: the
 * C2PA status codes, which list (if any) trusts it, and per certificate every
 * check with a one-line reason, plus its revocation status.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>
#include <openssl/x509.h>

#include "cl-conforming-products.h"
#include "cl-revocation.h"
#include "cl-status-codes.h"
#include "cl-trust-list.h"

G_BEGIN_DECLS

typedef enum {
  CL_CHECK_PASS,
  CL_CHECK_WARN,
  CL_CHECK_FAIL,
  CL_CHECK_INFO,   /* a fact, neither good nor bad */
} ClCheckOutcome;

typedef struct {
  char           *id;       /* stable: "version", "validity", "key-usage", "chain"… */
  ClCheckOutcome  outcome;
  char           *reason;   /* one line for people (translated) */
} ClCertCheck;

typedef enum {
  CL_CERT_ROLE_SIGNER,
  CL_CERT_ROLE_INTERMEDIATE,
  CL_CERT_ROLE_ANCHOR,       /* the anchor the chain ended on (from the list) */
} ClCertRole;

typedef struct {
  X509             *cert;
  ClCertRole        role;
  gboolean          from_list;   /* came from the trust list, not the x5chain */
  char             *list_entity; /* for anchors: the organisation the list names, or NULL */
  GPtrArray        *checks;      /* ClCertCheck * */
  ClRevocationInfo *revocation;  /* NULL for anchors */
} ClCertReport;

typedef enum {
  CL_TRUST_METHOD_NONE,
  CL_TRUST_METHOD_CHAIN,          /* chains to an anchor of a list */
  CL_TRUST_METHOD_ALLOWED_LIST,   /* the end-entity certificate itself is listed */
} ClTrustMethod;

typedef struct {
  gatomicrefcount  ref_count;
  /* Status codes in the order c2pa-rs logs them (a subset of the CL_CODE_*). */
  GPtrArray       *codes;
  /* TRUE only when a list trusts the signer, the signer passes the C2PA
   * certificate profile, and nothing says it was revoked. */
  gboolean         trusted;
  gboolean         profile_ok;
  ClTrustMethod    method;
  char            *list_name;     /* the list that trusts the signer, or NULL */
  /* Where that list came from (the address it was downloaded from, or the file it was read
   * from; NULL when unknown) and the date of its snapshot (0 when unknown). */
  char            *list_source;
  char            *list_label;    /* what to call that list for people (translated), or NULL */
  gint64           list_snapshot;
  char            *anchor_entity; /* the organisation the list names for that anchor, or NULL */
  ClTrustListKind  list_kind;
  char            *chain_error;   /* why no list trusts it, or NULL */
  gint64           judged_time;
  gboolean         time_is_trusted;
  GPtrArray       *certs;         /* ClCertReport *, signer first */
  char            *summary;       /* one line for people (translated) */
  ClConformingProduct *product;   /* the signer's product on the installed conforming
                                   * products list, or NULL */
} ClTrustResult;

ClCertCheck   *cl_cert_check_new      (const char     *id,
                                       ClCheckOutcome  outcome,
                                       const char     *reason);
void           cl_cert_check_free     (ClCertCheck    *check);
const char    *cl_check_outcome_to_string (ClCheckOutcome outcome);

ClCertReport  *cl_cert_report_new     (X509           *cert,
                                       ClCertRole      role);
void           cl_cert_report_free    (ClCertReport   *report);
/* The check with that id, or NULL. */
ClCertCheck   *cl_cert_report_find    (ClCertReport   *report,
                                       const char     *id);
const char    *cl_cert_role_to_string (ClCertRole      role);

ClTrustResult *cl_trust_result_new    (void);
ClTrustResult *cl_trust_result_ref    (ClTrustResult  *result);
void           cl_trust_result_unref  (ClTrustResult  *result);
gboolean       cl_trust_result_has_code (ClTrustResult *result,
                                       const char     *code);
/* Was the signer's certificate inside its validity at the time judged? (For
 * claimSignature.insideValidity / outsideValidity and timeOfSigning.*.) */
gboolean       cl_trust_result_signer_valid_at_time (ClTrustResult *result);
/* The revocation status of the signer (NULL when there is no signer). */
ClRevocationInfo *cl_trust_result_get_signer_revocation (ClTrustResult *result);

/* The whole result as a JSON object: codes, trusted, list, per certificate
 * (cl_x509_add_json_members + checks + revocation). */
JsonNode      *cl_trust_result_to_json (ClTrustResult *result);
/* A readable multi-line report (translated). */
char          *cl_trust_result_to_text (ClTrustResult *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClTrustResult, cl_trust_result_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClCertReport, cl_cert_report_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClCertCheck, cl_cert_check_free)

G_END_DECLS
