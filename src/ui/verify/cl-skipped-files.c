/* cl-skipped-files.c: what a folder walk left out, in words (nothing dropped is skipped
 * silently).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cl-skipped-files.h"

char **
cl_skipped_files_describe (GPtrArray *special,
                           GPtrArray *unreadable,
                           GPtrArray *empty)
{
  g_autoptr(GStrvBuilder) messages = g_strv_builder_new ();

  /* Pipes, sockets and devices named like images were left out of the folders. */
  if (special->len > 0) {
    g_autofree char *message =
      g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                    "%u special file skipped (not a regular file)",
                                    "%u special files skipped (not regular files)",
                                    special->len), special->len);

    g_strv_builder_add (messages, message);
  }
  if (unreadable->len == 1) {
    g_autofree char *base = g_file_get_basename (g_ptr_array_index (unreadable, 0));
    g_autofree char *name = g_filename_display_name (base);
    g_autofree char *message = g_strdup_printf (_("Skipped “%s”: the folder cannot be read"),
                                                name);

    g_strv_builder_add (messages, message);
  } else if (unreadable->len > 1) {
    g_autofree char *message =
      g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                    "Skipped %u folder that cannot be read",
                                    "Skipped %u folders that cannot be read",
                                    unreadable->len), unreadable->len);

    g_strv_builder_add (messages, message);
  }
  if (empty->len == 1) {
    g_autofree char *base = g_file_get_basename (g_ptr_array_index (empty, 0));
    g_autofree char *name = g_filename_display_name (base);
    g_autofree char *message = g_strdup_printf (_("No images CredLink can read in “%s”"), name);

    g_strv_builder_add (messages, message);
  } else if (empty->len > 1) {
    g_autofree char *message =
      g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                    "%u folder holds no images CredLink can read",
                                    "%u folders hold no images CredLink can read",
                                    empty->len), empty->len);

    g_strv_builder_add (messages, message);
  }
  return g_strv_builder_end (messages);
}
