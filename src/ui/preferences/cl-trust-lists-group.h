/* cl-trust-lists-group.h: the trust lists in Preferences: each list with its
 * kind, source and snapshot date; import a PEM file; remove; refresh now.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CL_TYPE_TRUST_LISTS_GROUP (cl_trust_lists_group_get_type ())
G_DECLARE_FINAL_TYPE (ClTrustListsGroup, cl_trust_lists_group, CL, TRUST_LISTS_GROUP, AdwBin)

GtkWidget *cl_trust_lists_group_new            (void);
/* The folder of the lists; NULL: $XDG_DATA_HOME/credlink/trust. Reloads. */
void       cl_trust_lists_group_set_trust_dir  (ClTrustListsGroup *self,
                                                const char        *trust_dir);
/* Imports anchors from a PEM file as a user list named after the file. */
void       cl_trust_lists_group_import_file    (ClTrustListsGroup *self,
                                                GFile             *pem);
/* For tests: the number of lists shown, and whether work is running. */
guint      cl_trust_lists_group_get_n_lists    (ClTrustListsGroup *self);
gboolean   cl_trust_lists_group_is_busy        (ClTrustListsGroup *self);
const char *cl_trust_lists_group_get_message   (ClTrustListsGroup *self);
/* Why “Refresh Now” is greyed, or NULL when it is not. */
const char *cl_trust_lists_group_get_refresh_hint (ClTrustListsGroup *self);

G_END_DECLS
