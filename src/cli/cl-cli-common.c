/* cl-cli-common.c: what every credlink-cli subcommand shares (see cl-cli-common.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>

#include "cl-cli-common.h"


void
cl_cli_print_json (JsonNode *node,
                   gboolean  pretty)
{
  g_autofree char *text = json_to_string (node, pretty);

  printf ("%s\n", text);
}
