/* cl-validator.h: validating the Content Credentials of a file (C2PA 2.2 §15), in the
 * order the specification gives, producing c2pa-rs status codes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <openssl/x509_vfy.h>

#include "cl-validation-report.h"

G_BEGIN_DECLS

/* Where certificate trust plugs in: given the signer's x5chain (GBytes DER, leaf first),
 * the time to validate at (time-stamp time or now, seconds since the epoch), whether that
 * time comes from a validated time-stamp, and the OCSP responses stapled in the signature's
 * rVals.ocspVals (GBytes DER, or NULL), return the signingCredential.* statuses (ClStatus,
 * url left NULL; the validator fills it), revocation (ocsp.*) included. Without an
 * evaluator every signer is signingCredential.untrusted and revocation is
 * signingCredential.ocsp.skipped, as c2pa-rs reports with no trust anchors. */
typedef GPtrArray *(*ClTrustEvaluateFunc) (GPtrArray *x5chain,
                                           gint64     validation_time,
                                           gboolean   time_stamped,
                                           GPtrArray *ocsp_responses,
                                           gpointer   user_data);

typedef struct {
  ClTrustEvaluateFunc  trust_evaluate;
  gpointer             trust_data;
  X509_STORE          *tsa_anchors;     /* NULL: tsa_anchors_lookup, else none */
  /* Called with trust_data when a time-stamp is checked and tsa_anchors is NULL, so
   * trust lists are read only when needed (and after hashing started); the store stays
   * owned by trust_data. NULL, or returning NULL: no TSA anchors (timeStamp.untrusted). */
  X509_STORE        *(*tsa_anchors_lookup) (gpointer trust_data);
  /* The whole-file SHA-256 costs a second digest over every byte (on a helper thread);
   * callers that do not show it can skip it (file_sha256 is then all zeros). */
  gboolean             skip_file_sha256;
} ClValidatorOptions;

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
