/* cl-cert-profile-check.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/rsa.h>
#include <openssl/x509v3.h>

#include "cl-cert-profile-check.h"
#include "cl-status-codes.h"
#include "cl-trust-result.h"
#include "cl-x509.h"

const char * const cl_cert_profile_default_ekus[] = {
  CL_OID_EKU_EMAIL_PROTECTION,
  CL_OID_EKU_DOCUMENT_SIGNING,
  CL_OID_EKU_TIME_STAMPING,
  CL_OID_EKU_OCSP_SIGNING,
  CL_OID_EKU_MS_C2PA_SIGNING,
  CL_OID_EKU_C2PA_CLAIM_SIGNING,
  NULL,
};


static void
add (GPtrArray      *checks,
     const char     *id,
     ClCheckOutcome  outcome,
     const char     *reason)
{
  g_ptr_array_add (checks, cl_cert_check_new (id, outcome, reason));
}


static void
addf (GPtrArray      *checks,
      const char     *id,
      ClCheckOutcome  outcome,
      const char     *format,
      ...) G_GNUC_PRINTF (4, 5);

static void
addf (GPtrArray      *checks,
      const char     *id,
      ClCheckOutcome  outcome,
      const char     *format,
      ...)
{
  va_list args;
  g_autofree char *reason = NULL;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);
  add (checks, id, outcome, reason);
}


static gboolean
check_validity (X509      *cert,
                gint64     judged_time,
                GPtrArray *checks,
                const char *when_label)
{
  gint64 nb = 0, na = 0;
  g_autofree char *nb_text = NULL;
  g_autofree char *na_text = NULL;
  g_autofree char *when = cl_unix_to_iso8601 (judged_time);

  if (!cl_asn1_time_to_unix (X509_get0_notBefore (cert), &nb) ||
      !cl_asn1_time_to_unix (X509_get0_notAfter (cert), &na)) {
    add (checks, "validity", CL_CHECK_FAIL, _("The validity dates cannot be read"));
    return FALSE;
  }
  nb_text = cl_unix_to_iso8601 (nb);
  na_text = cl_unix_to_iso8601 (na);
  if (judged_time < nb) {
    addf (checks, "validity", CL_CHECK_FAIL, _("Not yet valid at %s (%s): valid from %s"),
          when, when_label, nb_text);
    return FALSE;
  }
  if (judged_time > na) {
    addf (checks, "validity", CL_CHECK_FAIL, _("Expired at %s (%s): valid until %s"),
          when, when_label, na_text);
    return FALSE;
  }
  addf (checks, "validity", CL_CHECK_PASS, _("Valid at %s (%s): %s to %s"),
        when, when_label, nb_text, na_text);
  return TRUE;
}


static const EVP_MD *
md_of_algor (const X509_ALGOR *algor)
{
  const ASN1_OBJECT *obj = NULL;

  /* An absent hash algorithm in RSA-PSS parameters means SHA-1. */
  if (algor == NULL)
    return EVP_sha1 ();
  X509_ALGOR_get0 (&obj, NULL, NULL, algor);
  return EVP_get_digestbyobj (obj);
}


/* RSASSA-PSS: hash SHA-256/384/512 and MGF1 with the same hash. */
static gboolean
pss_params_ok (X509 *cert)
{
  const X509_ALGOR *sig_alg = NULL;
  const void *param = NULL;
  int param_type = V_ASN1_UNDEF;
  RSA_PSS_PARAMS *pss;
  X509_ALGOR *mgf1_hash = NULL;
  const EVP_MD *hash, *mgf_hash = NULL;
  gboolean ok = FALSE;
  int hash_nid;

  X509_get0_signature (NULL, &sig_alg, cert);
  X509_ALGOR_get0 (NULL, &param_type, &param, sig_alg);
  if (param_type != V_ASN1_SEQUENCE)
    return FALSE;
  pss = ASN1_TYPE_unpack_sequence (ASN1_ITEM_rptr (RSA_PSS_PARAMS), sig_alg->parameter);
  if (pss == NULL)
    goto out;
  hash = md_of_algor (pss->hashAlgorithm);
  if (pss->maskGenAlgorithm != NULL && OBJ_obj2nid (pss->maskGenAlgorithm->algorithm) == NID_mgf1 &&
      pss->maskGenAlgorithm->parameter != NULL)
    mgf1_hash = ASN1_TYPE_unpack_sequence (ASN1_ITEM_rptr (X509_ALGOR),
                                           pss->maskGenAlgorithm->parameter);
  if (mgf1_hash != NULL)
    mgf_hash = md_of_algor (mgf1_hash);
  hash_nid = hash != NULL ? EVP_MD_get_type (hash) : NID_undef;
  ok = (hash_nid == NID_sha256 || hash_nid == NID_sha384 || hash_nid == NID_sha512) &&
       mgf_hash != NULL && EVP_MD_get_type (mgf_hash) == hash_nid;

out:
  X509_ALGOR_free (mgf1_hash);
  RSA_PSS_PARAMS_free (pss);
  ERR_clear_error ();
  return ok;
}


static gboolean
check_signature_algorithm (X509      *cert,
                           GPtrArray *checks,
                           ClCheckOutcome failure)
{
  g_autofree char *name = cl_x509_signature_algorithm (cert);

  switch (X509_get_signature_nid (cert)) {
  case NID_ecdsa_with_SHA256:
  case NID_ecdsa_with_SHA384:
  case NID_ecdsa_with_SHA512:
  case NID_sha256WithRSAEncryption:
  case NID_sha384WithRSAEncryption:
  case NID_sha512WithRSAEncryption:
  case NID_ED25519:
    addf (checks, "signature-algorithm", CL_CHECK_PASS, _("Signed with %s, which C2PA allows"), name);
    return TRUE;
  case NID_rsassaPss:
    if (pss_params_ok (cert)) {
      addf (checks, "signature-algorithm", CL_CHECK_PASS, _("Signed with %s, which C2PA allows"), name);
      return TRUE;
    }
    add (checks, "signature-algorithm", failure,
         _("RSA-PSS parameters not allowed: the hash must be SHA-256/384/512 and MGF1 use the same hash"));
    return FALSE;
  default:
    addf (checks, "signature-algorithm", failure, _("Signed with %s, which C2PA does not allow"), name);
    return FALSE;
  }
}


static gboolean
check_key (X509           *cert,
           GPtrArray      *checks,
           ClCheckOutcome  failure)
{
  EVP_PKEY *key = X509_get0_pubkey (cert);
  g_autofree char *desc = cl_x509_key_description (cert, NULL);
  char group[64] = "";
  size_t group_len = 0;
  BIGNUM *e = NULL;
  gboolean ok = FALSE;

  if (key == NULL) {
    add (checks, "public-key", failure, _("The public key cannot be read"));
    ERR_clear_error ();
    return FALSE;
  }
  switch (EVP_PKEY_get_base_id (key)) {
  case EVP_PKEY_EC:
    EVP_PKEY_get_group_name (key, group, sizeof group, &group_len);
    ok = g_str_equal (group, "prime256v1") || g_str_equal (group, "secp384r1") ||
         g_str_equal (group, "secp521r1");
    if (!ok) {
      addf (checks, "public-key", failure, _("%s: only the P-256, P-384 and P-521 curves are allowed"), desc);
      return FALSE;
    }
    break;
  case EVP_PKEY_RSA:
  case EVP_PKEY_RSA_PSS:
    if (EVP_PKEY_get_bits (key) < 2048) {
      addf (checks, "public-key", failure, _("%s: RSA keys must have at least 2048 bits"), desc);
      return FALSE;
    }
    if (EVP_PKEY_get_bn_param (key, OSSL_PKEY_PARAM_RSA_E, &e) != 1 ||
        !BN_is_odd (e) || BN_cmp (e, BN_value_one ()) <= 0 || BN_num_bits (e) < 2) {
      BN_free (e);
      ERR_clear_error ();
      addf (checks, "public-key", failure, _("%s: the RSA public exponent is invalid"), desc);
      return FALSE;
    }
    BN_free (e);
    break;
  case EVP_PKEY_ED25519:
    break;
  default:
    addf (checks, "public-key", failure, _("%s: C2PA allows EC, RSA and Ed25519 keys only"), desc);
    return FALSE;
  }
  addf (checks, "public-key", CL_CHECK_PASS, _("%s"), desc);
  return TRUE;
}


static gboolean
eku_allowed (const char         *oid,
             const char * const *extra)
{
  if (g_strv_contains (cl_cert_profile_default_ekus, oid))
    return TRUE;
  return extra != NULL && g_strv_contains (extra, oid);
}


static gboolean
check_eku (X509               *cert,
           const char * const *allowed_ekus,
           GPtrArray          *checks)
{
  g_auto(GStrv) ekus = cl_x509_extended_key_usages (cert);
  g_autoptr(GString) names = g_string_new (NULL);
  gboolean any_allowed = FALSE, ts = FALSE, ocsp = FALSE;
  guint n = 0;

  if (ekus == NULL || ekus[0] == NULL) {
    add (checks, "extended-key-usage", CL_CHECK_FAIL,
         _("No extended key usage: a claim signer must state what it may sign"));
    return FALSE;
  }
  for (GStrv oid = ekus; *oid != NULL; oid++, n++) {
    g_string_append_printf (names, n == 0 ? "%s" : ", %s", cl_x509_eku_name (*oid));
    if (g_str_equal (*oid, CL_OID_EKU_ANY)) {
      add (checks, "extended-key-usage", CL_CHECK_FAIL,
           _("anyExtendedKeyUsage is not allowed for C2PA signers"));
      return FALSE;
    }
    ts |= g_str_equal (*oid, CL_OID_EKU_TIME_STAMPING);
    ocsp |= g_str_equal (*oid, CL_OID_EKU_OCSP_SIGNING);
    any_allowed |= eku_allowed (*oid, allowed_ekus);
  }
  if (!any_allowed) {
    addf (checks, "extended-key-usage", CL_CHECK_FAIL,
          _("%s: none of these usages is accepted for signing content credentials"), names->str);
    return FALSE;
  }
  /* A time-stamping or OCSP-signing certificate must serve that one purpose. */
  if ((ts && ocsp) || ((ts || ocsp) && n > 1)) {
    addf (checks, "extended-key-usage", CL_CHECK_FAIL,
          _("%s: time-stamping or OCSP signing must be the certificate’s only usage"), names->str);
    return FALSE;
  }
  addf (checks, "extended-key-usage", CL_CHECK_PASS, _("%s"), names->str);
  return TRUE;
}


static gboolean
check_key_usage (X509      *cert,
                 GPtrArray *checks)
{
  g_auto(GStrv) usages = cl_x509_key_usages (cert);
  g_autofree char *list = NULL;
  guint32 ku;

  if (usages == NULL) {
    add (checks, "key-usage", CL_CHECK_FAIL, _("No key usage extension"));
    return FALSE;
  }
  list = g_strjoinv (", ", usages);
  ku = X509_get_key_usage (cert);
  if ((ku & KU_KEY_CERT_SIGN) && !cl_x509_is_ca (cert)) {
    addf (checks, "key-usage", CL_CHECK_FAIL,
          _("%s: keyCertSign is only for CA certificates"), list);
    return FALSE;
  }
  if (ku & KU_DIGITAL_SIGNATURE) {
    int index = X509_get_ext_by_NID (cert, NID_key_usage, -1);

    /* C2PA §14.5.1: the extension "should" be critical — a warning, not a failure. */
    if (index >= 0 && !X509_EXTENSION_get_critical (X509_get_ext (cert, index)))
      addf (checks, "key-usage", CL_CHECK_WARN, _("%s (the extension should be marked critical)"), list);
    else
      addf (checks, "key-usage", CL_CHECK_PASS, _("%s"), list);
    return TRUE;
  }
  if (ku & KU_NON_REPUDIATION) {
    /* c2pa-rs accepts nonRepudiation alone; the specification asks for digitalSignature. */
    addf (checks, "key-usage", CL_CHECK_WARN,
          _("%s: digitalSignature is missing (accepted, as c2pa-rs does)"), list);
    return TRUE;
  }
  addf (checks, "key-usage", CL_CHECK_FAIL, _("%s: digitalSignature is missing"), list);
  return FALSE;
}


const char *
cl_cert_profile_check_signer (X509               *cert,
                              const char * const *allowed_ekus,
                              gint64              judged_time,
                              GPtrArray          *checks)
{
  const ASN1_BIT_STRING *issuer_uid = NULL, *subject_uid = NULL;
  gboolean version_ok, valid, ok = TRUE;
  guint32 flags = X509_get_extension_flags (cert);

  version_ok = X509_get_version (cert) == X509_VERSION_3;
  if (version_ok)
    add (checks, "version", CL_CHECK_PASS, _("X.509 version 3"));
  else
    addf (checks, "version", CL_CHECK_FAIL, _("X.509 version %ld: C2PA requires version 3"),
          X509_get_version (cert) + 1);

  valid = check_validity (cert, judged_time, checks, _("the time judged"));

  ok &= check_signature_algorithm (cert, checks, CL_CHECK_FAIL);
  ok &= check_key (cert, checks, CL_CHECK_FAIL);

  if (cl_x509_is_ca (cert)) {
    add (checks, "basic-constraints", CL_CHECK_FAIL,
         _("This is a CA certificate (cA=TRUE): only end-entity certificates may sign claims"));
    ok = FALSE;
  } else {
    add (checks, "basic-constraints", CL_CHECK_PASS, _("End-entity certificate (not a CA)"));
  }

  if (cl_x509_is_self_signed (cert))
    add (checks, "self-signed", CL_CHECK_WARN,
         _("Self-signed: only the certificate itself vouches for this identity"));

  X509_get0_uids (cert, &issuer_uid, &subject_uid);
  if (issuer_uid != NULL || subject_uid != NULL) {
    add (checks, "unique-ids", CL_CHECK_FAIL, _("Issuer or subject unique IDs are not allowed"));
    ok = FALSE;
  }

  ok &= check_eku (cert, allowed_ekus, checks);
  ok &= check_key_usage (cert, checks);

  if (X509_get0_authority_key_id (cert) == NULL) {
    add (checks, "authority-key-id", CL_CHECK_FAIL, _("No authority key identifier"));
    ok = FALSE;
  }
  if (flags & EXFLAG_CRITICAL) {
    add (checks, "critical-extensions", CL_CHECK_FAIL,
         _("Carries a critical extension this validator does not understand"));
    ok = FALSE;
  }

  /* c2pa-rs stops at the first broken rule: version, then validity (its
   * signingCredential.expired), then the rest (signingCredential.invalid). */
  if (!version_ok)
    return CL_CODE_SIGNING_CREDENTIAL_INVALID;
  if (!valid)
    return CL_CODE_SIGNING_CREDENTIAL_EXPIRED;
  return ok ? NULL : CL_CODE_SIGNING_CREDENTIAL_INVALID;
}


void
cl_cert_profile_check_ca (X509      *cert,
                          gint64     judged_time,
                          gboolean   time_is_trusted,
                          GPtrArray *checks)
{
  guint32 ku = X509_get_key_usage (cert);

  if (time_is_trusted) {
    check_validity (cert, judged_time, checks, _("the time judged"));
  } else {
    g_autoptr(GPtrArray) now_checks = NULL;
    ClCertCheck *check;

    /* Without a trusted time c2pa-rs does not judge CA validity; show it for information. */
    now_checks = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_cert_check_free);
    check_validity (cert, judged_time, now_checks, _("now"));
    check = g_ptr_array_index (now_checks, 0);
    if (check->outcome == CL_CHECK_FAIL)
      check->outcome = CL_CHECK_WARN;
    g_ptr_array_add (checks, g_ptr_array_steal_index (now_checks, 0));
  }

  if (cl_x509_is_ca (cert))
    add (checks, "basic-constraints", CL_CHECK_PASS, _("CA certificate"));
  else
    add (checks, "basic-constraints", CL_CHECK_FAIL, _("Not a CA certificate, yet it issued the one below"));

  if ((X509_get_extension_flags (cert) & EXFLAG_KUSAGE) != 0 && (ku & KU_KEY_CERT_SIGN) == 0)
    add (checks, "key-usage", CL_CHECK_FAIL, _("keyCertSign is missing"));

  check_signature_algorithm (cert, checks, CL_CHECK_WARN);
  check_key (cert, checks, CL_CHECK_WARN);
}
