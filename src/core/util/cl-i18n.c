/* cl-i18n.c: the language of the programs' messages (see cl-i18n.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cl-i18n.h"

#include <locale.h>
#include <glib/gi18n-lib.h>

void
cl_i18n_init (void)
{
  const char *locale_dir = g_getenv (CL_LOCALE_DIR_ENV);

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE,
                  locale_dir != NULL && *locale_dir != '\0' ? locale_dir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

void
cl_i18n_use_untranslated (void)
{
  /* gettext ignores LANGUAGE when the messages locale is "C" exactly (not "C.UTF-8"), and
   * returns every msgid as it is. */
  setlocale (LC_MESSAGES, "C");
  setlocale (LC_NUMERIC, "C");
  setlocale (LC_TIME, "C");
}
