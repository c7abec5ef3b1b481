/* test-trust-chain-revocation.c: the trust engine on a PKI made in set-up, with OCSP
 * responses stapled to the chain — good, revoked, unknown, stale, forged, signed by the
 * wrong certificate, and damaged. No network.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <openssl/ocsp.h>

#include "cl-test-pki.h"
#include "cl-test-trust.h"
#include "cl-trust-chain.h"
#include "cl-trust-store.h"

static ClTestPki *pki;


static void
test_stapled_ocsp (void)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autoptr(ClTrustStore) store =
    cl_test_trust_store (cl_test_trust_list ("newsroom", CL_TRUST_LIST_KIND_USER, pki->root, NULL),
                         NULL);
  g_autoptr(GPtrArray) good = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autoptr(GPtrArray) revoked = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autoptr(GPtrArray) forged = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autoptr(ClTestPki) stranger = cl_test_pki_new (NULL, NULL);
  g_autoptr(ClTrustResult) r_good = NULL;
  g_autoptr(ClTrustResult) r_revoked = NULL;
  g_autoptr(ClTrustResult) r_forged = NULL;
  g_autoptr(ClTrustResult) r_later = NULL;
  g_autoptr(GDateTime) before_revocation = g_date_time_new_from_unix_utc (now - 7200);
  ClRevocationInfo *info;

  g_ptr_array_add (good, cl_test_ocsp_response (pki->signer->cert, pki->intermediate->cert,
                                                pki->responder, V_OCSP_CERTSTATUS_GOOD, 0, -1,
                                                now - 60, now + 86400, NULL));
  g_ptr_array_add (revoked, cl_test_ocsp_response (pki->signer->cert, pki->intermediate->cert,
                                                   pki->intermediate, V_OCSP_CERTSTATUS_REVOKED,
                                                   now - 3600, OCSP_REVOKED_STATUS_KEYCOMPROMISE,
                                                   now - 60, now + 86400, NULL));
  /* Signed by another PKI's responder: must not count. */
  g_ptr_array_add (forged, cl_test_ocsp_response (pki->signer->cert, pki->intermediate->cert,
                                                  stranger->responder, V_OCSP_CERTSTATUS_GOOD, 0, -1,
                                                  now - 60, now + 86400, NULL));

  r_good = cl_test_trust_evaluate (store, pki->signer, pki->intermediate, NULL, good);
  cl_test_assert_trust_codes (r_good,
                              "signingCredential.trusted,signingCredential.ocsp.notRevoked");
  info = cl_trust_result_get_signer_revocation (r_good);
  g_assert_cmpint (info->state, ==, CL_REVOCATION_GOOD);
  g_assert_cmpint (info->source, ==, CL_REVOCATION_SOURCE_STAPLED_OCSP);

  /* Without a list that trusts the issuer, the answer is shown but not coded (as c2pa-rs). */
  {
    g_autoptr(ClTrustStore) empty = cl_trust_store_new (NULL);
    g_autoptr(ClTrustResult) r_untrusted = cl_test_trust_evaluate (empty, pki->signer,
                                                                   pki->intermediate, NULL, good);

    cl_test_assert_trust_codes (r_untrusted, "signingCredential.untrusted");
    g_assert_cmpint (cl_trust_result_get_signer_revocation (r_untrusted)->state, ==, CL_REVOCATION_GOOD);
  }

  r_revoked = cl_test_trust_evaluate (store, pki->signer, pki->intermediate, NULL, revoked);
  cl_test_assert_trust_codes (r_revoked, "signingCredential.ocsp.revoked");
  g_assert_false (r_revoked->trusted);
  info = cl_trust_result_get_signer_revocation (r_revoked);
  g_assert_cmpint (info->state, ==, CL_REVOCATION_REVOKED);
  g_assert_cmpint (info->revoked_at, ==, now - 3600);
  g_assert_cmpstr (cl_revocation_reason_name (info->reason), ==, "keyCompromise");
  g_assert_nonnull (strstr (r_revoked->summary, "revoked"));

  /* Signed (trusted time-stamp) before the revocation: still counts (C2PA §15.9). */
  r_later = cl_test_trust_evaluate (store, pki->signer, pki->intermediate, before_revocation,
                                    revoked);
  g_assert_true (r_later->trusted);
  g_assert_true (cl_trust_result_has_code (r_later, "signingCredential.ocsp.notRevoked"));
  g_assert_cmpint (cl_trust_result_get_signer_revocation (r_later)->state, ==, CL_REVOCATION_REVOKED_LATER);

  r_forged = cl_test_trust_evaluate (store, pki->signer, pki->intermediate, NULL, forged);
  info = cl_trust_result_get_signer_revocation (r_forged);
  g_assert_cmpint (info->state, ==, CL_REVOCATION_NOT_CHECKED);
  g_assert_cmpint (info->skip, ==, CL_REVOCATION_SKIP_STAPLED_UNUSABLE);
  g_assert_false (cl_trust_result_has_code (r_forged, "signingCredential.ocsp.notRevoked"));
}


static ClTrustResult *
evaluate_stapled (ClTrustStore *store,
                  GBytes       *response)
{
  g_autoptr(GPtrArray) stapled = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);

  g_ptr_array_add (stapled, response);
  return cl_test_trust_evaluate (store, pki->signer, pki->intermediate, NULL, stapled);
}


static void
test_stapled_edge_cases (void)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autoptr(ClTrustStore) store =
    cl_test_trust_store (cl_test_trust_list ("newsroom", CL_TRUST_LIST_KIND_USER, pki->root, NULL),
                         NULL);
  g_autoptr(ClTrustResult) unknown = NULL;
  g_autoptr(ClTrustResult) wrong_eku = NULL;
  g_autoptr(ClTrustResult) stale = NULL;
  g_autoptr(ClTrustResult) ca_revoked = NULL;
  g_autoptr(GPtrArray) both = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  ClCertReport *intermediate;

  unknown = evaluate_stapled (store, cl_test_ocsp_response (pki->signer->cert, pki->intermediate->cert,
                                                            pki->responder, V_OCSP_CERTSTATUS_UNKNOWN,
                                                            0, -1, now - 60, now + 86400, NULL));
  g_assert_true (cl_trust_result_has_code (unknown, "signingCredential.ocsp.unknown"));
  g_assert_cmpint (cl_trust_result_get_signer_revocation (unknown)->state, ==, CL_REVOCATION_UNKNOWN);

  /* Signed by a certificate of the issuer that may not sign OCSP (the TSA). */
  wrong_eku = evaluate_stapled (store, cl_test_ocsp_response (pki->signer->cert, pki->intermediate->cert,
                                                              pki->tsa, V_OCSP_CERTSTATUS_GOOD,
                                                              0, -1, now - 60, now + 86400, NULL));
  g_assert_cmpint (cl_trust_result_get_signer_revocation (wrong_eku)->state, ==, CL_REVOCATION_NOT_CHECKED);
  g_assert_nonnull (strstr (cl_trust_result_get_signer_revocation (wrong_eku)->detail, "OCSP-signing"));

  /* Past its nextUpdate at the time judged (now, no time-stamp). */
  stale = evaluate_stapled (store, cl_test_ocsp_response (pki->signer->cert, pki->intermediate->cert,
                                                          pki->responder, V_OCSP_CERTSTATUS_GOOD,
                                                          0, -1, now - 30 * 86400, now - 23 * 86400, NULL));
  g_assert_cmpint (cl_trust_result_get_signer_revocation (stale)->state, ==, CL_REVOCATION_NOT_CHECKED);
  g_assert_false (cl_trust_result_has_code (stale, "signingCredential.ocsp.notRevoked"));
  g_assert_false (cl_trust_result_has_code (stale, "signingCredential.ocsp.revoked"));

  /* The intermediate revoked by the root, the signer good: the signer is untrusted. */
  g_ptr_array_add (both, cl_test_ocsp_response (pki->signer->cert, pki->intermediate->cert,
                                                pki->responder, V_OCSP_CERTSTATUS_GOOD, 0, -1,
                                                now - 60, now + 86400, NULL));
  g_ptr_array_add (both, cl_test_ocsp_response (pki->intermediate->cert, pki->root->cert,
                                                pki->root, V_OCSP_CERTSTATUS_REVOKED, now - 7200,
                                                OCSP_REVOKED_STATUS_CACOMPROMISE, now - 60, now + 86400,
                                                NULL));
  ca_revoked = cl_test_trust_evaluate (store, pki->signer, pki->intermediate, NULL, both);
  intermediate = g_ptr_array_index (ca_revoked->certs, 1);
  g_assert_cmpint (intermediate->revocation->state, ==, CL_REVOCATION_REVOKED);
  g_assert_cmpstr (cl_revocation_reason_name (intermediate->revocation->reason), ==, "cACompromise");
  g_assert_false (ca_revoked->trusted);
  g_assert_true (cl_trust_result_has_code (ca_revoked, "signingCredential.untrusted"));
  g_assert_false (cl_trust_result_has_code (ca_revoked, "signingCredential.trusted"));
}


static void
test_garbage_stapled (void)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autoptr(ClTrustStore) store =
    cl_test_trust_store (cl_test_trust_list ("newsroom", CL_TRUST_LIST_KIND_USER, pki->root, NULL),
                         NULL);
  g_autoptr(GBytes) good = cl_test_ocsp_response (pki->signer->cert, pki->intermediate->cert,
                                                  pki->responder, V_OCSP_CERTSTATUS_GOOD, 0, -1,
                                                  now - 60, now + 86400, NULL);
  gsize len;
  const guint8 *data = g_bytes_get_data (good, &len);

  /* Every truncation and many single-bit flips of a good response: never a
   * crash, and never "good" unless the response still verifies. */
  for (gsize cut = 0; cut < len; cut += 7) {
    g_autoptr(GPtrArray) stapled = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
    g_autoptr(ClTrustResult) result = NULL;

    g_ptr_array_add (stapled, g_bytes_new (data, cut));
    result = cl_test_trust_evaluate (store, pki->signer, pki->intermediate, NULL, stapled);
    g_assert_cmpint (cl_trust_result_get_signer_revocation (result)->state, ==, CL_REVOCATION_NOT_CHECKED);
  }
  for (gsize at = 0; at < len; at += 5) {
    g_autoptr(GPtrArray) stapled = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
    g_autoptr(ClTrustResult) result = NULL;
    guint8 *copy = g_memdup2 (data, len);
    ClRevocationInfo *info;

    copy[at] ^= 0x10;
    g_ptr_array_add (stapled, g_bytes_new_take (copy, len));
    result = cl_test_trust_evaluate (store, pki->signer, pki->intermediate, NULL, stapled);
    info = cl_trust_result_get_signer_revocation (result);
    g_assert_true (info->state == CL_REVOCATION_NOT_CHECKED || info->state == CL_REVOCATION_GOOD);
    if (info->state == CL_REVOCATION_GOOD)
      g_test_message ("flip at %" G_GSIZE_FORMAT " still verifies (outside the signed data)", at);
  }
}


int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  pki = cl_test_pki_new (NULL, NULL);

  g_test_add_func ("/trust/revocation/stapled", test_stapled_ocsp);
  g_test_add_func ("/trust/revocation/stapled-edge-cases", test_stapled_edge_cases);
  g_test_add_func ("/trust/revocation/garbage-stapled", test_garbage_stapled);

  status = g_test_run ();
  cl_test_pki_free (pki);
  return status;
}
