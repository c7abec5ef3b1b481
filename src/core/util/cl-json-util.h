/* cl-json-util.h: reading untrusted JSON with json-glib, which parses recursively: the
 * nesting is bounded before the parser sees the text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Whether the arrays and objects of the JSON text data nest at most max_depth deep
 * (counted outside strings; the text need not be valid JSON). */
gboolean cl_json_depth_ok (const guint8 *data,
                           gsize         len,
                           guint         max_depth);

G_END_DECLS
