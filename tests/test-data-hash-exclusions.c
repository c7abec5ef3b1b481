/* test-data-hash-exclusions.c: a c2pa.hash.data exclusion may hold the manifest store and
 * nothing else (C2PA 2.2 §15.12.1). JPEG and PNG files are signed here with exclusions
 * that hold exactly the store, the store and the metadata next to it, everything from the
 * start of the file, or the store's segments with another segment between them; the hash
 * over the bytes left is always right, so only the rule on the exclusion can tell them
 * apart. When the reference reader (c2pa-rs) is installed it must give the same
 * validation state and the same data hash codes. Last, a manifest validated apart from
 * its file (as a remote one is) with an exclusion over bytes that are no store; and a
 * file c2pa-rs signed whose Exif segment is then moved between the store's segments.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <cbor.h>
#include <glib/gstdio.h>

#include "cl-asset.h"
#include "cl-status-codes.h"
#include "cl-test-boxes.h"
#include "cl-test-c2pa.h"
#include "cl-test-pki.h"
#include "cl-test-sign-util.h"
#include "cl-test-tmp.h"
#include "cl-validator.h"

#define LABEL "urn:c2pa:3e9d0c7b-2a41-4f58-b6e3-9c0d1e2f3a4b:credlink"
/* cl_test_embed_jpeg() puts the store after APP0, cl_test_embed_png() after IHDR. */
#define JPEG_STORE_AT 20
#define PNG_STORE_AT 33

/* Signer and intermediate of a test PKI, so the reference reader finds nothing wrong with
 * the certificate (only that it is not trusted). */
static ClTestPki *pki;

typedef enum {
  EXCLUDE_STORE,             /* exactly the store */
  EXCLUDE_STORE_AND_NEXT,    /* one exclusion: the store and the metadata after it */
  EXCLUDE_STORE_THEN_NEXT,   /* two: the store, then the metadata after it */
  EXCLUDE_FROM_START,        /* one, from offset 0 to the end of the store */
  EXCLUDE_SEGMENTS,          /* one per C2PA segment (a split JPEG store) */
} Exclude;

typedef struct {
  const char        *name;
  gboolean           png;
  gboolean           split;  /* JPEG: a comment segment between the store's two segments */
  Exclude            exclude;
  ClValidationState  state;
  const char        *code;   /* the data hash code expected */
  /* The store's segments are apart (C2PA 2.2 §A.3.1 forbids it) and one exclusion holds
   * them and the segment between: c2pa-rs 0.91 reads the store, finds no store range
   * (its JPEG scanner's refusal is dropped, c2pa-rs #2646), checks no exclusion against
   * it and says Valid. The exclusion hides bytes that are no store, so CredLink keeps the
   * mismatch: the comparison is only reported. */
  gboolean           reference_lenient;
} Case;

/* Where the store went in the signed file. */
typedef struct {
  gsize segments[2][2];      /* start and length of each C2PA segment (or of the chunk) */
  guint n_segments;
  gsize span_end;            /* the end of the last one */
  gsize next_len;            /* the segment or chunk after the store: Exif APP1, tEXt */
} Layout;


/* --- Building ------------------------------------------------------------------------ */

static GBytes *
data_hash_cbor (const ClByteRange *exclusions,
                guint              n,
                const guint8      *hash)
{
  cbor_item_t *map = cbor_new_definite_map (5);
  cbor_item_t *list = cbor_new_definite_array (n);
  guint8 pad[8] = { 0 };
  unsigned char *buf = NULL;
  gsize size = 0, len;
  GBytes *out;

  /* 32-bit widths: the placeholder and the final assertion have the same size. */
  for (guint i = 0; i < n; i++) {
    cbor_item_t *range = cbor_new_definite_map (2);

    cl_test_cbor_map_put (range, "start", cbor_build_uint32 ((guint32) exclusions[i].start));
    cl_test_cbor_map_put (range, "length", cbor_build_uint32 ((guint32) exclusions[i].length));
    g_assert_true (cbor_array_push (list, cbor_move (range)));
  }
  cl_test_cbor_map_put (map, "exclusions", list);
  cl_test_cbor_map_put (map, "name", cbor_build_string ("jumbf manifest"));
  cl_test_cbor_map_put (map, "alg", cbor_build_string ("sha256"));
  cl_test_cbor_map_put (map, "hash", cbor_build_bytestring (hash, 32));
  cl_test_cbor_map_put (map, "pad", cbor_build_bytestring (pad, sizeof pad));
  len = cbor_serialize_alloc (map, &buf, &size);
  out = g_bytes_new (buf, len);
  free (buf);
  cbor_decref (&map);
  return out;
}


static void
append_app11 (GByteArray   *out,
              guint32       sequence,
              const guint8 *box_header,
              const guint8 *data,
              gsize         len)
{
  gsize lp = 2 + 8 + (box_header != NULL ? 8 : 0) + len;
  guint8 head[12] = { 0xFF, 0xEB, lp >> 8, lp & 0xFF, 'J', 'P', 0x02, 0x11,
                      sequence >> 24, sequence >> 16, sequence >> 8, sequence };

  g_byte_array_append (out, head, sizeof head);
  if (box_header != NULL)
    g_byte_array_append (out, box_header, 8);
  g_byte_array_append (out, data, (guint) len);
}


/* plain (JPEG) with the store in two APP11 segments after APP0 and a comment segment
 * between them; the second segment repeats the box header (ISO 19566-5 D.2). */
static GBytes *
embed_split_jpeg (GBytes *plain,
                  GBytes *store,
                  Layout *layout)
{
  static const guint8 com[] = { 0xFF, 0xFE, 0x00, 0x0A, 'i', 'n', 'j', 'e', 'c', 't', 'e', 'd' };
  GByteArray *out = g_byte_array_new ();
  gsize len, half;
  const guint8 *s = g_bytes_get_data (store, &len);
  const guint8 *p = g_bytes_get_data (plain, NULL);

  half = len / 2;
  g_byte_array_append (out, p, JPEG_STORE_AT);
  append_app11 (out, 1, NULL, s, half);
  layout->segments[0][0] = JPEG_STORE_AT;
  layout->segments[0][1] = out->len - JPEG_STORE_AT;
  g_byte_array_append (out, com, sizeof com);
  layout->segments[1][0] = out->len;
  append_app11 (out, 2, s, s + half, len - half);
  layout->segments[1][1] = out->len - layout->segments[1][0];
  layout->n_segments = 2;
  g_byte_array_append (out, p + JPEG_STORE_AT, (guint) (g_bytes_get_size (plain) - JPEG_STORE_AT));
  return g_byte_array_free_to_bytes (out);
}


static GBytes *
embed (const Case *c,
       GBytes     *plain,
       GBytes     *store,
       Layout     *layout)
{
  gsize store_len = g_bytes_get_size (store);
  GBytes *file;

  if (c->png) {
    file = cl_test_embed_png (plain, store);
    layout->segments[0][0] = PNG_STORE_AT;
    layout->segments[0][1] = 12 + store_len;
    layout->n_segments = 1;
    layout->next_len = 12 + 14;                   /* tEXt "Title\0credlink" */
  } else if (c->split) {
    file = embed_split_jpeg (plain, store, layout);
    layout->next_len = 4 + 16;                    /* the Exif APP1 */
  } else {
    file = cl_test_embed_jpeg (plain, JPEG_STORE_AT, store);
    layout->segments[0][0] = JPEG_STORE_AT;
    layout->segments[0][1] = 2 + 2 + 8 + store_len;
    layout->n_segments = 1;
    layout->next_len = 4 + 16;
  }
  layout->span_end = layout->segments[layout->n_segments - 1][0] +
                     layout->segments[layout->n_segments - 1][1];
  return file;
}


static guint
exclusions_for (Exclude       exclude,
                const Layout *l,
                ClByteRange   out[2])
{
  gsize start = l->segments[0][0];

  switch (exclude) {
  case EXCLUDE_STORE:
    out[0] = (ClByteRange) { start, l->span_end - start };
    return 1;
  case EXCLUDE_STORE_AND_NEXT:
    out[0] = (ClByteRange) { start, l->span_end + l->next_len - start };
    return 1;
  case EXCLUDE_STORE_THEN_NEXT:
    out[0] = (ClByteRange) { start, l->span_end - start };
    out[1] = (ClByteRange) { l->span_end, l->next_len };
    return 2;
  case EXCLUDE_FROM_START:
    out[0] = (ClByteRange) { 0, l->span_end };
    return 1;
  case EXCLUDE_SEGMENTS:
  default:
    for (guint i = 0; i < l->n_segments; i++)
      out[i] = (ClByteRange) { l->segments[i][0], l->segments[i][1] };
    return l->n_segments;
  }
}


/* SHA-256 of the bytes of file outside the (sorted) exclusions. */
static void
hash_outside (GBytes            *file,
              const ClByteRange *exclusions,
              guint              n,
              guint8             digest[32])
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  gsize len, at = 0, digest_len = 32;
  const guint8 *data = g_bytes_get_data (file, &len);

  for (guint i = 0; i < n; i++) {
    g_checksum_update (sum, data + at, (gssize) (exclusions[i].start - at));
    at = exclusions[i].start + exclusions[i].length;
  }
  g_checksum_update (sum, data + at, (gssize) (len - at));
  g_checksum_get_digest (sum, digest, &digest_len);
}


static GBytes *
signed_store (const ClByteRange *exclusions,
              guint              n,
              const guint8      *hash)
{
  g_autoptr(GPtrArray) chain = cl_test_chain_der (pki->signer, pki->intermediate, NULL);
  g_autoptr(GBytes) cbor = data_hash_cbor (exclusions, n, hash);

  return cl_test_store_new (pki->signer->key, chain, LABEL, "c2pa.hash.data", cbor);
}


/* The plain file of the case with a store whose data hash has the case's exclusions and
 * the right hash over every byte outside them. */
static GBytes *
sign_case (const Case *c,
           GBytes    **store_out)
{
  ClTestBoxAsset a;
  ClByteRange exclusions[2] = { { 0, 0 }, { 0, 0 } };
  guint8 zeros[32] = { 0 }, digest[32], again[32];
  g_autoptr(GBytes) plain = NULL, placeholder = NULL, draft = NULL, store = NULL;
  GBytes *file;
  Layout layout = { { { 0 } } };
  guint n;

  cl_test_box_asset_init (&a);
  if (c->png)
    cl_test_box_asset_build_png (&a);
  else
    cl_test_box_asset_build_jpeg (&a);
  plain = g_bytes_new (a.bytes->data, a.bytes->len);
  cl_test_box_asset_clear (&a);

  /* Pass 1 fixes the layout, pass 2 fills in the exclusions and the hash. */
  n = c->exclude == EXCLUDE_STORE_THEN_NEXT || c->exclude == EXCLUDE_SEGMENTS ? 2 : 1;
  placeholder = signed_store (exclusions, n, zeros);
  draft = embed (c, plain, placeholder, &layout);
  g_assert_cmpuint (exclusions_for (c->exclude, &layout, exclusions), ==, n);
  hash_outside (draft, exclusions, n, digest);
  store = signed_store (exclusions, n, digest);
  g_assert_cmpuint (g_bytes_get_size (store), ==, g_bytes_get_size (placeholder));
  file = embed (c, plain, store, &layout);
  /* The store is inside the exclusions: the hash holds over the final file too. */
  hash_outside (file, exclusions, n, again);
  g_assert_cmpmem (digest, 32, again, 32);
  if (store_out != NULL)
    *store_out = g_steal_pointer (&store);
  return file;
}


/* --- Checks --------------------------------------------------------------------- */

static gint
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}


/* The assertion.dataHash codes of a list, sorted, without repeats, comma-separated. */
static char *
joined_data_hash_codes (GPtrArray *codes)
{
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();

  g_ptr_array_sort (codes, compare_strings);
  for (guint i = 0; i < codes->len; i++) {
    const char *code = g_ptr_array_index (codes, i);

    if (g_str_has_prefix (code, "assertion.dataHash.") &&
        (kept->len == 0 || !g_str_equal (g_ptr_array_index (kept, kept->len - 1), code)))
      g_ptr_array_add (kept, (gpointer) code);
  }
  g_ptr_array_add (kept, NULL);
  return g_strjoinv (",", (char **) kept->pdata);
}


static char *
report_data_hash_codes (ClValidationReport *report)
{
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();

  for (guint i = 0; i < report->statuses->len; i++)
    g_ptr_array_add (codes, ((ClStatus *) g_ptr_array_index (report->statuses, i))->code);
  return joined_data_hash_codes (codes);
}


static char *
oracle_data_hash_codes (JsonObject *reference)
{
  static const char *const lists[] = { "success", "informational", "failure" };
  JsonObject *codes = json_object_get_object_member (reference, "codes");
  g_autoptr(GPtrArray) all = g_ptr_array_new ();

  for (guint l = 0; codes != NULL && l < G_N_ELEMENTS (lists); l++) {
    JsonArray *array = json_object_has_member (codes, lists[l])
                       ? json_object_get_array_member (codes, lists[l]) : NULL;

    for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
      g_ptr_array_add (all, (gpointer) json_array_get_string_element (array, i));
  }
  return joined_data_hash_codes (all);
}


/* Our verdict on file is the case's; the reference reader's, when installed, the same. */
static void
check (const Case *c,
       GBytes     *file)
{
  g_autofree char *name = g_strdelimit (g_strconcat (c->name, c->png ? ".png" : ".jpg", NULL),
                                        "/", '-');
  g_autofree char *path = cl_test_write_temp (file, name);
  g_autofree char *oracle = cl_test_oracle_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ClValidationReport) report = cl_validator_verify_file (path, NULL, NULL, &error);
  g_autofree char *ours = NULL;

  g_assert_no_error (error);
  g_assert_true (cl_test_report_has_code (report, CL_CODE_CLAIM_SIGNATURE_VALIDATED));
  ours = report_data_hash_codes (report);
  if (report->state != c->state || !cl_test_report_has_code (report, c->code))
    g_error ("%s: %s with %s, expected %s with %s", name,
             cl_validation_state_to_string (report->state), ours,
             cl_validation_state_to_string (c->state), c->code);

  if (oracle != NULL) {
    g_autoptr(JsonObject) reference = cl_test_oracle_read (oracle, path, NULL);
    const char *state = json_object_get_string_member_with_default (reference,
                                                                    "validation_state",
                                                                    "(no state)");
    g_autofree char *theirs = oracle_data_hash_codes (reference);

    if (c->reference_lenient)
      g_test_message ("%s: the reference reader says %s with %s, CredLink %s with %s", name,
                      state, theirs, cl_validation_state_to_string (report->state), ours);
    else if (!g_str_equal (state, cl_validation_state_to_string (report->state)) ||
             !g_str_equal (theirs, ours))
      g_error ("%s: the reference reader says %s with %s, CredLink %s with %s", name, state,
               theirs, cl_validation_state_to_string (report->state), ours);
  }
  g_unlink (path);
}


static void
test_case (gconstpointer data)
{
  const Case *c = data;
  g_autoptr(GBytes) file = sign_case (c, NULL);

  check (c, file);
}


/* file validated with store as a detached manifest (fetched from a remote URL, say). */
static ClValidationReport *
verify_detached (GBytes     *file,
                 GBytes     *store,
                 const char *name)
{
  g_autofree char *path = cl_test_write_temp (file, name);
  g_autoptr(GFile) gfile = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = g_file_read (gfile, NULL, NULL);
  g_autoptr(ClAssetInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  ClValidationReport *report;

  g_assert_nonnull (stream);
  info = cl_asset_read (G_INPUT_STREAM (stream), NULL, &error);
  g_assert_no_error (error);
  g_assert_null (info->store);
  info->store = g_bytes_ref (store);
  report = cl_validator_verify_stream (G_INPUT_STREAM (stream), info, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (cl_test_report_has_code (report, CL_CODE_CLAIM_SIGNATURE_VALIDATED));
  return report;
}


/* A detached manifest binds a file with no store in it: an exclusion there is a hole for
 * other bytes, unless it is empty (c2pa-rs #2643). */
static void
test_detached (void)
{
  static const Case lifted = { "lifted", FALSE, FALSE, EXCLUDE_STORE };
  ClTestBoxAsset a;
  const ClByteRange empty = { JPEG_STORE_AT, 0 };
  guint8 digest[32];
  g_autoptr(GBytes) store = NULL, plain = NULL, plain_store = NULL;
  g_autoptr(GBytes) file = sign_case (&lifted, &store);
  gsize len;
  guint8 *forged = g_bytes_unref_to_data (g_bytes_ref (file), &len);
  gsize segment_len = 2 + 2 + 8 + g_bytes_get_size (store);
  g_autoptr(GBytes) forged_bytes = NULL;
  g_autoptr(ClValidationReport) report = NULL;
  g_autoptr(ClValidationReport) empty_report = NULL;

  /* The store lifted out; in its place a comment segment of the same size, with bytes the
   * hash never saw. */
  forged[JPEG_STORE_AT + 1] = 0xFE;
  memset (forged + JPEG_STORE_AT + 4, 'X', segment_len - 4);
  forged_bytes = g_bytes_new_take (forged, len);
  report = verify_detached (forged_bytes, store, "lifted.jpg");
  g_assert_cmpint (report->state, ==, CL_VALIDATION_STATE_INVALID);
  g_assert_true (cl_test_report_has_code (report, CL_CODE_ASSERTION_DATA_HASH_MISMATCH));

  /* An empty exclusion hides nothing: the hash covers the whole file. */
  cl_test_box_asset_init (&a);
  cl_test_box_asset_build_jpeg (&a);
  plain = g_bytes_new (a.bytes->data, a.bytes->len);
  cl_test_box_asset_clear (&a);
  hash_outside (plain, &empty, 1, digest);
  plain_store = signed_store (&empty, 1, digest);
  empty_report = verify_detached (plain, plain_store, "plain.jpg");
  g_assert_cmpint (empty_report->state, ==, CL_VALIDATION_STATE_VALID);
  g_assert_true (cl_test_report_has_code (empty_report, CL_CODE_ASSERTION_DATA_HASH_MATCH));
}


/* The JPEG in jpeg with its first segment after the C2PA APP11 segments (an Exif APP1)
 * moved between the first two of them: no byte changes, only the order. */
static GBytes *
move_segment_into_store (GBytes *jpeg)
{
  gsize len, at = 2, first_end = 0, mover = 0, mover_len = 0;
  const guint8 *d = g_bytes_get_data (jpeg, &len);
  GByteArray *out = g_byte_array_new ();

  while (at + 4 <= len && d[at] == 0xFF && d[at + 1] != 0xDA && mover == 0) {
    gsize seg_len = 2 + (((gsize) d[at + 2] << 8) | d[at + 3]);
    gboolean c2pa = d[at + 1] == 0xEB && at + 6 <= len && d[at + 4] == 'J' && d[at + 5] == 'P';

    if (c2pa && first_end == 0)
      first_end = at + seg_len;
    else if (!c2pa && first_end != 0)
      mover = at, mover_len = seg_len;
    at += seg_len;
  }
  g_assert_cmpuint (mover, >, first_end);
  g_assert_cmpuint (mover + mover_len, <=, len);
  g_byte_array_append (out, d, (guint) first_end);
  g_byte_array_append (out, d + mover, (guint) mover_len);
  g_byte_array_append (out, d + first_end, (guint) (mover - first_end));
  g_byte_array_append (out, d + mover + mover_len, (guint) (len - mover - mover_len));
  return g_byte_array_free_to_bytes (out);
}


/* A shared fixture signed by c2pa-rs (its store, with a thumbnail, takes three APP11
 * segments), then its Exif segment moved between the first two: the signer's exclusion now
 * holds the Exif segment and leaves store bytes hashed, a mismatch for both readers. */
static void
test_moved_segment (void)
{
  const char *shared = g_getenv ("CREDLINK_SHARED_DIR");
  g_autofree char *fixtures = shared != NULL ? g_build_filename (shared, "c2pa-fixtures", NULL) : NULL;
  g_autofree char *in = NULL, *chain = NULL, *key = NULL, *signer = NULL, *dir = NULL;
  g_autofree char *signed_path = NULL, *moved_path = NULL, *err = NULL, *data = NULL;
  g_autofree char *theirs = NULL;
  g_autofree char *reader = cl_test_oracle_path ();
  g_autoptr(GBytes) signed_file = NULL, moved = NULL;
  g_autoptr(ClValidationReport) before = NULL, after = NULL;
  g_autoptr(JsonObject) reference = NULL;
  g_autoptr(GError) error = NULL;
  gsize len = 0;
  int status = -1;

  if (fixtures != NULL && reader != NULL) {
    g_autofree char *reader_dir = g_path_get_dirname (reader);

    in = g_build_filename (fixtures, "images", "earth_apollo17.jpg", NULL);
    chain = g_build_filename (fixtures, "certs", "es256.pub", NULL);
    key = g_build_filename (fixtures, "certs", "es256.pem", NULL);
    signer = g_build_filename (reader_dir, "sign.mjs", NULL);
  }
  if (signer == NULL || !g_file_test (in, G_FILE_TEST_IS_REGULAR) ||
      !g_file_test (signer, G_FILE_TEST_IS_REGULAR)) {
    g_test_skip ("the reference signer or the shared fixtures are not available");
    return;
  }
  dir = cl_test_tmp_dir_new ("credlink-exclusions", CL_TEST_TMP_UNTIL_CASE_ENDS);
  signed_path = g_build_filename (dir, "signed.jpg", NULL);
  moved_path = g_build_filename (dir, "moved.jpg", NULL);
  {
    const char *argv[] = { "node", signer, in, signed_path, chain, key, "es256", NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH |
                                 G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, &err, &status,
                                 &error));
  }
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("sign.mjs: %s", err);
  g_assert_true (g_file_get_contents (signed_path, &data, &len, NULL));
  signed_file = g_bytes_new_take (g_steal_pointer (&data), len);
  moved = move_segment_into_store (signed_file);
  g_assert_true (g_file_set_contents (moved_path, g_bytes_get_data (moved, NULL),
                                      (gssize) g_bytes_get_size (moved), NULL));

  before = cl_validator_verify_file (signed_path, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (cl_test_report_has_code (before, CL_CODE_ASSERTION_DATA_HASH_MATCH));
  after = cl_validator_verify_file (moved_path, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (after->state, ==, CL_VALIDATION_STATE_INVALID);
  g_assert_true (cl_test_report_has_code (after, CL_CODE_ASSERTION_DATA_HASH_MISMATCH));
  g_assert_false (cl_test_report_has_code (after, CL_CODE_ASSERTION_DATA_HASH_MATCH));

  reference = cl_test_oracle_read (reader, moved_path, NULL);
  theirs = oracle_data_hash_codes (reference);
  g_assert_cmpstr (json_object_get_string_member (reference, "validation_state"), ==, "Invalid");
  g_assert_cmpstr (theirs, ==, CL_CODE_ASSERTION_DATA_HASH_MISMATCH);
}


static const Case cases[] = {
  /* (a) The store and nothing else. */
  { "jpeg/store", FALSE, FALSE, EXCLUDE_STORE,
    CL_VALIDATION_STATE_VALID, CL_CODE_ASSERTION_DATA_HASH_MATCH },
  { "png/store", TRUE, FALSE, EXCLUDE_STORE,
    CL_VALIDATION_STATE_VALID, CL_CODE_ASSERTION_DATA_HASH_MATCH },
  /* Metadata in an exclusion of its own is allowed (§15.12.1), and said. */
  { "jpeg/store-then-exif", FALSE, FALSE, EXCLUDE_STORE_THEN_NEXT,
    CL_VALIDATION_STATE_VALID, CL_CODE_ASSERTION_DATA_HASH_ADDITIONAL_EXCLUSIONS_PRESENT },
  { "png/store-then-text", TRUE, FALSE, EXCLUDE_STORE_THEN_NEXT,
    CL_VALIDATION_STATE_VALID, CL_CODE_ASSERTION_DATA_HASH_ADDITIONAL_EXCLUSIONS_PRESENT },
  /* (b) The store's exclusion also holds the Exif block (or text chunk) after it. */
  { "jpeg/store-and-exif", FALSE, FALSE, EXCLUDE_STORE_AND_NEXT,
    CL_VALIDATION_STATE_INVALID, CL_CODE_ASSERTION_DATA_HASH_MISMATCH },
  { "png/store-and-text", TRUE, FALSE, EXCLUDE_STORE_AND_NEXT,
    CL_VALIDATION_STATE_INVALID, CL_CODE_ASSERTION_DATA_HASH_MISMATCH },
  /* (c) The store's APP11 segments with a comment segment between them: read, as
   * c2pa-rs reads them. One exclusion over both and the comment hides the comment; one
   * exclusion per segment hides nothing else, and c2pa-rs agrees. */
  { "jpeg/split-span", FALSE, TRUE, EXCLUDE_STORE,
    CL_VALIDATION_STATE_INVALID, CL_CODE_ASSERTION_DATA_HASH_MISMATCH, .reference_lenient = TRUE },
  { "jpeg/split-segments", FALSE, TRUE, EXCLUDE_SEGMENTS,
    CL_VALIDATION_STATE_VALID, CL_CODE_ASSERTION_DATA_HASH_MATCH },
  /* (d) From the start of the file to the end of the store. */
  { "jpeg/from-start", FALSE, FALSE, EXCLUDE_FROM_START,
    CL_VALIDATION_STATE_INVALID, CL_CODE_ASSERTION_DATA_HASH_MISMATCH },
  { "png/from-start", TRUE, FALSE, EXCLUDE_FROM_START,
    CL_VALIDATION_STATE_INVALID, CL_CODE_ASSERTION_DATA_HASH_MISMATCH },
};


int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  pki = cl_test_pki_new (NULL, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++) {
    g_autofree char *path = g_strconcat ("/data-hash-exclusions/", cases[i].name, NULL);

    g_test_add_data_func (path, &cases[i], test_case);
  }
  g_test_add_func ("/data-hash-exclusions/detached", test_detached);
  g_test_add_func ("/data-hash-exclusions/moved-segment", test_moved_segment);
  status = g_test_run ();
  cl_test_pki_free (pki);
  return status;
}
