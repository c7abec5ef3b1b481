/* cl-sign-batch.c: signing the Sign page's images several at once, at most one per
 * core, each with its own title and author where its row has them, with
 * cl_sign_record_sign_file_async, which records its proof in the
 * proof cache as the CLI does. A failure is shown on its row and the batch goes on,
 * except a key that would not unlock (it is unlocked while the first images are read),
 * which stops it;
 * cancelling stops the images being signed (nothing is left of them) and those not
 * started.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-sign-batch"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "cl-error.h"
#include "cl-sign-batch.h"
#include "cl-sign-queue.h"
#include "cl-sign-record.h"

struct _ClSignBatch
{
  GObject           parent_instance;

  ClSigningProfile *profile;         /* unlocked */
  ClSignOptions    *options;
  GPtrArray        *rows;            /* ClSignFileRow */
  GFile            *output_folder;   /* NULL: next to each image */
  GCancellable     *cancellable;
  ClProofCache     *cache;           /* where proofs go, once open; NULL: nowhere */
  guint             next;
  guint             n_running;
  guint             max_running;     /* one per core */
  guint             n_signed;
  guint             n_failed;
  GFile            *signed_folder;
  GError           *stop_error;      /* the key would not unlock, or NULL */
};

enum {
  PROGRESS,
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (ClSignBatch, cl_sign_batch, G_TYPE_OBJECT)


/* As the CLI names batch outputs (<folder>/<name of the image>); when that is
 * the image itself (signing next to it) the copy is <stem>-signed<.ext>. */
char *
cl_sign_batch_output_path (GFile *input,
                           GFile *folder)
{
  g_autofree char *base = g_file_get_basename (input);
  g_autoptr(GFile) parent = g_file_get_parent (input);
  g_autoptr(GFile) target = NULL;
  const char *dot;
  g_autofree char *signed_name = NULL;

  if (folder == NULL)
    folder = parent;
  target = g_file_get_child (folder, base);
  if (!g_file_equal (target, input))
    return g_file_get_path (target);
  dot = strrchr (base, '.');
  if (dot != NULL && dot != base)
    signed_name = g_strdup_printf ("%.*s-signed%s", (int) (dot - base), base, dot);
  else
    signed_name = g_strconcat (base, "-signed", NULL);
  g_clear_object (&target);
  target = g_file_get_child (folder, signed_name);
  return g_file_get_path (target);
}


static void
finish (ClSignBatch *self)
{
  g_autoptr(ClSignBatch) hold = g_object_ref (self);   /* the handler may drop the batch */

  /* Rows not reached stay pending. */
  for (guint i = self->next; i < self->rows->len; i++)
    cl_sign_file_row_set_state (g_ptr_array_index (self->rows, i), CL_SIGN_FILE_PENDING, NULL);
  g_signal_emit (self, signals[FINISHED], 0);
}


static void sign_more (ClSignBatch *self);


static void
signed_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  ClSignFileRow *row = user_data;
  g_autoptr(ClSignBatch) self = g_object_steal_data (G_OBJECT (row), "cl-batch");
  g_autoptr(GError) error = NULL;
  g_autoptr(ClSignResult) sign_result = cl_sign_record_sign_file_finish (result, &error);
  const char *output = g_object_get_data (G_OBJECT (row), "cl-output");

  self->n_running--;
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)) {
    cl_sign_file_row_set_state (row, CL_SIGN_FILE_PENDING, NULL);
  } else if (g_error_matches (error, CL_SIGN_ERROR, CL_SIGN_ERROR_PASSPHRASE)) {
    /* The key, unlocked while the first images were read, would not open: no image can
     * be signed. The batch stops (nothing of the images is written) and says why once,
     * in the unlock's own words; the images stay pending. */
    cl_sign_file_row_set_state (row, CL_SIGN_FILE_PENDING, NULL);
    if (self->stop_error == NULL && cl_signing_profile_wait_key (self->profile, &self->stop_error))
      self->stop_error = g_error_copy (error);
    g_cancellable_cancel (self->cancellable);
  } else if (sign_result == NULL) {
    self->n_failed++;
    cl_sign_file_row_set_state (row, CL_SIGN_FILE_FAILED, error->message);
  } else {
    g_autoptr(GFile) file = g_file_new_for_path (output);

    if (sign_result->proof_error != NULL)
      g_warning ("%s was signed but not recorded in the proof cache: %s", output,
                 sign_result->proof_error);
    self->n_signed++;
    cl_sign_file_row_set_state (row, CL_SIGN_FILE_DONE, output);
    if (self->signed_folder == NULL)
      self->signed_folder = g_file_get_parent (file);
  }
  g_object_unref (row);
  g_signal_emit (self, signals[PROGRESS], 0);
  sign_more (self);
}


/* Starts images until one per core is being signed; finishes once none is left. */
static void
sign_more (ClSignBatch *self)
{
  gboolean cancelled = g_cancellable_is_cancelled (self->cancellable);

  while (!cancelled && self->n_running < self->max_running && self->next < self->rows->len) {
    ClSignFileRow *row = g_ptr_array_index (self->rows, self->next++);
    g_autofree char *input = g_file_get_path (cl_sign_file_row_get_file (row));
    char *output = cl_sign_batch_output_path (cl_sign_file_row_get_file (row),
                                              self->output_folder);
    /* The image's own title and author, where it was given them; the async call
     * copies the strings. */
    ClSignOptions options = *self->options;

    g_object_set_data_full (G_OBJECT (row), "cl-output", output, g_free);
    g_object_set_data_full (G_OBJECT (row), "cl-batch", g_object_ref (self), g_object_unref);
    cl_sign_file_row_set_state (row, CL_SIGN_FILE_SIGNING, NULL);
    if (cl_sign_file_row_get_title (row) != NULL)
      options.title = cl_sign_file_row_get_title (row);
    if (cl_sign_file_row_get_author (row) != NULL)
      options.author = cl_sign_file_row_get_author (row);
    self->n_running++;
    cl_sign_record_sign_file_async (self->profile, &options, self->cache, input, output,
                                    self->cancellable, signed_cb, g_object_ref (row));
  }
  if (self->n_running == 0 && (cancelled || self->next >= self->rows->len))
    finish (self);
}


/* The proof cache is open (or cannot be: the images are signed all the same). */
static void
cache_opened_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(ClSignBatch) self = user_data;
  g_autoptr(GError) error = NULL;

  self->cache = cl_sign_record_open_cache_finish (result, &error);
  if (self->cache == NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("The proof cache cannot be used; the signed images are not recorded: %s",
               error->message);
  sign_more (self);
}


void
cl_sign_batch_start (ClSignBatch  *self,
                     GCancellable *cancellable)
{
  g_return_if_fail (CL_IS_SIGN_BATCH (self));
  g_return_if_fail (self->cancellable == NULL);

  self->cancellable = cancellable != NULL ? g_object_ref (cancellable) : g_cancellable_new ();
  g_signal_emit (self, signals[PROGRESS], 0);
  cl_sign_record_open_cache_async (NULL, self->cancellable, cache_opened_cb,
                                   g_object_ref (self));
}


void
cl_sign_batch_set_identity (ClSignBatch      *self,
                            ClSigningProfile *identity)
{
  g_return_if_fail (CL_IS_SIGN_BATCH (self));
  g_return_if_fail (self->cancellable == NULL);

  g_clear_pointer (&self->options->identity_profile, cl_signing_profile_unref);
  if (identity != NULL)
    self->options->identity_profile = cl_signing_profile_ref (identity);
}


void
cl_sign_batch_set_output_folder (ClSignBatch *self,
                                 GFile       *output_folder)
{
  g_return_if_fail (CL_IS_SIGN_BATCH (self));

  g_set_object (&self->output_folder, output_folder);
}


guint
cl_sign_batch_get_n_images (ClSignBatch *self)
{
  g_return_val_if_fail (CL_IS_SIGN_BATCH (self), 0);

  return self->rows->len;
}


guint
cl_sign_batch_get_n_signed (ClSignBatch *self)
{
  g_return_val_if_fail (CL_IS_SIGN_BATCH (self), 0);

  return self->n_signed;
}


guint
cl_sign_batch_get_n_failed (ClSignBatch *self)
{
  g_return_val_if_fail (CL_IS_SIGN_BATCH (self), 0);

  return self->n_failed;
}


double
cl_sign_batch_get_fraction (ClSignBatch *self)
{
  g_return_val_if_fail (CL_IS_SIGN_BATCH (self), 0.0);

  if (self->rows->len == 0)
    return 0.0;
  return (double) (self->n_signed + self->n_failed) / self->rows->len;
}


char *
cl_sign_batch_dup_progress (ClSignBatch *self)
{
  guint total = cl_sign_batch_get_n_images (self);

  g_return_val_if_fail (CL_IS_SIGN_BATCH (self), NULL);

  /* TRANSLATORS: "3 of 12 images signed" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u image signed",
                                       "%u of %u images signed", total),
                          self->n_signed, total);
}


char *
cl_sign_batch_dup_outcome (ClSignBatch *self)
{
  guint n_signed = self->n_signed;

  g_return_val_if_fail (CL_IS_SIGN_BATCH (self), NULL);

  if (g_cancellable_is_cancelled (self->cancellable))
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Stopped: %u image signed",
                                         "Stopped: %u images signed", n_signed),
                            n_signed);
  if (self->n_failed > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u image signed, %u failed",
                                         "%u images signed, %u failed", n_signed),
                            n_signed, self->n_failed);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u image signed",
                                       "%u images signed", n_signed),
                          n_signed);
}


const GError *
cl_sign_batch_get_error (ClSignBatch *self)
{
  g_return_val_if_fail (CL_IS_SIGN_BATCH (self), NULL);

  return self->stop_error;
}


GFile *
cl_sign_batch_get_signed_folder (ClSignBatch *self)
{
  g_return_val_if_fail (CL_IS_SIGN_BATCH (self), NULL);

  return self->signed_folder;
}


static void
cl_sign_batch_finalize (GObject *object)
{
  ClSignBatch *self = CL_SIGN_BATCH (object);

  g_clear_pointer (&self->profile, cl_signing_profile_unref);
  g_clear_pointer (&self->options, cl_sign_options_free);
  g_clear_object (&self->cache);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->output_folder);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->signed_folder);
  g_clear_error (&self->stop_error);
  G_OBJECT_CLASS (cl_sign_batch_parent_class)->finalize (object);
}


static void
cl_sign_batch_class_init (ClSignBatchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cl_sign_batch_finalize;

  signals[PROGRESS] =
    g_signal_new ("progress", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[FINISHED] =
    g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
}


static void
cl_sign_batch_init (ClSignBatch *self)
{
}


ClSignBatch *
cl_sign_batch_new (ClSigningProfile    *profile,
                   const ClSignOptions *options,
                   GPtrArray           *rows,
                   GFile               *output_folder)
{
  ClSignBatch *self = g_object_new (CL_TYPE_SIGN_BATCH, NULL);

  self->profile = cl_signing_profile_ref (profile);
  self->options = cl_sign_options_copy (options);
  self->max_running = cl_sign_queue_threads_for (0);
  self->rows = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < rows->len; i++)
    g_ptr_array_add (self->rows, g_object_ref (g_ptr_array_index (rows, i)));
  g_set_object (&self->output_folder, output_folder);
  return self;
}
