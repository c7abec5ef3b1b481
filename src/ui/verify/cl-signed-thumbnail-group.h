/* cl-signed-thumbnail-group.h: the claim thumbnail of the active manifest beside the
 * file's own pixels, both decoded off the main loop and upright. Hidden when the manifest
 * has no thumbnail.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cl-verification.h"

G_BEGIN_DECLS

#define CL_TYPE_SIGNED_THUMBNAIL_GROUP (cl_signed_thumbnail_group_get_type ())
G_DECLARE_FINAL_TYPE (ClSignedThumbnailGroup, cl_signed_thumbnail_group, CL,
                      SIGNED_THUMBNAIL_GROUP, AdwPreferencesGroup)

void     cl_signed_thumbnail_group_set_verification (ClSignedThumbnailGroup *self,
                                                     ClVerification         *verification);
/* Whether both pictures are shown (for tests). */
gboolean cl_signed_thumbnail_group_is_complete      (ClSignedThumbnailGroup *self);

G_END_DECLS
