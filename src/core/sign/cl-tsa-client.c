/* cl-tsa-client.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <openssl/err.h>
#include <openssl/rand.h>
#include <openssl/ts.h>

#include "cl-error.h"
#include "cl-http.h"
#include "cl-tsa-client.h"

#define TSA_TIMEOUT_SECONDS 30
#define MAX_RESPONSE_SIZE (1024 * 1024)


GBytes *
cl_tsa_request_encode (const guint8 *data,
                       gsize         data_len,
                       guint64      *nonce_out)
{
  guint8 digest[32];
  unsigned int digest_len = sizeof digest;
  guint8 nonce_bytes[8];
  TS_REQ *req = TS_REQ_new ();
  TS_MSG_IMPRINT *imprint = TS_MSG_IMPRINT_new ();
  X509_ALGOR *algor = X509_ALGOR_new ();
  ASN1_INTEGER *nonce = NULL;
  BIGNUM *nonce_bn = NULL;
  unsigned char *der = NULL;
  int der_len = 0;
  GBytes *bytes = NULL;

  if (RAND_bytes (nonce_bytes, sizeof nonce_bytes) != 1)
    g_error ("%s: no random numbers", G_STRLOC);
  nonce_bytes[0] &= 0x7F;   /* keep it positive and 63 bits, which every TSA echoes */
  *nonce_out = 0;
  for (gsize i = 0; i < sizeof nonce_bytes; i++)
    *nonce_out = (*nonce_out << 8) | nonce_bytes[i];

  EVP_Digest (data, data_len, digest, &digest_len, EVP_sha256 (), NULL);
  nonce_bn = BN_bin2bn (nonce_bytes, sizeof nonce_bytes, NULL);
  nonce = BN_to_ASN1_INTEGER (nonce_bn, NULL);
  if (req != NULL && imprint != NULL && algor != NULL && nonce != NULL &&
      X509_ALGOR_set0 (algor, OBJ_nid2obj (NID_sha256), V_ASN1_NULL, NULL) == 1 &&
      TS_MSG_IMPRINT_set_algo (imprint, algor) == 1 &&
      TS_MSG_IMPRINT_set_msg (imprint, digest, (int) digest_len) == 1 &&
      TS_REQ_set_version (req, 1) == 1 &&
      TS_REQ_set_msg_imprint (req, imprint) == 1 &&
      TS_REQ_set_nonce (req, nonce) == 1 &&
      TS_REQ_set_cert_req (req, 1) == 1)
    der_len = i2d_TS_REQ (req, &der);
  if (der_len > 0)
    bytes = g_bytes_new (der, der_len);
  OPENSSL_free (der);
  BN_free (nonce_bn);
  ASN1_INTEGER_free (nonce);
  X509_ALGOR_free (algor);
  TS_MSG_IMPRINT_free (imprint);
  TS_REQ_free (req);
  ERR_clear_error ();
  if (bytes == NULL)
    g_error ("%s: cannot encode a time-stamp request", G_STRLOC);
  return bytes;
}


static gboolean
nonce_matches (const ASN1_INTEGER *nonce,
               guint64             expected)
{
  BIGNUM *bn = nonce != NULL ? ASN1_INTEGER_to_BN (nonce, NULL) : NULL;
  BIGNUM *want = BN_new ();
  gboolean same;

  BN_set_word (want, expected);
  same = bn != NULL && BN_cmp (bn, want) == 0;
  BN_free (bn);
  BN_free (want);
  return same;
}


GBytes *
cl_tsa_response_parse (const guint8  *response,
                       gsize          response_len,
                       const guint8  *data,
                       gsize          data_len,
                       guint64        nonce,
                       GError       **error)
{
  const unsigned char *p = response;
  TS_RESP *resp = d2i_TS_RESP (NULL, &p, (long) response_len);
  TS_STATUS_INFO *status;
  TS_TST_INFO *info;
  PKCS7 *token;
  TS_MSG_IMPRINT *imprint;
  ASN1_OCTET_STRING *message;
  guint8 digest[32];
  unsigned int digest_len = sizeof digest;
  long status_value;
  unsigned char *der = NULL;
  int der_len;
  GBytes *bytes;

  ERR_clear_error ();
  if (resp == NULL) {
    g_set_error_literal (error, CL_SIGN_ERROR, CL_SIGN_ERROR_TIMESTAMP,
                         _("The time-stamp server sent something that is not a time-stamp "
                           "response"));
    return NULL;
  }
  status = TS_RESP_get_status_info (resp);
  status_value = ASN1_INTEGER_get (TS_STATUS_INFO_get0_status (status));
  /* granted (0) or grantedWithMods (1) */
  if (status_value != 0 && status_value != 1) {
    TS_RESP_free (resp);
    g_set_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_TIMESTAMP,
                 _("The time-stamp server refused the request (status %ld)"), status_value);
    return NULL;
  }
  token = TS_RESP_get_token (resp);
  info = TS_RESP_get_tst_info (resp);
  if (token == NULL || info == NULL) {
    TS_RESP_free (resp);
    g_set_error_literal (error, CL_SIGN_ERROR, CL_SIGN_ERROR_TIMESTAMP,
                         _("The time-stamp response holds no token"));
    return NULL;
  }
  imprint = TS_TST_INFO_get_msg_imprint (info);
  message = TS_MSG_IMPRINT_get_msg (imprint);
  EVP_Digest (data, data_len, digest, &digest_len, EVP_sha256 (), NULL);
  if (OBJ_obj2nid (TS_MSG_IMPRINT_get_algo (imprint)->algorithm) != NID_sha256 ||
      ASN1_STRING_length (message) != (int) digest_len ||
      memcmp (ASN1_STRING_get0_data (message), digest, digest_len) != 0) {
    TS_RESP_free (resp);
    g_set_error_literal (error, CL_SIGN_ERROR, CL_SIGN_ERROR_TIMESTAMP,
                         _("The time-stamp token covers different data than requested"));
    return NULL;
  }
  if (!nonce_matches (TS_TST_INFO_get_nonce (info), nonce)) {
    TS_RESP_free (resp);
    g_set_error_literal (error, CL_SIGN_ERROR, CL_SIGN_ERROR_TIMESTAMP,
                         _("The time-stamp token does not answer our request (nonce differs)"));
    return NULL;
  }
  der_len = i2d_PKCS7 (token, &der);
  TS_RESP_free (resp);
  if (der_len <= 0) {
    ERR_clear_error ();
    g_set_error_literal (error, CL_SIGN_ERROR, CL_SIGN_ERROR_TIMESTAMP,
                         _("The time-stamp token could not be encoded"));
    return NULL;
  }
  bytes = g_bytes_new (der, der_len);
  OPENSSL_free (der);
  return bytes;
}


GBytes *
cl_tsa_client_timestamp (const char    *url,
                         const guint8  *data,
                         gsize          data_len,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(ClHttpSession) session = NULL;
  g_autoptr(GBytes) request = NULL;
  g_autoptr(GBytes) reply = NULL;
  g_auto(ClHttpResponse) response = { 0, };
  g_autoptr(GError) local_error = NULL;
  ClHttpRequest http = {
    .method = CL_HTTP_POST,
    .url = url,
    .content_type = "application/timestamp-query",
    /* A token is a few KiB. */
    .max_bytes = MAX_RESPONSE_SIZE,
  };
  guint64 nonce = 0;

  if (!cl_http_url_is_http (url)) {
    g_set_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_TIMESTAMP,
                 _("“%s” is not an http or https address of a time-stamp server"), url);
    return NULL;
  }
  request = cl_tsa_request_encode (data, data_len, &nonce);
  http.body = request;
  session = cl_http_session_new (TSA_TIMEOUT_SECONDS);
  reply = cl_http_session_send (session, &http, &response, cancellable, &local_error);
  if (reply == NULL) {
    if (g_error_matches (local_error, CL_HTTP_ERROR, CL_HTTP_ERROR_STATUS))
      g_set_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_TIMESTAMP,
                   _("The time-stamp server %s answered HTTP %u"), url, response.status);
    else if (g_error_matches (local_error, CL_HTTP_ERROR, CL_HTTP_ERROR_TOO_LARGE))
      g_set_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_TIMESTAMP,
                   _("The time-stamp server %s sent a response that is too large"), url);
    else if (response.status != 0)
      g_set_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_TIMESTAMP,
                   _("The time-stamp server %s stopped answering: %s"), url,
                   local_error->message);
    else
      g_set_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_TIMESTAMP,
                   _("Cannot reach the time-stamp server %s: %s"), url, local_error->message);
    return NULL;
  }
  if (response.content_type != NULL &&
      g_ascii_strcasecmp (response.content_type, "application/timestamp-reply") != 0) {
    g_set_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_TIMESTAMP,
                 _("The time-stamp server %s answered with %s instead of a time-stamp reply"),
                 url, response.content_type);
    return NULL;
  }
  return cl_tsa_response_parse (g_bytes_get_data (reply, NULL), g_bytes_get_size (reply), data,
                                data_len, nonce, error);
}
