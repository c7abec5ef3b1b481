/* cl-manifest-actions.h: the c2pa.actions.v2 assertion of a manifest CredLink signs —
 * c2pa.created (with its digitalSourceType) or c2pa.opened (pointing to the parent
 * ingredient), then c2pa.edited when the image was edited with AI tools — and the
 * generator-info map that names CredLink in the claim and in the actions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <cbor.h>

G_BEGIN_DECLS

#define CL_DIGITAL_SOURCE_TYPE_PREFIX "http://cv.iptc.org/newscodes/digitalsourcetype/"
#define CL_DIGITAL_SOURCE_TYPE_CAPTURE CL_DIGITAL_SOURCE_TYPE_PREFIX "digitalCapture"
#define CL_DIGITAL_SOURCE_TYPE_AI_GENERATED CL_DIGITAL_SOURCE_TYPE_PREFIX "trainedAlgorithmicMedia"
#define CL_DIGITAL_SOURCE_TYPE_AI_COMPOSITE \
  CL_DIGITAL_SOURCE_TYPE_PREFIX "compositeWithTrainedAlgorithmicMedia"

/* The C2PA specification version the manifests are written to: claim_generator_info's
 * specVersion (C2PA 2.4 and the conformance program's generator rules). */
#define CL_MANIFEST_SPEC_VERSION "2.4.0"

/* What generative AI had to do with the image, as the signer declares it. */
typedef enum {
  CL_AI_USE_NONE,
  CL_AI_USE_GENERATED,    /* made by a trained model: trainedAlgorithmicMedia */
  CL_AI_USE_EDITED,       /* edited with AI tools: compositeWithTrainedAlgorithmicMedia */
} ClAiUse;

/* { name: CredLink, version }. */
cbor_item_t *cl_manifest_software_agent (void);

/* The actions assertion's map. when: RFC 3339 time of the actions. digital_source_type:
 * of c2pa.created for a new image (ignored when ai_use is GENERATED, which says
 * trainedAlgorithmicMedia). ingredient_hash: the SHA-256 of the parentOf ingredient
 * assertion (c2pa.ingredient.v3) when the source had credentials (the first action is
 * then c2pa.opened), or NULL. */
cbor_item_t *cl_manifest_actions_new    (const char   *when,
                                         const char   *digital_source_type,
                                         ClAiUse       ai_use,
                                         const guint8 *ingredient_hash);

/* Appends to the list of an actions map from cl_manifest_actions_new a
 * c2pa.edited.metadata action whose description says what was changed in the file's
 * metadata (the privacy options' removals). */
void         cl_manifest_actions_add_metadata_edit (cbor_item_t *actions,
                                                    const char  *when,
                                                    const char  *description);

G_END_DECLS
