/* cl-cbor-writer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cl-cbor-writer.h"

/* libcbor encodes definite containers with the number of entries actually added. */
#define CONTAINER_ROOM 32


static cbor_item_t *
check_alloc (cbor_item_t *item)
{
  if (item == NULL)
    g_error ("%s: out of memory", G_STRLOC);
  return item;
}


cbor_item_t *
cl_cbor_uint (guint64 value)
{
  if (value <= G_MAXUINT8)
    return check_alloc (cbor_build_uint8 ((guint8) value));
  if (value <= G_MAXUINT16)
    return check_alloc (cbor_build_uint16 ((guint16) value));
  if (value <= G_MAXUINT32)
    return check_alloc (cbor_build_uint32 ((guint32) value));
  return check_alloc (cbor_build_uint64 (value));
}


cbor_item_t *
cl_cbor_int (gint64 value)
{
  guint64 magnitude;
  cbor_item_t *item;

  if (value >= 0)
    return cl_cbor_uint ((guint64) value);
  /* CBOR stores -1 - n. */
  magnitude = (guint64) (-(value + 1));
  if (magnitude <= G_MAXUINT8)
    item = cbor_build_negint8 ((guint8) magnitude);
  else if (magnitude <= G_MAXUINT16)
    item = cbor_build_negint16 ((guint16) magnitude);
  else if (magnitude <= G_MAXUINT32)
    item = cbor_build_negint32 ((guint32) magnitude);
  else
    item = cbor_build_negint64 (magnitude);
  return check_alloc (item);
}


cbor_item_t *
cl_cbor_tstr (const char *text)
{
  return check_alloc (cbor_build_stringn (text, strlen (text)));
}


cbor_item_t *
cl_cbor_bstr (const guint8 *data,
              gsize         len)
{
  return check_alloc (cbor_build_bytestring (data, len));
}


cbor_item_t *
cl_cbor_zeros (gsize len)
{
  g_autofree guint8 *zeros = g_malloc0 (MAX (len, 1));

  return cl_cbor_bstr (zeros, len);
}


cbor_item_t *
cl_cbor_map_new (void)
{
  return check_alloc (cbor_new_definite_map (CONTAINER_ROOM));
}


cbor_item_t *
cl_cbor_array_new (void)
{
  return check_alloc (cbor_new_definite_array (CONTAINER_ROOM));
}


static void
map_put_item (cbor_item_t *map,
              cbor_item_t *key,
              cbor_item_t *value)
{
  g_assert (cbor_map_size (map) < CONTAINER_ROOM);
  if (!cbor_map_add (map, (struct cbor_pair) { .key = key, .value = value }))
    g_error ("%s: out of memory", G_STRLOC);
  cbor_decref (&key);
  cbor_decref (&value);
}


void
cl_cbor_map_put (cbor_item_t *map,
                 const char  *key,
                 cbor_item_t *value)
{
  map_put_item (map, cl_cbor_tstr (key), value);
}


void
cl_cbor_map_put_int (cbor_item_t *map,
                     gint64       key,
                     cbor_item_t *value)
{
  map_put_item (map, cl_cbor_int (key), value);
}


cbor_item_t *
cl_cbor_array_new_sized (gsize n)
{
  return check_alloc (cbor_new_definite_array (n));
}


void
cl_cbor_array_add (cbor_item_t *array,
                   cbor_item_t *value)
{
  /* Fails when the array is full: a programming error, never input-dependent. */
  if (!cbor_array_push (array, value))
    g_error ("%s: CBOR array full or out of memory", G_STRLOC);
  cbor_decref (&value);
}


cbor_item_t *
cl_cbor_hashed_uri (const char   *url,
                    const guint8 *hash,
                    gsize         hash_len)
{
  cbor_item_t *map = cl_cbor_map_new ();

  cl_cbor_map_put (map, "url", cl_cbor_tstr (url));
  cl_cbor_map_put (map, "hash", cl_cbor_bstr (hash, hash_len));
  return map;
}


GBytes *
cl_cbor_encode (cbor_item_t *item)
{
  unsigned char *buffer = NULL;
  gsize buffer_size = 0;
  gsize written;
  GBytes *bytes;

  written = cbor_serialize_alloc (item, &buffer, &buffer_size);
  if (written == 0)
    g_error ("%s: CBOR serialisation failed", G_STRLOC);
  /* libcbor allocates with malloc: copy into memory GLib owns. */
  bytes = g_bytes_new (buffer, written);
  free (buffer);
  return bytes;
}


gsize
cl_cbor_head_size (guint64 len)
{
  if (len < 24)
    return 1;
  if (len <= G_MAXUINT8)
    return 2;
  if (len <= G_MAXUINT16)
    return 3;
  if (len <= G_MAXUINT32)
    return 5;
  return 9;
}
