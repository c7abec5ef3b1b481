/* cl-validator-cawg.h: CAWG identity assertions signed with X.509 certificates (see
 * cl-validator-cawg.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cl-validation.h"

G_BEGIN_DECLS

/* Checks every cawg.identity assertion of a manifest. */
void cl_validation_check_cawg (ClValidation *v,
                               ClManifest   *manifest);

G_END_DECLS
