/* cl-proof-report.c: the report a proof keeps, whole or summarised.
 *
 * A hostile file can make a report of tens of megabytes (tens of thousands of assertions, each
 * with its JSON). The proof cache keeps a report whole up to CL_PROOF_REPORT_MAX_BYTES; a
 * larger one is replaced by a summary of what people look for in the history — the verdict,
 * the validation state, the status codes, the signer, the active manifest and the content
 * hash — with a note that says the full report was too large to keep, and how large it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "cl-json-util.h"
#include "cl-proof.h"

/* How many status codes a summary keeps, all kinds together. */
#define SUMMARY_MAX_CODES 100

/* The kinds of status code in the report's validation results, failures first: when a
 * summary cannot keep every code, the successes are the ones it leaves out. */
static const char * const code_kinds[] = { "failure", "informational", "success" };


/* The string member @name of @report (an object, or NULL), or NULL. */
static const char *
report_string (JsonObject *report,
               const char *name)
{
  JsonNode *node = report != NULL ? json_object_get_member (report, name) : NULL;

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}


/* The object member @name of @object (or NULL), or NULL. */
static JsonObject *
member_object (JsonObject *object,
               const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}



/* The codes of the active manifest's validation results, kind by kind, no more than
 * SUMMARY_MAX_CODES of them in all; then how many were left out, when some were. */
static void
add_status_codes (JsonBuilder *builder,
                  JsonObject  *report)
{
  JsonObject *results = member_object (member_object (report, "validation_results"),
                                       "activeManifest");
  guint n_kept = 0, n_left_out = 0;

  if (results == NULL)
    return;

  json_builder_set_member_name (builder, "status_codes");
  json_builder_begin_object (builder);
  for (guint k = 0; k < G_N_ELEMENTS (code_kinds); k++) {
    JsonNode *node = json_object_get_member (results, code_kinds[k]);
    JsonArray *statuses = node != NULL && JSON_NODE_HOLDS_ARRAY (node)
                          ? json_node_get_array (node) : NULL;
    guint n = statuses != NULL ? json_array_get_length (statuses) : 0;

    json_builder_set_member_name (builder, code_kinds[k]);
    json_builder_begin_array (builder);
    for (guint i = 0; i < n; i++) {
      JsonNode *status = json_array_get_element (statuses, i);
      const char *code = JSON_NODE_HOLDS_OBJECT (status)
                         ? report_string (json_node_get_object (status), "code") : NULL;

      if (code == NULL)
        continue;
      if (n_kept == SUMMARY_MAX_CODES) {
        n_left_out++;
        continue;
      }
      json_builder_add_string_value (builder, code);
      n_kept++;
    }
    json_builder_end_array (builder);
  }
  json_builder_end_object (builder);

  if (n_left_out > 0) {
    json_builder_set_member_name (builder, "status_codes_left_out");
    json_builder_add_int_value (builder, n_left_out);
  }
}


/* The summary that stands for a report of @full_size bytes: from @report (an object, or
 * NULL when only the proof's own fields are at hand) and from @proof. */
static char *
summarise (const ClProof *proof,
           JsonObject    *report,
           gsize          full_size)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *size_text = g_format_size (full_size);
  g_autofree char *note = NULL;
  const char *verdict = report_string (report, "verdict");

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "summarised");
  json_builder_add_boolean_value (builder, TRUE);
  json_builder_set_member_name (builder, "full_report_bytes");
  json_builder_add_int_value (builder, (gint64) full_size);
  json_builder_set_member_name (builder, "note");
  /* Translators: %s is a size, such as "49.0 MB" */
  note = g_strdup_printf (_("The full report (%s) was too large to keep in the proof cache; "
                            "this is its summary"), size_text);
  json_builder_add_string_value (builder, note);

  cl_json_builder_add_string (builder, "path", report_string (report, "path"));
  cl_json_builder_add_string (builder, "verdict", verdict != NULL ? verdict
                                                  : cl_proof_verdict_to_string (proof->verdict));
  cl_json_builder_add_string (builder, "reason", report_string (report, "reason"));
  cl_json_builder_add_string (builder, "validation_state",
                              report_string (report, "validation_state"));
  add_status_codes (builder, report);
  cl_json_builder_add_string (builder, "active_manifest", proof->manifest_label);
  if (proof->signer_subject != NULL || proof->signer_fingerprint != NULL) {
    json_builder_set_member_name (builder, "signer");
    json_builder_begin_object (builder);
    cl_json_builder_add_string (builder, "subject", proof->signer_subject);
    cl_json_builder_add_string (builder, "fingerprint", proof->signer_fingerprint);
    json_builder_end_object (builder);
  }
  cl_json_builder_add_string (builder, "content_hash", proof->content_hash);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}


/* Gives @proof the JSON of @report (an object) as its report: whole when it is no larger
 * than CL_PROOF_REPORT_MAX_BYTES, otherwise summarised. Call it once the proof's label,
 * signer and content hash are set: a summary takes them from the proof. */
void
cl_proof_set_report (ClProof  *proof,
                     JsonNode *report)
{
  g_autofree char *text = NULL;
  gsize size;

  g_return_if_fail (proof != NULL);
  g_return_if_fail (report != NULL);

  text = json_to_string (report, FALSE);
  size = strlen (text);
  g_free (proof->report_json);
  if (size <= CL_PROOF_REPORT_MAX_BYTES) {
    proof->report_json = g_steal_pointer (&text);
    return;
  }
  g_clear_pointer (&text, g_free);
  proof->report_json = summarise (proof, JSON_NODE_HOLDS_OBJECT (report)
                                         ? json_node_get_object (report) : NULL, size);
}


/* Replaces a report of @proof larger than CL_PROOF_REPORT_MAX_BYTES by a summary made from
 * the proof's own fields alone (reading the large report back would cost what the limit
 * saves). Returns whether it did. */
gboolean
cl_proof_limit_report (ClProof *proof)
{
  gsize size;

  g_return_val_if_fail (proof != NULL, FALSE);

  if (proof->report_json == NULL)
    return FALSE;
  size = strlen (proof->report_json);
  if (size <= CL_PROOF_REPORT_MAX_BYTES)
    return FALSE;
  g_free (proof->report_json);
  proof->report_json = summarise (proof, NULL, size);
  return TRUE;
}


/* Whether the report @proof keeps is a summary; then *@out_full_size (when given) is the
 * size of the full report, in bytes. */
gboolean
cl_proof_report_is_summarised (const ClProof *proof,
                               guint64       *out_full_size)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  JsonNode *root;
  JsonObject *report;

  g_return_val_if_fail (proof != NULL, FALSE);

  if (proof->report_json == NULL ||
      !json_parser_load_from_data (parser, proof->report_json, -1, NULL))
    return FALSE;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return FALSE;
  report = json_node_get_object (root);
  if (!json_object_get_boolean_member_with_default (report, "summarised", FALSE))
    return FALSE;
  if (out_full_size != NULL)
    *out_full_size = (guint64) json_object_get_int_member_with_default (report,
                                                                        "full_report_bytes", 0);
  return TRUE;
}
