/* cl-verify-row.h: one file in the Verify page's list: thumbnail, full name (shortened
 * in the middle, whole in the tooltip), the signal and verdict in words, and a coloured
 * status icon that says the verdict to screen readers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cl-verify-item.h"

G_BEGIN_DECLS

#define CL_TYPE_VERIFY_ROW (cl_verify_row_get_type ())
G_DECLARE_FINAL_TYPE (ClVerifyRow, cl_verify_row, CL, VERIFY_ROW, GtkListBoxRow)

/* A row that follows item's changes (thumbnail, verdict). */
GtkWidget    *cl_verify_row_new          (ClVerifyItem *item);
ClVerifyItem *cl_verify_row_get_item     (ClVerifyRow  *self);
/* The second line: the signal and the verdict, or why the file could not be read. */
const char   *cl_verify_row_get_subtitle (ClVerifyRow  *self);
GtkLabel     *cl_verify_row_get_name_label (ClVerifyRow *self);
GtkImage     *cl_verify_row_get_status_icon (ClVerifyRow *self);

G_END_DECLS
