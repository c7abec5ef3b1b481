/* cl-validator-redactions.c: the slots of redacted assertions (C2PA 2.2 §15.11.3.3.1). A
 * redacted assertion is either gone or zero-filled; a box at its place that still holds
 * anything else is a failure, whatever its type: the redaction already excuses the changed
 * hash of its manifest, so content planted there would otherwise pass unchecked (c2pa-rs
 * 0.91, PR #2527).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cl-status-codes.h"
#include "cl-validator-redactions.h"


/* Whether the assertion's content boxes hold only zero bytes (or nothing at all). */
static gboolean
content_is_zero (ClAssertion *a)
{
  for (guint i = 0; a->box->children != NULL && i < a->box->children->len; i++) {
    gsize len;
    const guint8 *p = cl_jumbf_box_payload (g_ptr_array_index (a->box->children, i), &len);

    for (gsize j = 0; j < len; j++) {
      if (p[j] != 0)
        return FALSE;
    }
  }
  return TRUE;
}


/* The assertion still at the place uri (redacted by the claim of m) names, or NULL when
 * it is gone. */
static ClAssertion *
assertion_left_at (ClValidation *v,
                   ClManifest   *m,
                   const char   *uri)
{
  g_autofree char *abs_uri = cl_jumbf_uri_make_absolute (m->label, uri);
  g_autofree char *label = abs_uri != NULL ? cl_jumbf_uri_manifest_label (abs_uri) : NULL;
  ClManifest *target = label != NULL ? cl_manifest_store_lookup (v->store, label) : NULL;
  ClJumbfBox *box;

  if (target == NULL)
    return NULL;
  box = cl_jumbf_resolve_uri (v->store->root, target->box, abs_uri);
  return box != NULL ? cl_manifest_assertion_of_box (target, box) : NULL;
}


void
cl_validation_check_redacted_slots (ClValidation *v,
                                    GHashTable   *referenced)
{
  for (guint i = 0; i < v->store->manifests->len && !cl_validation_cancelled (v); i++) {
    ClManifest *m = g_ptr_array_index (v->store->manifests, i);
    GPtrArray *redactions;

    if (m->claim == NULL || !g_hash_table_contains (referenced, m))
      continue;
    redactions = m->claim->redacted_assertions;
    for (guint j = 0; j < redactions->len; j++) {
      const char *uri = g_ptr_array_index (redactions, j);
      ClAssertion *left = assertion_left_at (v, m, uri);

      if (left != NULL && !content_is_zero (left))
        cl_validation_log (v, CL_CODE_ASSERTION_NOT_REDACTED, uri,
                           _("redacted assertion data must be zeros or empty"));
    }
  }
}
