/* cl-version.h: what this build of CredLink is, for reports and About.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

const char *cl_version_string (void);
char       *cl_version_libraries (void);

G_END_DECLS
