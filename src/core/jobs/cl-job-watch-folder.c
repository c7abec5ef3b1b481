/* cl-job-watch-folder.c: the watch folder, on the main loop.
 *
 * Complete files (cl-watch-arrivals) wait in a bounded queue and are signed one at a
 * time: a thread checks the file, then a ClSignQueue of one signs it and records its
 * proof, the path every signing takes. When the queue is full, arrivals are dropped
 * and the folder is scanned again once the queue is empty; a scan leaves out the
 * files already done.
 *
 * What "already signed" means, so that a restart or a crash never signs twice, is
 * cl-watch-check.c's rule.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-job-watch-folder"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "cl-error.h"
#include "cl-job-watch-folder.h"
#include "cl-sign-queue.h"
#include "cl-signing-profile-store.h"
#include "cl-watch-arrivals.h"
#include "cl-watch-check.h"
#include "cl-x509.h"



struct _ClWatchFolderJob
{
  GObject             parent_instance;

  char               *profiles_root;
  char               *proof_db;     /* the proof cache, opened for each record */

  ClWatchFolderState  state;
  char               *status;
  char               *folder;
  char               *output_folder;
  char               *profile_name;
  ClSigningProfile   *profile;
  ClWatchTarget      *target;        /* the output folder and the profile's certificate */
  ClWatchArrivals    *arrivals;
  GCancellable       *cancellable;   /* this watch's work; a new one per start */

  GQueue              ready;         /* paths, complete, to check and sign */
  gboolean            overflowed;    /* files were dropped: scan again when there is room */
  gboolean            busy;          /* one file in the check / sign / record chain */
  guint               n_batch_signed;
};

enum {
  SIGNAL_STATE_CHANGED,
  SIGNAL_FILE_STARTED,
  SIGNAL_FILE_SIGNED,
  SIGNAL_FILE_SKIPPED,
  SIGNAL_FILE_FAILED,
  SIGNAL_BATCH_SIGNED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (ClWatchFolderJob, cl_watch_folder_job, G_TYPE_OBJECT)

static void process_next (ClWatchFolderJob *self);


static void
set_state (ClWatchFolderJob   *self,
           ClWatchFolderState  state,
           char               *status)
{
  self->state = state;
  g_free (self->status);
  self->status = status;
  g_log_structured (G_LOG_DOMAIN, G_LOG_LEVEL_INFO, "MESSAGE", "%s", status);
  g_signal_emit (self, signals[SIGNAL_STATE_CHANGED], 0);
}


static void
set_watching (ClWatchFolderJob *self)
{
  set_state (self, CL_WATCH_FOLDER_WATCHING,
             g_strdup_printf (_("Signing new images in “%s” with “%s”"), self->folder,
                              self->profile_name));
}


/* --- one file: check, sign, record --------------------------------------------------- */

typedef struct {
  ClWatchFolderJob *self;
  char             *input;
  char             *output;
  ClWatchTarget    *target;
  ClSigningProfile *profile;
  GCancellable     *cancellable;
  gboolean          signed_it;
} Work;


static void
work_free (Work *work)
{
  g_object_unref (work->self);
  g_free (work->input);
  g_free (work->output);
  cl_watch_target_unref (work->target);
  cl_signing_profile_unref (work->profile);
  g_object_unref (work->cancellable);
  g_free (work);
}


static void
file_complete_cb (ClWatchArrivals  *arrivals,
                  const char       *path,
                  ClWatchFolderJob *self)
{
  for (GList *l = self->ready.head; l != NULL; l = l->next) {
    if (g_strcmp0 (l->data, path) == 0)
      return;
  }
  if (self->ready.length >= CL_WATCH_FOLDER_MAX_QUEUED) {
    self->overflowed = TRUE;
    return;
  }
  g_queue_push_tail (&self->ready, g_strdup (path));
  process_next (self);
}


static void
check_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Work *work = task_data;

  g_task_return_int (task, cl_watch_check_file (work->input, work->output,
                                                work->target->signer_der, cancellable));
}


static void
notify_batch (ClWatchFolderJob *self)
{
  GApplication *app = g_application_get_default ();
  guint n = self->n_batch_signed;

  self->n_batch_signed = 0;
  g_signal_emit (self, signals[SIGNAL_BATCH_SIGNED], 0, n);
  if (app != NULL) {
    g_autoptr(GNotification) notification = g_notification_new (_("Images signed"));
    g_autofree char *body = g_strdup_printf (ngettext ("%u new image in “%s” was signed into “%s”",
                                                       "%u new images in “%s” were signed into “%s”",
                                                       n),
                                             n, self->folder, self->output_folder);

    g_notification_set_body (notification, body);
    g_application_send_notification (app, "watch-folder", notification);
  }
}


/* The end of one file's chain, whatever happened to it. */
static void
work_done (ClWatchFolderJob *self)
{
  self->busy = FALSE;
  /* Stopped meanwhile, or restarted and failed: nothing to go on with. */
  if (g_cancellable_is_cancelled (self->cancellable) || self->arrivals == NULL)
    return;
  if (self->ready.length == 0 && cl_watch_arrivals_n_pending (self->arrivals) == 0) {
    if (self->n_batch_signed > 0)
      notify_batch (self);
    if (self->overflowed || cl_watch_arrivals_overflowed (self->arrivals)) {
      self->overflowed = FALSE;
      cl_watch_arrivals_scan (self->arrivals);
    }
  }
  process_next (self);
}


static void
file_done_cb (ClSignQueue  *queue,
              guint         index,
              ClSignResult *result,
              GError       *error,
              Work         *work)
{
  ClWatchFolderJob *self = work->self;

  if (result == NULL) {
    if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)) {
      g_log_structured (G_LOG_DOMAIN, G_LOG_LEVEL_MESSAGE, "MESSAGE",
                        "Could not sign %s: %s", work->input, error->message);
      g_signal_emit (self, signals[SIGNAL_FILE_FAILED], 0, work->input, error->message);
    }
    return;
  }
  if (result->proof_error != NULL)
    g_log_structured (G_LOG_DOMAIN, G_LOG_LEVEL_MESSAGE, "MESSAGE",
                      "%s was signed but not recorded in the proof cache: %s",
                      work->output, result->proof_error);
  work->signed_it = TRUE;
}


static void
sign_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Work *work = user_data;
  ClWatchFolderJob *self = work->self;

  cl_sign_queue_run_finish (CL_SIGN_QUEUE (source), result, NULL);
  if (work->signed_it) {
    self->n_batch_signed++;
    g_signal_emit (self, signals[SIGNAL_FILE_SIGNED], 0, work->input, work->output);
  }
  work_done (self);
  work_free (work);
}


/* Signs through the path every signing takes (ClSignQueue: the signer, then the proof
 * recorded in the same thread, kept even when the watch stops meanwhile). */
static void
sign_file (Work    *work,
           gboolean replace)
{
  ClWatchFolderJob *self = work->self;
  ClSignOptions options = { .force = replace };
  g_autoptr(ClSignQueue) queue = cl_sign_queue_new (work->profile, &options, 1);

  if (self->proof_db != NULL)
    cl_sign_queue_record_proofs_in (queue, self->proof_db);
  cl_sign_queue_add (queue, work->input, work->output);
  g_signal_connect (queue, "file-done", G_CALLBACK (file_done_cb), work);
  cl_sign_queue_run_async (queue, work->cancellable, sign_done_cb, work);
}


static void
check_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  Work *work = user_data;
  ClWatchFolderJob *self = work->self;
  ClWatchCheck outcome = g_task_propagate_int (G_TASK (result), NULL);

  if (g_cancellable_is_cancelled (work->cancellable) || !cl_watch_check_is_to_sign (outcome)) {
    if (!g_cancellable_is_cancelled (work->cancellable))
      g_signal_emit (self, signals[SIGNAL_FILE_SKIPPED], 0, work->input, cl_watch_check_describe (outcome));
    work_done (self);
    work_free (work);
    return;
  }
  g_signal_emit (self, signals[SIGNAL_FILE_STARTED], 0, work->input);
  sign_file (work, outcome == CL_WATCH_CHECK_REPLACE);
}


static void
process_next (ClWatchFolderJob *self)
{
  g_autofree char *input = NULL;
  g_autoptr(GTask) task = NULL;
  Work *work;

  if (self->busy || self->state != CL_WATCH_FOLDER_WATCHING || self->ready.length == 0)
    return;
  input = g_queue_pop_head (&self->ready);
  self->busy = TRUE;
  work = g_new0 (Work, 1);
  work->self = g_object_ref (self);
  work->output = cl_watch_folder_output_path (self->output_folder, input);
  work->input = g_steal_pointer (&input);
  work->target = cl_watch_target_ref (self->target);
  work->profile = cl_signing_profile_ref (self->profile);
  work->cancellable = g_object_ref (self->cancellable);
  task = g_task_new (self, work->cancellable, check_done_cb, work);
  g_task_set_source_tag (task, process_next);
  g_task_set_task_data (task, work, NULL);
  g_task_run_in_thread (task, check_thread);
}


/* --- starting, stopping, unlocking --------------------------------------------------- */

static void
clear_watch (ClWatchFolderJob *self)
{
  if (self->arrivals != NULL) {
    g_signal_handlers_disconnect_by_data (self->arrivals, self);
    cl_watch_arrivals_stop (self->arrivals);
    g_clear_object (&self->arrivals);
  }
  g_queue_clear_full (&self->ready, g_free);
  self->overflowed = FALSE;
  self->n_batch_signed = 0;
  g_clear_pointer (&self->profile, cl_signing_profile_unref);
  g_clear_pointer (&self->target, cl_watch_target_unref);
}


static gboolean
deadline_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}


gboolean
cl_watch_folder_job_stop (ClWatchFolderJob *self,
                          guint             deadline_ms)
{
  gboolean deadline_passed = FALSE;
  GMainContext *context = g_main_context_ref_thread_default ();

  g_return_val_if_fail (CL_IS_WATCH_FOLDER_JOB (self), FALSE);

  g_cancellable_cancel (self->cancellable);
  clear_watch (self);
  if (self->state != CL_WATCH_FOLDER_STOPPED)
    set_state (self, CL_WATCH_FOLDER_STOPPED, g_strdup (_("The watch folder is off")));
  if (self->busy && deadline_ms > 0) {
    GSource *deadline = g_timeout_source_new (deadline_ms);

    g_source_set_static_name (deadline, "[credlink] watch folder stop deadline");
    g_source_set_callback (deadline, deadline_cb, &deadline_passed, NULL);
    g_source_attach (deadline, context);
    while (self->busy && !deadline_passed)
      g_main_context_iteration (context, TRUE);
    g_source_destroy (deadline);
    g_source_unref (deadline);
  }
  g_main_context_unref (context);
  return !self->busy;
}


static gboolean
fail (ClWatchFolderJob *self,
      GError           *error,
      GError          **error_out)
{
  set_state (self, CL_WATCH_FOLDER_FAILED, g_strdup (error->message));
  g_propagate_error (error_out, error);
  return FALSE;
}


/* The profile's problems other than its locked key: NULL when it can sign. */
static char *
profile_unusable (ClSigningProfile *profile)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  gboolean usable;
  g_autoptr(GArray) problems = cl_signing_profile_check (profile, now, &usable);

  for (guint i = 0; i < problems->len; i++) {
    ClSigningProfileProblem *problem = &g_array_index (problems, ClSigningProfileProblem, i);

    if (problem->level == CL_SIGNING_PROFILE_PROBLEM_FATAL && !problem->key_locked)
      return g_strdup (problem->message);
  }
  return NULL;
}


static void
set_locked (ClWatchFolderJob *self)
{
  set_state (self, CL_WATCH_FOLDER_LOCKED,
             g_strdup_printf (_("Paused: the key of the signing profile “%s” is locked. Enter "
                                "its passphrase to go on signing."), self->profile_name));
}


gboolean
cl_watch_folder_job_start (ClWatchFolderJob  *self,
                           const char        *folder,
                           const char        *output_folder,
                           const char        *profile_name,
                           GError           **error)
{
  g_autoptr(GFile) folder_file = NULL;
  g_autofree char *problem = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (CL_IS_WATCH_FOLDER_JOB (self), FALSE);

  cl_watch_folder_job_stop (self, 0);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_free (self->folder);
  self->folder = g_strdup (folder);
  g_free (self->output_folder);
  self->output_folder = g_strdup (output_folder);
  g_free (self->profile_name);
  self->profile_name = g_strdup (profile_name);

  if (folder == NULL || *folder == '\0' || output_folder == NULL || *output_folder == '\0' ||
      profile_name == NULL || *profile_name == '\0')
    return fail (self, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                                            _("Choose a folder to watch, an output folder "
                                              "and a signing profile")), error);
  folder_file = g_file_new_for_path (folder);
  {
    g_autoptr(GFile) output_file = g_file_new_for_path (output_folder);

    if (g_file_equal (folder_file, output_file))
      return fail (self, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                                              _("The output folder must not be the watched "
                                                "folder")), error);
  }
  if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
    return fail (self, g_error_new (G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                                    _("The folder “%s” does not exist"), folder), error);
  if (g_mkdir_with_parents (output_folder, 0755) != 0)
    return fail (self, g_error_new (G_IO_ERROR, g_io_error_from_errno (errno),
                                    _("Cannot create the output folder “%s”: %s"),
                                    output_folder, g_strerror (errno)), error);

  self->profile = cl_signing_profile_store_load (self->profiles_root, profile_name, NULL,
                                                 &local_error);
  if (self->profile == NULL)
    return fail (self, local_error, error);
  problem = profile_unusable (self->profile);
  if (problem != NULL)
    return fail (self, g_error_new (CL_SIGN_ERROR, CL_SIGN_ERROR_PROFILE,
                                    _("The signing profile “%s” cannot sign: %s"),
                                    profile_name, problem), error);

  {
    g_autoptr(GBytes) signer_der = cl_x509_to_der (cl_signing_profile_get_leaf (self->profile));

    self->target = cl_watch_target_new (output_folder, signer_der);
  }
  cl_watch_check_remove_stale (output_folder);
  if (cl_signing_profile_get_key (self->profile) == NULL)
    set_locked (self);
  else
    set_watching (self);
  self->arrivals = cl_watch_arrivals_new (CL_WATCH_FOLDER_STABLE_MS, CL_WATCH_FOLDER_MAX_QUEUED,
                                          cl_watch_target_wants, self->target,
                                          (GBoxedCopyFunc) cl_watch_target_ref,
                                          (GDestroyNotify) cl_watch_target_unref);
  g_signal_connect (self->arrivals, "file-complete", G_CALLBACK (file_complete_cb), self);
  if (!cl_watch_arrivals_start (self->arrivals, folder, &local_error)) {
    clear_watch (self);
    return fail (self, local_error, error);
  }
  return TRUE;
}


static void
unlock_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ClWatchFolderJob *self = source_object;
  const char *passphrase = task_data;
  GError *error = NULL;
  ClSigningProfile *profile = cl_signing_profile_store_load (self->profiles_root,
                                                             g_task_get_name (task),
                                                             passphrase, &error);

  if (profile == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, profile, (GDestroyNotify) cl_signing_profile_unref);
}


void
cl_watch_folder_job_unlock_async (ClWatchFolderJob    *self,
                                  const char          *passphrase,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (CL_IS_WATCH_FOLDER_JOB (self));
  g_return_if_fail (passphrase != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cl_watch_folder_job_unlock_async);
  /* The name carries the profile the passphrase was given for. */
  g_task_set_name (task, self->profile_name);
  g_task_set_task_data (task, g_strdup (passphrase), (GDestroyNotify) g_free);
  if (self->state != CL_WATCH_FOLDER_LOCKED) {
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                             _("The watch folder is not waiting for a passphrase"));
    return;
  }
  g_task_run_in_thread (task, unlock_thread);
}


gboolean
cl_watch_folder_job_unlock_finish (ClWatchFolderJob  *self,
                                   GAsyncResult      *result,
                                   GError           **error)
{
  g_autoptr(ClSigningProfile) profile = NULL;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  profile = g_task_propagate_pointer (G_TASK (result), error);
  if (profile == NULL)
    return FALSE;
  /* Only if the watch still waits for this very profile. */
  if (self->state == CL_WATCH_FOLDER_LOCKED &&
      g_strcmp0 (g_task_get_name (G_TASK (result)), self->profile_name) == 0) {
    g_clear_pointer (&self->profile, cl_signing_profile_unref);
    self->profile = g_steal_pointer (&profile);
    set_watching (self);
    process_next (self);
  }
  return TRUE;
}


ClWatchFolderState
cl_watch_folder_job_get_state (ClWatchFolderJob *self)
{
  g_return_val_if_fail (CL_IS_WATCH_FOLDER_JOB (self), CL_WATCH_FOLDER_STOPPED);
  return self->state;
}


const char *
cl_watch_folder_job_get_status (ClWatchFolderJob *self)
{
  g_return_val_if_fail (CL_IS_WATCH_FOLDER_JOB (self), NULL);
  return self->status;
}


const char *
cl_watch_folder_job_get_profiles_root (ClWatchFolderJob *self)
{
  g_return_val_if_fail (CL_IS_WATCH_FOLDER_JOB (self), NULL);
  return self->profiles_root;
}


gboolean
cl_watch_folder_job_is_busy (ClWatchFolderJob *self)
{
  g_return_val_if_fail (CL_IS_WATCH_FOLDER_JOB (self), FALSE);
  return self->busy;
}


static void
cl_watch_folder_job_dispose (GObject *object)
{
  ClWatchFolderJob *self = CL_WATCH_FOLDER_JOB (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  clear_watch (self);

  G_OBJECT_CLASS (cl_watch_folder_job_parent_class)->dispose (object);
}


static void
cl_watch_folder_job_finalize (GObject *object)
{
  ClWatchFolderJob *self = CL_WATCH_FOLDER_JOB (object);

  g_clear_object (&self->cancellable);
  g_free (self->profiles_root);
  g_free (self->proof_db);
  g_free (self->status);
  g_free (self->folder);
  g_free (self->output_folder);
  g_free (self->profile_name);

  G_OBJECT_CLASS (cl_watch_folder_job_parent_class)->finalize (object);
}


static void
cl_watch_folder_job_class_init (ClWatchFolderJobClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cl_watch_folder_job_dispose;
  object_class->finalize = cl_watch_folder_job_finalize;

  signals[SIGNAL_STATE_CHANGED] =
    g_signal_new ("state-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* input: its signing begins */
  signals[SIGNAL_FILE_STARTED] =
    g_signal_new ("file-started", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /* input, output */
  signals[SIGNAL_FILE_SIGNED] =
    g_signal_new ("file-signed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
  /* input, why (translated) */
  signals[SIGNAL_FILE_SKIPPED] =
    g_signal_new ("file-skipped", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
  /* input, the error's message */
  signals[SIGNAL_FILE_FAILED] =
    g_signal_new ("file-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
  /* how many files were signed since the queue was last empty */
  signals[SIGNAL_BATCH_SIGNED] =
    g_signal_new ("batch-signed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
}


static void
cl_watch_folder_job_init (ClWatchFolderJob *self)
{
  g_queue_init (&self->ready);
  self->cancellable = g_cancellable_new ();
  self->status = g_strdup (_("The watch folder is off"));
}


ClWatchFolderJob *
cl_watch_folder_job_new (const char *profiles_root,
                         const char *proof_db)
{
  ClWatchFolderJob *self = g_object_new (CL_TYPE_WATCH_FOLDER_JOB, NULL);

  self->profiles_root = profiles_root != NULL ? g_strdup (profiles_root)
                                              : cl_signing_profile_store_default_root ();
  self->proof_db = g_strdup (proof_db);
  return self;
}
