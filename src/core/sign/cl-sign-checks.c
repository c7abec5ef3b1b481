/* cl-sign-checks.c: what is checked before anything is read or written for signing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "cl-error.h"
#include "cl-sign-checks.h"


gboolean
cl_sign_check_profile (ClSigningProfile  *profile,
                       GError           **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GString) fatal = g_string_new (NULL);
  g_autoptr(GArray) problems = NULL;
  gboolean usable;

  problems = cl_signing_profile_check (profile, now, &usable);
  if (usable)
    return TRUE;
  for (guint i = 0; i < problems->len; i++) {
    ClSigningProfileProblem *problem = &g_array_index (problems, ClSigningProfileProblem, i);

    if (problem->level == CL_SIGNING_PROFILE_PROBLEM_FATAL)
      g_string_append_printf (fatal, "%s%s", fatal->len > 0 ? "; " : "", problem->message);
  }
  g_set_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_PROFILE,
               _("The signing profile “%s” cannot sign: %s"), cl_signing_profile_get_name (profile),
               fatal->str);
  return FALSE;
}


static gboolean
is_same_file (const char *a,
              const char *b)
{
  GStatBuf sa, sb;

  return g_stat (a, &sa) == 0 && g_stat (b, &sb) == 0 &&
         sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}


/* The source is never modified, and an existing file only replaced when asked. */
gboolean
cl_sign_check_output (const char  *input,
                      const char  *output,
                      gboolean     force,
                      GError     **error)
{
  if (is_same_file (input, output)) {
    g_set_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_OUTPUT_EXISTS,
                 _("The output “%s” is the source itself; the source is never modified"),
                 output);
    return FALSE;
  }
  if (!force && g_file_test (output, G_FILE_TEST_EXISTS)) {
    g_set_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_OUTPUT_EXISTS,
                 _("“%s” already exists (use --force to replace it)"), output);
    return FALSE;
  }
  return TRUE;
}
