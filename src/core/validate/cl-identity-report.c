/* cl-identity-report.c: field names follow what c2pa-rs's reader shows in place of a
 * cawg.identity assertion's data (signature_info for X.509; issuer, validFrom,
 * validUntil and verifiedIdentities for identity claims aggregation).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cl-identity-report.h"
#include "cl-json-util.h"
#include "cl-status-codes.h"


ClIdentityReport *
cl_identity_report_new (const char *label,
                        const char *url,
                        const char *sig_type)
{
  ClIdentityReport *identity = g_new0 (ClIdentityReport, 1);

  identity->label = g_strdup (label);
  identity->url = g_strdup (url);
  identity->sig_type = g_strdup (sig_type);
  identity->verified_identities =
    g_ptr_array_new_with_free_func ((GDestroyNotify) cl_verified_identity_free);
  identity->statuses = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_status_free);
  return identity;
}


void
cl_verified_identity_free (ClVerifiedIdentity *verified)
{
  if (verified == NULL)
    return;
  g_free (verified->type);
  g_free (verified->name);
  g_free (verified->username);
  g_free (verified->address);
  g_free (verified->uri);
  g_free (verified->verified_at);
  g_free (verified->provider_id);
  g_free (verified->provider_name);
  g_free (verified);
}


void
cl_identity_report_free (ClIdentityReport *identity)
{
  if (identity == NULL)
    return;
  g_free (identity->label);
  g_free (identity->url);
  g_free (identity->sig_type);
  g_free (identity->cert_alg);
  g_free (identity->cert_common_name);
  g_free (identity->cert_organization);
  g_free (identity->cert_issuer);
  g_free (identity->cert_serial);
  g_free (identity->issuer_did);
  g_free (identity->valid_from);
  g_free (identity->valid_until);
  g_ptr_array_unref (identity->verified_identities);
  g_ptr_array_unref (identity->statuses);
  g_free (identity);
}



ClIdentityState
cl_identity_report_get_state (const ClIdentityReport  *identity,
                              const char             **failure_code)
{
  const ClStatus *failure = NULL;
  gboolean untrusted = FALSE, success = FALSE;

  for (guint i = 0; identity->statuses != NULL && i < identity->statuses->len; i++) {
    const ClStatus *status = g_ptr_array_index (identity->statuses, i);

    if (status->kind == CL_STATUS_FAILURE &&
        (g_strcmp0 (status->code, CL_CODE_CAWG_X509_CREDENTIAL_UNTRUSTED) == 0 ||
         g_strcmp0 (status->code, CL_CODE_CAWG_ICA_UNTRUSTED_ISSUER) == 0))
      untrusted = TRUE;
    else if (status->kind == CL_STATUS_FAILURE && failure == NULL)
      failure = status;
    else if (status->kind == CL_STATUS_SUCCESS)
      success = TRUE;
  }
  if (failure_code != NULL)
    *failure_code = failure != NULL ? failure->code : NULL;
  if (failure != NULL)
    return CL_IDENTITY_STATE_INVALID;
  if (untrusted)
    return CL_IDENTITY_STATE_UNTRUSTED_ISSUER;
  return success ? CL_IDENTITY_STATE_VERIFIED : CL_IDENTITY_STATE_NOT_CHECKED;
}


static void
add_verified_identity (JsonBuilder        *b,
                       ClVerifiedIdentity *verified)
{
  json_builder_begin_object (b);
  cl_json_builder_add_string (b, "type", verified->type);
  cl_json_builder_add_string (b, "name", verified->name);
  cl_json_builder_add_string (b, "username", verified->username);
  cl_json_builder_add_string (b, "address", verified->address);
  cl_json_builder_add_string (b, "uri", verified->uri);
  cl_json_builder_add_string (b, "verifiedAt", verified->verified_at);
  if (verified->provider_id != NULL || verified->provider_name != NULL) {
    json_builder_set_member_name (b, "provider");
    json_builder_begin_object (b);
    cl_json_builder_add_string (b, "id", verified->provider_id);
    cl_json_builder_add_string (b, "name", verified->provider_name);
    json_builder_end_object (b);
  }
  json_builder_end_object (b);
}


/* {success, informational, failure}: the statuses of the identity by kind. */
static void
add_statuses (JsonBuilder *b,
              GPtrArray   *statuses)
{
  static const ClStatusKind kinds[] = {
    CL_STATUS_SUCCESS, CL_STATUS_INFORMATIONAL, CL_STATUS_FAILURE,
  };

  json_builder_set_member_name (b, "validation_status");
  json_builder_begin_object (b);
  for (gsize k = 0; k < G_N_ELEMENTS (kinds); k++) {
    json_builder_set_member_name (b, cl_status_kind_to_string (kinds[k]));
    json_builder_begin_array (b);
    for (guint i = 0; i < statuses->len; i++) {
      ClStatus *s = g_ptr_array_index (statuses, i);

      if (s->kind != kinds[k])
        continue;
      json_builder_begin_object (b);
      cl_json_builder_add_string (b, "code", s->code);
      cl_json_builder_add_string (b, "url", s->url);
      cl_json_builder_add_string (b, "explanation", s->explanation);
      json_builder_end_object (b);
    }
    json_builder_end_array (b);
  }
  json_builder_end_object (b);
}


JsonNode *
cl_identity_report_to_json (ClIdentityReport *identity)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  cl_json_builder_add_string (b, "label", identity->label);
  cl_json_builder_add_string (b, "url", identity->url);
  cl_json_builder_add_string (b, "sig_type", identity->sig_type);
  if (identity->cert_common_name != NULL || identity->cert_organization != NULL ||
      identity->cert_issuer != NULL) {
    /* c2pa-rs names the subject's organization "issuer"; the issuing CA is ours. */
    json_builder_set_member_name (b, "signature_info");
    json_builder_begin_object (b);
    cl_json_builder_add_string (b, "alg", identity->cert_alg);
    cl_json_builder_add_string (b, "issuer", identity->cert_organization);
    cl_json_builder_add_string (b, "common_name", identity->cert_common_name);
    cl_json_builder_add_string (b, "cert_serial_number", identity->cert_serial);
    cl_json_builder_add_string (b, "cert_issuer", identity->cert_issuer);
    json_builder_end_object (b);
  }
  cl_json_builder_add_string (b, "issuer", identity->issuer_did);
  cl_json_builder_add_string (b, "validFrom", identity->valid_from);
  cl_json_builder_add_string (b, "validUntil", identity->valid_until);
  if (identity->issuer_did != NULL) {
    json_builder_set_member_name (b, "verifiedIdentities");
    json_builder_begin_array (b);
    for (guint i = 0; i < identity->verified_identities->len; i++)
      add_verified_identity (b, g_ptr_array_index (identity->verified_identities, i));
    json_builder_end_array (b);
  }
  add_statuses (b, identity->statuses);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}
