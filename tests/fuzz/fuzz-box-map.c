/* fuzz-box-map.c: the box-map scanners (c2pa.hash.boxes) on any bytes, as JPEG, PNG, GIF and JPEG XL.
 * Every byte must reach the sink once and in order, events must come at their offsets
 * and in the same way whether the file is fed whole or in small pieces.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib.h>

#include "cl-box-map.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

typedef struct {
  GString *events;
  gsize    seen;
  const guint8 *input;
  guint    open;          /* begun minus ended */
} Record;


static void
on_data (const guint8 *data, gsize len, gpointer user_data)
{
  Record *r = user_data;

  g_assert_true (memcmp (data, r->input + r->seen, len) == 0);
  r->seen += len;
}


static void
on_begin (guint index, const char *name, guint64 start, gpointer user_data)
{
  Record *r = user_data;

  g_assert_cmpuint (start, <=, r->seen);
  g_assert_cmpuint (strlen (name), <, 8);
  g_string_append_printf (r->events, "<%u%s%" G_GUINT64_FORMAT, index, name, start);
}


static void
on_end (guint index, guint64 end, gpointer user_data)
{
  Record *r = user_data;

  g_assert_cmpuint (end, ==, r->seen);
  g_string_append_printf (r->events, ">%u@%" G_GUINT64_FORMAT, index, end);
}


static void
on_discard (guint first_index, gpointer user_data)
{
  g_string_append_printf (((Record *) user_data)->events, "x%u", first_index);
}


static void
on_fail (const char *why, gpointer user_data)
{
  g_string_append_printf (((Record *) user_data)->events, "!%s", why);
}


static const ClBoxMapSink sink = { on_data, on_begin, on_end, on_discard, on_fail };


static char *
run (ClAssetFormat  format,
     const guint8  *data,
     gsize          size,
     gsize          piece)
{
  Record r = { g_string_new (NULL), 0, data, 0 };
  ClBoxMapScanner *scanner = cl_box_map_scanner_new (format, size % 2 == 0, &sink, &r);

  for (gsize off = 0; off < size; off += piece)
    cl_box_map_scanner_feed (scanner, data + off, MIN (piece, size - off));
  cl_box_map_scanner_finish (scanner);
  cl_box_map_scanner_free (scanner);
  g_assert_cmpuint (r.seen, ==, size);
  return g_string_free (r.events, FALSE);
}


int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  static const ClAssetFormat formats[] = { CL_ASSET_FORMAT_JPEG, CL_ASSET_FORMAT_PNG,
                                           CL_ASSET_FORMAT_GIF,
                                           CL_ASSET_FORMAT_JXL };

  for (gsize f = 0; f < G_N_ELEMENTS (formats); f++) {
    g_autofree char *whole = run (formats[f], data, size, MAX (size, 1));
    g_autofree char *pieces = run (formats[f], data, size, 1 + (size % 5));

    g_assert_cmpstr (whole, ==, pieces);
  }
  return 0;
}
