/* cl-cli-passphrase.h: asking for passphrases — on the terminal without echo,
 * or from the environment for scripts (CREDLINK_PASSPHRASE); never waiting on a
 * pipe.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CL_CLI_PASSPHRASE_ENV        "CREDLINK_PASSPHRASE"
#define CL_CLI_IMPORT_PASSPHRASE_ENV "CREDLINK_IMPORT_PASSPHRASE"
/* The PIN of a token profile (CREDLINK_PASSPHRASE stands in when it is not set). */
#define CL_CLI_PIN_ENV               "CREDLINK_PIN"

/* Returns the passphrase from env_var if set, else prompts on the terminal
 * (twice when confirm). Fails when neither is possible. Free with
 * cl_cli_passphrase_free(), which wipes it. */
char *cl_cli_passphrase_get  (const char  *env_var,
                              const char  *prompt,
                              gboolean     confirm,
                              GError     **error);
void  cl_cli_passphrase_free (char        *passphrase);

/* g_autoptr(ClCliPassphrase) wipes and frees. */
typedef char ClCliPassphrase;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClCliPassphrase, cl_cli_passphrase_free)

G_END_DECLS
