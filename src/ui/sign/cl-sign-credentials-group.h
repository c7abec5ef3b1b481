/* cl-sign-credentials-group.h: the Sign page's "Credentials" group — what goes
 * into the new manifests (author, title, time-stamp server, Do Not Train, the
 * action), where the signed copies go and whether they replace existing files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cl-signer.h"

G_BEGIN_DECLS

#define CL_TYPE_SIGN_CREDENTIALS_GROUP (cl_sign_credentials_group_get_type ())
G_DECLARE_FINAL_TYPE (ClSignCredentialsGroup, cl_sign_credentials_group, CL,
                      SIGN_CREDENTIALS_GROUP, AdwPreferencesGroup)

/* Property "output-folder": where the signed copies go (NULL: next to each image). */
GFile               *cl_sign_credentials_group_get_output_folder (ClSignCredentialsGroup *self);
void                 cl_sign_credentials_group_set_output_folder (ClSignCredentialsGroup *self,
                                                                  GFile                  *folder);
/* What the fields say now, for signing. The strings belong to the group until the
 * next call. */
const ClSignOptions *cl_sign_credentials_group_read_options      (ClSignCredentialsGroup *self);

G_END_DECLS
