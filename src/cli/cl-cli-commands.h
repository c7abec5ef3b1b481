/* cl-cli-commands.h: the subcommands of credlink-cli.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cl-cli-common.h"

G_BEGIN_DECLS

/* NULL-name terminated table. */
const ClCliCommand *cl_cli_commands (void);

G_END_DECLS
