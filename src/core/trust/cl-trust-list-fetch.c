/* cl-trust-list-fetch.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>
#include <glib/gi18n.h>

#include "cl-atomic-file.h"
#include "cl-error.h"
#include "cl-http.h"
#include "cl-trust-list-fetch.h"
#include "cl-trust-store.h"
#include "cl-x509.h"

#define MAX_LIST_BYTES (8 * 1024 * 1024)
#define FETCH_TIMEOUT_SECONDS 30

static const ClTrustListSource sources[] = {
  { "c2pa", CL_TRUST_LIST_KIND_C2PA,
    "https://raw.githubusercontent.com/c2pa-org/conformance-public/main/trust-list/C2PA-TRUST-LIST.pem",
    NULL, NULL,
    "https://raw.githubusercontent.com/c2pa-org/conformance-public/main/trust-list/C2PA-TRUST-LIST.json" },
  { "c2pa-tsa", CL_TRUST_LIST_KIND_C2PA_TSA,
    "https://raw.githubusercontent.com/c2pa-org/conformance-public/main/trust-list/C2PA-TSA-TRUST-LIST.pem",
    NULL, NULL,
    "https://raw.githubusercontent.com/c2pa-org/conformance-public/main/trust-list/C2PA-TSA-TRUST-LIST.json" },
  { "legacy", CL_TRUST_LIST_KIND_LEGACY,
    "https://contentcredentials.org/trust/anchors.pem",
    "https://contentcredentials.org/trust/allowed.sha256.txt",
    "https://contentcredentials.org/trust/store.cfg", NULL },
  { NULL, 0, NULL, NULL, NULL, NULL },
};


const ClTrustListSource *
cl_trust_list_sources (void)
{
  return sources;
}


const ClTrustListSource *
cl_trust_list_source_lookup (const char *name)
{
  for (const ClTrustListSource *s = sources; s->name != NULL; s++) {
    if (g_strcmp0 (s->name, name) == 0)
      return s;
  }
  return NULL;
}


gboolean
cl_trust_list_is_published (ClTrustList *list)
{
  for (const ClTrustListSource *s = sources; s->name != NULL; s++) {
    if (s->kind == cl_trust_list_get_kind (list) &&
        g_strcmp0 (s->anchors_url, cl_trust_list_get_source (list)) == 0)
      return TRUE;
  }
  return FALSE;
}


char *
cl_trust_list_dup_label (ClTrustList *list)
{
  ClTrustListKind kind = cl_trust_list_get_kind (list);
  const char *source = cl_trust_list_get_source (list);
  g_autofree char *file_name = NULL;

  if (kind == CL_TRUST_LIST_KIND_USER || kind == CL_TRUST_LIST_KIND_USER_TSA ||
      cl_trust_list_is_published (list))
    return g_strdup (cl_trust_list_kind_describe (kind));
  file_name = *source != '\0' ? g_path_get_basename (source)
                               : g_strdup (cl_trust_list_get_name (list));
  /* Translators: a trust list the user imported from a file, named by that file */
  return g_strdup_printf (_("Imported: %s"), file_name);
}


static char *
download (ClHttpSession  *session,
          const char     *url,
          gint64         *last_modified,
          GCancellable   *cancellable,
          GError        **error)
{
  ClHttpRequest request = { .method = CL_HTTP_GET, .url = url, .max_bytes = MAX_LIST_BYTES };
  g_auto(ClHttpResponse) response = { 0, };
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) body = NULL;
  gsize len;
  const char *data;

  body = cl_http_session_send (session, &request, &response, cancellable, &local_error);
  if (body == NULL) {
    if (g_error_matches (local_error, CL_HTTP_ERROR, CL_HTTP_ERROR_INVALID_URL))
      g_set_error (error, CL_TRUST_ERROR, CL_TRUST_ERROR_INVALID, _("Invalid address %s"), url);
    else if (g_error_matches (local_error, CL_HTTP_ERROR, CL_HTTP_ERROR_STATUS))
      g_set_error_literal (error, CL_TRUST_ERROR, CL_TRUST_ERROR_IO, local_error->message);
    else if (g_error_matches (local_error, CL_HTTP_ERROR, CL_HTTP_ERROR_TOO_LARGE))
      g_set_error (error, CL_TRUST_ERROR, CL_TRUST_ERROR_INVALID,
                   _("%s is larger than %d bytes"), url, MAX_LIST_BYTES);
    else
      g_propagate_error (error, g_steal_pointer (&local_error));
    return NULL;
  }
  if (last_modified != NULL && response.last_modified != 0)
    *last_modified = response.last_modified;
  data = g_bytes_get_data (body, &len);
  return g_strndup (data, len);
}


gboolean
cl_trust_list_install (ClTrustList  *list,
                       const char   *trust_dir,
                       GError      **error)
{
  g_autofree char *target = g_build_filename (trust_dir, cl_trust_list_get_name (list), NULL);
  g_autofree char *staging_name = g_strdup_printf (".%s.new-%d", cl_trust_list_get_name (list),
                                                   getpid ());
  g_autofree char *staging = g_build_filename (trust_dir, staging_name, NULL);
  g_autoptr(GError) local_error = NULL;

  if (g_mkdir_with_parents (trust_dir, 0700) != 0) {
    g_set_error (error, CL_TRUST_ERROR, CL_TRUST_ERROR_IO,
                 _("Cannot create the folder %s: %s"), trust_dir, g_strerror (errno));
    return FALSE;
  }
  cl_atomic_dir_remove (staging, NULL);
  if (!cl_trust_list_save_dir (list, staging, error))
    return FALSE;

  /* Swap the two folders in one step, then drop the old one (now at staging). */
  if (!cl_atomic_dir_replace (staging, target, NULL, &local_error) ||
      !cl_atomic_dir_remove (staging, &local_error)) {
    g_set_error_literal (error, CL_TRUST_ERROR, CL_TRUST_ERROR_IO, local_error->message);
    cl_atomic_dir_remove (staging, NULL);
    return FALSE;
  }
  return TRUE;
}


ClTrustList *
cl_trust_list_fetch (const ClTrustListSource *source,
                     const char              *trust_dir,
                     ClHttpSession           *session,
                     GCancellable            *cancellable,
                     GError                 **error)
{
  g_autoptr(ClHttpSession) own_session = NULL;
  g_autofree char *anchors_text = NULL;
  g_autofree char *allowed_text = NULL;
  g_autofree char *eku_text = NULL;
  g_autofree char *lote_text = NULL;
  g_autoptr(GPtrArray) anchors = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(ClTrustList) list = NULL;
  gint64 snapshot = g_get_real_time () / G_USEC_PER_SEC;

  if (session == NULL) {
    own_session = cl_http_session_new (FETCH_TIMEOUT_SECONDS);
    session = own_session;
  }

  anchors_text = download (session, source->anchors_url, &snapshot, cancellable, error);
  if (anchors_text == NULL)
    return NULL;
  if (source->allowed_url != NULL &&
      (allowed_text = download (session, source->allowed_url, NULL, cancellable, error)) == NULL)
    return NULL;
  if (source->eku_url != NULL &&
      (eku_text = download (session, source->eku_url, NULL, cancellable, error)) == NULL)
    return NULL;

  anchors = cl_x509_parse_pem (anchors_text, strlen (anchors_text), &local_error);
  if (anchors == NULL) {
    g_set_error (error, CL_TRUST_ERROR, CL_TRUST_ERROR_INVALID,
                 _("%s is not a list of certificates: %s"), source->anchors_url,
                 local_error->message);
    return NULL;
  }
  if (source->lote_url != NULL) {
    g_autoptr(GHashTable) entities = NULL;
    gint64 issued = 0;

    g_clear_error (&local_error);
    lote_text = download (session, source->lote_url, NULL, cancellable, &local_error);
    /* Optional: without it the list works, only the organisations' names are missing. */
    if (lote_text != NULL)
      entities = cl_trust_lote_parse (lote_text, &issued, &local_error);
    if (entities == NULL)
      g_clear_pointer (&lote_text, g_free);
    if (lote_text == NULL)
      g_debug ("Trust list %s: no usable JSON form: %s", source->name, local_error->message);
    else if (issued != 0)
      snapshot = issued;
  }
  list = cl_trust_list_new_with_lote (source->name, source->kind, source->anchors_url, snapshot,
                                      anchors, allowed_text, eku_text, lote_text, error);
  if (list == NULL || !cl_trust_list_install (list, trust_dir, error))
    return NULL;
  return g_steal_pointer (&list);
}


static void
fetch_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  const ClTrustListSource *source = g_object_get_data (G_OBJECT (task), "source");
  GError *error = NULL;
  ClTrustList *list = cl_trust_list_fetch (source, task_data, NULL, cancellable, &error);

  if (list == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, list, (GDestroyNotify) cl_trust_list_unref);
}


void
cl_trust_list_fetch_async (const ClTrustListSource *source,
                           const char              *trust_dir,
                           GCancellable            *cancellable,
                           GAsyncReadyCallback      callback,
                           gpointer                 user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, cl_trust_list_fetch_async);
  g_object_set_data (G_OBJECT (task), "source", (gpointer) source);
  g_task_set_task_data (task, g_strdup (trust_dir), g_free);
  g_task_run_in_thread (task, fetch_thread);
}


ClTrustList *
cl_trust_list_fetch_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
