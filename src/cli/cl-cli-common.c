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


void
cl_cli_print_label (const char *indent,
                    const char *label,
                    guint       width)
{
  glong columns = 0;

  /* A wide character (CJK) takes two columns. */
  for (const char *p = label; *p != '\0'; p = g_utf8_next_char (p))
    columns += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
  printf ("%s%s", indent, label);
  for (glong i = columns; i < (glong) width; i++)
    putchar (' ');
  putchar (' ');
}
