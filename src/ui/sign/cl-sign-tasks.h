/* cl-sign-tasks.h: the Sign page's blocking work (profile store, key
 * decryption, image inspection) run in GTask threads.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cl-signing-profile.h"

G_BEGIN_DECLS

/* The stored profiles (ClSigningProfileSummary) under root. */
void       cl_sign_task_list_profiles        (const char          *root,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
GPtrArray *cl_sign_task_list_profiles_finish (GAsyncResult        *result,
                                              GError             **error);

/* Loads a profile; passphrase NULL keeps the key locked (enough to check it). With
 * unlock_later the key is unlocked on a thread of its own once the profile is read
 * (cl_signing_profile_store_load_unlocking): a wrong passphrase is then the signing's
 * error, CL_SIGN_ERROR_PASSPHRASE. */
void       cl_sign_task_load_profile         (const char          *root,
                                              const char          *name,
                                              const char          *passphrase,
                                              gboolean             unlock_later,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
ClSigningProfile *cl_sign_task_load_profile_finish  (GAsyncResult        *result,
                                              GError             **error);
/* The same, with the profile checked again as signing needs it now (it may have expired
 * since it was chosen): *problem (freed by the caller) is the first thing that keeps it
 * from signing, or NULL when it can. */
ClSigningProfile *cl_sign_task_load_profile_finish_checked (GAsyncResult  *result,
                                                           char         **problem,
                                                           GError       **error);

/* Creates a test identity (ES256) and stores it under passphrase. */
void       cl_sign_task_create_test_identity (const char          *root,
                                              const char          *name,
                                              const char          *passphrase,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
/* Imports a PKCS#12 bundle (key_path NULL) or a PEM chain + key and stores it
 * under new_passphrase. */
void       cl_sign_task_import_profile       (const char          *root,
                                              const char          *name,
                                              const char          *path,
                                              const char          *key_path,
                                              const char          *source_passphrase,
                                              const char          *new_passphrase,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
void       cl_sign_task_remove_profile       (const char          *root,
                                              const char          *name,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
/* Finishes create, import and remove. */
gboolean   cl_sign_task_finish               (GAsyncResult        *result,
                                              GError             **error);

/* Whether an image already carries Content Credentials. */
void       cl_sign_task_has_credentials      (const char          *path,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
gboolean   cl_sign_task_has_credentials_finish (GAsyncResult      *result,
                                                GError           **error);

G_END_DECLS
