/* cl-signer-task.c: the signer's options copied to outlive their caller, and
 * cl_signer_sign_file run in a GTask thread with such a copy.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cl-signer.h"


ClSignOptions *
cl_sign_options_copy (const ClSignOptions *options)
{
  ClSignOptions *copy = g_new (ClSignOptions, 1);

  *copy = *options;
  copy->author = g_strdup (options->author);
  copy->title = g_strdup (options->title);
  copy->tsa_url = g_strdup (options->tsa_url);
  copy->digital_source_type = g_strdup (options->digital_source_type);
  if (options->identity_profile != NULL)
    copy->identity_profile = cl_signing_profile_ref (options->identity_profile);
  return copy;
}


void
cl_sign_options_free (ClSignOptions *options)
{
  if (options == NULL)
    return;
  g_free ((char *) options->author);
  g_free ((char *) options->title);
  g_free ((char *) options->tsa_url);
  g_free ((char *) options->digital_source_type);
  g_clear_pointer (&options->identity_profile, cl_signing_profile_unref);
  g_free (options);
}


typedef struct {
  ClSigningProfile *profile;
  ClSignOptions    *options;
  char             *input;
  char             *output;
} SignTaskData;


static void
sign_task_data_free (gpointer data)
{
  SignTaskData *task_data = data;

  cl_signing_profile_unref (task_data->profile);
  cl_sign_options_free (task_data->options);
  g_free (task_data->input);
  g_free (task_data->output);
  g_free (task_data);
}


static void
sign_thread (GTask        *task,
             gpointer      source_object,
             gpointer      data,
             GCancellable *cancellable)
{
  SignTaskData *task_data = data;
  GError *error = NULL;
  ClSignResult *result;

  result = cl_signer_sign_file (task_data->profile, task_data->options, task_data->input,
                                task_data->output, cancellable, &error);
  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, (GDestroyNotify) cl_sign_result_free);
}


void
cl_signer_sign_file_async (ClSigningProfile    *profile,
                           const ClSignOptions *options,
                           const char          *input,
                           const char          *output,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  SignTaskData *task_data = g_new0 (SignTaskData, 1);

  task_data->profile = cl_signing_profile_ref (profile);
  task_data->options = cl_sign_options_copy (options);
  task_data->input = g_strdup (input);
  task_data->output = g_strdup (output);
  g_task_set_source_tag (task, cl_signer_sign_file_async);
  g_task_set_task_data (task, task_data, sign_task_data_free);
  g_task_run_in_thread (task, sign_thread);
}


ClSignResult *
cl_signer_sign_file_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
