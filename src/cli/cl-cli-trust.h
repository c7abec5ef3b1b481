/* cl-cli-trust.h: credlink-cli trust.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

int cl_cli_trust_run (int    argc,
                      char **argv);

G_END_DECLS
