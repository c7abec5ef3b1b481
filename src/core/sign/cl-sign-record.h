/* cl-sign-record.h: recording a signed image in the proof cache, with the manifest
 * store it carries, so a copy whose credentials a platform stripped can still be
 * matched and its credentials recovered (cl-verification); and signing with that
 * record made, the call the CLI and the Sign page share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cl-signing-profile.h"
#include "cl-proof-cache.h"
#include "cl-signer.h"

G_BEGIN_DECLS

/* Stores a SIGNED proof for output, which the signer just wrote (result). Reads the
 * embedded store back from output. retention_days 0: the GSettings value. Blocking. */
gboolean cl_sign_record_proof (ClProofCache     *cache,
                               const char       *output,
                               ClSignResult     *result,
                               ClSigningProfile *profile,
                               guint             retention_days,
                               GError          **error);

/* The one call every signing path makes: signs input into output
 * (cl_signer_sign_file) and, with a cache, records its SIGNED proof there. The image
 * stays signed when the proof cannot be stored: result->proof_error then says why.
 * Blocking; cache may be shared by threads. */
ClSignResult *cl_sign_record_sign_file (ClSigningProfile    *profile,
                                        const ClSignOptions *options,
                                        ClProofCache        *cache,
                                        const char          *input,
                                        const char          *output,
                                        GCancellable        *cancellable,
                                        GError             **error);

/* The same in a GTask thread; options' strings are copied, cache (or NULL) is kept. */
void          cl_sign_record_sign_file_async  (ClSigningProfile    *profile,
                                               const ClSignOptions *options,
                                               ClProofCache        *cache,
                                               const char          *input,
                                               const char          *output,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
ClSignResult *cl_sign_record_sign_file_finish (GAsyncResult        *result,
                                               GError             **error);

/* The proof cache at database (NULL: the default one), opened in a GTask thread. */
void          cl_sign_record_open_cache_async  (const char          *database,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
ClProofCache *cl_sign_record_open_cache_finish (GAsyncResult        *result,
                                                GError             **error);

G_END_DECLS
