/* cl-proof.c: the proof record, its checks and its JSON form.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cl-error.h"
#include "cl-json-util.h"
#include "cl-proof.h"

G_DEFINE_BOXED_TYPE (ClProof, cl_proof, cl_proof_ref, cl_proof_unref)

static const char * const kind_names[] = {
  [CL_PROOF_KIND_SIGNED] = "signed",
  [CL_PROOF_KIND_VERIFIED] = "verified",
};

static const char * const verdict_names[] = {
  [CL_PROOF_VERDICT_TRUSTED] = "trusted",
  [CL_PROOF_VERDICT_VALID] = "valid",
  [CL_PROOF_VERDICT_INVALID] = "invalid",
  [CL_PROOF_VERDICT_NO_MANIFEST] = "no_manifest",
};


ClProof *
cl_proof_new (ClProofKind kind)
{
  ClProof *proof = g_new0 (ClProof, 1);

  g_atomic_ref_count_init (&proof->ref_count);
  proof->kind = kind;
  proof->verdict = CL_PROOF_VERDICT_INVALID;

  return proof;
}


ClProof *
cl_proof_ref (ClProof *proof)
{
  g_return_val_if_fail (proof != NULL, NULL);

  g_atomic_ref_count_inc (&proof->ref_count);

  return proof;
}


void
cl_proof_unref (ClProof *proof)
{
  g_return_if_fail (proof != NULL);

  if (!g_atomic_ref_count_dec (&proof->ref_count))
    return;

  g_free (proof->id);
  g_free (proof->content_hash);
  g_free (proof->manifest_label);
  g_free (proof->claim_signature_hash);
  g_free (proof->signer_subject);
  g_free (proof->signer_fingerprint);
  g_clear_pointer (&proof->signing_time, g_date_time_unref);
  g_free (proof->report_json);
  g_free (proof->source_name);
  g_clear_pointer (&proof->first_seen, g_date_time_unref);
  g_clear_pointer (&proof->last_verified, g_date_time_unref);
  g_clear_pointer (&proof->expires_at, g_date_time_unref);
  g_clear_pointer (&proof->manifest_store, g_bytes_unref);
  g_free (proof);
}


const char *
cl_proof_kind_to_string (ClProofKind kind)
{
  g_return_val_if_fail (kind <= CL_PROOF_KIND_VERIFIED, NULL);

  return kind_names[kind];
}


gboolean
cl_proof_kind_from_string (const char  *text,
                           ClProofKind *out_kind)
{
  guint i;

  for (i = 0; text != NULL && i < G_N_ELEMENTS (kind_names); i++) {
    if (g_str_equal (text, kind_names[i])) {
      *out_kind = (ClProofKind) i;
      return TRUE;
    }
  }

  return FALSE;
}


const char *
cl_proof_verdict_to_string (ClProofVerdict verdict)
{
  g_return_val_if_fail (verdict <= CL_PROOF_VERDICT_NO_MANIFEST, NULL);

  return verdict_names[verdict];
}


gboolean
cl_proof_verdict_from_string (const char     *text,
                              ClProofVerdict *out_verdict)
{
  guint i;

  for (i = 0; text != NULL && i < G_N_ELEMENTS (verdict_names); i++) {
    if (g_str_equal (text, verdict_names[i])) {
      *out_verdict = (ClProofVerdict) i;
      return TRUE;
    }
  }

  return FALSE;
}


/* TRUE for exactly 64 lowercase hexadecimal digits, the form every hash in the cache takes. */
gboolean
cl_proof_is_sha256_hex (const char *text)
{
  guint i;

  if (text == NULL)
    return FALSE;

  for (i = 0; i < 64; i++) {
    if (!g_ascii_isxdigit (text[i]) || g_ascii_isupper (text[i]))
      return FALSE;
  }

  return text[64] == '\0';
}


static gboolean
check_optional_hash (const char  *value,
                     const char  *field,
                     GError     **error)
{
  if (value == NULL || cl_proof_is_sha256_hex (value))
    return TRUE;

  g_set_error (error, CL_PROOF_CACHE_ERROR, CL_PROOF_CACHE_ERROR_INVALID,
               _("The %s of a proof must be a SHA-256 hash in 64 lowercase hexadecimal digits"),
               field);
  return FALSE;
}


/* Whether the cache accepts @proof as it stands. */
gboolean
cl_proof_check (const ClProof  *proof,
                GError        **error)
{
  g_return_val_if_fail (proof != NULL, FALSE);

  if (proof->kind > CL_PROOF_KIND_VERIFIED || proof->verdict > CL_PROOF_VERDICT_NO_MANIFEST) {
    g_set_error (error, CL_PROOF_CACHE_ERROR, CL_PROOF_CACHE_ERROR_INVALID,
                 _("The proof has an unknown kind or verdict"));
    return FALSE;
  }

  if (proof->content_hash == NULL) {
    g_set_error (error, CL_PROOF_CACHE_ERROR, CL_PROOF_CACHE_ERROR_INVALID,
                 _("A proof needs the content hash of its image"));
    return FALSE;
  }

  if (!check_optional_hash (proof->content_hash, "content hash", error) ||
      !check_optional_hash (proof->claim_signature_hash, "claim signature hash", error) ||
      !check_optional_hash (proof->signer_fingerprint, "signer fingerprint", error))
    return FALSE;

  if (proof->verdict == CL_PROOF_VERDICT_NO_MANIFEST && proof->manifest_label != NULL) {
    g_set_error (error, CL_PROOF_CACHE_ERROR, CL_PROOF_CACHE_ERROR_INVALID,
                 _("A proof with the verdict “no manifest” cannot name a manifest"));
    return FALSE;
  }

  if (proof->kind == CL_PROOF_KIND_SIGNED &&
      (proof->manifest_label == NULL || proof->manifest_store == NULL)) {
    g_set_error (error, CL_PROOF_CACHE_ERROR, CL_PROOF_CACHE_ERROR_INVALID,
                 _("A signed proof needs the label and the bytes of the manifest it embedded"));
    return FALSE;
  }

  if (proof->kind == CL_PROOF_KIND_VERIFIED && proof->manifest_store != NULL) {
    g_set_error (error, CL_PROOF_CACHE_ERROR, CL_PROOF_CACHE_ERROR_INVALID,
                 _("Only signed proofs keep the manifest store"));
    return FALSE;
  }

  if (proof->report_json != NULL) {
    g_autoptr(JsonParser) parser = json_parser_new_immutable ();
    g_autoptr(GError) local_error = NULL;

    if (!json_parser_load_from_data (parser, proof->report_json, -1, &local_error)) {
      g_set_error (error, CL_PROOF_CACHE_ERROR, CL_PROOF_CACHE_ERROR_INVALID,
                   _("The report of the proof is not valid JSON: %s"), local_error->message);
      return FALSE;
    }
  }

  return TRUE;
}


static void
add_time (JsonBuilder *builder,
          const char  *name,
          GDateTime   *time)
{
  json_builder_set_member_name (builder, name);
  if (time != NULL) {
    g_autoptr(GDateTime) utc = g_date_time_to_utc (time);
    g_autofree char *text = g_date_time_format_iso8601 (utc);

    json_builder_add_string_value (builder, text);
  } else {
    json_builder_add_null_value (builder);
  }
}



/* The JSON object of one proof, as `credlink-cli cache show --json` and the export print it.
 * The report is embedded as JSON, not as a string. */
JsonNode *
cl_proof_to_json (const ClProof *proof,
                  gboolean       include_manifest_store)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (proof != NULL, NULL);

  json_builder_begin_object (builder);
  cl_json_builder_add_string_or_null (builder, "id", proof->id);
  cl_json_builder_add_string_or_null (builder, "kind", cl_proof_kind_to_string (proof->kind));
  cl_json_builder_add_string_or_null (builder, "verdict",
                                      cl_proof_verdict_to_string (proof->verdict));
  cl_json_builder_add_string_or_null (builder, "content_hash", proof->content_hash);
  cl_json_builder_add_string_or_null (builder, "manifest_label", proof->manifest_label);
  cl_json_builder_add_string_or_null (builder, "claim_signature_hash", proof->claim_signature_hash);
  cl_json_builder_add_string_or_null (builder, "signer_subject", proof->signer_subject);
  cl_json_builder_add_string_or_null (builder, "signer_fingerprint", proof->signer_fingerprint);
  add_time (builder, "signing_time", proof->signing_time);
  cl_json_builder_add_string_or_null (builder, "source_name", proof->source_name);
  add_time (builder, "first_seen", proof->first_seen);
  add_time (builder, "last_verified", proof->last_verified);
  add_time (builder, "expires_at", proof->expires_at);

  json_builder_set_member_name (builder, "manifest_store_size");
  json_builder_add_int_value (builder, (gint64) proof->manifest_store_size);
  if (include_manifest_store) {
    json_builder_set_member_name (builder, "manifest_store");
    if (proof->manifest_store != NULL) {
      gsize size;
      const guint8 *data = g_bytes_get_data (proof->manifest_store, &size);
      g_autofree char *base64 = g_base64_encode (data, size);

      json_builder_add_string_value (builder, base64);
    } else {
      json_builder_add_null_value (builder);
    }
  }

  json_builder_set_member_name (builder, "report");
  if (proof->report_json != NULL) {
    g_autoptr(JsonParser) parser = json_parser_new ();

    /* Checked on insert; a report that no longer parses is exported as its text. */
    if (json_parser_load_from_data (parser, proof->report_json, -1, NULL) &&
        json_parser_get_root (parser) != NULL)
      json_builder_add_value (builder, json_node_copy (json_parser_get_root (parser)));
    else
      json_builder_add_string_value (builder, proof->report_json);
  } else {
    json_builder_add_null_value (builder);
  }
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}


char *
cl_proof_dup_report_path (const ClProof *proof)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;

  if (proof->report_json == NULL ||
      !json_parser_load_from_data (parser, proof->report_json, -1, NULL))
    return NULL;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;
  return g_strdup (json_object_get_string_member_with_default (json_node_get_object (root),
                                                               "path", NULL));
}
