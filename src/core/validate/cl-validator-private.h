/* cl-validator-private.h: state shared by the parts of the validator.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cl-manifest-store.h"
#include "cl-validator.h"

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

void     cl_validation_log              (ClValidation *v,
                                         const char   *code,
                                         const char   *url,
                                         const char   *explanation);
/* Signature, time-stamp, trust hook, assertion hashes, actions (c2pa-rs verify_claim). */
void     cl_validation_verify_claim     (ClValidation *v,
                                         ClManifest   *manifest);
/* Recursive ingredient checks (c2pa-rs ingredient_checks). */
void     cl_validation_check_ingredients (ClValidation *v,
                                          ClManifest   *manifest,
                                          guint         depth);
/* ingredient.manifest.missing for referenced manifests absent from the store. */
void     cl_validation_check_referenced (ClValidation *v,
                                         ClManifest   *manifest,
                                         guint         depth,
                                         GHashTable   *seen);
/* An update manifest binds through the first standard manifest up its parentOf chain:
 * the manifest whose hard binding covers the file, or NULL. */
ClManifest *cl_validation_find_binding_manifest (ClValidation *v,
                                                 ClManifest   *manifest);

/* The hard binding and the report's hashes (content, whole file, size) in one pass over
 * stream, started on a helper thread; _finish() joins it and logs the binding's statuses.
 * binding may be NULL (no manifest binds the file: nothing is logged). */
typedef struct _ClHashPass ClHashPass;

ClHashPass *cl_validation_hash_pass_start  (ClValidation  *v,
                                            ClValidationReport      *report,
                                            GInputStream  *stream,
                                            ClManifest    *binding,
                                            GCancellable  *cancellable,
                                            GError       **error);
gboolean    cl_validation_hash_pass_finish (ClValidation  *v,
                                            ClHashPass    *pass,
                                            GError       **error);

/* Reads every c2pa.time-stamp assertion of the store into v->assertion_times. */
void        cl_validation_collect_assertion_times (ClValidation *v);
/* The TSA anchors of the options (read on first need), or NULL. */
X509_STORE *cl_validation_tsa_anchors  (ClValidation  *v);

/* hash(data) == expected with the named algorithm; *supported FALSE for unknown names. */
gboolean cl_validation_hash_matches     (const char   *alg,
                                         const guint8 *data,
                                         gsize         len,
                                         GBytes       *expected,
                                         gboolean     *supported);

G_END_DECLS
