/* fuzz-bmff.c: the ISO BMFF reader (box walk, C2PA and XMP uuid boxes, brands) and the
 * BMFF hash check on any bytes: exclusions by path with subsets, data and flags, box
 * offsets, and a Merkle map with an initialization hash over fragments and their merkle
 * boxes. The check is fed whole and in small pieces and must give the same answer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>

#include "cl-asset.h"
#include "cl-bmff-hash.h"
#include "cl-cbor-util.h"
#include "cl-cbor-writer.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);


static cbor_item_t *
exclusion (const char *xpath,
           guint64     subset_offset,
           gboolean    flags)
{
  cbor_item_t *e = cl_cbor_map_new ();

  cl_cbor_map_put (e, "xpath", cl_cbor_tstr (xpath));
  if (subset_offset > 0) {
    cbor_item_t *subsets = cl_cbor_array_new ();
    cbor_item_t *s = cl_cbor_map_new ();

    cl_cbor_map_put (s, "offset", cl_cbor_uint (subset_offset));
    cl_cbor_map_put (s, "length", cl_cbor_uint (0));
    cl_cbor_array_add (subsets, s);
    cl_cbor_map_put (e, "subset", subsets);
  }
  if (flags)
    cl_cbor_map_put (e, "flags", cl_cbor_bstr ((const guint8 *) "\1\0\0", 3));
  return e;
}


/* What c2pa-rs writes, plus subsets, flags and a Merkle map. */
static ClBmffHash *
make_hash (void)
{
  static const guint8 c2pa_uuid[16] = {
    0xD8, 0xFE, 0xC3, 0xD6, 0x1B, 0x0E, 0x48, 0x3C, 0x92, 0x97, 0x58, 0x28, 0x87, 0x7E, 0xC4, 0x81
  };
  g_autoptr(cbor_item_t) assertion = cl_cbor_map_new ();
  cbor_item_t *exclusions = cl_cbor_array_new ();
  cbor_item_t *uuid = exclusion ("/uuid", 0, FALSE);
  cbor_item_t *data = cl_cbor_array_new ();
  cbor_item_t *match = cl_cbor_map_new ();
  cbor_item_t *maps = cl_cbor_array_new ();
  cbor_item_t *map = cl_cbor_map_new ();
  cbor_item_t *hashes = cl_cbor_array_new ();
  char *why = NULL;
  ClBmffHash *hash;

  cl_cbor_map_put (match, "offset", cl_cbor_uint (8));
  cl_cbor_map_put (match, "value", cl_cbor_bstr (c2pa_uuid, 16));
  cl_cbor_array_add (data, match);
  cl_cbor_map_put (uuid, "data", data);
  cl_cbor_array_add (exclusions, uuid);
  cl_cbor_array_add (exclusions, exclusion ("/ftyp", 0, FALSE));
  cl_cbor_array_add (exclusions, exclusion ("/moov/trak/mdia/minf/stbl/stco", 16, FALSE));
  cl_cbor_array_add (exclusions, exclusion ("/moof/traf/tfhd", 16, TRUE));
  cl_cbor_array_add (exclusions, exclusion ("/meta[1]/iloc", 0, FALSE));
  cl_cbor_map_put (assertion, "exclusions", exclusions);
  cl_cbor_map_put (assertion, "alg", cl_cbor_tstr ("sha256"));
  cl_cbor_map_put (assertion, "hash", cl_cbor_zeros (32));
  cl_cbor_array_add (hashes, cl_cbor_zeros (32));
  cl_cbor_map_put (map, "uniqueId", cl_cbor_uint (1));
  cl_cbor_map_put (map, "localId", cl_cbor_uint (1));
  cl_cbor_map_put (map, "count", cl_cbor_uint (1));
  cl_cbor_map_put (map, "initHash", cl_cbor_zeros (32));
  cl_cbor_map_put (map, "hashes", hashes);
  cl_cbor_array_add (maps, map);
  cl_cbor_map_put (assertion, "merkle", maps);
  hash = cl_bmff_hash_parse (assertion, 3, &why);
  g_assert_null (why);
  return hash;
}


static gboolean
check (const ClBmffHash *hash,
       const guint8     *data,
       gsize             size,
       gsize             piece,
       char            **why)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (data, size, NULL);
  g_autoptr(ClBmffHashCheck) check = cl_bmff_hash_check_new (hash, stream, size, NULL, NULL);

  for (gsize offset = 0; offset < size; offset += piece)
    cl_bmff_hash_check_consume (check, offset, data + offset, MIN (piece, size - offset));
  return cl_bmff_hash_check_finish (check, why);
}


int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  static ClBmffHash *hash;
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (data, size, NULL);
  g_autoptr(ClAssetInfo) info = cl_asset_read (stream, NULL, NULL);
  g_autofree char *why_whole = NULL, *why_pieces = NULL;

  if (info != NULL && info->store != NULL)
    g_assert_cmpuint (g_bytes_get_size (info->store), <=, size);
  if (info == NULL || info->format != CL_ASSET_FORMAT_BMFF)
    return 0;
  if (hash == NULL)
    hash = make_hash ();
  g_assert_true (check (hash, data, size, size > 0 ? size : 1, &why_whole) ==
                 check (hash, data, size, 7, &why_pieces));
  g_assert_cmpstr (why_whole, ==, why_pieces);
  return 0;
}
