/* cl-assertion-ingredient.h: ingredient assertions c2pa.ingredient (v1), .v2, .v3
 * (C2PA 2.2 §18.15).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cl-assertion.h"
#include "cl-claim.h"

G_BEGIN_DECLS

typedef struct {
  int          version;
  char        *title;
  char        *format;
  char        *document_id;
  char        *instance_id;
  char        *relationship;        /* parentOf, componentOf, inputTo; NULL when absent */
  char        *description;
  char        *informational_uri;
  ClHashedUri *manifest;            /* c2pa_manifest (v1/v2) or activeManifest (v3) */
  ClHashedUri *claim_signature;     /* v3 */
  ClHashedUri *thumbnail;
  cbor_item_t *validation_status;   /* v1/v2 recorded status array (borrowed from item) */
  cbor_item_t *validation_results;  /* v3 recorded results map (borrowed from item) */
  cbor_item_t *metadata;            /* borrowed */
  cbor_item_t *item;
} ClIngredient;

ClIngredient *cl_ingredient_parse (ClAssertion   *assertion,
                                   GError       **error);
void          cl_ingredient_free  (ClIngredient  *ingredient);

/* The status codes recorded in the ingredient (validationStatus or validationResults,
 * deltas included) as (code, url) pairs with urls made absolute in manifest_label:
 * a GPtrArray of 2-element GStrv. */
GPtrArray    *cl_ingredient_recorded_statuses (ClIngredient *ingredient,
                                               const char   *manifest_label);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClIngredient, cl_ingredient_free)

G_END_DECLS
