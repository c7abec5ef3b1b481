/* cl-sign-file-row.h: one image in the Sign page's list, with its state.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

typedef enum {
  CL_SIGN_FILE_PENDING,
  CL_SIGN_FILE_SIGNING,
  CL_SIGN_FILE_DONE,
  CL_SIGN_FILE_FAILED,
} ClSignFileState;

#define CL_TYPE_SIGN_FILE_ROW (cl_sign_file_row_get_type ())
G_DECLARE_FINAL_TYPE (ClSignFileRow, cl_sign_file_row, CL, SIGN_FILE_ROW, AdwActionRow)

GtkWidget       *cl_sign_file_row_new          (GFile           *file);
GFile           *cl_sign_file_row_get_file     (ClSignFileRow   *self);
/* The image already carries Content Credentials: its new manifest records it
 * as opened from them (c2pa.opened). */
void             cl_sign_file_row_set_has_credentials (ClSignFileRow *self,
                                                       gboolean       has_credentials);
gboolean         cl_sign_file_row_get_has_credentials (ClSignFileRow *self);
/* detail: the output path (DONE) or the error message (FAILED), else NULL. */
void             cl_sign_file_row_set_state    (ClSignFileRow   *self,
                                                ClSignFileState  state,
                                                const char      *detail);
ClSignFileState  cl_sign_file_row_get_state    (ClSignFileRow   *self);
/* The image's own title and author (NULL: those given for all images). The row's
 * edit button asks for them. */
void             cl_sign_file_row_set_details  (ClSignFileRow   *self,
                                                const char      *title,
                                                const char      *author);
const char      *cl_sign_file_row_get_title    (ClSignFileRow   *self);
const char      *cl_sign_file_row_get_author   (ClSignFileRow   *self);
const char      *cl_sign_file_row_get_detail   (ClSignFileRow   *self);

G_END_DECLS
