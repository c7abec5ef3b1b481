/* cl-history-row.h: one proof in the History list: name, kind, verdict, date and
 * signer; activating it opens its detail, its buttons verify it again or remove it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cl-history-entry.h"
#include "cl-verdict-banner.h"

G_BEGIN_DECLS

#define CL_TYPE_HISTORY_ROW (cl_history_row_get_type ())
G_DECLARE_FINAL_TYPE (ClHistoryRow, cl_history_row, CL, HISTORY_ROW, AdwActionRow)

/* Takes @entry. @changed_from: the verdict before the last re-check when it flipped,
 * else NULL. */
GtkWidget            *cl_history_row_new       (ClHistoryEntry       *entry,
                                                const ClProofVerdict *changed_from);
const ClHistoryEntry *cl_history_row_get_entry (ClHistoryRow         *self);

/* The banner kind of a stored verdict. */
ClBannerKind          cl_history_verdict_kind  (ClProofVerdict        verdict);

G_END_DECLS
