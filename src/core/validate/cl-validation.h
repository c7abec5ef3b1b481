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

#include "cl-assertion-ingredient.h"
#include "cl-limits.h"
#include "cl-manifest-store.h"
#include "cl-status.h"
#include "cl-validator-options.h"

G_BEGIN_DECLS

/* The validator's own caps (references, redactions, ingredients and their depth) are in
 * c2pa/cl-limits.h with every other cap. */

typedef struct {
  ClManifestStore          *store;
  const ClValidatorOptions *options;
  GPtrArray                *log;              /* ClStatus, in the order found */
  GPtrArray                *ingredient_uris;  /* stack of char*: the ingredient being checked */
  GCancellable             *cancellable;      /* every long loop stops when it is cancelled */
  GPtrArray                *redactions;       /* char*: redacted_assertions of every claim */
  GHashTable               *redacted_paths;   /* the redactions' JUMBF paths (a set) */
  GByteArray               *redaction_text;   /* every redaction, each ended by a NUL */
  GHashTable               *redacted_labels;  /* manifest label → whether a redaction names it */
  /* The digests of boxes already hashed ("<alg> <box>" → GBytes), so that several
   * references to one assertion or manifest hash it once; and how many were computed. */
  GHashTable               *box_digests;
  guint                     n_box_hashes;
  GHashTable               *visited;          /* manifest labels already recursed into */
  gint64                    now;
  /* Filled for the report: x5chain and signing time per manifest label. */
  GHashTable               *sig_times;        /* label → gint64* (time-stamp time) */
  GHashTable               *tsa_names;        /* label → char* (who made that time-stamp) */
  /* The CAWG identity assertions checked (label → GPtrArray of ClIdentityReport). */
  GHashTable               *identities;
  /* Statuses of ingredient claims already verified (label → GPtrArray of ClStatus), so a
   * manifest referenced by many ingredients is verified once. */
  GHashTable               *claim_results;
  /* Signing times that c2pa.time-stamp assertions give other manifests (label → gint64*):
   * they stand in for the manifest's own time-stamp (cl-validator-timestamps.c). */
  GHashTable               *assertion_times;
  /* Values of assertion content the validator may still decode (CL_LIMIT_DECODED_VALUES),
   * and the ingredients parsed so far (ClAssertion → IngredientParse, cl-validation.c). */
  guint                     decode_budget;
  GHashTable               *ingredients;
} ClValidation;

/* The CBOR content of a, decoded within the validation's budget (NULL with an error when
 * it is malformed or past the budget). */
cbor_item_t *cl_validation_load_cbor   (ClValidation             *v,
                                        ClAssertion              *a,
                                        GError                  **error);
/* The ingredient a holds, parsed once per validation within its budget: borrowed; NULL
 * with an error when malformed or past the budget. */
ClIngredient *cl_validation_ingredient (ClValidation             *v,
                                        ClAssertion              *a,
                                        GError                  **error);

/* A validation of store with options, started now; cl_validation_clear() frees what it
 * holds (not the store). */
void        cl_validation_init         (ClValidation             *v,
                                        ClManifestStore          *store,
                                        const ClValidatorOptions *options,
                                        GCancellable             *cancellable);
void        cl_validation_clear        (ClValidation             *v);

/* Whether the validation was cancelled: every loop over what the credentials list asks. */
gboolean    cl_validation_cancelled    (ClValidation  *v);

/* FALSE with CL_MANIFEST_ERROR_MALFORMED when a claim or manifest of the store goes over
 * one of the counts above. */
gboolean    cl_validation_check_limits (ClValidation  *v,
                                        GError       **error);

/* Whether a claim of the store redacts the assertion at absolute_uri. */
gboolean    cl_validation_is_redacted  (ClValidation  *v,
                                        const char    *absolute_uri);
/* Whether the text of a redaction contains the manifest label (c2pa-rs's test). */
gboolean    cl_validation_names_redacted_manifest (ClValidation *v,
                                                   const char   *label);

/* The digest of a box's payload (an assertion, a manifest) with the named algorithm,
 * computed once per validation (borrowed); NULL for an unknown algorithm. */
GBytes     *cl_validation_box_digest   (ClValidation  *v,
                                        const char    *alg,
                                        ClJumbfBox    *box);

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
