/* cl-cbor-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <gio/gio.h>

#include "cl-cbor-util.h"
#include "cl-limits.h"

/* A walk over the encoded bytes with libcbor's streaming decoder, which builds nothing:
 * it counts the items and tracks how many each open container still expects, to bound
 * the item count and the nesting before cbor_load builds the tree. */
typedef enum {
  SCAN_OK,
  SCAN_TOO_MANY,
  SCAN_TOO_DEEP,
  SCAN_OVER_DECLARED,
} ScanVerdict;

typedef struct {
  gint64      remaining[CL_LIMIT_CBOR_DEPTH + 1];
  guint       depth;
  guint64     items;
  guint64     max_items;
  ScanVerdict verdict;
  /* libcbor allocates a definite array or map for its declared size before reading the
   * items: every item takes at least one byte, so the declared items of well-formed data
   * never add up to more than its length. More is refused before any allocation. */
  guint64     declared;
  guint64     len;
  guint64     top_items;   /* complete items at the outermost level */
  gboolean    indefinite;  /* an indefinite-length item or a break was seen */
} ItemScan;


/* Every item counts, containers, tags and string chunks included: libcbor builds one
 * cbor_item_t for each. */
static gboolean
count_item (ItemScan *scan)
{
  if (++scan->items > scan->max_items) {
    scan->verdict = SCAN_TOO_MANY;
    return FALSE;
  }
  return TRUE;
}


static void
item_done (ItemScan *scan)
{
  while (scan->depth > 0) {
    gint64 *top = &scan->remaining[scan->depth - 1];

    if (*top < 0)
      return;           /* indefinite: ends with a break */
    if (--(*top) > 0)
      return;
    scan->depth--;      /* the container is complete: an item of its parent */
  }
  scan->top_items++;
}


static void
leaf (ItemScan *scan)
{
  if (count_item (scan))
    item_done (scan);
}


static void
open_container (ItemScan *scan,
                gint64    items)
{
  if (!count_item (scan))
    return;
  if (items == 0) {
    item_done (scan);
    return;
  }
  if (items > 0) {
    scan->declared += (guint64) items;
    if (scan->declared > scan->len) {
      scan->verdict = SCAN_OVER_DECLARED;
      return;
    }
  }
  if (scan->depth >= CL_LIMIT_CBOR_DEPTH) {
    scan->verdict = SCAN_TOO_DEEP;
    return;
  }
  scan->remaining[scan->depth++] = items;
}


static void scan_u8 (void *c, uint8_t v) { leaf (c); }
static void scan_u16 (void *c, uint16_t v) { leaf (c); }
static void scan_u32 (void *c, uint32_t v) { leaf (c); }
static void scan_u64 (void *c, uint64_t v) { leaf (c); }
static void scan_str (void *c, cbor_data d, uint64_t l) { leaf (c); }
static void scan_f2 (void *c, float v) { leaf (c); }
static void scan_f8 (void *c, double v) { leaf (c); }
static void scan_simple (void *c) { leaf (c); }
static void scan_bool (void *c, bool v) { leaf (c); }
static void
scan_indef (void *c)
{
  ((ItemScan *) c)->indefinite = TRUE;
  open_container (c, -1);
}
static void scan_tag (void *c, uint64_t v) { open_container (c, 1); }

static void
scan_array (void    *c,
            uint64_t size)
{
  open_container (c, size > G_MAXINT32 ? G_MAXINT32 : (gint64) size);
}


static void
scan_map (void    *c,
          uint64_t size)
{
  open_container (c, size > G_MAXINT32 ? G_MAXINT32 : (gint64) size * 2);
}


static void
scan_break (void *c)
{
  ItemScan *scan = c;

  scan->indefinite = TRUE;
  if (scan->depth > 0 && scan->remaining[scan->depth - 1] < 0) {
    scan->depth--;
    item_done (scan);
  }
}


/* Malformed data passes (cbor_load reports it); the scan stops at the first limit. */
static ScanVerdict
scan_items (const guint8 *data,
            gsize         len,
            guint         max_items,
            guint64      *n_items,
            gboolean     *one_whole_item)
{
  struct cbor_callbacks cb = cbor_empty_callbacks;
  ItemScan scan = { .max_items = max_items, .verdict = SCAN_OK, .len = len };
  gsize pos = 0;

  cb.uint8 = scan_u8; cb.uint16 = scan_u16; cb.uint32 = scan_u32; cb.uint64 = scan_u64;
  cb.negint8 = scan_u8; cb.negint16 = scan_u16; cb.negint32 = scan_u32; cb.negint64 = scan_u64;
  cb.byte_string = scan_str; cb.string = scan_str;
  cb.byte_string_start = scan_indef; cb.string_start = scan_indef;
  cb.indef_array_start = scan_indef; cb.indef_map_start = scan_indef;
  cb.array_start = scan_array; cb.map_start = scan_map; cb.tag = scan_tag;
  cb.float2 = scan_f2; cb.float4 = scan_f2; cb.float8 = scan_f8;
  cb.undefined = scan_simple; cb.null = scan_simple; cb.boolean = scan_bool;
  cb.indef_break = scan_break;

  while (pos < len && scan.verdict == SCAN_OK) {
    struct cbor_decoder_result r = cbor_stream_decode (data + pos, len - pos, &cb, &scan);

    if (r.status != CBOR_DECODER_FINISHED || r.read == 0)
      break;
    pos += r.read;
  }
  if (n_items != NULL)
    *n_items = scan.items;
  /* Only definite lengths: what libcbor's builder checks about indefinite items (chunk
   * types, pairs in maps, where a break may stand) is left to it. */
  if (one_whole_item != NULL)
    *one_whole_item = pos == len && scan.depth == 0 && scan.top_items == 1 && !scan.indefinite;
  return scan.verdict;
}


/* TRUE for SCAN_OK; otherwise FALSE with the error that names the limit. */
static gboolean
verdict_ok (ScanVerdict   verdict,
            guint         max_items,
            GError      **error)
{
  switch (verdict) {
  case SCAN_TOO_MANY:
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                 _("The CBOR data holds more than %u items"), max_items);
    return FALSE;
  case SCAN_TOO_DEEP:
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                 _("The CBOR data is nested deeper than %d levels"), CL_LIMIT_CBOR_DEPTH);
    return FALSE;
  case SCAN_OVER_DECLARED:
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                         _("The CBOR data declares more items than it holds"));
    return FALSE;
  case SCAN_OK:
  default:
    return TRUE;
  }
}


static gboolean
within_limits (const guint8  *data,
               gsize          len,
               guint          max_items,
               GError       **error)
{
  return verdict_ok (scan_items (data, len, max_items, NULL, NULL), max_items, error);
}


gboolean
cl_cbor_count_items (const guint8 *data,
                     gsize         len,
                     guint         max_items,
                     guint        *n_items)
{
  guint64 items = 0;
  ScanVerdict verdict = scan_items (data, len, max_items, &items, NULL);

  *n_items = (guint) MIN (items, (guint64) max_items + 1);
  return verdict == SCAN_OK;
}


gboolean
cl_cbor_check (const guint8  *data,
               gsize          len,
               guint          max_items,
               GError       **error)
{
  gboolean one_whole_item = FALSE;
  ScanVerdict verdict = scan_items (data, len, max_items, NULL, &one_whole_item);
  g_autoptr(cbor_item_t) item = NULL;

  if (verdict == SCAN_OK && one_whole_item)
    return TRUE;
  if (verdict != SCAN_OK)
    return verdict_ok (verdict, max_items, error);
  /* Within the caps but not one definite item: libcbor says what is wrong, if anything. */
  item = cl_cbor_load_limited (data, len, max_items, error);
  return item != NULL;
}


cbor_item_t *
cl_cbor_load_limited (const guint8  *data,
                      gsize          len,
                      guint          max_items,
                      GError       **error)
{
  struct cbor_load_result result;
  cbor_item_t *item;

  if (len == 0) {
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("Empty CBOR data"));
    return NULL;
  }
  if (!within_limits (data, len, max_items, error))
    return NULL;
  item = cbor_load (data, len, &result);
  if (item == NULL || result.error.code != CBOR_ERR_NONE) {
    if (item != NULL)
      cbor_decref (&item);
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                 _("Malformed CBOR at byte %lu"), (gulong) ((gsize) result.error.position));
    return NULL;
  }
  if (result.read != len) {
    cbor_decref (&item);
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                 _("%lu unexpected bytes after the CBOR item"),
                 (gulong) (len - (gsize) result.read));
    return NULL;
  }
  return item;
}


cbor_item_t *
cl_cbor_load (const guint8  *data,
              gsize          len,
              GError       **error)
{
  return cl_cbor_load_limited (data, len, CL_LIMIT_CBOR_ITEMS, error);
}


static gboolean
string_equals (cbor_item_t *item,
               const char  *key)
{
  gsize klen = strlen (key);

  if (!cbor_isa_string (item) || !cbor_string_is_definite (item))
    return FALSE;
  return cbor_string_length (item) == klen &&
         memcmp (cbor_string_handle (item), key, klen) == 0;
}


cbor_item_t *
cl_cbor_map_get (cbor_item_t *map,
                 const char  *key)
{
  struct cbor_pair *pairs;
  gsize n;

  if (map == NULL || !cbor_isa_map (map))
    return NULL;
  pairs = cbor_map_handle (map);
  n = cbor_map_size (map);
  for (gsize i = 0; i < n; i++) {
    if (string_equals (pairs[i].key, key))
      return pairs[i].value;
  }
  return NULL;
}


cbor_item_t *
cl_cbor_map_get_int (cbor_item_t *map,
                     gint64       key)
{
  struct cbor_pair *pairs;
  gsize n;

  if (map == NULL || !cbor_isa_map (map))
    return NULL;
  pairs = cbor_map_handle (map);
  n = cbor_map_size (map);
  for (gsize i = 0; i < n; i++) {
    gint64 v;

    if (cl_cbor_get_int (pairs[i].key, &v) && v == key)
      return pairs[i].value;
  }
  return NULL;
}


char *
cl_cbor_dup_string (cbor_item_t *item)
{
  GString *s;

  if (item == NULL || !cbor_isa_string (item))
    return NULL;
  if (cbor_string_is_definite (item))
    s = g_string_new_len ((const char *) cbor_string_handle (item), cbor_string_length (item));
  else {
    cbor_item_t **chunks = cbor_string_chunks_handle (item);

    s = g_string_new (NULL);
    for (gsize i = 0; i < cbor_string_chunk_count (item); i++)
      g_string_append_len (s, (const char *) cbor_string_handle (chunks[i]),
                           cbor_string_length (chunks[i]));
  }
  if (memchr (s->str, 0, s->len) != NULL || !g_utf8_validate (s->str, s->len, NULL)) {
    g_string_free (s, TRUE);
    return NULL;
  }
  return g_string_free (s, FALSE);
}


char *
cl_cbor_map_dup_string (cbor_item_t *map,
                        const char  *key)
{
  return cl_cbor_dup_string (cl_cbor_map_get (map, key));
}


gboolean
cl_cbor_get_bytes (cbor_item_t   *item,
                   const guint8 **data,
                   gsize         *len)
{
  if (item == NULL || !cbor_isa_bytestring (item) || !cbor_bytestring_is_definite (item))
    return FALSE;
  *data = cbor_bytestring_handle (item);
  *len = cbor_bytestring_length (item);
  if (*data == NULL)
    *data = (const guint8 *) "";
  return TRUE;
}


GBytes *
cl_cbor_dup_bytes (cbor_item_t *item)
{
  const guint8 *data;
  gsize len;
  GByteArray *arr;
  cbor_item_t **chunks;

  if (cl_cbor_get_bytes (item, &data, &len))
    return g_bytes_new (data, len);
  if (item == NULL || !cbor_isa_bytestring (item))
    return NULL;
  arr = g_byte_array_new ();
  chunks = cbor_bytestring_chunks_handle (item);
  for (gsize i = 0; i < cbor_bytestring_chunk_count (item); i++)
    g_byte_array_append (arr, cbor_bytestring_handle (chunks[i]),
                         cbor_bytestring_length (chunks[i]));
  return g_byte_array_free_to_bytes (arr);
}


gboolean
cl_cbor_get_int (cbor_item_t *item,
                 gint64      *value)
{
  guint64 v;

  if (item == NULL || !cbor_is_int (item))
    return FALSE;
  v = cbor_get_int (item);
  if (v > G_MAXINT64)
    return FALSE;
  *value = cbor_isa_uint (item) ? (gint64) v : -1 - (gint64) v;
  return TRUE;
}


cbor_item_t *
cl_cbor_untag (cbor_item_t *item)
{
  while (item != NULL && cbor_isa_tag (item)) {
    cbor_item_t *inner = cbor_tag_item (item);   /* a new reference… */
    cbor_item_t *extra = inner;

    cbor_decref (&extra);                         /* …kept alive by the tag */
    item = inner;
  }
  return item;
}


static char *
key_to_string (cbor_item_t *key)
{
  gint64 v;
  char *s = cl_cbor_dup_string (key);

  if (s != NULL)
    return s;
  if (cl_cbor_get_int (key, &v))
    return g_strdup_printf ("%" G_GINT64_FORMAT, v);
  return NULL;
}


JsonNode *
cl_cbor_to_json (cbor_item_t *item)
{
  JsonNode *node;

  switch (cbor_typeof (item)) {
  case CBOR_TYPE_UINT:
    node = json_node_new (JSON_NODE_VALUE);
    if (cbor_get_int (item) > G_MAXINT64)
      json_node_set_double (node, (double) cbor_get_int (item));
    else
      json_node_set_int (node, (gint64) cbor_get_int (item));
    return node;
  case CBOR_TYPE_NEGINT:
    node = json_node_new (JSON_NODE_VALUE);
    if (cbor_get_int (item) > G_MAXINT64)
      json_node_set_double (node, -1.0 - (double) cbor_get_int (item));
    else
      json_node_set_int (node, -1 - (gint64) cbor_get_int (item));
    return node;
  case CBOR_TYPE_BYTESTRING: {
    g_autoptr(GBytes) bytes = cl_cbor_dup_bytes (item);
    gsize len;
    const guint8 *data = g_bytes_get_data (bytes, &len);
    g_autofree char *b64 = g_base64_encode (data, len);

    node = json_node_new (JSON_NODE_VALUE);
    json_node_set_string (node, b64);
    return node;
  }
  case CBOR_TYPE_STRING: {
    g_autofree char *s = cl_cbor_dup_string (item);

    node = json_node_new (JSON_NODE_VALUE);
    json_node_set_string (node, s != NULL ? s : "");
    return node;
  }
  case CBOR_TYPE_ARRAY: {
    JsonArray *array = json_array_new ();
    cbor_item_t **items = cbor_array_handle (item);

    for (gsize i = 0; i < cbor_array_size (item); i++)
      json_array_add_element (array, cl_cbor_to_json (items[i]));
    node = json_node_new (JSON_NODE_ARRAY);
    json_node_take_array (node, array);
    return node;
  }
  case CBOR_TYPE_MAP: {
    JsonObject *object = json_object_new ();
    struct cbor_pair *pairs = cbor_map_handle (item);

    for (gsize i = 0; i < cbor_map_size (item); i++) {
      g_autofree char *key = key_to_string (pairs[i].key);

      if (key != NULL)
        json_object_set_member (object, key, cl_cbor_to_json (pairs[i].value));
    }
    node = json_node_new (JSON_NODE_OBJECT);
    json_node_take_object (node, object);
    return node;
  }
  case CBOR_TYPE_TAG: {
    /* Tag 0 (RFC 3339 date) is already a string; other tags: their content. */
    g_autoptr(cbor_item_t) inner = cbor_tag_item (item);

    return cl_cbor_to_json (inner);
  }
  case CBOR_TYPE_FLOAT_CTRL:
    node = json_node_new (JSON_NODE_VALUE);
    if (cbor_float_ctrl_is_ctrl (item)) {
      if (cbor_is_bool (item))
        json_node_set_boolean (node, cbor_get_bool (item));
      else
        json_node_init_null (node);
    } else {
      json_node_set_double (node, cbor_float_get_float (item));
    }
    return node;
  default:
    return json_node_new (JSON_NODE_NULL);
  }
}
