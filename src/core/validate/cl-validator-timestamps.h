/* cl-validator-timestamps.h: c2pa.time-stamp assertions (see cl-validator-timestamps.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cl-validation.h"

G_BEGIN_DECLS

/* Reads every c2pa.time-stamp assertion of the store into v->assertion_times. */
void cl_validation_collect_assertion_times (ClValidation *v);

G_END_DECLS
