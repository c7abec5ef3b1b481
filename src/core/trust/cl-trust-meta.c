/* cl-trust-meta.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "cl-atomic-file.h"
#include "cl-error.h"
#include "cl-trust-meta.h"
#include "cl-x509.h"


ClTrustMeta *
cl_trust_meta_new (const char *list,
                   const char *kind,
                   const char *source_url,
                   gint64      snapshot,
                   GBytes     *anchors_pem,
                   guint       certificate_count,
                   guint       allowed_count)
{
  ClTrustMeta *meta = g_new0 (ClTrustMeta, 1);

  meta->list = g_strdup (list);
  meta->kind = g_strdup (kind);
  meta->source_url = g_strdup (source_url != NULL ? source_url : "");
  meta->snapshot = snapshot;
  meta->certificate_count = certificate_count;
  meta->allowed_count = allowed_count;
  if (anchors_pem != NULL) {
    meta->size = g_bytes_get_size (anchors_pem);
    meta->sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, anchors_pem);
  }
  return meta;
}


void
cl_trust_meta_free (ClTrustMeta *meta)
{
  if (meta == NULL)
    return;
  g_free (meta->list);
  g_free (meta->kind);
  g_free (meta->source_url);
  g_free (meta->sha256);
  g_free (meta);
}


/* The first of two members that holds a string (the current name, then the old one). */
static const char *
string_member (JsonObject *object,
               const char *name,
               const char *old_name)
{
  const char *value = json_object_get_string_member_with_default (object, name, NULL);

  if (value == NULL)
    value = json_object_get_string_member_with_default (object, old_name, NULL);
  return value;
}


static gint64
int_member (JsonObject *object,
            const char *name,
            const char *old_name)
{
  if (json_object_has_member (object, name))
    return json_object_get_int_member_with_default (object, name, 0);
  return json_object_get_int_member_with_default (object, old_name, 0);
}


ClTrustMeta *
cl_trust_meta_load (const char  *list_dir,
                    GError     **error)
{
  g_autofree char *path = g_build_filename (list_dir, CL_TRUST_META_FILE, NULL);
  g_autofree char *dir_name = g_path_get_basename (list_dir);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  JsonObject *object;
  ClTrustMeta *meta;
  const char *source_url;

  if (!json_parser_load_from_file (parser, path, &local_error) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser))) {
    g_set_error (error, CL_TRUST_ERROR, CL_TRUST_ERROR_INVALID,
                 _("Trust list “%s” has no readable meta.json: %s"), dir_name,
                 local_error != NULL ? local_error->message : _("not a JSON object"));
    return NULL;
  }
  object = json_node_get_object (json_parser_get_root (parser));

  meta = g_new0 (ClTrustMeta, 1);
  meta->list = g_strdup (string_member (object, "list", "name"));
  meta->kind = g_strdup (json_object_get_string_member_with_default (object, "kind", NULL));
  source_url = string_member (object, "source_url", "source");
  meta->source_url = g_strdup (source_url != NULL ? source_url : "");
  if (!cl_unix_from_string (json_object_get_string_member_with_default (object, "snapshot_date",
                                                                        ""),
                            &meta->snapshot))
    cl_unix_from_string (json_object_get_string_member_with_default (object, "snapshot", ""),
                         &meta->snapshot);
  meta->certificate_count = (guint) int_member (object, "certificate_count", "anchors");
  meta->allowed_count = (guint) int_member (object, "allowed_count", "allowed");
  meta->size = (guint64) json_object_get_int_member_with_default (object, "size", 0);
  meta->sha256 = g_strdup (json_object_get_string_member_with_default (object, "sha256", NULL));
  return meta;
}


static char *
meta_to_json (const ClTrustMeta *meta)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "list");
  json_builder_add_string_value (builder, meta->list);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, meta->kind);
  json_builder_set_member_name (builder, "source_url");
  json_builder_add_string_value (builder, meta->source_url);
  if (meta->snapshot != 0) {
    g_autofree char *date = cl_unix_to_iso8601 (meta->snapshot);

    json_builder_set_member_name (builder, "snapshot_date");
    json_builder_add_string_value (builder, date);
  }
  json_builder_set_member_name (builder, "certificate_count");
  json_builder_add_int_value (builder, meta->certificate_count);
  json_builder_set_member_name (builder, "allowed_count");
  json_builder_add_int_value (builder, meta->allowed_count);
  if (meta->sha256 != NULL) {
    json_builder_set_member_name (builder, "size");
    json_builder_add_int_value (builder, (gint64) meta->size);
    json_builder_set_member_name (builder, "sha256");
    json_builder_add_string_value (builder, meta->sha256);
  }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, NULL);
}


gboolean
cl_trust_meta_save (const ClTrustMeta  *meta,
                    const char         *list_dir,
                    GError            **error)
{
  g_autofree char *path = g_build_filename (list_dir, CL_TRUST_META_FILE, NULL);
  g_autofree char *text = meta_to_json (meta);

  return cl_atomic_file_set_contents (path, text, -1, 0644, error);
}
