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
