/* cl-ocsp.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <openssl/err.h>
#include <openssl/ocsp.h>
#include <openssl/x509v3.h>

#include "cl-error.h"
#include "cl-ocsp.h"
#include "cl-x509.h"

/* Clock skew tolerated between us and a live responder. */
#define OCSP_SKEW_SECONDS 300
/* RFC 6960 responses without nextUpdate: C2PA §15.9.1 accepts them for 24 h. */
#define OCSP_NO_NEXT_UPDATE_WINDOW (24 * 3600)

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OCSP_RESPONSE, OCSP_RESPONSE_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (OCSP_BASICRESP, OCSP_BASICRESP_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (X509_STORE, X509_STORE_free)


GBytes *
cl_ocsp_request_new (X509    *cert,
                     X509    *issuer,
                     GError **error)
{
  OCSP_REQUEST *req = OCSP_REQUEST_new ();
  OCSP_CERTID *id = OCSP_cert_to_id (EVP_sha1 (), cert, issuer);
  unsigned char *der = NULL;
  int len;
  GBytes *bytes;

  if (id == NULL || OCSP_request_add0_id (req, id) == NULL) {
    OCSP_CERTID_free (id);
    OCSP_REQUEST_free (req);
    ERR_clear_error ();
    g_set_error (error, CL_TRUST_ERROR, CL_TRUST_ERROR_INVALID,
                 _("Cannot build an OCSP request for this certificate"));
    return NULL;
  }
  OCSP_request_add1_nonce (req, NULL, -1);
  len = i2d_OCSP_REQUEST (req, &der);
  OCSP_REQUEST_free (req);
  if (len <= 0) {
    ERR_clear_error ();
    g_set_error (error, CL_TRUST_ERROR, CL_TRUST_ERROR_INVALID,
                 _("Cannot encode the OCSP request"));
    return NULL;
  }
  bytes = g_bytes_new (der, (gsize) len);
  OPENSSL_free (der);
  return bytes;
}


/* RFC 6960 §4.2.2.2: the issuer itself, or a certificate the issuer issued
 * for OCSP signing, may answer for the issuer's certificates. */
static gboolean
responder_is_authorised (X509     *signer,
                         X509     *issuer,
                         gint64    at_time,
                         GError  **error)
{
  time_t t = (time_t) at_time;

  if (X509_cmp (signer, issuer) == 0)
    return TRUE;
  if (X509_check_issued (issuer, signer) != X509_V_OK ||
      X509_verify (signer, X509_get0_pubkey (issuer)) != 1) {
    ERR_clear_error ();
    g_set_error (error, CL_TRUST_ERROR, CL_TRUST_ERROR_INVALID,
                 _("The OCSP response is signed by a responder the issuer did not authorise"));
    return FALSE;
  }
  if ((X509_get_extension_flags (signer) & EXFLAG_XKUSAGE) == 0 ||
      (X509_get_extended_key_usage (signer) & XKU_OCSP_SIGN) == 0) {
    g_set_error (error, CL_TRUST_ERROR, CL_TRUST_ERROR_INVALID,
                 _("The OCSP responder certificate lacks the OCSP-signing usage"));
    return FALSE;
  }
  if (X509_cmp_time (X509_get0_notBefore (signer), &t) > 0 ||
      X509_cmp_time (X509_get0_notAfter (signer), &t) < 0) {
    g_set_error (error, CL_TRUST_ERROR, CL_TRUST_ERROR_INVALID,
                 _("The OCSP responder certificate was not valid at the time"));
    return FALSE;
  }
  return TRUE;
}


static OCSP_SINGLERESP *
find_single (OCSP_BASICRESP *basic,
             X509           *cert,
             X509           *issuer)
{
  for (int i = 0; i < OCSP_resp_count (basic); i++) {
    OCSP_SINGLERESP *single = OCSP_resp_get0 (basic, i);
    const OCSP_CERTID *cid = OCSP_SINGLERESP_get0_id (single);
    ASN1_OBJECT *md_obj = NULL;
    const EVP_MD *md;
    OCSP_CERTID *ours;
    int cmp;

    if (OCSP_id_get0_info (NULL, &md_obj, NULL, NULL, (OCSP_CERTID *) cid) != 1)
      continue;
    md = EVP_get_digestbyobj (md_obj);
    if (md == NULL)
      continue;
    ours = OCSP_cert_to_id (md, cert, issuer);
    cmp = ours != NULL ? OCSP_id_cmp (ours, cid) : -1;
    OCSP_CERTID_free (ours);
    if (cmp == 0)
      return single;
  }
  return NULL;
}


static gboolean
fail (GError    **error,
      const char *message)
{
  ERR_clear_error ();
  g_set_error_literal (error, CL_TRUST_ERROR, CL_TRUST_ERROR_INVALID, message);
  return FALSE;
}


/* The BasicOCSPResponse of a DER OCSPResponse whose responder answered "successful". */
static OCSP_BASICRESP *
decode_basic_response (GBytes  *response,
                       GError **error)
{
  g_autoptr(OCSP_RESPONSE) resp = NULL;
  const unsigned char *p;
  OCSP_BASICRESP *basic;
  gsize len;

  p = g_bytes_get_data (response, &len);
  if (len == 0 || len > G_MAXINT32 || (resp = d2i_OCSP_RESPONSE (NULL, &p, (long) len)) == NULL) {
    fail (error, _("The OCSP response is not valid DER"));
    return NULL;
  }
  if (OCSP_response_status (resp) != OCSP_RESPONSE_STATUS_SUCCESSFUL) {
    g_set_error (error, CL_TRUST_ERROR, CL_TRUST_ERROR_INVALID,
                 _("The OCSP responder answered “%s”"),
                 OCSP_response_status_str (OCSP_response_status (resp)));
    return NULL;
  }
  basic = OCSP_response_get1_basic (resp);
  if (basic == NULL)
    fail (error, _("The OCSP response has no basic response"));
  return basic;
}


/* A live answer must not be a replay: when both carry a nonce, they match. */
static gboolean
answers_request (OCSP_BASICRESP  *basic,
                 GBytes          *request,
                 GError         **error)
{
  const unsigned char *q;
  gsize qlen;
  OCSP_REQUEST *req;
  int nonce;

  q = g_bytes_get_data (request, &qlen);
  req = d2i_OCSP_REQUEST (NULL, &q, (long) qlen);
  nonce = req != NULL ? OCSP_check_nonce (req, basic) : 0;
  OCSP_REQUEST_free (req);
  /* 0: both carry a nonce and they differ (a replay). Responders that
   * ignore nonces (-1) are common and allowed; freshness is checked later. */
  if (nonce == 0)
    return fail (error, _("The OCSP response does not answer our request (nonce mismatch)"));
  return TRUE;
}


/* The response is signed by the issuer or a responder it authorised (at at_time). */
static gboolean
verify_responder (OCSP_BASICRESP  *basic,
                  X509            *issuer,
                  gint64           at_time,
                  GError         **error)
{
  g_autoptr(X509_STORE) empty_store = NULL;
  STACK_OF(X509) *extra = sk_X509_new_null ();
  X509 *signer = NULL;
  gboolean ok = FALSE;

  sk_X509_push (extra, issuer);
  if (OCSP_resp_get0_signer (basic, &signer, extra) != 1) {
    fail (error, _("The OCSP response does not include its signer’s certificate"));
  } else if (responder_is_authorised (signer, issuer, at_time, error)) {
    /* Chain building is replaced by the authorisation check above, so only
     * the signature is verified here. */
    empty_store = X509_STORE_new ();
    ok = OCSP_basic_verify (basic, extra, empty_store, OCSP_NOVERIFY) == 1;
    if (!ok)
      fail (error, _("The OCSP response signature does not verify"));
  }
  sk_X509_free (extra);
  return ok;
}


/* thisUpdate, nextUpdate and producedAt into info. */
static gboolean
read_times (OCSP_BASICRESP        *basic,
            ASN1_GENERALIZEDTIME  *this_update,
            ASN1_GENERALIZEDTIME  *next_update,
            ClRevocationInfo      *info,
            GError               **error)
{
  info->this_update = 0;
  info->next_update = 0;
  info->produced_at = 0;
  info->revoked_at = 0;
  info->reason = -1;
  if (!cl_asn1_time_to_unix (this_update, &info->this_update))
    return fail (error, _("The OCSP response has no valid thisUpdate time"));
  if (next_update != NULL)
    cl_asn1_time_to_unix (next_update, &info->next_update);
  cl_asn1_time_to_unix (OCSP_resp_get0_produced_at (basic), &info->produced_at);
  return TRUE;
}


/* A live answer must be current now; a stapled "good" must cover the time judged. */
static gboolean
is_current (const ClRevocationInfo  *info,
            int                      status,
            ASN1_GENERALIZEDTIME    *this_update,
            ASN1_GENERALIZEDTIME    *next_update,
            gboolean                 live,
            gint64                   judged_time,
            GError                 **error)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 until;

  if (live) {
    if (OCSP_check_validity (this_update, next_update, OCSP_SKEW_SECONDS, -1) != 1)
      return fail (error, _("The OCSP response is out of date"));
    return TRUE;
  }
  if (status != V_OCSP_CERTSTATUS_GOOD)
    return TRUE;
  /* C2PA 2.2 §15.9.1: a stapled "good" covers the judged time when that
   * time is before thisUpdate or inside (thisUpdate, nextUpdate). */
  until = info->next_update != 0 ? info->next_update
                                 : info->produced_at + OCSP_NO_NEXT_UPDATE_WINDOW;
  if (info->this_update > now + OCSP_SKEW_SECONDS)
    return fail (error, _("The stapled OCSP response claims to come from the future"));
  if (judged_time >= info->this_update && judged_time > until)
    return fail (error, _("The stapled OCSP response had expired at the time judged"));
  return TRUE;
}


/* The verdict of the response's certStatus at the time judged. */
static gboolean
judge_status (ClRevocationInfo      *info,
              int                    status,
              int                    reason,
              ASN1_GENERALIZEDTIME  *revoked_at,
              gint64                 judged_time,
              gboolean               time_is_trusted,
              GError               **error)
{
  switch (status) {
  case V_OCSP_CERTSTATUS_GOOD:
    cl_revocation_judge (info, FALSE, judged_time, time_is_trusted);
    break;
  case V_OCSP_CERTSTATUS_REVOKED:
    info->reason = reason;
    if (!cl_asn1_time_to_unix (revoked_at, &info->revoked_at))
      return fail (error, _("The OCSP response has no valid revocation time"));
    cl_revocation_judge (info, TRUE, judged_time, time_is_trusted);
    break;
  default:
    info->state = CL_REVOCATION_UNKNOWN;
    break;
  }
  return TRUE;
}


gboolean
cl_ocsp_check_response (GBytes            *response,
                        X509              *cert,
                        X509              *issuer,
                        GBytes            *request,
                        gint64             judged_time,
                        gboolean           time_is_trusted,
                        ClRevocationInfo  *info,
                        GError           **error)
{
  g_autoptr(OCSP_BASICRESP) basic = NULL;
  ASN1_GENERALIZEDTIME *revoked_at = NULL, *this_update = NULL, *next_update = NULL;
  OCSP_SINGLERESP *single = NULL;
  int status, reason = -1;
  gboolean live = request != NULL;
  gboolean ok = FALSE;

  basic = decode_basic_response (response, error);
  if (basic == NULL || (live && !answers_request (basic, request, error)))
    goto out;
  single = find_single (basic, cert, issuer);
  if (single == NULL) {
    g_set_error_literal (error, CL_TRUST_ERROR, CL_TRUST_ERROR_NOT_FOUND,
                         _("The OCSP response is about another certificate"));
    goto out;
  }
  if (!verify_responder (basic, issuer,
                         live ? g_get_real_time () / G_USEC_PER_SEC : judged_time, error))
    goto out;

  status = OCSP_single_get0_status (single, &reason, &revoked_at, &this_update, &next_update);
  ok = read_times (basic, this_update, next_update, info, error) &&
       is_current (info, status, this_update, next_update, live, judged_time, error) &&
       judge_status (info, status, reason, revoked_at, judged_time, time_is_trusted, error);

out:
  ERR_clear_error ();
  return ok;
}
