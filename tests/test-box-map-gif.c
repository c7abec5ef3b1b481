/* test-box-map-gif.c: the GIF box scanner (cl-box-map-gif) names and measures boxes as
 * c2pa-rs does: on the shared sample1.gif (the figures of c2pa-rs's own test), and on a
 * GIF built box by box (extensions, images with and without a local colour table), fed
 * in pieces of every size; that GIF signed with a c2pa.hash.boxes hard binding is valid
 * here and gets the reference reader's verdict, and so does a copy with an image byte
 * changed; a GIF cut short or with an unknown block is refused.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "cl-asset-writer.h"
#include "cl-box-map.h"
#include "cl-test-boxes.h"
#include "cl-test-c2pa.h"
#include "cl-test-pki.h"
#include "cl-test-sign-util.h"
#include "cl-test-tmp.h"
#include "cl-validator.h"

static ClTestPki *pki;


typedef struct {
  GString    *events;
  GByteArray *data;
  guint       count;
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

  g_assert_cmpuint (r->data->len, ==, start);
  g_string_append_printf (r->events, "%u<%s@%" G_GUINT64_FORMAT " ", index, name, start);
  r->count++;
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
scan (const guint8 *data,
      gsize         len,
      gboolean      has_store,
      gsize         piece,
      guint        *count)
{
  Record r = { g_string_new (NULL), g_byte_array_new (), 0 };
  g_autoptr(ClBoxMapScanner) scanner = cl_box_map_scanner_new (CL_ASSET_FORMAT_GIF, has_store,
                                                               &recorder, &r);

  g_assert_nonnull (scanner);
  for (gsize off = 0; off < len; off += piece)
    cl_box_map_scanner_feed (scanner, data + off, MIN (piece, len - off));
  cl_box_map_scanner_finish (scanner);
  g_assert_cmpmem (r.data->data, r.data->len, data, len);
  g_byte_array_unref (r.data);
  if (count != NULL)
    *count = r.count;
  return g_string_free (r.events, FALSE);
}


static void
assert_same_in_pieces (const guint8 *data,
                       gsize         len,
                       gboolean      has_store,
                       const char   *whole)
{
  static const gsize pieces[] = { 1, 2, 3, 5, 7, 16, 33, 64, 4096 };

  for (gsize i = 0; i < G_N_ELEMENTS (pieces); i++) {
    g_autofree char *pieced = scan (data, len, has_store, pieces[i], NULL);

    g_assert_cmpstr (pieced, ==, whole);
  }
}


/* c2pa-rs gif_io.rs test_box_hash_locations: 276 boxes, the first the header, the middle
 * one an image descriptor with its local colour table, the last the trailer. */
static void
test_sample1 (void)
{
  const char *shared = g_getenv ("CREDLINK_SHARED_DIR");
  g_autofree char *path = shared != NULL ? g_build_filename (shared, "c2pa-fixtures", "images",
                                                             "sample1.gif", NULL) : NULL;
  g_autofree char *contents = NULL;
  g_autofree char *events = NULL;
  g_autofree char *middle = NULL;
  g_autofree char *last = NULL;
  gsize len;
  guint count;

  if (path == NULL || !g_file_get_contents (path, &contents, &len, NULL)) {
    g_test_skip ("the shared sample1.gif is not available");
    return;
  }
  events = scan ((const guint8 *) contents, len, FALSE, 65536, &count);
  g_assert_cmpuint (count, ==, 276);
  g_assert_true (g_str_has_prefix (events, "0<GIF89a@0 0>6 1<LSD@6 1>781 2<C2PA@781 2>781 "));
  middle = g_strdup_printf (" 138<2C@368494 138>%u ", 368494 + 778);
  g_assert_nonnull (strstr (events, middle));
  last = g_strdup_printf ("275<3B@%" G_GSIZE_FORMAT " 275>%" G_GSIZE_FORMAT " ", len - 1, len);
  g_assert_true (g_str_has_suffix (events, last));
  assert_same_in_pieces ((const guint8 *) contents, len, FALSE, events);
}


static void
add (ClTestBoxAsset *a,
     const char     *name,
     const char     *bytes,
     gsize           len)
{
  ClTestBox box = { { 0 }, a->bytes->len, len };

  g_strlcpy (box.name, name, sizeof box.name);
  g_array_append_val (a->boxes, box);
  g_byte_array_append (a->bytes, (const guint8 *) bytes, (guint) len);
}


/* A 1×1 GIF89a with a global colour table, a loop extension, a graphic control
 * extension, a comment and two images (one with a local colour table). */
static void
build_gif (ClTestBoxAsset *a)
{
  cl_test_box_asset_init (a);
  add (a, "GIF89a", "GIF89a", 6);
  add (a, "LSD", "\x01\x00\x01\x00\x80\x00\x00" "\xFF\x00\x00\x00\x00\xFF", 13);
  add (a, "21FF", "\x21\xFF\x0B" "NETSCAPE2.0" "\x03\x01\x00\x00\x00", 19);
  add (a, "21F9", "\x21\xF9\x04\x00\x00\x00\x00\x00", 8);
  add (a, "21FE", "\x21\xFE\x05hello\x00", 9);
  add (a, "2C", "\x2C\x00\x00\x00\x00\x01\x00\x01\x00\x80" "\x00\xFF\x00\x00\x00\xFF", 16);
  add (a, "TBID", "\x02\x02\x44\x01\x00", 5);
  add (a, "2C", "\x2C\x00\x00\x00\x00\x01\x00\x01\x00\x00", 10);
  add (a, "TBID", "\x02\x02\x44\x01\x00", 5);
  add (a, "3B", "\x3B", 1);
}


/* The events of a's boxes, with an empty C2PA box after the screen descriptor. */
static char *
expected_events (ClTestBoxAsset *a)
{
  GString *s = g_string_new (NULL);
  guint index = 0;

  for (guint i = 0; i < a->boxes->len; i++) {
    ClTestBox *b = &g_array_index (a->boxes, ClTestBox, i);

    g_string_append_printf (s, "%u<%s@%" G_GSIZE_FORMAT " %u>%" G_GSIZE_FORMAT " ", index,
                            b->name, b->start, index, b->start + b->len);
    index++;
    if (g_str_equal (b->name, "LSD")) {
      g_string_append_printf (s, "%u<C2PA@%" G_GSIZE_FORMAT " %u>%" G_GSIZE_FORMAT " ", index,
                              b->start + b->len, index, b->start + b->len);
      index++;
    }
  }
  return g_string_free (s, FALSE);
}


static void
test_built (void)
{
  ClTestBoxAsset a;
  g_autofree char *expected = NULL;
  g_autofree char *events = NULL;
  g_autofree char *cut = NULL;
  g_autofree char *unknown = NULL;
  g_autoptr(GByteArray) odd = g_byte_array_new ();

  build_gif (&a);
  expected = expected_events (&a);
  events = scan (a.bytes->data, a.bytes->len, FALSE, 4096, NULL);
  g_assert_cmpstr (events, ==, expected);
  assert_same_in_pieces (a.bytes->data, a.bytes->len, FALSE, events);

  /* No trailer: refused, as c2pa-rs refuses it. */
  cut = scan (a.bytes->data, a.bytes->len - 1, FALSE, 7, NULL);
  g_assert_true (g_str_has_suffix (cut, "fail(the GIF file ends before its trailer) "));
  /* An extension label c2pa-rs does not know. */
  g_byte_array_append (odd, a.bytes->data, 19);
  g_byte_array_append (odd, (const guint8 *) "\x21\x42\x00\x3B", 4);
  unknown = scan (odd->data, odd->len, FALSE, 3, NULL);
  g_assert_true (g_str_has_suffix (unknown, "fail(a GIF extension of an unknown kind) "));
  cl_test_box_asset_clear (&a);
}


/* Our verdict on path is the reference's (state and failure codes). */
static void
assert_reference_agrees (const char         *path,
                         ClValidationReport *report)
{
  g_autofree char *oracle = cl_test_oracle_path ();
  g_autoptr(JsonObject) reference = NULL;
  g_auto(GStrv) ours = cl_validation_report_dup_failure_codes (report);
  JsonArray *theirs;

  if (oracle == NULL)
    return;
  reference = cl_test_oracle_read (oracle, path, NULL);
  g_test_message ("%s: the reference says %s", path,
                  json_object_get_string_member_with_default (reference, "validation_state", "?"));
  g_assert_cmpstr (json_object_get_string_member_with_default (reference, "validation_state", ""),
                   ==, cl_validation_state_to_string (report->state));
  theirs = json_object_get_array_member (json_object_get_object_member (reference, "codes"),
                                         "failure");
  g_assert_cmpuint (json_array_get_length (theirs), ==, g_strv_length (ours));
  for (guint i = 0; ours[i] != NULL; i++)
    g_assert_true (cl_test_oracle_has (reference, "failure", ours[i]));
}


static void
test_signed (void)
{
  const ClTestBoxGroup groups[] = { { "GIF89a", "LSD" }, { .store = TRUE }, { "21FF", "3B" } };
  g_autofree char *dir = cl_test_tmp_dir_new ("credlink-gif-boxes", CL_TEST_TMP_UNTIL_CASE_ENDS);
  g_autofree char *path = g_build_filename (dir, "boxes.gif", NULL);
  g_autofree char *tampered = g_build_filename (dir, "tampered.gif", NULL);
  g_autoptr(GPtrArray) chain = cl_test_chain_der (pki->signer, pki->intermediate, NULL);
  g_autoptr(GBytes) cbor = NULL;
  g_autoptr(GBytes) store = NULL;
  g_autoptr(GBytes) carrier = NULL;
  g_autoptr(GByteArray) file = g_byte_array_new ();
  g_autoptr(ClValidationReport) report = NULL;
  g_autoptr(ClValidationReport) broken = NULL;
  g_autoptr(GError) error = NULL;
  ClTestBoxAsset a;
  gsize image;

  build_gif (&a);
  cbor = cl_test_box_hash_cbor (&a, groups, G_N_ELEMENTS (groups));
  store = cl_test_store_new (pki->signer->key, chain, CL_TEST_BOXES_LABEL, "c2pa.hash.boxes",
                             cbor);
  carrier = cl_asset_wrap_store (CL_ASSET_FORMAT_GIF, store, &error);
  g_assert_no_error (error);
  /* Where the writers put it: after the global colour table. */
  g_byte_array_append (file, a.bytes->data, 19);
  g_byte_array_append (file, g_bytes_get_data (carrier, NULL), (guint) g_bytes_get_size (carrier));
  g_byte_array_append (file, a.bytes->data + 19, a.bytes->len - 19);
  g_assert_true (g_file_set_contents (path, (const char *) file->data, file->len, NULL));

  report = cl_validator_verify_file (path, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (cl_test_report_has_code (report, "assertion.boxesHash.match"));
  g_assert_true (cl_test_report_has_code (report, "claimSignature.validated"));
  assert_reference_agrees (path, report);

  /* A byte of the first image's data changed. */
  image = g_bytes_get_size (carrier) + g_array_index (a.boxes, ClTestBox, 6).start + 2;
  file->data[image] ^= 0x01;
  g_assert_true (g_file_set_contents (tampered, (const char *) file->data, file->len, NULL));
  broken = cl_validator_verify_file (tampered, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (broken->state, ==, CL_VALIDATION_STATE_INVALID);
  g_assert_true (cl_test_report_has_code (broken, "assertion.boxesHash.mismatch"));
  assert_reference_agrees (tampered, broken);
  cl_test_box_asset_clear (&a);
}


int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  pki = cl_test_pki_new (NULL, NULL);
  g_test_add_func ("/box-map/gif/sample1", test_sample1);
  g_test_add_func ("/box-map/gif/built", test_built);
  g_test_add_func ("/box-map/gif/signed", test_signed);
  status = g_test_run ();
  cl_test_pki_free (pki);
  return status;
}
