/* cl-cli-verify-details.h: what `credlink-cli verify` prints of the active manifest under
 * the verdict: the edits, the camera data and the ingredient tree.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cl-validation-report.h"

G_BEGIN_DECLS

void cl_cli_print_manifest_details (ClValidationReport *report,
                                    ClManifestReport   *active);

G_END_DECLS
