/* cl-cli-passphrase.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <openssl/crypto.h>

#include "cl-error.h"
#include "cl-cli-passphrase.h"

#define MAX_PASSPHRASE 1024


void
cl_cli_passphrase_free (char *passphrase)
{
  if (passphrase == NULL)
    return;
  OPENSSL_cleanse (passphrase, strlen (passphrase));
  g_free (passphrase);
}


static char *
read_without_echo (int          fd,
                   const char  *prompt)
{
  struct termios saved, quiet;
  char buffer[MAX_PASSPHRASE];
  gsize len = 0;
  gboolean restore;
  char *result;

  fprintf (stderr, "%s", prompt);
  fflush (stderr);
  restore = tcgetattr (fd, &saved) == 0;
  if (restore) {
    quiet = saved;
    quiet.c_lflag &= ~(tcflag_t) ECHO;
    quiet.c_lflag |= ICANON;
    tcsetattr (fd, TCSAFLUSH, &quiet);
  }
  while (len < sizeof buffer - 1) {
    char c;

    if (read (fd, &c, 1) != 1 || c == '\n' || c == '\r')
      break;
    buffer[len++] = c;
  }
  buffer[len] = '\0';
  if (restore)
    tcsetattr (fd, TCSAFLUSH, &saved);
  fprintf (stderr, "\n");
  result = g_strdup (buffer);
  OPENSSL_cleanse (buffer, sizeof buffer);
  return result;
}


char *
cl_cli_passphrase_get (const char  *env_var,
                       const char  *prompt,
                       gboolean     confirm,
                       GError     **error)
{
  const char *from_env = g_getenv (env_var);
  g_autoptr(ClCliPassphrase) first = NULL;
  g_autoptr(ClCliPassphrase) second = NULL;
  int fd;

  if (from_env == NULL && !g_str_equal (env_var, CL_CLI_PASSPHRASE_ENV))
    from_env = g_getenv (CL_CLI_PASSPHRASE_ENV);
  if (from_env != NULL)
    return g_strdup (from_env);

  fd = isatty (STDIN_FILENO) ? open ("/dev/tty", O_RDWR | O_CLOEXEC) : -1;
  if (fd < 0 && g_str_equal (env_var, CL_CLI_PIN_ENV)) {
    g_set_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_PASSPHRASE,
                 _("The token's PIN is needed but there is no terminal to ask on; set %s"),
                 env_var);
    return NULL;
  }
  if (fd < 0) {
    g_set_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_PASSPHRASE,
                 _("A passphrase is needed but there is no terminal to ask on; set %s"),
                 env_var);
    return NULL;
  }
  first = read_without_echo (fd, prompt);
  if (confirm) {
    second = read_without_echo (fd, _("Repeat the passphrase: "));
    if (!g_str_equal (first, second)) {
      close (fd);
      g_set_error_literal (error, CL_SIGN_ERROR, CL_SIGN_ERROR_PASSPHRASE,
                           _("The passphrases differ"));
      return NULL;
    }
  }
  close (fd);
  return g_steal_pointer (&first);
}
