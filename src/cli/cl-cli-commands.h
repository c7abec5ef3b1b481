/* cl-cli-commands.h: the subcommands of credlink-cli.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit statuses shared by every subcommand (documented in README). */
enum {
  CL_CLI_EXIT_OK = 0,            /* valid or trusted, or the command succeeded */
  CL_CLI_EXIT_INVALID = 1,       /* credentials present but invalid */
  CL_CLI_EXIT_NO_CREDENTIALS = 2,/* no credentials, or the file could not be read */
  CL_CLI_EXIT_USAGE = 64,        /* bad command line */
  CL_CLI_EXIT_FAILURE = 70,      /* the command could not do its work */
};

typedef int (*ClCliCommandFunc) (int argc, char **argv);

typedef struct {
  const char       *name;
  const char       *summary;   /* untranslated; passed through _() when printed */
  ClCliCommandFunc  run;
} ClCliCommand;

/* NULL-name terminated table. */
const ClCliCommand *cl_cli_commands (void);

G_END_DECLS
