/* cl-bmff-hash-check.c: a BMFF hash checked over the file, planned with small reads of box
 * headers and then fed by the one streamed pass: the file hash, the initialization
 * segment's hash and one Merkle leaf per fragment are computed as the bytes go by, with
 * memory that does not grow with the file (c2pa-rs 0.91, BmffHash::verify_stream_hash).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "cl-asset-info.h"
#include "cl-bmff-hash-private.h"
#include "cl-bmff-ranges.h"
#include "cl-bmff-tree.h"
#include "cl-c2pa-ids.h"
#include "cl-data-hash.h"
#include "cl-limits.h"

/* One Merkle map checked fragment by fragment. */
typedef struct {
  const ClBmffMerkleMap *map;
  const EVP_MD          *md;
  ClBmffRanges          *ranges;
  guint                  chunk;     /* the fragment being hashed */
  gboolean               failed;
} FragmentCheck;

/* A digest compared with an expected value at the end. */
typedef struct {
  ClBmffRanges *ranges;
  GBytes       *expected;
  const char   *what;
} WholeCheck;

struct _ClBmffHashCheck {
  char       *problem;        /* found while planning: nothing to stream */
  GArray     *exclusions;     /* ClByteRange, merged */
  GArray     *offsets;        /* guint64: the top-level boxes whose offset is hashed */
  GArray     *wholes;         /* WholeCheck */
  GArray     *chunks;         /* ClByteRange: the fragments, from each moof to the next */
  GPtrArray  *merkle_boxes;   /* ClBmffMerkleBox, one per fragment */
  GArray     *fragments;      /* FragmentCheck */
  GPtrArray  *blocks;         /* ClBmffBlocks: Merkle trees over the blocks of each mdat */
};


void
cl_bmff_hash_check_free (ClBmffHashCheck *self)
{
  if (self == NULL)
    return;
  for (guint i = 0; self->wholes != NULL && i < self->wholes->len; i++)
    cl_bmff_ranges_free (g_array_index (self->wholes, WholeCheck, i).ranges);
  for (guint i = 0; self->fragments != NULL && i < self->fragments->len; i++)
    cl_bmff_ranges_free (g_array_index (self->fragments, FragmentCheck, i).ranges);
  g_clear_pointer (&self->wholes, g_array_unref);
  g_clear_pointer (&self->fragments, g_array_unref);
  g_clear_pointer (&self->exclusions, g_array_unref);
  g_clear_pointer (&self->offsets, g_array_unref);
  g_clear_pointer (&self->chunks, g_array_unref);
  g_clear_pointer (&self->merkle_boxes, g_ptr_array_unref);
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_free (self->problem);
  g_free (self);
}


/* Whether the box is the one the exclusion means (length, version, flags, data). */
static gboolean
box_matches (const ClBmffExclusion *e,
             const ClBmffBox       *box,
             GInputStream          *stream,
             GCancellable          *cancellable,
             GError               **error)
{
  if (e->has_length && e->length != box->size)
    return FALSE;
  if (e->has_version && box->has_version && e->version != box->version)
    return FALSE;
  if (e->has_flags && box->has_version &&
      (e->exact ? e->flags != box->flags : (e->flags | box->flags) != e->flags))
    return FALSE;
  for (guint i = 0; e->data != NULL && i < e->data->len; i++) {
    ClBmffDataMatch *m = &g_array_index (e->data, ClBmffDataMatch, i);
    gsize len = g_bytes_get_size (m->value);
    g_autofree guint8 *found = g_malloc (len > 0 ? len : 1);

    if (m->offset > G_MAXUINT64 - box->offset) {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("a BMFF hash exclusion looks beyond the end of the file"));
      return FALSE;
    }
    if (!cl_asset_read_at (stream, box->offset + m->offset, found, len, _("an excluded box"),
                           cancellable, error))
      return FALSE;
    if (len > 0 && memcmp (found, g_bytes_get_data (m->value, NULL), len) != 0)
      return FALSE;
  }
  return TRUE;
}


static void
add_range (GArray  *ranges,
           guint64  start,
           guint64  length)
{
  ClByteRange r = { start, length };

  if (length > 0)
    g_array_append_val (ranges, r);
}


/* The byte ranges one exclusion hides; whole top-level boxes are noted in whole_starts. */
static gboolean
resolve_exclusion (const ClBmffExclusion *e,
                   GArray                *boxes,
                   GInputStream          *stream,
                   GArray                *ranges,
                   GHashTable            *whole_starts,
                   GCancellable          *cancellable,
                   GError               **error)
{
  g_autoptr(GArray) matches = g_array_new (FALSE, FALSE, sizeof (guint));

  if (!cl_bmff_tree_lookup (boxes, e->xpath, matches))
    return TRUE;   /* a malformed path excludes nothing */
  for (guint i = 0; i < matches->len; i++) {
    const ClBmffBox *box = &g_array_index (boxes, ClBmffBox, g_array_index (matches, guint, i));
    g_autoptr(GError) read_error = NULL;

    if (!box_matches (e, box, stream, cancellable, &read_error)) {
      if (read_error != NULL) {
        g_propagate_error (error, g_steal_pointer (&read_error));
        return FALSE;
      }
      continue;
    }
    if (e->subsets == NULL) {
      add_range (ranges, box->offset, box->size);
      g_hash_table_add (whole_starts, (gpointer) &box->offset);
      continue;
    }
    for (guint s = 0; s < e->subsets->len; s++) {
      ClBmffSubset *sub = &g_array_index (e->subsets, ClBmffSubset, s);
      guint64 room = box->size - MIN (sub->offset, box->size);

      if (sub->offset > box->size)
        continue;
      add_range (ranges, box->offset + sub->offset,
                 sub->length == 0 ? room : MIN (sub->length, room));
    }
    if (ranges->len > CL_LIMIT_BMFF_BOXES) {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("the BMFF hash excludes more ranges than CredLink follows"));
      return FALSE;
    }
  }
  return TRUE;
}


static gint
compare_ranges (gconstpointer a,
                gconstpointer b)
{
  const ClByteRange *ra = a, *rb = b;

  return ra->start < rb->start ? -1 : ra->start > rb->start;
}


/* Sorted, overlapping and touching ranges joined. */
static GArray *
merge_ranges (GArray *ranges)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (ClByteRange));

  g_array_sort (ranges, compare_ranges);
  for (guint i = 0; i < ranges->len; i++) {
    ClByteRange r = g_array_index (ranges, ClByteRange, i);
    ClByteRange *last = out->len > 0 ? &g_array_index (out, ClByteRange, out->len - 1) : NULL;

    if (last != NULL && r.start <= last->start + last->length)
      last->length = MAX (last->length, r.start + r.length - last->start);
    else
      g_array_append_val (out, r);
  }
  return out;
}


static gboolean
plan_exclusions (ClBmffHashCheck  *self,
                 const ClBmffHash *hash,
                 GArray           *boxes,
                 GInputStream     *stream,
                 GCancellable     *cancellable,
                 GError          **error)
{
  g_autoptr(GArray) ranges = g_array_new (FALSE, FALSE, sizeof (ClByteRange));
  /* Keys: the offsets of boxes excluded whole, pointing into boxes. */
  g_autoptr(GHashTable) whole_starts = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; i < hash->exclusions->len; i++) {
    if (!resolve_exclusion (g_ptr_array_index (hash->exclusions, i), boxes, stream, ranges,
                            whole_starts, cancellable, error))
      return FALSE;
  }
  self->exclusions = merge_ranges (ranges);
  self->offsets = g_array_new (FALSE, FALSE, sizeof (guint64));
  /* From v2 on, the offsets of the top-level boxes not excluded whole are hashed too. */
  for (guint i = 0; hash->version >= 2 && i < boxes->len; i++) {
    ClBmffBox *b = &g_array_index (boxes, ClBmffBox, i);

    if (b->parent < 0 &&
        !g_hash_table_contains (whole_starts, &b->offset))
      g_array_append_val (self->offsets, b->offset);
  }
  return TRUE;
}


static void
add_whole (ClBmffHashCheck *self,
           const EVP_MD    *md,
           guint64          end,
           GBytes          *expected,
           const char      *what)
{
  WholeCheck w = { cl_bmff_ranges_new (md, self->exclusions, self->offsets), expected, what };

  cl_bmff_ranges_reset (w.ranges, 0, end);
  g_array_append_val (self->wholes, w);
}


/* The fragments: from the first moof on, each moof with the boxes up to the next. */
static void
split_fragments (ClBmffHashCheck *self,
                 GArray          *boxes)
{
  gboolean started = FALSE;

  for (guint i = 0; i < boxes->len; i++) {
    ClBmffBox *b = &g_array_index (boxes, ClBmffBox, i);
    gboolean moof = b->type == CL_FOURCC ('m', 'o', 'o', 'f');

    if (b->parent >= 0 || !(started || moof))
      continue;
    if (i == 0)
      return;   /* media that starts with a fragment has no fragments to c2pa-rs */
    if (moof) {
      ClByteRange r = { b->offset, b->size };

      g_array_append_val (self->chunks, r);
    } else {
      ClByteRange *last = &g_array_index (self->chunks, ClByteRange, self->chunks->len - 1);

      last->length = b->offset + b->size - last->start;
    }
    started = TRUE;
  }
}


static const EVP_MD *
map_md (const ClBmffHash *hash, const ClBmffMerkleMap *map)
{
  return cl_data_hash_md_from_name (map->alg != NULL ? map->alg : hash->alg);
}


/* Each map's merkle boxes: the next map->count of them, in file order (c2pa-rs splits
 * them so, keyed by localId). FALSE when they run out or two maps share a localId. */
static gboolean
box_groups_fit (ClBmffHashCheck  *self,
                const ClBmffHash *hash)
{
  guint64 used = 0;

  for (guint i = 0; i < hash->merkle->len; i++) {
    const ClBmffMerkleMap *map = g_ptr_array_index (hash->merkle, i);

    if (map->count > self->merkle_boxes->len - used)
      return FALSE;
    used += map->count;
    for (guint j = 0; j < i; j++) {
      if (((const ClBmffMerkleMap *) g_ptr_array_index (hash->merkle, j))->local_id == map->local_id)
        return FALSE;
    }
  }
  return TRUE;
}


/* Unfragmented media: one Merkle tree per mdat over its blocks. A tree over the samples of
 * each track's chunks (merkle boxes, a moov and no block sizes) is not checked yet. */
static gboolean
plan_blocks (ClBmffHashCheck  *self,
             const ClBmffHash *hash,
             GArray           *boxes)
{
  g_autoptr(GArray) mdats = g_array_new (FALSE, FALSE, sizeof (guint));
  gboolean all_blocks = TRUE;
  guint first_box = 0;

  for (guint i = 0; i < hash->merkle->len; i++) {
    const ClBmffMerkleMap *map = g_ptr_array_index (hash->merkle, i);

    all_blocks &= map->has_fixed || map->variable_block_sizes != NULL;
  }
  if (!all_blocks && self->merkle_boxes->len > 0 &&
      cl_bmff_tree_first_top (boxes, CL_FOURCC ('m', 'o', 'o', 'v')) != NULL) {
    self->problem = g_strdup (_("CredLink cannot check Merkle trees over the samples of "
                                "unfragmented media yet"));
    return FALSE;
  }
  for (guint i = 0; i < boxes->len; i++) {
    ClBmffBox *b = &g_array_index (boxes, ClBmffBox, i);

    if (b->parent < 0 && b->type == CL_FOURCC ('m', 'd', 'a', 't'))
      g_array_append_val (mdats, i);
  }
  if (mdats->len != hash->merkle->len ||
      (self->merkle_boxes->len > 0 && !box_groups_fit (self, hash))) {
    self->problem = g_strdup (_("the Merkle maps do not match the media data boxes"));
    return FALSE;
  }
  self->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_bmff_blocks_free);
  for (guint i = 0; i < hash->merkle->len; i++) {
    const ClBmffMerkleMap *map = g_ptr_array_index (hash->merkle, i);
    ClBmffBox *mdat = &g_array_index (boxes, ClBmffBox, g_array_index (mdats, guint, i));
    ClBmffBlocks *blocks;

    if (map->has_fixed && map->variable_block_sizes != NULL) {
      self->problem = g_strdup (_("a Merkle map has both fixed and variable block sizes"));
      return FALSE;
    }
    blocks = cl_bmff_blocks_new (map, map_md (hash, map), mdat->offset, mdat->size,
                                 self->merkle_boxes->len > 0 ? self->merkle_boxes : NULL,
                                 first_box, &self->problem);
    if (blocks == NULL)
      return FALSE;
    g_ptr_array_add (self->blocks, blocks);
    first_box += (guint) map->count;
  }
  return TRUE;
}


/* The Merkle maps: the initialization segment's hash, and the fragments' leaves. */
static gboolean
plan_merkle (ClBmffHashCheck  *self,
             const ClBmffHash *hash,
             GArray           *boxes,
             GInputStream     *stream,
             GCancellable     *cancellable)
{
  const ClBmffBox *moof = cl_bmff_tree_first_top (boxes, CL_FOURCC ('m', 'o', 'o', 'f'));

  for (guint i = 0; i < hash->merkle->len; i++) {
    const ClBmffMerkleMap *map = g_ptr_array_index (hash->merkle, i);

    if (map_md (hash, map) == NULL) {
      self->problem = g_strdup (_("the Merkle tree has no hash algorithm CredLink knows"));
      return FALSE;
    }
    if (map->init_hash != NULL && moof == NULL) {
      self->problem = g_strdup (_("an initialization segment hash in media that is not "
                                  "fragmented"));
      return FALSE;
    }
    if (map->init_hash != NULL)
      add_whole (self, map_md (hash, map), moof->offset, map->init_hash,
                 _("the initialization segment does not match its hash"));
  }
  self->merkle_boxes = cl_bmff_merkle_read_boxes (stream, boxes, cancellable, &self->problem);
  if (self->merkle_boxes == NULL)
    return FALSE;
  if (moof == NULL)
    return plan_blocks (self, hash, boxes);
  split_fragments (self, boxes);
  for (guint i = 0; i < hash->merkle->len; i++) {
    FragmentCheck f = { g_ptr_array_index (hash->merkle, i), NULL, NULL, 0, FALSE };

    if (self->chunks->len != f.map->count || self->merkle_boxes->len != f.map->count) {
      self->problem = g_strdup (_("the number of fragment hashes is not the number of "
                                  "fragments"));
      return FALSE;
    }
    f.md = map_md (hash, f.map);
    f.ranges = cl_bmff_ranges_new (f.md, self->exclusions, self->offsets);
    if (self->chunks->len > 0) {
      ClByteRange *c = &g_array_index (self->chunks, ClByteRange, 0);

      cl_bmff_ranges_reset (f.ranges, c->start, c->start + c->length);
    }
    g_array_append_val (self->fragments, f);
  }
  return TRUE;
}


ClBmffHashCheck *
cl_bmff_hash_check_new (const ClBmffHash *hash,
                        GInputStream     *stream,
                        guint64           file_size,
                        const char       *claim_alg,
                        GCancellable     *cancellable)
{
  ClBmffHashCheck *self = g_new0 (ClBmffHashCheck, 1);
  g_autoptr(GArray) boxes = NULL;
  g_autoptr(GError) error = NULL;
  const char *alg = hash->alg != NULL ? hash->alg : claim_alg != NULL ? claim_alg : "sha256";

  self->wholes = g_array_new (FALSE, FALSE, sizeof (WholeCheck));
  self->fragments = g_array_new (FALSE, FALSE, sizeof (FragmentCheck));
  self->chunks = g_array_new (FALSE, FALSE, sizeof (ClByteRange));
  if (hash->remote) {
    self->problem = g_strdup (_("remote BMFF hashes are deprecated and not supported"));
    return self;
  }
  boxes = cl_bmff_tree_read (stream, file_size, cancellable, &error);
  if (boxes == NULL || !plan_exclusions (self, hash, boxes, stream, cancellable, &error)) {
    self->problem = g_strdup (error->message);
    return self;
  }
  if (hash->hash != NULL && cl_data_hash_md_from_name (alg) == NULL) {
    self->problem = g_strdup (_("the BMFF hash algorithm is not one CredLink knows"));
    return self;
  }
  if (hash->hash != NULL)
    add_whole (self, cl_data_hash_md_from_name (alg), file_size, hash->hash,
               _("the file does not match its BMFF hash"));
  if (hash->merkle != NULL)
    plan_merkle (self, hash, boxes, stream, cancellable);
  return self;
}


/* The fragment whose bytes end in this buffer is done: its leaf is checked and the next
 * fragment started. */
static void
feed_fragments (ClBmffHashCheck *self,
                FragmentCheck   *f,
                guint64          offset,
                const guint8    *data,
                gsize            len)
{
  while (f->chunk < self->chunks->len) {
    ClByteRange *c = &g_array_index (self->chunks, ClByteRange, f->chunk);
    ClBmffMerkleBox *box = g_ptr_array_index (self->merkle_boxes, f->chunk);
    guint8 leaf[EVP_MAX_MD_SIZE];
    guint leaf_len = 0;

    cl_bmff_ranges_consume (f->ranges, offset, data, len);
    if (offset + len < c->start + c->length)
      return;
    cl_bmff_ranges_finish (f->ranges, leaf, &leaf_len);
    if (!cl_bmff_merkle_check (f->map, f->md, leaf, leaf_len, box->location, box->proof))
      f->failed = TRUE;
    if (++f->chunk < self->chunks->len) {
      c = &g_array_index (self->chunks, ClByteRange, f->chunk);
      cl_bmff_ranges_reset (f->ranges, c->start, c->start + c->length);
    }
  }
}


void
cl_bmff_hash_check_consume (gpointer      consumer,
                            guint64       offset,
                            const guint8 *data,
                            gsize         len)
{
  ClBmffHashCheck *self = consumer;

  if (self->problem != NULL)
    return;
  for (guint i = 0; i < self->wholes->len; i++)
    cl_bmff_ranges_consume (g_array_index (self->wholes, WholeCheck, i).ranges, offset, data, len);
  for (guint i = 0; i < self->fragments->len; i++)
    feed_fragments (self, &g_array_index (self->fragments, FragmentCheck, i), offset, data, len);
  for (guint i = 0; self->blocks != NULL && i < self->blocks->len; i++)
    cl_bmff_blocks_consume (g_ptr_array_index (self->blocks, i), offset, data, len);
}


gboolean
cl_bmff_hash_check_finish (ClBmffHashCheck  *self,
                           char            **why)
{
  if (self->problem != NULL) {
    *why = g_strdup (self->problem);
    return FALSE;
  }
  for (guint i = 0; i < self->wholes->len; i++) {
    WholeCheck *w = &g_array_index (self->wholes, WholeCheck, i);
    guint8 digest[EVP_MAX_MD_SIZE];
    guint len = 0;

    cl_bmff_ranges_finish (w->ranges, digest, &len);
    if (g_bytes_get_size (w->expected) != len ||
        memcmp (g_bytes_get_data (w->expected, NULL), digest, len) != 0) {
      *why = g_strdup (w->what);
      return FALSE;
    }
  }
  for (guint i = 0; i < self->fragments->len; i++) {
    FragmentCheck *f = &g_array_index (self->fragments, FragmentCheck, i);

    if (f->failed || f->chunk < self->chunks->len) {
      *why = g_strdup (_("a fragment does not match its Merkle tree"));
      return FALSE;
    }
  }
  for (guint i = 0; self->blocks != NULL && i < self->blocks->len; i++) {
    if (!cl_bmff_blocks_finish (g_ptr_array_index (self->blocks, i), why))
      return FALSE;
  }
  return TRUE;
}
