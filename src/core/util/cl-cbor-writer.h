/* cl-cbor-writer.h: small helpers over libcbor for building the CBOR the signer
 * writes (minimal-width integers, maps with text keys, hashed URIs).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <cbor.h>

G_BEGIN_DECLS

/* An unsigned integer in preferred (shortest) encoding. */
cbor_item_t *cl_cbor_uint          (guint64       value);
/* A negative or positive integer in preferred encoding. */
cbor_item_t *cl_cbor_int           (gint64        value);
cbor_item_t *cl_cbor_tstr          (const char   *text);
cbor_item_t *cl_cbor_bstr          (const guint8 *data,
                                    gsize         len);
/* A bstr of len zero bytes (padding). */
cbor_item_t *cl_cbor_zeros         (gsize         len);

/* A definite-length map (or array) with room for up to 32 entries; only the
 * entries added are encoded. */
cbor_item_t *cl_cbor_map_new       (void);
cbor_item_t *cl_cbor_array_new     (void);
/* A definite-length array with room for exactly n entries. */
cbor_item_t *cl_cbor_array_new_sized (gsize n);

/* Adds key → value to a map from cl_cbor_map_new; takes ownership of value. */
void         cl_cbor_map_put       (cbor_item_t  *map,
                                    const char   *key,
                                    cbor_item_t  *value);
/* The same with an integer key (COSE headers). */
void         cl_cbor_map_put_int   (cbor_item_t  *map,
                                    gint64        key,
                                    cbor_item_t  *value);
/* Appends value to an array; takes ownership of value. */
void         cl_cbor_array_add     (cbor_item_t  *array,
                                    cbor_item_t  *value);

/* {"url": url, "hash": hash} — the hashed_uri of C2PA §8.3 (alg from the claim). */
cbor_item_t *cl_cbor_hashed_uri    (const char   *url,
                                    const guint8 *hash,
                                    gsize         hash_len);

/* Serialises item (definite lengths). Aborts only on out-of-memory like g_malloc. */
GBytes      *cl_cbor_encode        (cbor_item_t  *item);

/* Size in bytes of the head of a bstr/tstr of length len (1, 2, 3, 5 or 9). */
gsize        cl_cbor_head_size     (guint64       len);


G_END_DECLS
