/* cl-cli-verify-details.c: the edits, camera data and ingredient tree of the active
 * manifest, as `credlink-cli verify` prints them under the verdict.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "cl-action-text.h"
#include "cl-camera-data.h"
#include "cl-cli-verify-details.h"
#include "cl-edit-timeline.h"
#include "cl-ingredient-tree.h"
#include "cl-status-text.h"


/* The active manifest's actions, one numbered line each: what, to which ingredient, by
 * which app, when. */
static void
print_edits (ClManifestReport *active)
{
  g_autoptr(GPtrArray) steps = cl_edit_timeline_collect (active);

  if (steps->len > 0)
    printf ("  %s\n", _("Edits:"));
  for (guint i = 0; i < steps->len; i++) {
    ClEditStep *step = g_ptr_array_index (steps, i);
    const char *extras[] = { step->app, step->when };

    printf ("    %u. %s", i + 1, step->phrase != NULL ? step->phrase : step->action);
    if (step->ingredients != NULL)
      /* Translators: after an edit, the ingredient it used: ": “photo.jpg”"; use the
       * quotation marks of your language */
      printf (_(": \u201c%s\u201d"), step->ingredients);
    for (gsize e = 0; e < G_N_ELEMENTS (extras); e++)
      if (extras[e] != NULL)
        printf (" · %s", extras[e]);
    printf ("\n");
  }
}


/* The camera data of every EXIF assertion, named and formatted; the place with its geo: URI. */
static void
print_camera (ClManifestReport *active)
{
  g_autoptr(GPtrArray) facts = cl_camera_data_collect (active);

  if (facts->len > 0)
    printf ("  %s\n", _("Camera data:"));
  for (guint i = 0; i < facts->len; i++) {
    ClCameraFact *fact = g_ptr_array_index (facts, i);

    printf ("    %s: %s%s%s%s\n", fact->name, fact->value, fact->uri != NULL ? " (" : "",
            fact->uri != NULL ? fact->uri : "", fact->uri != NULL ? ")" : "");
  }
}


/* The ingredients and theirs, indented by depth: title, how it was used, its own verdict,
 * then who signed it and what made it. */
static void
print_ingredient_nodes (GPtrArray *nodes,
                        guint      depth)
{
  int indent = 4 + 4 * (int) depth;

  for (guint i = 0; i < nodes->len; i++) {
    ClIngredientNode *node = g_ptr_array_index (nodes, i);
    const char *how = cl_action_text_relationship (node->relationship);

    printf ("%*s- %s", indent, "", node->title != NULL ? node->title : _("Untitled"));
    if (how != NULL)
      printf (" · %s", how);
    printf (" · %s\n", cl_verdict_describe (node->verdict));
    if (node->signer != NULL)
      printf ("%*s  %s %s\n", indent, "", _("Signed by:"), node->signer);
    if (node->claim_generator != NULL)
      printf ("%*s  %s %s\n", indent, "", _("Made with:"), node->claim_generator);
    if (node->repeated)
      printf ("%*s  %s\n", indent, "", _("Its ingredients are listed where it first appears"));
    if (node->truncated)
      printf ("%*s  %s\n", indent, "", _("Some of its ingredients are not listed"));
    print_ingredient_nodes (node->children, depth + 1);
  }
}


static void
print_ingredients (ClValidationReport *report)
{
  g_autoptr(ClIngredientTree) tree = cl_ingredient_tree_new (report);

  if (tree->roots->len == 0)
    return;
  printf ("  %s\n", _("Ingredients:"));
  print_ingredient_nodes (tree->roots, 0);
}


void
cl_cli_print_manifest_details (ClValidationReport *report,
                               ClManifestReport   *active)
{
  print_edits (active);
  print_camera (active);
  print_ingredients (report);
}
