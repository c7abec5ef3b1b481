/* cl-manifest.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cl-c2pa-ids.h"
#include "cl-limits.h"
#include "cl-manifest.h"
#include "cl-status-codes.h"

static const guint8 uuid_update[16] = CL_UUID_UPDATE_MANIFEST;
static const guint8 uuid_assertions[16] = CL_UUID_ASSERTION_STORE;
static const guint8 uuid_claim[16] = CL_UUID_CLAIM;
static const guint8 uuid_signature[16] = CL_UUID_SIGNATURE;



ClManifest *
cl_manifest_new (ClJumbfBox *box)
{
  ClManifest *m = g_new0 (ClManifest, 1);

  m->box = box;
  m->label = g_strdup (box->label != NULL ? box->label : "");
  m->is_update = cl_jumbf_box_has_uuid (box, uuid_update);
  m->assertions = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_assertion_free);
  m->assertion_index = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < box->children->len; i++) {
    ClJumbfBox *child = g_ptr_array_index (box->children, i);

    if (cl_jumbf_box_has_uuid (child, uuid_assertions) && m->assertion_store == NULL) {
      m->assertion_store = child;
    } else if (cl_jumbf_box_has_uuid (child, uuid_claim)) {
      if (m->n_claim_boxes++ == 0)
        m->claim_box = child;
    } else if (cl_jumbf_box_has_uuid (child, uuid_signature) && m->signature_box == NULL) {
      m->signature_box = child;
    }
  }

  if (m->assertion_store != NULL) {
    for (guint i = 0; i < m->assertion_store->children->len && i < CL_LIMIT_ASSERTIONS; i++) {
      ClJumbfBox *child = g_ptr_array_index (m->assertion_store->children, i);

      ClAssertion *a;

      if (!cl_jumbf_box_is_superbox (child))
        continue;
      a = cl_assertion_new (child);
      g_ptr_array_add (m->assertions, a);
      if (!g_hash_table_contains (m->assertion_index, a->label))
        g_hash_table_insert (m->assertion_index, a->label, a);
    }
  }

  if (m->claim_box == NULL) {
    m->claim_status = CL_CODE_CLAIM_MISSING;
    m->claim_error = g_strdup (_("The manifest has no claim"));
  } else {
    ClJumbfBox *content = cl_manifest_claim_content (m);
    g_autoptr(GError) error = NULL;

    if (content == NULL) {
      m->claim_status = CL_CODE_CLAIM_MISSING;
      m->claim_error = g_strdup (_("The claim box holds no CBOR"));
    } else {
      gsize len;
      const guint8 *data = cl_jumbf_box_payload (content, &len);

      m->claim = cl_claim_parse (data, len, &m->claim_status, &error);
      if (m->claim == NULL)
        m->claim_error = g_strdup (error->message);
    }
  }
  return m;
}


void
cl_manifest_free (ClManifest *manifest)
{
  if (manifest == NULL)
    return;
  g_free (manifest->label);
  cl_claim_free (manifest->claim);
  g_free (manifest->claim_error);
  g_hash_table_unref (manifest->assertion_index);
  g_ptr_array_unref (manifest->assertions);
  g_free (manifest);
}


ClAssertion *
cl_manifest_find_assertion (ClManifest *manifest,
                            const char *label)
{
  return g_hash_table_lookup (manifest->assertion_index, label);
}


ClAssertion *
cl_manifest_assertion_of_box (ClManifest *manifest,
                              ClJumbfBox *box)
{
  ClAssertion *a;

  if (box == NULL || box->label == NULL)
    return NULL;
  a = cl_manifest_find_assertion (manifest, box->label);
  return a != NULL && a->box == box ? a : NULL;
}


ClJumbfBox *
cl_manifest_claim_content (ClManifest *manifest)
{
  return manifest->claim_box != NULL ?
         cl_jumbf_box_find_child_type (manifest->claim_box, CL_BOX_CBOR) : NULL;
}


ClJumbfBox *
cl_manifest_signature_content (ClManifest *manifest)
{
  return manifest->signature_box != NULL ?
         cl_jumbf_box_find_child_type (manifest->signature_box, CL_BOX_CBOR) : NULL;
}


ClCoseSign1 *
cl_manifest_parse_signature (ClManifest *manifest)
{
  ClJumbfBox *content = cl_manifest_signature_content (manifest);
  const guint8 *data;
  gsize len;

  if (content == NULL)
    return NULL;
  data = cl_jumbf_box_payload (content, &len);
  return cl_cose_sign1_parse (data, len, NULL);
}


char *
cl_manifest_uri (ClManifest *manifest,
                 const char *tail)
{
  if (tail == NULL)
    return g_strdup_printf ("self#jumbf=/c2pa/%s", manifest->label);
  return g_strdup_printf ("self#jumbf=/c2pa/%s/%s", manifest->label, tail);
}
