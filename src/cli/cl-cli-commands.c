/* cl-cli-commands.c: the table of credlink-cli subcommands.
 *
 * Each subcommand lives in its own cl-cli-<name>.c file and is listed here
 * once it does real work. What the subcommands share (exit statuses, JSON
 * printing) is in cl-cli-common, below them all; main.c dispatches to this table.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cl-cli-cache.h"
#include "cl-cli-commands.h"
#include "cl-cli-compare.h"
#include "cl-cli-profile.h"
#include "cl-cli-sign.h"
#include "cl-cli-trust.h"
#include "cl-cli-verify.h"

static const ClCliCommand commands[] = {
  { "profile", N_("Manage signing profiles"), cl_cli_profile_run },
  { "sign", N_("Sign images with Content Credentials"), cl_cli_sign_run },
  { "verify", N_("Verify the Content Credentials of images"), cl_cli_verify_run },
  { "compare", N_("Put two images and their credentials side by side"), cl_cli_compare_run },
  { "cache", N_("List, show, purge and export the local proof cache"), cl_cli_cache_run },
  { "trust", N_("Manage trust lists and judge certificate chains"), cl_cli_trust_run },
  { NULL, NULL, NULL },
};

const ClCliCommand *
cl_cli_commands (void)
{
  return commands;
}
