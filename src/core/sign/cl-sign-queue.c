/* cl-sign-queue.c: images signed by a GThreadPool of at most one thread per core. The
 * profile (its EVP_PKEY) is shared: OpenSSL signs with one key from many threads as
 * long as each signature has its own context, which the COSE signer makes per call.
 * Outcomes travel to the caller's main context one by one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-sign-queue"

#include "config.h"

#include "cl-sign-queue.h"
#include "cl-sign-record.h"
#include "cl-thread-priority.h"

typedef struct {
  char          *input;
  char          *output;
  ClSignOptions *options;   /* this image's own (author, title), or NULL: the queue's */
} QueuedFile;

struct _ClSignQueue
{
  GObject           parent_instance;

  ClSigningProfile *profile;
  ClSignOptions    *options;
  guint             max_threads;
  GArray           *files;          /* QueuedFile */

  GMutex            cache_lock;     /* guards the three below */
  ClProofCache     *cache;
  gboolean          open_cache;     /* open database on first use */
  char             *database;
  GError           *cache_error;    /* why it could not be opened */

  GTask            *task;           /* while running */
  GCancellable     *cancellable;    /* the run's, or NULL */
  GMainContext     *context;        /* where outcomes are reported */
  GThreadPool      *pool;
  guint             n_done;
};

/* One image's outcome, on its way to the caller's context. */
typedef struct {
  ClSignQueue  *queue;
  guint         index;
  ClSignResult *result;
  GError       *error;
} Outcome;

enum {
  FILE_DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (ClSignQueue, cl_sign_queue, G_TYPE_OBJECT)


guint
cl_sign_queue_threads_for (guint max_threads)
{
  return max_threads > 0 ? max_threads : MAX (1, g_get_num_processors ());
}


/* The cache to record in, opened here the first time when asked to; NULL when
 * there is none (with *error when it could not be opened). */
static ClProofCache *
get_cache (ClSignQueue  *self,
           GError      **error)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->cache_lock);

  if (self->cache == NULL && self->open_cache && self->cache_error == NULL)
    self->cache = cl_proof_cache_open (self->database, &self->cache_error);
  if (self->cache == NULL && self->cache_error != NULL)
    g_propagate_error (error, g_error_copy (self->cache_error));
  return self->cache != NULL ? g_object_ref (self->cache) : NULL;
}


static gboolean
deliver (gpointer data)
{
  Outcome *outcome = data;
  ClSignQueue *self = outcome->queue;

  g_signal_emit (self, signals[FILE_DONE], 0, outcome->index, outcome->result, outcome->error);
  g_clear_pointer (&outcome->result, cl_sign_result_free);
  g_clear_error (&outcome->error);
  if (++self->n_done == self->files->len) {
    g_autoptr(GTask) task = g_steal_pointer (&self->task);
    g_autoptr(GError) error = NULL;

    /* Every worker has handed its outcome over; wait for them to return. */
    g_thread_pool_free (g_steal_pointer (&self->pool), FALSE, TRUE);
    g_clear_pointer (&self->context, g_main_context_unref);
    if (g_cancellable_set_error_if_cancelled (self->cancellable, &error))
      g_task_return_error (task, g_steal_pointer (&error));
    else
      g_task_return_boolean (task, TRUE);
    g_clear_object (&self->cancellable);
  }
  return G_SOURCE_REMOVE;
}


static void
outcome_free (gpointer data)
{
  Outcome *outcome = data;

  g_object_unref (outcome->queue);
  g_free (outcome);
}


static void
sign_worker (gpointer data,
             gpointer user_data)
{
  ClSignQueue *self = user_data;
  guint index = GPOINTER_TO_UINT (data) - 1;
  QueuedFile *file = &g_array_index (self->files, QueuedFile, index);
  GCancellable *cancellable = self->cancellable;
  Outcome *outcome = g_new0 (Outcome, 1);
  g_autoptr(GSource) source = NULL;

  cl_thread_priority_background ();
  outcome->queue = g_object_ref (self);
  outcome->index = index;
  if (!g_cancellable_set_error_if_cancelled (cancellable, &outcome->error)) {
    g_autoptr(GError) cache_error = NULL;
    g_autoptr(ClProofCache) cache = NULL;

    cache = get_cache (self, &cache_error);
    outcome->result = cl_sign_record_sign_file (self->profile,
                                                file->options != NULL ? file->options
                                                                      : self->options, cache,
                                                file->input, file->output, cancellable,
                                                &outcome->error);
    if (outcome->result != NULL && cache_error != NULL)
      outcome->result->proof_error = g_strdup (cache_error->message);
  }
  /* Always through a source: g_main_context_invoke() would run deliver() right here
   * when nobody owns the context yet, and deliver() waits for the pool's threads. */
  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, deliver, outcome, outcome_free);
  g_source_set_static_name (source, "[credlink] sign queue outcome");
  g_source_attach (source, self->context);
}


void
cl_sign_queue_run_async (ClSignQueue         *self,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(GError) error = NULL;

  g_return_if_fail (CL_IS_SIGN_QUEUE (self));
  g_return_if_fail (self->task == NULL && self->n_done == 0);

  g_task_set_source_tag (task, cl_sign_queue_run_async);
  if (self->files->len == 0) {
    g_task_return_boolean (task, TRUE);
    return;
  }
  self->pool = g_thread_pool_new (sign_worker, self,
                                  (int) cl_sign_queue_threads_for (self->max_threads), FALSE,
                                  &error);
  if (self->pool == NULL) {
    g_task_return_error (task, g_steal_pointer (&error));
    return;
  }
  self->task = g_steal_pointer (&task);
  self->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  self->context = g_main_context_ref_thread_default ();
  for (guint i = 0; i < self->files->len; i++)
    g_thread_pool_push (self->pool, GUINT_TO_POINTER (i + 1), NULL);
}


gboolean
cl_sign_queue_run_finish (ClSignQueue   *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}


guint
cl_sign_queue_add (ClSignQueue *self,
                   const char  *input,
                   const char  *output)
{
  return cl_sign_queue_add_with_work (self, input, output, NULL, NULL);
}


guint
cl_sign_queue_add_with_work (ClSignQueue *self,
                             const char  *input,
                             const char  *output,
                             const char  *author,
                             const char  *title)
{
  QueuedFile file = { g_strdup (input), g_strdup (output), NULL };

  g_return_val_if_fail (CL_IS_SIGN_QUEUE (self), 0);
  g_return_val_if_fail (self->task == NULL, 0);
  if (author != NULL || title != NULL) {
    ClSignOptions own = *self->options;

    own.author = author != NULL ? author : self->options->author;
    own.title = title != NULL ? title : self->options->title;
    file.options = cl_sign_options_copy (&own);
  }
  g_array_append_val (self->files, file);
  return self->files->len - 1;
}


guint
cl_sign_queue_get_n_files (ClSignQueue *self)
{
  g_return_val_if_fail (CL_IS_SIGN_QUEUE (self), 0);
  return self->files->len;
}


void
cl_sign_queue_set_proof_cache (ClSignQueue  *self,
                               ClProofCache *cache)
{
  g_return_if_fail (CL_IS_SIGN_QUEUE (self));
  g_return_if_fail (self->task == NULL);
  g_set_object (&self->cache, cache);
}


void
cl_sign_queue_record_proofs_in (ClSignQueue *self,
                                const char  *database)
{
  g_return_if_fail (CL_IS_SIGN_QUEUE (self));
  g_return_if_fail (self->task == NULL);
  self->open_cache = TRUE;
  g_free (self->database);
  self->database = g_strdup (database);
}


static void
queued_file_clear (gpointer data)
{
  QueuedFile *file = data;

  g_free (file->input);
  g_free (file->output);
  g_clear_pointer (&file->options, cl_sign_options_free);
}


static void
cl_sign_queue_finalize (GObject *object)
{
  ClSignQueue *self = CL_SIGN_QUEUE (object);

  g_assert (self->task == NULL);
  cl_signing_profile_unref (self->profile);
  cl_sign_options_free (self->options);
  g_array_unref (self->files);
  g_mutex_clear (&self->cache_lock);
  g_clear_object (&self->cache);
  g_free (self->database);
  g_clear_error (&self->cache_error);
  G_OBJECT_CLASS (cl_sign_queue_parent_class)->finalize (object);
}


static void
cl_sign_queue_class_init (ClSignQueueClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cl_sign_queue_finalize;

  signals[FILE_DONE] = g_signal_new ("file-done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 3,
                                     G_TYPE_UINT, G_TYPE_POINTER, G_TYPE_POINTER);
}


static void
cl_sign_queue_init (ClSignQueue *self)
{
  self->files = g_array_new (FALSE, TRUE, sizeof (QueuedFile));
  g_array_set_clear_func (self->files, queued_file_clear);
  g_mutex_init (&self->cache_lock);
}


ClSignQueue *
cl_sign_queue_new (ClSigningProfile    *profile,
                   const ClSignOptions *options,
                   guint                max_threads)
{
  ClSignQueue *self = g_object_new (CL_TYPE_SIGN_QUEUE, NULL);

  self->profile = cl_signing_profile_ref (profile);
  self->options = cl_sign_options_copy (options);
  self->max_threads = max_threads;
  return self;
}
