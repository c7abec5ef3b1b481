/* test-proof-cache-jobs.c: the clean-up and prune jobs remove what is due,
 * keep the rest, and run under the real scheduler.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cl-job-proof-cache.h"
#include "cl-proof-cache.h"
#include "cl-proof-cache-revocation.h"
#include "cl-scheduler-settings.h"
#include "cl-test-tmp.h"

static char *
make_db (char **id_live)
{
  g_autofree char *dir = cl_test_tmp_dir_new ("credlink-jobs", CL_TEST_TMP_UNTIL_CASE_ENDS);
  char *path = g_build_filename (dir, "proofs.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClProofCache) cache = cl_proof_cache_open (path, &error);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  g_assert_no_error (error);
  for (int i = 0; i < 3; i++) {
    g_autoptr(ClProof) proof = cl_proof_new (CL_PROOF_KIND_VERIFIED);
    g_autofree char *seed = g_strdup_printf ("image %d", i);

    proof->content_hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, seed, -1);
    proof->verdict = CL_PROOF_VERDICT_NO_MANIFEST;
    /* Two proofs last verified 400 days ago (retention 365), one today. */
    proof->last_verified = g_date_time_add_days (now, i < 2 ? -400 : 0);
    g_assert_true (cl_proof_cache_store (cache, proof, 365, NULL, &error));
    g_assert_no_error (error);
    if (i == 2)
      *id_live = g_strdup (proof->id);
  }
  return path;
}

static void
test_cleanup (void)
{
  g_autofree char *id_live = NULL;
  g_autofree char *path = make_db (&id_live);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClProofCache) cache = NULL;
  g_autoptr(ClProof) live = NULL;
  guint64 removed = 0;

  g_assert_true (cl_proof_cache_job_cleanup (path, &removed, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (removed, ==, 2);
  g_assert_true (cl_proof_cache_job_cleanup (path, &removed, NULL, &error));
  g_assert_cmpuint (removed, ==, 0);

  cache = cl_proof_cache_open (path, &error);
  live = cl_proof_cache_get (cache, id_live, &error);
  g_assert_no_error (error);
  g_assert_nonnull (live);
}

static void
test_cancelled (void)
{
  g_autofree char *id_live = NULL;
  g_autofree char *path = make_db (&id_live);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_false (cl_proof_cache_job_cleanup (path, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
finished_cb (ClScheduler *scheduler, const char *name, gboolean success, gpointer user_data)
{
  GHashTable *done = user_data;

  g_hash_table_insert (done, g_strdup (name), GINT_TO_POINTER (success ? 1 : 2));
}

/* Both jobs registered on a scheduler on a private context: the clean-up runs at start. */
static void
test_scheduled (void)
{
  g_autofree char *id_live = NULL;
  g_autofree char *path = make_db (&id_live);
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(ClScheduler) scheduler = NULL;
  g_autoptr(GHashTable) done = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClProofCache) cache = NULL;
  ClProofCacheStats stats;
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  g_main_context_push_thread_default (context);
  scheduler = cl_scheduler_new (context);
  g_signal_connect (scheduler, "job-finished", G_CALLBACK (finished_cb), done);
  g_assert_true (cl_proof_cache_jobs_register (scheduler, path, 3600 * 1000, 3600 * 1000,
                                               &error));
  g_assert_no_error (error);
  cl_scheduler_start (scheduler);
  while (!g_hash_table_contains (done, CL_JOB_PROOF_CLEANUP) &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (context, TRUE);
  g_assert_cmpint (GPOINTER_TO_INT (g_hash_table_lookup (done, CL_JOB_PROOF_CLEANUP)), ==, 1);
  /* The prune job is not run at start. */
  g_assert_false (g_hash_table_contains (done, CL_JOB_REVOCATION_PRUNE));
  g_assert_true (cl_scheduler_stop (scheduler, 1000));
  g_main_context_pop_thread_default (context);

  cache = cl_proof_cache_open (path, &error);
  g_assert_true (cl_proof_cache_get_stats (cache, &stats, &error));
  g_assert_cmpuint (stats.n_verified, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/proof-cache-jobs/cleanup", test_cleanup);
  g_test_add_func ("/proof-cache-jobs/cancelled", test_cancelled);
  g_test_add_func ("/proof-cache-jobs/scheduled", test_scheduled);
  return g_test_run ();
}
