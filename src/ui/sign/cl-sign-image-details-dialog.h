/* cl-sign-image-details-dialog.h: the small dialog that gives one image of the Sign
 * page its own title and author, instead of those given for all images.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CL_TYPE_SIGN_IMAGE_DETAILS_DIALOG (cl_sign_image_details_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ClSignImageDetailsDialog, cl_sign_image_details_dialog, CL,
                      SIGN_IMAGE_DETAILS_DIALOG, AdwMessageDialog)

/* Signal "saved" (title, author) on the "save" response, with what the fields then say
 * (NULL for an empty field: the value given for all images). title and author: the
 * image's own so far, or NULL. */
GtkWidget *cl_sign_image_details_dialog_new (GtkWindow  *parent,
                                             const char *file_name,
                                             const char *title,
                                             const char *author);

G_END_DECLS
