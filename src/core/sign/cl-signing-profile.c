/* cl-signing-profile.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/pkcs12.h>
#include <openssl/provider.h>
#include <openssl/x509v3.h>

#include "cl-cert-profile-check.h"
#include "cl-error.h"
#include "cl-key-unlock.h"
#include "cl-signing-profile.h"
#include "cl-trust-result.h"

#define OID_C2PA_CLAIM_SIGNING "1.3.6.1.4.1.62558.2.1"
#define OID_EMAIL_PROTECTION   "1.3.6.1.5.5.7.3.4"
#define OID_DOCUMENT_SIGNING   "1.3.6.1.5.5.7.3.36"
#define OID_MS_C2PA_SIGNING    "1.3.6.1.4.1.311.76.59.1.9"
#define OID_TIME_STAMPING      "1.3.6.1.5.5.7.3.8"
#define OID_OCSP_SIGNING       "1.3.6.1.5.5.7.3.9"
#define OID_ANY_EKU            "2.5.29.37.0"

struct _ClProfile {
  gatomicrefcount   ref_count;
  char             *name;
  STACK_OF (X509)  *chain;   /* leaf first */
  EVP_PKEY         *key;     /* NULL until unlocked */
  ClKeyUnlock      *unlocking; /* the key, being unlocked on a thread; or NULL */
  X509             *test_ca;
  ClPkcs11KeyRef   *token;    /* where the key is, when it stays on a token */
  ClPkcs11Session  *session;  /* holds the token's key (after key is freed) */
};


static void
set_openssl_error (GError     **error,
                   gint         code,
                   const char  *what)
{
  unsigned long err = ERR_peek_last_error ();
  char detail[256] = "";

  if (err != 0)
    ERR_error_string_n (err, detail, sizeof detail);
  ERR_clear_error ();
  if (detail[0] != '\0')
    g_set_error (error, CL_SIGN_ERROR, code, "%s (%s)", what, detail);
  else
    g_set_error_literal (error, CL_SIGN_ERROR, code, what);
}


static EVP_PKEY *
chain_public_key (STACK_OF (X509) *chain)
{
  return sk_X509_num (chain) > 0 ? X509_get0_pubkey (sk_X509_value (chain, 0)) : NULL;
}


ClSigningProfile *
cl_signing_profile_new (const char        *name,
                STACK_OF (X509)   *chain,
                EVP_PKEY          *key,
                GError           **error)
{
  ClSigningProfile *self;
  STACK_OF (X509) *ordered;
  int leaf_index = 0;

  if (chain == NULL || sk_X509_num (chain) == 0) {
    g_set_error_literal (error, CL_SIGN_ERROR, CL_SIGN_ERROR_PROFILE,
                         _("No certificate was found"));
    return NULL;
  }
  /* Put the certificate that belongs to the key first. */
  if (key != NULL) {
    leaf_index = -1;
    for (int i = 0; i < sk_X509_num (chain); i++) {
      if (EVP_PKEY_eq (X509_get0_pubkey (sk_X509_value (chain, i)), key) == 1) {
        leaf_index = i;
        break;
      }
    }
    ERR_clear_error ();
    if (leaf_index < 0) {
      g_set_error_literal (error, CL_SIGN_ERROR, CL_SIGN_ERROR_PROFILE,
                           _("The private key does not belong to any of the certificates"));
      return NULL;
    }
  }
  ordered = sk_X509_new_null ();
  X509_up_ref (sk_X509_value (chain, leaf_index));
  sk_X509_push (ordered, sk_X509_value (chain, leaf_index));
  for (int i = 0; i < sk_X509_num (chain); i++) {
    if (i != leaf_index) {
      X509_up_ref (sk_X509_value (chain, i));
      sk_X509_push (ordered, sk_X509_value (chain, i));
    }
  }
  if (cl_cose_alg_for_key (chain_public_key (ordered), CL_COSE_ALG_PS256) == CL_COSE_ALG_NONE) {
    sk_X509_pop_free (ordered, X509_free);
    g_set_error_literal (error, CL_SIGN_ERROR, CL_SIGN_ERROR_PROFILE,
                         _("The key type cannot sign Content Credentials (use ECDSA P-256, "
                           "P-384, P-521, RSA or Ed25519)"));
    return NULL;
  }

  self = g_new0 (ClSigningProfile, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->name = g_strdup (name);
  self->chain = ordered;
  if (key != NULL) {
    EVP_PKEY_up_ref (key);
    self->key = key;
  }
  return self;
}


/* OpenSSL must never prompt on the terminal: the passphrase comes from us. */
static int
passphrase_cb (char *buf,
               int   size,
               int   rwflag,
               void *user_data)
{
  const char *passphrase = user_data;
  gsize len;

  if (passphrase == NULL)
    return 0;
  len = strlen (passphrase);
  if (len > (gsize) size)
    return 0;
  memcpy (buf, passphrase, len);
  return (int) len;
}


/* What a file held, overwritten when it is freed. */
typedef struct {
  char  *data;
  gsize  len;
} WipedContents;


static void
wiped_contents_free (gpointer data)
{
  WipedContents *contents = data;

  OPENSSL_cleanse (contents->data, contents->len);
  g_free (contents->data);
  g_free (contents);
}


/* A private key (PEM, or inside a PKCS#12 bundle) must not linger in freed memory: the
 * bytes read are wiped when the GBytes goes, as passphrases are. */
static gboolean
read_file_bytes (const char  *path,
                 GBytes     **bytes,
                 GError     **error)
{
  WipedContents *contents = g_new0 (WipedContents, 1);

  if (!g_file_get_contents (path, &contents->data, &contents->len, error)) {
    g_free (contents);
    return FALSE;
  }
  *bytes = g_bytes_new_with_free_func (contents->data, contents->len, wiped_contents_free,
                                       contents);
  return TRUE;
}


ClSigningProfile *
cl_signing_profile_new_from_pem (const char  *name,
                         const char  *chain_path,
                         const char  *key_path,
                         const char  *passphrase,
                         GError     **error)
{
  g_autoptr(GBytes) chain_bytes = NULL;
  g_autoptr(GBytes) key_bytes = NULL;
  STACK_OF (X509) *chain = NULL;
  EVP_PKEY *key = NULL;
  BIO *bio;
  X509 *cert;
  ClSigningProfile *self;

  if (!read_file_bytes (chain_path, &chain_bytes, error) ||
      (key_path != NULL && !read_file_bytes (key_path, &key_bytes, error)))
    return NULL;

  chain = sk_X509_new_null ();
  bio = BIO_new_mem_buf (g_bytes_get_data (chain_bytes, NULL),
                         (int) g_bytes_get_size (chain_bytes));
  while ((cert = PEM_read_bio_X509 (bio, NULL, NULL, NULL)) != NULL)
    sk_X509_push (chain, cert);
  BIO_free (bio);
  ERR_clear_error ();
  if (sk_X509_num (chain) == 0) {
    sk_X509_free (chain);
    g_set_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_PROFILE,
                 _("“%s” holds no PEM certificate"), chain_path);
    return NULL;
  }

  if (key_path == NULL) {
    self = cl_signing_profile_new (name, chain, NULL, error);
    sk_X509_pop_free (chain, X509_free);
    return self;
  }

  bio = BIO_new_mem_buf (g_bytes_get_data (key_bytes, NULL), (int) g_bytes_get_size (key_bytes));
  key = PEM_read_bio_PrivateKey (bio, NULL, passphrase_cb, (void *) passphrase);
  BIO_free (bio);
  if (key == NULL) {
    sk_X509_pop_free (chain, X509_free);
    set_openssl_error (error, CL_SIGN_ERROR_PASSPHRASE,
                       passphrase != NULL && passphrase[0] != '\0'
                       ? _("The private key could not be read: wrong passphrase or not a PEM key")
                       : _("The private key could not be read (is it encrypted? then a "
                           "passphrase is needed)"));
    return NULL;
  }

  self = cl_signing_profile_new (name, chain, key, error);
  sk_X509_pop_free (chain, X509_free);
  EVP_PKEY_free (key);
  return self;
}


ClSigningProfile *
cl_signing_profile_new_from_pkcs12 (const char  *name,
                            const char  *p12_path,
                            const char  *passphrase,
                            GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  const unsigned char *p;
  PKCS12 *p12;
  EVP_PKEY *key = NULL;
  X509 *cert = NULL;
  STACK_OF (X509) *extra = NULL;
  STACK_OF (X509) *chain;
  ClSigningProfile *self;

  if (!read_file_bytes (p12_path, &bytes, error))
    return NULL;
  p = g_bytes_get_data (bytes, NULL);
  p12 = d2i_PKCS12 (NULL, &p, (long) g_bytes_get_size (bytes));
  if (p12 == NULL) {
    set_openssl_error (error, CL_SIGN_ERROR_PROFILE, _("The file is not a PKCS#12 bundle"));
    return NULL;
  }
  if (!PKCS12_verify_mac (p12, passphrase, -1)) {
    PKCS12_free (p12);
    ERR_clear_error ();
    g_set_error_literal (error, CL_SIGN_ERROR, CL_SIGN_ERROR_PASSPHRASE,
                         _("The passphrase of the PKCS#12 bundle is wrong"));
    return NULL;
  }
  if (!PKCS12_parse (p12, passphrase, &key, &cert, &extra)) {
    /* Bundles exported by older tools encrypt with RC2 or 3DES, which OpenSSL 3 keeps
     * in its legacy provider: load it (next to the default one) and try once more. */
    OSSL_PROVIDER *legacy;

    ERR_clear_error ();
    legacy = OSSL_PROVIDER_try_load (NULL, "legacy", 1);
    if (legacy != NULL) {
      PKCS12_parse (p12, passphrase, &key, &cert, &extra);
      OSSL_PROVIDER_unload (legacy);
    }
  }
  if (key == NULL || cert == NULL) {
    PKCS12_free (p12);
    EVP_PKEY_free (key);
    X509_free (cert);
    sk_X509_pop_free (extra, X509_free);
    set_openssl_error (error, CL_SIGN_ERROR_PROFILE,
                       _("The PKCS#12 bundle holds no usable key and certificate"));
    return NULL;
  }
  PKCS12_free (p12);

  chain = sk_X509_new_null ();
  sk_X509_push (chain, cert);
  for (int i = 0; extra != NULL && i < sk_X509_num (extra); i++) {
    X509_up_ref (sk_X509_value (extra, i));
    sk_X509_push (chain, sk_X509_value (extra, i));
  }
  sk_X509_pop_free (extra, X509_free);
  self = cl_signing_profile_new (name, chain, key, error);
  sk_X509_pop_free (chain, X509_free);
  EVP_PKEY_free (key);
  return self;
}


ClSigningProfile *
cl_signing_profile_ref (ClSigningProfile *self)
{
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}


void
cl_signing_profile_unref (ClSigningProfile *self)
{
  if (self == NULL || !g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_free (self->name);
  sk_X509_pop_free (self->chain, X509_free);
  EVP_PKEY_free (self->key);
  cl_key_unlock_free (self->unlocking);
  X509_free (self->test_ca);
  cl_pkcs11_session_free (self->session);
  cl_pkcs11_key_ref_free (self->token);
  g_free (self);
}


const char *
cl_signing_profile_get_name (ClSigningProfile *self)
{
  return self->name;
}


X509 *
cl_signing_profile_get_leaf (ClSigningProfile *self)
{
  return sk_X509_value (self->chain, 0);
}


STACK_OF (X509) *
cl_signing_profile_get_chain (ClSigningProfile *self)
{
  return self->chain;
}


EVP_PKEY *
cl_signing_profile_get_key (ClSigningProfile *self)
{
  return self->unlocking != NULL ? cl_key_unlock_get (self->unlocking, NULL) : self->key;
}


void
cl_signing_profile_unlock_later (ClSigningProfile *self,
                                 ClKeyUnlock      *unlocking)
{
  g_return_if_fail (self->key == NULL && self->unlocking == NULL);
  self->unlocking = unlocking;
}


gboolean
cl_signing_profile_wait_key (ClSigningProfile  *self,
                             GError           **error)
{
  if (self->unlocking != NULL)
    return cl_key_unlock_get (self->unlocking, error) != NULL;
  if (self->key == NULL)
    g_set_error_literal (error, CL_SIGN_ERROR, CL_SIGN_ERROR_PROFILE,
                         _("The private key is locked"));
  return self->key != NULL;
}


ClCoseAlg
cl_signing_profile_get_alg (ClSigningProfile *self)
{
  return cl_cose_alg_for_key (chain_public_key (self->chain), CL_COSE_ALG_PS256);
}


static gboolean
is_self_signed (X509 *cert)
{
  return (X509_get_extension_flags (cert) & EXFLAG_SS) != 0;
}


GPtrArray *
cl_signing_profile_dup_x5chain (ClSigningProfile *self)
{
  GPtrArray *chain = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);

  for (int i = 0; i < sk_X509_num (self->chain); i++) {
    X509 *cert = sk_X509_value (self->chain, i);
    unsigned char *der = NULL;
    int der_len;

    /* C2PA 2.2 §14.5.1: the chain should not include the trust anchor. */
    if (i > 0 && is_self_signed (cert))
      continue;
    der_len = i2d_X509 (cert, &der);
    if (der_len <= 0)
      continue;
    g_ptr_array_add (chain, g_bytes_new (der, der_len));
    OPENSSL_free (der);
  }
  return chain;
}


void
cl_signing_profile_set_test_ca (ClSigningProfile *self,
                        X509      *ca)
{
  if (ca != NULL)
    X509_up_ref (ca);
  X509_free (self->test_ca);
  self->test_ca = ca;
}


X509 *
cl_signing_profile_get_test_ca (ClSigningProfile *self)
{
  return self->test_ca;
}


gboolean
cl_signing_profile_is_test_identity (ClSigningProfile *self)
{
  return self->test_ca != NULL;
}


void
cl_signing_profile_set_token (ClSigningProfile     *self,
                              const ClPkcs11KeyRef *ref,
                              ClPkcs11Session      *session)
{
  cl_pkcs11_key_ref_free (self->token);
  self->token = cl_pkcs11_key_ref_copy (ref);
  if (session != self->session) {
    cl_pkcs11_session_free (self->session);
    self->session = session;
  }
}


const ClPkcs11KeyRef *
cl_signing_profile_get_token (ClSigningProfile *self)
{
  return self->token;
}


static void
add_problem (GArray                      *problems,
             ClSigningProfileProblemLevel level,
             char                        *message)
{
  ClSigningProfileProblem problem = { level, message, FALSE };

  g_array_append_val (problems, problem);
}


static void
problem_clear (gpointer data)
{
  g_free (((ClSigningProfileProblem *) data)->message);
}


static gboolean
signature_algorithm_allowed (X509 *cert)
{
  switch (X509_get_signature_nid (cert)) {
  case NID_ecdsa_with_SHA256:
  case NID_ecdsa_with_SHA384:
  case NID_ecdsa_with_SHA512:
  case NID_sha256WithRSAEncryption:
  case NID_sha384WithRSAEncryption:
  case NID_sha512WithRSAEncryption:
  case NID_rsassaPss:
  case NID_ED25519:
    return TRUE;
  default:
    return FALSE;
  }
}


static void
check_eku (X509   *leaf,
           GArray *problems)
{
  EXTENDED_KEY_USAGE *eku = X509_get_ext_d2i (leaf, NID_ext_key_usage, NULL, NULL);
  gboolean claim_signing = FALSE, compatible = FALSE, exclusive = FALSE, any = FALSE;

  if (eku == NULL || sk_ASN1_OBJECT_num (eku) == 0) {
    add_problem (problems, CL_SIGNING_PROFILE_PROBLEM_FATAL,
                 g_strdup (_("The certificate has no extended key usage; C2PA validators "
                             "reject it")));
    EXTENDED_KEY_USAGE_free (eku);
    return;
  }
  for (int i = 0; i < sk_ASN1_OBJECT_num (eku); i++) {
    char oid[80];

    OBJ_obj2txt (oid, sizeof oid, sk_ASN1_OBJECT_value (eku, i), 1);
    if (g_str_equal (oid, OID_C2PA_CLAIM_SIGNING))
      claim_signing = TRUE;
    else if (g_str_equal (oid, OID_EMAIL_PROTECTION) || g_str_equal (oid, OID_DOCUMENT_SIGNING) ||
             g_str_equal (oid, OID_MS_C2PA_SIGNING))
      compatible = TRUE;
    else if (g_str_equal (oid, OID_TIME_STAMPING) || g_str_equal (oid, OID_OCSP_SIGNING))
      exclusive = TRUE;
    else if (g_str_equal (oid, OID_ANY_EKU))
      any = TRUE;
  }
  EXTENDED_KEY_USAGE_free (eku);

  if (any)
    add_problem (problems, CL_SIGNING_PROFILE_PROBLEM_FATAL,
                 g_strdup (_("The certificate allows any extended key usage, which C2PA "
                             "forbids")));
  if (exclusive)
    add_problem (problems, CL_SIGNING_PROFILE_PROBLEM_FATAL,
                 g_strdup (_("The certificate is for time-stamping or OCSP signing, not for "
                             "signing claims")));
  if (!claim_signing && !compatible)
    add_problem (problems, CL_SIGNING_PROFILE_PROBLEM_FATAL,
                 g_strdup (_("The certificate's extended key usage does not allow C2PA claim "
                             "signing (c2pa-kp-claimSigning, emailProtection or "
                             "documentSigning)")));
  else if (!claim_signing)
    add_problem (problems, CL_SIGNING_PROFILE_PROBLEM_WARNING,
                 g_strdup (_("The certificate lacks c2pa-kp-claimSigning; the C2PA Trust List "
                             "only covers certificates that have it")));
}


static void
check_validity (X509      *leaf,
                GDateTime *now,
                GArray    *problems)
{
  time_t now_t = (time_t) g_date_time_to_unix (now);
  time_t soon_t = now_t + (time_t) CL_SIGNING_PROFILE_EXPIRY_WARNING_DAYS * 24 * 3600;

  if (X509_cmp_time (X509_get0_notAfter (leaf), &now_t) <= 0)
    add_problem (problems, CL_SIGNING_PROFILE_PROBLEM_FATAL,
                 g_strdup (_("The certificate has expired; signatures made with it are not "
                             "valid")));
  else if (X509_cmp_time (X509_get0_notAfter (leaf), &soon_t) <= 0)
    add_problem (problems, CL_SIGNING_PROFILE_PROBLEM_WARNING,
                 g_strdup_printf (_("The certificate expires within %d days"),
                                  CL_SIGNING_PROFILE_EXPIRY_WARNING_DAYS));
  if (X509_cmp_time (X509_get0_notBefore (leaf), &now_t) >= 0)
    add_problem (problems, CL_SIGNING_PROFILE_PROBLEM_FATAL,
                 g_strdup (_("The certificate is not valid yet")));
}


/* What C2PA asks of a claim signer's certificate itself: form, usages, algorithms, names. */
static void
check_signer_certificate (X509   *leaf,
                          GArray *problems)
{
  uint32_t flags = X509_get_extension_flags (leaf);
  EVP_PKEY *public_key = X509_get0_pubkey (leaf);
  X509_NAME *subject = X509_get_subject_name (leaf);

  if (X509_get_version (leaf) != X509_VERSION_3)
    add_problem (problems, CL_SIGNING_PROFILE_PROBLEM_FATAL,
                 g_strdup (_("The certificate is not an X.509 version 3 certificate")));
  if ((flags & EXFLAG_CA) != 0)
    add_problem (problems, CL_SIGNING_PROFILE_PROBLEM_FATAL,
                 g_strdup (_("The certificate is a CA certificate; only end-entity "
                             "certificates may sign claims")));
  if ((flags & EXFLAG_KUSAGE) == 0 || (X509_get_key_usage (leaf) & KU_DIGITAL_SIGNATURE) == 0)
    add_problem (problems, CL_SIGNING_PROFILE_PROBLEM_FATAL,
                 g_strdup (_("The certificate's key usage does not include digitalSignature")));
  check_eku (leaf, problems);
  if (!signature_algorithm_allowed (leaf))
    add_problem (problems, CL_SIGNING_PROFILE_PROBLEM_FATAL,
                 g_strdup (_("The certificate is signed with an algorithm C2PA does not allow")));
  if (EVP_PKEY_is_a (public_key, "RSA") && EVP_PKEY_get_bits (public_key) < 2048)
    add_problem (problems, CL_SIGNING_PROFILE_PROBLEM_FATAL,
                 g_strdup (_("The RSA key is shorter than 2048 bits")));
  if (!is_self_signed (leaf) && (flags & EXFLAG_INVALID) == 0 &&
      X509_get0_authority_key_id (leaf) == NULL)
    add_problem (problems, CL_SIGNING_PROFILE_PROBLEM_WARNING,
                 g_strdup (_("The certificate has no authority key identifier")));
  if (X509_NAME_get_index_by_NID (subject, NID_organizationName, -1) < 0)
    add_problem (problems, CL_SIGNING_PROFILE_PROBLEM_WARNING,
                 g_strdup (_("The certificate subject has no organisation (O); some "
                             "validators show no signer name")));
}


/* The chain must link up, or validators cannot reach the issuer's anchor. */
static void
check_chain (STACK_OF (X509) *chain,
             GArray          *problems)
{
  for (int i = 0; i + 1 < sk_X509_num (chain); i++) {
    if (X509_check_issued (sk_X509_value (chain, i + 1), sk_X509_value (chain, i)) != X509_V_OK) {
      add_problem (problems, CL_SIGNING_PROFILE_PROBLEM_WARNING,
                   g_strdup_printf (_("Certificate %d of the chain is not issued by the one "
                                      "after it; validators may not find its issuer"), i + 1));
      break;
    }
  }
  if (sk_X509_num (chain) == 1 && !is_self_signed (sk_X509_value (chain, 0)))
    add_problem (problems, CL_SIGNING_PROFILE_PROBLEM_WARNING,
                 g_strdup (_("The chain holds only the signer's certificate; validators need "
                             "its issuer to be a trust anchor")));
}


static gboolean
has_fatal (GArray *problems)
{
  for (guint i = 0; i < problems->len; i++) {
    if (g_array_index (problems, ClSigningProfileProblem, i).level == CL_SIGNING_PROFILE_PROBLEM_FATAL)
      return TRUE;
  }
  return FALSE;
}


/* The validator's own profile check (what c2pa-rs reports as signingCredential.invalid)
 * must agree: anything it fails that the rules above let through is fatal too.
 * FALSE when it fails. */
static gboolean
check_as_validator (X509      *leaf,
                    GDateTime *now,
                    GArray    *problems)
{
  g_autoptr(GPtrArray) checks = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_cert_check_free);
  const char *code = cl_cert_profile_check_signer (leaf, NULL, g_date_time_to_unix (now), checks);
  guint before = problems->len;

  if (code == NULL)
    return TRUE;
  for (guint i = 0; i < checks->len; i++) {
    ClCertCheck *check = g_ptr_array_index (checks, i);

    if (check->outcome == CL_CHECK_FAIL)
      add_problem (problems, CL_SIGNING_PROFILE_PROBLEM_FATAL, g_strdup (check->reason));
  }
  if (problems->len == before)
    add_problem (problems, CL_SIGNING_PROFILE_PROBLEM_FATAL,
                 g_strdup_printf (_("The certificate does not meet the C2PA certificate "
                                    "profile (%s)"), code));
  return FALSE;
}


GArray *
cl_signing_profile_check (ClSigningProfile *self,
                          GDateTime        *now,
                          gboolean         *usable)
{
  GArray *problems = g_array_new (FALSE, TRUE, sizeof (ClSigningProfileProblem));
  X509 *leaf = cl_signing_profile_get_leaf (self);

  g_array_set_clear_func (problems, problem_clear);

  check_validity (leaf, now, problems);
  check_signer_certificate (leaf, problems);
  check_chain (self->chain, problems);
  if (self->key == NULL && self->unlocking == NULL) {
    add_problem (problems, CL_SIGNING_PROFILE_PROBLEM_FATAL,
                 g_strdup (self->token != NULL ? _("The token is locked: its PIN is needed")
                                               : _("The private key is locked")));
    g_array_index (problems, ClSigningProfileProblem, problems->len - 1).key_locked = TRUE;
  }
  if (self->test_ca != NULL)
    add_problem (problems, CL_SIGNING_PROFILE_PROBLEM_WARNING,
                 g_strdup (_("This is a local test identity, not publicly trusted: validators "
                             "show the signer as untrusted unless its CA is added to their "
                             "trust list")));

  *usable = !has_fatal (problems) && check_as_validator (leaf, now, problems);
  return problems;
}
