/* cl-ingredient-verification.c: the verification of an ingredient's manifest alone,
 * made from the file's report and the ingredient's node of the tree.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-ingredient-verification"

#include "config.h"

#include "cl-ingredient-verification.h"


/* The statuses found now for the ingredients below node, as the file's report keyed
 * them (by their ingredient assertion), so that a tree built on the new report finds them. */
static void
add_descendant_statuses (GPtrArray        *into,
                         ClIngredientNode *node)
{
  for (guint i = 0; i < node->children->len; i++) {
    ClIngredientNode *child = g_ptr_array_index (node->children, i);

    for (guint k = 0; k < child->statuses->len; k++) {
      ClStatus *s = g_ptr_array_index (child->statuses, k);

      if (s->ingredient_uri != NULL)
        g_ptr_array_add (into, cl_status_copy (s));
    }
    add_descendant_statuses (into, child);
  }
}


static ClValidationReport *
ingredient_report (ClIngredientNode   *node,
                   ClValidationReport *file_report)
{
  ClValidationReport *report = cl_validation_report_new ();

  report->path = g_strdup (file_report->path);
  /* Not the file's container: the ingredient is known only by its manifest. */
  report->format = CL_ASSET_FORMAT_UNKNOWN;
  report->has_manifest = node->manifest != NULL;
  report->active_label = g_strdup (node->manifest != NULL ? node->manifest_label : NULL);
  /* Read-only once validated: the file's manifests serve both reports. */
  g_ptr_array_unref (report->manifests);
  report->manifests = g_ptr_array_ref (file_report->manifests);
  for (guint i = 0; i < node->statuses->len; i++) {
    ClStatus *s = cl_status_copy (g_ptr_array_index (node->statuses, i));

    /* Its own now: the active manifest's statuses carry no ingredient. */
    g_clear_pointer (&s->ingredient_uri, g_free);
    g_ptr_array_add (report->statuses, s);
  }
  add_descendant_statuses (report->statuses, node);
  report->state = node->state;
  return report;
}


ClVerification *
cl_ingredient_node_dup_verification (ClIngredientNode *node,
                                     ClVerification   *file_verification)
{
  ClVerification *verification;

  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (file_verification != NULL && file_verification->report != NULL, NULL);

  verification = g_new0 (ClVerification, 1);
  g_atomic_ref_count_init (&verification->ref_count);
  verification->path = g_strdup (file_verification->path);
  verification->report = ingredient_report (node, file_verification->report);
  verification->verdict = node->verdict;
  verification->reason = cl_ingredient_node_dup_reason (node);
  verification->test_certificate = FALSE;
  verification->signals = verification->report->has_manifest
                          ? cl_signals_from_report (verification->report)
                          : g_ptr_array_new_with_free_func ((GDestroyNotify) cl_signal_free);
  return verification;
}
