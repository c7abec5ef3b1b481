/* cl-trust-chain.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <openssl/err.h>
#include <openssl/x509_vfy.h>
#include <openssl/x509v3.h>

#include "cl-crypto-init.h"
#include "cl-cert-profile-check.h"
#include "cl-error.h"
#include "cl-status-codes.h"
#include "cl-trust-chain.h"
#include "cl-trust-list-fetch.h"
#include "cl-x509.h"

/* A COSE x5chain longer than this is not a certificate chain. */
#define MAX_CHAIN_LENGTH 16


typedef struct {
  ClTrustList     *list;    /* borrowed */
  STACK_OF(X509)  *chain;   /* built chain, signer first, anchor last */
} ChainMatch;


/* c2pa-rs (certificate_trust/openssl.rs): X509_STRICT | PARTIAL_CHAIN (an
 * intermediate on a list is enough), no purpose (EKUs are checked by the
 * profile), at the time judged: the trusted time when there is one, else now (c2pa-rs
 * 0.91 calls a signer whose certificate has expired, with no trusted time, untrusted
 * as well as expired). */
static STACK_OF(X509) *
verify_with_list (ClTrustList     *list,
                  X509            *leaf,
                  STACK_OF(X509)  *untrusted,
                  gint64           judged_time,
                  int             *out_error,
                  int             *out_depth)
{
  X509_STORE *store = cl_trust_list_get_x509_store (list);
  X509_STORE_CTX *ctx;
  X509_VERIFY_PARAM *param;
  STACK_OF(X509) *chain = NULL;

  if (store == NULL)
    return NULL;
  ctx = X509_STORE_CTX_new ();
  if (X509_STORE_CTX_init (ctx, store, leaf, untrusted) != 1) {
    X509_STORE_CTX_free (ctx);
    ERR_clear_error ();
    return NULL;
  }
  param = X509_STORE_CTX_get0_param (ctx);
  X509_VERIFY_PARAM_set_flags (param, X509_V_FLAG_X509_STRICT | X509_V_FLAG_PARTIAL_CHAIN);
  X509_VERIFY_PARAM_set_time (param, (time_t) judged_time);

  if (X509_verify_cert (ctx) == 1) {
    chain = X509_STORE_CTX_get1_chain (ctx);
  } else {
    *out_error = X509_STORE_CTX_get_error (ctx);
    *out_depth = X509_STORE_CTX_get_error_depth (ctx);
  }
  X509_STORE_CTX_free (ctx);
  ERR_clear_error ();
  return chain;
}


static char *
chain_error_text (int error,
                  int depth)
{
  const char *what;

  switch (error) {
  case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT:
  case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY:
    what = _("its issuer is not on the list, and no certificate of the chain leads to one that is");
    break;
  case X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT:
    what = _("it is self-signed and not on the list");
    break;
  case X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN:
    what = _("the chain ends in a root that is not on the list");
    break;
  case X509_V_ERR_CERT_HAS_EXPIRED:
    what = _("a certificate of the chain had expired at the time judged");
    break;
  case X509_V_ERR_CERT_NOT_YET_VALID:
    what = _("a certificate of the chain was not yet valid at the time judged");
    break;
  case X509_V_ERR_CERT_SIGNATURE_FAILURE:
    what = _("a signature inside the chain does not verify");
    break;
  case X509_V_ERR_INVALID_CA:
    what = _("a certificate that is not a CA issued another one");
    break;
  default:
    what = X509_verify_cert_error_string (error);
    break;
  }
  return g_strdup_printf (_("%s (OpenSSL: %s, at certificate %d of the chain)"), what,
                          X509_verify_cert_error_string (error), depth);
}


static const char *
ocsp_code_for (const ClRevocationInfo *info)
{
  switch (info->state) {
  case CL_REVOCATION_GOOD:
  case CL_REVOCATION_REVOKED_LATER:
    return CL_CODE_SIGNING_CREDENTIAL_OCSP_NOT_REVOKED;
  case CL_REVOCATION_REVOKED:
    return CL_CODE_SIGNING_CREDENTIAL_OCSP_REVOKED;
  case CL_REVOCATION_UNKNOWN:
    return CL_CODE_SIGNING_CREDENTIAL_OCSP_UNKNOWN;
  case CL_REVOCATION_NOT_CHECKED:
  default:
    break;
  }
  /* c2pa-rs logs "skipped" when it had nothing stapled and chose not to go
   * online, "inaccessible" when it went online and got no answer, and nothing
   * when a stapled response was unusable or there is no revocation service. */
  switch (info->skip) {
  case CL_REVOCATION_SKIP_OFFLINE: return CL_CODE_SIGNING_CREDENTIAL_OCSP_SKIPPED;
  case CL_REVOCATION_SKIP_UNREACHABLE: return CL_CODE_SIGNING_CREDENTIAL_OCSP_INACCESSIBLE;
  default: return NULL;
  }
}


static void
add_code (ClTrustResult *result,
          const char    *code)
{
  if (code != NULL && !cl_trust_result_has_code (result, code))
    g_ptr_array_add (result->codes, g_strdup (code));
}


static ClTrustResult *
unreadable_signer (ClTrustResult *result,
                   const char    *why)
{
  add_code (result, CL_CODE_SIGNING_CREDENTIAL_INVALID);
  add_code (result, CL_CODE_SIGNING_CREDENTIAL_UNTRUSTED);
  result->chain_error = g_strdup (why);
  result->summary = g_strdup_printf (_("Not trusted: the signer’s certificate cannot be read (%s)"), why);
  return result;
}


static char *
summarise (ClTrustResult *result,
           X509          *leaf)
{
  g_autofree char *who = cl_x509_display_name (leaf);
  ClRevocationInfo *revocation = cl_trust_result_get_signer_revocation (result);

  if (revocation != NULL && revocation->state == CL_REVOCATION_REVOKED)
    return g_strdup_printf (_("Not trusted: the certificate of “%s” has been revoked"), who);
  if (result->trusted && result->method == CL_TRUST_METHOD_ALLOWED_LIST)
    return g_strdup_printf (_("Trusted: “%s” is on the allowed list of “%s” (%s)"), who,
                            result->list_name, result->list_label);
  if (result->trusted && result->anchor_entity != NULL)
    return g_strdup_printf (_("Trusted: “%s” chains to the anchor of %s on “%s” (%s)"), who,
                            result->anchor_entity, result->list_name, result->list_label);
  if (result->trusted)
    return g_strdup_printf (_("Trusted: “%s” chains to an anchor of “%s” (%s)"), who,
                            result->list_name, result->list_label);
  if (!result->profile_ok && result->list_name != NULL)
    return g_strdup_printf (_("Not trusted: “%s” chains to “%s” but breaks the C2PA certificate rules"),
                            who, result->list_name);
  if (result->list_name != NULL)
    return g_strdup_printf (_("Not trusted: a certificate in the chain of “%s” has been revoked"), who);
  return g_strdup_printf (_("Not trusted: “%s” is on no trust list for content credentials (%s)"),
                          who, result->chain_error != NULL ? result->chain_error : "");
}


/* The x5chain as certificates, signer first. A certificate above the signer that
 * cannot be read is left out and described in *bad_chain (c2pa-rs: that makes
 * the signer untrusted, not invalid). NULL with *unreadable when there is no
 * signer to judge. */
static GPtrArray *
decode_chain (GPtrArray  *x5chain,
              char      **bad_chain,
              char      **unreadable)
{
  g_autoptr(GPtrArray) given = g_ptr_array_new_with_free_func ((GDestroyNotify) X509_free);

  if (x5chain == NULL || x5chain->len == 0) {
    *unreadable = g_strdup (_("the signature carries no certificate"));
    return NULL;
  }
  if (x5chain->len > MAX_CHAIN_LENGTH) {
    *unreadable = g_strdup (_("the certificate chain is too long"));
    return NULL;
  }
  for (guint i = 0; i < x5chain->len; i++) {
    GBytes *der = g_ptr_array_index (x5chain, i);
    g_autoptr(GError) error = NULL;
    X509 *cert = cl_x509_from_der (g_bytes_get_data (der, NULL), g_bytes_get_size (der), &error);

    if (cert == NULL && i == 0) {
      *unreadable = g_strdup (error->message);
      return NULL;
    }
    if (cert == NULL) {
      if (*bad_chain == NULL)
        *bad_chain = g_strdup_printf (_("certificate %u of the chain cannot be read: %s"), i,
                                      error->message);
      continue;
    }
    g_ptr_array_add (given, cert);
  }
  return g_steal_pointer (&given);
}


/* Accepted EKUs: c2pa-rs defaults + the trust config + the lists' store.cfg. */
static GStrv
accepted_ekus (const ClTrustSettings *settings,
               ClTrustStore          *store)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (const char * const *oid = settings->extra_ekus; oid != NULL && *oid != NULL; oid++)
    g_strv_builder_add (builder, *oid);
  for (const char * const *oid = cl_trust_store_get_ekus (store); *oid != NULL; oid++)
    g_strv_builder_add (builder, *oid);
  return g_strv_builder_end (builder);
}


static void
trusted_by (ClTrustResult *result,
            ClTrustList   *list,
            ClTrustMethod  method)
{
  result->method = method;
  result->list_name = g_strdup (cl_trust_list_get_name (list));
  result->list_kind = cl_trust_list_get_kind (list);
  /* Which copy of the list decided: an empty source is an unknown one. */
  if (*cl_trust_list_get_source (list) != '\0')
    result->list_source = g_strdup (cl_trust_list_get_source (list));
  result->list_snapshot = cl_trust_list_get_snapshot (list);
  result->list_label = cl_trust_list_dup_label (list);
}


/* Allowed lists first (as c2pa-rs), then chains; claim-signer lists only — an
 * anchor of a time-stamping list never vouches for a signer. Returns the chain
 * OpenSSL built to an anchor, or NULL; *why_not says why no list trusts the
 * signer. */
static STACK_OF(X509) *
find_trusting_list (ClTrustResult   *result,
                    ClTrustStore    *store,
                    X509            *leaf,
                    STACK_OF(X509)  *untrusted,
                    char           **why_not)
{
  GPtrArray *lists = cl_trust_store_get_lists (store);
  int first_error = X509_V_OK, first_depth = 0;

  for (guint i = 0; i < lists->len; i++) {
    ClTrustList *list = g_ptr_array_index (lists, i);

    if (!cl_trust_list_is_tsa (list) && cl_trust_list_allows (list, leaf)) {
      trusted_by (result, list, CL_TRUST_METHOD_ALLOWED_LIST);
      return NULL;
    }
  }
  for (guint i = 0; i < lists->len; i++) {
    ClTrustList *list = g_ptr_array_index (lists, i);
    int error = X509_V_OK, depth = 0;
    STACK_OF(X509) *built;

    if (cl_trust_list_is_tsa (list))
      continue;
    built = verify_with_list (list, leaf, untrusted, result->judged_time, &error, &depth);
    if (built != NULL) {
      trusted_by (result, list, CL_TRUST_METHOD_CHAIN);
      return built;
    }
    if (first_error == X509_V_OK && error != X509_V_OK) {
      first_error = error;
      first_depth = depth;
    }
  }
  if (first_error != X509_V_OK)
    *why_not = chain_error_text (first_error, first_depth);
  else
    *why_not = g_strdup (_("no trust list for content-credential signers is installed"));
  return NULL;
}


/* The signer's "trust" check: which list, or why none. */
static void
add_trust_check (ClTrustResult *result,
                 ClCertReport  *signer_report)
{
  g_autofree char *reason = NULL;
  g_auto(GStrv) leaf_ekus = NULL;

  if (result->list_name == NULL) {
    g_ptr_array_add (signer_report->checks,
                     cl_cert_check_new ("trust", CL_CHECK_FAIL, result->chain_error));
    return;
  }
  if (result->method == CL_TRUST_METHOD_ALLOWED_LIST) {
    reason = g_strdup_printf (_("On the allowed list of “%s”"), result->list_name);
    g_ptr_array_add (signer_report->checks, cl_cert_check_new ("trust", CL_CHECK_PASS, reason));
    return;
  }
  reason = g_strdup_printf (_("Chains to an anchor of “%s” (%s)"), result->list_name,
                            result->list_label);
  g_ptr_array_add (signer_report->checks, cl_cert_check_new ("trust", CL_CHECK_PASS, reason));
  /* C2PA 2.2 §14.4.1 ties the C2PA trust list to c2pa-kp-claimSigning; c2pa-rs
   * does not enforce it (yet), so neither do we — but say so. */
  leaf_ekus = cl_x509_extended_key_usages (signer_report->cert);
  if (result->list_kind == CL_TRUST_LIST_KIND_C2PA &&
      (leaf_ekus == NULL || !g_strv_contains ((const char * const *) leaf_ekus,
                                              CL_OID_EKU_C2PA_CLAIM_SIGNING)))
    g_ptr_array_add (signer_report->checks,
                     cl_cert_check_new ("claim-signing-eku", CL_CHECK_WARN,
                                        _("Lacks the c2pa-kp-claimSigning usage that the C2PA trust list is meant for")));
}


/* The certificates above the signer: the chain OpenSSL built (built, ending on
 * the anchor), else the x5chain as given; each with the CA profile checks. */
static void
add_chain_reports (ClTrustResult   *result,
                   ClTrustStore    *store,
                   STACK_OF(X509)  *built,
                   STACK_OF(X509)  *untrusted,
                   GPtrArray       *given)
{
  if (built == NULL) {
    for (guint i = 1; i < given->len; i++) {
      ClCertReport *report = cl_cert_report_new (g_ptr_array_index (given, i),
                                                 CL_CERT_ROLE_INTERMEDIATE);

      cl_cert_profile_check_ca (report->cert, result->judged_time, result->time_is_trusted,
                                report->checks);
      g_ptr_array_add (result->certs, report);
    }
    return;
  }
  for (int i = 1; i < sk_X509_num (built); i++) {
    X509 *cert = sk_X509_value (built, i);
    gboolean is_anchor = i == sk_X509_num (built) - 1;
    ClCertReport *report = cl_cert_report_new (cert, is_anchor ? CL_CERT_ROLE_ANCHOR
                                                               : CL_CERT_ROLE_INTERMEDIATE);

    report->from_list = sk_X509_find (untrusted, cert) < 0;
    if (is_anchor) {
      ClTrustList *list = cl_trust_store_lookup (store, result->list_name);
      const ClTrustEntity *entity = list != NULL ? cl_trust_list_lookup_entity (list, cert)
                                                 : NULL;

      if (entity != NULL && entity->entity != NULL) {
        report->list_entity = g_strdup (entity->entity);
        result->anchor_entity = g_strdup (entity->entity);
      }
    }
    cl_cert_profile_check_ca (cert, result->judged_time, result->time_is_trusted, report->checks);
    g_ptr_array_add (result->certs, report);
  }
}


/* Checks the revocation of every certificate but the anchor. TRUE when a CA of
 * the chain has been revoked. */
static gboolean
check_revocation (ClTrustResult         *result,
                  GPtrArray             *ocsp_responses,
                  const ClTrustSettings *settings,
                  GCancellable          *cancellable)
{
  ClRevocationOptions options = {
    .online = settings->online,
    .timeout_seconds = settings->timeout_seconds,
    .session = settings->session,
    .cache = settings->cache,
  };
  gboolean ca_revoked = FALSE;

  for (guint i = 0; i < result->certs->len; i++) {
    ClCertReport *report = g_ptr_array_index (result->certs, i);
    ClCertReport *above = NULL;
    X509 *issuer = NULL;

    if (report->role == CL_CERT_ROLE_ANCHOR)
      continue;
    if (i + 1 < result->certs->len)
      above = g_ptr_array_index (result->certs, i + 1);
    if (above != NULL && X509_check_issued (above->cert, report->cert) == X509_V_OK)
      issuer = above->cert;
    report->revocation = cl_revocation_check (report->cert, issuer, ocsp_responses,
                                              result->judged_time, result->time_is_trusted,
                                              &options, cancellable);
    if (report->role != CL_CERT_ROLE_SIGNER && report->revocation->state == CL_REVOCATION_REVOKED)
      ca_revoked = TRUE;
  }
  ERR_clear_error ();
  return ca_revoked;
}


/* The verdict and its codes, as c2pa-rs logs them: profile, trust, revocation. */
static void
add_verdict_codes (ClTrustResult *result,
                   ClCertReport  *signer_report,
                   const char    *profile_code,
                   gboolean       ca_revoked)
{
  ClRevocationInfo *revocation = signer_report->revocation;
  gboolean signer_revoked = revocation->state == CL_REVOCATION_REVOKED;

  add_code (result, profile_code);
  if (result->list_name == NULL || ca_revoked) {
    /* C2PA 2.2 §15.9: a revoked CA makes the signer untrusted. */
    add_code (result, CL_CODE_SIGNING_CREDENTIAL_UNTRUSTED);
  } else if (result->profile_ok && !signer_revoked) {
    result->trusted = TRUE;
    add_code (result, CL_CODE_SIGNING_CREDENTIAL_TRUSTED);
  }
  /* else: on a list but broken or revoked — c2pa-rs would still log
   * "trusted" next to the failure; we never do. */
  /* An OCSP "good" only means something when the issuer who vouches for
   * it is trusted; c2pa-rs logs nothing for a response it cannot tie to
   * its anchors (ocsp.jpg), so neither do we. The per-certificate report
   * still shows what the response said. */
  if (g_strcmp0 (ocsp_code_for (revocation), CL_CODE_SIGNING_CREDENTIAL_OCSP_NOT_REVOKED) != 0 ||
      result->list_name != NULL)
    add_code (result, ocsp_code_for (revocation));
}


ClTrustResult *
cl_trust_evaluate (ClTrustStore          *store,
                   GPtrArray             *x5chain,
                   GDateTime             *trusted_time,
                   GPtrArray             *ocsp_responses,
                   const ClTrustSettings *settings,
                   GCancellable          *cancellable)
{
  static const ClTrustSettings offline = { 0 };
  ClTrustResult *result = cl_trust_result_new ();
  g_autoptr(GPtrArray) given = NULL;
  g_autofree char *bad_chain = NULL;
  g_autofree char *unreadable = NULL;
  g_auto(GStrv) ekus = NULL;
  STACK_OF(X509) *untrusted;
  STACK_OF(X509) *built = NULL;
  ClCertReport *signer_report;
  const char *profile_code;
  gboolean ca_revoked;
  X509 *leaf;

  cl_crypto_init ();

  if (settings == NULL)
    settings = &offline;
  result->time_is_trusted = trusted_time != NULL;
  if (trusted_time != NULL)
    result->judged_time = g_date_time_to_unix (trusted_time);
  else if (settings->validation_time != NULL)
    result->judged_time = g_date_time_to_unix (settings->validation_time);
  else
    result->judged_time = g_get_real_time () / G_USEC_PER_SEC;

  given = decode_chain (x5chain, &bad_chain, &unreadable);
  if (given == NULL)
    return unreadable_signer (result, unreadable);
  leaf = g_ptr_array_index (given, 0);
  untrusted = sk_X509_new_null ();
  for (guint i = 1; i < given->len; i++)
    sk_X509_push (untrusted, g_ptr_array_index (given, i));

  /* 1. The C2PA certificate profile of the signer. */
  ekus = accepted_ekus (settings, store);
  signer_report = cl_cert_report_new (leaf, CL_CERT_ROLE_SIGNER);
  g_ptr_array_add (result->certs, signer_report);
  profile_code = cl_cert_profile_check_signer (leaf, (const char * const *) ekus,
                                               result->judged_time, signer_report->checks);
  result->profile_ok = profile_code == NULL;

  /* 2. Trust: a list that allows the signer or holds an anchor of its chain. */
  if (bad_chain != NULL)
    result->chain_error = g_steal_pointer (&bad_chain);
  else
    built = find_trusting_list (result, store, leaf, untrusted, &result->chain_error);
  add_trust_check (result, signer_report);

  /* 3. The rest of the chain. */
  add_chain_reports (result, store, built, untrusted, given);

  /* 4. Revocation of every certificate but the anchor. */
  ca_revoked = check_revocation (result, ocsp_responses, settings, cancellable);

  /* 5. The verdict. */
  add_verdict_codes (result, signer_report, profile_code, ca_revoked);

  /* What the conformance program says of the signing product (never a trust decision). */
  result->product = cl_conforming_products_find (cl_trust_store_get_conforming_products (store),
                                                 leaf);

  result->summary = summarise (result, leaf);
  sk_X509_pop_free (built, X509_free);
  sk_X509_free (untrusted);
  return result;
}
