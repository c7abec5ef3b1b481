/* cl-assertion.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "cl-assertion.h"
#include "cl-c2pa-ids.h"
#include "cl-cbor-util.h"
#include "cl-error.h"
#include "cl-json-util.h"
#include "cl-limits.h"

static const guint8 uuid_cbor[16] = CL_UUID_CBOR;
static const guint8 uuid_json[16] = CL_UUID_JSON;
static const guint8 uuid_uuid[16] = CL_UUID_UUID;
static const guint8 uuid_embedded[16] = CL_UUID_EMBEDDED_FILE;


ClAssertion *
cl_assertion_new (ClJumbfBox *box)
{
  ClAssertion *a = g_new0 (ClAssertion, 1);
  const char *sep;

  a->box = box;
  a->label = g_strdup (box->label != NULL ? box->label : "");
  a->instance = 1;
  /* "label__N" is instance N+1 (C2PA 2.2 §6.3.2). */
  sep = g_strrstr (a->label, "__");
  if (sep != NULL && sep[2] != '\0' && strspn (sep + 2, "0123456789") == strlen (sep + 2)) {
    a->base_label = g_strndup (a->label, sep - a->label);
    a->instance = (guint) MIN (g_ascii_strtoull (sep + 2, NULL, 10), G_MAXUINT - 1) + 1;
  } else {
    a->base_label = g_strdup (a->label);
  }

  if (cl_jumbf_box_has_uuid (box, uuid_cbor))
    a->kind = CL_ASSERTION_CBOR;
  else if (cl_jumbf_box_has_uuid (box, uuid_json))
    a->kind = CL_ASSERTION_JSON;
  else if (cl_jumbf_box_has_uuid (box, uuid_embedded))
    a->kind = CL_ASSERTION_EMBEDDED_FILE;
  else if (cl_jumbf_box_has_uuid (box, uuid_uuid))
    a->kind = CL_ASSERTION_UUID;
  else
    a->kind = CL_ASSERTION_OTHER;
  return a;
}


void
cl_assertion_free (ClAssertion *assertion)
{
  if (assertion == NULL)
    return;
  g_free (assertion->label);
  g_free (assertion->base_label);
  g_free (assertion);
}


cbor_item_t *
cl_assertion_load_cbor (ClAssertion  *assertion,
                        GError      **error)
{
  ClJumbfBox *content = cl_jumbf_box_find_child_type (assertion->box, CL_BOX_CBOR);
  const guint8 *data;
  gsize len;

  if (assertion->kind != CL_ASSERTION_CBOR || content == NULL) {
    g_set_error (error, CL_MANIFEST_ERROR, CL_MANIFEST_ERROR_MALFORMED,
                 _("The assertion “%s” has no CBOR content"), assertion->label);
    return NULL;
  }
  data = cl_jumbf_box_payload (content, &len);
  return cl_cbor_load (data, len, error);
}


gboolean
cl_assertion_check_cbor (ClAssertion  *assertion,
                         GError      **error)
{
  ClJumbfBox *content = cl_jumbf_box_find_child_type (assertion->box, CL_BOX_CBOR);
  const guint8 *data;
  gsize len;

  if (assertion->kind != CL_ASSERTION_CBOR || content == NULL) {
    g_autoptr(cbor_item_t) item = cl_assertion_load_cbor (assertion, error);

    return item != NULL;
  }
  data = cl_jumbf_box_payload (content, &len);
  return cl_cbor_check (data, len, CL_LIMIT_CBOR_ITEMS, error);
}


JsonNode *
cl_assertion_load_json (ClAssertion  *assertion,
                        GError      **error)
{
  ClJumbfBox *content = cl_jumbf_box_find_child_type (assertion->box, CL_BOX_JSON);
  g_autoptr(JsonParser) parser = NULL;
  const guint8 *data;
  gsize len;

  if (assertion->kind != CL_ASSERTION_JSON || content == NULL) {
    g_set_error (error, CL_MANIFEST_ERROR, CL_MANIFEST_ERROR_MALFORMED,
                 _("The assertion “%s” has no JSON content"), assertion->label);
    return NULL;
  }
  data = cl_jumbf_box_payload (content, &len);
  if (!cl_json_depth_ok (data, len, CL_LIMIT_JSON_DEPTH)) {
    g_set_error (error, CL_MANIFEST_ERROR, CL_MANIFEST_ERROR_MALFORMED,
                 _("The assertion “%s” nests JSON deeper than %d levels"),
                 assertion->label, CL_LIMIT_JSON_DEPTH);
    return NULL;
  }
  parser = json_parser_new_immutable ();
  if (len > G_MAXSSIZE ||
      !json_parser_load_from_data (parser, (const char *) data, (gssize) len, error))
    return NULL;
  if (json_parser_get_root (parser) == NULL) {
    g_set_error (error, CL_MANIFEST_ERROR, CL_MANIFEST_ERROR_MALFORMED,
                 _("The assertion “%s” has empty JSON content"), assertion->label);
    return NULL;
  }
  return json_node_copy (json_parser_get_root (parser));
}


gboolean
cl_assertion_get_embedded (ClAssertion  *assertion,
                           char        **media_type,
                           GBytes      **data)
{
  ClJumbfBox *desc = cl_jumbf_box_find_child_type (assertion->box, CL_BOX_BFDB);
  ClJumbfBox *body = cl_jumbf_box_find_child_type (assertion->box, CL_BOX_BIDB);
  const guint8 *p;
  gsize len;
  const guint8 *nul;

  if (desc == NULL || body == NULL)
    return FALSE;
  /* bfdb: toggles byte, NUL-terminated media type, optional file name. */
  p = cl_jumbf_box_payload (desc, &len);
  if (len < 2)
    return FALSE;
  nul = memchr (p + 1, 0, len - 1);
  if (nul == NULL || !g_utf8_validate ((const char *) p + 1, nul - (p + 1), NULL))
    return FALSE;
  *media_type = g_strndup ((const char *) p + 1, nul - (p + 1));
  p = cl_jumbf_box_payload (body, &len);
  *data = g_bytes_new (p, len);
  return TRUE;
}


gboolean
cl_assertion_is_zeroed (ClAssertion *assertion)
{
  ClJumbfBox *box = assertion->box;

  if (box->children == NULL || box->children->len == 0)
    return FALSE;
  for (guint i = 0; i < box->children->len; i++) {
    gsize len;
    const guint8 *p = cl_jumbf_box_payload (g_ptr_array_index (box->children, i), &len);

    for (gsize j = 0; j < len; j++) {
      if (p[j] != 0)
        return FALSE;
    }
  }
  return TRUE;
}


JsonNode *
cl_assertion_to_json (ClAssertion *assertion)
{
  if (assertion->kind == CL_ASSERTION_CBOR) {
    g_autoptr(cbor_item_t) item = cl_assertion_load_cbor (assertion, NULL);

    return item != NULL ? cl_cbor_to_json (item) : NULL;
  }
  if (assertion->kind == CL_ASSERTION_JSON)
    return cl_assertion_load_json (assertion, NULL);
  return NULL;
}


gboolean
cl_assertion_charge (ClAssertion  *assertion,
                     guint        *budget,
                     GError      **error)
{
  ClJumbfBox *content = cl_jumbf_box_find_child_type (assertion->box, CL_BOX_CBOR);
  const guint8 *data;
  gsize len;
  guint cost = 0;

  if (assertion->kind != CL_ASSERTION_CBOR || content == NULL)
    return TRUE;
  data = cl_jumbf_box_payload (content, &len);
  /* Malformed content counts what precedes the fault; decoding it then says why. */
  if (cl_cbor_count_items (data, len, *budget, &cost) || cost <= *budget) {
    *budget -= MIN (cost, *budget);
    return TRUE;
  }
  *budget = 0;
  g_set_error (error, CL_MANIFEST_ERROR, CL_MANIFEST_ERROR_MALFORMED,
               _("The credentials hold more assertion data than CredLink decodes (%d values); "
                 "the assertion “%s” is past it"), CL_LIMIT_DECODED_VALUES, assertion->label);
  return FALSE;
}


JsonNode *
cl_assertion_to_json_within (ClAssertion *assertion,
                             guint       *budget,
                             gboolean    *over_budget)
{
  ClJumbfBox *content = NULL;
  const guint8 *data;
  gsize len;
  guint cost = 0;

  *over_budget = FALSE;
  if (assertion->kind == CL_ASSERTION_CBOR)
    content = cl_jumbf_box_find_child_type (assertion->box, CL_BOX_CBOR);
  else if (assertion->kind == CL_ASSERTION_JSON)
    content = cl_jumbf_box_find_child_type (assertion->box, CL_BOX_JSON);
  if (content == NULL)
    return NULL;
  data = cl_jumbf_box_payload (content, &len);
  if (assertion->kind == CL_ASSERTION_CBOR)
    *over_budget = !cl_cbor_count_items (data, len, *budget, &cost) || cost > *budget;
  else
    *over_budget = len / 2 + 1 > *budget;
  if (*over_budget)
    return NULL;
  *budget -= assertion->kind == CL_ASSERTION_CBOR ? cost : (guint) (len / 2 + 1);
  return cl_assertion_to_json (assertion);
}


gboolean
cl_assertion_label_is_actions (const char *base_label)
{
  return g_str_equal (base_label, "c2pa.actions") || g_str_equal (base_label, "c2pa.actions.v2");
}


gboolean
cl_assertion_label_is_ingredient (const char *base_label)
{
  return g_str_equal (base_label, "c2pa.ingredient") ||
         g_str_equal (base_label, "c2pa.ingredient.v2") ||
         g_str_equal (base_label, "c2pa.ingredient.v3");
}


gboolean
cl_assertion_label_is_hard_binding (const char *base_label)
{
  /* c2pa.hash.bmff (v1) is ignored as if absent (C2PA 2.2 §18.6). */
  return g_str_equal (base_label, "c2pa.hash.data") ||
         g_str_equal (base_label, "c2pa.hash.boxes") ||
         g_str_equal (base_label, "c2pa.hash.collection.data") ||
         g_str_equal (base_label, "c2pa.hash.bmff.v2") ||
         g_str_equal (base_label, "c2pa.hash.bmff.v3");
}


gboolean
cl_assertion_label_is_claim_thumbnail (const char *base_label)
{
  /* 1.x labels carried the format: c2pa.thumbnail.claim.jpeg */
  return g_str_equal (base_label, "c2pa.thumbnail.claim") ||
         g_str_has_prefix (base_label, "c2pa.thumbnail.claim.");
}
