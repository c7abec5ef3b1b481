/* cl-signer-info.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cl-signer-info.h"
#include "cl-x509.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (X509, X509_free)


/* Exactly one certificate, nothing after it. */
X509 *
cl_signer_info_parse_x509 (GBytes *der)
{
  gsize len;
  const guint8 *data = g_bytes_get_data (der, &len);

  return len > 0 ? cl_x509_from_der (data, len, NULL) : NULL;
}


ClSignerInfo *
cl_signer_info_new (GBytes *der)
{
  g_autoptr(X509) cert = cl_signer_info_parse_x509 (der);

  return cert != NULL ? cl_signer_info_new_from_x509 (cert) : NULL;
}


ClSignerInfo *
cl_signer_info_new_from_x509 (X509 *cert)
{
  ClSignerInfo *info = g_new0 (ClSignerInfo, 1);

  info->organization = cl_x509_name_get (X509_get_subject_name (cert), NID_organizationName);
  info->common_name = cl_x509_name_get (X509_get_subject_name (cert), NID_commonName);
  info->serial_decimal = cl_x509_serial_decimal (cert);
  if (!cl_asn1_time_to_unix (X509_get0_notBefore (cert), &info->not_before))
    info->not_before = 0;
  if (!cl_asn1_time_to_unix (X509_get0_notAfter (cert), &info->not_after))
    info->not_after = 0;
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
