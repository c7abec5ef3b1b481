/* cl-signer-info.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <time.h>
#include <openssl/bn.h>

#include "cl-signer-info.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (X509, X509_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BIGNUM, BN_free)


X509 *
cl_signer_info_parse_x509 (GBytes *der)
{
  gsize len;
  const unsigned char *data = g_bytes_get_data (der, &len);
  const unsigned char *p = data;
  X509 *cert;

  if (len == 0 || len > G_MAXLONG)
    return NULL;
  cert = d2i_X509 (NULL, &p, (long) len);
  if (cert != NULL && p != data + len)
    g_clear_pointer (&cert, X509_free);
  return cert;
}


static char *
name_entry (X509_NAME *name,
            int        nid)
{
  int idx = X509_NAME_get_index_by_NID (name, nid, -1);
  unsigned char *utf8 = NULL;
  int len;
  char *result;

  if (idx < 0)
    return NULL;
  len = ASN1_STRING_to_UTF8 (&utf8, X509_NAME_ENTRY_get_data (X509_NAME_get_entry (name, idx)));
  if (len < 0)
    return NULL;
  result = g_utf8_make_valid ((const char *) utf8, len);
  OPENSSL_free (utf8);
  return result;
}


static gint64
asn1_time_to_unix (const ASN1_TIME *t)
{
  struct tm tm;

  if (t == NULL || !ASN1_TIME_to_tm (t, &tm))
    return 0;
  return (gint64) timegm (&tm);
}


ClSignerInfo *
cl_signer_info_new (GBytes *der)
{
  g_autoptr(X509) cert = cl_signer_info_parse_x509 (der);
  g_autoptr(BIGNUM) serial = NULL;
  ClSignerInfo *info;
  char *dec;

  if (cert == NULL)
    return NULL;
  info = g_new0 (ClSignerInfo, 1);
  info->organization = name_entry (X509_get_subject_name (cert), NID_organizationName);
  info->common_name = name_entry (X509_get_subject_name (cert), NID_commonName);
  serial = ASN1_INTEGER_to_BN (X509_get0_serialNumber (cert), NULL);
  if (serial != NULL && (dec = BN_bn2dec (serial)) != NULL) {
    info->serial_decimal = g_strdup (dec);
    OPENSSL_free (dec);
  }
  info->not_before = asn1_time_to_unix (X509_get0_notBefore (cert));
  info->not_after = asn1_time_to_unix (X509_get0_notAfter (cert));
  return info;
}


void
cl_signer_info_free (ClSignerInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->organization);
  g_free (info->common_name);
  g_free (info->serial_decimal);
  g_free (info);
}


gboolean
cl_signer_info_valid_at (ClSignerInfo *info,
                         gint64        when)
{
  return when >= info->not_before && when <= info->not_after;
}


char *
cl_signer_info_format_time (gint64 when)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (when);

  if (dt == NULL)
    return NULL;
  return g_date_time_format (dt, "%Y-%m-%dT%H:%M:%S+00:00");
}
