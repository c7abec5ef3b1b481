/* cl-verify-file-filter.h: the Open dialog's filter for the files CredLink verifies.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The images the asset readers read and detached manifest stores (.c2pa). */
GtkFileFilter *cl_verify_file_filter_new (void);

G_END_DECLS
