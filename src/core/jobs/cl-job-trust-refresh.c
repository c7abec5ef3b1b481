/* cl-job-trust-refresh.c: the background job that downloads the C2PA trust lists.
 *
 * One run downloads every list in turn over cl-http on the scheduler's
 * context (each request bounded in time and size), then, in a worker thread,
 * checks that each body parses as PEM certificates and holds at least one,
 * and swaps it in as the list's new snapshot. A list that fails keeps its
 * previous snapshot; the run then fails, so the scheduler retries it with
 * backoff. The settings binder runs this job only when the user allowed
 * network use (trust-list-refresh).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-trust-refresh"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-error.h"
#include "cl-job-trust-refresh.h"
#include "cl-scheduler-settings.h"
#include "cl-trust-snapshot.h"

struct _ClTrustRefreshJob
{
  GObject        parent_instance;

  ClHttpSession *session;
  char          *trust_dir;
  GPtrArray     *names;
  GPtrArray     *urls;
  guint          timeout_ms;
};

G_DEFINE_FINAL_TYPE (ClTrustRefreshJob, cl_trust_refresh_job, G_TYPE_OBJECT)

enum {
  LIST_UPDATED,
  N_SIGNALS,
};

static guint signals[N_SIGNALS];

/* One run. The names and URLs are copied so that the worker thread reads
 * nothing the main thread may change. */
typedef struct
{
  ClTrustRefreshJob *self;
  GTask             *task;          /* the scheduler's, while downloading */
  GMainContext      *context;
  char             **names;
  char             **urls;
  guint              n_lists;
  guint              index;
  GPtrArray         *bodies;        /* GBytes per list, NULL where the download failed */
  GPtrArray         *errors;        /* "list: reason" */
  GQuark             error_domain;  /* of the first error */
  int                error_code;

  /* The request in flight. */
  GCancellable      *request_cancellable;
  gulong             cancelled_id;
  GSource           *timeout_source;
  gboolean           timed_out;
} Refresh;


static void
bytes_unref0 (gpointer bytes)
{
  if (bytes != NULL)
    g_bytes_unref (bytes);
}


static void
refresh_free (gpointer data)
{
  Refresh *refresh = data;

  g_assert (refresh->timeout_source == NULL && refresh->cancelled_id == 0);
  g_clear_object (&refresh->task);
  g_clear_object (&refresh->self);
  g_clear_pointer (&refresh->context, g_main_context_unref);
  g_strfreev (refresh->names);
  g_strfreev (refresh->urls);
  g_ptr_array_unref (refresh->bodies);
  g_ptr_array_unref (refresh->errors);
  g_free (refresh);
}


static void
record_error (Refresh      *refresh,
              const char   *list_name,
              const GError *error)
{
  if (refresh->errors->len == 0) {
    refresh->error_domain = error->domain;
    refresh->error_code = error->code;
  }
  g_ptr_array_add (refresh->errors, g_strdup_printf ("%s: %s", list_name, error->message));
  g_log_structured (G_LOG_DOMAIN, G_LOG_LEVEL_INFO,
                    "CREDLINK_TRUST_LIST", list_name,
                    "MESSAGE", "Trust list %s not refreshed: %s", list_name, error->message);
}


static void
return_errors (GTask   *task,
               Refresh *refresh)
{
  g_autofree char *joined = NULL;

  g_ptr_array_add (refresh->errors, NULL);
  joined = g_strjoinv ("; ", (char **) refresh->errors->pdata);
  g_ptr_array_remove_index (refresh->errors, refresh->errors->len - 1);
  g_task_return_new_error (task, refresh->error_domain, refresh->error_code, "%s", joined);
}


typedef struct
{
  ClTrustRefreshJob *self;
  char              *list_name;
} Updated;


static void
updated_free (gpointer data)
{
  Updated *updated = data;

  g_object_unref (updated->self);
  g_free (updated->list_name);
  g_free (updated);
}


static gboolean
emit_list_updated_cb (gpointer data)
{
  Updated *updated = data;

  g_signal_emit (updated->self, signals[LIST_UPDATED], 0, updated->list_name);
  return G_SOURCE_REMOVE;
}


/* Worker thread: check each body and swap it in. */
static void
store_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Refresh *refresh = task_data;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  for (guint i = 0; i < refresh->n_lists; i++) {
    GBytes *body = g_ptr_array_index (refresh->bodies, i);
    g_autoptr(GError) error = NULL;
    g_autofree char *count = NULL;
    guint n_certificates = 0;
    Updated *updated;

    if (body == NULL)
      continue;
    if (g_cancellable_set_error_if_cancelled (cancellable, &error)) {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
    if (!cl_trust_snapshot_verify_pem (body, &n_certificates, &error) ||
        !cl_trust_snapshot_replace (refresh->self->trust_dir, refresh->names[i], body,
                                    n_certificates, refresh->urls[i], now, &error)) {
      record_error (refresh, refresh->names[i], error);
      continue;
    }
    updated = g_new0 (Updated, 1);
    updated->self = g_object_ref (refresh->self);
    updated->list_name = g_strdup (refresh->names[i]);
    g_main_context_invoke_full (refresh->context, G_PRIORITY_DEFAULT, emit_list_updated_cb,
                                updated, updated_free);
    count = g_strdup_printf ("%u", n_certificates);
    g_log_structured (G_LOG_DOMAIN, G_LOG_LEVEL_INFO,
                      "CREDLINK_TRUST_LIST", refresh->names[i],
                      "CREDLINK_TRUST_LIST_CERTIFICATES", count,
                      "MESSAGE", "Trust list %s refreshed: %u certificates from %s",
                      refresh->names[i], n_certificates, refresh->urls[i]);
  }

  if (refresh->errors->len > 0)
    return_errors (task, refresh);
  else
    g_task_return_boolean (task, TRUE);
}


static void download_next (Refresh *refresh);


/* Ends the request in flight with @body or @error (both owned). */
static void
request_done (Refresh *refresh,
              GBytes  *body,
              GError  *error)
{
  GCancellable *cancellable = g_task_get_cancellable (refresh->task);
  const char *name = refresh->names[refresh->index];

  if (refresh->timeout_source != NULL) {
    g_source_destroy (refresh->timeout_source);
    g_clear_pointer (&refresh->timeout_source, g_source_unref);
  }
  if (refresh->cancelled_id != 0) {
    g_cancellable_disconnect (cancellable, refresh->cancelled_id);
    refresh->cancelled_id = 0;
  }
  g_clear_object (&refresh->request_cancellable);

  if (error != NULL && g_cancellable_is_cancelled (cancellable)) {
    g_error_free (error);
    g_task_return_new_error (refresh->task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                             _("The trust list refresh was cancelled"));
    refresh_free (refresh);
    return;
  }
  if (error != NULL && refresh->timed_out) {
    g_clear_error (&error);
    error = g_error_new (CL_TRUST_REFRESH_ERROR, CL_TRUST_REFRESH_ERROR_TIMED_OUT,
                         _("Downloading %s took longer than %u ms"),
                         refresh->urls[refresh->index], refresh->self->timeout_ms);
  }
  if (error != NULL) {
    record_error (refresh, name, error);
    g_error_free (error);
  }
  g_ptr_array_add (refresh->bodies, body);
  refresh->index++;
  refresh->timed_out = FALSE;
  download_next (refresh);
}


/* cl-http's errors in this job's words; others (connection, cancellation) as they are. */
static GError *
describe_http_error (Refresh         *refresh,
                     GError          *error,
                     ClHttpResponse  *response)
{
  const char *url = refresh->urls[refresh->index];
  GError *described = NULL;

  if (g_error_matches (error, CL_HTTP_ERROR, CL_HTTP_ERROR_STATUS))
    described = g_error_new (CL_TRUST_REFRESH_ERROR, CL_TRUST_REFRESH_ERROR_HTTP,
                             _("The server answered “%u %s” for %s"), response->status,
                             response->reason_phrase != NULL ? response->reason_phrase : "",
                             url);
  else if (g_error_matches (error, CL_HTTP_ERROR, CL_HTTP_ERROR_TOO_LARGE))
    described = g_error_new (CL_TRUST_REFRESH_ERROR, CL_TRUST_REFRESH_ERROR_TOO_LARGE,
                             _("The trust list at %s is larger than %u bytes"), url,
                             CL_TRUST_REFRESH_MAX_SIZE);
  else if (g_error_matches (error, CL_HTTP_ERROR, CL_HTTP_ERROR_INVALID_URL))
    described = g_error_new (CL_TRUST_REFRESH_ERROR, CL_TRUST_REFRESH_ERROR_HTTP,
                             _("“%s” is not a valid address"), url);
  if (described == NULL)
    return error;
  g_error_free (error);
  return described;
}


static void
downloaded_cb (GObject      *source_object,
               GAsyncResult *result,
               gpointer      user_data)
{
  Refresh *refresh = user_data;
  g_auto(ClHttpResponse) response = { 0, };
  GError *error = NULL;
  GBytes *body;

  body = cl_http_session_send_finish (CL_HTTP_SESSION (source_object), result, &response,
                                      &error);
  if (body == NULL)
    error = describe_http_error (refresh, error, &response);
  request_done (refresh, body, error);
}


static gboolean
timeout_cb (gpointer user_data)
{
  Refresh *refresh = user_data;

  refresh->timed_out = TRUE;
  g_clear_pointer (&refresh->timeout_source, g_source_unref);
  g_cancellable_cancel (refresh->request_cancellable);
  return G_SOURCE_REMOVE;
}


/* May run in the thread that cancels the job. */
static void
job_cancelled_cb (GCancellable *job_cancellable,
                  gpointer      user_data)
{
  g_cancellable_cancel (G_CANCELLABLE (user_data));
}


static void
start_request (Refresh *refresh)
{
  GCancellable *cancellable = g_task_get_cancellable (refresh->task);
  ClHttpRequest request = {
    .method = CL_HTTP_GET,
    .url = refresh->urls[refresh->index],
    .max_bytes = CL_TRUST_REFRESH_MAX_SIZE,
  };

  refresh->request_cancellable = g_cancellable_new ();
  refresh->cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (job_cancelled_cb),
                                                 g_object_ref (refresh->request_cancellable),
                                                 g_object_unref);
  refresh->timeout_source = g_timeout_source_new (refresh->self->timeout_ms);
  g_source_set_static_name (refresh->timeout_source, "[credlink] trust list download timeout");
  g_source_set_callback (refresh->timeout_source, timeout_cb, refresh, NULL);
  g_source_attach (refresh->timeout_source, refresh->context);

  g_log_structured (G_LOG_DOMAIN, G_LOG_LEVEL_DEBUG,
                    "CREDLINK_TRUST_LIST", refresh->names[refresh->index],
                    "MESSAGE", "Downloading trust list %s from %s",
                    refresh->names[refresh->index], request.url);
  cl_http_session_send_async (refresh->self->session, &request, G_PRIORITY_LOW,
                              refresh->request_cancellable, downloaded_cb, refresh);
}


static void
download_next (Refresh *refresh)
{
  GTask *task;

  if (refresh->index < refresh->n_lists) {
    start_request (refresh);
    return;
  }

  /* Everything failed already: no need for a thread. */
  task = g_steal_pointer (&refresh->task);
  if (refresh->errors->len == refresh->n_lists) {
    return_errors (task, refresh);
    refresh_free (refresh);
  } else {
    g_task_set_task_data (task, refresh, refresh_free);
    g_task_run_in_thread (task, store_thread);
  }
  g_object_unref (task);
}


static void
run_refresh (GTask        *task,
             GCancellable *cancellable,
             gpointer      user_data)
{
  ClTrustRefreshJob *self = user_data;
  Refresh *refresh;

  if (self->names->len == 0) {
    g_task_return_new_error (task, CL_SCHEDULER_ERROR, CL_SCHEDULER_ERROR_INVALID,
                             _("No trust list to refresh"));
    g_object_unref (task);
    return;
  }

  refresh = g_new0 (Refresh, 1);
  refresh->self = g_object_ref (self);
  refresh->task = task;
  refresh->context = g_main_context_ref_thread_default ();
  g_ptr_array_add (self->names, NULL);
  g_ptr_array_add (self->urls, NULL);
  refresh->names = g_strdupv ((char **) self->names->pdata);
  refresh->urls = g_strdupv ((char **) self->urls->pdata);
  g_ptr_array_remove_index (self->names, self->names->len - 1);
  g_ptr_array_remove_index (self->urls, self->urls->len - 1);
  refresh->n_lists = self->names->len;
  refresh->bodies = g_ptr_array_new_with_free_func (bytes_unref0);
  refresh->errors = g_ptr_array_new_with_free_func (g_free);
  download_next (refresh);
}


static void
cl_trust_refresh_job_finalize (GObject *object)
{
  ClTrustRefreshJob *self = CL_TRUST_REFRESH_JOB (object);

  g_clear_object (&self->session);
  g_clear_pointer (&self->trust_dir, g_free);
  g_clear_pointer (&self->names, g_ptr_array_unref);
  g_clear_pointer (&self->urls, g_ptr_array_unref);

  G_OBJECT_CLASS (cl_trust_refresh_job_parent_class)->finalize (object);
}


static void
cl_trust_refresh_job_class_init (ClTrustRefreshJobClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cl_trust_refresh_job_finalize;

  /**
   * ClTrustRefreshJob::list-updated:
   * @list_name: the list whose snapshot was replaced
   *
   * Emitted on the scheduler's context after a new snapshot of a list is in
   * place, so that the trust store can load it.
   */
  signals[LIST_UPDATED] = g_signal_new ("list-updated", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 1, G_TYPE_STRING);
}


static void
cl_trust_refresh_job_init (ClTrustRefreshJob *self)
{
  self->names = g_ptr_array_new_with_free_func (g_free);
  self->urls = g_ptr_array_new_with_free_func (g_free);
  self->timeout_ms = CL_TRUST_REFRESH_DEFAULT_TIMEOUT_MS;
}


/**
 * cl_trust_refresh_job_new:
 * @session: the application's HTTP session
 * @trust_dir: where the snapshots live, usually $XDG_DATA_HOME/credlink/trust
 */
ClTrustRefreshJob *
cl_trust_refresh_job_new (ClHttpSession *session,
                          const char    *trust_dir)
{
  ClTrustRefreshJob *self;

  g_return_val_if_fail (CL_IS_HTTP_SESSION (session), NULL);
  g_return_val_if_fail (trust_dir != NULL, NULL);

  self = g_object_new (CL_TYPE_TRUST_REFRESH_JOB, NULL);
  self->session = g_object_ref (session);
  self->trust_dir = g_strdup (trust_dir);
  return self;
}


/**
 * cl_trust_refresh_job_add_list:
 * @list_name: folder name of the snapshot (lower-case letters, digits, dashes)
 * @url: where to download it (any http or https address, e.g. a local test server)
 *
 * Returns: %FALSE if @list_name is not a valid name or is already there
 */
gboolean
cl_trust_refresh_job_add_list (ClTrustRefreshJob *self,
                               const char        *list_name,
                               const char        *url)
{
  g_return_val_if_fail (CL_IS_TRUST_REFRESH_JOB (self), FALSE);
  g_return_val_if_fail (url != NULL, FALSE);

  if (!cl_trust_snapshot_is_valid_name (list_name))
    return FALSE;
  for (guint i = 0; i < self->names->len; i++) {
    if (g_str_equal (g_ptr_array_index (self->names, i), list_name))
      return FALSE;
  }
  g_ptr_array_add (self->names, g_strdup (list_name));
  g_ptr_array_add (self->urls, g_strdup (url));
  return TRUE;
}


/* The C2PA trust list and the C2PA TSA trust list, from the conformance program. */
void
cl_trust_refresh_job_add_default_lists (ClTrustRefreshJob *self)
{
  g_return_if_fail (CL_IS_TRUST_REFRESH_JOB (self));

  cl_trust_refresh_job_add_list (self, CL_TRUST_LIST_C2PA, CL_TRUST_LIST_C2PA_URL);
  cl_trust_refresh_job_add_list (self, CL_TRUST_LIST_C2PA_TSA, CL_TRUST_LIST_C2PA_TSA_URL);
}


/* How long one download may take, from request to last byte. */
void
cl_trust_refresh_job_set_timeout (ClTrustRefreshJob *self,
                                  guint              timeout_ms)
{
  g_return_if_fail (CL_IS_TRUST_REFRESH_JOB (self));
  g_return_if_fail (timeout_ms > 0);

  self->timeout_ms = timeout_ms;
}


const char *
cl_trust_refresh_job_get_trust_dir (ClTrustRefreshJob *self)
{
  g_return_val_if_fail (CL_IS_TRUST_REFRESH_JOB (self), NULL);

  return self->trust_dir;
}


/**
 * cl_trust_refresh_job_get_oldest_age:
 *
 * Returns: the age in seconds of the oldest snapshot, or -1 if a list has none
 */
gint64
cl_trust_refresh_job_get_oldest_age (ClTrustRefreshJob *self)
{
  gint64 oldest = 0;

  g_return_val_if_fail (CL_IS_TRUST_REFRESH_JOB (self), -1);

  for (guint i = 0; i < self->names->len; i++) {
    gint64 age = cl_trust_snapshot_age (self->trust_dir, g_ptr_array_index (self->names, i));

    if (age < 0)
      return -1;
    oldest = MAX (oldest, age);
  }
  return oldest;
}


/**
 * cl_trust_refresh_job_register:
 *
 * Adds the job to @scheduler as "trust-refresh". The scheduler keeps a
 * reference to @self.
 */
gboolean
cl_trust_refresh_job_register (ClTrustRefreshJob    *self,
                               ClScheduler          *scheduler,
                               guint                 interval_ms,
                               guint                 max_retries,
                               ClSchedulerJobFlags   flags,
                               GError              **error)
{
  g_return_val_if_fail (CL_IS_TRUST_REFRESH_JOB (self), FALSE);

  return cl_scheduler_add_job (scheduler, CL_JOB_TRUST_REFRESH, interval_ms, max_retries, flags,
                               run_refresh, g_object_ref (self), g_object_unref, error);
}
