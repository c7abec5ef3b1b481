/* cl-confidence-view.h: the confidence breakdown, one row per component.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cl-confidence.h"

G_BEGIN_DECLS

#define CL_TYPE_CONFIDENCE_VIEW (cl_confidence_view_get_type ())
G_DECLARE_FINAL_TYPE (ClConfidenceView, cl_confidence_view, CL, CONFIDENCE_VIEW, AdwBin)

GtkWidget *cl_confidence_view_new            (void);
/* Shows confidence (copied from; the caller keeps ownership). NULL clears. */
void       cl_confidence_view_set_confidence (ClConfidenceView   *self,
                                              const ClConfidence *confidence);
guint      cl_confidence_view_get_score      (ClConfidenceView   *self);
guint      cl_confidence_view_get_n_rows     (ClConfidenceView   *self);

G_END_DECLS
