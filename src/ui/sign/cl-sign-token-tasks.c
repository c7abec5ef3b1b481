/* cl-sign-token-tasks.c: PKCS#11 listing and token profile creation in GTask threads,
 * one at a time: two libp11 contexts on the same module share its one library state, and
 * one finalizing it would end the other's sessions. The PIN is copied into the task and
 * wiped when it is freed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-sign-token-tasks"

#include "config.h"

#include <string.h>
#include <openssl/crypto.h>

#include "cl-pkcs11-key.h"
#include "cl-signing-profile-store.h"
#include "cl-sign-token-tasks.h"
#include "cl-token-profile.h"

static GMutex module_lock;

typedef struct {
  char           *root;
  char           *name;
  char           *chain_path;
  ClPkcs11KeyRef *ref;
  char           *pin;
} TokenTaskData;


static void
token_task_data_free (TokenTaskData *data)
{
  g_free (data->root);
  g_free (data->name);
  g_free (data->chain_path);
  cl_pkcs11_key_ref_free (data->ref);
  if (data->pin != NULL)
    OPENSSL_cleanse (data->pin, strlen (data->pin));
  g_free (data->pin);
  g_free (data);
}


static void
run_in_thread (const char            *root,
               const char            *name,
               const char            *chain_path,
               ClPkcs11KeyRef        *ref,
               const char            *pin,
               GTaskThreadFunc        thread_func,
               gpointer               source_tag,
               GCancellable          *cancellable,
               GAsyncReadyCallback    callback,
               gpointer               user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  TokenTaskData *data = g_new0 (TokenTaskData, 1);

  data->root = g_strdup (root);
  data->name = g_strdup (name);
  data->chain_path = g_strdup (chain_path);
  data->ref = ref;
  data->pin = g_strdup (pin);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, data, (GDestroyNotify) token_task_data_free);
  g_task_run_in_thread (task, thread_func);
}


static void
list_tokens_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  TokenTaskData *data = task_data;
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&module_lock);
  GError *error = NULL;
  GPtrArray *labels = cl_pkcs11_list_tokens (data->ref->module, &error);

  if (labels == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, labels, (GDestroyNotify) g_ptr_array_unref);
}


void
cl_sign_task_list_tokens (const char          *module,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  run_in_thread (NULL, NULL, NULL, cl_pkcs11_key_ref_new (module, NULL, NULL, NULL), NULL,
                 list_tokens_thread, cl_sign_task_list_tokens, cancellable, callback,
                 user_data);
}


static void
list_keys_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  TokenTaskData *data = task_data;
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&module_lock);
  GError *error = NULL;
  GPtrArray *labels = cl_pkcs11_list_key_labels (data->ref, data->pin, &error);

  if (labels == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, labels, (GDestroyNotify) g_ptr_array_unref);
}


void
cl_sign_task_list_keys (const char          *module,
                        const char          *token,
                        const char          *pin,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  run_in_thread (NULL, NULL, NULL, cl_pkcs11_key_ref_new (module, token, NULL, NULL), pin,
                 list_keys_thread, cl_sign_task_list_keys, cancellable, callback, user_data);
}


GPtrArray *
cl_sign_task_list_labels_finish (GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}


static void
create_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  TokenTaskData *data = task_data;
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&module_lock);
  GError *error = NULL;
  g_autoptr(ClSigningProfile) profile = cl_token_profile_open (data->name, data->chain_path,
                                                               data->ref, data->pin, &error);

  /* The profile keeps the token's session: it is closed before the next task opens one. */
  if (profile == NULL || !cl_signing_profile_store_save (data->root, profile, NULL, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}


void
cl_sign_task_create_token_profile (const char          *root,
                                   const char          *name,
                                   const char          *chain_path,
                                   const char          *module,
                                   const char          *token,
                                   const char          *key_label,
                                   const char          *pin,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  run_in_thread (root, name, chain_path, cl_pkcs11_key_ref_new (module, token, key_label, NULL),
                 pin, create_thread, cl_sign_task_create_token_profile, cancellable, callback,
                 user_data);
}
