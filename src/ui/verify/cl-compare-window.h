/* cl-compare-window.h: two verified files side by side: their pictures, a sentence on
 * whether the image content is the same, and each fact of their credentials with the
 * differences marked. Either file can be changed to any other verified one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cl-verify-item.h"

G_BEGIN_DECLS

#define CL_TYPE_COMPARE_WINDOW (cl_compare_window_get_type ())
G_DECLARE_FINAL_TYPE (ClCompareWindow, cl_compare_window, CL, COMPARE_WINDOW, AdwWindow)

/* items: ClVerifyItem; only the verified ones are offered. first: the one on the left
 * (the second is the next verified one). NULL when fewer than two are verified. */
GtkWidget  *cl_compare_window_new          (GListModel      *items,
                                            ClVerifyItem    *first);
/* How many facts differ, and the summary sentence shown (for tests). */
guint       cl_compare_window_get_n_differences (ClCompareWindow *self);
const char *cl_compare_window_get_summary  (ClCompareWindow *self);
void        cl_compare_window_select       (ClCompareWindow *self,
                                            ClVerifyItem    *left,
                                            ClVerifyItem    *right);

G_END_DECLS
