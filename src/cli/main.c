/* main.c: credlink-cli, the headless front end of the CredLink core.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "cl-cli-commands.h"
#include "cl-i18n.h"
#include "cl-version.h"

static void
print_usage (FILE *out)
{
  const ClCliCommand *cmd;

  fprintf (out, "%s\n", _("Usage: credlink-cli [--version] [--help] COMMAND [ARGUMENTS…]"));
  fprintf (out, "\n%s\n", _("Verify and sign C2PA Content Credentials in images."));
  fprintf (out, "\n%s\n", _("Commands:"));
  for (cmd = cl_cli_commands (); cmd->name != NULL; cmd++)
    fprintf (out, "  %-10s %s\n", cmd->name, _(cmd->summary));
  if (cl_cli_commands ()->name == NULL)
    fprintf (out, "  %s\n", _("(none yet in this build)"));
  fprintf (out, "\n%s\n", _("Run “credlink-cli COMMAND --help” for the options of a command."));
}

int
main (int   argc,
      char *argv[])
{
  const ClCliCommand *cmd;

  /* Every command reads and writes local files only: no GVfs daemon (and no D-Bus round
   * trips at start) behind GFile, unless the person asked for one. */
  g_setenv ("GIO_USE_VFS", "local", FALSE);
  cl_i18n_init ();
  g_set_prgname ("credlink-cli");

  if (argc < 2) {
    print_usage (stderr);
    return CL_CLI_EXIT_USAGE;
  }

  if (g_str_equal (argv[1], "--version") || g_str_equal (argv[1], "-V")) {
    g_autofree char *libs = cl_version_libraries ();

    printf ("credlink-cli %s\n%s", cl_version_string (), libs);
    return CL_CLI_EXIT_OK;
  }

  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") ||
      g_str_equal (argv[1], "help")) {
    print_usage (stdout);
    return CL_CLI_EXIT_OK;
  }

  for (cmd = cl_cli_commands (); cmd->name != NULL; cmd++) {
    if (g_str_equal (argv[1], cmd->name))
      return cmd->run (argc - 1, argv + 1);
  }

  fprintf (stderr, _("credlink-cli: unknown command “%s”\n\n"), argv[1]);
  print_usage (stderr);
  return CL_CLI_EXIT_USAGE;
}
