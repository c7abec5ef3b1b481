/* cl-pdf-report.h: a printable A4 report of one verification (cairo PDF): thumbnail,
 * the verdict on a band of its colour, its reason and warning, the citeable summary's
 * facts and sections (file SHA-256, when checked and by which CredLink, trust list,
 * signals, signer, identities, time evidence, edits, camera and place, ingredients,
 * codes), the confidence breakdown and the certificate chain.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cl-verification.h"

G_BEGIN_DECLS

/* Writes the report to path. Slow (decodes the image): call it in a thread. */
gboolean cl_pdf_report_write        (ClVerification       *verification,
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
