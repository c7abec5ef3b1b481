/* cl-sign-page.h: the Sign page — choose a signing profile, collect images,
 * describe them and sign them in a batch.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cl-sign-file-row.h"

G_BEGIN_DECLS

#define CL_TYPE_SIGN_PAGE (cl_sign_page_get_type ())
G_DECLARE_FINAL_TYPE (ClSignPage, cl_sign_page, CL, SIGN_PAGE, AdwBin)

GtkWidget     *cl_sign_page_new               (void);
/* Adds images the way a drop does (a file already in the list is skipped). */
void           cl_sign_page_add_files         (ClSignPage  *self,
                                               GFile      **files,
                                               int          n_files);
guint          cl_sign_page_get_n_files       (ClSignPage  *self);
ClSignFileRow *cl_sign_page_get_file_row      (ClSignPage  *self,
                                               guint        index);
/* Re-reads the profile store (asynchronously; "busy" is TRUE meanwhile). */
void           cl_sign_page_reload_profiles   (ClSignPage  *self);
/* Chooses a listed profile; FALSE if there is none of that name. */
gboolean       cl_sign_page_select_profile    (ClSignPage  *self,
                                               const char  *name);
/* The chosen profile's name, or NULL. */
const char    *cl_sign_page_get_selected_profile (ClSignPage *self);
/* The text the profile's check produced ("" when it has no problems). */
const char    *cl_sign_page_get_problems      (ClSignPage  *self);
/* NULL: next to each image. */
void           cl_sign_page_set_output_folder (ClSignPage  *self,
                                               GFile       *folder);
/* The error shown above the Sign button, or NULL. */
const char    *cl_sign_page_get_error         (ClSignPage  *self);
gboolean       cl_sign_page_get_busy          (ClSignPage  *self);

G_END_DECLS
