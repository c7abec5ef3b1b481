/* cl-identities-group.h: the "Identities" group of a file's detail page: each CAWG
 * identity assertion of the active manifest (who took part, as a credential vouches for
 * it), apart from the claim signer, with what it claims and its own status in words.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cl-identity-report.h"

G_BEGIN_DECLS

#define CL_TYPE_IDENTITIES_GROUP (cl_identities_group_get_type ())
G_DECLARE_FINAL_TYPE (ClIdentitiesGroup, cl_identities_group, CL, IDENTITIES_GROUP,
                      AdwPreferencesGroup)

/* Shows identities (ClIdentityReport; NULL or empty hides the group). */
void        cl_identities_group_set_identities (ClIdentitiesGroup *self,
                                                GPtrArray         *identities);
guint       cl_identities_group_get_n_identities (ClIdentitiesGroup *self);
/* The row of identity index: who (title) and its status in words (subtitle). */
const char *cl_identities_group_get_title    (ClIdentitiesGroup *self,
                                              guint              index);
const char *cl_identities_group_get_status   (ClIdentitiesGroup *self,
                                              guint              index);
/* The value of the row titled title (as displayed) under identity index, or NULL. */
const char *cl_identities_group_get_value    (ClIdentitiesGroup *self,
                                              guint              index,
                                              const char        *title);

G_END_DECLS
