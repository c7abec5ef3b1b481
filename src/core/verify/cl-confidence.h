/* cl-confidence.h: the confidence breakdown, computed only from the status
 * codes of a verification and the proof cache's answer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef enum {
  CL_CONFIDENCE_NONE,
  CL_CONFIDENCE_LOW,
  CL_CONFIDENCE_MEDIUM,
  CL_CONFIDENCE_HIGH,
  CL_CONFIDENCE_VERY_HIGH,
} ClConfidenceLevel;

typedef enum {
  CL_CONFIDENCE_PROOF_UNKNOWN,     /* no proof cache consulted */
  CL_CONFIDENCE_PROOF_NOT_FOUND,   /* first time this image is seen */
  CL_CONFIDENCE_PROOF_MATCHES,     /* a stored proof has the same manifest (label and claim
                                    * signature) */
  CL_CONFIDENCE_PROOF_DIFFERS,     /* same content, a different manifest than stored */
} ClConfidenceProof;

/* What the breakdown is computed from: the code lists of the active manifest
 * (NULL-terminated; NULL for empty), the failure codes of ingredients. */
typedef struct {
  gboolean            has_credentials;
  gboolean            recovered;            /* from the proof cache, not embedded */
  const char *const  *success;
  const char *const  *informational;
  const char *const  *failure;
  const char *const  *ingredient_failures;
  ClConfidenceProof   proof;
  /* The matching proof is the record of signing the image on this computer. */
  gboolean            proof_signed_here;
  /* The signer's certificate is a test certificate (cl-cert-testing.h). */
  gboolean            test_signer;
} ClConfidenceInput;

typedef struct {
  const char *id;          /* stable, for JSON: "signature", "binding"… */
  const char *title;       /* translated */
  guint       weight;
  guint       points;
  char       *reason;      /* one line, translated */
  GStrv       codes;       /* the status codes behind it */
} ClConfidenceComponent;

typedef struct {
  guint              score;        /* 0–100 */
  ClConfidenceLevel  level;
  GPtrArray         *components;   /* of ClConfidenceComponent, in display order */
  char              *cap_reason;   /* why the score was capped, or NULL */
} ClConfidence;

ClConfidence *cl_confidence_compute       (const ClConfidenceInput *input);
void          cl_confidence_free          (ClConfidence            *confidence);
const char   *cl_confidence_level_to_string (ClConfidenceLevel      level); /* "very_high"… */
const char   *cl_confidence_level_describe  (ClConfidenceLevel      level); /* translated */
const ClConfidenceComponent *
              cl_confidence_get_component (const ClConfidence      *confidence,
                                           const char              *id);
/* {"score", "level", "cap_reason", "components": [{id, title, weight, points, reason, codes}]} */
JsonNode     *cl_confidence_to_json       (const ClConfidence      *confidence);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClConfidence, cl_confidence_free)

G_END_DECLS
