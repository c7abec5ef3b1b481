/* cl-status.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cl-status-codes.h"
#include "cl-status.h"


ClStatusKind
cl_status_recorded_kind (const char *code)
{
  static const char *const success[] = {
    CL_CODE_CLAIM_SIGNATURE_VALIDATED, CL_CODE_CLAIM_SIGNATURE_INSIDE_VALIDITY, CL_CODE_SIGNING_CREDENTIAL_TRUSTED,
    CL_CODE_SIGNING_CREDENTIAL_OCSP_NOT_REVOKED, CL_CODE_TIME_STAMP_TRUSTED, CL_CODE_TIME_STAMP_VALIDATED,
    CL_CODE_ASSERTION_HASHED_URI_MATCH, CL_CODE_ASSERTION_DATA_HASH_MATCH, CL_CODE_ASSERTION_BMFF_HASH_MATCH,
    CL_CODE_ASSERTION_ACCESSIBLE, CL_CODE_ASSERTION_BOXES_HASH_MATCH, CL_CODE_ASSERTION_COLLECTION_HASH_MATCH,
    CL_CODE_INGREDIENT_MANIFEST_VALIDATED, CL_CODE_INGREDIENT_MANIFEST_MISSING,
    CL_CODE_INGREDIENT_CLAIM_SIGNATURE_VALIDATED, CL_CODE_CAWG_X509_CREDENTIAL_TRUSTED,
    CL_CODE_CAWG_X509_SIGNATURE_VALIDATED, NULL,
  };
  static const char *const informational[] = {
    CL_CODE_SIGNING_CREDENTIAL_OCSP_SKIPPED, CL_CODE_SIGNING_CREDENTIAL_OCSP_INACCESSIBLE,
    CL_CODE_SIGNING_CREDENTIAL_OCSP_UNKNOWN, CL_CODE_TIME_STAMP_UNTRUSTED, CL_CODE_TIME_STAMP_OUTSIDE_VALIDITY,
    CL_CODE_TIME_STAMP_MISMATCH, CL_CODE_TIME_STAMP_MALFORMED, CL_CODE_MANIFEST_UNKNOWN_PROVENANCE,
    CL_CODE_ALGORITHM_DEPRECATED, "timeOfSigning.insideValidity", CL_CODE_INGREDIENT_UNKNOWN_PROVENANCE,
    CL_CODE_ASSERTION_DATA_HASH_ADDITIONAL_EXCLUSIONS_PRESENT, CL_CODE_CAWG_ICA_UNTRUSTED_ISSUER,
    CL_CODE_ASSERTION_BMFF_HASH_ADDITIONAL_EXCLUSIONS_PRESENT, NULL,
  };

  if (g_strv_contains (success, code))
    return CL_STATUS_SUCCESS;
  if (g_strv_contains (informational, code))
    return CL_STATUS_INFORMATIONAL;
  return CL_STATUS_FAILURE;
}


ClStatusKind
cl_status_kind_for_code (const char *code)
{
  /* log_kind calls it a success, but every c2pa-rs call site logs it as a failure. */
  if (g_str_equal (code, CL_CODE_INGREDIENT_MANIFEST_MISSING))
    return CL_STATUS_FAILURE;
  /* Logged as successes, though log_kind would read them back as failures. */
  if (g_str_equal (code, CL_CODE_CAWG_IDENTITY_WELL_FORMED) ||
      g_str_equal (code, CL_CODE_CAWG_ICA_CREDENTIAL_VALID) ||
      g_str_equal (code, CL_CODE_CAWG_ICA_TIME_STAMP_VALIDATED))
    return CL_STATUS_SUCCESS;
  return cl_status_recorded_kind (code);
}


gboolean
cl_status_failure_is_tolerated (const char *code)
{
  /* c2pa-rs 0.91 judges CAWG identity assertions apart from the manifest: their failures
   * keep it from Trusted but never make it Invalid. Not so those of identity claims
   * aggregation credentials (cawg.ica.*), which make it Invalid there too; an issuer off
   * the trusted list is only information (cawg.ica.untrusted_issuer). */
  return g_str_equal (code, CL_CODE_SIGNING_CREDENTIAL_UNTRUSTED) ||
         g_str_has_prefix (code, "cawg.x509.") || g_str_has_prefix (code, "cawg.identity.");
}


ClStatus *
cl_status_new (const char *code,
               const char *url,
               const char *explanation)
{
  ClStatus *s = g_new0 (ClStatus, 1);

  s->code = g_strdup (code);
  s->url = g_strdup (url);
  s->explanation = g_strdup (explanation != NULL ? explanation : "");
  s->kind = cl_status_kind_for_code (code);
  return s;
}


ClStatus *
cl_status_copy (const ClStatus *status)
{
  ClStatus *s = cl_status_new (status->code, status->url, status->explanation);

  s->kind = status->kind;
  s->ingredient_uri = g_strdup (status->ingredient_uri);
  return s;
}


void
cl_status_free (ClStatus *status)
{
  if (status == NULL)
    return;
  g_free (status->code);
  g_free (status->url);
  g_free (status->explanation);
  g_free (status->ingredient_uri);
  g_free (status);
}


const char *
cl_status_kind_to_string (ClStatusKind kind)
{
  switch (kind) {
  case CL_STATUS_SUCCESS: return "success";
  case CL_STATUS_INFORMATIONAL: return "informational";
  case CL_STATUS_FAILURE:
  default:
    return "failure";
  }
}
