/* cl-verify-detail.h: everything about one verified file: verdict and reason,
 * confidence, signer, certificate chain, what the manifest says, ingredients
 * and the raw codes and JSON; export as PDF.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cl-chain-group.h"
#include "cl-confidence-view.h"
#include "cl-ingredients-group.h"
#include "cl-manifest-group.h"
#include "cl-camera-group.h"
#include "cl-timeline-group.h"
#include "cl-raw-data-group.h"
#include "cl-identities-group.h"
#include "cl-signer-group.h"
#include "cl-verdict-banner.h"
#include "cl-verify-item.h"

G_BEGIN_DECLS

#define CL_TYPE_VERIFY_DETAIL (cl_verify_detail_get_type ())
G_DECLARE_FINAL_TYPE (ClVerifyDetail, cl_verify_detail, CL, VERIFY_DETAIL, AdwBin)

/* Shows item (NULL: nothing), and follows it until its verification arrives. */
void                cl_verify_detail_set_item        (ClVerifyDetail *self,
                                                      ClVerifyItem   *item);
ClVerifyItem       *cl_verify_detail_get_item        (ClVerifyDetail *self);
/* The file's name at the top (shortened in the middle when narrow). */
GtkLabel           *cl_verify_detail_get_name_label  (ClVerifyDetail *self);
ClVerdictBanner    *cl_verify_detail_get_banner      (ClVerifyDetail *self);
ClConfidenceView   *cl_verify_detail_get_confidence  (ClVerifyDetail *self);
ClSignerGroup      *cl_verify_detail_get_signer      (ClVerifyDetail *self);
ClIdentitiesGroup  *cl_verify_detail_get_identities  (ClVerifyDetail *self);
ClChainGroup       *cl_verify_detail_get_chain       (ClVerifyDetail *self);
ClManifestGroup    *cl_verify_detail_get_manifest    (ClVerifyDetail *self);
ClTimelineGroup    *cl_verify_detail_get_timeline    (ClVerifyDetail *self);
ClCameraGroup      *cl_verify_detail_get_camera      (ClVerifyDetail *self);
ClIngredientsGroup *cl_verify_detail_get_ingredients (ClVerifyDetail *self);
ClRawDataGroup     *cl_verify_detail_get_raw_data    (ClVerifyDetail *self);
/* The detail of the ingredient opened from the Ingredients tree, or NULL (none open). */
ClVerifyDetail     *cl_verify_detail_get_ingredient_detail (ClVerifyDetail *self);
/* TRUE while the groups after the verdict banner are still joining the layout, one per
 * frame, after a verification was shown. */
gboolean            cl_verify_detail_is_laying_out (ClVerifyDetail *self);
/* Moves the focus to the first control of the detail: its header's buttons. */
void                cl_verify_detail_focus_start (ClVerifyDetail *self);
/* The button that returns from that ingredient to this file's detail. */
GtkButton          *cl_verify_detail_get_back_button (ClVerifyDetail *self);

G_END_DECLS
