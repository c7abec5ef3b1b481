/* cl-cli-profile.h: credlink-cli profile, and helpers shared with sign.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cl-signing-profile.h"

G_BEGIN_DECLS

int  cl_cli_profile_run             (int         argc,
                                     char      **argv);
/* Prints the certificate-profile problems of profile to stderr. */
void cl_cli_print_profile_problems  (ClSigningProfile  *profile);

G_END_DECLS
