/* cl-cbor-util.h: safe access to libcbor items and the CBOR → JSON conversion the
 * report uses (byte strings → base64, tag 0 dates → strings, like c2pa-rs).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cbor.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Decodes exactly one well-formed CBOR item spanning all of data, or NULL with
 * G_IO_ERROR_INVALID_DATA naming what is wrong. Every decoding of untrusted data goes
 * through here: before libcbor builds anything, the encoded items are counted, and more
 * than max_items, or nesting deeper than CL_LIMIT_CBOR_DEPTH (cl-limits.h), is refused
 * with a message naming the limit. */
cbor_item_t  *cl_cbor_load_limited      (const guint8  *data,
                                         gsize          len,
                                         guint          max_items,
                                         GError       **error);
/* Counts the items of data (as libcbor would build them) without building them, stopping
 * past max_items: FALSE when there are more, or the nesting is too deep; *n_items is the
 * count (at most max_items + 1). Malformed data counts what precedes the fault. */
gboolean      cl_cbor_count_items       (const guint8  *data,
                                         gsize          len,
                                         guint          max_items,
                                         guint         *n_items);
/* TRUE when cl_cbor_load_limited would accept data, checked without building it for
 * definite-length data within the caps (the common case); otherwise FALSE with the error
 * cl_cbor_load_limited would give (it decodes only what the scan cannot judge). */
gboolean      cl_cbor_check             (const guint8  *data,
                                         gsize          len,
                                         guint          max_items,
                                         GError       **error);
/* The same with the general cap, CL_LIMIT_CBOR_ITEMS. */
cbor_item_t  *cl_cbor_load              (const guint8  *data,
                                         gsize          len,
                                         GError       **error);
/* A borrowed value of a map under a text key, or NULL. Safe on non-maps. */
cbor_item_t  *cl_cbor_map_get           (cbor_item_t   *map,
                                         const char    *key);
/* A borrowed value of a map under an integer key, or NULL. */
cbor_item_t  *cl_cbor_map_get_int       (cbor_item_t   *map,
                                         gint64         key);
/* A new string from a text string item (definite or chunked), NULL otherwise. */
char         *cl_cbor_dup_string        (cbor_item_t   *item);
/* The text of map[key] or NULL. */
char         *cl_cbor_map_dup_string    (cbor_item_t   *map,
                                         const char    *key);
/* The bytes of a definite byte string; FALSE for anything else. */
gboolean      cl_cbor_get_bytes         (cbor_item_t   *item,
                                         const guint8 **data,
                                         gsize         *len);
/* A byte string (definite or chunked) as GBytes, or NULL. */
GBytes       *cl_cbor_dup_bytes         (cbor_item_t   *item);
/* An integer item (unsigned or negative) as gint64; FALSE otherwise or out of range. */
gboolean      cl_cbor_get_int           (cbor_item_t   *item,
                                         gint64        *value);
/* Skips any tags around item. */
cbor_item_t  *cl_cbor_untag             (cbor_item_t   *item);

JsonNode     *cl_cbor_to_json           (cbor_item_t   *item);

/* cbor_decref() takes the address of the pointer; this takes the pointer. */
static inline void
cl_cbor_item_unref (cbor_item_t *item)
{
  cbor_decref (&item);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (cbor_item_t, cl_cbor_item_unref)

G_END_DECLS
