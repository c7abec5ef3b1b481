/* main.c: the CredLink desktop application.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cl-application.h"
#include "cl-i18n.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(ClApplication) app = NULL;

  cl_i18n_init ();

  app = cl_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
