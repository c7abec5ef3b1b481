/* test-data-hash.c: the streamed hash with exclusions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "cl-data-hash.h"
#include "cl-error.h"
#include "cl-test-tmp.h"

/* A 700 KB file so exclusions straddle the 256 KB read-buffer boundaries. */
#define FILE_SIZE (700 * 1024)

static char *
write_file (guint8 **contents_out)
{
  g_autofree char *dir = cl_test_tmp_dir_new ("credlink-hash", CL_TEST_TMP_UNTIL_CASE_ENDS);
  char *path = g_build_filename (dir, "asset.bin", NULL);
  guint8 *contents = g_malloc (FILE_SIZE);

  for (gsize i = 0; i < FILE_SIZE; i++)
    contents[i] = (guint8) (i * 31 + (i >> 8));
  g_assert_true (g_file_set_contents (path, (char *) contents, FILE_SIZE, NULL));
  *contents_out = contents;
  return path;
}

/* The reference: hash of the bytes kept, computed the obvious way. */
static void
reference_hash (const guint8 *contents,
                const gboolean *excluded,
                guint8 out[32])
{
  GChecksum *sum = g_checksum_new (G_CHECKSUM_SHA256);
  gsize len = 32;

  for (gsize i = 0; i < FILE_SIZE; i++) {
    if (!excluded[i])
      g_checksum_update (sum, contents + i, 1);
  }
  g_checksum_get_digest (sum, out, &len);
  g_checksum_free (sum);
}

static void
test_exclusions (void)
{
  g_autofree guint8 *contents = NULL;
  g_autofree char *path = write_file (&contents);
  /* Unordered, overlapping, one across a buffer boundary, one at the very end. */
  const ClByteRange ranges[] = {
    { 262100, 200 }, { 20, 53110 }, { 50000, 10000 }, { FILE_SIZE - 10, 10 }, { 5, 0 },
  };
  g_autofree gboolean *excluded = g_new0 (gboolean, FILE_SIZE);
  guint8 expected[32], got[64], whole[32], whole_expected[32];
  guint got_len = 0;
  guint64 size = 0;
  gsize whole_len = 32;
  g_autoptr(GError) error = NULL;
  GChecksum *sum = g_checksum_new (G_CHECKSUM_SHA256);

  for (gsize r = 0; r < G_N_ELEMENTS (ranges); r++)
    for (guint64 i = ranges[r].start; i < ranges[r].start + ranges[r].length; i++)
      excluded[i] = TRUE;
  reference_hash (contents, excluded, expected);

  g_assert_true (cl_data_hash_file (path, cl_data_hash_md_from_name ("sha256"),
                                    ranges, G_N_ELEMENTS (ranges), got, &got_len, whole, &size,
                                    NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (got_len, ==, 32);
  g_assert_cmpmem (got, got_len, expected, 32);
  g_assert_cmpuint (size, ==, FILE_SIZE);

  g_checksum_update (sum, contents, FILE_SIZE);
  g_checksum_get_digest (sum, whole_expected, &whole_len);
  g_checksum_free (sum);
  g_assert_cmpmem (whole, 32, whole_expected, 32);
}

static void
test_no_exclusions_sha512 (void)
{
  g_autofree guint8 *contents = NULL;
  g_autofree char *path = write_file (&contents);
  guint8 got[64], expected[64];
  guint got_len = 0;
  gsize expected_len = 64;
  GChecksum *sum = g_checksum_new (G_CHECKSUM_SHA512);

  g_checksum_update (sum, contents, FILE_SIZE);
  g_checksum_get_digest (sum, expected, &expected_len);
  g_checksum_free (sum);
  g_assert_true (cl_data_hash_file (path, cl_data_hash_md_from_name ("sha512"), NULL, 0,
                                    got, &got_len, NULL, NULL, NULL, NULL));
  g_assert_cmpmem (got, got_len, expected, expected_len);
}

static void
test_exclusion_past_end (void)
{
  g_autofree guint8 *contents = NULL;
  g_autofree char *path = write_file (&contents);
  const ClByteRange ranges[] = { { FILE_SIZE - 5, 10 } };
  guint8 got[64];
  guint got_len = 0;
  g_autoptr(GError) error = NULL;

  g_assert_false (cl_data_hash_file (path, EVP_sha256 (), ranges, 1, got, &got_len,
                                     NULL, NULL, NULL, &error));
  g_assert_error (error, CL_ASSET_ERROR, CL_ASSET_ERROR_TRUNCATED);
}

/* Several hashers in one pass over the file: each sees every byte once, whatever the
 * read-buffer boundaries, and gets the digest of its own exclusions. */
static void
test_one_pass_many_hashers (void)
{
  g_autofree guint8 *contents = NULL;
  g_autofree char *path = write_file (&contents);
  const ClByteRange first[] = { { 262140, 10 }, { 0, 3 } };
  const ClByteRange second[] = { { 100, 600000 } };
  g_autofree gboolean *excluded_first = g_new0 (gboolean, FILE_SIZE);
  g_autofree gboolean *excluded_second = g_new0 (gboolean, FILE_SIZE);
  g_autoptr(ClDataHasher) a = cl_data_hasher_new (EVP_sha256 (), first, G_N_ELEMENTS (first), NULL);
  g_autoptr(ClDataHasher) b = cl_data_hasher_new (EVP_sha256 (), second, 1, NULL);
  ClStreamConsumer consumers[2] = { { cl_data_hasher_consume, a }, { cl_data_hasher_consume, b } };
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, NULL);
  guint8 expected[32], got[32];
  guint64 size = 0;

  for (gsize r = 0; r < G_N_ELEMENTS (first); r++)
    for (guint64 i = first[r].start; i < first[r].start + first[r].length; i++)
      excluded_first[i] = TRUE;
  for (guint64 i = second[0].start; i < second[0].start + second[0].length; i++)
    excluded_second[i] = TRUE;

  g_assert_true (cl_data_hash_pass (G_INPUT_STREAM (stream), consumers, 2, NULL, &size, NULL,
                                    NULL));
  g_assert_cmpuint (size, ==, FILE_SIZE);
  g_assert_true (cl_data_hasher_finish (a, size, got, NULL, NULL));
  reference_hash (contents, excluded_first, expected);
  g_assert_cmpmem (got, 32, expected, 32);
  g_assert_true (cl_data_hasher_finish (b, size, got, NULL, NULL));
  reference_hash (contents, excluded_second, expected);
  g_assert_cmpmem (got, 32, expected, 32);
}


/* A consumer that checks it is handed the file in order, without gaps or overlaps, and
 * keeps a digest of what it saw. */
typedef struct {
  guint64     next;
  guint       calls;
  GChecksum  *sum;
} OrderCheck;


static void
order_check_consume (gpointer      consumer,
                     guint64       offset,
                     const guint8 *data,
                     gsize         len)
{
  OrderCheck *check = consumer;

  g_assert_cmpuint (offset, ==, check->next);
  g_assert_cmpuint (len, >, 0);
  check->next += len;
  check->calls++;
  g_checksum_update (check->sum, data, (gssize) len);
}


/* Hashers fed on threads of their own beside one fed by the reading thread, and the
 * whole-file SHA-256: each still sees every byte once, in order, with the digest of its
 * own exclusions, although the reading thread refills buffers while they hash. */
static void
test_hashers_on_threads (void)
{
  g_autofree guint8 *contents = NULL;
  g_autofree char *path = write_file (&contents);
  const ClByteRange first[] = { { 262140, 10 }, { 0, 3 } };
  const ClByteRange second[] = { { 100, 600000 } };
  g_autofree gboolean *excluded_first = g_new0 (gboolean, FILE_SIZE);
  g_autofree gboolean *excluded_second = g_new0 (gboolean, FILE_SIZE);
  g_autofree gboolean *excluded_none = g_new0 (gboolean, FILE_SIZE);
  g_autoptr(ClDataHasher) a = cl_data_hasher_new (EVP_sha256 (), first, G_N_ELEMENTS (first), NULL);
  g_autoptr(ClDataHasher) b = cl_data_hasher_new (EVP_sha256 (), second, 1, NULL);
  OrderCheck check = { 0, 0, g_checksum_new (G_CHECKSUM_SHA256) };
  ClStreamConsumer consumers[3] = {
    { cl_data_hasher_consume, a, TRUE },
    { cl_data_hasher_consume, b, FALSE },
    { order_check_consume, &check, TRUE },
  };
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, NULL);
  g_autoptr(GError) error = NULL;
  guint8 expected[32], got[32], whole[32], seen[32];
  gsize seen_len = sizeof seen;
  guint64 size = 0;

  for (gsize r = 0; r < G_N_ELEMENTS (first); r++)
    for (guint64 i = first[r].start; i < first[r].start + first[r].length; i++)
      excluded_first[i] = TRUE;
  for (guint64 i = second[0].start; i < second[0].start + second[0].length; i++)
    excluded_second[i] = TRUE;

  g_assert_true (cl_data_hash_pass (G_INPUT_STREAM (stream), consumers, 3, whole, &size, NULL,
                                    NULL));
  g_assert_cmpuint (size, ==, FILE_SIZE);
  g_assert_cmpuint (check.next, ==, FILE_SIZE);
  g_assert_cmpuint (check.calls, >, 2);   /* several buffers, refilled while hashed */
  reference_hash (contents, excluded_none, expected);
  g_assert_cmpmem (whole, 32, expected, 32);
  g_checksum_get_digest (check.sum, seen, &seen_len);
  g_assert_cmpmem (seen, seen_len, expected, 32);
  g_assert_true (cl_data_hasher_finish (a, size, got, NULL, NULL));
  reference_hash (contents, excluded_first, expected);
  g_assert_cmpmem (got, 32, expected, 32);
  g_assert_true (cl_data_hasher_finish (b, size, got, NULL, NULL));
  reference_hash (contents, excluded_second, expected);
  g_assert_cmpmem (got, 32, expected, 32);
  /* The second reaches past a file cut short; the check alone says so too. */
  g_assert_true (cl_data_hash_ranges_fit (second, 1, FILE_SIZE, NULL));
  g_assert_false (cl_data_hash_ranges_fit (second, 1, 500000, &error));
  g_assert_error (error, CL_ASSET_ERROR, CL_ASSET_ERROR_TRUNCATED);
  g_checksum_free (check.sum);
}


static void
test_md_names (void)
{
  g_assert_true (cl_data_hash_md_from_name ("sha384") == EVP_sha384 ());
  g_assert_null (cl_data_hash_md_from_name ("md5"));
  g_assert_null (cl_data_hash_md_from_name ("SHA256"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/data-hash/exclusions", test_exclusions);
  g_test_add_func ("/data-hash/sha512", test_no_exclusions_sha512);
  g_test_add_func ("/data-hash/exclusion-past-end", test_exclusion_past_end);
  g_test_add_func ("/data-hash/one-pass-many-hashers", test_one_pass_many_hashers);
  g_test_add_func ("/data-hash/hashers-on-threads", test_hashers_on_threads);
  g_test_add_func ("/data-hash/md-names", test_md_names);
  return g_test_run ();
}
