/* cl-ica-issuers.h: the list of trusted CAWG identity claims aggregation issuers, a text
 * file of DIDs, one per line (blank lines and lines starting with # are skipped). An
 * issuer not on it is cawg.ica.untrusted_issuer, as in c2pa-rs (its
 * cawg_trust.trusted_ica_issuers setting).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The DIDs of the file at path, or NULL with CL_TRUST_ERROR_IO (unreadable) or
 * CL_TRUST_ERROR_INVALID (a line that is not a DID, or more than CL_LIMIT_ICA_ISSUERS). */
GStrv cl_ica_issuers_load        (const char           *path,
                                  GError              **error);
/* The same in a thread, for the GUI. */
void  cl_ica_issuers_load_async  (const char           *path,
                                  GCancellable         *cancellable,
                                  GAsyncReadyCallback   callback,
                                  gpointer              user_data);
GStrv cl_ica_issuers_load_finish (GAsyncResult         *result,
                                  GError              **error);

G_END_DECLS
