/* cl-history-entry.c: one proof as History shows it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include <json-glib/json-glib.h>

#include "cl-history-entry.h"

/* Where the image was: the "path" of the stored report. */
static char *
report_path (const ClProof *proof)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;

  if (proof->report_json == NULL ||
      !json_parser_load_from_data (parser, proof->report_json, -1, NULL))
    return NULL;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;
  return g_strdup (json_object_get_string_member_with_default (json_node_get_object (root),
                                                               "path", NULL));
}


ClHistoryEntry *
cl_history_entry_new (ClProof *proof)
{
  ClHistoryEntry *entry = g_new0 (ClHistoryEntry, 1);

  g_return_val_if_fail (proof != NULL, NULL);

  entry->proof = cl_proof_ref (proof);
  entry->path = report_path (proof);
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
