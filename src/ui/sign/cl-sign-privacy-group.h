/* cl-sign-privacy-group.h: the Sign page's "Privacy" group — what the signed copies of the
 * listed images will disclose (GPS position, serial numbers, names, edit history from their
 * Exif and XMP; the signer certificate in the credentials), found by the privacy preflight
 * in a worker thread, and two switches (off by default) that remove the GPS position and
 * the serial numbers from the signed copies.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cl-signer.h"

G_BEGIN_DECLS

#define CL_TYPE_SIGN_PRIVACY_GROUP (cl_sign_privacy_group_get_type ())
G_DECLARE_FINAL_TYPE (ClSignPrivacyGroup, cl_sign_privacy_group, CL, SIGN_PRIVACY_GROUP,
                      AdwPreferencesGroup)

/* Checks files (GFile) for signing with the profile named profile_name (or NULL); the
 * rows follow when the check is done. A check still running is cancelled. */
void      cl_sign_privacy_group_update      (ClSignPrivacyGroup *self,
                                             GPtrArray          *files,
                                             const char         *profile_name);
/* Sets options' remove_gps and remove_serials as the switches say. */
void      cl_sign_privacy_group_read_options (ClSignPrivacyGroup *self,
                                              ClSignOptions      *options);
/* Whether a check is running. */
gboolean  cl_sign_privacy_group_get_busy    (ClSignPrivacyGroup *self);
/* The rows as "title: subtitle" lines (for tests and accessibility checks). */
char     *cl_sign_privacy_group_dup_summary (ClSignPrivacyGroup *self);

G_END_DECLS
