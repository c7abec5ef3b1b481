/* cl-sign-profile-group.h: the Sign page's "Signing Profile" group — the stored
 * profiles, the chosen one's certificate and check, the passphrase, and the
 * dialogs that import, create and remove profiles.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cl-signing-profile.h"

G_BEGIN_DECLS

#define CL_TYPE_SIGN_PROFILE_GROUP (cl_sign_profile_group_get_type ())
G_DECLARE_FINAL_TYPE (ClSignProfileGroup, cl_sign_profile_group, CL, SIGN_PROFILE_GROUP,
                      AdwPreferencesGroup)

/* Properties: "selected-profile" (notified whenever a profile is chosen, again or
 * anew), "busy" (the store is being read or written, or a profile checked).
 * Signals: "error" (message) when the store cannot be listed; "problem" (message)
 * when a profile cannot be stored or removed. */

/* Re-reads the profile store (asynchronously; "busy" is TRUE meanwhile). */
void              cl_sign_profile_group_reload            (ClSignProfileGroup   *self);
/* Chooses a listed profile (and checks it again); FALSE if there is none of that name. */
gboolean          cl_sign_profile_group_select            (ClSignProfileGroup   *self,
                                                           const char           *name);
/* The chosen profile's name, or NULL. */
const char       *cl_sign_profile_group_get_selected      (ClSignProfileGroup   *self);
/* The text the profile's check produced ("" when it has no problems). */
const char       *cl_sign_profile_group_get_problems      (ClSignProfileGroup   *self);
gboolean          cl_sign_profile_group_get_busy          (ClSignProfileGroup   *self);
/* The listed profiles' names (a GtkStringList, changed when they are listed again). */
GListModel       *cl_sign_profile_group_get_names         (ClSignProfileGroup   *self);

/* The dialogs; a profile stored through them is listed and chosen. */
void              cl_sign_profile_group_import            (ClSignProfileGroup   *self);
void              cl_sign_profile_group_create_identity   (ClSignProfileGroup   *self);
void              cl_sign_profile_group_add_token         (ClSignProfileGroup   *self);
/* Asks first. */
void              cl_sign_profile_group_remove_selected   (ClSignProfileGroup   *self);

gboolean          cl_sign_profile_group_has_passphrase    (ClSignProfileGroup   *self);
void              cl_sign_profile_group_focus_passphrase  (ClSignProfileGroup   *self);
/* Loads the chosen profile (a thread) and checks it again, as it may have expired since
 * it was chosen; its key is being unlocked by the passphrase on a thread of its own
 * (scrypt is slow on purpose) when it comes back, so that the first images are read
 * meanwhile. A wrong passphrase is then the signing's error (a token's wrong PIN: this
 * one's), and is marked on its entry. */
void              cl_sign_profile_group_unlock_async      (ClSignProfileGroup   *self,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
ClSigningProfile *cl_sign_profile_group_unlock_finish     (ClSignProfileGroup   *self,
                                                           GAsyncResult         *result,
                                                           GError              **error);
/* Marks the passphrase's entry: the key would not unlock with it. */
void              cl_sign_profile_group_show_wrong_passphrase (ClSignProfileGroup *self);

G_END_DECLS
