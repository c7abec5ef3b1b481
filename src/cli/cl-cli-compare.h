/* cl-cli-compare.h: `credlink-cli compare`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

int cl_cli_compare_run (int    argc,
                        char **argv);

G_END_DECLS
