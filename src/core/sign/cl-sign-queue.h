/* cl-sign-queue.h: signing many images at once with one unlocked profile — a pool of
 * at most one thread per core sharing the profile's key (decrypted once), each image
 * into its own new file with its proof recorded (cl_sign_record_sign_file), each
 * outcome reported as it comes, Cancel stopping the images not started.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cl-proof-cache.h"
#include "cl-signer.h"

G_BEGIN_DECLS

#define CL_TYPE_SIGN_QUEUE (cl_sign_queue_get_type ())
G_DECLARE_FINAL_TYPE (ClSignQueue, cl_sign_queue, CL, SIGN_QUEUE, GObject)

/* Signal "file-done" (guint index, gpointer ClSignResult or NULL, gpointer GError or
 * NULL): once per image, in the main context cl_sign_queue_run_async was called in, in
 * the order the images finish. An image not started when the queue is cancelled
 * reports G_IO_ERROR_CANCELLED and is never written; one being signed stops and
 * leaves no file (the signer's atomic write). */

/* profile's key must be unlocked; options' strings are copied. max_threads 0: one
 * per core. */
ClSignQueue *cl_sign_queue_new               (ClSigningProfile    *profile,
                                              const ClSignOptions *options,
                                              guint                max_threads);
/* Records a SIGNED proof of each image in cache (shared by the threads). */
void         cl_sign_queue_set_proof_cache   (ClSignQueue         *self,
                                              ClProofCache        *cache);
/* Records them in the cache at database (NULL: the default one), opened by the
 * first thread that needs it, so the caller never waits on the disk. */
void         cl_sign_queue_record_proofs_in  (ClSignQueue         *self,
                                              const char          *database);
/* Adds an image before the run; returns its index. */
guint        cl_sign_queue_add               (ClSignQueue         *self,
                                              const char          *input,
                                              const char          *output);
/* Adds an image with its own author and title (NULL: the queue's options'). */
guint        cl_sign_queue_add_with_work     (ClSignQueue         *self,
                                              const char          *input,
                                              const char          *output,
                                              const char          *author,
                                              const char          *title);
guint        cl_sign_queue_get_n_files       (ClSignQueue         *self);
/* The number of threads a queue made with max_threads uses. */
guint        cl_sign_queue_threads_for       (guint                max_threads);

/* Runs once; finishes after the last "file-done". */
void         cl_sign_queue_run_async         (ClSignQueue         *self,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
/* FALSE with G_IO_ERROR_CANCELLED when it was cancelled; TRUE otherwise, whether or
 * not every image could be signed ("file-done" says which). */
gboolean     cl_sign_queue_run_finish        (ClSignQueue         *self,
                                              GAsyncResult        *result,
                                              GError             **error);

G_END_DECLS
