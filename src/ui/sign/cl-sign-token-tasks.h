/* cl-sign-token-tasks.h: the PKCS#11 work of the token profile dialog — listing a
 * module's tokens and a token's keys, and storing the new profile — in GTask threads,
 * as loading a module and logging in to a token may take seconds.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The labels (char *) of the tokens module sees. */
void       cl_sign_task_list_tokens        (const char          *module,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
/* The labels (char *) of the private keys on the token, after logging in with pin. */
void       cl_sign_task_list_keys          (const char          *module,
                                            const char          *token,
                                            const char          *pin,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
GPtrArray *cl_sign_task_list_labels_finish (GAsyncResult        *result,
                                            GError             **error);

/* Opens the token with pin, takes the key's certificate chain from chain_path (PEM, leaf
 * first) or, when NULL, the key's certificate from the token, and stores the profile under
 * root as name (where the key is, never the PIN). Finished by cl_sign_task_finish. */
void       cl_sign_task_create_token_profile (const char          *root,
                                              const char          *name,
                                              const char          *chain_path,
                                              const char          *module,
                                              const char          *token,
                                              const char          *key_label,
                                              const char          *pin,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);

G_END_DECLS
