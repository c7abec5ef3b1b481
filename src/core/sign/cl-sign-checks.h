/* cl-sign-checks.h: what is checked before anything is read or written for signing: the
 * profile can sign now, and the output is neither the source nor (unless replacing is asked)
 * an existing file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "cl-signing-profile.h"

G_BEGIN_DECLS

gboolean cl_sign_check_profile (ClSigningProfile  *profile,
                                GError           **error);
/* The source is never modified, and an existing file only replaced when force is set. */
gboolean cl_sign_check_output  (const char        *input,
                                const char        *output,
                                gboolean           force,
                                GError           **error);

G_END_DECLS
