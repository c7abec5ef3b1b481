/* test-trust-chain.c: the trust engine on a PKI made in set-up — chains to an anchor,
 * the certificate profile of the signer, allowed lists, unreadable chains, and the
 * report of the result. Revocation: test-trust-chain-revocation.c; stores, lists on disk
 * and the shared fixture chains: test-trust-store.c. No network.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "cl-test-pki.h"
#include "cl-test-trust.h"
#include "cl-trust-chain.h"
#include "cl-trust-store.h"
#include "cl-x509.h"

static ClTestPki *pki;


static void
test_trusted_chain (void)
{
  g_autoptr(ClTrustStore) store =
    cl_test_trust_store (cl_test_trust_list ("newsroom", CL_TRUST_LIST_KIND_USER, pki->root, NULL),
                         NULL);
  g_autoptr(ClTrustResult) result = cl_test_trust_evaluate (store, pki->signer, pki->intermediate,
                                                            NULL, NULL);
  ClCertReport *anchor;
  ClRevocationInfo *revocation;

  cl_test_assert_trust_codes (result, "signingCredential.trusted,signingCredential.ocsp.skipped");
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
  g_assert_cmpint (cl_test_signer_check (result, "key-usage")->outcome, ==, CL_CHECK_PASS);
  g_assert_cmpint (cl_test_signer_check (result, "extended-key-usage")->outcome, ==, CL_CHECK_PASS);
  g_assert_nonnull (strstr (result->summary, "newsroom"));
  g_assert_null (cl_test_signer_check (result, "claim-signing-eku"));
}


static void
test_no_anchors (void)
{
  g_autoptr(ClTrustStore) store = cl_trust_store_new (NULL);
  g_autoptr(ClTrustResult) result = cl_test_trust_evaluate (store, pki->signer, pki->intermediate,
                                                            NULL, NULL);

  cl_test_assert_trust_codes (result, "signingCredential.untrusted,signingCredential.ocsp.skipped");
  g_assert_false (result->trusted);
  g_assert_null (result->list_name);
  g_assert_cmpint (cl_test_signer_check (result, "trust")->outcome, ==, CL_CHECK_FAIL);
}


static void
test_intermediate_anchor (void)
{
  /* PARTIAL_CHAIN: an intermediate on a list is an anchor by itself. */
  g_autoptr(ClTrustStore) store =
    cl_test_trust_store (cl_test_trust_list ("ica", CL_TRUST_LIST_KIND_USER, pki->intermediate,
                                             NULL), NULL);
  g_autoptr(ClTrustResult) result = cl_test_trust_evaluate (store, pki->signer, pki->intermediate,
                                                            NULL, NULL);

  g_assert_true (result->trusted);
  g_assert_cmpuint (result->certs->len, ==, 2);
}


static void
test_tsa_anchor_does_not_trust_signer (void)
{
  g_autoptr(ClTrustStore) store =
    cl_test_trust_store (cl_test_trust_list ("c2pa-tsa", CL_TRUST_LIST_KIND_C2PA_TSA, pki->root,
                                             NULL), NULL);
  g_autoptr(ClTrustResult) result = cl_test_trust_evaluate (store, pki->signer, pki->intermediate,
                                                            NULL, NULL);
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
  g_autoptr(ClTrustStore) store =
    cl_test_trust_store (cl_test_trust_list ("newsroom", CL_TRUST_LIST_KIND_USER, pki->root, NULL),
                         NULL);
  g_autoptr(ClTrustResult) result = cl_test_trust_evaluate (store, server, pki->intermediate, NULL,
                                                            NULL);

  cl_test_assert_trust_codes (result, "signingCredential.invalid,signingCredential.ocsp.skipped");
  g_assert_false (result->trusted);
  g_assert_false (result->profile_ok);
  g_assert_cmpint (cl_test_signer_check (result, "extended-key-usage")->outcome, ==, CL_CHECK_FAIL);
}


static void
test_extra_eku_from_config (void)
{
  g_autoptr(ClTestCred) custom = cl_test_cred_new (&(ClTestCertSpec) {
    .cn = "Custom EKU", .issuer = pki->intermediate,
    .key_usage = "critical,digitalSignature", .ext_key_usage = "1.3.6.1.4.1.99999.1",
  });
  g_autoptr(ClTrustStore) store =
    cl_test_trust_store (cl_test_trust_list ("newsroom", CL_TRUST_LIST_KIND_USER, pki->root, NULL),
                         NULL);
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
  g_autoptr(ClTrustStore) store =
    cl_test_trust_store (cl_test_trust_list ("c2pa", CL_TRUST_LIST_KIND_C2PA, pki->root, NULL),
                         NULL);
  g_autoptr(ClTrustResult) result = cl_test_trust_evaluate (store, soft, pki->intermediate, NULL,
                                                            NULL);

  /* Warnings explain, they do not change the verdict (as c2pa-rs). */
  g_assert_true (result->trusted);
  g_assert_cmpint (cl_test_signer_check (result, "key-usage")->outcome, ==, CL_CHECK_WARN);
  g_assert_cmpint (cl_test_signer_check (result, "claim-signing-eku")->outcome, ==, CL_CHECK_WARN);
}


static void
test_any_eku (void)
{
  g_autoptr(ClTestCred) any = cl_test_cred_new (&(ClTestCertSpec) {
    .cn = "Anything goes", .issuer = pki->intermediate,
    .key_usage = "critical,digitalSignature", .ext_key_usage = "emailProtection,anyExtendedKeyUsage",
  });
  g_autoptr(ClTrustStore) store =
    cl_test_trust_store (cl_test_trust_list ("newsroom", CL_TRUST_LIST_KIND_USER, pki->root, NULL),
                         NULL);
  g_autoptr(ClTrustResult) result = cl_test_trust_evaluate (store, any, pki->intermediate, NULL,
                                                            NULL);

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
  g_autoptr(ClTrustStore) store =
    cl_test_trust_store (cl_test_trust_list ("newsroom", CL_TRUST_LIST_KIND_USER, pki->root, NULL),
                         NULL);
  g_autoptr(ClTrustResult) result = cl_test_trust_evaluate (store, ca, pki->intermediate, NULL,
                                                            NULL);

  g_assert_false (result->trusted);
  g_assert_true (cl_trust_result_has_code (result, "signingCredential.invalid"));
  g_assert_false (cl_trust_result_has_code (result, "signingCredential.trusted"));
  g_assert_cmpint (cl_test_signer_check (result, "basic-constraints")->outcome, ==, CL_CHECK_FAIL);
}


static void
test_small_rsa_key (void)
{
  g_autoptr(ClTestCred) weak = cl_test_cred_new (&(ClTestCertSpec) {
    .cn = "Weak key", .issuer = pki->intermediate, .key_type = "RSA-1024",
    .key_usage = "critical,digitalSignature", .ext_key_usage = "emailProtection",
  });
  g_autoptr(ClTrustStore) store =
    cl_test_trust_store (cl_test_trust_list ("newsroom", CL_TRUST_LIST_KIND_USER, pki->root, NULL),
                         NULL);
  g_autoptr(ClTrustResult) result = cl_test_trust_evaluate (store, weak, pki->intermediate, NULL,
                                                            NULL);

  g_assert_false (result->trusted);
  g_assert_cmpint (cl_test_signer_check (result, "public-key")->outcome, ==, CL_CHECK_FAIL);
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
  g_autoptr(ClTrustStore) store =
    cl_test_trust_store (cl_test_trust_list ("newsroom", CL_TRUST_LIST_KIND_USER, pki->root, NULL),
                         NULL);
  g_autoptr(GDateTime) after = g_date_time_new_from_unix_utc (now - 5 * 86400);
  g_autoptr(GDateTime) inside = g_date_time_new_from_unix_utc (now - 50 * 86400);
  g_autoptr(ClTrustResult) no_time = cl_test_trust_evaluate (store, old, pki->intermediate, NULL,
                                                             NULL);
  g_autoptr(ClTrustResult) late = cl_test_trust_evaluate (store, old, pki->intermediate, after,
                                                          NULL);
  g_autoptr(ClTrustResult) stamped = cl_test_trust_evaluate (store, old, pki->intermediate, inside,
                                                             NULL);

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
  g_autoptr(ClTrustStore) store =
    cl_test_trust_store (cl_test_trust_list ("newsroom", CL_TRUST_LIST_KIND_USER, pki->root, NULL),
                         NULL);
  g_autoptr(GPtrArray) chain = cl_test_chain_der (self_signed, NULL);
  g_autoptr(ClTrustResult) result = cl_trust_evaluate (store, chain, NULL, NULL, NULL, NULL);

  g_assert_false (result->trusted);
  g_assert_true (cl_trust_result_has_code (result, "signingCredential.untrusted"));
  g_assert_cmpint (cl_test_signer_check (result, "self-signed")->outcome, ==, CL_CHECK_WARN);
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
  by_pem =
    cl_test_trust_store (cl_test_trust_list ("legacy", CL_TRUST_LIST_KIND_LEGACY, NULL, pem), NULL);
  by_hash =
    cl_test_trust_store (cl_test_trust_list ("legacy", CL_TRUST_LIST_KIND_LEGACY, NULL, hash_text),
                         NULL);
  /* An allowed entry on a time-stamping list does not count for signers. */
  other = cl_test_trust_store (cl_test_trust_list ("tsa", CL_TRUST_LIST_KIND_USER_TSA, NULL, pem),
                               NULL);

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
    g_autoptr(ClTrustStore) newsroom =
      cl_test_trust_store (cl_test_trust_list ("newsroom", CL_TRUST_LIST_KIND_USER, pki->root,
                                               NULL), NULL);
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
test_json_report (void)
{
  g_autoptr(ClTrustStore) store =
    cl_test_trust_store (cl_test_trust_list ("newsroom", CL_TRUST_LIST_KIND_USER, pki->root, NULL),
                         NULL);
  g_autoptr(ClTrustResult) result = cl_test_trust_evaluate (store, pki->signer, pki->intermediate,
                                                            NULL, NULL);
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


int
main (int   argc,
      char *argv[])
{
  int status;

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
  g_test_add_func ("/trust/report/json", test_json_report);

  status = g_test_run ();
  cl_test_pki_free (pki);
  return status;
}
