/* cl-asset-tiff-writer.c: the manifest store as the value of the C2PA tag (0xCD41, type
 * UNDEFINED, C2PA 2.2 §A.3.5), added without moving a byte of the source.
 *
 * The source is kept whole and the store goes at the end, after a directory that points
 * to it, as c2pa-rs writes it: a single-page file gets a copy of IFD0 with the C2PA entry
 * added in tag order (the header's first-directory offset patched to it); a multi-page
 * file a last directory holding only the C2PA entry (the last page's next-directory
 * offset patched to it). A file that has a store already keeps its directories: the C2PA
 * entry is repointed at the new store, which replaces the old one when that ends the file.
 * The store's place never depends on its length.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "cl-asset-tiff-writer.h"
#include "cl-error.h"
#include "cl-tiff-ifd.h"


guint64
cl_asset_tiff_carrier_size (guint64 store_len)
{
  if (store_len == 0 || store_len > G_MAXUINT32)
    return 0;
  return store_len;
}


GBytes *
cl_asset_tiff_wrap_store (GBytes  *store,
                          GError **error)
{
  if (cl_asset_tiff_carrier_size (g_bytes_get_size (store)) == 0) {
    g_set_error_literal (error, CL_SIGN_ERROR, CL_SIGN_ERROR_FAILED,
                         _("The manifest store cannot be carried in a TIFF tag"));
    return NULL;
  }
  return g_bytes_ref (store);
}


static guint64
align_up (guint64 offset,
          guint   alignment)
{
  return (offset + alignment - 1) / alignment * alignment;
}


/* Directories start on a 4-byte boundary (8 in BigTIFF, whose fields are 8 bytes). */
static guint
directory_alignment (const ClTiffMap *map)
{
  return map->big_tiff ? 8 : 4;
}


/* Source bytes [0, keep_end) with the patch written over them at patch_at, zeros up to
 * carrier_at, new_bytes (may be NULL), then the carrier. */
static ClAssetLayout *
patched_layout (guint64   keep_end,
                guint64   patch_at,
                GBytes   *patch,
                guint64   new_at,
                GBytes   *new_bytes,
                guint64   carrier_length)
{
  ClAssetLayout *layout = cl_asset_layout_new ();
  guint64 patch_end = patch_at + g_bytes_get_size (patch);
  guint64 padding = new_at - keep_end;

  g_assert (patch_end <= keep_end && keep_end <= new_at);
  cl_asset_layout_add_source (layout, 0, patch_at);
  cl_asset_layout_add_bytes (layout, patch);
  cl_asset_layout_add_source (layout, patch_end, keep_end - patch_end);
  if (padding > 0) {
    g_autoptr(GBytes) zeros = g_bytes_new_take (g_malloc0 (padding), padding);

    cl_asset_layout_add_bytes (layout, zeros);
  }
  if (new_bytes != NULL)
    cl_asset_layout_add_bytes (layout, new_bytes);
  cl_asset_layout_add_carrier (layout, carrier_length);
  return layout;
}


static gboolean
check_fits (const ClTiffMap  *map,
            guint64           end,
            GError          **error)
{
  if (!map->big_tiff && end > G_MAXUINT32) {
    g_set_error_literal (error, CL_SIGN_ERROR, CL_SIGN_ERROR_INPUT,
                         _("The signed file would be larger than a TIFF file can be (4 GB); "
                           "only BigTIFF files can grow that large"));
    return FALSE;
  }
  return TRUE;
}


/* A C2PA entry pointing at the store: tag, type, count, offset. */
static void
put_c2pa_entry (const ClTiffMap *map,
                guint8          *p,
                guint64          carrier_at,
                guint64          carrier_length)
{
  guint size = cl_tiff_offset_size (map);

  cl_tiff_put (map, p, 2, CL_TIFF_TAG_C2PA);
  cl_tiff_put (map, p + 2, 2, CL_TIFF_TYPE_UNDEFINED);
  cl_tiff_put (map, p + 4, size, carrier_length);
  cl_tiff_put (map, p + 4 + size, size, carrier_at);
}


/* Re-signing: the existing C2PA entry's count and offset now name the new store. */
static ClAssetLayout *
repoint_store (const ClTiffMap    *map,
               const ClTiffEntry  *entry,
               const ClAssetInfo  *info,
               guint64             carrier_length,
               GError            **error)
{
  guint size = cl_tiff_offset_size (map);
  guint64 patch_at = entry->entry_offset + 4;
  guint64 keep_end = info->file_size;
  guint64 carrier_at;
  guint8 fields[16];
  g_autoptr(GBytes) patch = NULL;

  /* The old store ends the file (as a signer leaves it): the new one takes its place. */
  if (entry->value <= info->file_size && info->file_size - entry->value == entry->count &&
      entry->value >= patch_at + 2 * size)
    keep_end = entry->value;
  carrier_at = align_up (keep_end, 2);
  if (!check_fits (map, carrier_at + carrier_length, error))
    return NULL;
  cl_tiff_put (map, fields, size, carrier_length);
  cl_tiff_put (map, fields + size, size, carrier_at);
  patch = g_bytes_new (fields, 2 * size);
  return patched_layout (keep_end, patch_at, patch, carrier_at, NULL, carrier_length);
}


/* A single page: a copy of IFD0 with the C2PA entry, before the first entry of a higher
 * tag (directories are sorted by tag); the header points to the copy. */
static ClAssetLayout *
append_first_directory (GInputStream       *source,
                        const ClTiffMap    *map,
                        const ClAssetInfo  *info,
                        guint64             carrier_length,
                        GCancellable       *cancellable,
                        GError            **error)
{
  guint size = cl_tiff_offset_size (map), count_size = cl_tiff_count_field_size (map);
  guint entry_size = cl_tiff_entry_size (map);
  guint64 n = map->first.n_entries;
  gsize entries_len = (gsize) n * entry_size;
  g_autofree guint8 *entries = g_malloc (entries_len > 0 ? entries_len : 1);
  g_autoptr(GByteArray) ifd = NULL;
  guint64 ifd_at = align_up (info->file_size, directory_alignment (map));
  guint64 carrier_at = ifd_at + count_size + (n + 1) * entry_size + size;
  guint8 field[8], c2pa[20];
  gsize split = 0;
  g_autoptr(GBytes) header = NULL;

  if (!map->big_tiff && n + 1 > G_MAXUINT16) {
    g_set_error_literal (error, CL_SIGN_ERROR, CL_SIGN_ERROR_INPUT,
                         _("The TIFF file's first directory is full"));
    return NULL;
  }
  if (!check_fits (map, carrier_at + carrier_length, error) ||
      !cl_asset_read_at (source, map->first.offset + count_size, entries, entries_len,
                         _("a TIFF directory"), cancellable, error))
    return NULL;
  while (split < n && cl_tiff_get (map, entries + split * entry_size, 2) < CL_TIFF_TAG_C2PA)
    split++;

  ifd = g_byte_array_sized_new (carrier_at - ifd_at);
  cl_tiff_put (map, field, count_size, n + 1);
  g_byte_array_append (ifd, field, count_size);
  g_byte_array_append (ifd, entries, split * entry_size);
  put_c2pa_entry (map, c2pa, carrier_at, carrier_length);
  g_byte_array_append (ifd, c2pa, entry_size);
  g_byte_array_append (ifd, entries + split * entry_size, (n - split) * entry_size);
  cl_tiff_put (map, field, size, map->first.next);
  g_byte_array_append (ifd, field, size);

  /* The header's first-directory offset: at 4 in TIFF, at 8 in BigTIFF. */
  cl_tiff_put (map, field, size, ifd_at);
  header = g_bytes_new (field, size);
  return patched_layout (info->file_size, map->big_tiff ? 8 : 4, header, ifd_at,
                         g_byte_array_free_to_bytes (g_steal_pointer (&ifd)), carrier_length);
}


/* Several pages: a last directory with the C2PA entry alone, after the last page. */
static ClAssetLayout *
append_store_directory (const ClTiffMap    *map,
                        const ClAssetInfo  *info,
                        guint64             carrier_length,
                        GError            **error)
{
  guint size = cl_tiff_offset_size (map), count_size = cl_tiff_count_field_size (map);
  guint entry_size = cl_tiff_entry_size (map);
  guint64 ifd_at = align_up (info->file_size, directory_alignment (map));
  guint64 carrier_at = ifd_at + count_size + entry_size + size;
  guint8 ifd[8 + 20 + 8] = { 0, };   /* the next-directory offset stays 0 */
  guint8 field[8];
  g_autoptr(GBytes) next = NULL;
  g_autoptr(GBytes) directory = NULL;

  if (!check_fits (map, carrier_at + carrier_length, error))
    return NULL;
  cl_tiff_put (map, ifd, count_size, 1);
  put_c2pa_entry (map, ifd + count_size, carrier_at, carrier_length);
  directory = g_bytes_new (ifd, count_size + entry_size + size);
  cl_tiff_put (map, field, size, ifd_at);
  next = g_bytes_new (field, size);
  return patched_layout (info->file_size, map->last.next_field_offset, next, ifd_at,
                         directory, carrier_length);
}


ClAssetLayout *
cl_asset_tiff_lay_out (GInputStream       *source,
                       const ClAssetInfo  *info,
                       guint64             carrier_length,
                       GCancellable       *cancellable,
                       GError            **error)
{
  ClTiffMap map;
  const ClTiffEntry *entry;

  if (!cl_tiff_map (source, info->file_size, &map, cancellable, error))
    return NULL;
  entry = cl_tiff_map_store_entry (&map);
  if (entry != NULL)
    return repoint_store (&map, entry, info, carrier_length, error);
  if (map.n_pages == 1)
    return append_first_directory (source, &map, info, carrier_length, cancellable, error);
  return append_store_directory (&map, info, carrier_length, error);
}
