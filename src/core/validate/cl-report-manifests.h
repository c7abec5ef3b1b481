/* cl-report-manifests.h: what each manifest of the store says, decoded for the validation
 * report (see cl-report-manifests.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cl-manifest-store.h"
#include "cl-validation-report.h"

G_BEGIN_DECLS

/* Fills report->manifests from the store; sig_times gives the signing time (gint64*) that
 * a validated time-stamp gave a manifest, by label; identities the CAWG identities checked
 * (GPtrArray of ClIdentityReport by label), which the reports take. Cancelled, it stops half-way (the
 * report is then dropped). */
void cl_report_manifests_fill (ClValidationReport *report,
                               ClManifestStore    *store,
                               GHashTable         *sig_times,
                               GHashTable         *identities,
                               GCancellable       *cancellable);

G_END_DECLS
