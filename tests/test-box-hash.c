/* test-box-hash.c: the c2pa.hash.boxes hard binding. JPEG and PNG files are built here
 * segment by segment (restart markers, fill bytes, JUMBF that is not C2PA, a short APP11),
 * their box hashes computed from the known layout, signed, and verified; then changed.
 * When the reference reader (c2pa-rs) is installed it must agree on every file. The box
 * scanner is also fed in pieces of every size, which must not change what it reports.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <cbor.h>
#include <zlib.h>
#include <glib/gstdio.h>
#include <openssl/evp.h>

#include "cl-box-map.h"
#include "cl-test-c2pa.h"
#include "cl-test-pki.h"
#include "cl-test-sign-util.h"
#include "cl-validator.h"

#define LABEL "urn:c2pa:5b0e4c1a-9d2f-4e3b-8a71-3c6d2e1f0a9b:credlink"

/* Signer and intermediate of a test PKI, so the reference reader finds nothing wrong with
 * the certificate (only that it is not trusted). */
static ClTestPki *pki;

/* A box of the plain file (before the store goes in), as c2pa-rs measures it. */
typedef struct {
  char  name[8];
  gsize start;
  gsize len;
} Box;

typedef struct {
  GByteArray *bytes;
  GArray     *boxes;     /* Box */
} Asset;


static void
asset_init (Asset *a)
{
  a->bytes = g_byte_array_new ();
  a->boxes = g_array_new (FALSE, TRUE, sizeof (Box));
}


static void
asset_clear (Asset *a)
{
  g_byte_array_unref (a->bytes);
  g_array_unref (a->boxes);
}


static void
add_box (Asset      *a,
         const char *name,
         gsize       start,
         gsize       len)
{
  Box box = { { 0 }, start, len };

  g_strlcpy (box.name, name, sizeof box.name);
  g_array_append_val (a->boxes, box);
}


/* A JPEG segment with a length; name NULL: c2pa-rs sees no box there. */
static void
segment (Asset        *a,
         const char   *name,
         guint8        marker,
         const guint8 *payload,
         gsize         len)
{
  guint8 head[4] = { 0xFF, marker, (len + 2) >> 8, (len + 2) & 0xFF };

  if (name != NULL)
    add_box (a, name, a->bytes->len, len + 4);
  g_byte_array_append (a->bytes, head, 4);
  g_byte_array_append (a->bytes, payload, (guint) len);
}


static void
bare_marker (Asset      *a,
             const char *name,
             guint8      marker)
{
  guint8 m[2] = { 0xFF, marker };

  add_box (a, name, a->bytes->len, 2);
  g_byte_array_append (a->bytes, m, 2);
}


static void
raw (Asset        *a,
     const guint8 *data,
     gsize         len)
{
  g_byte_array_append (a->bytes, data, (guint) len);
}


/* SOI, APP0, APP1, a short APP11 (no box), a JUMBF APP11 that is not C2PA, COM, DQT, SOF0,
 * DHT, DRI, SOS with stuffed bytes and three restart markers, fill bytes, EOI. The store
 * goes at offset 20, after APP0. */
static void
build_jpeg (Asset *a)
{
  static const guint8 app0[] = { 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0 };
  static const guint8 app1[] = { 'E', 'x', 'i', 'f', 0, 0, 'M', 'M', 0, 42, 0, 0, 0, 8, 0, 0 };
  static const guint8 short_app11[] = { 'J', 'P', 0, 7, 0, 0, 0, 1, 1, 2 };
  static const guint8 sof0[] = { 8, 0, 1, 0, 1, 1, 1, 0x11, 0 };
  static const guint8 dri[] = { 0, 1 };
  static const guint8 sos[] = { 1, 1, 0, 0, 0x3F, 0 };
  static const guint8 scan0[] = { 0x12, 0xFF, 0x00, 0x34, 0x56 };
  static const guint8 scan1[] = { 0x78, 0x9A, 0xFF, 0x00 };
  static const guint8 scan2[] = { 0xBC, 0xDE, 0xF0 };
  static const guint8 scan3[] = { 0x01, 0xFF, 0x00, 0x02 };
  static const guint8 fill[] = { 0xFF };
  guint8 jumbf[40] = { 'J', 'P', 0, 9, 0, 0, 0, 1, 0, 0, 0, 32, 'j', 'u', 'm', 'b',
                       0, 0, 0, 24, 'j', 'u', 'm', 'd', 'x', 'm', 'p', 'l' };
  guint8 dqt[65] = { 0 };
  guint8 dht[18] = { 0, 1 };
  gsize sos_start;

  memset (dqt + 1, 1, 64);
  bare_marker (a, "SOI", 0xD8);
  segment (a, "APP0", 0xE0, app0, sizeof app0);
  g_assert_cmpuint (a->bytes->len, ==, 20);
  segment (a, "APP1", 0xE1, app1, sizeof app1);
  segment (a, NULL, 0xEB, short_app11, sizeof short_app11);
  segment (a, "APP11", 0xEB, jumbf, sizeof jumbf);
  segment (a, "COM", 0xFE, (const guint8 *) "credlink", 8);
  segment (a, "DQT", 0xDB, dqt, sizeof dqt);
  segment (a, "SOF0", 0xC0, sof0, sizeof sof0);
  segment (a, "DHT", 0xC4, dht, sizeof dht);
  segment (a, "DRI", 0xDD, dri, sizeof dri);
  sos_start = a->bytes->len;
  segment (a, "SOS", 0xDA, sos, sizeof sos);
  raw (a, scan0, sizeof scan0);
  bare_marker (a, "RST0", 0xD0);
  raw (a, scan1, sizeof scan1);
  bare_marker (a, "RST1", 0xD1);
  raw (a, scan2, sizeof scan2);
  bare_marker (a, "RST2", 0xD2);
  raw (a, scan3, sizeof scan3);
  /* c2pa-rs ends SOS at the first FF of a fill run; jfifdump starts EOI at the last. */
  for (guint i = 0; i < a->boxes->len; i++) {
    Box *box = &g_array_index (a->boxes, Box, i);

    if (g_str_equal (box->name, "SOS"))
      box->len = a->bytes->len - sos_start;
  }
  raw (a, fill, sizeof fill);
  bare_marker (a, "EOI", 0xD9);
}


static void
png_chunk (Asset        *a,
           const char   *type,
           const guint8 *data,
           guint32       len)
{
  guint8 head[8] = { len >> 24, len >> 16, len >> 8, len, type[0], type[1], type[2], type[3] };
  uLong crc = crc32 (crc32 (0L, (const Bytef *) type, 4), data, len);
  guint8 tail[4] = { crc >> 24, crc >> 16, crc >> 8, crc };

  add_box (a, type, a->bytes->len, len + 12);
  raw (a, head, 8);
  raw (a, data, len);
  raw (a, tail, 4);
}


/* A 2 × 2 grey PNG: signature, IHDR, tEXt, IDAT, IEND (and three bytes after IEND). */
static void
build_png (Asset *a)
{
  static const guint8 signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };
  static const guint8 ihdr[13] = { 0, 0, 0, 2, 0, 0, 0, 2, 8, 0, 0, 0, 0 };
  static const guint8 rows[6] = { 0, 0x10, 0x20, 0, 0x30, 0x40 };
  static const guint8 trailer[3] = { 1, 2, 3 };
  guint8 idat[64];
  uLongf idat_len = sizeof idat;

  g_assert_cmpint (compress (idat, &idat_len, rows, sizeof rows), ==, Z_OK);
  add_box (a, "PNGh", 0, 8);
  raw (a, signature, 8);
  png_chunk (a, "IHDR", ihdr, sizeof ihdr);
  png_chunk (a, "tEXt", (const guint8 *) "Title\0credlink", 14);
  png_chunk (a, "IDAT", idat, (guint32) idat_len);
  png_chunk (a, "IEND", NULL, 0);
  raw (a, trailer, sizeof trailer);
}


/* --- The assertion -------------------------------------------------------------- */

typedef struct {
  const char *first;       /* box names first..last of the plain file, in order */
  const char *last;
  gboolean    excluded;
  gboolean    store;       /* the C2PA box (first/last unused) */
} Group;


static guint
box_index (Asset      *a,
           const char *name)
{
  for (guint i = 0; i < a->boxes->len; i++) {
    if (g_str_equal (g_array_index (a->boxes, Box, i).name, name))
      return i;
  }
  g_assert_not_reached ();
  return 0;
}


/* The c2pa.hash.boxes CBOR for groups of the plain file's boxes; a group's hash covers
 * the bytes from its first box's start to its last box's end. */
static GBytes *
box_hash_cbor (Asset       *a,
               const Group *groups,
               guint        n_groups)
{
  cbor_item_t *root = cbor_new_definite_map (1);
  cbor_item_t *boxes = cbor_new_definite_array (n_groups);
  guint8 zero = 0;
  unsigned char *buf = NULL;
  gsize size = 0, len;
  GBytes *out;

  for (guint g = 0; g < n_groups; g++) {
    cbor_item_t *entry = cbor_new_definite_map (groups[g].excluded ? 5 : 4);
    cbor_item_t *names;
    guint8 digest[32] = { 0 };

    if (groups[g].store) {
      names = cbor_new_definite_array (1);
      g_assert_true (cbor_array_push (names, cbor_move (cbor_build_string ("C2PA"))));
    } else {
      guint i0 = box_index (a, groups[g].first), i1 = box_index (a, groups[g].last);
      Box *b0 = &g_array_index (a->boxes, Box, i0), *b1 = &g_array_index (a->boxes, Box, i1);

      names = cbor_new_definite_array (i1 - i0 + 1);
      for (guint i = i0; i <= i1; i++)
        g_assert_true (cbor_array_push (names, cbor_move (cbor_build_string (
          g_array_index (a->boxes, Box, i).name))));
      g_assert_cmpint (EVP_Digest (a->bytes->data + b0->start, b1->start + b1->len - b0->start,
                                   digest, NULL, EVP_sha256 (), NULL), ==, 1);
    }
    cl_test_cbor_map_put (entry, "names", names);
    cl_test_cbor_map_put (entry, "alg", cbor_build_string ("sha256"));
    cl_test_cbor_map_put (entry, "hash", cbor_build_bytestring (digest, groups[g].store ? 0 : 32));
    cl_test_cbor_map_put (entry, "pad", cbor_build_bytestring (&zero, 1));
    if (groups[g].excluded)
      cl_test_cbor_map_put (entry, "excluded", cbor_build_bool (true));
    g_assert_true (cbor_array_push (boxes, cbor_move (entry)));
  }
  cl_test_cbor_map_put (root, "boxes", boxes);
  len = cbor_serialize_alloc (root, &buf, &size);
  out = g_bytes_new (buf, len);
  free (buf);
  cbor_decref (&root);
  return out;
}


/* Every box of the plain file in a group of its own, the store after store_after. */
static Group *
one_group_per_box (Asset      *a,
                   const char *store_after,
                   guint      *n_groups)
{
  Group *groups = g_new0 (Group, a->boxes->len + 1);
  guint n = 0;

  for (guint i = 0; i < a->boxes->len; i++) {
    const char *name = g_array_index (a->boxes, Box, i).name;

    groups[n].first = groups[n].last = name;
    n++;
    if (g_str_equal (name, store_after))
      groups[n++].store = TRUE;
  }
  *n_groups = n;
  return groups;
}


static GBytes *
sign (Asset       *a,
      gboolean     png,
      const Group *groups,
      guint        n_groups)
{
  g_autoptr(GPtrArray) chain = cl_test_chain_der (pki->signer, pki->intermediate, NULL);
  g_autoptr(GBytes) cbor = box_hash_cbor (a, groups, n_groups);
  g_autoptr(GBytes) plain = g_bytes_new (a->bytes->data, a->bytes->len);
  g_autoptr(GBytes) store = NULL;

  store = cl_test_store_new (pki->signer->key, chain, LABEL, "c2pa.hash.boxes", cbor);
  return png ? cl_test_embed_png (plain, store) : cl_test_embed_jpeg (plain, 20, store);
}


/* --- Checks --------------------------------------------------------------------- */

static gboolean
json_has (JsonObject *report,
          const char *list,
          const char *code)
{
  JsonObject *codes = json_object_get_object_member (report, "codes");
  JsonArray *array = codes != NULL && json_object_has_member (codes, list)
                     ? json_object_get_array_member (codes, list) : NULL;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++) {
    if (g_str_equal (json_array_get_string_element (array, i), code))
      return TRUE;
  }
  return FALSE;
}


/* Verifies the file; expect_match: the binding holds. The reference reader, when
 * installed, must say the same. */
static void
check (GBytes     *file,
       const char *name,
       gboolean    expect_match,
       const char *expect_code)
{
  g_autofree char *path = cl_test_write_temp (file, name);
  g_autofree char *oracle = cl_test_oracle_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ClValidationReport) report = cl_validator_verify_file (path, NULL, NULL, &error);
  g_auto(GStrv) failures = NULL;

  g_assert_no_error (error);
  g_assert_true (cl_test_report_has_code (report, "claimSignature.validated"));
  g_assert_true (cl_test_report_has_code (report, expect_code));
  failures = cl_validation_report_dup_failure_codes (report);
  if (expect_match) {
    g_assert_cmpint (report->state, ==, CL_VALIDATION_STATE_VALID);
    g_assert_cmpuint (g_strv_length (failures), ==, 1);
    g_assert_cmpstr (failures[0], ==, "signingCredential.untrusted");
  } else {
    g_assert_cmpint (report->state, ==, CL_VALIDATION_STATE_INVALID);
  }

  if (oracle != NULL) {
    g_autoptr(JsonObject) reference = cl_test_oracle_read (oracle, path, NULL);

    g_assert_cmpstr (json_object_get_string_member_with_default (reference, "validation_state",
                                                                 "(no state)"),
                     ==, cl_validation_state_to_string (report->state));
    if (!json_has (reference, expect_match ? "success" : "failure", expect_code))
      g_error ("%s: the reference reader does not report %s", name, expect_code);
  }
  g_unlink (path);
}


static GBytes *
inserted_at (GBytes       *file,
             gsize         offset,
             const guint8 *data,
             gsize         n)
{
  GByteArray *out = g_byte_array_new ();
  const guint8 *p = g_bytes_get_data (file, NULL);

  g_byte_array_append (out, p, (guint) offset);
  g_byte_array_append (out, data, (guint) n);
  g_byte_array_append (out, p + offset, (guint) (g_bytes_get_size (file) - offset));
  return g_byte_array_free_to_bytes (out);
}


/* Where a plain-file box sits in the signed file (the store went in at store_at). */
static gsize
signed_offset (GBytes *file,
               gsize   plain_size,
               gsize   store_at,
               gsize   plain_offset)
{
  return plain_offset < store_at ? plain_offset
                                 : plain_offset + (g_bytes_get_size (file) - plain_size);
}


static void
test_jpeg_minimal (void)
{
  Asset a;
  const Group groups[] = {
    { "SOI", "APP0" }, { .store = TRUE }, { "APP1", "EOI" },
  };
  g_autoptr(GBytes) file = NULL;
  g_autoptr(GBytes) pixel = NULL;
  g_autoptr(GBytes) extra = NULL;
  g_autoptr(GBytes) cut = NULL;
  static const guint8 com[] = { 0xFF, 0xFE, 0x00, 0x04, 'h', 'i' };
  gsize sos, eoi;

  asset_init (&a);
  build_jpeg (&a);
  file = sign (&a, FALSE, groups, G_N_ELEMENTS (groups));
  check (file, "boxes-minimal.jpg", TRUE, "assertion.boxesHash.match");

  /* One bit of image data. */
  sos = g_array_index (a.boxes, Box, box_index (&a, "SOS")).start;
  pixel = cl_test_flip_byte (file, signed_offset (file, a.bytes->len, 20, sos + 8), 0x40);
  check (pixel, "boxes-pixel.jpg", FALSE, "assertion.boxesHash.mismatch");

  /* A comment segment added after signing: a box the hash does not list. */
  eoi = g_array_index (a.boxes, Box, box_index (&a, "EOI")).start;
  extra = inserted_at (file, signed_offset (file, a.bytes->len, 20, eoi), com, sizeof com);
  check (extra, "boxes-extra.jpg", FALSE, "assertion.boxesHash.mismatch");

  /* Cut inside the scan: c2pa-rs cannot measure the SOS box any more. */
  cut = g_bytes_new_from_bytes (file, 0, signed_offset (file, a.bytes->len, 20, eoi) - 3);
  check (cut, "boxes-cut.jpg", FALSE, "assertion.boxesHash.mismatch");
  asset_clear (&a);
}


static void
test_jpeg_every_box (void)
{
  Asset a;
  guint n_groups;
  g_autofree Group *groups = NULL;
  g_autoptr(GBytes) file = NULL;
  g_autoptr(GBytes) rst = NULL;
  gsize rst1;

  asset_init (&a);
  build_jpeg (&a);
  /* Restart markers are boxes of their own inside SOS's range, each hashed apart. */
  groups = one_group_per_box (&a, "APP0", &n_groups);
  file = sign (&a, FALSE, groups, n_groups);
  check (file, "boxes-every.jpg", TRUE, "assertion.boxesHash.match");

  /* RST1 turned into RST5: both SOS's hash and RST1's name disagree. */
  rst1 = g_array_index (a.boxes, Box, box_index (&a, "RST1")).start;
  rst = cl_test_flip_byte (file, signed_offset (file, a.bytes->len, 20, rst1 + 1), 0x40);
  check (rst, "boxes-rst.jpg", FALSE, "assertion.boxesHash.mismatch");
  asset_clear (&a);
}


static void
test_jpeg_excluded (void)
{
  Asset a;
  const Group groups[] = {
    { "SOI", "APP0" }, { .store = TRUE }, { "APP1", "APP1", TRUE }, { "APP11", "EOI" },
  };
  g_autoptr(GBytes) file = NULL;
  g_autoptr(GBytes) exif = NULL;
  gsize app1;

  asset_init (&a);
  build_jpeg (&a);
  file = sign (&a, FALSE, groups, G_N_ELEMENTS (groups));
  check (file, "boxes-excluded.jpg", TRUE, "assertion.boxesHash.match");

  /* The excluded box may change; its name and place may not. */
  app1 = g_array_index (a.boxes, Box, box_index (&a, "APP1")).start;
  exif = cl_test_flip_byte (file, signed_offset (file, a.bytes->len, 20, app1 + 10), 0x40);
  check (exif, "boxes-exif.jpg", TRUE, "assertion.boxesHash.match");
  asset_clear (&a);
}


static void
test_png (void)
{
  Asset a;
  const Group with_signature[] = {
    { "PNGh", "IHDR" }, { .store = TRUE }, { "tEXt", "IEND" },
  };
  /* c2pa-rs lets a PNG box hash start after the signature. */
  const Group without_signature[] = {
    { "IHDR", "IHDR" }, { .store = TRUE }, { "tEXt", "IEND" },
  };
  g_autoptr(GBytes) file = NULL;
  g_autoptr(GBytes) short_form = NULL;
  g_autoptr(GBytes) pixels = NULL;
  g_autoptr(GBytes) after_end = NULL;
  gsize idat;

  asset_init (&a);
  build_png (&a);
  file = sign (&a, TRUE, with_signature, G_N_ELEMENTS (with_signature));
  check (file, "boxes.png", TRUE, "assertion.boxesHash.match");
  short_form = sign (&a, TRUE, without_signature, G_N_ELEMENTS (without_signature));
  check (short_form, "boxes-short.png", TRUE, "assertion.boxesHash.match");

  idat = g_array_index (a.boxes, Box, box_index (&a, "IDAT")).start;
  pixels = cl_test_flip_byte (file, signed_offset (file, a.bytes->len, 33, idat + 9), 0x40);
  check (pixels, "boxes-pixels.png", FALSE, "assertion.boxesHash.mismatch");

  /* Bytes after IEND are in no box. */
  after_end = cl_test_flip_byte (file, g_bytes_get_size (file) - 1, 0x40);
  check (after_end, "boxes-trailer.png", TRUE, "assertion.boxesHash.match");
  asset_clear (&a);
}


/* Box hashes of the wrong shape, each an entry (or the list) missing a field or with one
 * of the wrong type: assertion.boxesHash.malformed, never a crash. */
static void
test_malformed (void)
{
  enum { NAMES_TEXT, NO_HASH, NO_PAD, EXCLUDED_TEXT, BOXES_MAP, N_CASES };
  Asset a;
  g_autoptr(ClTestSigner) signer = cl_test_signer_new (1, 365);
  g_autoptr(GPtrArray) chain = g_ptr_array_new ();
  g_autoptr(GBytes) plain = NULL;

  asset_init (&a);
  build_jpeg (&a);
  plain = g_bytes_new (a.bytes->data, a.bytes->len);
  g_ptr_array_add (chain, signer->cert_der);
  for (int c = 0; c < N_CASES; c++) {
    g_autoptr(GBytes) store = NULL, file = NULL, cbor = NULL;
    g_autofree char *path = NULL;
    g_autoptr(GError) error = NULL;
    g_autoptr(ClValidationReport) report = NULL;
    cbor_item_t *root = cbor_new_definite_map (1);
    cbor_item_t *boxes = cbor_new_definite_array (1);
    cbor_item_t *entry = cbor_new_definite_map (4);
    cbor_item_t *names = cbor_new_definite_array (1);
    unsigned char *buf = NULL;
    gsize size = 0, len;

    g_assert_true (cbor_array_push (names, cbor_move (cbor_build_string ("SOI"))));
    cl_test_cbor_map_put (entry, "names", c == NAMES_TEXT ? cbor_build_string ("SOI") : cbor_incref (names));
    if (c != NO_HASH)
      cl_test_cbor_map_put (entry, "hash", cbor_build_bytestring ((const guint8 *) "x", 1));
    if (c != NO_PAD)
      cl_test_cbor_map_put (entry, "pad", cbor_build_bytestring ((const guint8 *) "", 0));
    if (c == EXCLUDED_TEXT)
      cl_test_cbor_map_put (entry, "excluded", cbor_build_string ("yes"));
    g_assert_true (cbor_array_push (boxes, cbor_move (entry)));
    cl_test_cbor_map_put (root, "boxes", c == BOXES_MAP ? cbor_new_definite_map (0) : cbor_incref (boxes));
    cbor_decref (&boxes);
    cbor_decref (&names);
    len = cbor_serialize_alloc (root, &buf, &size);
    cbor = g_bytes_new (buf, len);
    free (buf);
    cbor_decref (&root);

    store = cl_test_store_new (signer->key, chain, LABEL, "c2pa.hash.boxes", cbor);
    file = cl_test_embed_jpeg (plain, 20, store);
    path = cl_test_write_temp (file, "boxes-malformed.jpg");
    report = cl_validator_verify_file (path, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpint (report->state, ==, CL_VALIDATION_STATE_INVALID);
    g_assert_true (cl_test_report_has_code (report, "assertion.boxesHash.malformed"));
    g_unlink (path);
  }
  asset_clear (&a);
}


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
  Asset jpeg, png;
  const Group groups[] = { { "SOI", "APP0" }, { .store = TRUE }, { "APP1", "EOI" } };
  g_autoptr(GBytes) plain = NULL;
  g_autoptr(GBytes) signed_jpeg = NULL;
  g_autoptr(GBytes) signed_png = NULL;
  g_autoptr(GBytes) truncated = NULL;
  g_autoptr(GBytes) lossless = NULL;
  g_autofree char *remote = NULL;
  static const guint8 sof3[] = { 0xFF, 0xD8, 0xFF, 0xC3, 0x00, 0x05, 8, 0, 1, 0xFF, 0xD9 };

  asset_init (&jpeg);
  build_jpeg (&jpeg);
  plain = g_bytes_new (jpeg.bytes->data, jpeg.bytes->len);
  /* The plain file's boxes as the builder measured them; without a store an empty C2PA
   * box stands after APP0 (c2pa-rs get_box_map). */
  remote = scan (plain, CL_ASSET_FORMAT_JPEG, FALSE, G_MAXSIZE);
  g_assert_true (g_str_has_prefix (remote, "0<SOI@0 0>2 1<APP0@2 1>20 2<C2PA@20 2>20 3<APP1@20 "));
  g_assert_nonnull (strstr (remote, "<SOS@"));
  g_assert_nonnull (strstr (remote, "<RST2@"));
  assert_same_in_pieces (plain, CL_ASSET_FORMAT_JPEG, FALSE, remote);

  signed_jpeg = sign (&jpeg, FALSE, groups, G_N_ELEMENTS (groups));
  assert_same_in_pieces (signed_jpeg, CL_ASSET_FORMAT_JPEG, TRUE, NULL);
  truncated = g_bytes_new_from_bytes (signed_jpeg, 0, g_bytes_get_size (signed_jpeg) - 4);
  assert_same_in_pieces (truncated, CL_ASSET_FORMAT_JPEG, TRUE, NULL);
  lossless = g_bytes_new_static (sof3, sizeof sof3);
  assert_same_in_pieces (lossless, CL_ASSET_FORMAT_JPEG, TRUE,
                         "0<SOI@0 0>2 fail(the image has a segment (marker 0xC3) that box "
                         "hashes cannot name) ");

  asset_init (&png);
  build_png (&png);
  signed_png = sign (&png, TRUE, groups + 1, 1);
  assert_same_in_pieces (signed_png, CL_ASSET_FORMAT_PNG, TRUE, NULL);
  asset_clear (&png);
  asset_clear (&jpeg);
}


/* The recorded boxes of the plain JPEG are exactly those the builder wrote down. */
static void
test_scanner_boxes (void)
{
  Asset a;
  g_autoptr(GBytes) plain = NULL;
  g_autofree char *got = NULL;

  asset_init (&a);
  build_jpeg (&a);
  plain = g_bytes_new (a.bytes->data, a.bytes->len);
  got = scan (plain, CL_ASSET_FORMAT_JPEG, TRUE, 4);
  /* Each of the builder's boxes begins and ends where it wrote it down (the SOS box ends
   * after its restart markers). */
  for (guint i = 0; i < a.boxes->len; i++) {
    Box *b = &g_array_index (a.boxes, Box, i);
    g_autofree char *begin = g_strdup_printf ("%u<%s@%" G_GSIZE_FORMAT " ", i, b->name,
                                              b->start);
    g_autofree char *end = g_strdup_printf ("%u>%" G_GSIZE_FORMAT " ", i, b->start + b->len);

    g_assert_nonnull (strstr (got, begin));
    g_assert_nonnull (strstr (got, end));
  }
  asset_clear (&a);
}


int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  pki = cl_test_pki_new (NULL, NULL);
  g_test_add_func ("/box-hash/jpeg/minimal", test_jpeg_minimal);
  g_test_add_func ("/box-hash/jpeg/every-box", test_jpeg_every_box);
  g_test_add_func ("/box-hash/jpeg/excluded", test_jpeg_excluded);
  g_test_add_func ("/box-hash/png", test_png);
  g_test_add_func ("/box-hash/malformed", test_malformed);
  g_test_add_func ("/box-hash/scanner/pieces", test_scanner_pieces);
  g_test_add_func ("/box-hash/scanner/boxes", test_scanner_boxes);
  status = g_test_run ();
  cl_test_pki_free (pki);
  return status;
}
