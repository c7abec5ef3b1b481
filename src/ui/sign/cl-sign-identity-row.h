/* cl-sign-identity-row.h: the Sign page's identity row — optionally a second stored
 * profile, the photographer's own certificate, named in a CAWG identity assertion next
 * to the signer of the claim; off by default.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cl-signing-profile.h"

G_BEGIN_DECLS

#define CL_TYPE_SIGN_IDENTITY_ROW (cl_sign_identity_row_get_type ())
G_DECLARE_FINAL_TYPE (ClSignIdentityRow, cl_sign_identity_row, CL, SIGN_IDENTITY_ROW,
                      AdwExpanderRow)

/* The stored profiles' names (a GtkStringList the Sign page's profile group keeps
 * up to date); the chosen name is kept when the list changes. */
void              cl_sign_identity_row_set_profiles (ClSignIdentityRow   *self,
                                                     GListModel          *names);
/* Switches the identity on with the profile name; FALSE if none is listed by that name. */
gboolean          cl_sign_identity_row_select       (ClSignIdentityRow   *self,
                                                     const char          *name);
/* The chosen identity profile, or NULL when the row is switched off. */
const char       *cl_sign_identity_row_get_selected (ClSignIdentityRow   *self);
/* Loads the chosen profile with its key unlocked by the row's passphrase (a thread) and
 * checks it. Finishes with NULL and no error when the row is switched off. */
void              cl_sign_identity_row_unlock_async  (ClSignIdentityRow   *self,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
ClSigningProfile *cl_sign_identity_row_unlock_finish (ClSignIdentityRow   *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);

G_END_DECLS
