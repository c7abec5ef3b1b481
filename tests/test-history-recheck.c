/* test-history-recheck.c: the history verified again after a trust list went
 * away, with real signatures, a real trust list folder and a real proof cache.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "cl-history-recheck.h"
#include "cl-proof-cache.h"
#include "cl-signer.h"
#include "cl-test-history.h"
#include "cl-test-pki.h"
#include "cl-test-sign-util.h"
#include "cl-test-tmp.h"
#include "cl-trust-list-fetch.h"
#include "cl-verification.h"

static ClProofVerdict
stored_verdict (const char *db,
                const char *name)
{
  ClProofFilter filter = CL_PROOF_FILTER_INIT;
  g_autoptr(ClProofCache) cache = cl_proof_cache_open (db, NULL);
  g_autoptr(GPtrArray) proofs = NULL;

  filter.search = name;
  proofs = cl_proof_cache_list (cache, &filter, NULL);
  g_assert_nonnull (proofs);
  g_assert_cmpuint (proofs->len, ==, 1);
  return ((ClProof *) g_ptr_array_index (proofs, 0))->verdict;
}

/* Signed by a root on a user trust list: Trusted. The list removed, the re-check
 * flips the entry to Valid and says so; a file that is gone is left as it was. */
static void
test_list_removed (void)
{
  g_autofree char *dir = cl_test_tmp_dir_new ("credlink-recheck", CL_TEST_TMP_UNTIL_CASE_ENDS);
  g_autofree char *db = g_build_filename (dir, "proofs.db", NULL);
  g_autofree char *trust_dir = g_build_filename (dir, "trust", NULL);
  g_autofree char *root_pem = g_build_filename (dir, "newsroom.pem", NULL);
  g_autoptr(ClTestPki) pki = cl_test_pki_new (NULL, NULL);
  g_autofree char *kept = cl_test_history_sign_image (pki, "newsroom-signer", dir, "kept.jpg");
  g_autofree char *gone = cl_test_history_sign_image (pki, "newsroom-signer", dir, "gone.jpg");
  g_autoptr(ClTrustList) list = NULL;
  g_autoptr(ClTrustStore) with_list = NULL;
  g_autoptr(ClTrustStore) without_list = NULL;
  g_autoptr(ClHistoryRecheck) recheck = NULL;
  g_autoptr(ClHistoryRecheck) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  const ClHistoryChange *change;

  cl_test_write_pem (root_pem, pki->root, NULL);
  list = cl_trust_list_new_from_files ("newsroom", CL_TRUST_LIST_KIND_USER, root_pem, NULL, NULL,
                                       &error);
  g_assert_no_error (error);
  g_assert_true (cl_trust_list_install (list, trust_dir, &error));
  with_list = cl_trust_store_load (trust_dir, &error);
  g_assert_no_error (error);

  g_assert_cmpint (cl_test_history_verify_into (kept, db, with_list), ==, CL_VERDICT_TRUSTED);
  g_assert_cmpint (cl_test_history_verify_into (gone, db, with_list), ==, CL_VERDICT_TRUSTED);
  g_assert_cmpint (stored_verdict (db, "kept.jpg"), ==, CL_PROOF_VERDICT_TRUSTED);
  g_assert_cmpint (g_unlink (gone), ==, 0);

  g_assert_true (cl_trust_store_remove_list (trust_dir, "newsroom", &error));
  without_list = cl_trust_store_load (trust_dir, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cl_trust_store_get_lists (without_list)->len, ==, 0);

  recheck = cl_history_recheck (db, without_list, FALSE, CL_HISTORY_RECHECK_MAX_ENTRIES, NULL,
                                &error);
  g_assert_no_error (error);
  g_assert_cmpuint (recheck->n_checked, ==, 1);
  g_assert_cmpuint (recheck->n_missing, ==, 1);
  g_assert_cmpuint (recheck->changes->len, ==, 1);
  change = g_ptr_array_index (recheck->changes, 0);
  g_assert_cmpstr (change->path, ==, kept);
  g_assert_cmpint (change->before, ==, CL_PROOF_VERDICT_TRUSTED);
  g_assert_cmpint (change->after, ==, CL_PROOF_VERDICT_VALID);
  summary = cl_history_recheck_describe (recheck);
  g_assert_cmpstr (summary, ==,
                   "1 image changed: kept.jpg (Trusted → Valid — signer not on your trust "
                   "lists). 1 file is gone and was left as it was");

  /* The history holds the new verdict; the entry of the gone file keeps its own. */
  g_assert_cmpint (stored_verdict (db, "kept.jpg"), ==, CL_PROOF_VERDICT_VALID);
  g_assert_cmpint (stored_verdict (db, "gone.jpg"), ==, CL_PROOF_VERDICT_TRUSTED);

  /* Nothing changed since: nothing to report. */
  again = cl_history_recheck (db, without_list, FALSE, CL_HISTORY_RECHECK_MAX_ENTRIES, NULL,
                              &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->changes->len, ==, 0);
  g_assert_null (cl_history_recheck_describe (again));
}

/* A cancelled re-check stops and says so. */
static void
test_cancelled (void)
{
  g_autofree char *dir = cl_test_tmp_dir_new ("credlink-recheck", CL_TEST_TMP_UNTIL_CASE_ENDS);
  g_autofree char *db = g_build_filename (dir, "proofs.db", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(ClTrustStore) empty = cl_trust_store_new (NULL);
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_null (cl_history_recheck (db, empty, FALSE, 10, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
count_cb (gpointer user_data)
{
  (*(guint *) user_data)++;
}

static gpointer
replace_default_thread (gpointer data)
{
  cl_trust_store_set_default (data);
  return NULL;
}

/* The one signal of a trust list change: a store replaced in a worker thread is
 * announced in the watcher's main context; after unwatching, nothing is. */
static void
test_watch_default (void)
{
  g_autoptr(ClTrustStore) empty = cl_trust_store_new (NULL);
  guint calls = 0;
  guint watch = cl_trust_store_watch_default (count_cb, &calls);
  GThread *thread = g_thread_new ("replace", replace_default_thread, empty);

  g_thread_join (thread);
  g_assert_cmpuint (calls, ==, 0);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (calls, ==, 1);

  cl_trust_store_set_default (empty);
  cl_trust_store_unwatch_default (watch);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (calls, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/history-recheck/list-removed", test_list_removed);
  g_test_add_func ("/history-recheck/cancelled", test_cancelled);
  g_test_add_func ("/history-recheck/watch-default", test_watch_default);

  return g_test_run ();
}
