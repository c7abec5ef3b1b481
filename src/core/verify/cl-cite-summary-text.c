/* cl-cite-summary-text.c: the citeable summary as plain text to paste into an article
 * note or an email: the verdict first, short lines wrapped at words, no markup.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "cl-cite-summary.h"

/* Continuation lines of an item are indented this far. */
#define CONTINUATION_INDENT "    "


/* Appends text after first_prefix, wrapped at spaces so no line passes
 * CL_CITE_TEXT_WIDTH characters unless one word does; the following lines start with
 * CONTINUATION_INDENT. */
static void
append_wrapped (GString    *out,
                const char *first_prefix,
                const char *text)
{
  g_auto(GStrv) words = g_strsplit (text, " ", -1);
  glong column = g_utf8_strlen (first_prefix, -1);
  gboolean line_has_word = FALSE;

  g_string_append (out, first_prefix);
  for (guint i = 0; words[i] != NULL; i++) {
    glong word_len = g_utf8_strlen (words[i], -1);

    if (word_len == 0)
      continue;
    if (line_has_word && column + 1 + word_len > CL_CITE_TEXT_WIDTH) {
      g_string_append_c (out, '\n');
      g_string_append (out, CONTINUATION_INDENT);
      column = strlen (CONTINUATION_INDENT);
      line_has_word = FALSE;
    }
    if (line_has_word) {
      g_string_append_c (out, ' ');
      column++;
    }
    g_string_append (out, words[i]);
    column += word_len;
    line_has_word = TRUE;
  }
  g_string_append_c (out, '\n');
}


static void
append_field (GString    *out,
              const char *label,
              const char *value)
{
  g_autofree char *prefix = NULL;

  if (value == NULL)
    return;
  /* Translators: a label and its value in the copied summary, "Name: Jane Doe" */
  prefix = g_strdup_printf (_("%s: "), label);
  append_wrapped (out, prefix, value);
}


char *
cl_cite_summary_to_text (const ClCiteSummary *summary)
{
  GString *out;
  g_autofree char *checked = NULL;

  g_return_val_if_fail (summary != NULL, NULL);

  out = g_string_new (NULL);
  append_field (out, _("Content Credentials"), summary->verdict_text);
  if (summary->reason != NULL && *summary->reason != '\0')
    append_wrapped (out, "", summary->reason);
  if (summary->warning != NULL)
    append_wrapped (out, "", summary->warning);
  g_string_append_c (out, '\n');

  append_field (out, _("File"), summary->file_name);
  append_field (out, _("SHA-256"), summary->file_sha256);
  /* Translators: when the file was checked (ISO 8601) and by which program */
  checked = g_strdup_printf (_("%s by %s"), summary->checked_at, summary->made_by);
  append_field (out, _("Checked"), checked);
  append_field (out, _("Trust list"), summary->decided_by);

  for (guint i = 0; i < summary->sections->len; i++) {
    const ClCiteSection *section = g_ptr_array_index (summary->sections, i);

    g_string_append_printf (out, "\n%s\n", section->title);
    for (guint j = 0; j < section->items->len; j++) {
      const ClCiteItem *item = g_ptr_array_index (section->items, j);

      if (item->label != NULL) {
        g_autofree char *prefix = g_strdup_printf (_("%s: "), item->label);
        g_autofree char *indented = g_strconcat ("  ", prefix, NULL);

        append_wrapped (out, indented, item->value);
      } else {
        g_autofree char *marker = section->numbered ? g_strdup_printf ("  %u. ", j + 1)
                                                    : g_strdup ("  - ");

        append_wrapped (out, marker, item->value);
      }
    }
  }
  return g_string_free (out, FALSE);
}
