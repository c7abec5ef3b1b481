/* cl-sign-image-filter.h: the file chooser's filter for the images CredLink signs,
 * and the Sign page's chooser that adds them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The formats that have a writer in core (cl-asset-writer.c), by their media types and
 * file name suffixes, as its table gives them. */
GtkFileFilter *cl_sign_image_filter_new (void);
/* "Add Images to Sign": a modal chooser of several files, with that filter. */
GtkFileChooserNative *cl_sign_image_chooser_new (GtkWindow *parent);

G_END_DECLS
