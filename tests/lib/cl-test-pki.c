/* cl-test-pki.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdarg.h>
#include <string.h>
#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/ts.h>
#include <openssl/x509v3.h>

#include "cl-test-pki.h"

static EVP_PKEY *
make_key (const char *type)
{
  if (type == NULL || g_str_equal (type, "P-256"))
    return EVP_PKEY_Q_keygen (NULL, NULL, "EC", "P-256");
  if (g_str_equal (type, "P-384"))
    return EVP_PKEY_Q_keygen (NULL, NULL, "EC", "P-384");
  if (g_str_equal (type, "secp256k1"))
    return EVP_PKEY_Q_keygen (NULL, NULL, "EC", "secp256k1");
  if (g_str_equal (type, "RSA-2048"))
    return EVP_PKEY_Q_keygen (NULL, NULL, "RSA", (size_t) 2048);
  if (g_str_equal (type, "RSA-1024"))
    return EVP_PKEY_Q_keygen (NULL, NULL, "RSA", (size_t) 1024);
  if (g_str_equal (type, "ED25519"))
    return EVP_PKEY_Q_keygen (NULL, NULL, "ED25519");
  g_error ("unknown test key type %s", type);
  return NULL;
}


/* The conformance profiles' c2pa-cpl-record extension: a UTF8String holding a UUID. */
static void
add_cpl_record (X509       *cert,
                const char *uuid)
{
  ASN1_OBJECT *oid = OBJ_txt2obj ("1.3.6.1.4.1.62558.4", 1);
  ASN1_UTF8STRING *text = ASN1_UTF8STRING_new ();
  ASN1_OCTET_STRING *value = ASN1_OCTET_STRING_new ();
  unsigned char *der = NULL;
  int der_len;
  X509_EXTENSION *ext;

  g_assert_cmpint (ASN1_STRING_set (text, uuid, -1), ==, 1);
  der_len = i2d_ASN1_UTF8STRING (text, &der);
  g_assert_cmpint (der_len, >, 0);
  g_assert_cmpint (ASN1_OCTET_STRING_set (value, der, der_len), ==, 1);
  ext = X509_EXTENSION_create_by_OBJ (NULL, oid, 0, value);
  g_assert_nonnull (ext);
  g_assert_cmpint (X509_add_ext (cert, ext, -1), ==, 1);
  X509_EXTENSION_free (ext);
  OPENSSL_free (der);
  ASN1_OCTET_STRING_free (value);
  ASN1_UTF8STRING_free (text);
  ASN1_OBJECT_free (oid);
}


static void
add_ext (X509        *cert,
         X509V3_CTX  *ctx,
         int          nid,
         const char  *value)
{
  X509_EXTENSION *ext;

  if (value == NULL)
    return;
  ext = X509V3_EXT_nconf_nid (NULL, ctx, nid, value);
  g_assert_nonnull (ext);
  g_assert_cmpint (X509_add_ext (cert, ext, -1), ==, 1);
  X509_EXTENSION_free (ext);
}


ClTestCred *
cl_test_cred_new (const ClTestCertSpec *spec)
{
  ClTestCred *cred = g_new0 (ClTestCred, 1);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  X509_NAME *name = X509_NAME_new ();
  X509V3_CTX ctx;
  X509 *cert;
  EVP_PKEY *sign_key;
  BIGNUM *bn;
  g_autofree char *aia = NULL;
  g_autofree char *cdp = NULL;
  int key_id;

  cred->key = make_key (spec->key_type);
  g_assert_nonnull (cred->key);
  cert = cred->cert = X509_new ();
  X509_set_version (cert, X509_VERSION_3);

  bn = BN_new ();
  if (spec->serial != 0)
    BN_set_word (bn, (BN_ULONG) spec->serial);
  else
    BN_rand (bn, 63, BN_RAND_TOP_ONE, BN_RAND_BOTTOM_ANY);
  BN_to_ASN1_INTEGER (bn, X509_get_serialNumber (cert));
  BN_free (bn);

  ASN1_TIME_set (X509_getm_notBefore (cert), (time_t) (spec->not_before != 0 ? spec->not_before
                                                                              : now - 86400));
  ASN1_TIME_set (X509_getm_notAfter (cert), (time_t) (spec->not_after != 0 ? spec->not_after
                                                                            : now + 365 * 86400));

  X509_NAME_add_entry_by_txt (name, "C", MBSTRING_UTF8, (const guchar *) "US", -1, -1, 0);
  X509_NAME_add_entry_by_txt (name, "O", MBSTRING_UTF8,
                              (const guchar *) (spec->org != NULL ? spec->org : "CredLink Test"),
                              -1, -1, 0);
  X509_NAME_add_entry_by_txt (name, "CN", MBSTRING_UTF8, (const guchar *) spec->cn, -1, -1, 0);
  X509_set_subject_name (cert, name);
  X509_set_issuer_name (cert, spec->issuer != NULL ? X509_get_subject_name (spec->issuer->cert)
                                                   : name);
  X509_NAME_free (name);
  X509_set_pubkey (cert, cred->key);

  X509V3_set_ctx (&ctx, spec->issuer != NULL ? spec->issuer->cert : cert, cert, NULL, NULL, 0);
  add_ext (cert, &ctx, NID_basic_constraints, spec->ca ? "critical,CA:TRUE" : "critical,CA:FALSE");
  add_ext (cert, &ctx, NID_key_usage, spec->key_usage);
  add_ext (cert, &ctx, NID_ext_key_usage, spec->ext_key_usage);
  add_ext (cert, &ctx, NID_subject_key_identifier, "hash");
  if (!spec->no_aki)
    add_ext (cert, &ctx, NID_authority_key_identifier, "keyid:always");
  if (spec->ocsp_url != NULL) {
    aia = g_strdup_printf ("OCSP;URI:%s", spec->ocsp_url);
    add_ext (cert, &ctx, NID_info_access, aia);
  }
  if (spec->crl_url != NULL) {
    cdp = g_strdup_printf ("URI:%s", spec->crl_url);
    add_ext (cert, &ctx, NID_crl_distribution_points, cdp);
  }
  if (spec->cpl_record != NULL)
    add_cpl_record (cert, spec->cpl_record);

  sign_key = spec->issuer != NULL ? spec->issuer->key : cred->key;
  key_id = EVP_PKEY_get_base_id (sign_key);
  g_assert_cmpint (X509_sign (cert, sign_key, key_id == EVP_PKEY_ED25519 ? NULL : EVP_sha256 ()),
                   >, 0);
  return cred;
}


void
cl_test_cred_free (ClTestCred *cred)
{
  if (cred == NULL)
    return;
  EVP_PKEY_free (cred->key);
  X509_free (cred->cert);
  g_free (cred);
}


GBytes *
cl_test_cred_der (const ClTestCred *cred)
{
  unsigned char *buf = NULL;
  int len = i2d_X509 (cred->cert, &buf);
  GBytes *bytes;

  g_assert_cmpint (len, >, 0);
  bytes = g_bytes_new (buf, (gsize) len);
  OPENSSL_free (buf);
  return bytes;
}


ClTestPki *
cl_test_pki_new (const char *ocsp_url,
                 const char *crl_url)
{
  ClTestPki *pki = g_new0 (ClTestPki, 1);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  /* CAs outlive their leaves, so leaves may be back- or post-dated freely. */
  gint64 ca_from = now - 2 * 365 * 86400, ca_until = now + 5 * 365 * 86400;

  pki->root = cl_test_cred_new (&(ClTestCertSpec) {
    .cn = "CredLink Test Root", .ca = TRUE, .key_usage = "critical,keyCertSign,cRLSign",
    .not_before = ca_from, .not_after = ca_until,
  });
  pki->intermediate = cl_test_cred_new (&(ClTestCertSpec) {
    .cn = "CredLink Test Intermediate", .issuer = pki->root, .ca = TRUE,
    .key_usage = "critical,keyCertSign,cRLSign", .not_before = ca_from, .not_after = ca_until,
  });
  pki->signer = cl_test_cred_new (&(ClTestCertSpec) {
    .cn = "CredLink Test Signer", .org = "CredLink Newsroom", .issuer = pki->intermediate,
    .key_usage = "critical,digitalSignature,nonRepudiation",
    .ext_key_usage = "emailProtection,1.3.6.1.4.1.62558.2.1",
    .ocsp_url = ocsp_url, .crl_url = crl_url,
  });
  pki->tsa = cl_test_cred_new (&(ClTestCertSpec) {
    .cn = "CredLink Test TSA", .issuer = pki->intermediate,
    .key_usage = "critical,digitalSignature", .ext_key_usage = "critical,timeStamping",
  });
  pki->responder = cl_test_cred_new (&(ClTestCertSpec) {
    .cn = "CredLink Test OCSP Responder", .issuer = pki->intermediate,
    .key_usage = "critical,digitalSignature", .ext_key_usage = "OCSPSigning",
  });
  return pki;
}


void
cl_test_pki_free (ClTestPki *pki)
{
  if (pki == NULL)
    return;
  cl_test_cred_free (pki->root);
  cl_test_cred_free (pki->intermediate);
  cl_test_cred_free (pki->signer);
  cl_test_cred_free (pki->tsa);
  cl_test_cred_free (pki->responder);
  g_free (pki);
}


GPtrArray *
cl_test_chain_der (const ClTestCred *first,
                   ...)
{
  GPtrArray *chain = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  va_list args;

  va_start (args, first);
  for (const ClTestCred *cred = first; cred != NULL; cred = va_arg (args, const ClTestCred *))
    g_ptr_array_add (chain, cl_test_cred_der (cred));
  va_end (args);
  return chain;
}


ClSigningProfile *
cl_test_pki_profile (const ClTestPki *pki,
                     const char      *name)
{
  g_autoptr(GError) error = NULL;
  STACK_OF (X509) *chain = sk_X509_new_null ();
  ClSigningProfile *profile;

  sk_X509_push (chain, pki->signer->cert);
  sk_X509_push (chain, pki->intermediate->cert);
  sk_X509_push (chain, pki->root->cert);
  profile = cl_signing_profile_new (name, chain, pki->signer->key, &error);
  sk_X509_free (chain);
  g_assert_no_error (error);
  return profile;
}


void
cl_test_write_pem (const char       *path,
                   const ClTestCred *first,
                   ...)
{
  BIO *bio = BIO_new_file (path, "w");
  va_list args;

  g_assert_nonnull (bio);
  va_start (args, first);
  for (const ClTestCred *cred = first; cred != NULL; cred = va_arg (args, const ClTestCred *))
    PEM_write_bio_X509 (bio, cred->cert);
  va_end (args);
  BIO_free (bio);
}


static ASN1_TIME *
asn1_time (gint64 t)
{
  return t != 0 ? ASN1_GENERALIZEDTIME_set (NULL, (time_t) t) : NULL;
}


GBytes *
cl_test_ocsp_response (X509             *cert,
                       X509             *issuer,
                       const ClTestCred *signer,
                       int               status,
                       gint64            revoked_at,
                       int               reason,
                       gint64            this_update,
                       gint64            next_update,
                       OCSP_REQUEST     *request)
{
  OCSP_BASICRESP *basic = OCSP_BASICRESP_new ();
  OCSP_CERTID *id = OCSP_cert_to_id (EVP_sha1 (), cert, issuer);
  ASN1_TIME *tu = asn1_time (this_update);
  ASN1_TIME *nu = asn1_time (next_update);
  ASN1_TIME *rt = status == V_OCSP_CERTSTATUS_REVOKED ? asn1_time (revoked_at) : NULL;
  OCSP_RESPONSE *resp;
  unsigned char *der = NULL;
  int len;
  GBytes *bytes;

  g_assert_nonnull (OCSP_basic_add1_status (basic, id, status, reason, rt, tu, nu));
  if (request != NULL)
    OCSP_copy_nonce (basic, request);
  g_assert_cmpint (OCSP_basic_sign (basic, signer->cert, signer->key, EVP_sha256 (), NULL, 0), ==, 1);
  resp = OCSP_response_create (OCSP_RESPONSE_STATUS_SUCCESSFUL, basic);
  len = i2d_OCSP_RESPONSE (resp, &der);
  g_assert_cmpint (len, >, 0);
  bytes = g_bytes_new (der, (gsize) len);
  OPENSSL_free (der);
  OCSP_RESPONSE_free (resp);
  OCSP_BASICRESP_free (basic);
  OCSP_CERTID_free (id);
  ASN1_TIME_free (tu);
  ASN1_TIME_free (nu);
  ASN1_TIME_free (rt);
  return bytes;
}


GBytes *
cl_test_crl (const ClTestCred *issuer,
             X509             *revoked,
             gint64            revoked_at,
             int               reason,
             gint64            this_update,
             gint64            next_update)
{
  X509_CRL *crl = X509_CRL_new ();
  ASN1_TIME *tu = ASN1_TIME_set (NULL, (time_t) this_update);
  ASN1_TIME *nu = ASN1_TIME_set (NULL, (time_t) next_update);
  unsigned char *der = NULL;
  int len;
  GBytes *bytes;

  X509_CRL_set_version (crl, X509_CRL_VERSION_2);
  X509_CRL_set_issuer_name (crl, X509_get_subject_name (issuer->cert));
  X509_CRL_set1_lastUpdate (crl, tu);
  X509_CRL_set1_nextUpdate (crl, nu);
  if (revoked != NULL) {
    X509_REVOKED *entry = X509_REVOKED_new ();
    ASN1_TIME *rt = ASN1_TIME_set (NULL, (time_t) revoked_at);

    X509_REVOKED_set_serialNumber (entry, (ASN1_INTEGER *) X509_get0_serialNumber (revoked));
    X509_REVOKED_set_revocationDate (entry, rt);
    if (reason >= 0) {
      ASN1_ENUMERATED *code = ASN1_ENUMERATED_new ();

      ASN1_ENUMERATED_set (code, reason);
      X509_REVOKED_add1_ext_i2d (entry, NID_crl_reason, code, 0, 0);
      ASN1_ENUMERATED_free (code);
    }
    X509_CRL_add0_revoked (crl, entry);
    ASN1_TIME_free (rt);
  }
  X509_CRL_sort (crl);
  g_assert_cmpint (X509_CRL_sign (crl, issuer->key, EVP_sha256 ()), >, 0);
  len = i2d_X509_CRL (crl, &der);
  g_assert_cmpint (len, >, 0);
  bytes = g_bytes_new (der, (gsize) len);
  OPENSSL_free (der);
  X509_CRL_free (crl);
  ASN1_TIME_free (tu);
  ASN1_TIME_free (nu);
  return bytes;
}


static int
fixed_time_cb (TS_RESP_CTX *ctx,
               void        *data,
               long        *sec,
               long        *usec)
{
  *sec = (long) *(gint64 *) data;
  *usec = 0;
  return 1;
}


GBytes *
cl_test_tsa_response (const ClTestPki *pki,
                      GBytes          *request,
                      gint64           gen_time)
{
  TS_RESP_CTX *ctx = TS_RESP_CTX_new ();
  ASN1_OBJECT *policy = OBJ_txt2obj ("1.3.6.1.4.1.99999.2.1", 1);
  STACK_OF(X509) *certs = sk_X509_new_null ();
  BIO *req_bio = BIO_new_mem_buf (g_bytes_get_data (request, NULL), (int) g_bytes_get_size (request));
  TS_RESP *resp;
  unsigned char *der = NULL;
  GBytes *bytes = NULL;
  int len;

  sk_X509_push (certs, pki->intermediate->cert);
  TS_RESP_CTX_set_signer_cert (ctx, pki->tsa->cert);
  TS_RESP_CTX_set_signer_key (ctx, pki->tsa->key);
  TS_RESP_CTX_set_signer_digest (ctx, EVP_sha256 ());
  TS_RESP_CTX_set_certs (ctx, certs);
  TS_RESP_CTX_set_def_policy (ctx, policy);
  TS_RESP_CTX_add_md (ctx, EVP_sha256 ());
  TS_RESP_CTX_add_md (ctx, EVP_sha384 ());
  TS_RESP_CTX_add_md (ctx, EVP_sha512 ());
  TS_RESP_CTX_set_time_cb (ctx, fixed_time_cb, &gen_time);

  resp = TS_RESP_create_response (ctx, req_bio);
  if (resp != NULL &&
      ASN1_INTEGER_get (TS_STATUS_INFO_get0_status (TS_RESP_get_status_info (resp))) == TS_STATUS_GRANTED &&
      (len = i2d_TS_RESP (resp, &der)) > 0) {
    bytes = g_bytes_new (der, (gsize) len);
    OPENSSL_free (der);
  }
  ERR_clear_error ();
  TS_RESP_free (resp);
  BIO_free (req_bio);
  sk_X509_free (certs);
  ASN1_OBJECT_free (policy);
  TS_RESP_CTX_free (ctx);
  return bytes;
}
