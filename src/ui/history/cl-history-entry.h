/* cl-history-entry.h: one proof as History shows it: the proof, where its image was
 * and the signer's name, worked out in the thread that loads the list (the stored
 * report is parsed there, never on the main loop).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cl-proof.h"

G_BEGIN_DECLS

typedef struct {
  ClProof *proof;
  char    *path;         /* where the image was when it was verified or signed, or NULL */
  char    *signer_name;  /* common name or organisation of the signer, or NULL */
} ClHistoryEntry;

ClHistoryEntry *cl_history_entry_new     (ClProof              *proof);
void            cl_history_entry_free    (ClHistoryEntry       *entry);
/* "6 Dec 2026, 14:05" in local time: a date no reader takes for another day. */
char           *cl_history_format_time   (GDateTime            *time);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClHistoryEntry, cl_history_entry_free)

G_END_DECLS
