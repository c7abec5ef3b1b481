/* cl-validator-ingredients.h: validating ingredients and the manifests they bring along
 * (see cl-validator-ingredients.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cl-validation.h"

G_BEGIN_DECLS

/* Recursive ingredient checks (c2pa-rs ingredient_checks). */
void cl_validation_check_ingredients (ClValidation *v,
                                      ClManifest   *manifest,
                                      guint         depth);
/* ingredient.manifest.missing for referenced manifests absent from the store; seen holds
 * the manifests already looked at. */
void cl_validation_check_referenced  (ClValidation *v,
                                      ClManifest   *manifest,
                                      guint         depth,
                                      GHashTable   *seen);

G_END_DECLS
