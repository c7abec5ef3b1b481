/* cl-verify-page.h: the Verify page: the files that arrived (sidebar, with
 * thumbnail and verdict) and the selected file's detail. Verifications run a
 * few at a time and are cancelled when their file leaves the list.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cl-verify-detail.h"
#include "cl-verify-item.h"

G_BEGIN_DECLS

/* How many files are verified at the same time. */
#define CL_VERIFY_PAGE_MAX_RUNNING 2

#define CL_TYPE_VERIFY_PAGE (cl_verify_page_get_type ())
G_DECLARE_FINAL_TYPE (ClVerifyPage, cl_verify_page, CL, VERIFY_PAGE, AdwBin)

/* Adds files and walks folders (in a thread); a file already listed is not added twice.
 * When nothing is selected, the first new file is. Emits "problem" (a translated
 * message) when an input cannot be read, and for what a folder walk skipped (special
 * files, folders that cannot be read, folders with no image). */
void            cl_verify_page_add_files       (ClVerifyPage  *self,
                                                GFile        **files,
                                                guint          n_files);
/* The items (ClVerifyItem), in the order they arrived. */
GListModel     *cl_verify_page_get_items       (ClVerifyPage  *self);
void            cl_verify_page_clear           (ClVerifyPage  *self);
void            cl_verify_page_select          (ClVerifyPage  *self,
                                                guint          position);
/* Selects the file step rows after (or, negative, before) the selected one; FALSE at
 * either end of the list. */
gboolean        cl_verify_page_select_next     (ClVerifyPage  *self,
                                                int            step);
ClVerifyItem   *cl_verify_page_get_selected    (ClVerifyPage  *self);
/* Removes the selected file (cancelling its verification); FALSE when none is selected. */
gboolean        cl_verify_page_remove_selected (ClVerifyPage  *self);
/* Folders being walked, files waiting or being verified, rows or the detail still being
 * laid out over the next frames. */
gboolean        cl_verify_page_is_busy         (ClVerifyPage  *self);
ClVerifyDetail *cl_verify_page_get_detail      (ClVerifyPage  *self);
/* The scrolled window around the detail (back at the top for each file selected). */
GtkScrolledWindow *cl_verify_page_get_detail_scroller (ClVerifyPage *self);
/* Whether the detail is in view: always in a wide window; in a narrow one, once a file
 * was opened from the list (and until "back"). */
gboolean        cl_verify_page_shows_detail    (ClVerifyPage  *self);
/* The second line of the file's row in the list (the signal and the verdict), or NULL. */
const char     *cl_verify_page_get_row_subtitle (ClVerifyPage *self,
                                                 guint         position);

G_END_DECLS
