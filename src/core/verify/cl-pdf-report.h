/* cl-pdf-report.h: a printable A4 report of one verification (cairo PDF):
 * thumbnail, verdict and reason, confidence, signer, chain fingerprints,
 * time-stamp, revocation, trust list and its snapshot date, the status codes,
 * the CredLink version and the file's SHA-256.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cl-trust-store.h"
#include "cl-verification.h"

G_BEGIN_DECLS

/* Writes the report to path. store: where the trust list's snapshot date is looked
 * up (NULL: the default store). Slow (decodes the image): call it in a thread. */
gboolean cl_pdf_report_write        (ClVerification       *verification,
                                     ClTrustStore         *store,
                                     const char           *path,
                                     GError              **error);
/* The same in a GTask thread. */
void     cl_pdf_report_write_async  (ClVerification       *verification,
                                     const char           *path,
                                     GCancellable         *cancellable,
                                     GAsyncReadyCallback   callback,
                                     gpointer              user_data);
gboolean cl_pdf_report_write_finish (GAsyncResult         *result,
                                     GError              **error);

G_END_DECLS
