/* cl-validation-report.h: the outcome of verifying one file — what the UI, the CLI and the
 * proof cache consume — and its JSON form, shaped like c2patool's reader output.
 *
 * A plain reference-counted structure: fields are read directly, never modified
 * after cl_validator_* returns it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "cl-asset.h"
#include "cl-identity-report.h"
#include "cl-status.h"

G_BEGIN_DECLS

typedef enum {
  CL_VALIDATION_STATE_INVALID,
  CL_VALIDATION_STATE_VALID,
  CL_VALIDATION_STATE_TRUSTED,
} ClValidationState;

/* What one manifest says, decoded for display. */
typedef struct {
  char       *label;
  int         claim_version;
  gboolean    is_update;
  char       *title;
  char       *format;
  char       *instance_id;
  char       *claim_generator;        /* v1 only */
  JsonNode   *claim_generator_info;   /* array, or NULL */
  char       *thumbnail_format;       /* claim thumbnail media type, or NULL */
  char       *thumbnail_uri;
  GBytes     *thumbnail;              /* claim thumbnail bytes, or NULL */
  JsonNode   *actions;                /* array of action objects of every actions assertion */
  JsonNode   *ingredients;            /* array of ingredient objects (report form) */
  GPtrArray  *ingredient_thumbnails;  /* GBytes or NULL, parallel to ingredients */
  JsonNode   *assertions;             /* array of {label, data[, instance][, kind]} */
  GPtrArray  *redactions;             /* char* URIs */
  /* signature_info */
  char       *sig_alg;
  char       *sig_issuer;
  char       *sig_common_name;
  char       *sig_serial;
  char       *sig_time;               /* time-stamp time, RFC 3339, or NULL */
  char       *tsa_name;               /* the time-stamp authority's name, or NULL (not in JSON) */
  GPtrArray  *identities;             /* ClIdentityReport: its CAWG identity assertions */
} ClManifestReport;

typedef struct {
  gint               ref_count;
  char              *path;
  ClAssetFormat      format;
  const char        *mime_type;
  guint64            file_size;
  guint8             file_sha256[32];
  /* SHA-256 of every byte outside the store ranges (the proof cache key). */
  guint8             content_sha256[32];
  GArray            *store_ranges;      /* ClByteRange, empty without a store */
  gboolean           has_manifest;
  char              *active_label;
  GPtrArray         *manifests;         /* ClManifestReport, store order */
  /* Every status, active manifest first then ingredient deltas (ingredient_uri set). */
  GPtrArray         *statuses;
  ClValidationState  state;
  GPtrArray         *x5chain;           /* GBytes DER of the active signer's chain, leaf first */
  guint8             claim_signature_hash[32]; /* SHA-256 of the active signature box payload */
  gboolean           has_claim_signature_hash;
  /* The manifest store validated, when the caller asked to keep it (keep_store of
   * ClValidatorOptions), else NULL. */
  GBytes            *manifest_store;
} ClValidationReport;

ClValidationReport         *cl_validation_report_new          (void);
ClValidationReport         *cl_validation_report_ref          (ClValidationReport     *report);
void              cl_validation_report_unref        (ClValidationReport     *report);

ClManifestReport *cl_manifest_report_new (void);
void              cl_manifest_report_free (ClManifestReport *manifest);
ClManifestReport *cl_validation_report_get_active   (ClValidationReport     *report);

const char       *cl_validation_state_to_string (ClValidationState state);
/* Failure codes of the active manifest and of every ingredient delta, sorted, unique. */
GStrv             cl_validation_report_dup_failure_codes (ClValidationReport *report);
gboolean          cl_validation_report_is_valid     (ClValidationReport     *report);

/* The c2patool-shaped JSON object (no "path"). */
JsonNode         *cl_validation_report_to_json      (ClValidationReport     *report);
char             *cl_validation_report_to_json_string (ClValidationReport   *report,
                                            gboolean    pretty);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClValidationReport, cl_validation_report_unref)

G_END_DECLS
