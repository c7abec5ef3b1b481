/* cl-verdict.h: the verdict people see (Trusted, Valid, Invalid, No credentials) and the
 * one sentence that says why, decided only from the validator's validation_state and
 * codes, and from which trust list vouches for the signer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "cl-validation-report.h"

G_BEGIN_DECLS

typedef enum {
  CL_VERDICT_NO_CREDENTIALS,
  CL_VERDICT_TRUSTED,
  CL_VERDICT_VALID,        /* valid, the signer is on none of the user's trust lists */
  CL_VERDICT_INVALID,
  CL_VERDICT_ERROR,        /* the file could not be read at all */
} ClVerdict;

const char *cl_verdict_to_string (ClVerdict verdict);  /* "trusted"… */
const char *cl_verdict_describe  (ClVerdict verdict);  /* translated */

/* The verdict on report and, in *reason, why (translated). trust_list_name is the list
 * that trusts the signer, or NULL; failure are the active manifest's failure codes and
 * ingredient_failures those of its ingredients, in the order they were logged. */
ClVerdict   cl_verdict_decide    (ClValidationReport *report,
                                  const char         *trust_list_name,
                                  GStrv               failure,
                                  GStrv               ingredient_failures,
                                  char              **reason);

G_END_DECLS
