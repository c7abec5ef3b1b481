/* bench-proof-cache.c: how fast the proof cache stores, finds, lists, exports and purges.
 *
 * Not a test: run it by hand, e.g. `build/tests/bench-proof-cache 5000`. It works in a new
 * temporary folder and removes it afterwards.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "cl-proof-cache.h"
#include "cl-test-tmp.h"

static double
seconds_since (gint64 start)
{
  return (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC;
}


static ClProof *
make_proof (guint  i,
            gint64 when)
{
  ClProof *proof = cl_proof_new (i % 4 == 0 ? CL_PROOF_KIND_SIGNED : CL_PROOF_KIND_VERIFIED);
  g_autofree char *content = g_strdup_printf ("bench-%u", i);

  proof->content_hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, content, -1);
  proof->manifest_label = g_strdup_printf ("urn:c2pa:bench-%u", i);
  proof->verdict = CL_PROOF_VERDICT_VALID;
  proof->signer_subject = g_strdup ("CN=Bench Signer");
  /* A report of about 4 KiB, like a real one with a few assertions. */
  proof->report_json = g_strdup_printf ("{\"validation_state\":\"Valid\",\"pad\":\"%04096d\"}", 0);
  proof->source_name = g_strdup_printf ("IMG_%05u.jpg", i);
  proof->last_verified = g_date_time_new_from_unix_utc (when);
  if (proof->kind == CL_PROOF_KIND_SIGNED) {
    gpointer store = g_malloc0 (16 * 1024);

    proof->manifest_store = g_bytes_new_take (store, 16 * 1024);
  }

  return proof;
}


int
main (int   argc,
      char *argv[])
{
  guint n = argc > 1 ? (guint) atoi (argv[1]) : 2000;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *export_path = NULL;
  g_autoptr(GFile) export_file = NULL;
  g_autoptr(ClProofCache) cache = NULL;
  g_autoptr(GDateTime) purge_time = NULL;
  ClProofFilter filter = CL_PROOF_FILTER_INIT;
  ClProofCacheStats stats;
  gint64 start, now = g_get_real_time () / G_USEC_PER_SEC;
  guint64 count = 0;
  guint i;

  if (n == 0) {
    g_printerr ("usage: bench-proof-cache [N>0]\n");
    return 1;
  }
  dir = cl_test_tmp_dir_new ("credlink-bench-proofs", CL_TEST_TMP_UNTIL_EXIT);
  path = g_build_filename (dir, "proofs.db", NULL);
  export_path = g_build_filename (dir, "export.json", NULL);
  export_file = g_file_new_for_path (export_path);
  cache = cl_proof_cache_open (path, &error);
  g_assert_no_error (error);

  start = g_get_monotonic_time ();
  for (i = 0; i < n; i++) {
    g_autoptr(ClProof) proof = make_proof (i, now - (gint64) (n - i));

    g_assert_true (cl_proof_cache_store (cache, proof, i % 2 == 0 ? 1 : 365, NULL, &error));
  }
  printf ("store     %u proofs: %.2f s (%.0f per second, synchronous=FULL)\n", n,
          seconds_since (start), n / seconds_since (start));

  start = g_get_monotonic_time ();
  for (i = 0; i < n; i++) {
    g_autofree char *content = g_strdup_printf ("bench-%u", i);
    g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, content, -1);
    g_autoptr(GPtrArray) found = cl_proof_cache_lookup_content_hash (cache, hash, &error);

    g_assert_cmpuint (found->len, ==, 1);
  }
  printf ("lookup    %u by content hash: %.2f s (%.1f µs each)\n", n, seconds_since (start),
          seconds_since (start) * 1e6 / n);

  filter.limit = 100;
  filter.search = "IMG_0";
  start = g_get_monotonic_time ();
  for (i = 0; i < 100; i++) {
    g_autoptr(GPtrArray) page = cl_proof_cache_list (cache, &filter, &error);

    g_assert_nonnull (page);
  }
  printf ("list      100 pages of 100 with a search: %.2f s (%.1f ms each)\n",
          seconds_since (start), seconds_since (start) * 10);

  start = g_get_monotonic_time ();
  g_assert_true (cl_proof_cache_export (cache, export_file, NULL, &count, &error));
  printf ("export    %" G_GUINT64_FORMAT " proofs: %.2f s\n", count, seconds_since (start));

  g_assert_true (cl_proof_cache_get_stats (cache, &stats, &error));
  printf ("size      %" G_GUINT64_FORMAT " bytes on disk\n", stats.database_bytes);

  purge_time = g_date_time_new_from_unix_utc (now + 2 * 24 * 3600);
  start = g_get_monotonic_time ();
  g_assert_true (cl_proof_cache_purge_expired (cache, purge_time, &count, &error));
  g_assert_true (cl_proof_cache_get_stats (cache, &stats, &error));
  printf ("purge     %" G_GUINT64_FORMAT " expired proofs (+ VACUUM): %.2f s, %"
          G_GUINT64_FORMAT " bytes left\n", count, seconds_since (start), stats.database_bytes);

  return 0;
}
