/* cl-ica-issuers.c: the list of trusted identity claims aggregation issuers, read and
 * checked line by line (see the header for the format).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "cl-error.h"
#include "cl-ica-issuers.h"
#include "cl-limits.h"


GStrv
cl_ica_issuers_load (const char  *path,
                     GError     **error)
{
  g_autoptr(GStrvBuilder) dids = g_strv_builder_new ();
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize len = 0;
  guint count = 0;

  if (!g_file_get_contents (path, &text, &len, &local_error)) {
    g_set_error (error, CL_TRUST_ERROR, CL_TRUST_ERROR_IO,
                 _("The list of trusted identity issuers cannot be read: %s"), local_error->message);
    return NULL;
  }
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++) {
    char *did = g_strstrip (lines[i]);

    if (*did == '\0' || *did == '#')
      continue;
    if (!g_str_has_prefix (did, "did:") || strlen (did) > CL_LIMIT_DID_CHARS ||
        strpbrk (did, " \t") != NULL) {
      g_set_error (error, CL_TRUST_ERROR, CL_TRUST_ERROR_INVALID,
                   _("Line %u of the list of trusted identity issuers is not a DID"), i + 1);
      return NULL;
    }
    if (++count > CL_LIMIT_ICA_ISSUERS) {
      g_set_error (error, CL_TRUST_ERROR, CL_TRUST_ERROR_INVALID,
                   _("The list of trusted identity issuers holds more than %d DIDs"),
                   CL_LIMIT_ICA_ISSUERS);
      return NULL;
    }
    g_strv_builder_add (dids, did);
  }
  return g_strv_builder_end (dids);
}


static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  GStrv dids = cl_ica_issuers_load (task_data, &error);

  if (dids == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, dids, (GDestroyNotify) g_strfreev);
}


void
cl_ica_issuers_load_async (const char          *path,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, cl_ica_issuers_load_async);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, load_thread);
}


GStrv
cl_ica_issuers_load_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
