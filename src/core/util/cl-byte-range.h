/* cl-byte-range.h: a run of bytes in a file (where a manifest store sits, what a hash
 * excludes).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  guint64 start;
  guint64 length;
} ClByteRange;

G_END_DECLS
