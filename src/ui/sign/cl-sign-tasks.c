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

/* What a task works on, as the caller passes it (borrowed) … */
typedef struct {
  const char *root;
  const char *name;
  const char *path;
  const char *key_path;
  const char *passphrase;
  const char *new_passphrase;
  gboolean    unlock_later;
} TaskArgs;

/* … and the task's own copy, freed (secrets wiped) with the task. */
typedef struct {
  char *root;
  char *name;
  char *path;
  char *key_path;
  char *passphrase;
  char *new_passphrase;
  gboolean unlock_later;
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


/* Every task: copy the arguments, run thread with the cancellable, call back on
 * the caller's main context. source_tag is the public function, checked on finish. */
static void
run_in_thread (gpointer             source_tag,
               GTaskThreadFunc      thread,
               const TaskArgs      *args,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  TaskData *data = g_new0 (TaskData, 1);

  data->root = g_strdup (args->root);
  data->name = g_strdup (args->name);
  data->path = g_strdup (args->path);
  data->key_path = g_strdup (args->key_path);
  data->passphrase = g_strdup (args->passphrase);
  data->new_passphrase = g_strdup (args->new_passphrase);
  data->unlock_later = args->unlock_later;
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, data, (GDestroyNotify) task_data_free);
  g_task_run_in_thread (task, thread);
}


static gpointer
finish_pointer (GAsyncResult  *result,
                gpointer       source_tag,
                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}


static gboolean
finish_boolean (GAsyncResult  *result,
                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
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
  run_in_thread (cl_sign_task_list_profiles, list_thread, &(TaskArgs) { .root = root },
                 cancellable, callback, user_data);
}


GPtrArray *
cl_sign_task_list_profiles_finish (GAsyncResult  *result,
                                   GError       **error)
{
  return finish_pointer (result, cl_sign_task_list_profiles, error);
}


static void
load_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  TaskData *data = task_data;
  GError *error = NULL;
  ClSigningProfile *profile = data->unlock_later
    ? cl_signing_profile_store_load_unlocking (data->root, data->name, data->passphrase, &error)
    : cl_signing_profile_store_load (data->root, data->name, data->passphrase, &error);

  if (profile == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, profile, (GDestroyNotify) cl_signing_profile_unref);
}


void
cl_sign_task_load_profile (const char          *root,
                           const char          *name,
                           const char          *passphrase,
                           gboolean             unlock_later,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  run_in_thread (cl_sign_task_load_profile, load_thread,
                 &(TaskArgs) { .root = root, .name = name, .passphrase = passphrase,
                               .unlock_later = unlock_later },
                 cancellable, callback, user_data);
}


ClSigningProfile *
cl_sign_task_load_profile_finish (GAsyncResult  *result,
                                  GError       **error)
{
  return finish_pointer (result, cl_sign_task_load_profile, error);
}


ClSigningProfile *
cl_sign_task_load_profile_finish_checked (GAsyncResult  *result,
                                          char         **problem,
                                          GError       **error)
{
  ClSigningProfile *profile = cl_sign_task_load_profile_finish (result, error);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GArray) problems = NULL;
  gboolean usable;

  *problem = NULL;
  if (profile == NULL)
    return NULL;
  problems = cl_signing_profile_check (profile, now, &usable);
  if (!usable)
    *problem = g_strdup (problems->len > 0
                         ? g_array_index (problems, ClSigningProfileProblem, 0).message : "");
  return profile;
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
  run_in_thread (cl_sign_task_create_test_identity, create_thread,
                 &(TaskArgs) { .root = root, .name = name, .passphrase = passphrase },
                 cancellable, callback, user_data);
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
  run_in_thread (cl_sign_task_import_profile, import_thread,
                 &(TaskArgs) { .root = root, .name = name, .path = path, .key_path = key_path,
                               .passphrase = source_passphrase,
                               .new_passphrase = new_passphrase },
                 cancellable, callback, user_data);
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
  run_in_thread (cl_sign_task_remove_profile, remove_thread,
                 &(TaskArgs) { .root = root, .name = name },
                 cancellable, callback, user_data);
}


gboolean
cl_sign_task_finish (GAsyncResult  *result,
                     GError       **error)
{
  return finish_boolean (result, error);
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
  run_in_thread (cl_sign_task_has_credentials, credentials_thread, &(TaskArgs) { .path = path },
                 cancellable, callback, user_data);
}


gboolean
cl_sign_task_has_credentials_finish (GAsyncResult  *result,
                                     GError       **error)
{
  return finish_boolean (result, error);
}
