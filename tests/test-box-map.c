/* test-box-map.c: the box scanner (cl-box-map) on JPEG and PNG files built box by box for
 * the box-hash tests, plain, signed, truncated and lossless: fed in pieces of every size, it
 * must report what it reports for the whole file, and the boxes the builder wrote down.
 * JPEG XL containers are built here, box by box.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "cl-box-map.h"
#include "cl-test-boxes.h"
#include "cl-test-pki.h"

/* The signer of the files the scanner reads with a store in them. */
static ClTestPki *pki;


/* --- The scanner in pieces ------------------------------------------------------ */

typedef struct {
  GString    *events;
  GByteArray *data;
} Record;


static void
rec_data (const guint8 *data, gsize len, gpointer user_data)
{
  g_byte_array_append (((Record *) user_data)->data, data, (guint) len);
}


static void
rec_begin (guint index, const char *name, guint64 start, gpointer user_data)
{
  Record *r = user_data;

  /* Where the bytes stand when the event comes is part of the contract. */
  g_assert_cmpuint (r->data->len, ==, start);
  g_string_append_printf (r->events, "%u<%s@%" G_GUINT64_FORMAT " ", index, name, start);
}


static void
rec_end (guint index, guint64 end, gpointer user_data)
{
  Record *r = user_data;

  g_assert_cmpuint (r->data->len, ==, end);
  g_string_append_printf (r->events, "%u>%" G_GUINT64_FORMAT " ", index, end);
}


static void
rec_discard (guint first_index, gpointer user_data)
{
  g_string_append_printf (((Record *) user_data)->events, "discard%u ", first_index);
}


static void
rec_fail (const char *why, gpointer user_data)
{
  g_string_append_printf (((Record *) user_data)->events, "fail(%s) ", why);
}


static const ClBoxMapSink recorder = { rec_data, rec_begin, rec_end, rec_discard, rec_fail };


static char *
scan (GBytes        *file,
      ClAssetFormat  format,
      gboolean       has_store,
      gsize          piece)
{
  Record r = { g_string_new (NULL), g_byte_array_new () };
  g_autoptr(ClBoxMapScanner) scanner = cl_box_map_scanner_new (format, has_store, &recorder, &r);
  gsize len;
  const guint8 *data = g_bytes_get_data (file, &len);

  for (gsize off = 0; off < len; off += piece)
    cl_box_map_scanner_feed (scanner, data + off, MIN (piece, len - off));
  cl_box_map_scanner_finish (scanner);
  /* Every byte goes through once, in order. */
  g_assert_cmpmem (r.data->data, r.data->len, data, len);
  g_byte_array_unref (r.data);
  return g_string_free (r.events, FALSE);
}


static void
assert_same_in_pieces (GBytes        *file,
                       ClAssetFormat  format,
                       gboolean       has_store,
                       const char    *expected)
{
  g_autofree char *whole = scan (file, format, has_store, G_MAXSIZE);
  static const gsize pieces[] = { 1, 2, 3, 5, 7, 16, 33, 64 };

  if (expected != NULL)
    g_assert_cmpstr (whole, ==, expected);
  for (gsize i = 0; i < G_N_ELEMENTS (pieces); i++) {
    g_autofree char *pieced = scan (file, format, has_store, pieces[i]);

    g_assert_cmpstr (pieced, ==, whole);
  }
}


static void
test_scanner_pieces (void)
{
  ClTestBoxAsset jpeg, png;
  const ClTestBoxGroup groups[] = { { "SOI", "APP0" }, { .store = TRUE }, { "APP1", "EOI" } };
  g_autoptr(GBytes) plain = NULL;
  g_autoptr(GBytes) signed_jpeg = NULL;
  g_autoptr(GBytes) signed_png = NULL;
  g_autoptr(GBytes) truncated = NULL;
  g_autoptr(GBytes) lossless = NULL;
  g_autofree char *remote = NULL;
  static const guint8 sof3[] = { 0xFF, 0xD8, 0xFF, 0xC3, 0x00, 0x05, 8, 0, 1, 0xFF, 0xD9 };

  cl_test_box_asset_init (&jpeg);
  cl_test_box_asset_build_jpeg (&jpeg);
  plain = g_bytes_new (jpeg.bytes->data, jpeg.bytes->len);
  /* The plain file's boxes as the builder measured them; without a store an empty C2PA
   * box stands after APP0 (c2pa-rs get_box_map). */
  remote = scan (plain, CL_ASSET_FORMAT_JPEG, FALSE, G_MAXSIZE);
  g_assert_true (g_str_has_prefix (remote, "0<SOI@0 0>2 1<APP0@2 1>20 2<C2PA@20 2>20 3<APP1@20 "));
  g_assert_nonnull (strstr (remote, "<SOS@"));
  g_assert_nonnull (strstr (remote, "<RST2@"));
  assert_same_in_pieces (plain, CL_ASSET_FORMAT_JPEG, FALSE, remote);

  signed_jpeg = cl_test_box_asset_sign (&jpeg, FALSE, groups, G_N_ELEMENTS (groups), pki);
  assert_same_in_pieces (signed_jpeg, CL_ASSET_FORMAT_JPEG, TRUE, NULL);
  truncated = g_bytes_new_from_bytes (signed_jpeg, 0, g_bytes_get_size (signed_jpeg) - 4);
  assert_same_in_pieces (truncated, CL_ASSET_FORMAT_JPEG, TRUE, NULL);
  lossless = g_bytes_new_static (sof3, sizeof sof3);
  assert_same_in_pieces (lossless, CL_ASSET_FORMAT_JPEG, TRUE,
                         "0<SOI@0 0>2 fail(the image has a segment (marker 0xC3) that box "
                         "hashes cannot name) ");

  cl_test_box_asset_init (&png);
  cl_test_box_asset_build_png (&png);
  signed_png = cl_test_box_asset_sign (&png, TRUE, groups + 1, 1, pki);
  assert_same_in_pieces (signed_png, CL_ASSET_FORMAT_PNG, TRUE, NULL);
  cl_test_box_asset_clear (&png);
  cl_test_box_asset_clear (&jpeg);
}


/* The recorded boxes of the plain JPEG are exactly those the builder wrote down. */
static void
test_scanner_boxes (void)
{
  ClTestBoxAsset a;
  g_autoptr(GBytes) plain = NULL;
  g_autofree char *got = NULL;

  cl_test_box_asset_init (&a);
  cl_test_box_asset_build_jpeg (&a);
  plain = g_bytes_new (a.bytes->data, a.bytes->len);
  got = scan (plain, CL_ASSET_FORMAT_JPEG, TRUE, 4);
  /* Each of the builder's boxes begins and ends where it wrote it down (the SOS box ends
   * after its restart markers). */
  for (guint i = 0; i < a.boxes->len; i++) {
    ClTestBox *b = &g_array_index (a.boxes, ClTestBox, i);
    g_autofree char *begin = g_strdup_printf ("%u<%s@%" G_GSIZE_FORMAT " ", i, b->name,
                                              b->start);
    g_autofree char *end = g_strdup_printf ("%u>%" G_GSIZE_FORMAT " ", i, b->start + b->len);

    g_assert_nonnull (strstr (got, begin));
    g_assert_nonnull (strstr (got, end));
  }
  cl_test_box_asset_clear (&a);
}


/* A JPEG XL container: every top-level box by its type, every jumb box "C2PA", a 64-bit
 * size, a last box of size 0; without a store an empty C2PA box after ftyp; a box past the
 * end of the file, a short size or a missing signature are refused. */
static void
test_scanner_jxl (void)
{
  static const guint8 head[32] = { 0, 0, 0, 12, 'J', 'X', 'L', ' ', 0x0D, 0x0A, 0x87, 0x0A,
                                   0, 0, 0, 20, 'f', 't', 'y', 'p', 'j', 'x', 'l', ' ',
                                   0, 0, 0, 0, 'j', 'x', 'l', ' ' };
  static const guint8 jumb[12] = { 0, 0, 0, 12, 'j', 'u', 'm', 'b', 1, 2, 3, 4 };
  static const guint8 large[20] = { 0, 0, 0, 1, 'j', 'x', 'l', 'p', 0, 0, 0, 0, 0, 0, 0, 20,
                                    0, 0, 0, 0 };
  static const guint8 to_end[10] = { 0, 0, 0, 0, 'j', 'x', 'l', 'c', 0xFF, 0x0A };
  static const guint8 past_end[10] = { 0, 0, 0, 99, 'j', 'x', 'l', 'c', 0xFF, 0x0A };
  static const guint8 short_box[10] = { 0, 0, 0, 4, 'j', 'x', 'l', 'c', 0xFF, 0x0A };
  g_autoptr(GByteArray) file = g_byte_array_new ();
  g_autoptr(GByteArray) plain = g_byte_array_new ();
  g_autoptr(GBytes) signed_jxl = NULL, plain_jxl = NULL, past = NULL, shorter = NULL;
  g_autoptr(GBytes) not_jxl = g_bytes_new_static ("\xFF\x0A\x00\x00\x00\x00\x00\x00", 8);

  g_byte_array_append (file, head, sizeof head);
  g_byte_array_append (file, jumb, sizeof jumb);
  g_byte_array_append (file, large, sizeof large);
  g_byte_array_append (file, to_end, sizeof to_end);
  signed_jxl = g_bytes_new (file->data, file->len);
  assert_same_in_pieces (signed_jxl, CL_ASSET_FORMAT_JXL, TRUE,
                         "0<JXL @0 0>12 1<ftyp@12 1>32 2<C2PA@32 2>44 3<jxlp@44 3>64 "
                         "4<jxlc@64 4>74 ");

  g_byte_array_append (plain, head, sizeof head);
  g_byte_array_append (plain, to_end, sizeof to_end);
  plain_jxl = g_bytes_new (plain->data, plain->len);
  assert_same_in_pieces (plain_jxl, CL_ASSET_FORMAT_JXL, FALSE,
                         "0<JXL @0 0>12 1<ftyp@12 1>32 2<C2PA@32 2>32 3<jxlc@32 3>42 ");

  g_byte_array_set_size (plain, sizeof head);
  g_byte_array_append (plain, past_end, sizeof past_end);
  past = g_bytes_new (plain->data, plain->len);
  assert_same_in_pieces (past, CL_ASSET_FORMAT_JXL, TRUE,
                         "0<JXL @0 0>12 1<ftyp@12 1>32 2<jxlc@32 "
                         "fail(a JPEG XL box runs past the end of the file) ");
  g_byte_array_set_size (plain, sizeof head);
  g_byte_array_append (plain, short_box, sizeof short_box);
  shorter = g_bytes_new (plain->data, plain->len);
  assert_same_in_pieces (shorter, CL_ASSET_FORMAT_JXL, TRUE,
                         "0<JXL @0 0>12 1<ftyp@12 1>32 "
                         "fail(a JPEG XL box is shorter than its header) ");
  assert_same_in_pieces (not_jxl, CL_ASSET_FORMAT_JXL, TRUE,
                         "fail(the file does not start like a JPEG XL container) ");
}


int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  pki = cl_test_pki_new (NULL, NULL);
  g_test_add_func ("/box-hash/scanner/pieces", test_scanner_pieces);
  g_test_add_func ("/box-hash/scanner/boxes", test_scanner_boxes);
  g_test_add_func ("/box-hash/scanner/jxl", test_scanner_jxl);
  status = g_test_run ();
  cl_test_pki_free (pki);
  return status;
}
