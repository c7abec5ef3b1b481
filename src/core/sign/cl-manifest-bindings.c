/* cl-manifest-bindings.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cl-asset-bmff-writer.h"
#include "cl-bmff-tree.h"
#include "cl-cbor-writer.h"
#include "cl-manifest-bindings.h"

#define SHA256_LEN 32


cbor_item_t *
cl_manifest_data_hash_new (const ClByteRange *exclusion,
                           const guint8      *data_hash)
{
  cbor_item_t *assertion = cl_cbor_map_new ();
  cbor_item_t *exclusions = cl_cbor_array_new ();
  cbor_item_t *range = cl_cbor_map_new ();

  g_assert (exclusion->start <= G_MAXUINT32 && exclusion->length <= G_MAXUINT32);
  /* Fixed 32-bit width (C2PA 2.2 §10.4.2): the placeholder and the final
   * assertion have the same size whatever the values. */
  cl_cbor_map_put (range, "start", cbor_build_uint32 ((guint32) exclusion->start));
  cl_cbor_map_put (range, "length", cbor_build_uint32 ((guint32) exclusion->length));
  cl_cbor_array_add (exclusions, range);
  cl_cbor_map_put (assertion, "exclusions", exclusions);
  cl_cbor_map_put (assertion, "name", cl_cbor_tstr ("jumbf manifest"));
  cl_cbor_map_put (assertion, "alg", cl_cbor_tstr ("sha256"));
  cl_cbor_map_put (assertion, "hash", cl_cbor_bstr (data_hash, SHA256_LEN));
  cl_cbor_map_put (assertion, "pad", cl_cbor_zeros (0));
  return assertion;
}


static cbor_item_t *
bmff_exclusion (const char *xpath)
{
  cbor_item_t *exclusion = cl_cbor_map_new ();

  cl_cbor_map_put (exclusion, "xpath", cl_cbor_tstr (xpath));
  return exclusion;
}


/* The exclusions c2pa-rs 0.91 writes for a HEIF image: the C2PA uuid box (its extended
 * type at byte 8) and the boxes of CL_BMFF_SIGN_EXCLUDED_TYPES, whole. */
cbor_item_t *
cl_manifest_bmff_hash_new (const guint8 *bmff_hash)
{
  static const guint8 c2pa_uuid[16] = CL_BMFF_C2PA_UUID;
  const char *types = CL_BMFF_SIGN_EXCLUDED_TYPES;
  cbor_item_t *assertion = cl_cbor_map_new ();
  cbor_item_t *exclusions = cl_cbor_array_new ();
  cbor_item_t *uuid = bmff_exclusion ("/uuid");
  cbor_item_t *data = cl_cbor_array_new ();
  cbor_item_t *match = cl_cbor_map_new ();

  cl_cbor_map_put (match, "offset", cbor_build_uint8 (8));
  cl_cbor_map_put (match, "value", cl_cbor_bstr (c2pa_uuid, sizeof c2pa_uuid));
  cl_cbor_array_add (data, match);
  cl_cbor_map_put (uuid, "data", data);
  cl_cbor_array_add (exclusions, uuid);
  for (gsize i = 0; types[i] != '\0'; i += 4) {
    g_autofree char *xpath = g_strdup_printf ("/%.4s", types + i);

    cl_cbor_array_add (exclusions, bmff_exclusion (xpath));
  }
  cl_cbor_map_put (assertion, "exclusions", exclusions);
  cl_cbor_map_put (assertion, "alg", cl_cbor_tstr ("sha256"));
  cl_cbor_map_put (assertion, "hash", cl_cbor_bstr (bmff_hash, SHA256_LEN));
  cl_cbor_map_put (assertion, "name", cl_cbor_tstr ("jumbf manifest"));
  return assertion;
}
