/* test-timestamp.c: RFC 3161 tokens made in the test by an OpenSSL time-stamp authority
 * (its own CA and TSA certificates), checked by cl_timestamp_verify.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <openssl/ts.h>
#include <openssl/x509v3.h>

#include "cl-status.h"
#include "cl-test-pki.h"
#include "cl-timestamp.h"

typedef struct {
  ClTestCred *ca_cred, *tsa_cred;
  EVP_PKEY   *ca_key, *tsa_key;   /* borrowed from the credentials */
  X509       *ca, *tsa;
} Tsa;


static void
tsa_init (Tsa *tsa)
{
  ClTestCertSpec root = { .cn = "Test TSA Root", .ca = TRUE, .key_usage = "critical,keyCertSign" };
  ClTestCertSpec leaf = { .cn = "Test TSA", .ext_key_usage = "critical,timeStamping" };

  tsa->ca_cred = cl_test_cred_new (&root);
  leaf.issuer = tsa->ca_cred;
  tsa->tsa_cred = cl_test_cred_new (&leaf);
  tsa->ca_key = tsa->ca_cred->key;
  tsa->tsa_key = tsa->tsa_cred->key;
  tsa->ca = tsa->ca_cred->cert;
  tsa->tsa = tsa->tsa_cred->cert;
}


static void
tsa_clear (Tsa *tsa)
{
  cl_test_cred_free (tsa->tsa_cred);
  cl_test_cred_free (tsa->ca_cred);
}


static ASN1_INTEGER *
serial_cb (TS_RESP_CTX *ctx,
           void        *data)
{
  ASN1_INTEGER *serial = ASN1_INTEGER_new ();

  ASN1_INTEGER_set (serial, 7);
  return serial;
}


/* A TimeStampResp (as_token FALSE) or TimeStampToken over SHA-256(data). */
static GBytes *
stamp (Tsa          *tsa,
       const guint8 *data,
       gsize         len,
       gboolean      as_token)
{
  TS_REQ *req = TS_REQ_new ();
  TS_MSG_IMPRINT *imprint = TS_MSG_IMPRINT_new ();
  X509_ALGOR *algo = X509_ALGOR_new ();
  TS_RESP_CTX *ctx = TS_RESP_CTX_new ();
  ASN1_OBJECT *policy = OBJ_txt2obj ("1.2.3.4.1", 1);
  unsigned char digest[32], *der = NULL, *req_der = NULL;
  int req_len, der_len;
  BIO *req_bio;
  TS_RESP *resp;
  GBytes *out;

  EVP_Digest (data, len, digest, NULL, EVP_sha256 (), NULL);
  X509_ALGOR_set0 (algo, OBJ_nid2obj (NID_sha256), V_ASN1_NULL, NULL);
  TS_MSG_IMPRINT_set_algo (imprint, algo);
  TS_MSG_IMPRINT_set_msg (imprint, digest, 32);
  TS_REQ_set_version (req, 1);
  TS_REQ_set_msg_imprint (req, imprint);
  TS_REQ_set_cert_req (req, 1);
  req_len = i2d_TS_REQ (req, &req_der);
  req_bio = BIO_new_mem_buf (req_der, req_len);

  g_assert_cmpint (TS_RESP_CTX_set_signer_cert (ctx, tsa->tsa), ==, 1);
  g_assert_cmpint (TS_RESP_CTX_set_signer_key (ctx, tsa->tsa_key), ==, 1);
  g_assert_cmpint (TS_RESP_CTX_set_def_policy (ctx, policy), ==, 1);
  TS_RESP_CTX_add_md (ctx, EVP_sha256 ());
  TS_RESP_CTX_set_serial_cb (ctx, serial_cb, NULL);
  resp = TS_RESP_create_response (ctx, req_bio);
  g_assert_nonnull (resp);
  g_assert_nonnull (TS_RESP_get_token (resp));
  der_len = as_token ? i2d_PKCS7 (TS_RESP_get_token (resp), &der) : i2d_TS_RESP (resp, &der);
  g_assert_cmpint (der_len, >, 0);
  out = g_bytes_new (der, der_len);

  OPENSSL_free (der);
  OPENSSL_free (req_der);
  BIO_free (req_bio);
  TS_RESP_free (resp);
  TS_RESP_CTX_free (ctx);
  ASN1_OBJECT_free (policy);
  X509_ALGOR_free (algo);
  TS_MSG_IMPRINT_free (imprint);
  TS_REQ_free (req);
  return out;
}


static gboolean
has_code (ClTimestampResult *r,
          const char        *code)
{
  for (guint i = 0; i < r->statuses->len; i++) {
    if (g_str_equal (((ClStatus *) g_ptr_array_index (r->statuses, i))->code, code))
      return TRUE;
  }
  return FALSE;
}


static void
test_token_trust (void)
{
  static const char data[] = "CounterSignature bytes";
  Tsa tsa;
  g_autoptr(GBytes) token = NULL;
  g_autoptr(ClTimestampResult) untrusted = NULL, trusted = NULL, legacy = NULL;
  X509_STORE *anchors = X509_STORE_new ();
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  tsa_init (&tsa);
  token = stamp (&tsa, (const guint8 *) data, sizeof data, TRUE);

  /* No anchors: validated (imprint, signature, validity) but untrusted. */
  untrusted = cl_timestamp_verify (g_bytes_get_data (token, NULL), g_bytes_get_size (token),
                                   (const guint8 *) data, sizeof data, TRUE, NULL);
  g_assert_true (untrusted->validated);
  g_assert_false (untrusted->trusted);
  g_assert_true (has_code (untrusted, "timeStamp.validated"));
  g_assert_true (has_code (untrusted, "timeStamp.untrusted"));
  g_assert_cmpint (ABS (untrusted->gen_time - now), <, 120);
  g_assert_cmpstr (untrusted->tsa_name, ==, "Test TSA");

  /* The TSA's root as anchor: trusted. */
  X509_STORE_add_cert (anchors, tsa.ca);
  trusted = cl_timestamp_verify (g_bytes_get_data (token, NULL), g_bytes_get_size (token),
                                 (const guint8 *) data, sizeof data, TRUE, anchors);
  g_assert_true (trusted->trusted);
  g_assert_true (has_code (trusted, "timeStamp.trusted"));

  /* c2pa-rs skips TSA trust for v1 claims. */
  legacy = cl_timestamp_verify (g_bytes_get_data (token, NULL), g_bytes_get_size (token),
                                (const guint8 *) data, sizeof data, FALSE, NULL);
  g_assert_true (legacy->trusted);

  X509_STORE_free (anchors);
  tsa_clear (&tsa);
}


static void
test_response_and_mismatch (void)
{
  static const char data[] = "claim bytes";
  static const char other[] = "claim bytez";
  Tsa tsa;
  g_autoptr(GBytes) resp = NULL;
  g_autoptr(ClTimestampResult) ok = NULL, bad = NULL, garbage = NULL;

  tsa_init (&tsa);
  /* v1 stores the whole TimeStampResp: accepted too. */
  resp = stamp (&tsa, (const guint8 *) data, sizeof data, FALSE);
  ok = cl_timestamp_verify (g_bytes_get_data (resp, NULL), g_bytes_get_size (resp),
                            (const guint8 *) data, sizeof data, TRUE, NULL);
  g_assert_true (ok->validated);

  bad = cl_timestamp_verify (g_bytes_get_data (resp, NULL), g_bytes_get_size (resp),
                             (const guint8 *) other, sizeof other, TRUE, NULL);
  g_assert_false (bad->validated);
  g_assert_true (has_code (bad, "timeStamp.mismatch"));

  garbage = cl_timestamp_verify ((const guint8 *) "\x30\x03\x02\x01\x00", 5,
                                 (const guint8 *) data, sizeof data, TRUE, NULL);
  g_assert_false (garbage->validated);
  g_assert_true (has_code (garbage, "timeStamp.malformed"));
  tsa_clear (&tsa);
}


static void
test_countersign_data (void)
{
  static const guint8 protected_hdr[] = { 0xA1, 0x01, 0x26 };
  static const guint8 sig[] = { 1, 2, 3 };
  static const guint8 claim[] = { 0xA0 };
  g_autoptr(GBytes) p = g_bytes_new_static (protected_hdr, sizeof protected_hdr);
  g_autoptr(GBytes) s = g_bytes_new_static (sig, sizeof sig);
  g_autoptr(GBytes) c = g_bytes_new_static (claim, sizeof claim);
  g_autoptr(GBytes) v2 = cl_timestamp_countersign_data (2, p, c, s);
  g_autoptr(GBytes) v1 = cl_timestamp_countersign_data (1, p, c, s);
  /* ["CounterSignature", h'A10126', h'', payload]; v2 payload = CBOR of h'010203'. */
  static const guint8 expected_v2_tail[] = { 0x40, 0x44, 0x43, 1, 2, 3 };
  static const guint8 expected_v1_tail[] = { 0x40, 0x41, 0xA0 };
  gsize len;
  const guint8 *d = g_bytes_get_data (v2, &len);

  g_assert_cmpuint (d[0], ==, 0x84);
  g_assert_cmpmem (d + len - sizeof expected_v2_tail, sizeof expected_v2_tail,
                   expected_v2_tail, sizeof expected_v2_tail);
  d = g_bytes_get_data (v1, &len);
  g_assert_cmpmem (d + len - sizeof expected_v1_tail, sizeof expected_v1_tail,
                   expected_v1_tail, sizeof expected_v1_tail);
}


int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/timestamp/token-trust", test_token_trust);
  g_test_add_func ("/timestamp/response-and-mismatch", test_response_and_mismatch);
  g_test_add_func ("/timestamp/countersign-data", test_countersign_data);
  return g_test_run ();
}
