/* cl-json-util.h: reading untrusted JSON with json-glib, which parses recursively: the
 * nesting is bounded before the parser sees the text; and the string members the reports
 * write.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Whether the arrays and objects of the JSON text data nest at most max_depth deep
 * (counted outside strings; the text need not be valid JSON). */
gboolean cl_json_depth_ok (const guint8 *data,
                           gsize         len,
                           guint         max_depth);

/* A string member of the object being built; nothing when value is NULL. */
void     cl_json_builder_add_string         (JsonBuilder  *builder,
                                             const char   *name,
                                             const char   *value);
/* The same, with a JSON null when value is NULL. */
void     cl_json_builder_add_string_or_null (JsonBuilder  *builder,
                                             const char   *name,
                                             const char   *value);

/* A member as text for people: a string as is, a number written out, an object by its
 * "name" member; NULL when absent or of another kind. */
char    *cl_json_member_text                (JsonObject   *object,
                                             const char   *name);

G_END_DECLS
