/* cl-ingredient-verification.h: an ingredient of a verified file seen as a file of its
 * own: the verification its manifest would have alone, for the same detail view.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cl-ingredient-tree.h"
#include "cl-verification.h"

G_BEGIN_DECLS

/* The verification node's manifest would have alone: its report names node's manifest
 * active (the file's manifests shared), its statuses are node's and those of the
 * ingredients below it, its verdict and reason node's. Nothing about the file itself:
 * no trust detail, confidence, proof or hashes. */
ClVerification *cl_ingredient_node_dup_verification (ClIngredientNode *node,
                                                     ClVerification   *file_verification);

G_END_DECLS
