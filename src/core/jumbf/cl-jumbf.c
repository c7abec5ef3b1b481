/* cl-jumbf.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "cl-c2pa-ids.h"
#include "cl-error.h"
#include "cl-jumbf.h"

#define URI_PREFIX "self#jumbf="

/* Superboxes with more children than this are searched by label through an index. */
#define LABEL_INDEX_MIN_CHILDREN 16

/* The index's value for a label that more than one child carries. */
static char ambiguous_label;


static guint32
read_u32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}


static guint64
read_u64 (const guint8 *p)
{
  return ((guint64) read_u32 (p) << 32) | read_u32 (p + 4);
}


/* Reads the box header at pos; the box must end at or before end. */
static gboolean
read_box_header (const guint8  *data,
                 gsize          pos,
                 gsize          end,
                 guint32       *type,
                 gsize         *header_len,
                 gsize         *total_len,
                 GError       **error)
{
  guint64 lbox;

  if (end - pos < 8) {
    g_set_error (error, CL_JUMBF_ERROR, CL_JUMBF_ERROR_MALFORMED,
                 _("Truncated box header at offset %lu"), (gulong) pos);
    return FALSE;
  }
  lbox = read_u32 (data + pos);
  *type = read_u32 (data + pos + 4);
  *header_len = 8;
  if (lbox == 1) {
    if (end - pos < 16) {
      g_set_error (error, CL_JUMBF_ERROR, CL_JUMBF_ERROR_MALFORMED,
                   _("Truncated extended box header at offset %lu"), (gulong) pos);
      return FALSE;
    }
    lbox = read_u64 (data + pos + 8);
    *header_len = 16;
  } else if (lbox == 0) {
    /* Extends to the end of the container. */
    lbox = end - pos;
  }
  if (lbox < *header_len || lbox > end - pos) {
    g_set_error (error, CL_JUMBF_ERROR, CL_JUMBF_ERROR_MALFORMED,
                 _("A box at offset %lu claims %llu"
                   " bytes but its container leaves %lu"),
                 (gulong) pos, (unsigned long long) lbox, (gulong) (end - pos));
    return FALSE;
  }
  *total_len = (gsize) lbox;
  return TRUE;
}


static ClJumbfBox *
box_new (GBytes  *bytes,
         guint32  type,
         gsize    offset,
         gsize    header_len,
         gsize    total_len)
{
  ClJumbfBox *box = g_new0 (ClJumbfBox, 1);

  box->type = type;
  box->offset = offset;
  box->header_len = header_len;
  box->total_len = total_len;
  box->bytes = g_bytes_ref (bytes);
  return box;
}


void
cl_jumbf_box_free (ClJumbfBox *box)
{
  if (box == NULL)
    return;
  g_clear_pointer (&box->label_index, g_hash_table_unref);
  g_clear_pointer (&box->children, g_ptr_array_unref);
  g_free (box->label);
  g_bytes_unref (box->bytes);
  g_free (box);
}


static gboolean
parse_description (ClJumbfBox    *box,
                   const guint8  *data,
                   gsize          pos,
                   gsize          end,
                   GError       **error)
{
  gsize start = pos;

  if (end - pos < 17) {
    g_set_error (error, CL_JUMBF_ERROR, CL_JUMBF_ERROR_MALFORMED,
                 _("The description box at offset %lu is too short"), (gulong) pos);
    return FALSE;
  }
  memcpy (box->uuid, data + pos, 16);
  box->toggles = data[pos + 16];
  pos += 17;

  if (box->toggles & CL_JUMD_LABEL) {
    const guint8 *nul = memchr (data + pos, 0, end - pos);

    if (nul == NULL) {
      g_set_error (error, CL_JUMBF_ERROR, CL_JUMBF_ERROR_MALFORMED,
                   _("The label at offset %lu is not terminated"), (gulong) pos);
      return FALSE;
    }
    if (!g_utf8_validate ((const char *) data + pos, nul - (data + pos), NULL)) {
      g_set_error (error, CL_JUMBF_ERROR, CL_JUMBF_ERROR_MALFORMED,
                   _("The label at offset %lu is not UTF-8"), (gulong) pos);
      return FALSE;
    }
    box->label = g_strndup ((const char *) data + pos, nul - (data + pos));
    pos = (nul - data) + 1;
  }
  if (box->toggles & CL_JUMD_ID) {
    if (end - pos < 4)
      goto truncated;
    box->id = read_u32 (data + pos);
    box->has_id = TRUE;
    pos += 4;
  }
  if (box->toggles & CL_JUMD_SIGNATURE) {
    if (end - pos < 32)
      goto truncated;
    pos += 32;
  }
  if (box->toggles & CL_JUMD_PRIVATE) {
    guint32 type;
    gsize hdr, total;

    if (!read_box_header (data, pos, end, &type, &hdr, &total, error))
      return FALSE;
    if (type == CL_BOX_C2SH) {
      box->salt_offset = pos + hdr;
      box->salt_len = total - hdr;
    }
    pos += total;
  }
  if (pos != end) {
    g_set_error (error, CL_JUMBF_ERROR, CL_JUMBF_ERROR_MALFORMED,
                 _("The description box at offset %lu"
                   " has %lu unexpected trailing bytes"),
                 (gulong) start, (gulong) (end - pos));
    return FALSE;
  }
  return TRUE;

truncated:
  g_set_error (error, CL_JUMBF_ERROR, CL_JUMBF_ERROR_MALFORMED,
               _("The description box at offset %lu is truncated"), (gulong) start);
  return FALSE;
}


/* Every box the parser keeps takes memory, an empty one as much as any: each counts
 * against the cap before it is allocated. */
static gboolean
count_box (guint   *n_boxes,
           gsize    offset,
           GError **error)
{
  if (++*n_boxes <= CL_LIMIT_JUMBF_BOXES)
    return TRUE;
  g_set_error (error, CL_JUMBF_ERROR, CL_JUMBF_ERROR_MALFORMED,
               _("The manifest store holds more than %d boxes (at offset %lu)"),
               CL_LIMIT_JUMBF_BOXES, (gulong) offset);
  return FALSE;
}


static gboolean
parse_superbox (ClJumbfBox  *box,
                guint        depth,
                guint       *n_boxes,
                GError     **error)
{
  const guint8 *data = g_bytes_get_data (box->bytes, NULL);
  gsize pos = box->offset + box->header_len;
  gsize end = box->offset + box->total_len;
  guint32 type;
  gsize hdr, total;

  if (depth >= CL_LIMIT_JUMBF_DEPTH) {
    g_set_error (error, CL_JUMBF_ERROR, CL_JUMBF_ERROR_TOO_DEEP,
                 _("Boxes are nested too deeply at offset %lu"), (gulong) box->offset);
    return FALSE;
  }
  if (!read_box_header (data, pos, end, &type, &hdr, &total, error))
    return FALSE;
  if (type != CL_BOX_JUMD) {
    g_set_error (error, CL_JUMBF_ERROR, CL_JUMBF_ERROR_MALFORMED,
                 _("The superbox at offset %lu"
                   " does not start with a description box"), (gulong) box->offset);
    return FALSE;
  }
  if (!parse_description (box, data, pos + hdr, pos + total, error))
    return FALSE;
  pos += total;

  box->children = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_jumbf_box_free);
  while (pos < end) {
    ClJumbfBox *child;

    if (!read_box_header (data, pos, end, &type, &hdr, &total, error) ||
        !count_box (n_boxes, pos, error))
      return FALSE;
    child = box_new (box->bytes, type, pos, hdr, total);
    child->parent = box;
    g_ptr_array_add (box->children, child);
    if (type == CL_BOX_JUMB && !parse_superbox (child, depth + 1, n_boxes, error))
      return FALSE;
    pos += total;
  }
  return TRUE;
}


ClJumbfBox *
cl_jumbf_parse (GBytes  *store,
                GError **error)
{
  g_autoptr(ClJumbfBox) root = NULL;
  gsize len;
  const guint8 *data = g_bytes_get_data (store, &len);
  guint n_boxes = 1;   /* the root */
  guint32 type;
  gsize hdr, total;

  if (!read_box_header (data, 0, len, &type, &hdr, &total, error))
    return NULL;
  if (type != CL_BOX_JUMB) {
    g_set_error (error, CL_JUMBF_ERROR, CL_JUMBF_ERROR_MALFORMED,
                 _("The manifest store does not start with a JUMBF superbox"));
    return NULL;
  }
  if (total != len) {
    g_set_error (error, CL_JUMBF_ERROR, CL_JUMBF_ERROR_MALFORMED,
                 _("The manifest store is %lu bytes but its box says %lu"),
                 (gulong) len, (gulong) total);
    return NULL;
  }
  root = box_new (store, type, 0, hdr, total);
  if (!parse_superbox (root, 0, &n_boxes, error))
    return NULL;
  return g_steal_pointer (&root);
}


gboolean
cl_jumbf_box_is_superbox (const ClJumbfBox *box)
{
  return box->children != NULL;
}


gboolean
cl_jumbf_box_has_uuid (const ClJumbfBox *box,
                       const guint8      uuid[16])
{
  return box->children != NULL && memcmp (box->uuid, uuid, 16) == 0;
}


const guint8 *
cl_jumbf_box_payload (const ClJumbfBox *box,
                      gsize            *len)
{
  const guint8 *data = g_bytes_get_data (box->bytes, NULL);

  *len = box->total_len - box->header_len;
  return data + box->offset + box->header_len;
}


const guint8 *
cl_jumbf_box_raw (const ClJumbfBox *box,
                  gsize            *len)
{
  const guint8 *data = g_bytes_get_data (box->bytes, NULL);

  *len = box->total_len;
  return data + box->offset;
}


ClJumbfBox *
cl_jumbf_box_find_child_type (const ClJumbfBox *box,
                              guint32           type)
{
  if (box->children == NULL)
    return NULL;
  for (guint i = 0; i < box->children->len; i++) {
    ClJumbfBox *child = g_ptr_array_index (box->children, i);

    if (child->type == type)
      return child;
  }
  return NULL;
}


guint
cl_jumbf_box_count (const ClJumbfBox *box)
{
  guint n = 1;

  if (box->children != NULL)
    for (guint i = 0; i < box->children->len; i++)
      n += cl_jumbf_box_count (g_ptr_array_index (box->children, i));
  return n;
}


void
cl_jumbf_box_replace_child (ClJumbfBox *box,
                            guint       index,
                            ClJumbfBox *child)
{
  g_return_if_fail (index < box->children->len);
  cl_jumbf_box_free (g_ptr_array_index (box->children, index));
  box->children->pdata[index] = child;
  child->parent = box;
  g_clear_pointer (&box->label_index, g_hash_table_unref);
}


static ClJumbfBox *
scan_child_label (const ClJumbfBox *box,
                  const char       *label)
{
  ClJumbfBox *found = NULL;

  for (guint i = 0; i < box->children->len; i++) {
    ClJumbfBox *child = g_ptr_array_index (box->children, i);

    if (child->label != NULL && g_str_equal (child->label, label)) {
      if (found != NULL)
        return NULL;   /* ambiguous */
      found = child;
    }
  }
  return found;
}


/* The label index of a superbox, built once. Boxes of one store may be read from several
 * threads: whoever builds it first publishes it, a slower builder drops its own. */
static GHashTable *
label_index (ClJumbfBox *box)
{
  GHashTable *index = g_atomic_pointer_get (&box->label_index);

  if (index != NULL)
    return index;
  index = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < box->children->len; i++) {
    ClJumbfBox *child = g_ptr_array_index (box->children, i);

    if (child->label == NULL)
      continue;
    if (g_hash_table_contains (index, child->label))
      g_hash_table_insert (index, child->label, &ambiguous_label);
    else
      g_hash_table_insert (index, child->label, child);
  }
  if (!g_atomic_pointer_compare_and_exchange (&box->label_index, NULL, index)) {
    g_hash_table_unref (index);
    index = g_atomic_pointer_get (&box->label_index);
  }
  return index;
}


ClJumbfBox *
cl_jumbf_box_find_child_label (const ClJumbfBox *box,
                               const char       *label)
{
  gpointer found;

  if (box->children == NULL)
    return NULL;
  if (box->children->len < LABEL_INDEX_MIN_CHILDREN)
    return scan_child_label (box, label);
  /* The index is a cache: building it does not change what the box holds. */
  found = g_hash_table_lookup (label_index ((ClJumbfBox *) box), label);
  return found == &ambiguous_label ? NULL : found;
}


char *
cl_jumbf_box_uri (const ClJumbfBox *box)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  GString *uri = g_string_new (URI_PREFIX);

  for (const ClJumbfBox *b = box; b != NULL; b = b->parent)
    g_ptr_array_insert (parts, 0, b->label != NULL ? b->label : (char *) "");
  for (guint i = 0; i < parts->len; i++) {
    g_string_append_c (uri, '/');
    g_string_append (uri, g_ptr_array_index (parts, i));
  }
  return g_string_free (uri, FALSE);
}


char *
cl_jumbf_uri_path (const char *uri)
{
  const char *path;

  if (uri == NULL || !g_str_has_prefix (uri, URI_PREFIX))
    return NULL;
  path = uri + strlen (URI_PREFIX);
  /* Legacy 1.x files wrote "self#jumbf=c2pa/urn:uuid:…" for absolute paths. */
  if (g_str_has_prefix (path, "c2pa/") || g_str_equal (path, "c2pa"))
    return g_strconcat ("/", path, NULL);
  return g_strdup (path);
}


char *
cl_jumbf_uri_manifest_label (const char *uri)
{
  g_autofree char *path = cl_jumbf_uri_path (uri);
  g_auto(GStrv) parts = NULL;

  if (path == NULL || path[0] != '/')
    return NULL;
  parts = g_strsplit (path + 1, "/", 3);
  if (parts[0] == NULL || parts[1] == NULL || parts[1][0] == '\0')
    return NULL;
  return g_strdup (parts[1]);
}


char *
cl_jumbf_uri_last_segment (const char *uri)
{
  g_autofree char *path = cl_jumbf_uri_path (uri);
  const char *slash;

  if (path == NULL)
    return NULL;
  slash = strrchr (path, '/');
  return g_strdup (slash != NULL ? slash + 1 : path);
}


char *
cl_jumbf_uri_make_absolute (const char *manifest_label,
                            const char *uri)
{
  g_autofree char *path = cl_jumbf_uri_path (uri);

  /* An absolute URI stays as written, the legacy "self#jumbf=c2pa/…" too: c2pa-rs reports
   * it so. */
  if (path == NULL || path[0] == '/')
    return g_strdup (uri);
  return g_strdup_printf (URI_PREFIX "/c2pa/%s/%s", manifest_label, path);
}


ClJumbfBox *
cl_jumbf_resolve_uri (ClJumbfBox *root,
                      ClJumbfBox *current_manifest,
                      const char *uri)
{
  g_autofree char *path = cl_jumbf_uri_path (uri);
  g_auto(GStrv) parts = NULL;
  ClJumbfBox *box;
  guint i = 0;

  if (path == NULL || path[0] == '\0')
    return NULL;
  if (path[0] == '/') {
    parts = g_strsplit (path + 1, "/", -1);
    if (parts[0] == NULL || root->label == NULL || !g_str_equal (parts[0], root->label))
      return NULL;
    box = root;
    i = 1;
  } else {
    if (current_manifest == NULL)
      return NULL;
    parts = g_strsplit (path, "/", -1);
    box = current_manifest;
  }
  for (; parts[i] != NULL; i++) {
    /* ".." is forbidden and empty segments name nothing. */
    if (parts[i][0] == '\0' || g_str_equal (parts[i], ".."))
      return NULL;
    box = cl_jumbf_box_find_child_label (box, parts[i]);
    if (box == NULL)
      return NULL;
  }
  return box;
}
