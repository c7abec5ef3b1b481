/* cl-status.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cl-status.h"


ClStatusKind
cl_status_recorded_kind (const char *code)
{
  static const char *const success[] = {
    "claimSignature.validated", "claimSignature.insideValidity", "signingCredential.trusted",
    "signingCredential.ocsp.notRevoked", "timeStamp.trusted", "timeStamp.validated",
    "assertion.hashedURI.match", "assertion.dataHash.match", "assertion.bmffHash.match",
    "assertion.accessible", "assertion.boxesHash.match", "assertion.collectionHash.match",
    "ingredient.manifest.validated", "ingredient.manifest.missing",
    "ingredient.claimSignature.validated", "cawg.x509.credential.trusted",
    "cawg.x509.signature.validated", NULL,
  };
  static const char *const informational[] = {
    "signingCredential.ocsp.skipped", "signingCredential.ocsp.inaccessible",
    "signingCredential.ocsp.unknown", "timeStamp.untrusted", "timeStamp.outsideValidity",
    "timeStamp.mismatch", "timeStamp.malformed", "manifest.unknownProvenance",
    "algorithm.deprecated", "timeOfSigning.insideValidity", "ingredient.unknownProvenance",
    "assertion.dataHash.additionalExclusionsPresent", "cawg.ica.untrusted_issuer", NULL,
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
  if (g_str_equal (code, "ingredient.manifest.missing"))
    return CL_STATUS_FAILURE;
  if (g_str_equal (code, "cawg.identity.well-formed"))
    return CL_STATUS_SUCCESS;
  return cl_status_recorded_kind (code);
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
