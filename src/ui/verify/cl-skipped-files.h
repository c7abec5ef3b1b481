/* cl-skipped-files.h: what a folder walk left out, in words.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* One sentence per kind of file a walk skipped (special files, folders that cannot be
 * read, folders with no image CredLink reads: GFile arrays), for the person who dropped
 * them; an empty list when nothing was skipped. */
char **cl_skipped_files_describe (GPtrArray *special,
                                  GPtrArray *unreadable,
                                  GPtrArray *empty);

G_END_DECLS
