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
/* What unlocks the stored profile name: the passphrase of its key, or the PIN of the
 * token that holds it (from the environment or asked on the terminal, worded so). */
char *cl_cli_profile_unlock_secret  (const char        *root,
                                     const char        *name,
                                     GError           **error);

G_END_DECLS
