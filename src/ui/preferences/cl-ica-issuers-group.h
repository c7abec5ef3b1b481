/* cl-ica-issuers-group.h: the trusted identity issuers in Preferences — the file that
 * lists their DIDs (the format of credlink-cli verify --ica-issuers), chosen or cleared,
 * shown with its name and how many issuers it holds, or why it cannot be used.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CL_TYPE_ICA_ISSUERS_GROUP (cl_ica_issuers_group_get_type ())
G_DECLARE_FINAL_TYPE (ClIcaIssuersGroup, cl_ica_issuers_group, CL, ICA_ISSUERS_GROUP, AdwBin)

/* The line under the row's title (for tests). */
const char *cl_ica_issuers_group_get_summary (ClIcaIssuersGroup *self);
/* Whether the chosen file is still being read. */
gboolean    cl_ica_issuers_group_is_loading  (ClIcaIssuersGroup *self);

G_END_DECLS
