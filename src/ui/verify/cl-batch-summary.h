/* cl-batch-summary.h: above the file list, how many files have each verdict ("12 files ·
 * Trusted 3 · Valid 5 · Invalid 2 · …", updated as verifications finish) and a filter that
 * shows only the files of one verdict.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "cl-verify-item.h"

G_BEGIN_DECLS

#define CL_TYPE_BATCH_SUMMARY (cl_batch_summary_get_type ())
G_DECLARE_FINAL_TYPE (ClBatchSummary, cl_batch_summary, CL, BATCH_SUMMARY, GtkBox)

/* The items (ClVerifyItem) to count; followed as they change. */
void        cl_batch_summary_set_items   (ClBatchSummary *self,
                                          GListModel     *items);
/* Whether item is shown under the chosen filter. The "filter-changed" signal says when
 * the answer may have changed for any item (a new choice, or a verdict that arrived). */
gboolean    cl_batch_summary_shows       (ClBatchSummary *self,
                                          ClVerifyItem   *item);
const char *cl_batch_summary_get_text    (ClBatchSummary *self);
/* 0: all files; then Trusted, Valid, Invalid, No credentials, Could not be read. */
void        cl_batch_summary_set_filter  (ClBatchSummary *self,
                                          guint           filter);

G_END_DECLS
