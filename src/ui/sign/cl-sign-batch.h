/* cl-sign-batch.h: signing a list of images with one unlocked profile, several at
 * once (one per core), each into its own new file with its proof recorded in the
 * proof cache, the state shown on each image's row.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cl-signer.h"
#include "cl-sign-file-row.h"

G_BEGIN_DECLS

#define CL_TYPE_SIGN_BATCH (cl_sign_batch_get_type ())
G_DECLARE_FINAL_TYPE (ClSignBatch, cl_sign_batch, CL, SIGN_BATCH, GObject)

/* Signals: "progress" once when signing starts and after each image; "finished"
 * once, when every image was signed or failed, or the batch was cancelled (the
 * images not finished are pending again, and nothing of them is written). */

/* rows: ClSignFileRow; profile's key unlocked or being unlocked
 * (cl_signing_profile_unlock_later); options' strings are copied.
 * output_folder NULL: next to each image. */
ClSignBatch *cl_sign_batch_new               (ClSigningProfile    *profile,
                                              const ClSignOptions *options,
                                              GPtrArray           *rows,
                                              GFile               *output_folder);
void         cl_sign_batch_start             (ClSignBatch         *self,
                                              GCancellable        *cancellable);
/* The photographer's unlocked identity profile (NULL: none), set before it starts. */
void         cl_sign_batch_set_identity      (ClSignBatch         *self,
                                              ClSigningProfile    *identity);
/* Where the images not reached yet go. */
void         cl_sign_batch_set_output_folder (ClSignBatch         *self,
                                              GFile               *output_folder);
guint        cl_sign_batch_get_n_images      (ClSignBatch         *self);
guint        cl_sign_batch_get_n_signed      (ClSignBatch         *self);
guint        cl_sign_batch_get_n_failed      (ClSignBatch         *self);
/* How much of the batch is done (signed or failed), from 0 to 1. */
double       cl_sign_batch_get_fraction      (ClSignBatch         *self);
/* "3 of 12 images signed", for the progress bar. */
char        *cl_sign_batch_dup_progress      (ClSignBatch         *self);
/* What became of the images, once finished: signed, failed, or stopped. */
char        *cl_sign_batch_dup_outcome       (ClSignBatch         *self);
/* Why the batch stopped before its images were tried, once finished: the profile's key
 * would not unlock (CL_SIGN_ERROR_PASSPHRASE, said in words); NULL otherwise. */
const GError *cl_sign_batch_get_error        (ClSignBatch         *self);
/* The folder of the first signed copy, or NULL. */
GFile       *cl_sign_batch_get_signed_folder (ClSignBatch         *self);

/* Where an image's signed copy goes (see the README: as the CLI names batch
 * outputs, with "-signed" added when it would land on the image itself). */
char        *cl_sign_batch_output_path       (GFile               *input,
                                              GFile               *folder);

G_END_DECLS
