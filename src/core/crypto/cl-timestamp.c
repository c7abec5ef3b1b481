/* cl-timestamp.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <time.h>
#include <cbor.h>
#include <glib/gi18n.h>
#include <openssl/cms.h>
#include <openssl/err.h>
#include <openssl/pkcs7.h>
#include <openssl/ts.h>
#include <openssl/x509v3.h>

#include "cl-cose-crypto.h"
#include "cl-status-codes.h"
#include "cl-status.h"
#include "cl-timestamp.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TS_RESP, TS_RESP_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PKCS7, PKCS7_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TS_TST_INFO, TS_TST_INFO_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CMS_ContentInfo, CMS_ContentInfo_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (X509_STORE_CTX, X509_STORE_CTX_free)


GBytes *
cl_timestamp_countersign_data (int     tst_version,
                               GBytes *protected_bytes,
                               GBytes *claim_bytes,
                               GBytes *signature)
{
  gsize plen, len;
  const guint8 *pdata = g_bytes_get_data (protected_bytes, &plen);

  if (tst_version == 1) {
    const guint8 *data = g_bytes_get_data (claim_bytes, &len);

    return cl_cose_sig_structure_encode ("CounterSignature", pdata, plen, data, len);
  } else {
    /* v2: the payload is the signature bstr with its (minimal) CBOR head. */
    const guint8 *sig = g_bytes_get_data (signature, &len);
    cbor_item_t *bstr = cbor_build_bytestring (len > 0 ? sig : (const guint8 *) "", len);
    unsigned char *encoded = NULL;
    gsize buf_size = 0, written;
    GBytes *result = NULL;

    written = cbor_serialize_alloc (bstr, &encoded, &buf_size);
    if (written > 0)
      result = cl_cose_sig_structure_encode ("CounterSignature", pdata, plen, encoded, written);
    free (encoded);
    cbor_decref (&bstr);
    return result;
  }
}


static void
add_status (ClTimestampResult *result,
            const char        *code,
            const char        *explanation)
{
  g_ptr_array_add (result->statuses, cl_status_new (code, NULL, explanation));
}


void
cl_timestamp_result_free (ClTimestampResult *result)
{
  if (result == NULL)
    return;
  g_free (result->tsa_name);
  g_ptr_array_unref (result->statuses);
  g_free (result);
}


static char *
common_name (X509 *cert)
{
  char buf[256];

  if (X509_NAME_get_text_by_NID (X509_get_subject_name (cert), NID_commonName,
                                 buf, sizeof buf) < 0)
    return g_strdup ("");
  return g_strdup (buf);
}


/* The token as a PKCS7 (SignedData), from either a TimeStampToken or a TimeStampResp. */
static PKCS7 *
parse_token (const guint8 *token,
             gsize         len)
{
  const unsigned char *p = token;
  g_autoptr(TS_RESP) resp = d2i_TS_RESP (NULL, &p, (long) len);
  PKCS7 *p7;

  if (resp != NULL && p == token + len) {
    TS_STATUS_INFO *info = TS_RESP_get_status_info (resp);
    long status = ASN1_INTEGER_get (TS_STATUS_INFO_get0_status (info));

    /* granted (0) or grantedWithMods (1) */
    if ((status != 0 && status != 1) || TS_RESP_get_token (resp) == NULL)
      return NULL;
    return PKCS7_dup (TS_RESP_get_token (resp));
  }
  p = token;
  p7 = d2i_PKCS7 (NULL, &p, (long) len);
  if (p7 != NULL && !PKCS7_type_is_signed (p7))
    g_clear_pointer (&p7, PKCS7_free);
  return p7;
}


/* The token's TSTInfo and its SignedData as CMS (which OpenSSL verifies). */
static gboolean
decode_token (ClTimestampResult  *result,
              const guint8       *token,
              gsize               token_len,
              TS_TST_INFO       **tst,
              CMS_ContentInfo   **cms)
{
  g_autoptr(PKCS7) p7 = parse_token (token, token_len);
  unsigned char *der = NULL;
  const unsigned char *p;
  int der_len;

  if (p7 == NULL || (*tst = PKCS7_to_TS_TST_INFO (p7)) == NULL) {
    add_status (result, CL_CODE_TIME_STAMP_MALFORMED, _("could not parse timestamp data"));
    return FALSE;
  }
  der_len = i2d_PKCS7 (p7, &der);
  p = der;
  if (der_len > 0)
    *cms = d2i_CMS_ContentInfo (NULL, &p, der_len);
  OPENSSL_free (der);
  if (*cms == NULL) {
    add_status (result, CL_CODE_TIME_STAMP_MALFORMED, _("could not parse timestamp data"));
    return FALSE;
  }
  return TRUE;
}


/* The signed signingTime attribute of the token's signer, when it has exactly one value
 * that reads as a time; FALSE otherwise. */
static gboolean
read_signing_time_attribute (CMS_ContentInfo *cms,
                             gint64          *when)
{
  STACK_OF(CMS_SignerInfo) *infos = CMS_get0_SignerInfos (cms);
  CMS_SignerInfo *info = infos != NULL && sk_CMS_SignerInfo_num (infos) > 0
                         ? sk_CMS_SignerInfo_value (infos, 0) : NULL;
  int index = info != NULL ? CMS_signed_get_attr_by_NID (info, NID_pkcs9_signingTime, -1) : -1;
  X509_ATTRIBUTE *attribute = index >= 0 ? CMS_signed_get_attr (info, index) : NULL;
  ASN1_TYPE *value;
  struct tm tm;

  if (attribute == NULL || X509_ATTRIBUTE_count (attribute) != 1)
    return FALSE;
  value = X509_ATTRIBUTE_get0_type (attribute, 0);
  if (value == NULL ||
      (value->type != V_ASN1_UTCTIME && value->type != V_ASN1_GENERALIZEDTIME) ||
      !ASN1_TIME_to_tm (value->value.asn1_string, &tm))
    return FALSE;
  *when = timegm (&tm);
  return TRUE;
}


/* The time-stamp's time. A TSA gives its signingTime attribute the genTime of the
 * TSTInfo; where the two differ, c2pa-rs takes the signingTime (its verify_time_stamp),
 * and so does CredLink: both are signed by the TSA. */
static gboolean
read_gen_time (ClTimestampResult *result,
               TS_TST_INFO       *tst,
               CMS_ContentInfo   *cms)
{
  struct tm tm;

  if (!ASN1_TIME_to_tm (TS_TST_INFO_get_time (tst), &tm)) {
    add_status (result, CL_CODE_TIME_STAMP_MALFORMED, _("timestamp time is malformed"));
    return FALSE;
  }
  result->gen_time = timegm (&tm);
  read_signing_time_attribute (cms, &result->gen_time);
  return TRUE;
}


/* The CMS signature and the signed messageDigest over the TSTInfo. */
static gboolean
verify_signed_data (ClTimestampResult *result,
                    CMS_ContentInfo   *cms)
{
  unsigned long err;

  if (CMS_verify (cms, NULL, NULL, NULL, NULL, CMS_NO_SIGNER_CERT_VERIFY | CMS_BINARY) == 1)
    return TRUE;
  err = ERR_peek_last_error ();
  if (ERR_GET_LIB (err) == ERR_LIB_CMS && ERR_GET_REASON (err) == CMS_R_CONTENT_VERIFY_ERROR)
    add_status (result, CL_CODE_TIME_STAMP_MISMATCH, _("timestamp bad message digest"));
  else
    add_status (result, CL_CODE_TIME_STAMP_UNTRUSTED,
                _("timestamp signed data did not match signature"));
  return FALSE;
}


/* The TSA's certificate, which must have been valid at genTime. */
static gboolean
check_signer (ClTimestampResult  *result,
              CMS_ContentInfo    *cms,
              STACK_OF(X509)    **signers)
{
  X509 *signer;

  *signers = CMS_get0_signers (cms);
  if (*signers == NULL || sk_X509_num (*signers) == 0) {
    add_status (result, CL_CODE_TIME_STAMP_UNTRUSTED, _("timestamp signer not found"));
    return FALSE;
  }
  signer = sk_X509_value (*signers, 0);
  result->tsa_name = common_name (signer);
  if (ASN1_TIME_cmp_time_t (X509_get0_notBefore (signer), (time_t) result->gen_time) > 0 ||
      ASN1_TIME_cmp_time_t (X509_get0_notAfter (signer), (time_t) result->gen_time) < 0) {
    add_status (result, CL_CODE_TIME_STAMP_OUTSIDE_VALIDITY,
                _("timestamp signer outside of certificate validity"));
    return FALSE;
  }
  return TRUE;
}


/* The message imprint must be the digest of data. */
static gboolean
check_imprint (ClTimestampResult *result,
               TS_TST_INFO       *tst,
               const guint8      *data,
               gsize              data_len)
{
  TS_MSG_IMPRINT *imprint = TS_TST_INFO_get_msg_imprint (tst);
  ASN1_OCTET_STRING *msg = TS_MSG_IMPRINT_get_msg (imprint);
  const ASN1_OBJECT *imprint_oid;
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int digest_len = 0;
  g_autofree char *explanation = NULL;
  const EVP_MD *md;

  X509_ALGOR_get0 (&imprint_oid, NULL, NULL, TS_MSG_IMPRINT_get_algo (imprint));
  switch (OBJ_obj2nid (imprint_oid)) {
  case NID_sha256: md = EVP_sha256 (); break;
  case NID_sha384: md = EVP_sha384 (); break;
  case NID_sha512: md = EVP_sha512 (); break;
  default: md = NULL; break;
  }
  if (md == NULL) {
    add_status (result, CL_CODE_TIME_STAMP_UNTRUSTED, _("timestamp unknown message digest algorithm"));
    return FALSE;
  }
  if (EVP_Digest (data, data_len, digest, &digest_len, md, NULL) != 1 ||
      (unsigned int) ASN1_STRING_length (msg) != digest_len ||
      memcmp (ASN1_STRING_get0_data (msg), digest, digest_len) != 0) {
    explanation = g_strdup_printf (_("timestamp message digest did not match: %s"),
                                   result->tsa_name);
    add_status (result, CL_CODE_TIME_STAMP_MISMATCH, explanation);
    return FALSE;
  }
  return TRUE;
}


/* The TSA's certificate chains to tsa_anchors at genTime and is for time-stamping. */
static gboolean
tsa_is_trusted (X509           *signer,
                STACK_OF(X509) *certs,
                X509_STORE     *tsa_anchors,
                gint64          gen_time)
{
  g_autoptr(X509_STORE_CTX) ctx = X509_STORE_CTX_new ();
  X509_VERIFY_PARAM *param;

  if (ctx == NULL || X509_STORE_CTX_init (ctx, tsa_anchors, signer, certs) != 1)
    return FALSE;
  param = X509_STORE_CTX_get0_param (ctx);
  X509_VERIFY_PARAM_set_time (param, (time_t) gen_time);
  X509_VERIFY_PARAM_set_flags (param, X509_V_FLAG_PARTIAL_CHAIN);
  return X509_verify_cert (ctx) == 1 &&
         (X509_get_extension_flags (signer) & EXFLAG_XKUSAGE) != 0 &&
         (X509_get_extended_key_usage (signer) & XKU_TIMESTAMP) != 0;
}


static void
judge_trust (ClTimestampResult *result,
             X509              *signer,
             STACK_OF(X509)    *certs,
             gboolean           check_trust,
             X509_STORE        *tsa_anchors)
{
  g_autofree char *explanation = NULL;

  if (!check_trust) {
    explanation = g_strdup_printf (_("legacy timestamp cert trusted: %s"), result->tsa_name);
    add_status (result, CL_CODE_TIME_STAMP_TRUSTED, explanation);
    result->trusted = TRUE;
  } else if (tsa_anchors == NULL) {
    explanation = g_strdup_printf (_("timestamp cert untrusted: %s"), result->tsa_name);
    add_status (result, CL_CODE_TIME_STAMP_UNTRUSTED, explanation);
  } else {
    gboolean ok = tsa_is_trusted (signer, certs, tsa_anchors, result->gen_time);

    explanation = g_strdup_printf (ok ? _("timestamp cert trusted: %s")
                                      : _("timestamp cert untrusted: %s"), result->tsa_name);
    add_status (result, ok ? CL_CODE_TIME_STAMP_TRUSTED : CL_CODE_TIME_STAMP_UNTRUSTED, explanation);
    result->trusted = ok;
  }
}


ClTimestampResult *
cl_timestamp_verify (const guint8 *token,
                     gsize         token_len,
                     const guint8 *data,
                     gsize         data_len,
                     gboolean      check_trust,
                     X509_STORE   *tsa_anchors)
{
  ClTimestampResult *result = g_new0 (ClTimestampResult, 1);
  g_autoptr(TS_TST_INFO) tst = NULL;
  g_autoptr(CMS_ContentInfo) cms = NULL;
  STACK_OF(X509) *certs = NULL;
  STACK_OF(X509) *signers = NULL;
  g_autofree char *explanation = NULL;

  result->statuses = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_status_free);
  ERR_set_mark ();

  if (!decode_token (result, token, token_len, &tst, &cms))
    goto out;
  certs = CMS_get1_certs (cms);
  if (certs == NULL || sk_X509_num (certs) == 0) {
    add_status (result, CL_CODE_TIME_STAMP_UNTRUSTED, _("time stamp contains no certificates"));
    goto out;
  }
  if (!read_gen_time (result, tst, cms) ||
      !verify_signed_data (result, cms) ||
      !check_signer (result, cms, &signers) ||
      !check_imprint (result, tst, data, data_len))
    goto out;

  explanation = g_strdup_printf (_("timestamp message digest matched: %s"), result->tsa_name);
  add_status (result, CL_CODE_TIME_STAMP_VALIDATED, explanation);
  result->validated = TRUE;
  judge_trust (result, sk_X509_value (signers, 0), certs, check_trust, tsa_anchors);

out:
  if (signers != NULL)
    sk_X509_free (signers);
  if (certs != NULL)
    sk_X509_pop_free (certs, X509_free);
  ERR_pop_to_mark ();
  return result;
}


X509 *
cl_timestamp_dup_signer (const guint8 *token,
                         gsize         token_len)
{
  g_autoptr(PKCS7) p7 = parse_token (token, token_len);
  STACK_OF(X509) *signers;
  X509 *signer = NULL;

  if (p7 == NULL)
    return NULL;
  ERR_set_mark ();
  signers = PKCS7_get0_signers (p7, NULL, 0);
  ERR_pop_to_mark ();
  if (signers != NULL && sk_X509_num (signers) > 0) {
    signer = sk_X509_value (signers, 0);
    X509_up_ref (signer);
  }
  sk_X509_free (signers);
  return signer;
}
