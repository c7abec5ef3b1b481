/* cl-bmff-hash.c: the BMFF hash assertion, read as c2pa-rs 0.91 reads it (bmff_hash.rs):
 * what a field holds is checked here, and the assertion's own rules (exclusions present,
 * subsets in order and apart) give assertion.bmffHash.malformed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cl-bmff-hash-private.h"
#include "cl-cbor-util.h"
#include "cl-limits.h"


static void
exclusion_free (gpointer data)
{
  ClBmffExclusion *e = data;

  g_free (e->xpath);
  for (guint i = 0; e->data != NULL && i < e->data->len; i++)
    g_bytes_unref (g_array_index (e->data, ClBmffDataMatch, i).value);
  g_clear_pointer (&e->data, g_array_unref);
  g_clear_pointer (&e->subsets, g_array_unref);
  g_free (e);
}


static void
merkle_map_free (gpointer data)
{
  ClBmffMerkleMap *m = data;

  g_free (m->alg);
  g_clear_pointer (&m->init_hash, g_bytes_unref);
  g_clear_pointer (&m->hashes, g_ptr_array_unref);
  g_clear_pointer (&m->variable_block_sizes, g_array_unref);
  g_free (m);
}


void
cl_bmff_hash_free (ClBmffHash *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->exclusions, g_ptr_array_unref);
  g_free (self->alg);
  g_clear_pointer (&self->hash, g_bytes_unref);
  g_clear_pointer (&self->merkle, g_ptr_array_unref);
  g_free (self);
}


guint
cl_bmff_hash_exclusion_count (const ClBmffHash *self)
{
  return self->exclusions->len;
}


/* A field of the map; null is absent (serde reads an optional null as None). */
static cbor_item_t *
field (cbor_item_t *map,
       const char  *key)
{
  cbor_item_t *item = cl_cbor_map_get (map, key);

  if (item != NULL && cbor_isa_float_ctrl (item) && cbor_is_null (item))
    return NULL;
  return item;
}


/* An unsigned integer field; absent is fine when optional. */
static gboolean
get_uint (cbor_item_t *map,
          const char  *key,
          gboolean     optional,
          gboolean    *present,
          guint64     *value)
{
  cbor_item_t *item = field (map, key);
  gint64 v;

  if (present != NULL)
    *present = item != NULL;
  if (item == NULL)
    return optional;
  if (!cl_cbor_get_int (item, &v) || v < 0)
    return FALSE;
  *value = (guint64) v;
  return TRUE;
}


static GPtrArray *
parse_byte_strings (cbor_item_t *array,
                    guint        max)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);

  if (array == NULL || !cbor_isa_array (array) || cbor_array_size (array) > max)
    return NULL;
  for (gsize i = 0; i < cbor_array_size (array); i++) {
    GBytes *b = cl_cbor_dup_bytes (cbor_array_handle (array)[i]);

    if (b == NULL)
      return NULL;
    g_ptr_array_add (out, b);
  }
  return g_steal_pointer (&out);
}


static gboolean
parse_data_and_subsets (cbor_item_t     *map,
                        ClBmffExclusion *e)
{
  cbor_item_t *data = field (map, "data");
  cbor_item_t *subset = field (map, "subset");

  if (data != NULL) {
    if (!cbor_isa_array (data))
      return FALSE;
    e->data = g_array_new (FALSE, FALSE, sizeof (ClBmffDataMatch));
    for (gsize i = 0; i < cbor_array_size (data); i++) {
      ClBmffDataMatch m = { 0, NULL };

      if (!get_uint (cbor_array_handle (data)[i], "offset", FALSE, NULL, &m.offset) ||
          (m.value = cl_cbor_dup_bytes (field (cbor_array_handle (data)[i],
                                                         "value"))) == NULL)
        return FALSE;
      g_array_append_val (e->data, m);
    }
  }
  if (subset != NULL) {
    if (!cbor_isa_array (subset))
      return FALSE;
    e->subsets = g_array_new (FALSE, FALSE, sizeof (ClBmffSubset));
    for (gsize i = 0; i < cbor_array_size (subset); i++) {
      ClBmffSubset s;

      if (!get_uint (cbor_array_handle (subset)[i], "offset", FALSE, NULL, &s.offset) ||
          !get_uint (cbor_array_handle (subset)[i], "length", FALSE, NULL, &s.length))
        return FALSE;
      g_array_append_val (e->subsets, s);
    }
  }
  return TRUE;
}


static ClBmffExclusion *
parse_exclusion (cbor_item_t *map)
{
  ClBmffExclusion *e = g_new0 (ClBmffExclusion, 1);
  cbor_item_t *flags = field (map, "flags");
  cbor_item_t *exact = field (map, "exact");
  guint64 version = 0;
  gboolean ok;

  e->exact = TRUE;
  e->xpath = cl_cbor_map_dup_string (map, "xpath");
  ok = e->xpath != NULL &&
       get_uint (map, "length", TRUE, &e->has_length, &e->length) &&
       get_uint (map, "version", TRUE, &e->has_version, &version) && version <= 255 &&
       parse_data_and_subsets (map, e);
  e->version = (guint8) version;
  if (ok && flags != NULL) {
    g_autoptr(GBytes) bytes = cl_cbor_dup_bytes (flags);
    const guint8 *p = bytes != NULL ? g_bytes_get_data (bytes, NULL) : NULL;

    ok = bytes != NULL;
    e->has_flags = TRUE;
    /* c2pa-rs takes the first three bytes, and no flags when there are fewer. */
    if (ok && g_bytes_get_size (bytes) >= 3)
      e->flags = ((guint32) p[0] << 16) | ((guint32) p[1] << 8) | p[2];
  }
  if (ok && exact != NULL) {
    ok = cbor_isa_float_ctrl (exact) && cbor_is_bool (exact);
    e->exact = ok && cbor_get_bool (exact);
  }
  if (!ok) {
    exclusion_free (e);
    return NULL;
  }
  return e;
}


/* Subsets in order of offset and apart (c2pa-rs BmffHash::verify_self). */
static gboolean
subsets_in_order (GArray *subsets)
{
  for (guint i = 0; subsets != NULL && i + 1 < subsets->len; i++) {
    ClBmffSubset *a = &g_array_index (subsets, ClBmffSubset, i);
    ClBmffSubset *b = &g_array_index (subsets, ClBmffSubset, i + 1);

    if (a->offset > b->offset || a->length > G_MAXUINT64 - a->offset ||
        a->offset + a->length > b->offset)
      return FALSE;
  }
  return TRUE;
}


/* The sizes of variable blocks, NULL when absent. */
static gboolean
parse_block_sizes (cbor_item_t  *array,
                   GArray      **sizes)
{
  if (array == NULL)
    return TRUE;
  if (!cbor_isa_array (array) || cbor_array_size (array) > CL_LIMIT_BMFF_MERKLE_LEAVES)
    return FALSE;
  *sizes = g_array_new (FALSE, FALSE, sizeof (guint64));
  for (gsize i = 0; i < cbor_array_size (array); i++) {
    gint64 v;

    if (!cl_cbor_get_int (cbor_array_handle (array)[i], &v) || v < 0)
      return FALSE;
    g_array_append_val (*sizes, v);
  }
  return TRUE;
}


static ClBmffMerkleMap *
parse_merkle_map (cbor_item_t *map)
{
  ClBmffMerkleMap *m = g_new0 (ClBmffMerkleMap, 1);
  cbor_item_t *init = field (map, "initHash");
  guint64 unique_id;

  m->alg = cl_cbor_map_dup_string (map, "alg");
  m->hashes = parse_byte_strings (field (map, "hashes"), CL_LIMIT_BMFF_MERKLE_HASHES);
  m->init_hash = init != NULL ? cl_cbor_dup_bytes (init) : NULL;
  if (m->hashes == NULL ||
      !get_uint (map, "fixedBlockSize", TRUE, &m->has_fixed, &m->fixed_block_size) ||
      !parse_block_sizes (field (map, "variableBlockSizes"), &m->variable_block_sizes) ||
      (init != NULL && m->init_hash == NULL) ||
      !get_uint (map, "uniqueId", FALSE, NULL, &unique_id) ||
      !get_uint (map, "localId", FALSE, NULL, &m->local_id) ||
      !get_uint (map, "count", FALSE, NULL, &m->count) ||
      (field (map, "alg") != NULL && m->alg == NULL)) {
    merkle_map_free (m);
    return NULL;
  }
  return m;
}


static gboolean
parse_merkle (ClBmffHash  *self,
              cbor_item_t *merkle)
{
  if (!cbor_isa_array (merkle) || cbor_array_size (merkle) > CL_LIMIT_BMFF_MERKLE_MAPS)
    return FALSE;
  self->merkle = g_ptr_array_new_with_free_func (merkle_map_free);
  for (gsize i = 0; i < cbor_array_size (merkle); i++) {
    ClBmffMerkleMap *m = parse_merkle_map (cbor_array_handle (merkle)[i]);

    if (m == NULL)
      return FALSE;
    g_ptr_array_add (self->merkle, m);
  }
  return TRUE;
}


ClBmffHash *
cl_bmff_hash_parse (cbor_item_t  *item,
                    guint         version,
                    char        **why)
{
  g_autoptr(ClBmffHash) self = g_new0 (ClBmffHash, 1);
  cbor_item_t *exclusions = field (item, "exclusions");
  cbor_item_t *hash = field (item, "hash");
  cbor_item_t *merkle = field (item, "merkle");

  self->version = version;
  self->exclusions = g_ptr_array_new_with_free_func (exclusion_free);
  if (item == NULL || !cbor_isa_map (item) || exclusions == NULL || !cbor_isa_array (exclusions) ||
      cbor_array_size (exclusions) == 0) {
    *why = g_strdup (_("the BMFF hash has no exclusions"));
    return NULL;
  }
  if (cbor_array_size (exclusions) > CL_LIMIT_BMFF_EXCLUSIONS) {
    *why = g_strdup_printf (_("the BMFF hash has more than %u exclusions"),
                            (guint) CL_LIMIT_BMFF_EXCLUSIONS);
    return NULL;
  }
  for (gsize i = 0; i < cbor_array_size (exclusions); i++) {
    ClBmffExclusion *e = parse_exclusion (cbor_array_handle (exclusions)[i]);

    if (e == NULL) {
      *why = g_strdup (_("a BMFF hash exclusion is malformed"));
      return NULL;
    }
    g_ptr_array_add (self->exclusions, e);
    if (!subsets_in_order (e->subsets)) {
      *why = g_strdup (_("the subsets of a BMFF hash exclusion overlap or are out of order"));
      return NULL;
    }
  }
  self->alg = cl_cbor_map_dup_string (item, "alg");
  self->hash = hash != NULL ? cl_cbor_dup_bytes (hash) : NULL;
  self->remote = field (item, "url") != NULL;
  if ((hash != NULL && self->hash == NULL) ||
      (field (item, "alg") != NULL && self->alg == NULL) ||
      (merkle != NULL && !parse_merkle (self, merkle))) {
    *why = g_strdup (_("the BMFF hash is malformed"));
    return NULL;
  }
  return g_steal_pointer (&self);
}
