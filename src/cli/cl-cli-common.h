/* cl-cli-common.h: what every credlink-cli subcommand shares — the exit statuses, the
 * entry of a command table, and printing JSON. The table of subcommands
 * (cl-cli-commands) sits above the subcommands; this file sits below them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

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

/* One entry of a command table (the subcommands, or the commands of one subcommand). */
typedef struct {
  const char       *name;
  const char       *summary;   /* untranslated; passed through _() when printed */
  ClCliCommandFunc  run;
} ClCliCommand;

/* Prints node on stdout followed by a newline: indented when pretty, else on one line. */
void cl_cli_print_json (JsonNode *node,
                        gboolean  pretty);

/* Prints indent, then label and the spaces that make it width columns wide (counted in
 * characters, not bytes: a translated label may hold accented letters), then one space. */
void cl_cli_print_label (const char *indent,
                         const char *label,
                         guint       width);

G_END_DECLS
