/* cl-validator.h: validating the Content Credentials of a file (C2PA 2.2 §15), in the
 * order the specification gives, producing c2pa-rs status codes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cl-validation-report.h"
#include "cl-validator-options.h"

G_BEGIN_DECLS

/* Verifies a file. Errors: G_IO_ERROR (unreadable), CL_ASSET_ERROR (not an image,
 * unsupported format, truncated, several stores), CL_JUMBF_ERROR / CL_MANIFEST_ERROR
 * (a store that cannot be read; REMOTE for a remote-only manifest, naming its URL).
 * A file without credentials is a report with has_manifest FALSE. options may be NULL. */
ClValidationReport *cl_validator_verify_file   (const char                *path,
                                      const ClValidatorOptions  *options,
                                      GCancellable              *cancellable,
                                      GError                   **error);

/* The same in a GTask thread. options must stay alive until the callback. */
void      cl_validator_verify_file_async  (const char               *path,
                                           const ClValidatorOptions *options,
                                           GCancellable             *cancellable,
                                           GAsyncReadyCallback       callback,
                                           gpointer                  user_data);
ClValidationReport *cl_validator_verify_file_finish (GAsyncResult             *result,
                                           GError                  **error);

/* Validates a manifest store against an asset stream (stream must be seekable and is
 * read once from offset 0). info describes the stream as cl_asset_read() does. */
ClValidationReport *cl_validator_verify_stream (GInputStream              *stream,
                                      ClAssetInfo               *info,
                                      const ClValidatorOptions  *options,
                                      GCancellable              *cancellable,
                                      GError                   **error);

/* The exclusions (ClByteRange) of the hard binding (c2pa.hash.data) of the active manifest
 * of a manifest store: where that store sat in the file it was signed into. NULL with an
 * error when the store cannot be read or binds without a data hash. */
GArray   *cl_validator_store_exclusions (GBytes                    *store,
                                         GError                   **error);

G_END_DECLS
