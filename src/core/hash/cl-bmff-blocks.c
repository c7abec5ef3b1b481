/* cl-bmff-blocks.c: a Merkle tree over the blocks of one mdat box, checked as the file
 * streams by. The blocks start 16 bytes into the box whatever its header (C2PA fixes the
 * exclusion at 16 so one path covers both header sizes) and are fixedBlockSize bytes (the
 * last one shorter), variableBlockSizes long (adding up to the rest of the box), or one
 * block of all of it. Each block's hash is a leaf. With the root alone in the map, the
 * root is rebuilt from the leaves on a stack of one node per level, so memory stays
 * logarithmic in the number of leaves.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "cl-bmff-hash-private.h"
#include "cl-limits.h"

/* See the top of the file. */
#define MDAT_SKIP 16

typedef struct {
  guint  level;
  guint  len;
  guint8 hash[EVP_MAX_MD_SIZE];
} Node;

struct _ClBmffBlocks {
  const ClBmffMerkleMap *map;
  const EVP_MD          *md;
  EVP_MD_CTX            *ctx;
  GPtrArray             *boxes;      /* ClBmffMerkleBox, borrowed; NULL: none */
  guint                  first_box;
  gboolean               root_only;
  GArray                *stack;      /* Node: the partial tree, root_only */
  guint64                start;      /* of the blocks */
  guint64                end;
  guint64                n_leaves;
  guint64                leaf;       /* the leaf being hashed */
  guint64                leaf_start;
  guint64                leaf_end;
  gboolean               failed;
};


void
cl_bmff_blocks_free (ClBmffBlocks *self)
{
  if (self == NULL)
    return;
  EVP_MD_CTX_free (self->ctx);
  g_clear_pointer (&self->stack, g_array_unref);
  g_free (self);
}


/* How many blocks, or FALSE with why when the sizes cannot describe the box. */
static gboolean
count_leaves (ClBmffBlocks *self,
              char        **why)
{
  const ClBmffMerkleMap *map = self->map;
  guint64 bytes = self->end - self->start, sum = 0;

  if (map->has_fixed) {
    if (map->fixed_block_size <= 1) {
      *why = g_strdup (_("a Merkle tree's fixed block size must be more than one byte"));
      return FALSE;
    }
    self->n_leaves = bytes / map->fixed_block_size + (bytes % map->fixed_block_size != 0);
  } else if (map->variable_block_sizes != NULL) {
    for (guint i = 0; i < map->variable_block_sizes->len; i++) {
      guint64 size = g_array_index (map->variable_block_sizes, guint64, i);

      if (size > G_MAXUINT64 - sum)
        sum = G_MAXUINT64;
      else
        sum += size;
    }
    if (sum != bytes) {
      *why = g_strdup (_("the variable block sizes of a Merkle tree do not add up to its "
                         "media data"));
      return FALSE;
    }
    self->n_leaves = map->variable_block_sizes->len;
  } else {
    self->n_leaves = 1;
  }
  if (self->n_leaves > CL_LIMIT_BMFF_MERKLE_LEAVES) {
    *why = g_strdup (_("a Merkle tree has more leaves than CredLink checks"));
    return FALSE;
  }
  return TRUE;
}


static void
start_leaf (ClBmffBlocks *self)
{
  const ClBmffMerkleMap *map = self->map;
  guint64 size;

  EVP_DigestInit_ex (self->ctx, self->md, NULL);
  if (map->has_fixed)
    size = MIN (map->fixed_block_size, self->end - self->leaf_start);
  else if (map->variable_block_sizes != NULL)
    size = g_array_index (map->variable_block_sizes, guint64, self->leaf);
  else
    size = self->end - self->start;
  self->leaf_end = self->leaf_start + size;
}


ClBmffBlocks *
cl_bmff_blocks_new (const ClBmffMerkleMap *map,
                    const EVP_MD          *md,
                    guint64                mdat_offset,
                    guint64                mdat_size,
                    GPtrArray             *boxes,
                    guint                  first_box,
                    char                 **why)
{
  g_autoptr(ClBmffBlocks) self = g_new0 (ClBmffBlocks, 1);
  guint64 skip = MIN ((guint64) MDAT_SKIP, mdat_size);

  self->map = map;
  self->md = md;
  self->ctx = EVP_MD_CTX_new ();
  self->boxes = boxes;
  self->first_box = first_box;
  self->start = mdat_offset + skip;
  self->end = mdat_offset + mdat_size;
  if (!count_leaves (self, why))
    return NULL;
  if (self->n_leaves != map->count) {
    *why = g_strdup (_("the number of leaves of a Merkle tree is not its count"));
    return NULL;
  }
  self->root_only = boxes == NULL && map->hashes->len == 1 && map->count > 1;
  self->stack = g_array_new (FALSE, FALSE, sizeof (Node));
  self->leaf_start = self->start;
  if (self->n_leaves > 0)
    start_leaf (self);
  return g_steal_pointer (&self);
}


/* Pushes a leaf on the partial tree, joining equal levels (left before right). */
static void
push_leaf (ClBmffBlocks *self,
           const guint8 *hash,
           guint         len)
{
  Node node = { 0, len, { 0 } };

  memcpy (node.hash, hash, len);
  while (self->stack->len > 0 &&
         g_array_index (self->stack, Node, self->stack->len - 1).level == node.level) {
    Node *left = &g_array_index (self->stack, Node, self->stack->len - 1);
    EVP_MD_CTX *ctx = EVP_MD_CTX_new ();
    guint joined_len = 0;

    EVP_DigestInit_ex (ctx, self->md, NULL);
    EVP_DigestUpdate (ctx, left->hash, left->len);
    EVP_DigestUpdate (ctx, node.hash, node.len);
    EVP_DigestFinal_ex (ctx, node.hash, &joined_len);
    EVP_MD_CTX_free (ctx);
    node.len = joined_len;
    node.level++;
    g_array_set_size (self->stack, self->stack->len - 1);
  }
  g_array_append_val (self->stack, node);
}


static void
finish_leaf (ClBmffBlocks *self)
{
  guint8 hash[EVP_MAX_MD_SIZE];
  guint len = 0;

  EVP_DigestFinal_ex (self->ctx, hash, &len);
  if (self->root_only) {
    push_leaf (self, hash, len);
  } else if (self->boxes != NULL) {
    ClBmffMerkleBox *box = g_ptr_array_index (self->boxes, self->first_box + (guint) self->leaf);

    self->failed |= !cl_bmff_merkle_check (self->map, self->md, hash, len, box->location,
                                           box->proof);
  } else {
    self->failed |= !cl_bmff_merkle_check (self->map, self->md, hash, len, self->leaf, NULL);
  }
  self->leaf_start = self->leaf_end;
  if (++self->leaf < self->n_leaves)
    start_leaf (self);
}


void
cl_bmff_blocks_consume (ClBmffBlocks *self,
                        guint64       offset,
                        const guint8 *data,
                        gsize         len)
{
  guint64 stop = offset + len;

  while (self->leaf < self->n_leaves) {
    guint64 from = MAX (offset, self->leaf_start);
    guint64 to = MIN (stop, self->leaf_end);

    if (from < to)
      EVP_DigestUpdate (self->ctx, data + (from - offset), (gsize) (to - from));
    if (stop < self->leaf_end)
      return;
    finish_leaf (self);
  }
}


gboolean
cl_bmff_blocks_finish (ClBmffBlocks  *self,
                       char         **why)
{
  if (self->leaf < self->n_leaves) {
    *why = g_strdup (_("the file ends before the media data of a Merkle tree"));
    return FALSE;
  }
  if (self->root_only) {
    /* An odd node moves up unchanged: fold the partial tree from the right. */
    Node root;
    GBytes *expected = g_ptr_array_index (self->map->hashes, 0);

    if (self->stack->len == 0) {
      *why = g_strdup (_("a Merkle tree has no leaves"));
      return FALSE;
    }
    root = g_array_index (self->stack, Node, self->stack->len - 1);
    for (guint i = self->stack->len - 1; i-- > 0;) {
      Node *left = &g_array_index (self->stack, Node, i);
      EVP_MD_CTX *ctx = EVP_MD_CTX_new ();

      EVP_DigestInit_ex (ctx, self->md, NULL);
      EVP_DigestUpdate (ctx, left->hash, left->len);
      EVP_DigestUpdate (ctx, root.hash, root.len);
      EVP_DigestFinal_ex (ctx, root.hash, &root.len);
      EVP_MD_CTX_free (ctx);
    }
    self->failed |= g_bytes_get_size (expected) != root.len ||
                    memcmp (g_bytes_get_data (expected, NULL), root.hash, root.len) != 0;
  }
  if (self->failed) {
    *why = g_strdup (_("a block of the media data does not match its Merkle tree"));
    return FALSE;
  }
  return TRUE;
}
