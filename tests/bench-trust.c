/* bench-trust.c: how long one trust evaluation takes (offline), and loading
 * a store. Run: ./build/tests/bench-trust
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>

#include "cl-test-pki.h"
#include "cl-test-tmp.h"
#include "cl-trust-chain.h"

#define ROUNDS 2000

int
main (int   argc,
      char *argv[])
{
  g_autoptr(ClTestPki) pki = cl_test_pki_new (NULL, NULL);
  g_autoptr(GPtrArray) anchors = g_ptr_array_new ();
  g_autoptr(GPtrArray) lists = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_trust_list_unref);
  g_autoptr(ClTrustStore) store = NULL;
  g_autoptr(GPtrArray) chain = cl_test_chain_der (pki->signer, pki->intermediate, NULL);
  g_autofree char *dir = cl_test_tmp_dir_new ("credlink-bench-trust", CL_TEST_TMP_UNTIL_EXIT);
  g_autoptr(ClTrustStore) loaded = NULL;
  gint64 start;
  double per_eval_us, load_ms;

  g_ptr_array_add (anchors, pki->root->cert);
  g_ptr_array_add (lists, cl_trust_list_new ("newsroom", CL_TRUST_LIST_KIND_USER, "bench", 0,
                                             anchors, NULL, NULL, NULL));
  store = cl_trust_store_new (lists);

  start = g_get_monotonic_time ();
  for (int i = 0; i < ROUNDS; i++) {
    g_autoptr(ClTrustResult) result = cl_trust_evaluate (store, chain, NULL, NULL, NULL, NULL);

    g_assert_true (result->trusted);
  }
  per_eval_us = (double) (g_get_monotonic_time () - start) / ROUNDS;

  g_assert_true (cl_trust_store_save_list (dir, g_ptr_array_index (lists, 0), NULL));
  start = g_get_monotonic_time ();
  loaded = cl_trust_store_load (dir, NULL);
  load_ms = (double) (g_get_monotonic_time () - start) / 1000.0;
  g_assert_true (cl_trust_store_remove_list (dir, "newsroom", NULL));

  printf ("offline evaluation of a 2-certificate chain (profile, chain, report): %.1f µs\n",
          per_eval_us);
  printf ("loading a store of one list from disk: %.2f ms\n", load_ms);
  return 0;
}
