/* cl-validator-binding.h: the hard binding and the report's own hashes (see
 * cl-validator-binding.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cl-validation.h"
#include "cl-validation-report.h"

G_BEGIN_DECLS

/* An update manifest binds through the first standard manifest up its parentOf chain:
 * the manifest whose hard binding covers the file, or NULL. */
ClManifest *cl_validation_find_binding_manifest (ClManifestStore *store,
                                                 ClManifest      *manifest);

/* The exclusions (ClByteRange) of binding's data hash. NULL with an error when it binds
 * without a data hash or the data hash is malformed. */
GArray     *cl_validation_data_hash_exclusions  (ClManifest      *binding,
                                                 GError         **error);

/* The hard binding and the report's hashes (content, whole file, size) in one pass over
 * stream, started on a helper thread; _finish() joins it and logs the binding's statuses.
 * binding may be NULL (no manifest binds the file: nothing is logged). */
typedef struct _ClHashPass ClHashPass;

ClHashPass *cl_validation_hash_pass_start  (ClValidation       *v,
                                            ClValidationReport *report,
                                            GInputStream       *stream,
                                            ClManifest         *binding,
                                            GCancellable       *cancellable,
                                            GError            **error);
gboolean    cl_validation_hash_pass_finish (ClValidation        *v,
                                            ClHashPass          *pass,
                                            GError             **error);

G_END_DECLS
