/* cl-x509.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509v3.h>

#include "cl-crypto-init.h"
#include "cl-error.h"
#include "cl-x509-cache.h"
#include "cl-x509.h"

/* Certificates are small; a PEM list or chain above this is not one we accept. */
#define MAX_PEM_BYTES (16 * 1024 * 1024)
#define MAX_PEM_CERTS 4096


X509 *
cl_x509_from_der (const guint8  *der,
                  gsize          der_len,
                  GError       **error)
{
  const unsigned char *p = der;
  X509 *cert;

  /* Certificates are decoded on many threads: OpenSSL must be warmed up first. */
  cl_crypto_init ();
  if (der == NULL || der_len == 0 || der_len > G_MAXINT32) {
    g_set_error (error, CL_TRUST_ERROR, CL_TRUST_ERROR_INVALID,
                 _("The certificate is empty or too large"));
    return NULL;
  }

  cert = cl_x509_cache_lookup (der, der_len);
  if (cert != NULL)
    return cert;
  cert = d2i_X509 (NULL, &p, (long) der_len);
  if (cert == NULL) {
    ERR_clear_error ();
    g_set_error (error, CL_TRUST_ERROR, CL_TRUST_ERROR_INVALID,
                 _("The certificate is not valid DER (X.509) data"));
    return NULL;
  }
  if ((gsize) (p - der) != der_len) {
    X509_free (cert);
    g_set_error (error, CL_TRUST_ERROR, CL_TRUST_ERROR_INVALID,
                 _("The certificate is followed by %lu unexpected bytes"),
                 (gulong) (der_len - (gsize) (p - der)));
    return NULL;
  }
  cl_x509_cache_add (der, der_len, cert);
  return cert;
}


GBytes *
cl_x509_to_der (X509 *cert)
{
  unsigned char *buf = NULL;
  int len = i2d_X509 (cert, &buf);
  GBytes *bytes;

  if (len <= 0)
    return NULL;
  bytes = g_bytes_new (buf, (gsize) len);
  OPENSSL_free (buf);
  return bytes;
}


GPtrArray *
cl_x509_parse_pem (const char  *pem,
                   gsize        pem_len,
                   GError     **error)
{
  g_autoptr(GPtrArray) certs = g_ptr_array_new_with_free_func ((GDestroyNotify) X509_free);
  BIO *bio;
  X509 *cert;
  unsigned long err;

  cl_crypto_init ();
  if (pem_len > MAX_PEM_BYTES) {
    g_set_error (error, CL_TRUST_ERROR, CL_TRUST_ERROR_INVALID,
                 _("The certificate file is too large (%lu bytes)"), (gulong) pem_len);
    return NULL;
  }

  bio = BIO_new_mem_buf (pem, (int) pem_len);
  while (certs->len < MAX_PEM_CERTS && (cert = PEM_read_bio_X509 (bio, NULL, NULL, NULL)) != NULL)
    g_ptr_array_add (certs, cert);
  BIO_free (bio);

  err = ERR_peek_last_error ();
  ERR_clear_error ();
  /* Reading stops with "no start line" at the end of the text; anything else
   * is a broken block. */
  if (err != 0 && ERR_GET_REASON (err) != PEM_R_NO_START_LINE) {
    g_set_error (error, CL_TRUST_ERROR, CL_TRUST_ERROR_INVALID,
                 _("Certificate %u of the PEM text cannot be decoded"), certs->len + 1);
    return NULL;
  }
  if (certs->len == 0) {
    g_set_error (error, CL_TRUST_ERROR, CL_TRUST_ERROR_INVALID,
                 _("The text contains no PEM certificate"));
    return NULL;
  }
  return g_steal_pointer (&certs);
}


GPtrArray *
cl_x509_load_pem_file (const char  *path,
                       GError     **error)
{
  g_autofree char *contents = NULL;
  gsize len;
  g_autoptr(GError) local_error = NULL;
  GPtrArray *certs;

  if (!g_file_get_contents (path, &contents, &len, &local_error)) {
    g_set_error (error, CL_TRUST_ERROR, CL_TRUST_ERROR_IO, "%s", local_error->message);
    return NULL;
  }
  certs = cl_x509_parse_pem (contents, len, &local_error);
  if (certs == NULL) {
    g_autofree char *name = g_filename_display_name (path);

    g_set_error (error, CL_TRUST_ERROR, CL_TRUST_ERROR_INVALID, "%s: %s", name,
                 local_error->message);
  }
  return certs;
}


char *
cl_x509_to_pem (GPtrArray *certs)
{
  BIO *bio = BIO_new (BIO_s_mem ());
  char *data;
  long len;
  char *out;

  for (guint i = 0; i < certs->len; i++)
    PEM_write_bio_X509 (bio, g_ptr_array_index (certs, i));
  len = BIO_get_mem_data (bio, &data);
  out = g_strndup (data, (gsize) len);
  BIO_free (bio);
  return out;
}


char *
cl_x509_name_get (const X509_NAME *name,
                  int              nid)
{
  int index;
  const X509_NAME_ENTRY *entry;
  unsigned char *utf8 = NULL;
  int len;
  char *out;

  if (name == NULL)
    return NULL;
  index = X509_NAME_get_index_by_NID (name, nid, -1);
  if (index < 0)
    return NULL;
  entry = X509_NAME_get_entry (name, index);
  len = ASN1_STRING_to_UTF8 (&utf8, X509_NAME_ENTRY_get_data (entry));
  if (len < 0)
    return NULL;
  out = g_utf8_make_valid ((const char *) utf8, len);
  OPENSSL_free (utf8);
  return out;
}


char *
cl_x509_name_to_string (const X509_NAME *name)
{
  BIO *bio = BIO_new (BIO_s_mem ());
  char *data;
  long len;
  char *out;

  X509_NAME_print_ex (bio, name, 0, XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB);
  len = BIO_get_mem_data (bio, &data);
  out = g_utf8_make_valid (data, len);
  BIO_free (bio);
  return out;
}


char *
cl_x509_display_name (X509 *cert)
{
  char *name = cl_x509_name_get (X509_get_subject_name (cert), NID_commonName);

  if (name == NULL)
    name = cl_x509_name_get (X509_get_subject_name (cert), NID_organizationName);
  if (name == NULL)
    name = cl_x509_name_to_string (X509_get_subject_name (cert));
  return name;
}


static gboolean
sha256_of (X509          *cert,
           unsigned char  md[EVP_MAX_MD_SIZE],
           unsigned int  *md_len)
{
  return X509_digest (cert, EVP_sha256 (), md, md_len) == 1;
}


char *
cl_x509_sha256_hex (X509 *cert)
{
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int md_len = 0;
  GString *out;

  if (!sha256_of (cert, md, &md_len))
    return NULL;
  out = g_string_sized_new (md_len * 3);
  for (unsigned int i = 0; i < md_len; i++)
    g_string_append_printf (out, i == 0 ? "%02X" : ":%02X", md[i]);
  return g_string_free (out, FALSE);
}


char *
cl_x509_sha256_base64 (X509 *cert)
{
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int md_len = 0;

  if (!sha256_of (cert, md, &md_len))
    return NULL;
  return g_base64_encode (md, md_len);
}


static char *
serial_to (X509     *cert,
           gboolean  decimal)
{
  BIGNUM *bn = ASN1_INTEGER_to_BN (X509_get0_serialNumber (cert), NULL);
  char *s;
  char *out;

  if (bn == NULL)
    return NULL;
  s = decimal ? BN_bn2dec (bn) : BN_bn2hex (bn);
  out = g_strdup (s);
  OPENSSL_free (s);
  BN_free (bn);
  return out;
}


char *
cl_x509_serial_hex (X509 *cert)
{
  return serial_to (cert, FALSE);
}


char *
cl_x509_serial_decimal (X509 *cert)
{
  return serial_to (cert, TRUE);
}


gboolean
cl_asn1_time_to_unix (const ASN1_TIME *time,
                      gint64          *out_unix)
{
  struct tm tm = { 0 };
  g_autoptr(GDateTime) dt = NULL;

  if (time == NULL || ASN1_TIME_to_tm (time, &tm) != 1)
    return FALSE;
  dt = g_date_time_new_utc (tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                            tm.tm_hour, tm.tm_min, tm.tm_sec);
  if (dt == NULL)
    return FALSE;
  *out_unix = g_date_time_to_unix (dt);
  return TRUE;
}


char *
cl_unix_to_iso8601 (gint64 unix_time)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (unix_time);

  if (dt == NULL)
    return g_strdup ("?");
  return g_date_time_format (dt, "%Y-%m-%dT%H:%M:%SZ");
}


gboolean
cl_unix_from_string (const char *text,
                     gint64     *out_unix)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) dt = NULL;

  if (text == NULL || *text == '\0')
    return FALSE;
  if (text[0] == '@') {
    char *end = NULL;
    gint64 value = g_ascii_strtoll (text + 1, &end, 10);

    if (end == text + 1 || *end != '\0')
      return FALSE;
    *out_unix = value;
    return TRUE;
  }
  dt = g_date_time_new_from_iso8601 (text, utc);
  if (dt == NULL && strlen (text) == 10) {
    g_autofree char *full = g_strconcat (text, "T00:00:00Z", NULL);

    dt = g_date_time_new_from_iso8601 (full, utc);
  }
  if (dt == NULL)
    return FALSE;
  *out_unix = g_date_time_to_unix (dt);
  return TRUE;
}


char *
cl_x509_signature_algorithm (X509 *cert)
{
  int nid = X509_get_signature_nid (cert);

  if (nid == NID_undef)
    return g_strdup (_("unknown"));
  return g_strdup (OBJ_nid2ln (nid));
}


char *
cl_x509_key_description (X509 *cert,
                         int  *bits)
{
  EVP_PKEY *key = X509_get0_pubkey (cert);
  char group[64] = "";
  size_t group_len = 0;

  if (bits != NULL)
    *bits = 0;
  if (key == NULL)
    return g_strdup (_("unreadable key"));
  if (bits != NULL)
    *bits = EVP_PKEY_get_bits (key);

  switch (EVP_PKEY_get_base_id (key)) {
  case EVP_PKEY_EC:
    if (EVP_PKEY_get_group_name (key, group, sizeof group, &group_len) != 1)
      return g_strdup ("EC");
    if (g_str_equal (group, "prime256v1"))
      return g_strdup ("EC P-256");
    if (g_str_equal (group, "secp384r1"))
      return g_strdup ("EC P-384");
    if (g_str_equal (group, "secp521r1"))
      return g_strdup ("EC P-521");
    return g_strdup_printf ("EC %s", group);
  case EVP_PKEY_RSA:
    return g_strdup_printf ("RSA %d bits", EVP_PKEY_get_bits (key));
  case EVP_PKEY_RSA_PSS:
    return g_strdup_printf ("RSA-PSS %d bits", EVP_PKEY_get_bits (key));
  case EVP_PKEY_ED25519:
    return g_strdup ("Ed25519");
  case EVP_PKEY_ED448:
    return g_strdup ("Ed448");
  default:
    return g_strdup (OBJ_nid2sn (EVP_PKEY_get_base_id (key)));
  }
}


GStrv
cl_x509_key_usages (X509 *cert)
{
  static const struct { guint32 bit; const char *name; } usages[] = {
    { KU_DIGITAL_SIGNATURE, "digitalSignature" },
    { KU_NON_REPUDIATION, "nonRepudiation" },
    { KU_KEY_ENCIPHERMENT, "keyEncipherment" },
    { KU_DATA_ENCIPHERMENT, "dataEncipherment" },
    { KU_KEY_AGREEMENT, "keyAgreement" },
    { KU_KEY_CERT_SIGN, "keyCertSign" },
    { KU_CRL_SIGN, "cRLSign" },
    { KU_ENCIPHER_ONLY, "encipherOnly" },
    { KU_DECIPHER_ONLY, "decipherOnly" },
  };
  g_autoptr(GStrvBuilder) builder = NULL;
  guint32 ku;

  if ((X509_get_extension_flags (cert) & EXFLAG_KUSAGE) == 0)
    return NULL;
  ku = X509_get_key_usage (cert);
  builder = g_strv_builder_new ();
  for (gsize i = 0; i < G_N_ELEMENTS (usages); i++) {
    if (ku & usages[i].bit)
      g_strv_builder_add (builder, usages[i].name);
  }
  return g_strv_builder_end (builder);
}


GStrv
cl_x509_extended_key_usages (X509 *cert)
{
  EXTENDED_KEY_USAGE *eku = X509_get_ext_d2i (cert, NID_ext_key_usage, NULL, NULL);
  g_autoptr(GStrvBuilder) builder = NULL;

  if (eku == NULL) {
    ERR_clear_error ();
    return NULL;
  }
  builder = g_strv_builder_new ();
  for (int i = 0; i < sk_ASN1_OBJECT_num (eku); i++) {
    char oid[128];

    if (OBJ_obj2txt (oid, sizeof oid, sk_ASN1_OBJECT_value (eku, i), 1) > 0)
      g_strv_builder_add (builder, oid);
  }
  EXTENDED_KEY_USAGE_free (eku);
  return g_strv_builder_end (builder);
}


const char *
cl_x509_eku_name (const char *oid)
{
  static const struct { const char *oid; const char *name; } names[] = {
    { CL_OID_EKU_ANY, "anyExtendedKeyUsage" },
    { CL_OID_EKU_SERVER_AUTH, "serverAuth" },
    { CL_OID_EKU_CLIENT_AUTH, "clientAuth" },
    { CL_OID_EKU_CODE_SIGNING, "codeSigning" },
    { CL_OID_EKU_EMAIL_PROTECTION, "emailProtection" },
    { CL_OID_EKU_TIME_STAMPING, "timeStamping" },
    { CL_OID_EKU_OCSP_SIGNING, "OCSPSigning" },
    { CL_OID_EKU_DOCUMENT_SIGNING, "documentSigning" },
    { CL_OID_EKU_MS_C2PA_SIGNING, "Microsoft C2PA signing" },
    { CL_OID_EKU_C2PA_CLAIM_SIGNING, "c2pa-kp-claimSigning" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (names); i++) {
    if (g_str_equal (oid, names[i].oid))
      return names[i].name;
  }
  return oid;
}


GStrv
cl_x509_ocsp_urls (X509 *cert)
{
  STACK_OF(OPENSSL_STRING) *urls = X509_get1_ocsp (cert);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (int i = 0; urls != NULL && i < sk_OPENSSL_STRING_num (urls); i++)
    g_strv_builder_add (builder, sk_OPENSSL_STRING_value (urls, i));
  X509_email_free (urls);
  return g_strv_builder_end (builder);
}


GStrv
cl_x509_crl_urls (X509 *cert)
{
  CRL_DIST_POINTS *points = X509_get_ext_d2i (cert, NID_crl_distribution_points, NULL, NULL);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (int i = 0; points != NULL && i < sk_DIST_POINT_num (points); i++) {
    DIST_POINT *point = sk_DIST_POINT_value (points, i);

    if (point->distpoint == NULL || point->distpoint->type != 0)
      continue;
    for (int j = 0; j < sk_GENERAL_NAME_num (point->distpoint->name.fullname); j++) {
      GENERAL_NAME *name = sk_GENERAL_NAME_value (point->distpoint->name.fullname, j);

      if (name->type == GEN_URI) {
        const ASN1_IA5STRING *uri = name->d.uniformResourceIdentifier;
        g_autofree char *text = g_strndup ((const char *) ASN1_STRING_get0_data (uri),
                                           (gsize) ASN1_STRING_length (uri));

        g_strv_builder_add (builder, text);
      }
    }
  }
  if (points == NULL)
    ERR_clear_error ();
  CRL_DIST_POINTS_free (points);
  return g_strv_builder_end (builder);
}


gboolean
cl_x509_is_ca (X509 *cert)
{
  return (X509_get_extension_flags (cert) & EXFLAG_CA) != 0;
}


gboolean
cl_x509_is_self_signed (X509 *cert)
{
  gboolean self_signed = X509_self_signed (cert, 1) == 1;

  ERR_clear_error ();
  return self_signed;
}


static void
add_name (JsonBuilder     *builder,
          const char      *member,
          const X509_NAME *name)
{
  static const struct { const char *key; int nid; } parts[] = {
    { "CN", NID_commonName },
    { "O", NID_organizationName },
    { "OU", NID_organizationalUnitName },
    { "C", NID_countryName },
  };
  g_autofree char *dn = cl_x509_name_to_string (name);

  json_builder_set_member_name (builder, member);
  json_builder_begin_object (builder);
  for (gsize i = 0; i < G_N_ELEMENTS (parts); i++) {
    g_autofree char *value = cl_x509_name_get (name, parts[i].nid);

    if (value != NULL) {
      json_builder_set_member_name (builder, parts[i].key);
      json_builder_add_string_value (builder, value);
    }
  }
  json_builder_set_member_name (builder, "dn");
  json_builder_add_string_value (builder, dn);
  json_builder_end_object (builder);
}


static void
add_time (JsonBuilder     *builder,
          const char      *member,
          const ASN1_TIME *time)
{
  gint64 t;

  json_builder_set_member_name (builder, member);
  if (cl_asn1_time_to_unix (time, &t)) {
    g_autofree char *iso = cl_unix_to_iso8601 (t);

    json_builder_add_string_value (builder, iso);
  } else {
    json_builder_add_null_value (builder);
  }
}


static void
add_strv (JsonBuilder *builder,
          const char  *member,
          GStrv        values)
{
  json_builder_set_member_name (builder, member);
  if (values == NULL) {
    json_builder_add_null_value (builder);
    return;
  }
  json_builder_begin_array (builder);
  for (GStrv v = values; *v != NULL; v++)
    json_builder_add_string_value (builder, *v);
  json_builder_end_array (builder);
}


void
cl_x509_add_json_members (X509        *cert,
                          JsonBuilder *builder)
{
  g_autofree char *serial = cl_x509_serial_hex (cert);
  g_autofree char *sigalg = cl_x509_signature_algorithm (cert);
  g_autofree char *fingerprint = cl_x509_sha256_hex (cert);
  g_auto(GStrv) ku = cl_x509_key_usages (cert);
  g_auto(GStrv) eku = cl_x509_extended_key_usages (cert);
  g_autofree char *key = NULL;
  int bits = 0;
  long pathlen;

  key = cl_x509_key_description (cert, &bits);

  add_name (builder, "subject", X509_get_subject_name (cert));
  add_name (builder, "issuer", X509_get_issuer_name (cert));
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, X509_get_version (cert) + 1);
  json_builder_set_member_name (builder, "serial");
  json_builder_add_string_value (builder, serial);
  add_time (builder, "notBefore", X509_get0_notBefore (cert));
  add_time (builder, "notAfter", X509_get0_notAfter (cert));
  json_builder_set_member_name (builder, "signatureAlgorithm");
  json_builder_add_string_value (builder, sigalg);
  json_builder_set_member_name (builder, "publicKey");
  json_builder_add_string_value (builder, key);
  json_builder_set_member_name (builder, "publicKeyBits");
  json_builder_add_int_value (builder, bits);
  add_strv (builder, "keyUsage", ku);

  json_builder_set_member_name (builder, "extendedKeyUsage");
  if (eku == NULL) {
    json_builder_add_null_value (builder);
  } else {
    json_builder_begin_array (builder);
    for (GStrv v = eku; *v != NULL; v++) {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "oid");
      json_builder_add_string_value (builder, *v);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, cl_x509_eku_name (*v));
      json_builder_end_object (builder);
    }
    json_builder_end_array (builder);
  }

  json_builder_set_member_name (builder, "basicConstraints");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "ca");
  json_builder_add_boolean_value (builder, cl_x509_is_ca (cert));
  pathlen = X509_get_pathlen (cert);
  if (pathlen >= 0) {
    json_builder_set_member_name (builder, "pathLength");
    json_builder_add_int_value (builder, pathlen);
  }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "sha256");
  json_builder_add_string_value (builder, fingerprint);
}
