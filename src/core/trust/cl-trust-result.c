/* cl-trust-result.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cl-json-util.h"
#include "cl-trust-result.h"
#include "cl-x509.h"


ClCertCheck *
cl_cert_check_new (const char     *id,
                   ClCheckOutcome  outcome,
                   const char     *reason)
{
  ClCertCheck *check = g_new0 (ClCertCheck, 1);

  check->id = g_strdup (id);
  check->outcome = outcome;
  check->reason = g_strdup (reason);
  return check;
}


void
cl_cert_check_free (ClCertCheck *check)
{
  if (check == NULL)
    return;
  g_free (check->id);
  g_free (check->reason);
  g_free (check);
}


const char *
cl_check_outcome_to_string (ClCheckOutcome outcome)
{
  switch (outcome) {
  case CL_CHECK_PASS: return "pass";
  case CL_CHECK_WARN: return "warn";
  case CL_CHECK_FAIL: return "fail";
  case CL_CHECK_INFO:
  default:
    return "info";
  }
}


ClCertReport *
cl_cert_report_new (X509       *cert,
                    ClCertRole  role)
{
  ClCertReport *report = g_new0 (ClCertReport, 1);

  X509_up_ref (cert);
  report->cert = cert;
  report->role = role;
  report->checks = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_cert_check_free);
  return report;
}


void
cl_cert_report_free (ClCertReport *report)
{
  if (report == NULL)
    return;
  X509_free (report->cert);
  g_free (report->list_entity);
  g_ptr_array_unref (report->checks);
  cl_revocation_info_free (report->revocation);
  g_free (report);
}


ClCertCheck *
cl_cert_report_find (ClCertReport *report,
                     const char   *id)
{
  for (guint i = 0; i < report->checks->len; i++) {
    ClCertCheck *check = g_ptr_array_index (report->checks, i);

    if (g_str_equal (check->id, id))
      return check;
  }
  return NULL;
}


const char *
cl_cert_role_to_string (ClCertRole role)
{
  switch (role) {
  case CL_CERT_ROLE_SIGNER: return "signer";
  case CL_CERT_ROLE_INTERMEDIATE: return "intermediate";
  case CL_CERT_ROLE_ANCHOR:
  default:
    return "anchor";
  }
}


ClTrustResult *
cl_trust_result_new (void)
{
  ClTrustResult *result = g_new0 (ClTrustResult, 1);

  g_atomic_ref_count_init (&result->ref_count);
  result->codes = g_ptr_array_new_with_free_func (g_free);
  result->certs = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_cert_report_free);
  return result;
}


ClTrustResult *
cl_trust_result_ref (ClTrustResult *result)
{
  g_atomic_ref_count_inc (&result->ref_count);
  return result;
}


void
cl_trust_result_unref (ClTrustResult *result)
{
  if (result == NULL || !g_atomic_ref_count_dec (&result->ref_count))
    return;
  g_ptr_array_unref (result->codes);
  g_ptr_array_unref (result->certs);
  g_free (result->list_name);
  g_free (result->list_source);
  g_free (result->list_label);
  g_free (result->anchor_entity);
  g_free (result->chain_error);
  g_clear_pointer (&result->product, cl_conforming_product_unref);
  g_free (result->summary);
  g_free (result);
}


gboolean
cl_trust_result_has_code (ClTrustResult *result,
                          const char    *code)
{
  for (guint i = 0; i < result->codes->len; i++) {
    if (g_str_equal (g_ptr_array_index (result->codes, i), code))
      return TRUE;
  }
  return FALSE;
}


gboolean
cl_trust_result_signer_valid_at_time (ClTrustResult *result)
{
  ClCertCheck *validity;

  if (result->certs->len == 0)
    return FALSE;
  validity = cl_cert_report_find (g_ptr_array_index (result->certs, 0), "validity");
  return validity != NULL && validity->outcome == CL_CHECK_PASS;
}


ClRevocationInfo *
cl_trust_result_get_signer_revocation (ClTrustResult *result)
{
  ClCertReport *signer;

  if (result->certs->len == 0)
    return NULL;
  signer = g_ptr_array_index (result->certs, 0);
  return signer->role == CL_CERT_ROLE_SIGNER ? signer->revocation : NULL;
}



static void
add_time (JsonBuilder *builder,
          const char  *member,
          gint64       t)
{
  g_autofree char *iso = t != 0 ? cl_unix_to_iso8601 (t) : NULL;

  cl_json_builder_add_string_or_null (builder, member, iso);
}


static void
add_revocation (JsonBuilder            *builder,
                const ClRevocationInfo *info)
{
  json_builder_set_member_name (builder, "revocation");
  if (info == NULL) {
    json_builder_add_null_value (builder);
    return;
  }
  json_builder_begin_object (builder);
  cl_json_builder_add_string_or_null (builder, "status",
                                      cl_revocation_state_to_string (info->state));
  cl_json_builder_add_string_or_null (builder, "source",
                                      cl_revocation_source_to_string (info->source));
  add_time (builder, "thisUpdate", info->this_update);
  add_time (builder, "nextUpdate", info->next_update);
  add_time (builder, "revokedAt", info->revoked_at);
  cl_json_builder_add_string_or_null (builder, "reason", cl_revocation_reason_name (info->reason));
  cl_json_builder_add_string_or_null (builder, "url", info->url);
  cl_json_builder_add_string_or_null (builder, "explanation", info->detail);
  json_builder_end_object (builder);
}


JsonNode *
cl_trust_result_to_json (ClTrustResult *result)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "trusted");
  json_builder_add_boolean_value (builder, result->trusted);
  json_builder_set_member_name (builder, "profileValid");
  json_builder_add_boolean_value (builder, result->profile_ok);
  cl_json_builder_add_string_or_null (builder, "method",
                                      result->method == CL_TRUST_METHOD_CHAIN ? "chain"
                                      : result->method == CL_TRUST_METHOD_ALLOWED_LIST
                                      ? "allowed-list" : NULL);
  cl_json_builder_add_string_or_null (builder, "trustList", result->list_name);
  cl_json_builder_add_string_or_null (builder, "trustListKind",
                                      result->list_name != NULL
                                      ? cl_trust_list_kind_to_string (result->list_kind) : NULL);
  cl_json_builder_add_string_or_null (builder, "trustListUri", result->list_source);
  add_time (builder, "trustListSnapshot", result->list_name != NULL ? result->list_snapshot : 0);
  cl_json_builder_add_string_or_null (builder, "trustAnchorEntity", result->anchor_entity);
  cl_json_builder_add_string_or_null (builder, "chainError", result->chain_error);
  add_time (builder, "judgedAt", result->judged_time);
  json_builder_set_member_name (builder, "judgedAtTrustedTime");
  json_builder_add_boolean_value (builder, result->time_is_trusted);
  cl_json_builder_add_string_or_null (builder, "summary", result->summary);
  if (result->product != NULL) {
    json_builder_set_member_name (builder, "conformingProduct");
    json_builder_add_value (builder, cl_conforming_product_to_json (result->product));
  }

  json_builder_set_member_name (builder, "codes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < result->codes->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (result->codes, i));
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "certificates");
  json_builder_begin_array (builder);
  for (guint i = 0; i < result->certs->len; i++) {
    ClCertReport *report = g_ptr_array_index (result->certs, i);

    json_builder_begin_object (builder);
    cl_json_builder_add_string_or_null (builder, "role", cl_cert_role_to_string (report->role));
    json_builder_set_member_name (builder, "fromTrustList");
    json_builder_add_boolean_value (builder, report->from_list);
    if (report->list_entity != NULL)
      cl_json_builder_add_string_or_null (builder, "listEntity", report->list_entity);
    cl_x509_add_json_members (report->cert, builder);
    json_builder_set_member_name (builder, "checks");
    json_builder_begin_array (builder);
    for (guint j = 0; j < report->checks->len; j++) {
      ClCertCheck *check = g_ptr_array_index (report->checks, j);

      json_builder_begin_object (builder);
      cl_json_builder_add_string_or_null (builder, "id", check->id);
      cl_json_builder_add_string_or_null (builder, "outcome",
                                          cl_check_outcome_to_string (check->outcome));
      cl_json_builder_add_string_or_null (builder, "reason", check->reason);
      json_builder_end_object (builder);
    }
    json_builder_end_array (builder);
    add_revocation (builder, report->revocation);
    json_builder_end_object (builder);
  }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}


static const char *
role_label (ClCertRole role)
{
  switch (role) {
  case CL_CERT_ROLE_SIGNER: return _("Signer");
  case CL_CERT_ROLE_INTERMEDIATE: return _("Intermediate");
  case CL_CERT_ROLE_ANCHOR:
  default:
    return _("Trust anchor");
  }
}


static const char *
outcome_mark (ClCheckOutcome outcome)
{
  switch (outcome) {
  case CL_CHECK_PASS: return "ok  ";
  case CL_CHECK_WARN: return "warn";
  case CL_CHECK_FAIL: return "FAIL";
  case CL_CHECK_INFO:
  default:
    return "    ";
  }
}


char *
cl_trust_result_to_text (ClTrustResult *result)
{
  GString *out = g_string_new (NULL);
  g_autofree char *when = cl_unix_to_iso8601 (result->judged_time);

  g_string_append_printf (out, "%s\n", result->summary);
  g_string_append_printf (out, result->time_is_trusted ? _("Judged at %s (given time)\n")
                                                        : _("Judged at %s (now; no trusted time)\n"),
                          when);
  if (result->product != NULL) {
    g_autofree char *product = cl_conforming_product_describe (result->product);

    g_string_append_printf (out, _("Conforming product: %s\n"), product);
  }
  g_string_append_printf (out, _("Status codes: "));
  for (guint i = 0; i < result->codes->len; i++)
    g_string_append_printf (out, i == 0 ? "%s" : ", %s",
                            (char *) g_ptr_array_index (result->codes, i));
  g_string_append (out, "\n");

  for (guint i = 0; i < result->certs->len; i++) {
    ClCertReport *report = g_ptr_array_index (result->certs, i);
    g_autofree char *subject = cl_x509_name_to_string (X509_get_subject_name (report->cert));
    g_autofree char *issuer = cl_x509_name_to_string (X509_get_issuer_name (report->cert));
    g_autofree char *serial = cl_x509_serial_hex (report->cert);
    g_autofree char *fingerprint = cl_x509_sha256_hex (report->cert);
    g_autofree char *key = cl_x509_key_description (report->cert, NULL);
    g_autofree char *sigalg = cl_x509_signature_algorithm (report->cert);
    gint64 nb = 0, na = 0;
    g_autofree char *not_before = NULL;
    g_autofree char *not_after = NULL;

    cl_asn1_time_to_unix (X509_get0_notBefore (report->cert), &nb);
    cl_asn1_time_to_unix (X509_get0_notAfter (report->cert), &na);
    not_before = cl_unix_to_iso8601 (nb);
    not_after = cl_unix_to_iso8601 (na);

    g_string_append_printf (out, "\n[%u] %s%s\n", i, role_label (report->role),
                            report->from_list ? _(" (from the trust list)") : "");
    if (report->list_entity != NULL)
      g_string_append_printf (out, _("    Listed for: %s\n"), report->list_entity);
    g_string_append_printf (out, _("    Subject:   %s\n"), subject);
    g_string_append_printf (out, _("    Issuer:    %s\n"), issuer);
    g_string_append_printf (out, _("    Serial:    %s\n"), serial);
    g_string_append_printf (out, _("    Valid:     %s – %s\n"), not_before, not_after);
    g_string_append_printf (out, _("    Key:       %s, signed with %s\n"), key, sigalg);
    g_string_append_printf (out, _("    SHA-256:   %s\n"), fingerprint);
    for (guint j = 0; j < report->checks->len; j++) {
      ClCertCheck *check = g_ptr_array_index (report->checks, j);

      g_string_append_printf (out, "    %s %-22s %s\n", outcome_mark (check->outcome), check->id,
                              check->reason);
    }
    if (report->revocation != NULL)
      g_string_append_printf (out, _("    Revocation: %s\n"), report->revocation->detail);
  }
  return g_string_free (out, FALSE);
}
