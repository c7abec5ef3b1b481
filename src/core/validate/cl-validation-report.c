/* cl-validation-report.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "cl-data-hash.h"
#include "cl-json-util.h"
#include "cl-validation-report.h"


ClManifestReport *
cl_manifest_report_new (void)
{
  ClManifestReport *m = g_new0 (ClManifestReport, 1);

  m->redactions = g_ptr_array_new_with_free_func (g_free);
  m->ingredient_thumbnails = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  m->identities = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_identity_report_free);
  return m;
}


void
cl_manifest_report_free (ClManifestReport *m)
{
  if (m == NULL)
    return;
  g_free (m->label);
  g_free (m->title);
  g_free (m->format);
  g_free (m->instance_id);
  g_free (m->claim_generator);
  g_clear_pointer (&m->claim_generator_info, json_node_unref);
  g_free (m->thumbnail_format);
  g_free (m->thumbnail_uri);
  g_clear_pointer (&m->thumbnail, g_bytes_unref);
  g_clear_pointer (&m->actions, json_node_unref);
  g_clear_pointer (&m->ingredients, json_node_unref);
  g_ptr_array_unref (m->ingredient_thumbnails);
  g_clear_pointer (&m->assertions, json_node_unref);
  g_ptr_array_unref (m->redactions);
  g_free (m->sig_alg);
  g_free (m->sig_issuer);
  g_free (m->sig_common_name);
  g_free (m->sig_serial);
  g_free (m->sig_time);
  g_free (m->tsa_name);
  g_ptr_array_unref (m->identities);
  g_free (m);
}


ClValidationReport *
cl_validation_report_new (void)
{
  ClValidationReport *r = g_new0 (ClValidationReport, 1);

  r->ref_count = 1;
  r->store_ranges = g_array_new (FALSE, FALSE, sizeof (ClByteRange));
  r->manifests = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_manifest_report_free);
  r->statuses = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_status_free);
  r->x5chain = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  r->state = CL_VALIDATION_STATE_INVALID;
  return r;
}


ClValidationReport *
cl_validation_report_ref (ClValidationReport *report)
{
  g_atomic_int_inc (&report->ref_count);
  return report;
}


void
cl_validation_report_unref (ClValidationReport *report)
{
  if (report == NULL || !g_atomic_int_dec_and_test (&report->ref_count))
    return;
  g_free (report->path);
  g_array_unref (report->store_ranges);
  g_free (report->active_label);
  g_ptr_array_unref (report->manifests);
  g_ptr_array_unref (report->statuses);
  g_ptr_array_unref (report->x5chain);
  g_clear_pointer (&report->manifest_store, g_bytes_unref);
  g_free (report);
}


ClManifestReport *
cl_validation_report_get_active (ClValidationReport *report)
{
  for (guint i = 0; report->active_label != NULL && i < report->manifests->len; i++) {
    ClManifestReport *m = g_ptr_array_index (report->manifests, i);

    if (g_str_equal (m->label, report->active_label))
      return m;
  }
  return NULL;
}


const char *
cl_validation_state_to_string (ClValidationState state)
{
  switch (state) {
  case CL_VALIDATION_STATE_TRUSTED: return "Trusted";
  case CL_VALIDATION_STATE_VALID: return "Valid";
  case CL_VALIDATION_STATE_INVALID:
  default:
    return "Invalid";
  }
}


gboolean
cl_validation_report_is_valid (ClValidationReport *report)
{
  return report->has_manifest && report->state != CL_VALIDATION_STATE_INVALID;
}


static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  /* g_ptr_array_sort hands over pointers to the elements. */
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}


GStrv
cl_validation_report_dup_failure_codes (ClValidationReport *report)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();
  GStrv result;

  for (guint i = 0; i < report->statuses->len; i++) {
    ClStatus *s = g_ptr_array_index (report->statuses, i);

    if (s->kind == CL_STATUS_FAILURE && !g_ptr_array_find_with_equal_func (codes, s->code,
                                                                           g_str_equal, NULL))
      g_ptr_array_add (codes, s->code);
  }
  g_ptr_array_sort (codes, compare_strings);
  for (guint i = 0; i < codes->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (codes, i));
  result = g_strv_builder_end (builder);
  return result;
}



static void
add_node (JsonBuilder *b,
          const char  *key,
          JsonNode    *node)
{
  if (node == NULL)
    return;
  json_builder_set_member_name (b, key);
  json_builder_add_value (b, json_node_copy (node));
}


static void
add_status (JsonBuilder *b,
            ClStatus    *s)
{
  json_builder_begin_object (b);
  cl_json_builder_add_string (b, "code", s->code);
  cl_json_builder_add_string (b, "url", s->url);
  cl_json_builder_add_string (b, "explanation", s->explanation);
  json_builder_end_object (b);
}


static void
add_status_codes (JsonBuilder *b,
                  GPtrArray   *statuses,
                  const char  *ingredient_uri)
{
  static const ClStatusKind kinds[] = {
    CL_STATUS_SUCCESS, CL_STATUS_INFORMATIONAL, CL_STATUS_FAILURE,
  };

  json_builder_begin_object (b);
  for (gsize k = 0; k < G_N_ELEMENTS (kinds); k++) {
    json_builder_set_member_name (b, cl_status_kind_to_string (kinds[k]));
    json_builder_begin_array (b);
    for (guint i = 0; i < statuses->len; i++) {
      ClStatus *s = g_ptr_array_index (statuses, i);

      if (s->kind == kinds[k] && g_strcmp0 (s->ingredient_uri, ingredient_uri) == 0)
        add_status (b, s);
    }
    json_builder_end_array (b);
  }
  json_builder_end_object (b);
}


static void
add_manifest (JsonBuilder      *b,
              ClManifestReport *m)
{
  json_builder_set_member_name (b, m->label);
  json_builder_begin_object (b);
  cl_json_builder_add_string (b, "claim_generator", m->claim_generator);
  add_node (b, "claim_generator_info", m->claim_generator_info);
  cl_json_builder_add_string (b, "title", m->title);
  cl_json_builder_add_string (b, "format", m->format);
  cl_json_builder_add_string (b, "instance_id", m->instance_id);
  if (m->thumbnail_uri != NULL) {
    json_builder_set_member_name (b, "thumbnail");
    json_builder_begin_object (b);
    cl_json_builder_add_string (b, "format", m->thumbnail_format);
    cl_json_builder_add_string (b, "identifier", m->thumbnail_uri);
    json_builder_end_object (b);
  }
  add_node (b, "ingredients", m->ingredients);
  add_node (b, "assertions", m->assertions);
  if (m->redactions->len > 0) {
    json_builder_set_member_name (b, "redactions");
    json_builder_begin_array (b);
    for (guint i = 0; i < m->redactions->len; i++)
      json_builder_add_string_value (b, g_ptr_array_index (m->redactions, i));
    json_builder_end_array (b);
  }
  if (m->sig_alg != NULL || m->sig_issuer != NULL) {
    json_builder_set_member_name (b, "signature_info");
    json_builder_begin_object (b);
    cl_json_builder_add_string (b, "alg", m->sig_alg);
    cl_json_builder_add_string (b, "issuer", m->sig_issuer);
    cl_json_builder_add_string (b, "common_name", m->sig_common_name);
    cl_json_builder_add_string (b, "cert_serial_number", m->sig_serial);
    cl_json_builder_add_string (b, "time", m->sig_time);
    json_builder_end_object (b);
  }
  if (m->identities->len > 0) {
    json_builder_set_member_name (b, "identities");
    json_builder_begin_array (b);
    for (guint i = 0; i < m->identities->len; i++)
      json_builder_add_value (b, cl_identity_report_to_json (g_ptr_array_index (m->identities, i)));
    json_builder_end_array (b);
  }
  cl_json_builder_add_string (b, "label", m->label);
  if (m->claim_version > 0) {
    json_builder_set_member_name (b, "claim_version");
    json_builder_add_int_value (b, m->claim_version);
  }
  json_builder_end_object (b);
}


JsonNode *
cl_validation_report_to_json (ClValidationReport *report)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(GPtrArray) ingredient_uris = g_ptr_array_new ();
  g_autofree char *file_hex = NULL, *content_hex = NULL;
  gboolean any_failure = FALSE;

  json_builder_begin_object (b);
  cl_json_builder_add_string (b, "active_manifest", report->active_label);
  json_builder_set_member_name (b, "manifests");
  json_builder_begin_object (b);
  for (guint i = 0; i < report->manifests->len; i++)
    add_manifest (b, g_ptr_array_index (report->manifests, i));
  json_builder_end_object (b);

  for (guint i = 0; i < report->statuses->len; i++) {
    ClStatus *s = g_ptr_array_index (report->statuses, i);

    any_failure |= s->kind == CL_STATUS_FAILURE;
    if (s->ingredient_uri != NULL &&
        !g_ptr_array_find_with_equal_func (ingredient_uris, s->ingredient_uri, g_str_equal, NULL))
      g_ptr_array_add (ingredient_uris, s->ingredient_uri);
  }
  if (report->has_manifest) {
    /* The legacy flat list of every failure. */
    if (any_failure) {
      json_builder_set_member_name (b, "validation_status");
      json_builder_begin_array (b);
      for (guint i = 0; i < report->statuses->len; i++) {
        ClStatus *s = g_ptr_array_index (report->statuses, i);

        if (s->kind == CL_STATUS_FAILURE)
          add_status (b, s);
      }
      json_builder_end_array (b);
    }
    json_builder_set_member_name (b, "validation_results");
    json_builder_begin_object (b);
    json_builder_set_member_name (b, "activeManifest");
    add_status_codes (b, report->statuses, NULL);
    if (ingredient_uris->len > 0) {
      json_builder_set_member_name (b, "ingredientDeltas");
      json_builder_begin_array (b);
      for (guint i = 0; i < ingredient_uris->len; i++) {
        json_builder_begin_object (b);
        cl_json_builder_add_string (b, "ingredientAssertionURI",
                                    g_ptr_array_index (ingredient_uris, i));
        json_builder_set_member_name (b, "validationDeltas");
        add_status_codes (b, report->statuses, g_ptr_array_index (ingredient_uris, i));
        json_builder_end_object (b);
      }
      json_builder_end_array (b);
    }
    json_builder_end_object (b);
    cl_json_builder_add_string (b, "validation_state",
                                cl_validation_state_to_string (report->state));
  }

  /* CredLink additions: what the proof cache and the UI key on. */
  {
    GString *fh = g_string_new (NULL), *ch = g_string_new (NULL);

    for (int i = 0; i < 32; i++) {
      g_string_append_printf (fh, "%02x", report->file_sha256[i]);
      g_string_append_printf (ch, "%02x", report->content_sha256[i]);
    }
    file_hex = g_string_free (fh, FALSE);
    content_hex = g_string_free (ch, FALSE);
  }
  json_builder_set_member_name (b, "asset");
  json_builder_begin_object (b);
  cl_json_builder_add_string (b, "format", report->mime_type);
  json_builder_set_member_name (b, "size");
  json_builder_add_int_value (b, (gint64) report->file_size);
  cl_json_builder_add_string (b, "sha256", file_hex);
  cl_json_builder_add_string (b, "content_sha256", content_hex);
  json_builder_set_member_name (b, "store_ranges");
  json_builder_begin_array (b);
  for (guint i = 0; i < report->store_ranges->len; i++) {
    ClByteRange *r = &g_array_index (report->store_ranges, ClByteRange, i);

    json_builder_begin_object (b);
    json_builder_set_member_name (b, "start");
    json_builder_add_int_value (b, (gint64) r->start);
    json_builder_set_member_name (b, "length");
    json_builder_add_int_value (b, (gint64) r->length);
    json_builder_end_object (b);
  }
  json_builder_end_array (b);
  json_builder_end_object (b);

  json_builder_end_object (b);
  return json_builder_get_root (b);
}


char *
cl_validation_report_to_json_string (ClValidationReport *report,
                          gboolean  pretty)
{
  g_autoptr(JsonNode) root = cl_validation_report_to_json (report);

  return json_to_string (root, pretty);
}
