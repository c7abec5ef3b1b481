/* cl-bmff-merkle.c: the Merkle proofs of fragmented media: the merkle uuid boxes (C2PA 2.2
 * §15.12.3.2: a C2PA uuid box whose purpose is "merkle", then a CBOR map of uniqueId,
 * localId, location and an optional list of hashes, then optional zero padding), and a
 * leaf checked against the row of the tree the assertion holds.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "cl-asset-info.h"
#include "cl-bmff-hash-private.h"
#include "cl-bmff-tree.h"
#include "cl-c2pa-ids.h"
#include "cl-cbor-util.h"
#include "cl-limits.h"

#define PURPOSE "merkle"


void
cl_bmff_merkle_box_free (gpointer data)
{
  ClBmffMerkleBox *box = data;

  g_clear_pointer (&box->proof, g_ptr_array_unref);
  g_free (box);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClBmffMerkleBox, cl_bmff_merkle_box_free)


/* The CBOR map of a merkle box, which may be followed by zero padding. */
static cbor_item_t *
load_padded (const guint8 *data,
             gsize         len)
{
  gsize trimmed = len;

  while (trimmed > 0 && data[trimmed - 1] == 0)
    trimmed--;
  /* The map itself may end in zero bytes: give them back one at a time. */
  for (gsize extra = 0; trimmed + extra <= len && extra <= 16; extra++) {
    cbor_item_t *item = cl_cbor_load (data, trimmed + extra, NULL);

    if (item != NULL)
      return item;
  }
  return NULL;
}


static ClBmffMerkleBox *
parse_box (const guint8 *data,
           gsize         len)
{
  g_autoptr(ClBmffMerkleBox) box = g_new0 (ClBmffMerkleBox, 1);
  cbor_item_t *item = load_padded (data, len);
  cbor_item_t *hashes = cl_cbor_map_get (item, "hashes");
  gint64 location = -1, id;

  if (item == NULL)
    return NULL;
  if (!cl_cbor_get_int (cl_cbor_map_get (item, "location"), &location) || location < 0 ||
      !cl_cbor_get_int (cl_cbor_map_get (item, "uniqueId"), &id) ||
      !cl_cbor_get_int (cl_cbor_map_get (item, "localId"), &id)) {
    cl_cbor_item_unref (item);
    return NULL;
  }
  box->location = (guint64) location;
  if (hashes != NULL && !(cbor_isa_float_ctrl (hashes) && cbor_is_null (hashes))) {
    box->proof = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
    for (gsize i = 0; cbor_isa_array (hashes) && i < cbor_array_size (hashes); i++) {
      GBytes *b = cl_cbor_dup_bytes (cbor_array_handle (hashes)[i]);

      if (b != NULL)
        g_ptr_array_add (box->proof, b);
    }
  }
  cl_cbor_item_unref (item);
  return g_steal_pointer (&box);
}


GPtrArray *
cl_bmff_merkle_read_boxes (GInputStream  *stream,
                           GArray        *boxes,
                           GCancellable  *cancellable,
                           char         **why)
{
  static const guint8 c2pa_uuid[16] = CL_BMFF_C2PA_UUID;
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (cl_bmff_merkle_box_free);

  for (guint i = 0; i < boxes->len; i++) {
    ClBmffBox *b = &g_array_index (boxes, ClBmffBox, i);
    guint64 skip = (guint64) b->header_len + 20 + sizeof PURPOSE;
    g_autofree guint8 *data = NULL;
    g_autoptr(GError) error = NULL;
    ClBmffMerkleBox *box;
    gsize len;

    if (b->parent >= 0 || b->type != CL_BOX_UUID || !b->has_version ||
        memcmp (b->uuid, c2pa_uuid, 16) != 0 || b->size < skip)
      continue;
    if (b->size > CL_LIMIT_BMFF_MERKLE_BOX_SIZE || out->len >= CL_LIMIT_BMFF_MERKLE_HASHES) {
      *why = g_strdup (_("a Merkle box is larger than CredLink reads, or there are too many"));
      return NULL;
    }
    len = (gsize) (b->size - b->header_len - 20);
    data = g_malloc (len);
    if (!cl_asset_read_at (stream, b->offset + b->header_len + 20, data, len, _("a Merkle box"),
                           cancellable, &error)) {
      *why = g_strdup (error->message);
      return NULL;
    }
    if (memcmp (data, PURPOSE, sizeof PURPOSE) != 0)
      continue;
    box = parse_box (data + sizeof PURPOSE, len - sizeof PURPOSE);
    if (box == NULL) {
      *why = g_strdup (_("a Merkle box is malformed"));
      return NULL;
    }
    g_ptr_array_add (out, box);
  }
  return g_steal_pointer (&out);
}


static void
hash_pair (const EVP_MD *md,
           const guint8 *left,
           gsize         left_len,
           const guint8 *right,
           gsize         right_len,
           guint8       *out,
           guint        *out_len)
{
  EVP_MD_CTX *ctx = EVP_MD_CTX_new ();

  EVP_DigestInit_ex (ctx, md, NULL);
  EVP_DigestUpdate (ctx, left, left_len);
  EVP_DigestUpdate (ctx, right, right_len);
  EVP_DigestFinal_ex (ctx, out, out_len);
  EVP_MD_CTX_free (ctx);
}


gboolean
cl_bmff_merkle_check (const ClBmffMerkleMap *map,
                      const EVP_MD          *md,
                      const guint8          *leaf,
                      guint                  leaf_len,
                      guint64                location,
                      GPtrArray             *proof)
{
  guint8 hash[EVP_MAX_MD_SIZE];
  guint hash_len = leaf_len;
  guint64 index = location, layer = map->count;
  guint used = 0;
  GBytes *row;

  if (location >= map->count)
    return FALSE;
  memcpy (hash, leaf, leaf_len);
  /* Up the tree, layer by layer (an odd node out moves up unchanged), to the row the
   * assertion holds. */
  for (;;) {
    if (layer == map->hashes->len)
      break;
    if (proof != NULL && (index % 2 == 1 || index + 1 < layer)) {
      GBytes *sibling;
      guint8 pair[EVP_MAX_MD_SIZE];
      guint pair_len = 0;
      gsize sibling_len;
      const guint8 *s;

      if (used >= proof->len)
        return FALSE;
      sibling = g_ptr_array_index (proof, used++);
      s = g_bytes_get_data (sibling, &sibling_len);
      if (index % 2 == 1)
        hash_pair (md, s, sibling_len, hash, hash_len, pair, &pair_len);
      else
        hash_pair (md, hash, hash_len, s, sibling_len, pair, &pair_len);
      memcpy (hash, pair, pair_len);
      hash_len = pair_len;
    }
    index /= 2;
    if (layer <= 1)
      break;
    layer = (layer + 1) / 2;
  }
  if (index >= map->hashes->len)
    return FALSE;
  row = g_ptr_array_index (map->hashes, index);
  return g_bytes_get_size (row) == hash_len &&
         memcmp (g_bytes_get_data (row, NULL), hash, hash_len) == 0;
}
