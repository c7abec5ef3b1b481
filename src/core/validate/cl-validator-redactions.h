/* cl-validator-redactions.h: what is left where an assertion was redacted (see
 * cl-validator-redactions.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cl-validation.h"

G_BEGIN_DECLS

/* Checks the slot of every assertion that a manifest of referenced (a set of ClManifest*)
 * redacts: a box still there must hold nothing but zeros (assertion.notRedacted). */
void cl_validation_check_redacted_slots (ClValidation *v,
                                         GHashTable   *referenced);

G_END_DECLS
