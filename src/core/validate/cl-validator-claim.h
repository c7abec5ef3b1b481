/* cl-validator-claim.h: validating one manifest's claim (see cl-validator-claim.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cl-validation.h"

G_BEGIN_DECLS

/* Signature, time-stamp, trust hook, assertion hashes, actions (c2pa-rs verify_claim). */
void cl_validation_verify_claim (ClValidation *v,
                                 ClManifest   *manifest);

G_END_DECLS
