/* cl-tiff-ifd.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "cl-asset-info.h"
#include "cl-error.h"
#include "cl-limits.h"
#include "cl-tiff-ifd.h"

typedef struct {
  GInputStream  *stream;
  guint64        file_size;
  ClTiffMap     *map;
  guint64        entries_read;
  GCancellable  *cancellable;
} Walk;

/* What a page's directory points to besides the next page. */
typedef struct {
  gboolean  has_subifds, has_exif, has_gps;
  guint64   subifds_count;
  guint8    subifds_field[8];   /* the SubIFDs value field as stored */
  guint64   subifds_offset, exif_offset, gps_offset;
} PageLinks;


guint
cl_tiff_offset_size (const ClTiffMap *map)
{
  return map->big_tiff ? 8 : 4;
}


guint
cl_tiff_count_field_size (const ClTiffMap *map)
{
  return map->big_tiff ? 8 : 2;
}


guint
cl_tiff_entry_size (const ClTiffMap *map)
{
  return map->big_tiff ? 20 : 12;
}


guint64
cl_tiff_get (const ClTiffMap *map,
             const guint8    *p,
             guint            size)
{
  guint64 value = 0;

  for (guint i = 0; i < size; i++)
    value = (value << 8) | p[map->big_endian ? i : size - 1 - i];
  return value;
}


void
cl_tiff_put (const ClTiffMap *map,
             guint8          *p,
             guint            size,
             guint64          value)
{
  for (guint i = 0; i < size; i++) {
    p[map->big_endian ? size - 1 - i : i] = (guint8) (value & 0xFF);
    value >>= 8;
  }
}


static void
set_past_end (GError  **error,
              guint64   offset)
{
  g_set_error (error, CL_ASSET_ERROR, CL_ASSET_ERROR_TRUNCATED,
               _("The TIFF structure is broken: a directory at byte %llu"
                 " runs past the end of the file"), (unsigned long long) offset);
}


/* Reads the entry count of the directory at offset and checks that the whole directory
 * (count, entries, next offset) lies inside the file. */
static gboolean
directory_size (Walk     *walk,
                guint64   offset,
                guint64  *n_entries,
                GError  **error)
{
  const ClTiffMap *map = walk->map;
  guint count_size = cl_tiff_count_field_size (map);
  guint entry_size = cl_tiff_entry_size (map);
  guint8 field[8];
  guint64 room;

  if (offset > walk->file_size || walk->file_size - offset < count_size) {
    set_past_end (error, offset);
    return FALSE;
  }
  if (!cl_asset_read_at (walk->stream, offset, field, count_size, _("a TIFF directory"),
                         walk->cancellable, error))
    return FALSE;
  *n_entries = cl_tiff_get (map, field, count_size);
  room = walk->file_size - offset - count_size;
  if (room < cl_tiff_offset_size (map) ||
      *n_entries > (room - cl_tiff_offset_size (map)) / entry_size) {
    set_past_end (error, offset);
    return FALSE;
  }
  return TRUE;
}


static void
parse_entry (const ClTiffMap *map,
             const guint8    *p,
             guint64          entry_offset,
             ClTiffEntry     *entry)
{
  guint size = cl_tiff_offset_size (map);

  entry->tag = (guint16) cl_tiff_get (map, p, 2);
  entry->type = (guint16) cl_tiff_get (map, p + 2, 2);
  entry->count = cl_tiff_get (map, p + 4, size);
  entry->value = cl_tiff_get (map, p + 4 + size, size);
  memset (entry->field, 0, sizeof entry->field);
  memcpy (entry->field, p + 4 + size, size);
  entry->entry_offset = entry_offset;
}


/* Reads a page's directory: where it is, its C2PA and XMP entries, what it links to. A
 * tag given twice counts with its last entry. */
static gboolean
read_page (Walk       *walk,
           guint64     offset,
           ClTiffIfd  *ifd,
           PageLinks  *links,
           GError    **error)
{
  const ClTiffMap *map = walk->map;
  guint entry_size = cl_tiff_entry_size (map);
  guint offset_size = cl_tiff_offset_size (map);
  guint64 first_entry = offset + cl_tiff_count_field_size (map);
  g_autofree guint8 *buffer = NULL;
  ClTiffEntry data[4] = { { 0, }, };   /* strip offsets, counts, tile offsets, counts */
  gsize len;

  memset (ifd, 0, sizeof *ifd);
  memset (links, 0, sizeof *links);
  ifd->offset = offset;
  if (!directory_size (walk, offset, &ifd->n_entries, error))
    return FALSE;
  if (ifd->n_entries > CL_LIMIT_TIFF_IFD_ENTRIES ||
      ifd->n_entries > CL_LIMIT_TIFF_ENTRIES - walk->entries_read) {
    g_set_error (error, CL_ASSET_ERROR, CL_ASSET_ERROR_TOO_LARGE,
                 _("The TIFF directory at byte %llu has more entries than "
                   "CredLink reads"), (unsigned long long) offset);
    return FALSE;
  }
  walk->entries_read += ifd->n_entries;
  len = (gsize) ifd->n_entries * entry_size + offset_size;
  buffer = g_malloc (len);
  if (!cl_asset_read_at (walk->stream, first_entry, buffer, len, _("a TIFF directory"),
                         walk->cancellable, error))
    return FALSE;

  for (guint64 i = 0; i < ifd->n_entries; i++) {
    const guint8 *p = buffer + i * entry_size;
    ClTiffEntry entry;

    parse_entry (map, p, first_entry + i * entry_size, &entry);
    switch (entry.tag) {
    case CL_TIFF_TAG_C2PA:
      ifd->has_c2pa = TRUE;
      ifd->c2pa = entry;
      break;
    case CL_TIFF_TAG_XMP:
      ifd->has_xmp = TRUE;
      ifd->xmp = entry;
      break;
    case CL_TIFF_TAG_SUBIFDS:
      links->has_subifds = TRUE;
      links->subifds_count = entry.count;
      links->subifds_offset = entry.value;
      memcpy (links->subifds_field, p + 4 + offset_size, offset_size);
      break;
    case CL_TIFF_TAG_STRIP_OFFSETS:
      data[0] = entry;
      break;
    case CL_TIFF_TAG_STRIP_BYTE_COUNTS:
      data[1] = entry;
      break;
    case CL_TIFF_TAG_TILE_OFFSETS:
      data[2] = entry;
      break;
    case CL_TIFF_TAG_TILE_BYTE_COUNTS:
      data[3] = entry;
      break;
    case CL_TIFF_TAG_EXIF:
      links->has_exif = TRUE;
      links->exif_offset = entry.value;
      break;
    case CL_TIFF_TAG_GPS:
      links->has_gps = TRUE;
      links->gps_offset = entry.value;
      break;
    default:
      break;
    }
  }
  /* Tiles when the page has them, else strips. */
  for (guint i = 0; i < 4; i += 2) {
    if (data[i].tag != 0 && data[i + 1].tag != 0) {
      ifd->has_data = TRUE;
      ifd->data_offsets = data[i];
      ifd->data_counts = data[i + 1];
    }
  }
  ifd->next_field_offset = first_entry + ifd->n_entries * entry_size;
  ifd->next = cl_tiff_get (map, buffer + len - offset_size, offset_size);
  return TRUE;
}


/* The SubIFDs tag holds 32-bit offsets of directories (DNG keeps its raw image there),
 * in the value field when they fit. */
static gboolean
check_sub_images (Walk       *walk,
                  PageLinks  *links,
                  GError    **error)
{
  const ClTiffMap *map = walk->map;
  guint8 offsets[4 * CL_LIMIT_TIFF_SUBIFDS];
  guint64 n = links->subifds_count;
  guint64 n_entries;

  if (n > CL_LIMIT_TIFF_SUBIFDS) {
    g_set_error (error, CL_ASSET_ERROR, CL_ASSET_ERROR_TOO_LARGE,
                 _("The TIFF file has more than %u sub-images in one page"),
                 (guint) CL_LIMIT_TIFF_SUBIFDS);
    return FALSE;
  }
  if (n * 4 <= cl_tiff_offset_size (map)) {
    memcpy (offsets, links->subifds_field, (gsize) n * 4);
  } else if (links->subifds_offset > walk->file_size ||
             walk->file_size - links->subifds_offset < n * 4) {
    set_past_end (error, links->subifds_offset);
    return FALSE;
  } else if (!cl_asset_read_at (walk->stream, links->subifds_offset, offsets, (gsize) n * 4,
                                _("a TIFF directory"), walk->cancellable, error)) {
    return FALSE;
  }
  for (guint64 i = 0; i < n; i++) {
    if (!directory_size (walk, cl_tiff_get (map, offsets + i * 4, 4), &n_entries, error))
      return FALSE;
  }
  return TRUE;
}


static gboolean
check_links (Walk       *walk,
             PageLinks  *links,
             GError    **error)
{
  guint64 n_entries;

  if (links->has_subifds && !check_sub_images (walk, links, error))
    return FALSE;
  if (links->has_exif && !directory_size (walk, links->exif_offset, &n_entries, error))
    return FALSE;
  if (links->has_gps && !directory_size (walk, links->gps_offset, &n_entries, error))
    return FALSE;
  return TRUE;
}


static gboolean
read_header (Walk     *walk,
             guint64  *first_offset,
             GError  **error)
{
  ClTiffMap *map = walk->map;
  guint8 header[16];
  guint64 magic;

  if (!cl_asset_read_at (walk->stream, 0, header, 8, _("the TIFF header"), walk->cancellable,
                         error))
    return FALSE;
  map->big_endian = header[0] == 'M';
  magic = cl_tiff_get (map, header + 2, 2);
  if ((memcmp (header, "II", 2) != 0 && memcmp (header, "MM", 2) != 0) ||
      (magic != 42 && magic != 43)) {
    g_set_error_literal (error, CL_ASSET_ERROR, CL_ASSET_ERROR_MALFORMED,
                         _("The TIFF header is broken"));
    return FALSE;
  }
  map->big_tiff = magic == 43;
  if (!map->big_tiff) {
    *first_offset = cl_tiff_get (map, header + 4, 4);
    return TRUE;
  }
  if (!cl_asset_read_at (walk->stream, 8, header + 8, 8, _("the TIFF header"),
                         walk->cancellable, error))
    return FALSE;
  /* BigTIFF: the size of offsets (8) and a reserved zero, then the first offset. */
  if (cl_tiff_get (map, header + 4, 2) != 8 || cl_tiff_get (map, header + 6, 2) != 0) {
    g_set_error_literal (error, CL_ASSET_ERROR, CL_ASSET_ERROR_MALFORMED,
                         _("The BigTIFF header is broken"));
    return FALSE;
  }
  *first_offset = cl_tiff_get (map, header + 8, 8);
  return TRUE;
}


gboolean
cl_tiff_map (GInputStream  *stream,
             guint64        file_size,
             ClTiffMap     *map,
             GCancellable  *cancellable,
             GError       **error)
{
  Walk walk = { stream, file_size, map, 0, cancellable };
  g_autoptr(GArray) visited = g_array_new (FALSE, FALSE, sizeof (guint64));
  guint64 offset;
  ClTiffIfd page;
  PageLinks links;

  memset (map, 0, sizeof *map);
  if (!read_header (&walk, &offset, error) ||
      !read_page (&walk, offset, &map->first, &links, error))
    return FALSE;
  g_array_append_val (visited, offset);
  page = map->first;
  map->n_pages = 1;
  for (;;) {
    if (!check_links (&walk, &links, error))
      return FALSE;
    if (page.next == 0)
      break;
    for (guint i = 0; i < visited->len; i++) {
      if (g_array_index (visited, guint64, i) == page.next) {
        g_set_error_literal (error, CL_ASSET_ERROR, CL_ASSET_ERROR_MALFORMED,
                             _("The TIFF structure is broken: its pages form a loop"));
        return FALSE;
      }
    }
    if (map->n_pages >= CL_LIMIT_TIFF_PAGES) {
      g_set_error (error, CL_ASSET_ERROR, CL_ASSET_ERROR_TOO_LARGE,
                   _("The TIFF file has more than %u pages"), (guint) CL_LIMIT_TIFF_PAGES);
      return FALSE;
    }
    offset = page.next;
    g_array_append_val (visited, offset);
    if (!read_page (&walk, offset, &page, &links, error))
      return FALSE;
    map->n_pages++;
  }
  map->last = page;
  return TRUE;
}


const ClTiffEntry *
cl_tiff_map_store_entry (const ClTiffMap *map)
{
  if (map->last.has_c2pa)
    return &map->last.c2pa;
  if (map->first.has_c2pa)
    return &map->first.c2pa;
  return NULL;
}


static guint
value_size (guint16 type)
{
  switch (type) {
  case CL_TIFF_TYPE_SHORT: return 2;
  case CL_TIFF_TYPE_LONG: return 4;
  case CL_TIFF_TYPE_LONG8: return 8;
  default: return 0;
  }
}


/* Values [first, first + n) of an array of SHORT, LONG or LONG8, inline or in the file. */
static gboolean
read_values (GInputStream       *stream,
             guint64             file_size,
             const ClTiffMap    *map,
             const ClTiffEntry  *entry,
             guint64             first,
             guint               n,
             guint64            *values,
             GCancellable       *cancellable,
             GError            **error)
{
  guint size = value_size (entry->type);
  guint8 buffer[8 * 1024];

  g_assert (n <= 1024);
  if (entry->count * size <= cl_tiff_offset_size (map)) {
    memcpy (buffer, entry->field + first * size, (gsize) n * size);
  } else if (entry->value > file_size || file_size - entry->value < entry->count * size) {
    set_past_end (error, entry->entry_offset);
    return FALSE;
  } else if (!cl_asset_read_at (stream, entry->value + first * size, buffer, (gsize) n * size,
                                _("a TIFF directory"), cancellable, error)) {
    return FALSE;
  }
  for (guint i = 0; i < n; i++)
    values[i] = cl_tiff_get (map, buffer + i * size, size);
  return TRUE;
}


gboolean
cl_tiff_check_image_data (GInputStream     *stream,
                          guint64           file_size,
                          const ClTiffMap  *map,
                          const ClTiffIfd  *ifd,
                          GCancellable     *cancellable,
                          GError          **error)
{
  const ClTiffEntry *offsets = &ifd->data_offsets, *counts = &ifd->data_counts;
  guint64 starts[1024], lengths[1024];

  if (!ifd->has_data)
    return TRUE;
  if (offsets->count != counts->count || value_size (offsets->type) == 0 ||
      value_size (counts->type) == 0 || offsets->count > CL_LIMIT_TIFF_DATA_PIECES) {
    g_set_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_INPUT,
                 _("The TIFF structure is broken: the directory at byte %llu"
                   " does not say clearly where its image data is"),
                 (unsigned long long) ifd->offset);
    return FALSE;
  }
  for (guint64 first = 0; first < offsets->count; first += 1024) {
    guint n = (guint) MIN (offsets->count - first, 1024);

    if (!read_values (stream, file_size, map, offsets, first, n, starts, cancellable, error) ||
        !read_values (stream, file_size, map, counts, first, n, lengths, cancellable, error))
      return FALSE;
    for (guint i = 0; i < n; i++) {
      if (starts[i] > file_size || file_size - starts[i] < lengths[i]) {
        g_set_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_INPUT,
                     _("The TIFF file ends at byte %llu before its image data "
                       "does: it is truncated"), (unsigned long long) file_size);
        return FALSE;
      }
    }
  }
  return TRUE;
}
