/* cl-ingredient-tree.h: the ingredients of a verified file as a tree: each with its title,
 * how it was used, its own manifest (signer, claim generator, thumbnail) when the store
 * holds one, its own verdict, and its own ingredients, bounded in depth and count.
 *
 * Built from the validation report alone; read-only once built.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "cl-validation-report.h"
#include "cl-verdict.h"

G_BEGIN_DECLS

typedef struct _ClIngredientNode ClIngredientNode;

struct _ClIngredientNode
{
  char             *title;             /* or NULL */
  char             *relationship;      /* parentOf, componentOf, inputTo, or NULL */
  char             *format;            /* media type, or NULL */
  char             *parent_label;      /* the manifest whose ingredient assertion this is */
  char             *assertion_label;   /* that assertion's label */
  char             *assertion_uri;     /* self#jumbf=/c2pa/<parent>/c2pa.assertions/<label> */
  char             *manifest_label;    /* the manifest it names, or NULL: none */
  ClManifestReport *manifest;          /* that manifest in the report (borrowed), or NULL */
  char             *signer;            /* its signer's common name (or issuer), or NULL */
  char             *claim_generator;   /* what made its manifest, or NULL */
  GBytes           *thumbnail;         /* the ingredient's thumbnail or its claim's, or NULL */
  ClVerdict         verdict;
  ClValidationState state;             /* its manifest's state (INVALID without one) */
  /* ClStatus: those recorded with it (no ingredient_uri), then those the validator found
   * for it now (ingredient_uri: assertion_uri). */
  GPtrArray        *statuses;
  /* Its manifest was already shown elsewhere in the tree (a cycle or a shared
   * ingredient): its ingredients are not listed again here. */
  gboolean          repeated;
  /* Some of its ingredients are not listed: the tree's depth or count cap. */
  gboolean          truncated;
  GPtrArray        *children;          /* ClIngredientNode */
  ClIngredientNode *parent;            /* NULL for an ingredient of the active manifest */
};

typedef struct
{
  gatomicrefcount     ref_count;
  ClValidationReport *report;
  GPtrArray          *roots;           /* ClIngredientNode: the active manifest's ingredients */
  guint               n_nodes;
} ClIngredientTree;

/* The tree of report's active manifest; empty (no roots) without ingredients. */
ClIngredientTree *cl_ingredient_tree_new   (ClValidationReport *report);
ClIngredientTree *cl_ingredient_tree_ref   (ClIngredientTree   *tree);
void              cl_ingredient_tree_unref (ClIngredientTree   *tree);

/* The failure codes that make node Invalid or keep it from Trusted, in order, unique. */
GStrv             cl_ingredient_node_dup_failures (ClIngredientNode *node);
/* One translated sentence on node's verdict (the vocabulary of the file's own verdict). */
char             *cl_ingredient_node_dup_reason   (ClIngredientNode *node);

/* [{title, relationship, format, label, manifest, signer, claim_generator, verdict, reason,
 *   failures, repeated, truncated, ingredients}], NULL members left out. */
JsonNode         *cl_ingredient_tree_to_json      (ClIngredientTree *tree);
/* Adds "ingredient_tree" (the array above) to a report's JSON object when the active
 * manifest has ingredients; a CredLink addition beside c2patool's "manifests". */
void              cl_ingredient_tree_add_to_json  (ClValidationReport *report,
                                                   JsonObject         *object);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClIngredientTree, cl_ingredient_tree_unref)

G_END_DECLS
