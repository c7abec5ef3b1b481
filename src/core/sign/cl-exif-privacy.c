/* cl-exif-privacy.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "cl-exif-privacy.h"
#include "cl-limits.h"

/* TIFF 6.0 / Exif 2.3 tags. */
#define TAG_ARTIST            0x013B
#define TAG_COPYRIGHT         0x8298
#define TAG_EXIF_IFD          0x8769
#define TAG_GPS_IFD           0x8825
#define TAG_OWNER_NAME        0xA430
#define TAG_BODY_SERIAL       0xA431
#define TAG_LENS_SERIAL       0xA435
#define TAG_GPS_LATITUDE_REF  0x0001
#define TAG_GPS_LATITUDE      0x0002
#define TAG_GPS_LONGITUDE_REF 0x0003
#define TAG_GPS_LONGITUDE     0x0004

#define TYPE_ASCII    2
#define TYPE_LONG     4
#define TYPE_IFD      13
#define TYPE_RATIONAL 5

#define ENTRY_SIZE 12

typedef struct {
  const guint8 *data;
  gsize         len;
  gboolean      big_endian;
} Tiff;

typedef struct {
  guint16 tag;
  guint16 type;
  guint32 count;
  guint64 value_offset;   /* where the value is: in the entry when it fits in 4 bytes */
} Entry;


void
cl_exif_privacy_free (ClExifPrivacy *facts)
{
  if (facts == NULL)
    return;
  g_free (facts->gps_position);
  g_free (facts->body_serial);
  g_free (facts->lens_serial);
  g_free (facts->owner);
  g_free (facts->artist);
  g_free (facts->copyright);
  g_free (facts);
}


/* Byte-wise reads: the block may sit at any alignment. */
static gboolean
read_u16 (const Tiff *tiff,
          guint64     offset,
          guint16    *value)
{
  const guint8 *p;

  if (offset > tiff->len || tiff->len - offset < 2)
    return FALSE;
  p = tiff->data + offset;
  *value = tiff->big_endian ? (guint16) (p[0] << 8 | p[1]) : (guint16) (p[1] << 8 | p[0]);
  return TRUE;
}


static gboolean
read_u32 (const Tiff *tiff,
          guint64     offset,
          guint32    *value)
{
  const guint8 *p;

  if (offset > tiff->len || tiff->len - offset < 4)
    return FALSE;
  p = tiff->data + offset;
  *value = tiff->big_endian
           ? (guint32) p[0] << 24 | (guint32) p[1] << 16 | (guint32) p[2] << 8 | p[3]
           : (guint32) p[3] << 24 | (guint32) p[2] << 16 | (guint32) p[1] << 8 | p[0];
  return TRUE;
}


static gsize
type_size (guint16 type)
{
  switch (type) {
  case 1: case 2: case 6: case 7:
    return 1;
  case 3: case 8:
    return 2;
  case 4: case 9: case 11:
    return 4;
  case 5: case 10: case 12:
    return 8;
  default:
    return 0;
  }
}


/* The entry for tag in the IFD at ifd_offset; FALSE when it is absent or out of bounds. */
static gboolean
find_entry (const Tiff *tiff,
            guint32     ifd_offset,
            guint16     tag,
            Entry      *entry)
{
  guint16 n_entries;

  if (!read_u16 (tiff, ifd_offset, &n_entries) || n_entries > CL_LIMIT_EXIF_ENTRIES)
    return FALSE;
  for (guint i = 0; i < n_entries; i++) {
    guint64 at = (guint64) ifd_offset + 2 + (guint64) i * ENTRY_SIZE;
    guint32 offset;
    guint64 size;

    if (!read_u16 (tiff, at, &entry->tag) || !read_u16 (tiff, at + 2, &entry->type) ||
        !read_u32 (tiff, at + 4, &entry->count) || !read_u32 (tiff, at + 8, &offset))
      return FALSE;
    if (entry->tag != tag)
      continue;
    size = (guint64) entry->count * type_size (entry->type);
    entry->value_offset = size <= 4 ? at + 8 : offset;
    return size > 0 && entry->value_offset <= tiff->len && tiff->len - entry->value_offset >= size;
  }
  return FALSE;
}


/* An ASCII value, trimmed; NULL when absent or empty. */
static char *
read_text (const Tiff *tiff,
           guint32     ifd_offset,
           guint16     tag)
{
  Entry entry;
  g_autofree char *text = NULL;

  if (!find_entry (tiff, ifd_offset, tag, &entry) || entry.type != TYPE_ASCII)
    return NULL;
  text = g_strndup ((const char *) tiff->data + entry.value_offset, entry.count);
  g_strstrip (text);
  if (text[0] == '\0')
    return NULL;
  return g_utf8_make_valid (text, -1);
}


/* Degrees from three RATIONALs (degrees, minutes, seconds); FALSE when unreadable. */
static gboolean
read_degrees (const Tiff *tiff,
              guint32     gps_ifd,
              guint16     tag,
              double     *degrees)
{
  Entry entry;
  double parts[3];

  if (!find_entry (tiff, gps_ifd, tag, &entry) || entry.type != TYPE_RATIONAL ||
      entry.count != 3)
    return FALSE;
  for (guint i = 0; i < 3; i++) {
    guint32 numerator, denominator;

    if (!read_u32 (tiff, entry.value_offset + 8 * i, &numerator) ||
        !read_u32 (tiff, entry.value_offset + 8 * i + 4, &denominator) || denominator == 0)
      return FALSE;
    parts[i] = (double) numerator / denominator;
  }
  *degrees = parts[0] + parts[1] / 60 + parts[2] / 3600;
  return TRUE;
}


/* The position of the GPS IFD, when readable. */
static char *
read_gps_position (const Tiff *tiff,
                   guint32     gps_ifd)
{
  g_autofree char *lat_ref = read_text (tiff, gps_ifd, TAG_GPS_LATITUDE_REF);
  g_autofree char *lon_ref = read_text (tiff, gps_ifd, TAG_GPS_LONGITUDE_REF);
  double lat, lon;

  if (read_degrees (tiff, gps_ifd, TAG_GPS_LATITUDE, &lat) &&
      read_degrees (tiff, gps_ifd, TAG_GPS_LONGITUDE, &lon)) {
    char lat_text[G_ASCII_DTOSTR_BUF_SIZE], lon_text[G_ASCII_DTOSTR_BUF_SIZE];

    g_ascii_formatd (lat_text, sizeof lat_text, "%.6f", lat);
    g_ascii_formatd (lon_text, sizeof lon_text, "%.6f", lon);
    return g_strdup_printf ("%s° %s, %s° %s", lat_text, lat_ref != NULL ? lat_ref : "?",
                            lon_text, lon_ref != NULL ? lon_ref : "?");
  }
  return NULL;
}


/* The IFD a pointer tag of IFD0 points to, or 0. */
static guint32
sub_ifd (const Tiff *tiff,
         guint32     ifd0,
         guint16     tag)
{
  Entry entry;
  guint32 offset;

  if (!find_entry (tiff, ifd0, tag, &entry) || entry.type != TYPE_LONG || entry.count != 1 ||
      !read_u32 (tiff, entry.value_offset, &offset))
    return 0;
  return offset;
}


ClExifPrivacy *
cl_exif_privacy_read (const guint8 *data,
                      gsize         len)
{
  ClExifPrivacy *facts = g_new0 (ClExifPrivacy, 1);
  Tiff tiff = { data, len, FALSE };
  guint32 ifd0, exif_ifd, gps_ifd;
  guint16 magic;

  if (len < 8 || !((data[0] == 'I' && data[1] == 'I') || (data[0] == 'M' && data[1] == 'M')))
    return facts;
  tiff.big_endian = data[0] == 'M';
  if (!read_u16 (&tiff, 2, &magic) || magic != 42 || !read_u32 (&tiff, 4, &ifd0))
    return facts;
  facts->artist = read_text (&tiff, ifd0, TAG_ARTIST);
  facts->copyright = read_text (&tiff, ifd0, TAG_COPYRIGHT);
  exif_ifd = sub_ifd (&tiff, ifd0, TAG_EXIF_IFD);
  if (exif_ifd != 0) {
    facts->owner = read_text (&tiff, exif_ifd, TAG_OWNER_NAME);
    facts->body_serial = read_text (&tiff, exif_ifd, TAG_BODY_SERIAL);
    facts->lens_serial = read_text (&tiff, exif_ifd, TAG_LENS_SERIAL);
  }
  gps_ifd = sub_ifd (&tiff, ifd0, TAG_GPS_IFD);
  if (gps_ifd != 0) {
    guint16 n_entries;

    facts->has_gps = read_u16 (&tiff, gps_ifd, &n_entries) && n_entries > 0;
    facts->gps_position = read_gps_position (&tiff, gps_ifd);
  }
  return facts;
}


/* Whether the directory at ifd_offset, its entries and its next-directory offset, lies
 * whole inside the block. */
static gboolean
ifd_in_bounds (const Tiff *tiff,
               guint32     ifd_offset,
               guint16    *n_entries)
{
  return read_u16 (tiff, ifd_offset, n_entries) && *n_entries <= CL_LIMIT_EXIF_ENTRIES &&
         (guint64) ifd_offset + 2 + (guint64) *n_entries * ENTRY_SIZE + 4 <= tiff->len;
}


/* Where the entry of tag sits in a directory checked by ifd_in_bounds, or 0. */
static guint64
entry_at (const Tiff *tiff,
          guint32     ifd_offset,
          guint16     n_entries,
          guint16     tag)
{
  for (guint i = 0; i < n_entries; i++) {
    guint64 at = (guint64) ifd_offset + 2 + (guint64) i * ENTRY_SIZE;
    guint16 entry_tag;

    if (read_u16 (tiff, at, &entry_tag) && entry_tag == tag)
      return at;
  }
  return 0;
}


/* Zeroes the value of the entry at `at` (in the entry when it fits there); FALSE when the
 * value lies outside the block. */
static gboolean
zero_value (const Tiff *tiff,
            guint8     *data,
            guint64     at)
{
  guint16 type;
  guint32 count, offset;
  guint64 size;

  if (!read_u16 (tiff, at + 2, &type) || !read_u32 (tiff, at + 4, &count) ||
      !read_u32 (tiff, at + 8, &offset))
    return FALSE;
  size = (guint64) count * type_size (type);
  if (size <= 4) {
    memset (data + at + 8, 0, 4);
    return TRUE;
  }
  if (offset > tiff->len || tiff->len - offset < size)
    return FALSE;
  memset (data + offset, 0, size);
  return TRUE;
}


/* The directory a pointer entry of IFD0 names, checked; FALSE when it cannot be read. */
static gboolean
pointed_ifd (const Tiff *tiff,
             guint64     pointer_at,
             guint32    *ifd_offset,
             guint16    *n_entries)
{
  guint16 type;

  return read_u16 (tiff, pointer_at + 2, &type) && (type == TYPE_LONG || type == TYPE_IFD) &&
         read_u32 (tiff, pointer_at + 8, ifd_offset) && *ifd_offset != 0 &&
         ifd_in_bounds (tiff, *ifd_offset, n_entries);
}


/* Every GPS value zeroed, and the GPS directory made empty: no entries, no next
 * directory. IFD0's GPSInfo entry stays (taking it out would move IFD0's other entries)
 * and points at that empty directory, where readers find no position. */
static gboolean
remove_gps (const Tiff *tiff,
            guint8     *data,
            guint32     ifd0,
            guint16     ifd0_entries)
{
  guint64 pointer_at = entry_at (tiff, ifd0, ifd0_entries, TAG_GPS_IFD);
  guint32 gps_ifd;
  guint16 n_entries;

  if (pointer_at == 0)
    return TRUE;
  if (!pointed_ifd (tiff, pointer_at, &gps_ifd, &n_entries))
    return FALSE;
  for (guint i = 0; i < n_entries; i++) {
    if (!zero_value (tiff, data, (guint64) gps_ifd + 2 + (guint64) i * ENTRY_SIZE))
      return FALSE;
  }
  memset (data + gps_ifd, 0, 2 + (gsize) n_entries * ENTRY_SIZE + 4);
  return TRUE;
}


/* The serial numbers' strings overwritten with NULs; the entries stay, empty. */
static gboolean
remove_serials (const Tiff *tiff,
                guint8     *data,
                guint32     ifd0,
                guint16     ifd0_entries)
{
  static const guint16 serial_tags[] = { TAG_BODY_SERIAL, TAG_LENS_SERIAL };
  guint64 pointer_at = entry_at (tiff, ifd0, ifd0_entries, TAG_EXIF_IFD);
  guint32 exif_ifd;
  guint16 n_entries;

  if (pointer_at == 0)
    return TRUE;
  if (!pointed_ifd (tiff, pointer_at, &exif_ifd, &n_entries))
    return FALSE;
  for (gsize i = 0; i < G_N_ELEMENTS (serial_tags); i++) {
    guint64 at = entry_at (tiff, exif_ifd, n_entries, serial_tags[i]);

    if (at != 0 && !zero_value (tiff, data, at))
      return FALSE;
  }
  return TRUE;
}


gboolean
cl_exif_privacy_remove (guint8   *data,
                        gsize     len,
                        gboolean  gps,
                        gboolean  serials)
{
  Tiff tiff = { data, len, FALSE };
  guint32 ifd0;
  guint16 magic, ifd0_entries;

  if (len < 8 || !((data[0] == 'I' && data[1] == 'I') || (data[0] == 'M' && data[1] == 'M')))
    return FALSE;
  tiff.big_endian = data[0] == 'M';
  if (!read_u16 (&tiff, 2, &magic) || magic != 42 || !read_u32 (&tiff, 4, &ifd0) ||
      !ifd_in_bounds (&tiff, ifd0, &ifd0_entries))
    return FALSE;
  return (!gps || remove_gps (&tiff, data, ifd0, ifd0_entries)) &&
         (!serials || remove_serials (&tiff, data, ifd0, ifd0_entries));
}
