/* cl-json-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cl-json-util.h"


gboolean
cl_json_depth_ok (const guint8 *data,
                  gsize         len,
                  guint         max_depth)
{
  gboolean in_string = FALSE, escaped = FALSE;
  guint depth = 0;

  for (gsize i = 0; i < len; i++) {
    guint8 c = data[i];

    if (in_string) {
      if (escaped)
        escaped = FALSE;
      else if (c == '\\')
        escaped = TRUE;
      else if (c == '"')
        in_string = FALSE;
    } else if (c == '"') {
      in_string = TRUE;
    } else if (c == '[' || c == '{') {
      if (++depth > max_depth)
        return FALSE;
    } else if ((c == ']' || c == '}') && depth > 0) {
      depth--;
    }
  }
  return TRUE;
}


void
cl_json_builder_add_string (JsonBuilder *builder,
                            const char  *name,
                            const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}


void
cl_json_builder_add_string_or_null (JsonBuilder *builder,
                                    const char  *name,
                                    const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}


char *
cl_json_member_text (JsonObject *object,
                     const char *name)
{
  JsonNode *node;

  if (object == NULL || !json_object_has_member (object, name))
    return NULL;
  node = json_object_get_member (object, name);
  if (JSON_NODE_HOLDS_VALUE (node)) {
    GType type = json_node_get_value_type (node);

    if (type == G_TYPE_STRING)
      return g_strdup (json_node_get_string (node));
    if (type == G_TYPE_INT64)
      return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
    if (type == G_TYPE_DOUBLE)
      return g_strdup_printf ("%g", json_node_get_double (node));
  }
  if (JSON_NODE_HOLDS_OBJECT (node))
    return cl_json_member_text (json_node_get_object (node), "name");
  return NULL;
}
