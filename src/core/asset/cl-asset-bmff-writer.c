/* cl-asset-bmff-writer.c: the manifest store as the C2PA uuid box of a HEIF, HEIC or AVIF
 * image, placed right after the file type box as c2pa-rs places it.
 *
 * Putting a box there moves every byte after it, so whatever points into the file by
 * offset moves too: the item locations of the meta box (iloc, for items kept in the file
 * itself) and the chunk offsets of any track (stco, co64). Only those fields change.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "cl-asset-bmff-writer.h"
#include "cl-bmff-tree.h"
#include "cl-c2pa-ids.h"
#include "cl-error.h"
#include "cl-iloc.h"
#include "cl-limits.h"

/* size, type, extended type, version and flags, "manifest\0", Merkle box offset. */
#define CARRIER_OVERHEAD (8 + 16 + 4 + 9 + 8)
#define BOX_ILOC CL_FOURCC ('i', 'l', 'o', 'c')
#define BOX_STCO CL_FOURCC ('s', 't', 'c', 'o')
#define BOX_CO64 CL_FOURCC ('c', 'o', '6', '4')

/* How offsets into the source become offsets into the signed copy. */
typedef struct {
  guint64  insert;          /* where the carrier goes: the end of the file type box */
  guint64  carrier_length;
  gboolean has_old;         /* the source's own C2PA box, left out */
  guint64  old_start;
  guint64  old_length;
} Shift;


guint64
cl_asset_bmff_carrier_size (guint64 store_len)
{
  if (store_len == 0 || store_len > G_MAXUINT32 - CARRIER_OVERHEAD)
    return 0;
  return store_len + CARRIER_OVERHEAD;
}


GBytes *
cl_asset_bmff_wrap_store (GBytes  *store,
                          GError **error)
{
  static const guint8 c2pa_uuid[16] = CL_BMFF_C2PA_UUID;
  gsize store_len;
  const guint8 *data = g_bytes_get_data (store, &store_len);
  guint64 size = cl_asset_bmff_carrier_size (store_len);
  guint8 header[CARRIER_OVERHEAD] = { 0 };
  GByteArray *out;

  if (size == 0) {
    g_set_error_literal (error, CL_SIGN_ERROR, CL_SIGN_ERROR_FAILED,
                         _("The manifest store cannot be carried in a BMFF box"));
    return NULL;
  }
  header[0] = size >> 24;
  header[1] = size >> 16;
  header[2] = size >> 8;
  header[3] = size;
  memcpy (header + 4, "uuid", 4);
  memcpy (header + 8, c2pa_uuid, 16);
  /* Version and flags (4 bytes) and the Merkle offset (8 bytes) stay 0. */
  memcpy (header + 28, "manifest", 9);
  out = g_byte_array_sized_new ((guint) size);
  g_byte_array_append (out, header, sizeof header);
  g_byte_array_append (out, data, store_len);
  return g_byte_array_free_to_bytes (out);
}


/* Where an offset into the source lands in the signed copy; FALSE when it points into
 * the old C2PA box or would overflow. */
static gboolean
move_offset (const Shift *shift,
             guint64      offset,
             guint64     *moved)
{
  if (offset < shift->insert) {
    *moved = offset;
    return TRUE;
  }
  if (shift->has_old && offset >= shift->old_start) {
    if (offset - shift->old_start < shift->old_length)
      return FALSE;
    offset -= shift->old_length;
  }
  if (offset > G_MAXUINT64 - shift->carrier_length)
    return FALSE;
  *moved = offset + shift->carrier_length;
  return TRUE;
}


static guint64
read_be (const guint8 *p,
         guint         size)
{
  guint64 value = 0;

  for (guint i = 0; i < size; i++)
    value = (value << 8) | p[i];
  return value;
}


static void
write_be (guint8  *p,
          guint    size,
          guint64  value)
{
  for (guint i = size; i > 0; i--, value >>= 8)
    p[i - 1] = value & 0xFF;
}


/* Moves the offset field of size bytes at p (size 0: no field). */
static gboolean
move_field (const Shift *shift,
            guint8      *p,
            guint        size)
{
  guint64 moved;

  if (size == 0)
    return TRUE;
  if (!move_offset (shift, read_be (p, size), &moved) ||
      (size == 4 && moved > G_MAXUINT32))
    return FALSE;
  write_be (p, size, moved);
  return TRUE;
}


/* stco and co64 (ISO/IEC 14496-12 §8.7.5): an entry count, then the offsets. */
static gboolean
move_chunk_offsets (const Shift *shift,
                    guint8      *body,
                    gsize        len,
                    guint        entry_size)
{
  guint64 count;

  if (len < 4)
    return FALSE;
  count = read_be (body, 4);
  if (count > (len - 4) / entry_size)
    return FALSE;
  for (guint64 i = 0; i < count; i++) {
    if (!move_field (shift, body + 4 + i * entry_size, entry_size))
      return FALSE;
  }
  return TRUE;
}


/* Whether the data at base + extent moves as far as base does. */
static gboolean
moves_with_base (const Shift *shift,
                 guint64      base,
                 guint64      extent)
{
  guint64 moved_base, moved_data;

  return extent <= G_MAXUINT64 - base &&
         move_offset (shift, base, &moved_base) &&
         move_offset (shift, base + extent, &moved_data) &&
         moved_data - (base + extent) == moved_base - base;
}


/* The iloc box being moved: its body, rewritten in place. */
typedef struct {
  const Shift *shift;
  guint8      *body;
} ItemMove;


/* Items in this file are moved; those in an idat box or another item are relative and
 * stay. Without a base offset each extent moves alone; with one, the base moves (once
 * the item's extents are read) and every extent must move with it. */
static gboolean
move_extent (const ClIlocItem   *item,
             const ClIlocExtent *extent,
             gpointer            user_data,
             GError            **error)
{
  ItemMove *move = user_data;

  if (!cl_iloc_item_in_file (item))
    return TRUE;
  if (item->base_offset == 0)
    return move_field (move->shift, move->body + extent->offset_pos, extent->offset_size);
  return moves_with_base (move->shift, item->base_offset, extent->offset);
}


static gboolean
move_item_base (const ClIlocItem *item,
                gpointer          user_data,
                GError          **error)
{
  ItemMove *move = user_data;

  return !cl_iloc_item_in_file (item) || item->base_offset == 0 ||
         move_field (move->shift, move->body + item->base_offset_pos, item->base_offset_size);
}


/* The box with its offsets moved, or NULL with an error. */
static GBytes *
move_box (GInputStream    *source,
          const ClBmffBox *box,
          const Shift     *shift,
          GCancellable    *cancellable,
          GError         **error)
{
  g_autofree guint8 *data = NULL;
  gsize skip = box->header_len + 4;
  ItemMove move = { shift, NULL };
  gboolean moved;

  if (!box->has_version || box->size < skip || box->size > CL_LIMIT_BMFF_OFFSET_BOX_SIZE) {
    g_set_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_INPUT,
                 _("The box at byte %llu that locates the image data "
                   "cannot be read"), (unsigned long long) box->offset);
    return NULL;
  }
  data = g_malloc ((gsize) box->size);
  if (!cl_asset_read_at (source, box->offset, data, (gsize) box->size,
                         _("the image's data locations"), cancellable, error))
    return NULL;
  move.body = data + skip;
  if (box->type == BOX_ILOC)
    moved = cl_iloc_walk (data + skip, (gsize) box->size - skip, box->version, move_extent,
                          move_item_base, &move, NULL);
  else
    moved = move_chunk_offsets (shift, data + skip, (gsize) box->size - skip,
                                box->type == BOX_CO64 ? 8 : 4);
  if (!moved) {
    g_set_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_INPUT,
                 _("The box at byte %llu that locates the image data is "
                   "malformed or points where it cannot be moved"),
                 (unsigned long long) box->offset);
    return NULL;
  }
  return g_bytes_new_take (g_steal_pointer (&data), (gsize) box->size);
}


/* The source's boxes and how its offsets move; NULL with an error. */
static GArray *
read_source (GInputStream       *source,
             const ClAssetInfo  *info,
             guint64             carrier_length,
             Shift              *shift,
             GCancellable       *cancellable,
             GError            **error)
{
  g_autoptr(GArray) boxes = NULL;
  const ClBmffBox *ftyp;

  if (info->mime_type == NULL || !g_str_has_prefix (info->mime_type, "image/")) {
    g_set_error_literal (error, CL_SIGN_ERROR, CL_SIGN_ERROR_INPUT,
                         _("Signing videos is not supported yet; CredLink signs HEIF, HEIC "
                           "and AVIF images of this kind"));
    return NULL;
  }
  boxes = cl_bmff_tree_read (source, info->file_size, cancellable, error);
  if (boxes == NULL)
    return NULL;
  ftyp = cl_bmff_tree_first_top (boxes, CL_FOURCC ('f', 't', 'y', 'p'));
  memset (shift, 0, sizeof *shift);
  shift->carrier_length = carrier_length;
  if (ftyp != NULL)
    shift->insert = ftyp->offset + ftyp->size;
  if (info->store_ranges != NULL && info->store_ranges->len == 1) {
    ClByteRange *old = &g_array_index (info->store_ranges, ClByteRange, 0);

    shift->has_old = TRUE;
    shift->old_start = old->start;
    shift->old_length = old->length;
  }
  if (ftyp == NULL || ftyp->offset != 0 ||
      (shift->has_old && shift->old_start < shift->insert)) {
    g_set_error_literal (error, CL_SIGN_ERROR, CL_SIGN_ERROR_INPUT,
                         _("The image does not begin with its file type box"));
    return NULL;
  }
  return g_steal_pointer (&boxes);
}


ClAssetLayout *
cl_asset_bmff_lay_out (GInputStream       *source,
                       const ClAssetInfo  *info,
                       guint64             carrier_length,
                       GCancellable       *cancellable,
                       GError            **error)
{
  g_autoptr(ClAssetLayout) layout = cl_asset_layout_new ();
  g_autoptr(GArray) boxes = NULL;
  Shift shift;
  guint64 position;

  boxes = read_source (source, info, carrier_length, &shift, cancellable, error);
  if (boxes == NULL)
    return NULL;
  cl_asset_layout_add_source (layout, 0, shift.insert);
  cl_asset_layout_add_carrier (layout, carrier_length);
  position = shift.insert;
  /* Until the carrier's length is known only where it goes matters. */
  for (guint i = 0; carrier_length > 0 && i < boxes->len; i++) {
    const ClBmffBox *box = &g_array_index (boxes, ClBmffBox, i);
    g_autoptr(GBytes) moved = NULL;

    if (box->type != BOX_ILOC && box->type != BOX_STCO && box->type != BOX_CO64)
      continue;
    moved = move_box (source, box, &shift, cancellable, error);
    if (moved == NULL)
      return NULL;
    cl_asset_layout_add_source_except (layout, position, box->offset, info->store_ranges);
    cl_asset_layout_add_bytes (layout, moved);
    position = box->offset + box->size;
  }
  cl_asset_layout_add_source_except (layout, position, info->file_size, info->store_ranges);
  return g_steal_pointer (&layout);
}


/* Whether c2pa-rs's exclusions take this top-level box out of the hash whole. */
static gboolean
excluded_whole (const ClBmffBox *box)
{
  static const guint8 c2pa_uuid[16] = CL_BMFF_C2PA_UUID;
  const char *types = CL_BMFF_SIGN_EXCLUDED_TYPES;

  /* "/uuid" with the C2PA extended type at byte 8: a box with a 32-bit size. */
  if (box->type == CL_BOX_UUID)
    return box->has_uuid && box->header_len == 8 && memcmp (box->uuid, c2pa_uuid, 16) == 0;
  for (gsize i = 0; types[i] != '\0'; i += 4) {
    if (box->type == CL_FOURCC (types[i], types[i + 1], types[i + 2], types[i + 3]))
      return TRUE;
  }
  return FALSE;
}


static void
add_excluded (GArray  *exclusions,
              guint64  start,
              guint64  length)
{
  ClByteRange *last = exclusions->len > 0
    ? &g_array_index (exclusions, ClByteRange, exclusions->len - 1) : NULL;
  ClByteRange range = { start, length };

  if (last != NULL && last->start + last->length == start)
    last->length += length;
  else
    g_array_append_val (exclusions, range);
}


gboolean
cl_asset_bmff_hash_plan (GInputStream       *source,
                         const ClAssetInfo  *info,
                         guint64             carrier_length,
                         GArray            **exclusions,
                         GArray            **offsets,
                         GCancellable       *cancellable,
                         GError            **error)
{
  g_autoptr(GArray) boxes = NULL;
  g_autoptr(GArray) excluded = g_array_new (FALSE, FALSE, sizeof (ClByteRange));
  g_autoptr(GArray) hashed = g_array_new (FALSE, FALSE, sizeof (guint64));
  Shift shift;

  boxes = read_source (source, info, carrier_length, &shift, cancellable, error);
  if (boxes == NULL)
    return FALSE;
  for (guint i = 0; i < boxes->len; i++) {
    const ClBmffBox *box = &g_array_index (boxes, ClBmffBox, i);
    guint64 offset;

    if (box->parent >= 0 || (shift.has_old && box->offset == shift.old_start))
      continue;
    /* Top-level boxes lie inside the file, and the old C2PA box is not one of them. */
    if (!move_offset (&shift, box->offset, &offset))
      g_return_val_if_reached (FALSE);
    if (excluded_whole (box))
      add_excluded (excluded, offset, box->size);
    else
      g_array_append_val (hashed, offset);
    if (box->offset + box->size == shift.insert)
      add_excluded (excluded, shift.insert, carrier_length);
  }
  *exclusions = g_steal_pointer (&excluded);
  *offsets = g_steal_pointer (&hashed);
  return TRUE;
}
