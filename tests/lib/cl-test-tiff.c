/* cl-test-tiff.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "cl-test-tiff.h"

typedef struct {
  const ClTestTiffSpec *spec;
  GByteArray           *out;
} Writer;

enum { SHORT = 3, LONG = 4, BYTE = 1 };


static void
put_at (Writer  *w,
        gsize    at,
        guint64  value,
        guint    size)
{
  for (guint i = 0; i < size; i++) {
    w->out->data[at + (w->spec->big_endian ? size - 1 - i : i)] = (guint8) (value & 0xFF);
    value >>= 8;
  }
}


static gsize
put (Writer  *w,
     guint64  value,
     guint    size)
{
  gsize at = w->out->len;

  g_byte_array_set_size (w->out, at + size);
  put_at (w, at, value, size);
  return at;
}


/* An entry whose value is an inline SHORT or LONG (left-justified in the field), or an
 * offset. */
static void
put_entry (Writer  *w,
           guint16  tag,
           guint16  type,
           guint64  count,
           guint64  value)
{
  guint field = w->spec->big_tiff ? 8 : 4;
  guint value_size = type == SHORT ? 2 : type == LONG ? 4 : field;
  gsize at;

  put (w, tag, 2);
  put (w, type, 2);
  put (w, count, field);
  at = put (w, 0, field);
  put_at (w, at, value, count == 1 ? value_size : field);
}


/* One page: its pixels, then its directory; returns where its next offset sits. */
static gsize
put_page (Writer  *w,
          guint    page,
          guint64  xmp_at,
          guint64 *strip_at)
{
  const ClTestTiffSpec *spec = w->spec;
  guint field = spec->big_tiff ? 8 : 4;
  guint64 strip_len = (guint64) spec->width * spec->height;
  guint n = spec->xmp != NULL && page == 0 ? 10 : 9;

  *strip_at = w->out->len;
  for (guint y = 0; y < spec->height; y++) {
    for (guint x = 0; x < spec->width; x++)
      g_byte_array_append (w->out, (guint8[]) { (guint8) (x * 7 + y * 3 + page * 50) }, 1);
  }
  if (w->out->len % 2 != 0)
    put (w, 0, 1);
  put (w, n, spec->big_tiff ? 8 : 2);
  put_entry (w, 256, SHORT, 1, spec->width);
  put_entry (w, 257, SHORT, 1, spec->height);
  put_entry (w, 258, SHORT, 1, 8);
  put_entry (w, 259, SHORT, 1, 1);            /* no compression */
  put_entry (w, 262, SHORT, 1, 1);            /* black is zero */
  put_entry (w, 273, LONG, 1, *strip_at);
  put_entry (w, 277, SHORT, 1, 1);
  put_entry (w, 278, SHORT, 1, spec->height);
  put_entry (w, 279, LONG, 1, strip_len);
  if (n == 10)
    put_entry (w, 700, BYTE, strlen (spec->xmp), xmp_at);
  return put (w, 0, field);
}


ClTestTiff *
cl_test_tiff_new (const ClTestTiffSpec *spec)
{
  Writer w = { spec, g_byte_array_new () };
  ClTestTiff *tiff = g_new0 (ClTestTiff, 1);
  gsize first_field, next_field;
  guint64 xmp_at = 0, strip_at;

  g_byte_array_append (w.out, (const guint8 *) (spec->big_endian ? "MM" : "II"), 2);
  put (&w, spec->big_tiff ? 43 : 42, 2);
  if (spec->big_tiff) {
    put (&w, 8, 2);
    put (&w, 0, 2);
  }
  first_field = put (&w, 0, spec->big_tiff ? 8 : 4);
  if (spec->xmp != NULL) {
    xmp_at = w.out->len;
    g_byte_array_append (w.out, (const guint8 *) spec->xmp, strlen (spec->xmp));
  }
  next_field = first_field;
  for (guint page = 0; page < MAX (spec->n_pages, 1); page++) {
    gsize field_at = next_field;
    gsize ifd_at;

    next_field = put_page (&w, page, xmp_at, &strip_at);
    if (page == 0)
      tiff->first_strip = strip_at;
    /* The directory starts after the pixels and their padding. */
    ifd_at = strip_at + (guint64) spec->width * spec->height;
    ifd_at += ifd_at % 2;
    put_at (&w, field_at, ifd_at, spec->big_tiff ? 8 : 4);
  }
  tiff->last_next_field = next_field;
  tiff->bytes = g_byte_array_free_to_bytes (w.out);
  return tiff;
}


void
cl_test_tiff_free (ClTestTiff *tiff)
{
  if (tiff == NULL)
    return;
  g_bytes_unref (tiff->bytes);
  g_free (tiff);
}


char *
cl_test_tiff_save (const ClTestTiff *tiff,
                   const char       *dir,
                   const char       *name)
{
  char *path = g_build_filename (dir, name, NULL);
  gsize len;
  const char *data = g_bytes_get_data (tiff->bytes, &len);

  g_assert_true (g_file_set_contents (path, data, (gssize) len, NULL));
  return path;
}
