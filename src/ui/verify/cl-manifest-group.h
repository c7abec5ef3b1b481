/* cl-manifest-group.h: the "Manifest" group of a file's detail page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cl-verification.h"

G_BEGIN_DECLS

#define CL_TYPE_MANIFEST_GROUP (cl_manifest_group_get_type ())
G_DECLARE_FINAL_TYPE (ClManifestGroup, cl_manifest_group, CL, MANIFEST_GROUP, AdwPreferencesGroup)

/* Shows what verification says (NULL clears); hides itself when there is nothing to show. */
void  cl_manifest_group_set_verification (ClManifestGroup    *self,
                                      ClVerification *verification);
guint cl_manifest_group_get_n_rows       (ClManifestGroup    *self);

G_END_DECLS
