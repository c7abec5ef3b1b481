/* cl-verification-json.c: a verification as JSON: the report in c2patool's shape plus
 * CredLink's members (cl-verification.h says which).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cl-cert-testing.h"
#include "cl-ingredient-tree.h"
#include "cl-proof.h"
#include "cl-signals.h"
#include "cl-verdict.h"
#include "cl-verification.h"


static const char *
proof_state_to_string (ClConfidenceProof state)
{
  switch (state) {
  case CL_CONFIDENCE_PROOF_NOT_FOUND: return "not_found";
  case CL_CONFIDENCE_PROOF_MATCHES: return "matches";
  case CL_CONFIDENCE_PROOF_DIFFERS: return "differs";
  case CL_CONFIDENCE_PROOF_UNKNOWN:
  default:
    return "not_consulted";
  }
}


/* The trust result, with "is_test_certificate" for the signer's chain and each certificate. */
static JsonNode *
trust_to_json (ClTrustResult *trust,
               gboolean       test_certificate)
{
  JsonNode *node = cl_trust_result_to_json (trust);
  JsonObject *object = json_node_get_object (node);
  JsonArray *certificates = json_object_get_array_member (object, "certificates");

  json_object_set_boolean_member (object, "is_test_certificate", test_certificate);
  for (guint i = 0; certificates != NULL && i < json_array_get_length (certificates) &&
                    i < trust->certs->len; i++) {
    ClCertReport *cert = g_ptr_array_index (trust->certs, i);

    json_object_set_boolean_member (json_array_get_object_element (certificates, i),
                                    "is_test_certificate", cl_cert_is_for_testing (cert->cert));
  }
  return node;
}


JsonNode *
cl_verification_to_json (ClVerification *self)
{
  JsonNode *root = self->report != NULL ? cl_validation_report_to_json (self->report)
                                        : json_node_init_object (json_node_alloc (),
                                                                 json_object_new ());
  JsonObject *object = json_node_get_object (root);
  JsonObject *proof = json_object_new ();

  json_object_set_string_member (object, "path", self->path);
  json_object_set_string_member (object, "verdict", cl_verdict_to_string (self->verdict));
  json_object_set_string_member (object, "reason", self->reason != NULL ? self->reason : "");
  if (self->error != NULL)
    json_object_set_string_member (object, "error", self->error->message);
  if (self->report == NULL)
    return root;

  json_object_set_boolean_member (object, "recovered", self->recovered);
  if (self->remote_url != NULL)
    json_object_set_string_member (object, "remote_manifest", self->remote_url);
  if (self->manifest_file != NULL) {
    JsonObject *detached = json_object_new ();

    json_object_set_string_member (detached, "path", self->manifest_file);
    json_object_set_boolean_member (detached, "sidecar", self->manifest_file_is_sidecar);
    json_object_set_object_member (object, "detached_manifest", detached);
  }
  if (self->report->format == CL_ASSET_FORMAT_C2PA)
    json_object_set_boolean_member (object, "manifest_store_only", TRUE);
  if (self->trust != NULL)
    json_object_set_member (object, "trust", trust_to_json (self->trust, self->test_certificate));
  if (self->confidence != NULL)
    json_object_set_member (object, "confidence", cl_confidence_to_json (self->confidence));

  json_object_set_string_member (proof, "state", proof_state_to_string (self->proof_state));
  json_object_set_boolean_member (proof, "found",
                                  self->proof_state == CL_CONFIDENCE_PROOF_MATCHES ||
                                  self->proof_state == CL_CONFIDENCE_PROOF_DIFFERS);
  json_object_set_boolean_member (proof, "matches",
                                  self->proof_state == CL_CONFIDENCE_PROOF_MATCHES);
  if (self->earlier_proof != NULL) {
    g_autofree char *first_seen = self->earlier_proof->first_seen != NULL
                                  ? g_date_time_format_iso8601 (self->earlier_proof->first_seen)
                                  : NULL;

    json_object_set_string_member (proof, "kind",
                                   cl_proof_kind_to_string (self->earlier_proof->kind));
    if (first_seen != NULL)
      json_object_set_string_member (proof, "first_seen", first_seen);
    json_object_set_string_member (proof, "id", self->earlier_proof->id);
  }
  json_object_set_object_member (object, "proof", proof);
  json_object_set_member (object, "signals", cl_signals_to_json (self->signals));
  cl_ingredient_tree_add_to_json (self->report, object);
  return root;
}
