/* cl-bmff-hash-private.h: the parsed BMFF hash assertion, shared by its parser
 * (cl-bmff-hash.c), its check (cl-bmff-hash-check.c) and the Merkle tree checks
 * (cl-bmff-merkle.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <openssl/evp.h>

#include "cl-bmff-hash.h"

G_BEGIN_DECLS

typedef struct {
  guint64  offset;
  GBytes  *value;
} ClBmffDataMatch;

typedef struct {
  guint64  offset;
  guint64  length;     /* 0: to the end of the box */
} ClBmffSubset;

typedef struct {
  char     *xpath;
  gboolean  has_length;
  guint64   length;
  GArray   *data;        /* ClBmffDataMatch */
  GArray   *subsets;     /* ClBmffSubset, NULL: the whole box */
  gboolean  has_version;
  guint8    version;
  gboolean  has_flags;
  guint32   flags;       /* the first three bytes of "flags", big-endian */
  gboolean  exact;       /* flags equal (default), else the box's flags within them */
} ClBmffExclusion;

typedef struct {
  guint64    local_id;
  guint64    count;
  char      *alg;
  GBytes    *init_hash;
  GPtrArray *hashes;      /* GBytes: one row of the tree */
  gboolean   has_fixed;   /* v3: leaves of fixedBlockSize bytes of an mdat */
  guint64    fixed_block_size;
  GArray    *variable_block_sizes;  /* v3: guint64, the leaves' sizes; NULL when absent */
} ClBmffMerkleMap;

struct _ClBmffHash {
  guint      version;
  GPtrArray *exclusions;  /* ClBmffExclusion */
  char      *alg;
  GBytes    *hash;
  GPtrArray *merkle;      /* ClBmffMerkleMap, NULL when absent */
  gboolean   remote;      /* a url: deprecated, refused */
};

/* A merkle uuid box: where the fragment's leaf sits and the proof up to the row the
 * assertion holds. */
typedef struct {
  guint64    location;
  GPtrArray *proof;       /* GBytes, NULL when absent */
} ClBmffMerkleBox;

void       cl_bmff_merkle_box_free  (gpointer          box);
/* The merkle uuid boxes at the top level of the file, in file order; NULL with why. */
GPtrArray *cl_bmff_merkle_read_boxes (GInputStream   *stream,
                                      GArray         *boxes,
                                      GCancellable   *cancellable,
                                      char          **why);
/* Leaves over blocks of one mdat box (c2pa-rs validate_merkle_maps_mdat_boxes): every
 * block hashed alone, from 16 bytes into the box, checked against the map with the merkle
 * boxes' proofs (boxes: first_box onwards, map->count of them), or without boxes against a
 * row of leaves or the root. */
typedef struct _ClBmffBlocks ClBmffBlocks;

ClBmffBlocks *cl_bmff_blocks_new     (const ClBmffMerkleMap *map,
                                      const EVP_MD          *md,
                                      guint64                mdat_offset,
                                      guint64                mdat_size,
                                      GPtrArray             *boxes,
                                      guint                  first_box,
                                      char                 **why);
void          cl_bmff_blocks_free    (ClBmffBlocks          *self);
void          cl_bmff_blocks_consume (ClBmffBlocks          *self,
                                      guint64                offset,
                                      const guint8          *data,
                                      gsize                  len);
gboolean      cl_bmff_blocks_finish  (ClBmffBlocks          *self,
                                      char                 **why);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClBmffBlocks, cl_bmff_blocks_free)

/* TRUE when leaf, at location, leads through proof to the map's row (c2pa-rs
 * MerkleMap::check_merkle_tree). */
gboolean   cl_bmff_merkle_check     (const ClBmffMerkleMap *map,
                                     const EVP_MD          *md,
                                     const guint8          *leaf,
                                     guint                  leaf_len,
                                     guint64                location,
                                     GPtrArray             *proof);

G_END_DECLS
