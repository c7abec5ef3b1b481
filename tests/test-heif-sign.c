/* test-heif-sign.c: HEIF, HEIC and AVIF images signed as c2pa-rs signs them: the C2PA uuid
 * box right after the file type box, a c2pa.hash.bmff.v3 hard binding, and the item
 * locations (iloc) moved by the box's size. A small HEIF is written byte by byte here
 * (items in the file with and without a base offset, an item in an idat box, a free box);
 * the shared sample1.heic, .heif and .avif are signed when present. What is checked: every
 * item's data is byte-identical at its new place, every byte outside the inserted box and
 * the iloc box is the source's, the source is untouched; the copy validates here and in
 * the reference reader with nothing but signingCredential.untrusted; re-signing replaces
 * the store; a changed mdat byte is a BMFF hash mismatch for both readers; item locations
 * with lying counts are refused or walked quickly; a truncated copy is refused and nothing
 * written; videos are refused.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "cl-asset.h"
#include "cl-data-hash.h"
#include "cl-error.h"
#include "cl-signer.h"
#include "cl-status-codes.h"
#include "cl-test-sign-util.h"
#include "cl-test-signing.h"
#include "cl-test-tmp.h"
#include "cl-validator.h"

static char *work_dir;
static char *oracle;

#define SMALL_MDAT_DATA 199   /* where the small HEIF's mdat payload starts */


static GBytes *
read_bytes (const char *path)
{
  g_autofree char *contents = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  return g_bytes_new_take (g_steal_pointer (&contents), len);
}


static guint64
be (const guint8 *p,
    guint         size)
{
  guint64 value = 0;

  for (guint i = 0; i < size; i++)
    value = (value << 8) | p[i];
  return value;
}


static void
put32 (GByteArray *out,
       guint32     value)
{
  guint8 b[4] = { value >> 24, value >> 16, value >> 8, value };

  g_byte_array_append (out, b, 4);
}


static void
put16 (GByteArray *out,
       guint16     value)
{
  guint8 b[2] = { value >> 8, value };

  g_byte_array_append (out, b, 2);
}


static void
put_box (GByteArray *out,
         const char *type,
         guint32     size)
{
  put32 (out, size);
  g_byte_array_append (out, (const guint8 *) type, 4);
}


/* ftyp, meta (hdlr, pitm, iloc v1, idat), free, mdat of 16 bytes. */
static char *
make_small_heif (void)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  static const guint8 hdlr_rest[] = { 0, 0, 0, 0, 'p', 'i', 'c', 't', 0, 0, 0, 0, 0, 0, 0, 0,
                                      0, 0, 0, 0, 0 };
  char *path = g_build_filename (work_dir, "small.heic", NULL);

  put_box (out, "ftyp", 24);
  g_byte_array_append (out, (const guint8 *) "heic\0\0\0\0mif1heic", 16);
  put_box (out, "meta", 155);
  put32 (out, 0);
  put_box (out, "hdlr", 33);
  put32 (out, 0);
  g_byte_array_append (out, hdlr_rest, sizeof hdlr_rest);
  put_box (out, "pitm", 14);
  put32 (out, 0);
  put16 (out, 1);
  put_box (out, "iloc", 84);
  put32 (out, 0x01000000);              /* version 1 */
  put16 (out, 0x4440);                  /* offset, length, base offset: 4 bytes; no index */
  put16 (out, 3);
  /* Item 1: a base offset, one extent relative to it. */
  put16 (out, 1); put16 (out, 0); put16 (out, 0); put32 (out, SMALL_MDAT_DATA);
  put16 (out, 1); put32 (out, 0); put32 (out, 8);
  /* Item 2: no base offset, two extents at file offsets. */
  put16 (out, 2); put16 (out, 0); put16 (out, 0); put32 (out, 0);
  put16 (out, 2); put32 (out, SMALL_MDAT_DATA + 8); put32 (out, 4);
  put32 (out, SMALL_MDAT_DATA + 12); put32 (out, 4);
  /* Item 3: in the idat box (construction method 1), which does not move. */
  put16 (out, 3); put16 (out, 1); put16 (out, 0); put32 (out, 0);
  put16 (out, 1); put32 (out, 0); put32 (out, 4);
  put_box (out, "idat", 12);
  g_byte_array_append (out, (const guint8 *) "IDAT", 4);
  put_box (out, "free", 12);
  put32 (out, 0);
  put_box (out, "mdat", 24);
  g_assert_cmpuint (out->len, ==, SMALL_MDAT_DATA);
  g_byte_array_append (out, (const guint8 *) "0123456789abcdef", 16);
  g_assert_true (g_file_set_contents (path, (const char *) out->data, out->len, NULL));
  return path;
}


/* The first top-level box of type: its offset and size, or FALSE. */
static gboolean
find_top (const guint8 *d,
          gsize         len,
          const char   *type,
          guint64      *offset,
          guint64      *size)
{
  for (guint64 o = 0; o + 8 <= len; ) {
    guint64 s = be (d + o, 4);

    if (s == 1 && o + 16 <= len)
      s = be (d + o + 8, 8);
    if (s < 8 || s > len - o)
      return FALSE;
    if (memcmp (d + o + 4, type, 4) == 0) {
      *offset = o;
      *size = s;
      return TRUE;
    }
    o += s;
  }
  return FALSE;
}


/* The child box of type inside [start, end). */
static gboolean
find_child (const guint8 *d,
            guint64       start,
            guint64       end,
            const char   *type,
            guint64      *offset)
{
  for (guint64 o = start; o + 8 <= end; o += be (d + o, 4)) {
    if (be (d + o, 4) < 8)
      return FALSE;
    if (memcmp (d + o + 4, type, 4) == 0) {
      *offset = o;
      return TRUE;
    }
  }
  return FALSE;
}


/* The data of every item of the top-level meta box, in iloc order, each extent in turn;
 * where its iloc box sits in range. */
static GPtrArray *
item_data (GBytes      *file,
           ClByteRange *iloc_range)
{
  gsize len;
  const guint8 *d = g_bytes_get_data (file, &len);
  GPtrArray *items = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  guint64 meta, meta_size, iloc, idat = 0, p;
  guint version, sizes[4], count;

  g_assert_true (find_top (d, len, "meta", &meta, &meta_size));
  g_assert_true (find_child (d, meta + 12, meta + meta_size, "iloc", &iloc));
  find_child (d, meta + 12, meta + meta_size, "idat", &idat);
  iloc_range->start = iloc;
  iloc_range->length = be (d + iloc, 4);
  version = d[iloc + 8];
  sizes[0] = d[iloc + 12] >> 4;
  sizes[1] = d[iloc + 12] & 0xF;
  sizes[2] = d[iloc + 13] >> 4;
  sizes[3] = version > 0 ? d[iloc + 13] & 0xF : 0;
  p = iloc + 14;
  count = (guint) be (d + p, version < 2 ? 2 : 4);
  p += version < 2 ? 2 : 4;
  for (guint i = 0; i < count; i++) {
    guint method = 0;
    guint64 base, extents;

    p += version < 2 ? 2 : 4;
    if (version > 0) {
      method = d[p + 1] & 0xF;
      p += 2;
    }
    p += 2;
    base = be (d + p, sizes[2]);
    p += sizes[2];
    extents = be (d + p, 2);
    p += 2;
    for (guint64 e = 0; e < extents; e++) {
      guint64 offset, length, start;

      p += sizes[3];
      offset = be (d + p, sizes[0]);
      length = be (d + p + sizes[0], sizes[1]);
      p += sizes[0] + sizes[1];
      start = method == 1 ? idat + 8 + base + offset : base + offset;
      g_assert_true (method == 0 || (method == 1 && idat != 0));
      g_assert_cmpuint (start + length, <=, len);
      g_ptr_array_add (items, g_bytes_new_from_bytes (file, start, length));
    }
  }
  return items;
}


/* Every item's data is the same; every byte but the inserted box and the iloc box is
 * the source's. */
static void
assert_lossless (const char *input,
                 const char *output)
{
  g_autoptr(GBytes) in = read_bytes (input);
  g_autoptr(GBytes) out = read_bytes (output);
  gsize in_len, out_len;
  const guint8 *a = g_bytes_get_data (in, &in_len);
  const guint8 *b = g_bytes_get_data (out, &out_len);
  ClByteRange in_iloc, out_iloc;
  g_autoptr(GPtrArray) in_items = item_data (in, &in_iloc);
  g_autoptr(GPtrArray) out_items = item_data (out, &out_iloc);
  guint64 ftyp_end, ftyp, uuid, uuid_size, old_uuid = 0, old_size = 0;

  g_assert_cmpuint (in_items->len, >, 0);
  g_assert_cmpuint (in_items->len, ==, out_items->len);
  for (guint i = 0; i < in_items->len; i++)
    g_assert_true (g_bytes_equal (in_items->pdata[i], out_items->pdata[i]));

  g_assert_true (find_top (a, in_len, "ftyp", &ftyp, &ftyp_end));
  g_assert_cmpuint (ftyp, ==, 0);
  g_assert_true (find_top (b, out_len, "uuid", &uuid, &uuid_size));
  g_assert_cmpuint (uuid, ==, ftyp_end);
  g_assert_cmpmem (a, ftyp_end, b, ftyp_end);
  /* A signed source's own box goes: this test signs sources whose C2PA box follows ftyp. */
  if (find_top (a, in_len, "uuid", &old_uuid, &old_size))
    g_assert_cmpuint (old_uuid, ==, ftyp_end);
  g_assert_cmpuint (out_len - uuid_size, ==, in_len - old_size);
  g_assert_cmpuint (out_iloc.start - uuid_size, ==, in_iloc.start - old_size);
  for (guint64 i = ftyp_end + old_size; i < in_len; i++) {
    guint64 j = i - old_size + uuid_size;

    if (i >= in_iloc.start && i < in_iloc.start + in_iloc.length)
      continue;
    if (a[i] != b[j])
      g_error ("byte %" G_GUINT64_FORMAT " of %s changed", i, input);
  }
}


static ClSignResult *
sign_ok (const char *input,
         const char *output)
{
  ClTestSigningIdentity *id = cl_test_signing_identity (CL_COSE_ALG_ES256, work_dir);
  ClSignOptions options = { .author = "Jane Doe" };
  g_autoptr(GError) error = NULL;
  g_autofree char *before = cl_test_file_sha256 (input);
  g_autofree char *after = NULL;
  ClSignResult *result;

  result = cl_signer_sign_file (id->profile, &options, input, output, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);
  after = cl_test_file_sha256 (input);
  g_assert_cmpstr (before, ==, after);
  assert_lossless (input, output);
  cl_test_assert_valid_untrusted (output, CL_CODE_ASSERTION_BMFF_HASH_MATCH);
  return result;
}


/* A changed mdat byte: both readers find the BMFF hash does not match. */
static void
assert_tamper_detected (const char *signed_path,
                        const char *name)
{
  g_autoptr(GBytes) file = read_bytes (signed_path);
  g_autofree char *path = g_build_filename (work_dir, name, NULL);
  g_autofree guint8 *copy = g_memdup2 (g_bytes_get_data (file, NULL), g_bytes_get_size (file));
  gsize len = g_bytes_get_size (file);
  /* With every digest, and with the BMFF hash alone (nothing shows the others). */
  const ClValidatorOptions options[] = {
    { 0 }, { .skip_file_sha256 = TRUE, .skip_content_sha256 = TRUE },
  };
  guint64 mdat, mdat_size;

  g_assert_true (find_top (copy, len, "mdat", &mdat, &mdat_size));
  copy[mdat + mdat_size - 1] ^= 0x01;
  g_assert_true (g_file_set_contents (path, (const char *) copy, (gssize) len, NULL));
  for (gsize o = 0; o < G_N_ELEMENTS (options); o++) {
    g_autoptr(ClValidationReport) report = NULL;
    g_autoptr(GError) error = NULL;
    gboolean mismatch = FALSE;

    report = cl_validator_verify_file (path, &options[o], NULL, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < report->statuses->len; i++) {
      ClStatus *status = g_ptr_array_index (report->statuses, i);

      mismatch |= g_strcmp0 (status->code, CL_CODE_ASSERTION_BMFF_HASH_MISMATCH) == 0;
    }
    g_assert_true (mismatch);
  }
  if (oracle != NULL) {
    g_autoptr(JsonObject) reference = cl_test_oracle_read (oracle, path, NULL);

    g_assert_true (cl_test_oracle_has (reference, "failure",
                                       CL_CODE_ASSERTION_BMFF_HASH_MISMATCH));
  }
}


/* Signs input, re-signs the result (its store replaced, one store left) and checks a
 * changed mdat byte is found. */
static void
sign_and_resign (const char *input,
                 const char *stem)
{
  g_autofree char *once = g_strdup_printf ("%s/%s-signed.heic", work_dir, stem);
  g_autofree char *twice = g_strdup_printf ("%s/%s-resigned.heic", work_dir, stem);
  g_autofree char *tampered = g_strdup_printf ("%s-tampered.heic", stem);
  g_autoptr(ClSignResult) first = sign_ok (input, once);
  g_autoptr(ClSignResult) second = sign_ok (once, twice);
  g_autoptr(ClAssetInfo) info = cl_asset_read_file (twice, NULL, NULL);

  g_assert_nonnull (info);
  g_assert_cmpuint (info->store_ranges->len, ==, 1);
  g_assert_cmpstr (second->manifest_label, !=, first->manifest_label);
  assert_tamper_detected (once, tampered);
}


static void
test_small (void)
{
  g_autofree char *input = make_small_heif ();

  sign_and_resign (input, "small");
}


/* The codes of a report, in order, one string. */
static char *
status_codes (ClValidationReport *report)
{
  GString *codes = g_string_new (NULL);

  for (guint i = 0; i < report->statuses->len; i++)
    g_string_append_printf (codes, "%s ", ((ClStatus *) g_ptr_array_index (report->statuses, i))->code);
  return g_string_free (codes, FALSE);
}


/* A reader that shows neither the content hash nor the file's SHA-256 gets the BMFF hash
 * alone: the same statuses, content_sha256 left zero (no second digest of every byte).
 * By default the content hash is the SHA-256 of the bytes outside the store. A file
 * without a store then needs no digest at all: its size only. */
static void
test_digests_skipped (void)
{
  g_autofree char *input = make_small_heif ();
  g_autofree char *output = g_build_filename (work_dir, "skipped-signed.heic", NULL);
  g_autoptr(ClSignResult) result = sign_ok (input, output);
  ClValidatorOptions every = { 0 };
  ClValidatorOptions skip = { .skip_file_sha256 = TRUE, .skip_content_sha256 = TRUE };
  g_autoptr(ClValidationReport) full = cl_validator_verify_file (output, &every, NULL, NULL);
  g_autoptr(ClValidationReport) fast = cl_validator_verify_file (output, &skip, NULL, NULL);
  g_autoptr(ClValidationReport) unsigned_fast = cl_validator_verify_file (input, &skip, NULL,
                                                                          NULL);
  g_autoptr(ClAssetInfo) info = cl_asset_read_file (output, NULL, NULL);
  g_autofree char *full_codes = status_codes (full);
  g_autofree char *fast_codes = status_codes (fast);
  const guint8 zero[32] = { 0 };
  guint8 content[32];
  g_autoptr(GBytes) signed_bytes = read_bytes (output);
  g_autoptr(GBytes) unsigned_bytes = read_bytes (input);

  g_assert_nonnull (full);
  g_assert_nonnull (fast);
  g_assert_nonnull (info);
  g_assert_nonnull (strstr (fast_codes, CL_CODE_ASSERTION_BMFF_HASH_MATCH));
  g_assert_cmpstr (fast_codes, ==, full_codes);
  g_assert_cmpint (fast->state, ==, full->state);
  g_assert_cmpuint (fast->file_size, ==, g_bytes_get_size (signed_bytes));
  g_assert_cmpmem (fast->content_sha256, 32, zero, 32);

  g_assert_true (cl_data_hash_file (output, EVP_sha256 (),
                                    (ClByteRange *) info->store_ranges->data,
                                    info->store_ranges->len, content, NULL, NULL, NULL, NULL,
                                    NULL));
  g_assert_cmpmem (full->content_sha256, 32, content, 32);

  g_assert_nonnull (unsigned_fast);
  g_assert_false (unsigned_fast->has_manifest);
  g_assert_cmpuint (unsigned_fast->file_size, ==, g_bytes_get_size (unsigned_bytes));
  g_assert_cmpmem (unsigned_fast->content_sha256, 32, zero, 32);
}


static void
test_fixtures (void)
{
  const char *shared = g_getenv ("CREDLINK_SHARED_DIR");
  const char *names[] = { "sample1.heic", "sample1.heif", "sample1.avif" };
  guint signed_count = 0;

  for (guint i = 0; shared != NULL && i < G_N_ELEMENTS (names); i++) {
    g_autofree char *path = g_build_filename (shared, "c2pa-fixtures", "images", names[i], NULL);

    if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
      continue;
    sign_and_resign (path, names[i]);
    signed_count++;
  }
  if (signed_count == 0)
    g_test_skip ("the shared HEIF fixtures are not here");
}


/* ftyp, meta holding only an iloc box of the given body, mdat. */
static char *
make_heif_with_iloc (const char   *name,
                     const guint8 *iloc_body,
                     gsize         iloc_len)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  char *path = g_build_filename (work_dir, name, NULL);

  put_box (out, "ftyp", 24);
  g_byte_array_append (out, (const guint8 *) "heic\0\0\0\0mif1heic", 16);
  put_box (out, "meta", 12 + 8 + (guint32) iloc_len);
  put32 (out, 0);
  put_box (out, "iloc", 8 + (guint32) iloc_len);
  g_byte_array_append (out, iloc_body, iloc_len);
  put_box (out, "mdat", 12);
  put32 (out, 0);
  g_assert_true (g_file_set_contents (path, (const char *) out->data, out->len, NULL));
  return path;
}


static GError *
sign_error (const char *input)
{
  ClTestSigningIdentity *id = cl_test_signing_identity (CL_COSE_ALG_ES256, work_dir);
  g_autofree char *output = g_strconcat (input, "-signed.heic", NULL);
  ClSignOptions options = { 0 };
  g_autoptr(ClSignResult) result = NULL;
  GError *error = NULL;

  result = cl_signer_sign_file (id->profile, &options, input, output, NULL, &error);
  g_assert_true ((result == NULL) == (error != NULL));
  if (result != NULL)
    cl_test_assert_valid_untrusted (output, CL_CODE_ASSERTION_BMFF_HASH_MATCH);
  return error;
}


/* Item locations that lie about their counts are refused or walked quickly. */
static void
test_hostile_iloc (void)
{
  /* Version 2: 2^32 - 1 items in a box that holds none. */
  static const guint8 too_many[] = { 2, 0, 0, 0, 0x44, 0x40, 0xFF, 0xFF, 0xFF, 0xFF };
  g_autoptr(GByteArray) empty_extents = g_byte_array_new ();
  g_autofree char *path = make_heif_with_iloc ("many.heic", too_many, sizeof too_many);
  g_autofree char *zero_path = NULL;
  g_autoptr(GError) error = sign_error (path);
  g_autoptr(GError) zero_error = NULL;
  gint64 start;

  g_assert_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_INPUT);
  /* Version 1, fields of no bytes: 65535 items of 65535 extents that hold nothing. */
  put32 (empty_extents, 0x01000000);
  put16 (empty_extents, 0);
  put16 (empty_extents, 65535);
  for (guint i = 0; i < 65535; i++) {
    put16 (empty_extents, (guint16) (i + 1));
    put16 (empty_extents, 0);
    put16 (empty_extents, 0);
    put16 (empty_extents, 0xFFFF);
  }
  zero_path = make_heif_with_iloc ("empty-extents.heic", empty_extents->data,
                                   empty_extents->len);
  start = g_get_monotonic_time ();
  zero_error = sign_error (zero_path);
  g_assert_no_error (zero_error);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
}


/* A copy cut short is refused in words and nothing is written: the small HEIF without
 * the end of its mdat, and with its mdat whole but an item placed past the end; the
 * shared sample1.heic cut in half. */
static void
test_truncated (void)
{
  g_autofree char *small = make_small_heif ();
  g_autoptr(GBytes) whole = read_bytes (small);
  const guint8 *data = g_bytes_get_data (whole, NULL);
  gsize len = g_bytes_get_size (whole);
  g_autofree guint8 *far = g_memdup2 (data, len);
  g_autofree char *cut = g_build_filename (work_dir, "cut.heic", NULL);
  g_autofree char *far_path = g_build_filename (work_dir, "far.heic", NULL);
  const char *shared = g_getenv ("CREDLINK_SHARED_DIR");
  g_autofree char *sample = shared != NULL
    ? g_build_filename (shared, "c2pa-fixtures", "images", "sample1.heic", NULL) : NULL;
  guint64 iloc, meta, meta_size;
  const char *inputs[3] = { cut, far_path, NULL };

  g_assert_true (g_file_set_contents (cut, (const char *) data, (gssize) len - 4, NULL));
  /* Item 2's second extent (the last 4 bytes of the iloc box) moved 4 bytes on. */
  g_assert_true (find_top (far, len, "meta", &meta, &meta_size));
  g_assert_true (find_child (far, meta + 12, meta + meta_size, "iloc", &iloc));
  far[iloc + be (far + iloc, 4) - 28 + 3] += 4;
  g_assert_true (g_file_set_contents (far_path, (const char *) far, (gssize) len, NULL));
  if (sample != NULL && g_file_test (sample, G_FILE_TEST_IS_REGULAR)) {
    g_autoptr(GBytes) heic = read_bytes (sample);

    inputs[2] = g_build_filename (work_dir, "sample-cut.heic", NULL);
    g_assert_true (g_file_set_contents (inputs[2], g_bytes_get_data (heic, NULL),
                                        (gssize) g_bytes_get_size (heic) / 2, NULL));
  }
  for (guint i = 0; i < G_N_ELEMENTS (inputs) && inputs[i] != NULL; i++) {
    g_autofree char *output = g_strconcat (inputs[i], "-signed.heic", NULL);
    g_autoptr(GError) error = sign_error (inputs[i]);

    g_assert_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_INPUT);
    g_assert_nonnull (strstr (error->message, "truncated"));
    g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
  }
  g_free ((char *) inputs[2]);
}


/* MP4 and MOV are verified, not signed. */
static void
test_video_refused (void)
{
  ClTestSigningIdentity *id = cl_test_signing_identity (CL_COSE_ALG_ES256, work_dir);
  static const guint8 mp4[] = { 0, 0, 0, 16, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 0, 0,
                                0, 0, 0, 12, 'm', 'd', 'a', 't', 1, 2, 3, 4 };
  g_autofree char *input = g_build_filename (work_dir, "clip.mp4", NULL);
  g_autofree char *output = g_build_filename (work_dir, "clip-signed.mp4", NULL);
  ClSignOptions options = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(ClSignResult) result = NULL;

  g_assert_true (g_file_set_contents (input, (const char *) mp4, sizeof mp4, NULL));
  result = cl_signer_sign_file (id->profile, &options, input, output, NULL, &error);
  g_assert_null (result);
  g_assert_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_INPUT);
  g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
}


int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  work_dir = cl_test_tmp_dir_new ("credlink-heif-sign", CL_TEST_TMP_UNTIL_EXIT);
  oracle = cl_test_oracle_path ();
  g_test_add_func ("/heif-sign/small", test_small);
  g_test_add_func ("/heif-sign/digests-skipped", test_digests_skipped);
  g_test_add_func ("/heif-sign/fixtures", test_fixtures);
  g_test_add_func ("/heif-sign/hostile-iloc", test_hostile_iloc);
  g_test_add_func ("/heif-sign/truncated", test_truncated);
  g_test_add_func ("/heif-sign/video-refused", test_video_refused);
  status = g_test_run ();
  cl_test_signing_identities_free ();
  g_free (oracle);
  return status;
}
