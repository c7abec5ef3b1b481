/* cl-camera-group.h: the "Camera Data" group of a file's detail page: what the
 * manifest's EXIF assertions say about the camera, the exposure, when and where,
 * in words, with the place as degrees and a link to a map.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cl-verification.h"

G_BEGIN_DECLS

#define CL_TYPE_CAMERA_GROUP (cl_camera_group_get_type ())
G_DECLARE_FINAL_TYPE (ClCameraGroup, cl_camera_group, CL, CAMERA_GROUP, AdwPreferencesGroup)

/* Shows the camera data of verification's active manifest (NULL clears); hides
 * itself when there is none. */
void           cl_camera_group_set_verification (ClCameraGroup  *self,
                                                 ClVerification *verification);
guint          cl_camera_group_get_n_rows       (ClCameraGroup  *self);
/* The value of the row titled name (as displayed), or NULL. */
const char    *cl_camera_group_get_value        (ClCameraGroup  *self,
                                                 const char     *name);
/* The button that opens the place in a map (its URI a geo: one), or NULL. */
GtkLinkButton *cl_camera_group_get_map_link     (ClCameraGroup  *self);

G_END_DECLS
