/* cl-history-page.h: the proof cache as a searchable list.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cl-history-recheck.h"

G_BEGIN_DECLS

#define CL_TYPE_HISTORY_PAGE (cl_history_page_get_type ())
G_DECLARE_FINAL_TYPE (ClHistoryPage, cl_history_page, CL, HISTORY_PAGE, AdwBin)

GtkWidget  *cl_history_page_new          (void);
/* The proof cache database to show; NULL: the default location. Reloads. */
void        cl_history_page_set_database (ClHistoryPage *self,
                                          const char    *path);
/* Reloads from the database in a worker thread. */
void        cl_history_page_reload       (ClHistoryPage *self);
/* The entries whose verdict the last re-check flipped: the "Changed" filter shows
 * them, each saying what it was before. Reloads. */
void        cl_history_page_set_changes  (ClHistoryPage          *self,
                                          const ClHistoryRecheck *recheck);
/* Selects the "Changed" filter. */
void        cl_history_page_show_changed (ClHistoryPage          *self);
/* How many proofs the list shows now, and whether a load is running (for tests). */
guint       cl_history_page_get_n_shown  (ClHistoryPage *self);
gboolean    cl_history_page_is_loading   (ClHistoryPage *self);
/* Whether a re-check after a trust list change is pending or running. */
gboolean    cl_history_page_is_rechecking (ClHistoryPage *self);

G_END_DECLS
