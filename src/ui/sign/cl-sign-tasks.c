/* cl-sign-tasks.c: the Sign page's blocking work in GTask threads. Passphrases
 * are copied into the task and wiped when it is freed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-sign-tasks"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <openssl/crypto.h>

#include "cl-asset.h"
#include "cl-signing-profile-store.h"
#include "cl-sign-tasks.h"
#include "cl-test-identity.h"

typedef struct {
  char *root;
  char *name;
  char *path;
  char *key_path;
  char *passphrase;
  char *new_passphrase;
} TaskData;


static void
wipe_free (char *secret)
{
  if (secret != NULL)
    OPENSSL_cleanse (secret, strlen (secret));
  g_free (secret);
}


static void
task_data_free (TaskData *data)
{
  g_free (data->root);
  g_free (data->name);
  g_free (data->path);
  g_free (data->key_path);
  wipe_free (data->passphrase);
  wipe_free (data->new_passphrase);
  g_free (data);
}


static GTask *
new_task (gpointer             source_tag,
          const char          *root,
          const char          *name,
          const char          *passphrase,
          GCancellable        *cancellable,
          GAsyncReadyCallback  callback,
          gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  TaskData *data = g_new0 (TaskData, 1);

  data->root = g_strdup (root);
  data->name = g_strdup (name);
  data->passphrase = g_strdup (passphrase);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, data, (GDestroyNotify) task_data_free);
  return task;
}


static void
list_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  TaskData *data = task_data;
  GError *error = NULL;
  GPtrArray *profiles = cl_signing_profile_store_list (data->root, &error);

  if (profiles == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, profiles, (GDestroyNotify) g_ptr_array_unref);
}


void
cl_sign_task_list_profiles (const char          *root,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = new_task (cl_sign_task_list_profiles, root, NULL, NULL,
                                    cancellable, callback, user_data);

  g_task_run_in_thread (task, list_thread);
}


GPtrArray *
cl_sign_task_list_profiles_finish (GAsyncResult  *result,
                                   GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}


static void
load_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  TaskData *data = task_data;
  GError *error = NULL;
  ClSigningProfile *profile = cl_signing_profile_store_load (data->root, data->name, data->passphrase, &error);

  if (profile == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, profile, (GDestroyNotify) cl_signing_profile_unref);
}


void
cl_sign_task_load_profile (const char          *root,
                           const char          *name,
                           const char          *passphrase,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = new_task (cl_sign_task_load_profile, root, name, passphrase,
                                    cancellable, callback, user_data);

  g_task_run_in_thread (task, load_thread);
}


ClSigningProfile *
cl_sign_task_load_profile_finish (GAsyncResult  *result,
                                  GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}


static void
create_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  TaskData *data = task_data;
  GError *error = NULL;
  g_autoptr(ClSigningProfile) profile = cl_test_identity_create (data->name, CL_COSE_ALG_ES256,
                                                          NULL, NULL, &error);

  if (profile == NULL || !cl_signing_profile_store_save (data->root, profile, data->passphrase, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}


void
cl_sign_task_create_test_identity (const char          *root,
                                   const char          *name,
                                   const char          *passphrase,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = new_task (cl_sign_task_create_test_identity, root, name, passphrase,
                                    cancellable, callback, user_data);

  g_task_run_in_thread (task, create_thread);
}


static void
import_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  TaskData *data = task_data;
  GError *error = NULL;
  g_autoptr(ClSigningProfile) profile = NULL;

  if (data->key_path == NULL)
    profile = cl_signing_profile_new_from_pkcs12 (data->name, data->path, data->passphrase, &error);
  else
    profile = cl_signing_profile_new_from_pem (data->name, data->path, data->key_path,
                                       data->passphrase, &error);
  if (profile == NULL ||
      !cl_signing_profile_store_save (data->root, profile, data->new_passphrase, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}


void
cl_sign_task_import_profile (const char          *root,
                             const char          *name,
                             const char          *path,
                             const char          *key_path,
                             const char          *source_passphrase,
                             const char          *new_passphrase,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = new_task (cl_sign_task_import_profile, root, name, source_passphrase,
                                    cancellable, callback, user_data);
  TaskData *data = g_task_get_task_data (task);

  data->path = g_strdup (path);
  data->key_path = g_strdup (key_path);
  data->new_passphrase = g_strdup (new_passphrase);
  g_task_run_in_thread (task, import_thread);
}


static void
remove_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  TaskData *data = task_data;
  GError *error = NULL;

  if (!cl_signing_profile_store_remove (data->root, data->name, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}


void
cl_sign_task_remove_profile (const char          *root,
                             const char          *name,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = new_task (cl_sign_task_remove_profile, root, name, NULL,
                                    cancellable, callback, user_data);

  g_task_run_in_thread (task, remove_thread);
}


gboolean
cl_sign_task_finish (GAsyncResult  *result,
                     GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}


static void
credentials_thread (GTask        *task,
                    gpointer      source,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  TaskData *data = task_data;
  GError *error = NULL;
  g_autoptr(ClAssetInfo) info = cl_asset_read_file (data->path, cancellable, &error);

  if (info == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, info->store != NULL);
}


void
cl_sign_task_has_credentials (const char          *path,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = new_task (cl_sign_task_has_credentials, NULL, NULL, NULL,
                                    cancellable, callback, user_data);
  TaskData *data = g_task_get_task_data (task);

  data->path = g_strdup (path);
  g_task_run_in_thread (task, credentials_thread);
}


gboolean
cl_sign_task_has_credentials_finish (GAsyncResult  *result,
                                     GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}
