/* cl-timeline-group.h: the "Edits" group of a file's detail page: the actions of the
 * active manifest in order, each with the app, the time and the ingredient it used.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cl-verification.h"

G_BEGIN_DECLS

#define CL_TYPE_TIMELINE_GROUP (cl_timeline_group_get_type ())
G_DECLARE_FINAL_TYPE (ClTimelineGroup, cl_timeline_group, CL, TIMELINE_GROUP, AdwPreferencesGroup)

/* Shows the edits of verification's active manifest (NULL clears); hides itself
 * when there are none. */
void        cl_timeline_group_set_verification (ClTimelineGroup *self,
                                                ClVerification  *verification);
guint       cl_timeline_group_get_n_steps      (ClTimelineGroup *self);
/* Step index: what was done (title) and by which app, when (subtitle). */
const char *cl_timeline_group_get_title        (ClTimelineGroup *self,
                                                guint            index);
const char *cl_timeline_group_get_subtitle     (ClTimelineGroup *self,
                                                guint            index);

G_END_DECLS
