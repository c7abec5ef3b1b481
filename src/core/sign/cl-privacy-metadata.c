/* cl-privacy-metadata.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "cl-limits.h"
#include "cl-privacy-metadata.h"

#define EXIF_HEADER "Exif\0\0"
#define EXIF_HEADER_LEN 6
#define RIFF_HEADER_LEN 12
#define CHUNK_HEADER_LEN 8


static guint32
be32 (const guint8 *p)
{
  return (guint32) p[0] << 24 | (guint32) p[1] << 16 | (guint32) p[2] << 8 | p[3];
}


static guint32
le32 (const guint8 *p)
{
  return (guint32) p[0] | (guint32) p[1] << 8 | (guint32) p[2] << 16 | (guint32) p[3] << 24;
}


/* The Exif TIFF block of a JPEG (APP1 "Exif\0\0") among the segments before the scan. */
static gboolean
jpeg_exif (const guint8 *data,
           gsize         len,
           gsize        *start,
           gsize        *tiff_len)
{
  guint64 at = 2;

  while (at + 4 <= len && data[at] == 0xFF) {
    guint8 marker = data[at + 1];
    guint64 segment_len;

    if (marker == 0xFF) {               /* fill byte */
      at++;
      continue;
    }
    if (marker == 0xDA || marker == 0xD9)
      break;
    if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8)) {
      at += 2;
      continue;
    }
    segment_len = (guint64) data[at + 2] << 8 | data[at + 3];
    if (segment_len < 2 || at + 2 + segment_len > len)
      break;
    if (marker == 0xE1 && segment_len - 2 > EXIF_HEADER_LEN &&
        memcmp (data + at + 4, EXIF_HEADER, EXIF_HEADER_LEN) == 0) {
      *start = at + 4 + EXIF_HEADER_LEN;
      *tiff_len = segment_len - 2 - EXIF_HEADER_LEN;
      return TRUE;
    }
    at += 2 + segment_len;
  }
  return FALSE;
}


/* The eXIf chunk of a PNG, among the chunks before the image data. */
static gboolean
png_exif (const guint8 *data,
          gsize         len,
          gsize        *start,
          gsize        *tiff_len)
{
  guint64 at = 8;

  while (at + 12 <= len) {
    guint64 chunk_len = be32 (data + at);
    const guint8 *type = data + at + 4;

    if (memcmp (type, "IDAT", 4) == 0 || memcmp (type, "IEND", 4) == 0 ||
        at + 12 + chunk_len > len)
      break;
    if (memcmp (type, "eXIf", 4) == 0) {
      *start = at + 8;
      *tiff_len = chunk_len;
      return TRUE;
    }
    at += 12 + chunk_len;
  }
  return FALSE;
}


static GBytes *
read_bytes (GInputStream  *stream,
            guint64        offset,
            gsize          len,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autofree guint8 *data = g_malloc (MAX (len, 1));
  gsize got = 0;

  if (!g_seekable_seek (G_SEEKABLE (stream), (goffset) offset, G_SEEK_SET, cancellable, error) ||
      !g_input_stream_read_all (stream, data, len, &got, cancellable, error))
    return NULL;
  return g_bytes_new_take (g_realloc (g_steal_pointer (&data), MAX (got, 1)), got);
}


/* JPEG, PNG and TIFF: one region, the file's first bytes, which hold the Exif; other formats:
 * the first bytes, where an XMP packet is looked for. */
static gboolean
add_head (GArray             *regions,
          GInputStream       *stream,
          const ClAssetInfo  *info,
          GCancellable       *cancellable,
          GError            **error)
{
  gsize limit = info->format == CL_ASSET_FORMAT_TIFF ? CL_LIMIT_TIFF_METADATA_SCAN_SIZE
                                                     : CL_LIMIT_XMP_SCAN_SIZE;
  ClMetadataRegion region = { 0, NULL, 0, 0, TRUE };
  const guint8 *data;
  gsize len;

  region.bytes = read_bytes (stream, 0, (gsize) MIN (info->file_size, (guint64) limit),
                             cancellable, error);
  if (region.bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (region.bytes, &len);
  if (info->format == CL_ASSET_FORMAT_JPEG)
    jpeg_exif (data, len, &region.exif_start, &region.exif_len);
  else if (info->format == CL_ASSET_FORMAT_PNG)
    png_exif (data, len, &region.exif_start, &region.exif_len);
  else if (info->format == CL_ASSET_FORMAT_TIFF)
    region.exif_len = len;
  g_array_append_val (regions, region);
  return TRUE;
}


/* WebP: the data of its EXIF chunk (which some writers start with "Exif\0\0") and of its
 * "XMP " chunk. */
static gboolean
add_webp_chunks (GArray             *regions,
                 GInputStream       *stream,
                 const ClAssetInfo  *info,
                 guint              *unread,
                 GCancellable       *cancellable,
                 GError            **error)
{
  guint64 offset = RIFF_HEADER_LEN;

  for (guint chunks = 0; chunks < CL_LIMIT_RIFF_CHUNKS &&
       offset + CHUNK_HEADER_LEN <= info->file_size; chunks++) {
    g_autoptr(GBytes) header = read_bytes (stream, offset, CHUNK_HEADER_LEN, cancellable, error);
    const guint8 *chunk;
    gboolean is_exif, is_xmp;
    guint32 length;

    if (header == NULL)
      return FALSE;
    if (g_bytes_get_size (header) < CHUNK_HEADER_LEN)
      break;
    chunk = g_bytes_get_data (header, NULL);
    length = le32 (chunk + 4);
    is_exif = memcmp (chunk, "EXIF", 4) == 0;
    is_xmp = memcmp (chunk, "XMP ", 4) == 0;
    if ((is_exif || is_xmp) && length > CL_LIMIT_XMP_PACKET_SIZE) {
      (*unread)++;
    } else if (is_exif || is_xmp) {
      ClMetadataRegion region = { offset + CHUNK_HEADER_LEN, NULL, 0, 0, is_xmp };
      const guint8 *data;

      region.bytes = read_bytes (stream, region.offset, length, cancellable, error);
      if (region.bytes == NULL)
        return FALSE;
      data = g_bytes_get_data (region.bytes, &region.exif_len);
      if (!is_exif) {
        region.exif_len = 0;
      } else if (region.exif_len > EXIF_HEADER_LEN &&
                 memcmp (data, EXIF_HEADER, EXIF_HEADER_LEN) == 0) {
        region.exif_start = EXIF_HEADER_LEN;
        region.exif_len -= EXIF_HEADER_LEN;
      }
      g_array_append_val (regions, region);
    }
    offset += CHUNK_HEADER_LEN + (guint64) length + (length & 1);
  }
  return TRUE;
}


static void
region_clear (ClMetadataRegion *region)
{
  g_clear_pointer (&region->bytes, g_bytes_unref);
}


GArray *
cl_privacy_metadata_read (GInputStream       *stream,
                          const ClAssetInfo  *info,
                          guint              *unread,
                          GCancellable       *cancellable,
                          GError            **error)
{
  g_autoptr(GArray) regions = g_array_new (FALSE, TRUE, sizeof (ClMetadataRegion));
  gboolean ok = TRUE;

  g_array_set_clear_func (regions, (GDestroyNotify) region_clear);
  *unread = 0;
  switch (info->format) {
  case CL_ASSET_FORMAT_WEBP:
    ok = add_webp_chunks (regions, stream, info, unread, cancellable, error);
    break;
  default:
    ok = add_head (regions, stream, info, cancellable, error);
    break;
  }
  return ok ? g_steal_pointer (&regions) : NULL;
}
