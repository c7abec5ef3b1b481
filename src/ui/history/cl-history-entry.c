/* cl-history-entry.c: one proof as History shows it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cl-history-entry.h"


ClHistoryEntry *
cl_history_entry_new (ClProof *proof)
{
  ClHistoryEntry *entry = g_new0 (ClHistoryEntry, 1);

  g_return_val_if_fail (proof != NULL, NULL);

  entry->proof = cl_proof_ref (proof);
  entry->path = cl_proof_dup_report_path (proof);
  entry->signer_name = cl_proof_dup_signer_name (proof);
  return entry;
}


void
cl_history_entry_free (ClHistoryEntry *entry)
{
  if (entry == NULL)
    return;
  cl_proof_unref (entry->proof);
  g_free (entry->path);
  g_free (entry->signer_name);
  g_free (entry);
}


char *
cl_history_format_time (GDateTime *time)
{
  g_autoptr(GDateTime) local = NULL;

  if (time == NULL)
    return NULL;
  local = g_date_time_to_local (time);
  /* Translators: a date and time in History, with the month as a word so that no
   * reader takes 06/12 for 12 June (see g_date_time_format for the codes) */
  return g_date_time_format (local, _("%-d %b %Y, %H:%M"));
}
