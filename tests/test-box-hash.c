/* test-box-hash.c: the c2pa.hash.boxes hard binding. JPEG and PNG files are built here
 * segment by segment (restart markers, fill bytes, JUMBF that is not C2PA, a short APP11),
 * their box hashes computed from the known layout, signed, and verified; then changed.
 * When the reference reader (c2pa-rs) is installed it must agree on every file. The box
 * scanner fed in pieces: test-box-map.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cbor.h>
#include <glib/gstdio.h>

#include "cl-test-boxes.h"
#include "cl-test-c2pa.h"
#include "cl-test-pki.h"
#include "cl-test-sign-util.h"
#include "cl-validator.h"

/* Signer and intermediate of a test PKI, so the reference reader finds nothing wrong with
 * the certificate (only that it is not trusted). */
static ClTestPki *pki;


/* Every box of the plain file in a group of its own, the store after store_after. */
static ClTestBoxGroup *
one_group_per_box (ClTestBoxAsset *a,
                   const char     *store_after,
                   guint          *n_groups)
{
  ClTestBoxGroup *groups = g_new0 (ClTestBoxGroup, a->boxes->len + 1);
  guint n = 0;

  for (guint i = 0; i < a->boxes->len; i++) {
    const char *name = g_array_index (a->boxes, ClTestBox, i).name;

    groups[n].first = groups[n].last = name;
    n++;
    if (g_str_equal (name, store_after))
      groups[n++].store = TRUE;
  }
  *n_groups = n;
  return groups;
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
  ClTestBoxAsset a;
  const ClTestBoxGroup groups[] = {
    { "SOI", "APP0" }, { .store = TRUE }, { "APP1", "EOI" },
  };
  g_autoptr(GBytes) file = NULL;
  g_autoptr(GBytes) pixel = NULL;
  g_autoptr(GBytes) extra = NULL;
  g_autoptr(GBytes) cut = NULL;
  static const guint8 com[] = { 0xFF, 0xFE, 0x00, 0x04, 'h', 'i' };
  gsize sos, eoi;

  cl_test_box_asset_init (&a);
  cl_test_box_asset_build_jpeg (&a);
  file = cl_test_box_asset_sign (&a, FALSE, groups, G_N_ELEMENTS (groups), pki);
  check (file, "boxes-minimal.jpg", TRUE, "assertion.boxesHash.match");

  /* One bit of image data. */
  sos = g_array_index (a.boxes, ClTestBox, cl_test_box_index (&a, "SOS")).start;
  pixel = cl_test_flip_byte (file, signed_offset (file, a.bytes->len, 20, sos + 8), 0x40);
  check (pixel, "boxes-pixel.jpg", FALSE, "assertion.boxesHash.mismatch");

  /* A comment segment added after signing: a box the hash does not list. */
  eoi = g_array_index (a.boxes, ClTestBox, cl_test_box_index (&a, "EOI")).start;
  extra = inserted_at (file, signed_offset (file, a.bytes->len, 20, eoi), com, sizeof com);
  check (extra, "boxes-extra.jpg", FALSE, "assertion.boxesHash.mismatch");

  /* Cut inside the scan: c2pa-rs cannot measure the SOS box any more. */
  cut = g_bytes_new_from_bytes (file, 0, signed_offset (file, a.bytes->len, 20, eoi) - 3);
  check (cut, "boxes-cut.jpg", FALSE, "assertion.boxesHash.mismatch");
  cl_test_box_asset_clear (&a);
}


static void
test_jpeg_every_box (void)
{
  ClTestBoxAsset a;
  guint n_groups;
  g_autofree ClTestBoxGroup *groups = NULL;
  g_autoptr(GBytes) file = NULL;
  g_autoptr(GBytes) rst = NULL;
  gsize rst1;

  cl_test_box_asset_init (&a);
  cl_test_box_asset_build_jpeg (&a);
  /* Restart markers are boxes of their own inside SOS's range, each hashed apart. */
  groups = one_group_per_box (&a, "APP0", &n_groups);
  file = cl_test_box_asset_sign (&a, FALSE, groups, n_groups, pki);
  check (file, "boxes-every.jpg", TRUE, "assertion.boxesHash.match");

  /* RST1 turned into RST5: both SOS's hash and RST1's name disagree. */
  rst1 = g_array_index (a.boxes, ClTestBox, cl_test_box_index (&a, "RST1")).start;
  rst = cl_test_flip_byte (file, signed_offset (file, a.bytes->len, 20, rst1 + 1), 0x40);
  check (rst, "boxes-rst.jpg", FALSE, "assertion.boxesHash.mismatch");
  cl_test_box_asset_clear (&a);
}


static void
test_jpeg_excluded (void)
{
  ClTestBoxAsset a;
  const ClTestBoxGroup groups[] = {
    { "SOI", "APP0" }, { .store = TRUE }, { "APP1", "APP1", TRUE }, { "APP11", "EOI" },
  };
  g_autoptr(GBytes) file = NULL;
  g_autoptr(GBytes) exif = NULL;
  gsize app1;

  cl_test_box_asset_init (&a);
  cl_test_box_asset_build_jpeg (&a);
  file = cl_test_box_asset_sign (&a, FALSE, groups, G_N_ELEMENTS (groups), pki);
  check (file, "boxes-excluded.jpg", TRUE, "assertion.boxesHash.match");

  /* The excluded box may change; its name and place may not. */
  app1 = g_array_index (a.boxes, ClTestBox, cl_test_box_index (&a, "APP1")).start;
  exif = cl_test_flip_byte (file, signed_offset (file, a.bytes->len, 20, app1 + 10), 0x40);
  check (exif, "boxes-exif.jpg", TRUE, "assertion.boxesHash.match");
  cl_test_box_asset_clear (&a);
}


static void
test_png (void)
{
  ClTestBoxAsset a;
  const ClTestBoxGroup with_signature[] = {
    { "PNGh", "IHDR" }, { .store = TRUE }, { "tEXt", "IEND" },
  };
  /* c2pa-rs lets a PNG box hash start after the signature. */
  const ClTestBoxGroup without_signature[] = {
    { "IHDR", "IHDR" }, { .store = TRUE }, { "tEXt", "IEND" },
  };
  g_autoptr(GBytes) file = NULL;
  g_autoptr(GBytes) short_form = NULL;
  g_autoptr(GBytes) pixels = NULL;
  g_autoptr(GBytes) after_end = NULL;
  gsize idat;

  cl_test_box_asset_init (&a);
  cl_test_box_asset_build_png (&a);
  file = cl_test_box_asset_sign (&a, TRUE, with_signature, G_N_ELEMENTS (with_signature), pki);
  check (file, "boxes.png", TRUE, "assertion.boxesHash.match");
  short_form = cl_test_box_asset_sign (&a, TRUE, without_signature,
                                       G_N_ELEMENTS (without_signature), pki);
  check (short_form, "boxes-short.png", TRUE, "assertion.boxesHash.match");

  idat = g_array_index (a.boxes, ClTestBox, cl_test_box_index (&a, "IDAT")).start;
  pixels = cl_test_flip_byte (file, signed_offset (file, a.bytes->len, 33, idat + 9), 0x40);
  check (pixels, "boxes-pixels.png", FALSE, "assertion.boxesHash.mismatch");

  /* Bytes after IEND are in no box. */
  after_end = cl_test_flip_byte (file, g_bytes_get_size (file) - 1, 0x40);
  check (after_end, "boxes-trailer.png", TRUE, "assertion.boxesHash.match");
  cl_test_box_asset_clear (&a);
}


/* ClTestBox hashes of the wrong shape, each an entry (or the list) missing a field or with one
 * of the wrong type: assertion.boxesHash.malformed, never a crash. */
static void
test_malformed (void)
{
  enum { NAMES_TEXT, NO_HASH, NO_PAD, EXCLUDED_TEXT, BOXES_MAP, N_CASES };
  ClTestBoxAsset a;
  g_autoptr(ClTestSigner) signer = cl_test_signer_new (1, 365);
  g_autoptr(GPtrArray) chain = g_ptr_array_new ();
  g_autoptr(GBytes) plain = NULL;

  cl_test_box_asset_init (&a);
  cl_test_box_asset_build_jpeg (&a);
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

    store = cl_test_store_new (signer->key, chain, CL_TEST_BOXES_LABEL, "c2pa.hash.boxes", cbor);
    file = cl_test_embed_jpeg (plain, 20, store);
    path = cl_test_write_temp (file, "boxes-malformed.jpg");
    report = cl_validator_verify_file (path, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpint (report->state, ==, CL_VALIDATION_STATE_INVALID);
    g_assert_true (cl_test_report_has_code (report, "assertion.boxesHash.malformed"));
    g_unlink (path);
  }
  cl_test_box_asset_clear (&a);
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
  status = g_test_run ();
  cl_test_pki_free (pki);
  return status;
}
