/* test-trust-chain.c: the trust engine on a PKI made in set-up and on the
 * shared C2PA fixture chains. No network.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <openssl/ocsp.h>
#include <openssl/pem.h>

#include "cl-error.h"
#include "cl-test-pki.h"
#include "cl-test-tmp.h"
#include "cl-trust-chain.h"
#include "cl-trust-list-fetch.h"
#include "cl-trust-snapshot.h"
#include "cl-trust-store.h"
#include "cl-x509.h"

static ClTestPki *pki;


static ClTrustList *
list_of (const char      *name,
         ClTrustListKind  kind,
         const ClTestCred *anchor,
         const char      *allowed)
{
  g_autoptr(GPtrArray) anchors = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  ClTrustList *list;

  if (anchor != NULL)
    g_ptr_array_add (anchors, anchor->cert);
  list = cl_trust_list_new (name, kind, "test", 0, anchors, allowed, NULL, &error);
  g_assert_no_error (error);
  return list;
}


static ClTrustStore *
store_of (ClTrustList *first,
          ...)
{
  g_autoptr(GPtrArray) lists = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_trust_list_unref);
  va_list args;

  va_start (args, first);
  for (ClTrustList *list = first; list != NULL; list = va_arg (args, ClTrustList *))
    g_ptr_array_add (lists, list);
  va_end (args);
  return cl_trust_store_new (lists);
}


static ClTrustResult *
evaluate (ClTrustStore     *store,
          const ClTestCred *signer,
          GDateTime        *at,
          GPtrArray        *ocsp)
{
  g_autoptr(GPtrArray) chain = cl_test_chain_der (signer, pki->intermediate, NULL);

  return cl_trust_evaluate (store, chain, at, ocsp, NULL, NULL);
}


static void
assert_codes (ClTrustResult *result,
              const char    *expected)
{
  g_autoptr(GString) codes = g_string_new (NULL);

  for (guint i = 0; i < result->codes->len; i++)
    g_string_append_printf (codes, i == 0 ? "%s" : ",%s", (char *) g_ptr_array_index (result->codes, i));
  g_assert_cmpstr (codes->str, ==, expected);
}


static ClCertCheck *
signer_check (ClTrustResult *result,
              const char    *id)
{
  return cl_cert_report_find (g_ptr_array_index (result->certs, 0), id);
}


static void
test_trusted_chain (void)
{
  g_autoptr(ClTrustStore) store = store_of (list_of ("newsroom", CL_TRUST_LIST_KIND_USER, pki->root, NULL), NULL);
  g_autoptr(ClTrustResult) result = evaluate (store, pki->signer, NULL, NULL);
  ClCertReport *anchor;
  ClRevocationInfo *revocation;

  assert_codes (result, "signingCredential.trusted,signingCredential.ocsp.skipped");
  g_assert_true (result->trusted);
  g_assert_true (result->profile_ok);
  g_assert_cmpint (result->method, ==, CL_TRUST_METHOD_CHAIN);
  g_assert_cmpstr (result->list_name, ==, "newsroom");
  /* signer, intermediate (from the x5chain), root (from the list) */
  g_assert_cmpuint (result->certs->len, ==, 3);
  anchor = g_ptr_array_index (result->certs, 2);
  g_assert_cmpint (anchor->role, ==, CL_CERT_ROLE_ANCHOR);
  g_assert_true (anchor->from_list);
  g_assert_null (anchor->revocation);
  /* Nothing was stapled and we are offline: never "good". */
  revocation = cl_trust_result_get_signer_revocation (result);
  g_assert_cmpint (revocation->state, ==, CL_REVOCATION_NOT_CHECKED);
  g_assert_cmpint (revocation->skip, ==, CL_REVOCATION_SKIP_OFFLINE);
  g_assert_cmpint (signer_check (result, "key-usage")->outcome, ==, CL_CHECK_PASS);
  g_assert_cmpint (signer_check (result, "extended-key-usage")->outcome, ==, CL_CHECK_PASS);
  g_assert_nonnull (strstr (result->summary, "newsroom"));
  g_assert_null (signer_check (result, "claim-signing-eku"));
}


static void
test_no_anchors (void)
{
  g_autoptr(ClTrustStore) store = cl_trust_store_new (NULL);
  g_autoptr(ClTrustResult) result = evaluate (store, pki->signer, NULL, NULL);

  assert_codes (result, "signingCredential.untrusted,signingCredential.ocsp.skipped");
  g_assert_false (result->trusted);
  g_assert_null (result->list_name);
  g_assert_cmpint (signer_check (result, "trust")->outcome, ==, CL_CHECK_FAIL);
}


static void
test_intermediate_anchor (void)
{
  /* PARTIAL_CHAIN: an intermediate on a list is an anchor by itself. */
  g_autoptr(ClTrustStore) store = store_of (list_of ("ica", CL_TRUST_LIST_KIND_USER, pki->intermediate, NULL), NULL);
  g_autoptr(ClTrustResult) result = evaluate (store, pki->signer, NULL, NULL);

  g_assert_true (result->trusted);
  g_assert_cmpuint (result->certs->len, ==, 2);
}


static void
test_tsa_anchor_does_not_trust_signer (void)
{
  g_autoptr(ClTrustStore) store = store_of (list_of ("c2pa-tsa", CL_TRUST_LIST_KIND_C2PA_TSA, pki->root, NULL), NULL);
  g_autoptr(ClTrustResult) result = evaluate (store, pki->signer, NULL, NULL);
  X509_STORE *tsa_store = cl_trust_store_get_tsa_x509_store (store);
  X509_STORE_CTX *ctx = X509_STORE_CTX_new ();
  STACK_OF(X509) *untrusted = sk_X509_new_null ();

  g_assert_false (result->trusted);
  g_assert_true (cl_trust_result_has_code (result, "signingCredential.untrusted"));
  g_assert_false (cl_trust_result_has_code (result, "signingCredential.trusted"));

  /* …but the same anchor serves the time-stamp validator. */
  sk_X509_push (untrusted, pki->intermediate->cert);
  g_assert_cmpint (X509_STORE_CTX_init (ctx, tsa_store, pki->tsa->cert, untrusted), ==, 1);
  g_assert_cmpint (X509_verify_cert (ctx), ==, 1);
  X509_STORE_CTX_free (ctx);
  sk_X509_free (untrusted);
  X509_STORE_free (tsa_store);
}


static void
test_wrong_eku (void)
{
  g_autoptr(ClTestCred) server = cl_test_cred_new (&(ClTestCertSpec) {
    .cn = "A web server", .issuer = pki->intermediate,
    .key_usage = "critical,digitalSignature", .ext_key_usage = "serverAuth",
  });
  g_autoptr(ClTrustStore) store = store_of (list_of ("newsroom", CL_TRUST_LIST_KIND_USER, pki->root, NULL), NULL);
  g_autoptr(ClTrustResult) result = evaluate (store, server, NULL, NULL);

  assert_codes (result, "signingCredential.invalid,signingCredential.ocsp.skipped");
  g_assert_false (result->trusted);
  g_assert_false (result->profile_ok);
  g_assert_cmpint (signer_check (result, "extended-key-usage")->outcome, ==, CL_CHECK_FAIL);
}


static void
test_extra_eku_from_config (void)
{
  g_autoptr(ClTestCred) custom = cl_test_cred_new (&(ClTestCertSpec) {
    .cn = "Custom EKU", .issuer = pki->intermediate,
    .key_usage = "critical,digitalSignature", .ext_key_usage = "1.3.6.1.4.1.99999.1",
  });
  g_autoptr(ClTrustStore) store = store_of (list_of ("newsroom", CL_TRUST_LIST_KIND_USER, pki->root, NULL), NULL);
  g_autoptr(GPtrArray) chain = cl_test_chain_der (custom, pki->intermediate, NULL);
  g_auto(GStrv) ekus = cl_trust_parse_eku_config ("// a comment\n1.3.6.1.4.1.99999.1\n\nnot an oid\n");
  ClTrustSettings settings = { .extra_ekus = (const char * const *) ekus };
  g_autoptr(ClTrustResult) without = cl_trust_evaluate (store, chain, NULL, NULL, NULL, NULL);
  g_autoptr(ClTrustResult) with = cl_trust_evaluate (store, chain, NULL, NULL, &settings, NULL);

  g_assert_cmpuint (g_strv_length (ekus), ==, 1);
  g_assert_false (without->trusted);
  g_assert_true (cl_trust_result_has_code (without, "signingCredential.invalid"));
  g_assert_true (with->trusted);
}


static void
test_soft_warnings (void)
{
  g_autoptr(ClTestCred) soft = cl_test_cred_new (&(ClTestCertSpec) {
    .cn = "Soft rules", .issuer = pki->intermediate,
    .key_usage = "digitalSignature", .ext_key_usage = "emailProtection",
  });
  g_autoptr(ClTrustStore) store = store_of (list_of ("c2pa", CL_TRUST_LIST_KIND_C2PA, pki->root, NULL), NULL);
  g_autoptr(ClTrustResult) result = evaluate (store, soft, NULL, NULL);

  /* Warnings explain, they do not change the verdict (as c2pa-rs). */
  g_assert_true (result->trusted);
  g_assert_cmpint (signer_check (result, "key-usage")->outcome, ==, CL_CHECK_WARN);
  g_assert_cmpint (signer_check (result, "claim-signing-eku")->outcome, ==, CL_CHECK_WARN);
}


static void
test_any_eku (void)
{
  g_autoptr(ClTestCred) any = cl_test_cred_new (&(ClTestCertSpec) {
    .cn = "Anything goes", .issuer = pki->intermediate,
    .key_usage = "critical,digitalSignature", .ext_key_usage = "emailProtection,anyExtendedKeyUsage",
  });
  g_autoptr(ClTrustStore) store = store_of (list_of ("newsroom", CL_TRUST_LIST_KIND_USER, pki->root, NULL), NULL);
  g_autoptr(ClTrustResult) result = evaluate (store, any, NULL, NULL);

  g_assert_false (result->trusted);
  g_assert_true (cl_trust_result_has_code (result, "signingCredential.invalid"));
}


static void
test_ca_signer (void)
{
  g_autoptr(ClTestCred) ca = cl_test_cred_new (&(ClTestCertSpec) {
    .cn = "A CA that signs claims", .issuer = pki->intermediate, .ca = TRUE,
    .key_usage = "critical,digitalSignature,keyCertSign", .ext_key_usage = "emailProtection",
  });
  g_autoptr(ClTrustStore) store = store_of (list_of ("newsroom", CL_TRUST_LIST_KIND_USER, pki->root, NULL), NULL);
  g_autoptr(ClTrustResult) result = evaluate (store, ca, NULL, NULL);

  g_assert_false (result->trusted);
  g_assert_true (cl_trust_result_has_code (result, "signingCredential.invalid"));
  g_assert_false (cl_trust_result_has_code (result, "signingCredential.trusted"));
  g_assert_cmpint (signer_check (result, "basic-constraints")->outcome, ==, CL_CHECK_FAIL);
}


static void
test_small_rsa_key (void)
{
  g_autoptr(ClTestCred) weak = cl_test_cred_new (&(ClTestCertSpec) {
    .cn = "Weak key", .issuer = pki->intermediate, .key_type = "RSA-1024",
    .key_usage = "critical,digitalSignature", .ext_key_usage = "emailProtection",
  });
  g_autoptr(ClTrustStore) store = store_of (list_of ("newsroom", CL_TRUST_LIST_KIND_USER, pki->root, NULL), NULL);
  g_autoptr(ClTrustResult) result = evaluate (store, weak, NULL, NULL);

  g_assert_false (result->trusted);
  g_assert_cmpint (signer_check (result, "public-key")->outcome, ==, CL_CHECK_FAIL);
}


static void
test_expired (void)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autoptr(ClTestCred) old = cl_test_cred_new (&(ClTestCertSpec) {
    .cn = "Expired signer", .issuer = pki->intermediate,
    .key_usage = "critical,digitalSignature", .ext_key_usage = "emailProtection",
    .not_before = now - 100 * 86400, .not_after = now - 10 * 86400,
  });
  g_autoptr(ClTrustStore) store = store_of (list_of ("newsroom", CL_TRUST_LIST_KIND_USER, pki->root, NULL), NULL);
  g_autoptr(GDateTime) after = g_date_time_new_from_unix_utc (now - 5 * 86400);
  g_autoptr(GDateTime) inside = g_date_time_new_from_unix_utc (now - 50 * 86400);
  g_autoptr(ClTrustResult) no_time = evaluate (store, old, NULL, NULL);
  g_autoptr(ClTrustResult) late = evaluate (store, old, after, NULL);
  g_autoptr(ClTrustResult) stamped = evaluate (store, old, inside, NULL);

  /* Judged now (no trusted time) or at a time after notAfter: expired, not trusted. */
  g_assert_true (cl_trust_result_has_code (no_time, "signingCredential.expired"));
  g_assert_false (no_time->trusted);
  g_assert_true (cl_trust_result_has_code (late, "signingCredential.expired"));
  g_assert_false (late->trusted);
  g_assert_false (cl_trust_result_has_code (late, "signingCredential.trusted"));
  g_assert_cmpint (cl_cert_report_find (g_ptr_array_index (late->certs, 0), "validity")->outcome,
                   ==, CL_CHECK_FAIL);
  g_assert_false (cl_trust_result_signer_valid_at_time (late));
  /* A trusted time-stamp inside the validity keeps an expired certificate good. */
  g_assert_true (stamped->trusted);
  g_assert_true (cl_trust_result_signer_valid_at_time (stamped));
  g_assert_false (cl_trust_result_has_code (stamped, "signingCredential.expired"));
}


static void
test_self_signed (void)
{
  g_autoptr(ClTestCred) self_signed = cl_test_cred_new (&(ClTestCertSpec) {
    .cn = "Self-made", .key_usage = "critical,digitalSignature", .ext_key_usage = "emailProtection",
  });
  g_autoptr(ClTrustStore) store = store_of (list_of ("newsroom", CL_TRUST_LIST_KIND_USER, pki->root, NULL), NULL);
  g_autoptr(GPtrArray) chain = cl_test_chain_der (self_signed, NULL);
  g_autoptr(ClTrustResult) result = cl_trust_evaluate (store, chain, NULL, NULL, NULL, NULL);

  g_assert_false (result->trusted);
  g_assert_true (cl_trust_result_has_code (result, "signingCredential.untrusted"));
  g_assert_cmpint (signer_check (result, "self-signed")->outcome, ==, CL_CHECK_WARN);
  g_assert_cmpint (cl_trust_result_get_signer_revocation (result)->skip, ==, CL_REVOCATION_SKIP_NO_ISSUER);
}


static void
test_allowed_list (void)
{
  g_autoptr(ClTestCred) self_signed = cl_test_cred_new (&(ClTestCertSpec) {
    .cn = "Known photographer", .key_usage = "critical,digitalSignature", .ext_key_usage = "emailProtection",
  });
  g_autoptr(GPtrArray) chain = cl_test_chain_der (self_signed, NULL);
  g_autofree char *hash = cl_x509_sha256_base64 (self_signed->cert);
  g_autofree char *hash_text = g_strdup_printf ("# allowed\n%s\n", hash);
  g_autoptr(GPtrArray) certs = g_ptr_array_new ();
  g_autofree char *pem = NULL;
  g_autoptr(ClTrustStore) by_pem = NULL;
  g_autoptr(ClTrustStore) by_hash = NULL;
  g_autoptr(ClTrustStore) other = NULL;
  g_autoptr(ClTrustResult) r1 = NULL;
  g_autoptr(ClTrustResult) r2 = NULL;
  g_autoptr(ClTrustResult) r3 = NULL;

  g_ptr_array_add (certs, self_signed->cert);
  pem = cl_x509_to_pem (certs);
  by_pem = store_of (list_of ("legacy", CL_TRUST_LIST_KIND_LEGACY, NULL, pem), NULL);
  by_hash = store_of (list_of ("legacy", CL_TRUST_LIST_KIND_LEGACY, NULL, hash_text), NULL);
  /* An allowed entry on a time-stamping list does not count for signers. */
  other = store_of (list_of ("tsa", CL_TRUST_LIST_KIND_USER_TSA, NULL, pem), NULL);

  r1 = cl_trust_evaluate (by_pem, chain, NULL, NULL, NULL, NULL);
  r2 = cl_trust_evaluate (by_hash, chain, NULL, NULL, NULL, NULL);
  r3 = cl_trust_evaluate (other, chain, NULL, NULL, NULL, NULL);
  g_assert_true (r1->trusted);
  g_assert_cmpint (r1->method, ==, CL_TRUST_METHOD_ALLOWED_LIST);
  g_assert_cmpstr (r1->list_name, ==, "legacy");
  g_assert_true (cl_trust_result_has_code (r1, "signingCredential.trusted"));
  g_assert_true (r2->trusted);
  g_assert_false (r3->trusted);
}


static void
test_unreadable_chain (void)
{
  g_autoptr(ClTrustStore) store = cl_trust_store_new (NULL);
  g_autoptr(GPtrArray) chain = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autoptr(ClTrustResult) empty = cl_trust_evaluate (store, chain, NULL, NULL, NULL, NULL);
  g_autoptr(ClTrustResult) garbage = NULL;

  g_assert_true (cl_trust_result_has_code (empty, "signingCredential.invalid"));
  g_ptr_array_add (chain, g_bytes_new_static ("\x30\x82\xff\xff not a certificate", 24));
  garbage = cl_trust_evaluate (store, chain, NULL, NULL, NULL, NULL);
  g_assert_false (garbage->trusted);
  g_assert_true (cl_trust_result_has_code (garbage, "signingCredential.invalid"));
  g_assert_cmpuint (garbage->certs->len, ==, 0);

  /* A good signer with a broken certificate above it: untrusted, not invalid. */
  {
    g_autoptr(ClTrustStore) newsroom = store_of (list_of ("newsroom", CL_TRUST_LIST_KIND_USER, pki->root, NULL), NULL);
    g_autoptr(GPtrArray) broken = cl_test_chain_der (pki->signer, NULL);
    g_autoptr(ClTrustResult) result = NULL;

    g_ptr_array_add (broken, g_bytes_new_static ("\x30\x03\x02\x01\x01", 5));
    result = cl_trust_evaluate (newsroom, broken, NULL, NULL, NULL, NULL);
    g_assert_false (result->trusted);
    g_assert_true (result->profile_ok);
    g_assert_true (cl_trust_result_has_code (result, "signingCredential.untrusted"));
    g_assert_false (cl_trust_result_has_code (result, "signingCredential.invalid"));
    g_assert_nonnull (strstr (result->chain_error, "certificate 1"));
  }
}


static void
test_stapled_ocsp (void)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autoptr(ClTrustStore) store = store_of (list_of ("newsroom", CL_TRUST_LIST_KIND_USER, pki->root, NULL), NULL);
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

  r_good = evaluate (store, pki->signer, NULL, good);
  assert_codes (r_good, "signingCredential.trusted,signingCredential.ocsp.notRevoked");
  info = cl_trust_result_get_signer_revocation (r_good);
  g_assert_cmpint (info->state, ==, CL_REVOCATION_GOOD);
  g_assert_cmpint (info->source, ==, CL_REVOCATION_SOURCE_STAPLED_OCSP);

  /* Without a list that trusts the issuer, the answer is shown but not coded (as c2pa-rs). */
  {
    g_autoptr(ClTrustStore) empty = cl_trust_store_new (NULL);
    g_autoptr(ClTrustResult) r_untrusted = evaluate (empty, pki->signer, NULL, good);

    assert_codes (r_untrusted, "signingCredential.untrusted");
    g_assert_cmpint (cl_trust_result_get_signer_revocation (r_untrusted)->state, ==, CL_REVOCATION_GOOD);
  }

  r_revoked = evaluate (store, pki->signer, NULL, revoked);
  assert_codes (r_revoked, "signingCredential.ocsp.revoked");
  g_assert_false (r_revoked->trusted);
  info = cl_trust_result_get_signer_revocation (r_revoked);
  g_assert_cmpint (info->state, ==, CL_REVOCATION_REVOKED);
  g_assert_cmpint (info->revoked_at, ==, now - 3600);
  g_assert_cmpstr (cl_revocation_reason_name (info->reason), ==, "keyCompromise");
  g_assert_nonnull (strstr (r_revoked->summary, "revoked"));

  /* Signed (trusted time-stamp) before the revocation: still counts (C2PA §15.9). */
  r_later = evaluate (store, pki->signer, before_revocation, revoked);
  g_assert_true (r_later->trusted);
  g_assert_true (cl_trust_result_has_code (r_later, "signingCredential.ocsp.notRevoked"));
  g_assert_cmpint (cl_trust_result_get_signer_revocation (r_later)->state, ==, CL_REVOCATION_REVOKED_LATER);

  r_forged = evaluate (store, pki->signer, NULL, forged);
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
  return evaluate (store, pki->signer, NULL, stapled);
}


static void
test_stapled_edge_cases (void)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autoptr(ClTrustStore) store = store_of (list_of ("newsroom", CL_TRUST_LIST_KIND_USER, pki->root, NULL), NULL);
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
  ca_revoked = evaluate (store, pki->signer, NULL, both);
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
  g_autoptr(ClTrustStore) store = store_of (list_of ("newsroom", CL_TRUST_LIST_KIND_USER, pki->root, NULL), NULL);
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
    result = evaluate (store, pki->signer, NULL, stapled);
    g_assert_cmpint (cl_trust_result_get_signer_revocation (result)->state, ==, CL_REVOCATION_NOT_CHECKED);
  }
  for (gsize at = 0; at < len; at += 5) {
    g_autoptr(GPtrArray) stapled = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
    g_autoptr(ClTrustResult) result = NULL;
    guint8 *copy = g_memdup2 (data, len);
    ClRevocationInfo *info;

    copy[at] ^= 0x10;
    g_ptr_array_add (stapled, g_bytes_new_take (copy, len));
    result = evaluate (store, pki->signer, NULL, stapled);
    info = cl_trust_result_get_signer_revocation (result);
    g_assert_true (info->state == CL_REVOCATION_NOT_CHECKED || info->state == CL_REVOCATION_GOOD);
    if (info->state == CL_REVOCATION_GOOD)
      g_test_message ("flip at %" G_GSIZE_FORMAT " still verifies (outside the signed data)", at);
  }
}


typedef struct {
  ClTrustStore *store;
  GPtrArray    *chain;
  gint          trusted;
} ThreadData;


static gpointer
evaluate_many (gpointer data)
{
  ThreadData *td = data;

  for (int i = 0; i < 50; i++) {
    g_autoptr(ClTrustResult) result = cl_trust_evaluate (td->store, td->chain, NULL, NULL, NULL, NULL);

    if (result->trusted)
      g_atomic_int_inc (&td->trusted);
  }
  return NULL;
}


static void
test_concurrent_reads (void)
{
  g_autoptr(ClTrustStore) store = store_of (list_of ("newsroom", CL_TRUST_LIST_KIND_USER, pki->root, NULL), NULL);
  g_autoptr(GPtrArray) chain = cl_test_chain_der (pki->signer, pki->intermediate, NULL);
  ThreadData td = { store, chain, 0 };
  GThread *threads[4];

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("evaluate", evaluate_many, &td);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_thread_join (threads[i]);
  g_assert_cmpint (td.trusted, ==, 4 * 50);
}


static char *
lote_for (X509       *cert,
          const char *status)
{
  g_autoptr(GBytes) der = cl_x509_to_der (cert);
  g_autofree char *b64 = g_base64_encode (g_bytes_get_data (der, NULL), g_bytes_get_size (der));

  return g_strdup_printf ("{\"LoTE\": {\"ListAndSchemeInformation\": {\"ListIssueDateTime\": \"2026-08-05T00:11:39Z\"},"
                          " \"TrustedEntitiesList\": [{\"TrustedEntityInformation\": {\"TEName\": [{\"lang\": \"fr\", \"value\": \"Rédaction\"}, {\"lang\": \"en\", \"value\": \"CredLink Test Org\"}]},"
                          " \"TrustedEntityServices\": [{\"ServiceInformation\": {\"ServiceName\": [{\"lang\": \"en\", \"value\": \"Test CA\"}],"
                          " \"ServiceDigitalIdentity\": {\"X509Certificates\": [{\"val\": \"%s\"}]},"
                          " \"ServiceStatus\": \"%s\", \"StatusStartingTime\": \"2025-01-01T00:00:00Z\"}}]}]}}",
                          b64, status);
}


static void
test_lote_entities (void)
{
  g_autofree char *trusted_json = lote_for (pki->root->cert, CL_LOTE_STATUS_TRUSTED);
  g_autofree char *withdrawn_json = lote_for (pki->root->cert, "http://c2pa.org/conformance/trust-list/withdrawn");
  g_autoptr(GPtrArray) anchors = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  ClTrustList *listed, *withdrawn;
  g_autoptr(ClTrustStore) store_listed = NULL;
  g_autoptr(ClTrustStore) store_withdrawn = NULL;
  g_autoptr(ClTrustResult) r1 = NULL;
  g_autoptr(ClTrustResult) r2 = NULL;
  const ClTrustEntity *entity;

  g_ptr_array_add (anchors, pki->root->cert);
  listed = cl_trust_list_new_with_lote ("c2pa", CL_TRUST_LIST_KIND_C2PA, "test", 0, anchors, NULL,
                                        NULL, trusted_json, &error);
  g_assert_no_error (error);
  withdrawn = cl_trust_list_new_with_lote ("c2pa", CL_TRUST_LIST_KIND_C2PA, "test", 0, anchors, NULL,
                                           NULL, withdrawn_json, &error);
  g_assert_no_error (error);
  /* The snapshot date comes from ListIssueDateTime; the English name wins. */
  g_assert_cmpint (cl_trust_list_get_snapshot (listed), ==, 1785888699);
  entity = cl_trust_list_lookup_entity (listed, pki->root->cert);
  g_assert_nonnull (entity);
  g_assert_cmpstr (entity->entity, ==, "CredLink Test Org");
  g_assert_cmpstr (entity->service, ==, "Test CA");
  /* A withdrawn anchor is not an anchor. */
  g_assert_cmpuint (cl_trust_list_get_anchors (withdrawn)->len, ==, 0);

  store_listed = store_of (listed, NULL);
  store_withdrawn = store_of (withdrawn, NULL);
  r1 = evaluate (store_listed, pki->signer, NULL, NULL);
  r2 = evaluate (store_withdrawn, pki->signer, NULL, NULL);
  g_assert_true (r1->trusted);
  g_assert_cmpstr (r1->anchor_entity, ==, "CredLink Test Org");
  g_assert_nonnull (strstr (r1->summary, "CredLink Test Org"));
  g_assert_false (r2->trusted);

  /* Garbage is an error, not a crash. */
  g_assert_null (cl_trust_list_new_with_lote ("c2pa", CL_TRUST_LIST_KIND_C2PA, "test", 0, anchors,
                                              NULL, NULL, "{\"LoTE\": [", &error));
  g_assert_error (error, CL_TRUST_ERROR, CL_TRUST_ERROR_INVALID);
}


static void
test_json_report (void)
{
  g_autoptr(ClTrustStore) store = store_of (list_of ("newsroom", CL_TRUST_LIST_KIND_USER, pki->root, NULL), NULL);
  g_autoptr(ClTrustResult) result = evaluate (store, pki->signer, NULL, NULL);
  g_autoptr(JsonNode) node = cl_trust_result_to_json (result);
  g_autofree char *text = cl_trust_result_to_text (result);
  JsonObject *root = json_node_get_object (node);
  JsonObject *signer;
  JsonArray *certs;

  g_assert_true (json_object_get_boolean_member (root, "trusted"));
  g_assert_cmpstr (json_object_get_string_member (root, "trustList"), ==, "newsroom");
  certs = json_object_get_array_member (root, "certificates");
  g_assert_cmpuint (json_array_get_length (certs), ==, 3);
  signer = json_array_get_object_element (certs, 0);
  g_assert_cmpstr (json_object_get_string_member (signer, "role"), ==, "signer");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (signer, "subject"), "CN"),
                   ==, "CredLink Test Signer");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (signer, "subject"), "O"),
                   ==, "CredLink Newsroom");
  g_assert_cmpstr (json_object_get_string_member (signer, "publicKey"), ==, "EC P-256");
  g_assert_cmpuint (strlen (json_object_get_string_member (signer, "sha256")), ==, 95);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (signer, "checks")), >, 5);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (signer, "revocation"), "status"),
                   ==, "not-checked");
  g_assert_nonnull (strstr (text, "CN=CredLink Test Signer"));
}


static void
test_store_on_disk (void)
{
  g_autofree char *dir = cl_test_tmp_dir_new ("credlink-trust", CL_TEST_TMP_UNTIL_CASE_ENDS);
  g_autoptr(ClTrustList) list = list_of ("newsroom", CL_TRUST_LIST_KIND_USER, pki->root, NULL);
  g_autoptr(ClTrustStore) store = NULL;
  g_autoptr(ClTrustStore) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *junk = g_build_filename (dir, "broken", NULL);
  ClTrustList *loaded;

  g_assert_true (cl_trust_store_save_list (dir, list, &error));
  g_assert_no_error (error);
  /* A folder without meta.json is a problem, not a crash, and does not hide the rest. */
  g_assert_cmpint (g_mkdir (junk, 0700), ==, 0);
  store = cl_trust_store_load (dir, &error);
  g_assert_no_error (error);
  loaded = cl_trust_store_lookup (store, "newsroom");
  g_assert_nonnull (loaded);
  g_assert_cmpint (cl_trust_list_get_kind (loaded), ==, CL_TRUST_LIST_KIND_USER);
  g_assert_cmpuint (cl_trust_list_get_anchors (loaded)->len, ==, 1);
  g_assert_cmpuint (g_strv_length ((GStrv) cl_trust_store_get_problems (store)), ==, 1);

  g_assert_true (cl_trust_store_remove_list (dir, "newsroom", &error));
  g_assert_false (cl_trust_store_remove_list (dir, "newsroom", &error));
  g_assert_error (error, CL_TRUST_ERROR, CL_TRUST_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (cl_trust_store_remove_list (dir, "../etc", &error));
  g_assert_error (error, CL_TRUST_ERROR, CL_TRUST_ERROR_INVALID);
  g_clear_error (&error);
  after = cl_trust_store_load (dir, &error);
  g_assert_null (cl_trust_store_lookup (after, "newsroom"));
}


static void
test_default_store (void)
{
  g_autofree char *dir = cl_trust_store_default_dir ();
  g_autoptr(ClTrustList) list = list_of ("newsroom", CL_TRUST_LIST_KIND_USER, pki->root, NULL);
  g_autoptr(ClTrustStore) before = NULL;
  g_autoptr(ClTrustStore) after = NULL;
  g_autoptr(ClTrustStore) again = NULL;
  g_autoptr(GError) error = NULL;

  /* main() pointed XDG_DATA_HOME at a fresh folder. */
  g_assert_true (g_str_has_prefix (dir, g_getenv ("XDG_DATA_HOME")));
  before = cl_trust_store_dup_default ();
  g_assert_cmpuint (cl_trust_store_get_lists (before)->len, ==, 0);

  g_assert_true (cl_trust_store_save_list (dir, list, &error));
  g_assert_no_error (error);
  again = cl_trust_store_dup_default ();
  g_assert_true (again == before);   /* nothing reloads behind the caller's back */

  cl_trust_store_set_default (NULL);
  after = cl_trust_store_dup_default ();
  g_assert_true (after != before);
  g_assert_nonnull (cl_trust_store_lookup (after, "newsroom"));
  /* The old store still works for whoever holds it. */
  g_assert_cmpuint (cl_trust_store_get_lists (before)->len, ==, 0);

  g_assert_true (cl_trust_store_remove_list (dir, "newsroom", &error));
  cl_trust_store_set_default (NULL);
}


/* Folders written by the background refresh job (cl-trust-snapshot) of earlier
 * versions carry a meta.json without "kind", with a fractional snapshot date. */
static void
test_refresh_job_meta (void)
{
  g_autofree char *dir = cl_test_tmp_dir_new ("credlink-trust", CL_TEST_TMP_UNTIL_CASE_ENDS);
  g_autofree char *list_dir = g_build_filename (dir, "c2pa-tsa", NULL);
  g_autofree char *anchors = g_build_filename (list_dir, "anchors.pem", NULL);
  g_autofree char *meta = g_build_filename (list_dir, "meta.json", NULL);
  g_autoptr(ClTrustStore) store = NULL;
  g_autoptr(ClTrustResult) result = NULL;
  g_autoptr(GError) error = NULL;
  X509_STORE *tsa;
  ClTrustList *list;

  g_assert_cmpint (g_mkdir_with_parents (list_dir, 0700), ==, 0);
  cl_test_write_pem (anchors, pki->root, NULL);
  g_assert_true (g_file_set_contents (meta,
                                      "{\"list\": \"c2pa-tsa\", \"source_url\": \"https://example.org/tsa.pem\","
                                      " \"snapshot_date\": \"2026-08-05T00:11:39.000000Z\", \"certificate_count\": 1}",
                                      -1, NULL));
  store = cl_trust_store_load (dir, &error);
  g_assert_no_error (error);
  list = cl_trust_store_lookup (store, "c2pa-tsa");
  g_assert_nonnull (list);
  g_assert_cmpint (cl_trust_list_get_kind (list), ==, CL_TRUST_LIST_KIND_C2PA_TSA);
  g_assert_cmpstr (cl_trust_list_get_source (list), ==, "https://example.org/tsa.pem");
  g_assert_cmpint (cl_trust_list_get_snapshot (list), ==, 1785888699);
  /* A TSA list from the job never vouches for a claim signer. */
  result = evaluate (store, pki->signer, NULL, NULL);
  g_assert_false (result->trusted);
  tsa = cl_trust_store_get_tsa_x509_store (store);
  g_assert_cmpint (sk_X509_OBJECT_num (X509_STORE_get0_objects (tsa)), ==, 1);
  X509_STORE_free (tsa);

  g_assert_true (cl_trust_store_remove_list (dir, "c2pa-tsa", &error));
}


static JsonObject *
load_meta (const char *dir,
           const char *list)
{
  g_autofree char *path = g_build_filename (dir, list, "meta.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_file (parser, path, &error));
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}


static char *
member_names (JsonObject *object)
{
  g_autoptr(GList) names = g_list_sort (json_object_get_members (object),
                                        (GCompareFunc) g_strcmp0);
  g_autoptr(GString) text = g_string_new (NULL);

  for (GList *name = names; name != NULL; name = name->next)
    g_string_append_printf (text, "%s%s", text->len > 0 ? "," : "", (char *) name->data);
  return g_string_free (g_steal_pointer (&text), FALSE);
}


/* The refresh job (cl-trust-snapshot) and an import (cl-trust-list-fetch) write
 * meta.json with one vocabulary; files in an older vocabulary still load. */
static void
test_meta_one_vocabulary (void)
{
  g_autofree char *dir = cl_test_tmp_dir_new ("credlink-trust", CL_TEST_TMP_UNTIL_CASE_ENDS);
  g_autofree char *pem_path = g_build_filename (dir, "roots.pem", NULL);
  g_autofree char *old_dir = g_build_filename (dir, "old-import", NULL);
  g_autofree char *old_anchors = g_build_filename (old_dir, "anchors.pem", NULL);
  g_autofree char *old_meta = g_build_filename (old_dir, "meta.json", NULL);
  g_autoptr(GDateTime) date = g_date_time_new_utc (2026, 8, 5, 0, 11, 39);
  g_autoptr(ClTrustList) imported = NULL;
  g_autoptr(ClTrustStore) store = NULL;
  g_autoptr(JsonObject) job_meta = NULL;
  g_autoptr(JsonObject) import_meta = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *job_keys = NULL;
  g_autofree char *import_keys = NULL;
  g_autofree char *pem = NULL;
  gsize pem_len = 0;
  ClTrustList *list;

  cl_test_write_pem (pem_path, pki->root, NULL);
  g_assert_true (g_file_get_contents (pem_path, &pem, &pem_len, NULL));
  {
    g_autoptr(GBytes) bytes = g_bytes_new (pem, pem_len);

    g_assert_true (cl_trust_snapshot_replace (dir, "c2pa-tsa", bytes, 1,
                                              "https://example.org/tsa.pem", date, &error));
    g_assert_no_error (error);
  }
  imported = cl_trust_list_new_from_files ("newsroom", CL_TRUST_LIST_KIND_USER, pem_path, NULL,
                                           NULL, &error);
  g_assert_no_error (error);
  g_assert_true (cl_trust_list_install (imported, dir, &error));
  g_assert_no_error (error);

  job_meta = load_meta (dir, "c2pa-tsa");
  import_meta = load_meta (dir, "newsroom");
  job_keys = member_names (job_meta);
  import_keys = member_names (import_meta);
  g_assert_cmpstr (job_keys, ==, import_keys);
  g_assert_cmpstr (job_keys, ==, "allowed_count,certificate_count,kind,list,sha256,size,"
                                 "snapshot_date,source_url");
  g_assert_cmpstr (json_object_get_string_member (job_meta, "kind"), ==, "c2pa-tsa");
  g_assert_cmpstr (json_object_get_string_member (job_meta, "snapshot_date"), ==,
                   "2026-08-05T00:11:39Z");
  g_assert_cmpstr (json_object_get_string_member (job_meta, "sha256"), ==,
                   json_object_get_string_member (import_meta, "sha256"));

  /* Written by an earlier import: other names, and the kind says more than the name. */
  g_assert_cmpint (g_mkdir_with_parents (old_dir, 0700), ==, 0);
  cl_test_write_pem (old_anchors, pki->root, NULL);
  g_assert_true (g_file_set_contents (old_meta,
                                      "{\"name\": \"old-import\", \"kind\": \"user-tsa\","
                                      " \"source\": \"/home/someone/tsa.pem\","
                                      " \"snapshot\": \"2026-08-05T00:11:39Z\","
                                      " \"saved\": \"2026-08-06T10:00:00Z\","
                                      " \"anchors\": 1, \"allowed\": 0}",
                                      -1, NULL));

  store = cl_trust_store_load (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length ((GStrv) cl_trust_store_get_problems (store)), ==, 0);
  list = cl_trust_store_lookup (store, "c2pa-tsa");
  g_assert_cmpint (cl_trust_list_get_kind (list), ==, CL_TRUST_LIST_KIND_C2PA_TSA);
  g_assert_cmpstr (cl_trust_list_get_source (list), ==, "https://example.org/tsa.pem");
  g_assert_cmpint (cl_trust_list_get_snapshot (list), ==, 1785888699);
  list = cl_trust_store_lookup (store, "newsroom");
  g_assert_cmpint (cl_trust_list_get_kind (list), ==, CL_TRUST_LIST_KIND_USER);
  g_assert_cmpstr (cl_trust_list_get_source (list), ==, pem_path);
  g_assert_cmpuint (cl_trust_list_get_anchors (list)->len, ==, 1);
  list = cl_trust_store_lookup (store, "old-import");
  g_assert_nonnull (list);
  g_assert_cmpint (cl_trust_list_get_kind (list), ==, CL_TRUST_LIST_KIND_USER_TSA);
  g_assert_cmpstr (cl_trust_list_get_source (list), ==, "/home/someone/tsa.pem");
  g_assert_cmpint (cl_trust_list_get_snapshot (list), ==, 1785888699);
  g_assert_cmpuint (cl_trust_list_get_anchors (list)->len, ==, 1);
}


/* --- the shared C2PA fixtures ------------------------------------------ */

static char *
shared_path (const char *relative)
{
  const char *shared = g_getenv ("CREDLINK_SHARED_DIR");
  g_autofree char *path = NULL;

  if (shared == NULL)
    return NULL;
  path = g_build_filename (shared, relative, NULL);
  return g_file_test (path, G_FILE_TEST_EXISTS) ? g_steal_pointer (&path) : NULL;
}


static GPtrArray *
chain_of_pem_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) certs = cl_x509_load_pem_file (path, &error);
  GPtrArray *chain = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);

  g_assert_no_error (error);
  for (guint i = 0; i < certs->len; i++)
    g_ptr_array_add (chain, cl_x509_to_der (g_ptr_array_index (certs, i)));
  return chain;
}


static void
test_fixture_chains (void)
{
  g_autofree char *certs_dir = shared_path ("c2pa-fixtures/certs");
  g_autofree char *bundle = shared_path ("c2pa-fixtures/certs/trust/test_cert_root_bundle.pem");
  g_autofree char *cfg = shared_path ("c2pa-fixtures/certs/trust/store.cfg");
  g_autofree char *official = shared_path ("trust-lists/C2PA-TRUST-LIST.pem");
  g_autoptr(ClTrustList) test_list = NULL;
  g_autoptr(ClTrustList) c2pa_list = NULL;
  g_autoptr(ClTrustStore) test_store = NULL;
  g_autoptr(ClTrustStore) empty_store = cl_trust_store_new (NULL);
  g_autoptr(ClTrustStore) c2pa_store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint n_chains = 0;

  if (certs_dir == NULL || bundle == NULL || cfg == NULL || official == NULL) {
    g_test_skip ("CREDLINK_SHARED_DIR fixtures not available");
    return;
  }
  test_list = cl_trust_list_new_from_files ("test-roots", CL_TRUST_LIST_KIND_USER, bundle, NULL, cfg, &error);
  g_assert_no_error (error);
  c2pa_list = cl_trust_list_new_from_files ("c2pa", CL_TRUST_LIST_KIND_C2PA, official, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cl_trust_list_get_anchors (c2pa_list)->len, ==, 30);
  /* The snapshot date and the organisations come from the JSON form of the list. */
  g_assert_cmpint (cl_trust_list_get_snapshot (c2pa_list), >, 1700000000);
  for (guint i = 0; i < cl_trust_list_get_anchors (c2pa_list)->len; i++) {
    const ClTrustEntity *entity = cl_trust_list_lookup_entity (c2pa_list,
                                                               g_ptr_array_index (cl_trust_list_get_anchors (c2pa_list), i));

    g_assert_nonnull (entity);
    g_assert_nonnull (entity->entity);
  }
  test_store = store_of (cl_trust_list_ref (test_list), NULL);
  c2pa_store = store_of (cl_trust_list_ref (c2pa_list), NULL);

  dir = g_dir_open (certs_dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL) {
    g_autofree char *path = NULL;
    g_autoptr(GPtrArray) chain = NULL;
    g_autoptr(ClTrustResult) with_test = NULL;
    g_autoptr(ClTrustResult) with_none = NULL;
    g_autoptr(ClTrustResult) with_c2pa = NULL;
    gboolean expired_fixture = strstr (name, "expired") != NULL;

    if (!g_str_has_suffix (name, ".pub"))
      continue;
    path = g_build_filename (certs_dir, name, NULL);
    chain = chain_of_pem_file (path);
    with_test = cl_trust_evaluate (test_store, chain, NULL, NULL, NULL, NULL);
    with_none = cl_trust_evaluate (empty_store, chain, NULL, NULL, NULL, NULL);
    with_c2pa = cl_trust_evaluate (c2pa_store, chain, NULL, NULL, NULL, NULL);
    g_test_message ("%s: %s", name, with_test->summary);

    if (expired_fixture) {
      /* rsa-pss256_key-expired.pub: self-signed and long expired. */
      g_assert_false (with_test->trusted);
      g_assert_true (cl_trust_result_has_code (with_test, "signingCredential.expired"));
    } else {
      g_assert_true (with_test->trusted);
      g_assert_cmpstr (with_test->list_name, ==, "test-roots");
      g_assert_true (cl_trust_result_has_code (with_test, "signingCredential.trusted"));
      n_chains++;
    }
    g_assert_false (with_none->trusted);
    g_assert_true (cl_trust_result_has_code (with_none, "signingCredential.untrusted"));
    g_assert_false (with_c2pa->trusted);
    g_assert_true (cl_trust_result_has_code (with_c2pa, "signingCredential.untrusted"));
  }
  g_assert_cmpuint (n_chains, >=, 8);
}


static void
test_fixture_allowed_list (void)
{
  g_autofree char *allowed = shared_path ("c2pa-fixtures/certs/trust/allowed_list.pem");
  g_autofree char *es256 = shared_path ("c2pa-fixtures/certs/es256.pub");
  g_autoptr(ClTrustList) list = NULL;
  g_autoptr(ClTrustStore) store = NULL;
  g_autoptr(GPtrArray) chain = NULL;
  g_autoptr(ClTrustResult) result = NULL;
  g_autoptr(GError) error = NULL;

  if (allowed == NULL || es256 == NULL) {
    g_test_skip ("CREDLINK_SHARED_DIR fixtures not available");
    return;
  }
  list = cl_trust_list_new_from_files ("allowed", CL_TRUST_LIST_KIND_LEGACY, NULL, allowed, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cl_trust_list_get_n_allowed (list), ==, 7);
  store = store_of (cl_trust_list_ref (list), NULL);
  chain = chain_of_pem_file (es256);
  result = cl_trust_evaluate (store, chain, NULL, NULL, NULL, NULL);
  g_test_message ("%s", result->summary);
  /* allowed_list.pem holds the fixture signers: trusted without any anchor. */
  g_assert_true (result->trusted);
  g_assert_cmpint (result->method, ==, CL_TRUST_METHOD_ALLOWED_LIST);
}


int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = cl_test_tmp_dir_new ("credlink-data", CL_TEST_TMP_UNTIL_EXIT);
  int status;

  /* Before anything reads it: the default trust folder lives in a fresh place. */
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_test_init (&argc, &argv, NULL);
  pki = cl_test_pki_new (NULL, NULL);

  g_test_add_func ("/trust/chain/trusted", test_trusted_chain);
  g_test_add_func ("/trust/chain/no-anchors", test_no_anchors);
  g_test_add_func ("/trust/chain/intermediate-anchor", test_intermediate_anchor);
  g_test_add_func ("/trust/chain/tsa-anchor-not-for-signers", test_tsa_anchor_does_not_trust_signer);
  g_test_add_func ("/trust/profile/wrong-eku", test_wrong_eku);
  g_test_add_func ("/trust/profile/extra-eku", test_extra_eku_from_config);
  g_test_add_func ("/trust/profile/any-eku", test_any_eku);
  g_test_add_func ("/trust/profile/soft-warnings", test_soft_warnings);
  g_test_add_func ("/trust/profile/ca-signer", test_ca_signer);
  g_test_add_func ("/trust/profile/small-rsa", test_small_rsa_key);
  g_test_add_func ("/trust/profile/expired", test_expired);
  g_test_add_func ("/trust/chain/self-signed", test_self_signed);
  g_test_add_func ("/trust/chain/allowed-list", test_allowed_list);
  g_test_add_func ("/trust/chain/unreadable", test_unreadable_chain);
  g_test_add_func ("/trust/revocation/stapled", test_stapled_ocsp);
  g_test_add_func ("/trust/revocation/stapled-edge-cases", test_stapled_edge_cases);
  g_test_add_func ("/trust/revocation/garbage-stapled", test_garbage_stapled);
  g_test_add_func ("/trust/store/concurrent-reads", test_concurrent_reads);
  g_test_add_func ("/trust/report/json", test_json_report);
  g_test_add_func ("/trust/store/lote", test_lote_entities);
  g_test_add_func ("/trust/store/default", test_default_store);
  g_test_add_func ("/trust/store/refresh-job-meta", test_refresh_job_meta);
  g_test_add_func ("/trust/store/meta-one-vocabulary", test_meta_one_vocabulary);
  g_test_add_func ("/trust/store/on-disk", test_store_on_disk);
  g_test_add_func ("/trust/fixtures/chains", test_fixture_chains);
  g_test_add_func ("/trust/fixtures/allowed-list", test_fixture_allowed_list);

  status = g_test_run ();
  cl_test_pki_free (pki);
  return status;
}
