/* cl-test-identity.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <openssl/err.h>
#include <openssl/rand.h>
#include <openssl/x509v3.h>

#include "cl-error.h"
#include "cl-test-identity.h"

#define COUNTRY "XX"   /* ISO 3166 user-assigned code: no real country */


static EVP_PKEY *
generate_key (ClCoseAlg alg)
{
  switch (alg) {
  case CL_COSE_ALG_ES256:
    return EVP_PKEY_Q_keygen (NULL, NULL, "EC", "P-256");
  case CL_COSE_ALG_ES384:
    return EVP_PKEY_Q_keygen (NULL, NULL, "EC", "P-384");
  case CL_COSE_ALG_ES512:
    return EVP_PKEY_Q_keygen (NULL, NULL, "EC", "P-521");
  case CL_COSE_ALG_PS256:
  case CL_COSE_ALG_PS384:
  case CL_COSE_ALG_PS512:
    return EVP_PKEY_Q_keygen (NULL, NULL, "RSA", (size_t) 2048);
  case CL_COSE_ALG_EDDSA:
    return EVP_PKEY_Q_keygen (NULL, NULL, "ED25519");
  default:
    return NULL;
  }
}


static gboolean
add_extension (X509       *cert,
               X509V3_CTX *ctx,
               int         nid,
               const char *value)
{
  X509_EXTENSION *ext = X509V3_EXT_conf_nid (NULL, ctx, nid, value);
  gboolean ok = ext != NULL && X509_add_ext (cert, ext, -1) == 1;

  X509_EXTENSION_free (ext);
  return ok;
}


static gboolean
set_name (X509_NAME  *name,
          const char *common_name)
{
  return X509_NAME_add_entry_by_txt (name, "C", MBSTRING_UTF8, (const guchar *) COUNTRY,
                                     -1, -1, 0) == 1 &&
         X509_NAME_add_entry_by_txt (name, "O", MBSTRING_UTF8,
                                     (const guchar *) CL_TEST_IDENTITY_ORGANIZATION,
                                     -1, -1, 0) == 1 &&
         X509_NAME_add_entry_by_txt (name, "CN", MBSTRING_UTF8, (const guchar *) common_name,
                                     -1, -1, 0) == 1;
}


/* The digest that goes with the issuer's key: each curve with its own hash
 * (c2pa-rs does not build chains through P-521 certificates signed with SHA-256),
 * none for Ed25519. */
static const EVP_MD *
certificate_digest (EVP_PKEY *issuer_key)
{
  if (EVP_PKEY_is_a (issuer_key, "ED25519"))
    return NULL;
  if (EVP_PKEY_is_a (issuer_key, "EC")) {
    int bits = EVP_PKEY_get_bits (issuer_key);

    if (bits > 384)
      return EVP_sha512 ();
    if (bits > 256)
      return EVP_sha384 ();
  }
  return EVP_sha256 ();
}


static X509 *
make_certificate (const char *common_name,
                  EVP_PKEY   *subject_key,
                  X509       *issuer,       /* NULL: self-signed */
                  EVP_PKEY   *issuer_key,
                  GDateTime  *not_before,
                  GDateTime  *not_after,
                  gboolean    is_ca)
{
  X509 *cert = X509_new ();
  X509V3_CTX ctx;
  guint8 serial_bytes[16];
  BIGNUM *serial = NULL;
  const EVP_MD *md = certificate_digest (issuer_key);
  gboolean ok;

  ok = cert != NULL && RAND_bytes (serial_bytes, sizeof serial_bytes) == 1;
  serial_bytes[0] &= 0x7F;   /* positive */
  serial_bytes[0] |= 0x40;   /* and 16 bytes long */
  ok = ok && (serial = BN_bin2bn (serial_bytes, sizeof serial_bytes, NULL)) != NULL &&
       BN_to_ASN1_INTEGER (serial, X509_get_serialNumber (cert)) != NULL &&
       X509_set_version (cert, X509_VERSION_3) == 1 &&
       ASN1_TIME_set (X509_getm_notBefore (cert), (time_t) g_date_time_to_unix (not_before)) &&
       ASN1_TIME_set (X509_getm_notAfter (cert), (time_t) g_date_time_to_unix (not_after)) &&
       set_name (X509_get_subject_name (cert), common_name) &&
       X509_set_issuer_name (cert, issuer != NULL ? X509_get_subject_name (issuer)
                                                  : X509_get_subject_name (cert)) == 1 &&
       X509_set_pubkey (cert, subject_key) == 1;
  BN_free (serial);

  if (ok) {
    X509V3_set_ctx (&ctx, issuer != NULL ? issuer : cert, cert, NULL, NULL, 0);
    if (is_ca) {
      ok = add_extension (cert, &ctx, NID_basic_constraints, "critical,CA:TRUE,pathlen:0") &&
           add_extension (cert, &ctx, NID_key_usage, "critical,keyCertSign,cRLSign") &&
           add_extension (cert, &ctx, NID_subject_key_identifier, "hash");
    } else {
      /* C2PA 2.2 §14.5.1 and the conformance profile: claim signing plus a
       * legacy-compatible EKU, critical digitalSignature, not a CA. */
      ok = add_extension (cert, &ctx, NID_basic_constraints, "critical,CA:FALSE") &&
           add_extension (cert, &ctx, NID_key_usage, "critical,digitalSignature") &&
           add_extension (cert, &ctx, NID_ext_key_usage,
                          "1.3.6.1.4.1.62558.2.1,emailProtection") &&
           add_extension (cert, &ctx, NID_subject_key_identifier, "hash") &&
           add_extension (cert, &ctx, NID_authority_key_identifier, "keyid:always");
    }
  }
  ok = ok && X509_sign (cert, issuer_key, md) > 0;
  if (!ok) {
    X509_free (cert);
    return NULL;
  }
  return cert;
}


ClSigningProfile *
cl_test_identity_create (const char  *name,
                         ClCoseAlg    alg,
                         GDateTime   *not_before,
                         GDateTime   *not_after,
                         GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) default_start = g_date_time_add_hours (now, -1);
  g_autoptr(GDateTime) default_end = g_date_time_add_days (now, CL_TEST_IDENTITY_DEFAULT_DAYS);
  g_autofree char *ca_name = g_strdup_printf ("%s test CA", name);
  EVP_PKEY *ca_key = generate_key (alg);
  EVP_PKEY *leaf_key = generate_key (alg);
  X509 *ca = NULL;
  X509 *leaf = NULL;
  STACK_OF (X509) *chain = NULL;
  ClSigningProfile *profile = NULL;

  if (not_before == NULL)
    not_before = default_start;
  if (not_after == NULL)
    not_after = default_end;

  if (ca_key == NULL || leaf_key == NULL) {
    ERR_clear_error ();
    g_set_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_PROFILE,
                 _("Cannot create %s keys"),
                 cl_cose_alg_to_string (alg) != NULL ? cl_cose_alg_to_string (alg) : "?");
    goto out;
  }
  ca = make_certificate (ca_name, ca_key, NULL, ca_key, not_before, not_after, TRUE);
  leaf = ca != NULL ? make_certificate (name, leaf_key, ca, ca_key, not_before, not_after, FALSE)
                    : NULL;
  if (leaf == NULL) {
    ERR_clear_error ();
    g_set_error_literal (error, CL_SIGN_ERROR, CL_SIGN_ERROR_PROFILE,
                         _("Cannot create the test certificates"));
    goto out;
  }
  chain = sk_X509_new_null ();
  X509_up_ref (leaf);
  X509_up_ref (ca);
  sk_X509_push (chain, leaf);
  sk_X509_push (chain, ca);
  profile = cl_signing_profile_new (name, chain, leaf_key, error);
  if (profile != NULL)
    cl_signing_profile_set_test_ca (profile, ca);

out:
  sk_X509_pop_free (chain, X509_free);
  X509_free (leaf);
  X509_free (ca);
  EVP_PKEY_free (ca_key);
  EVP_PKEY_free (leaf_key);
  return profile;
}
