/* cl-manifest-builder.h: builds the manifest store CredLink embeds when it signs:
 * one standard manifest (claim v2) with actions, claim thumbnail, data hash and
 * optional CreativeWork / CAWG training-mining assertions, placed after the
 * manifests of the parent asset (copied verbatim) when the source already has
 * Content Credentials.
 *
 * The builder is deterministic once created (labels, salts and times are fixed at
 * creation), so the store can be laid out several times with the same size: first
 * with placeholders to learn its size, then with the real data hash and signature.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "cl-data-hash.h"
#include "cl-manifest-actions.h"
#include "cl-parent-store.h"
#include "cl-signing-profile.h"
#include "cl-validation-report.h"

G_BEGIN_DECLS

typedef struct _ClManifestBuilder ClManifestBuilder;

/* title: the file name shown as dc:title; mime_type of the signed asset. */
ClManifestBuilder *cl_manifest_builder_new        (const char         *title,
                                                   const char         *mime_type);
void               cl_manifest_builder_free       (ClManifestBuilder  *self);

const char        *cl_manifest_builder_get_label  (ClManifestBuilder  *self);

/* digitalSourceType of the c2pa.created action (new captures); default digitalCapture. */
void               cl_manifest_builder_set_digital_source_type (ClManifestBuilder *self,
                                                                const char        *uri);
/* What the privacy options removed from the file's metadata: a c2pa.edited.metadata
 * action with that description (NULL: none). */
void               cl_manifest_builder_set_metadata_edit (ClManifestBuilder *self,
                                                          const char        *description);
/* Generated: the c2pa.created action says trainedAlgorithmicMedia (an image that has
 * credentials is opened, then edited with that source type). Edited: a c2pa.edited
 * action with compositeWithTrainedAlgorithmicMedia follows the created or opened one. */
void               cl_manifest_builder_set_ai_use (ClManifestBuilder *self,
                                                   ClAiUse            ai_use);
/* A stds.schema-org.CreativeWork assertion with author and/or title (either may be
 * NULL); a title also becomes the claim's dc:title. */
void               cl_manifest_builder_set_creative_work (ClManifestBuilder *self,
                                                          const char        *author,
                                                          const char        *title);
void               cl_manifest_builder_set_do_not_train (ClManifestBuilder *self,
                                                         gboolean           do_not_train);
/* A cawg.identity assertion (CAWG X.509 identity) signed with identity's key, after the
 * hard binding and referencing every assertion before it; NULL: none. */
void               cl_manifest_builder_set_identity (ClManifestBuilder *self,
                                                     ClSigningProfile  *identity);
/* The hard binding: c2pa.hash.bmff.v3 (an ISO BMFF image) instead of c2pa.hash.data;
 * build_store's data_hash is then the BMFF hash and its exclusion is not written. */
void               cl_manifest_builder_set_bmff_hash (ClManifestBuilder *self,
                                                      gboolean           bmff_hash);
/* JPEG bytes of the claim thumbnail. */
void               cl_manifest_builder_set_thumbnail (ClManifestBuilder *self,
                                                      GBytes            *jpeg);
/* The manifest store already in the source: its manifests are kept and its active
 * manifest becomes the parentOf ingredient (c2pa.opened). Fails when the store's
 * top level cannot be walked. */
gboolean           cl_manifest_builder_set_parent (ClManifestBuilder  *self,
                                                   GBytes             *parent_store,
                                                   const char         *parent_title,
                                                   GError            **error);
/* Label of the parent's active manifest, or NULL. */
const char        *cl_manifest_builder_get_parent_label (ClManifestBuilder *self);
ClParentStore     *cl_manifest_builder_get_parent (ClManifestBuilder *self);
/* A time-stamp token over the parent's signature (which has none of its own), written as
 * a c2pa.time-stamp assertion. Needs a parent. */
void               cl_manifest_builder_set_parent_time_stamp (ClManifestBuilder *self,
                                                              GBytes            *token);
/* The validator's report on the source: its statuses become the ingredient's
 * validationResults (activeManifest and ingredientDeltas), as c2pa-rs records them. */
void               cl_manifest_builder_set_parent_report (ClManifestBuilder  *self,
                                                          ClValidationReport *report);
/* Without a report: whether the parent's hard binding matched the source, recorded
 * in the ingredient's validationResults. */
void               cl_manifest_builder_set_parent_binding (ClManifestBuilder *self,
                                                           ClParentBinding    binding);

/* Lays out the whole store. exclusion and data_hash (32 bytes, SHA-256) go into
 * c2pa.hash.data; the integers are written with fixed 32-bit width so that the
 * size never depends on their values. signature is the content of the signature
 * box (a placeholder or the real COSE_Sign1). When claim_out is not NULL it
 * receives the claim bytes (what the signature covers). NULL (error set) when the
 * identity assertion cannot be signed. */
GBytes            *cl_manifest_builder_build_store (ClManifestBuilder *self,
                                                    const ClByteRange *exclusion,
                                                    const guint8      *data_hash,
                                                    GBytes            *signature,
                                                    GBytes           **claim_out,
                                                    GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClManifestBuilder, cl_manifest_builder_free)

G_END_DECLS
