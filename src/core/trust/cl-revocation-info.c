/* cl-revocation-info.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <openssl/ocsp.h>

#include "cl-revocation-info.h"


ClRevocationInfo *
cl_revocation_info_new (void)
{
  ClRevocationInfo *info = g_new0 (ClRevocationInfo, 1);

  info->reason = -1;
  return info;
}


ClRevocationInfo *
cl_revocation_info_copy (const ClRevocationInfo *info)
{
  ClRevocationInfo *copy = g_memdup2 (info, sizeof *info);

  copy->url = g_strdup (info->url);
  copy->detail = g_strdup (info->detail);
  return copy;
}


void
cl_revocation_info_free (ClRevocationInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->url);
  g_free (info->detail);
  g_free (info);
}


const char *
cl_revocation_reason_name (int reason)
{
  if (reason < 0)
    return NULL;
  return OCSP_crl_reason_str (reason);
}


const char *
cl_revocation_state_to_string (ClRevocationState state)
{
  switch (state) {
  case CL_REVOCATION_GOOD: return "good";
  case CL_REVOCATION_REVOKED: return "revoked";
  case CL_REVOCATION_REVOKED_LATER: return "revoked-after-signing";
  case CL_REVOCATION_UNKNOWN: return "unknown";
  case CL_REVOCATION_NOT_CHECKED:
  default:
    return "not-checked";
  }
}


const char *
cl_revocation_source_to_string (ClRevocationSource source)
{
  switch (source) {
  case CL_REVOCATION_SOURCE_STAPLED_OCSP: return "stapled-ocsp";
  case CL_REVOCATION_SOURCE_LIVE_OCSP: return "ocsp";
  case CL_REVOCATION_SOURCE_CRL: return "crl";
  case CL_REVOCATION_SOURCE_NONE:
  default:
    return "none";
  }
}


void
cl_revocation_judge (ClRevocationInfo *info,
                     gboolean          listed_revoked,
                     gint64            judged_time,
                     gboolean          time_is_trusted)
{
  if (!listed_revoked || info->reason == OCSP_REVOKED_STATUS_REMOVEFROMCRL) {
    info->state = CL_REVOCATION_GOOD;
  } else if (time_is_trusted && info->revoked_at > judged_time) {
    /* C2PA 2.2 §15.9.2: revoked after a trusted signing time does not undo the signature. */
    info->state = CL_REVOCATION_REVOKED_LATER;
  } else {
    info->state = CL_REVOCATION_REVOKED;
  }
}
