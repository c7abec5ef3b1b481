/* cl-signer-task.c: the signer's options copied to outlive their caller (the threads
 * of cl-sign-record and cl-sign-queue keep such a copy).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cl-signer.h"


ClSignOptions *
cl_sign_options_copy (const ClSignOptions *options)
{
  ClSignOptions *copy = g_new (ClSignOptions, 1);

  *copy = *options;
  copy->author = g_strdup (options->author);
  copy->title = g_strdup (options->title);
  copy->tsa_url = g_strdup (options->tsa_url);
  copy->digital_source_type = g_strdup (options->digital_source_type);
  if (options->identity_profile != NULL)
    copy->identity_profile = cl_signing_profile_ref (options->identity_profile);
  return copy;
}


void
cl_sign_options_free (ClSignOptions *options)
{
  if (options == NULL)
    return;
  g_free ((char *) options->author);
  g_free ((char *) options->title);
  g_free ((char *) options->tsa_url);
  g_free ((char *) options->digital_source_type);
  g_clear_pointer (&options->identity_profile, cl_signing_profile_unref);
  g_free (options);
}
