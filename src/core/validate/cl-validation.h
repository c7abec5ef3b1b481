/* cl-validation.h: the state of one validation, and what every part of the validator
 * stands on: the status log, hash matching, the TSA anchors.
 *
 * The parts (cl-validator-binding.c, -cawg.c, -claim.c, -ingredients.c, -timestamps.c and
 * cl-report-manifests.c) stand on this; cl-validator.c stands on the parts and runs them in
 * c2pa-rs's order. Nothing here calls a part, and no part calls cl-validator.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cl-manifest-store.h"
#include "cl-status.h"
#include "cl-validator-options.h"

G_BEGIN_DECLS

/* c2pa-rs caps the ingredient chain too. */
#define CL_VALIDATOR_MAX_INGREDIENT_DEPTH 16

typedef struct {
  ClManifestStore          *store;
  const ClValidatorOptions *options;
  GPtrArray                *log;              /* ClStatus, in the order found */
  GPtrArray                *ingredient_uris;  /* stack of char*: the ingredient being checked */
  GPtrArray                *redactions;       /* char*: redacted_assertions of every claim */
  GHashTable               *visited;          /* manifest labels already recursed into */
  gint64                    now;
  /* Filled for the report: x5chain and signing time per manifest label. */
  GHashTable               *sig_times;        /* label → gint64* (time-stamp time) */
  /* Statuses of ingredient claims already verified (label → GPtrArray of ClStatus), so a
   * manifest referenced by many ingredients is verified once. */
  GHashTable               *claim_results;
  /* Signing times that c2pa.time-stamp assertions give other manifests (label → gint64*):
   * they stand in for the manifest's own time-stamp (cl-validator-timestamps.c). */
  GHashTable               *assertion_times;
} ClValidation;

/* A validation of store with options, started now; cl_validation_clear() frees what it
 * holds (not the store). */
void        cl_validation_init         (ClValidation             *v,
                                        ClManifestStore          *store,
                                        const ClValidatorOptions *options);
void        cl_validation_clear        (ClValidation             *v);

/* Logs a status; found while an ingredient is checked, it belongs to that ingredient. */
void        cl_validation_log          (ClValidation  *v,
                                        const char    *code,
                                        const char    *url,
                                        const char    *explanation);

/* hash(data) == expected with the named algorithm; *supported FALSE for unknown names. */
gboolean    cl_validation_hash_matches (const char    *alg,
                                        const guint8  *data,
                                        gsize          len,
                                        GBytes        *expected,
                                        gboolean      *supported);

/* The TSA anchors of the options (read on first need), or NULL. */
X509_STORE *cl_validation_tsa_anchors  (ClValidation  *v);

G_END_DECLS
