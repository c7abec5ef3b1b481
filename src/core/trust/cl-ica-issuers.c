/* cl-ica-issuers.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "cl-error.h"
#include "cl-ica-issuers.h"
#include "cl-limits.h"


GStrv
cl_ica_issuers_load (const char  *path,
                     GError     **error)
{
  g_autoptr(GStrvBuilder) dids = g_strv_builder_new ();
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize len = 0;
  guint count = 0;

  if (!g_file_get_contents (path, &text, &len, &local_error)) {
    g_set_error (error, CL_TRUST_ERROR, CL_TRUST_ERROR_IO,
                 _("The list of trusted identity issuers cannot be read: %s"), local_error->message);
    return NULL;
  }
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++) {
    char *did = g_strstrip (lines[i]);

    if (*did == '\0' || *did == '#')
      continue;
    if (!g_str_has_prefix (did, "did:") || strlen (did) > CL_LIMIT_DID_CHARS ||
        strpbrk (did, " \t") != NULL) {
      g_set_error (error, CL_TRUST_ERROR, CL_TRUST_ERROR_INVALID,
                   _("Line %u of the list of trusted identity issuers is not a DID"), i + 1);
      return NULL;
    }
    if (++count > CL_LIMIT_ICA_ISSUERS) {
      g_set_error (error, CL_TRUST_ERROR, CL_TRUST_ERROR_INVALID,
                   _("The list of trusted identity issuers holds more than %d DIDs"),
                   CL_LIMIT_ICA_ISSUERS);
      return NULL;
    }
    g_strv_builder_add (dids, did);
  }
  return g_strv_builder_end (dids);
}
