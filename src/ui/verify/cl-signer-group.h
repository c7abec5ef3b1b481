/* cl-signer-group.h: the "Signer" group of a file's detail page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cl-verification.h"

G_BEGIN_DECLS

#define CL_TYPE_SIGNER_GROUP (cl_signer_group_get_type ())
G_DECLARE_FINAL_TYPE (ClSignerGroup, cl_signer_group, CL, SIGNER_GROUP, AdwPreferencesGroup)

/* Shows what verification says (NULL clears); hides itself when there is nothing to show. */
void  cl_signer_group_set_verification (ClSignerGroup    *self,
                                      ClVerification *verification);
guint cl_signer_group_get_n_rows       (ClSignerGroup    *self);
/* The value shown in the row titled title (as displayed, translated), or NULL. */
const char *cl_signer_group_get_value  (ClSignerGroup    *self,
                                        const char       *title);

G_END_DECLS
