/* cl-verdict.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-verdict"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-status.h"
#include "cl-status-text.h"
#include "cl-verdict.h"


const char *
cl_verdict_to_string (ClVerdict verdict)
{
  switch (verdict) {
  case CL_VERDICT_TRUSTED: return "trusted";
  case CL_VERDICT_VALID: return "valid";
  case CL_VERDICT_INVALID: return "invalid";
  case CL_VERDICT_ERROR: return "error";
  case CL_VERDICT_NO_CREDENTIALS:
  default:
    return "no_manifest";
  }
}


const char *
cl_verdict_describe (ClVerdict verdict)
{
  switch (verdict) {
  case CL_VERDICT_TRUSTED: return _("Trusted");
  case CL_VERDICT_VALID: return _("Valid — signer not on your trust lists");
  case CL_VERDICT_INVALID: return _("Invalid");
  case CL_VERDICT_ERROR: return _("Could not read this file");
  case CL_VERDICT_NO_CREDENTIALS:
  default:
    return _("No Content Credentials");
  }
}


static char *
signer_name (ClValidationReport *report)
{
  ClManifestReport *active = cl_validation_report_get_active (report);

  if (active == NULL)
    return NULL;
  if (active->sig_common_name != NULL && active->sig_issuer != NULL)
    return g_strdup_printf ("%s (%s)", active->sig_common_name, active->sig_issuer);
  return g_strdup (active->sig_common_name != NULL ? active->sig_common_name
                                                   : active->sig_issuer);
}


/* Trusted and Valid name the signer; Invalid gives the first failure that counts, the
 * active manifest's before its history's. */
static ClVerdict
decide_by_state (ClValidationReport  *report,
                 const char          *trust_list_name,
                 GStrv                failure,
                 GStrv                ingredient_failures,
                 char               **reason)
{
  g_autofree char *signer = signer_name (report);

  switch (report->state) {
  case CL_VALIDATION_STATE_TRUSTED:
    if (trust_list_name != NULL)
      *reason = g_strdup_printf (_("Signed by %s, who is on your trust list “%s”"),
                                 signer != NULL ? signer : _("an unnamed signer"),
                                 trust_list_name);
    else
      *reason = g_strdup_printf (_("Signed by %s, who is on your trust lists"),
                                 signer != NULL ? signer : _("an unnamed signer"));
    return CL_VERDICT_TRUSTED;
  case CL_VALIDATION_STATE_VALID:
    *reason = g_strdup_printf (_("The credentials are intact and the image is unchanged, "
                                 "but %s is on none of your trust lists"),
                               signer != NULL ? signer : _("the signer"));
    return CL_VERDICT_VALID;
  case CL_VALIDATION_STATE_INVALID:
  default:
    for (char **code = failure; *code != NULL; code++) {
      if (!cl_status_failure_is_tolerated (*code)) {
        *reason = g_strdup (cl_status_text_failure_reason (*code));
        return CL_VERDICT_INVALID;
      }
    }
    if (ingredient_failures[0] != NULL)
      *reason = g_strdup_printf (_("Part of the image’s history fails: %s"),
                                 cl_status_text_describe (ingredient_failures[0]));
    else
      *reason = g_strdup (_("The credentials do not hold"));
    return CL_VERDICT_INVALID;
  }
}


ClVerdict
cl_verdict_decide (ClValidationReport  *report,
                   const char          *trust_list_name,
                   GStrv                failure,
                   GStrv                ingredient_failures,
                   char               **reason)
{
  g_return_val_if_fail (report != NULL && reason != NULL, CL_VERDICT_ERROR);

  if (!report->has_manifest) {
    *reason = g_strdup (_("This image carries no Content Credentials: nothing says where "
                          "it comes from"));
    return CL_VERDICT_NO_CREDENTIALS;
  }
  return decide_by_state (report, trust_list_name, failure, ingredient_failures, reason);
}
