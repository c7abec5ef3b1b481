/* test-revocation.c: live OCSP and CRL checks against a responder and a CRL
 * server on 127.0.0.1, and what happens when they are down or stall.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <openssl/ocsp.h>
#include <openssl/err.h>
#include <openssl/ts.h>

#include "cl-error.h"
#include "cl-http.h"
#include "cl-revocation.h"
#include "cl-x509.h"
#include "cl-test-pki.h"
#include "cl-test-server.h"
#include "cl-test-tmp.h"
#include "cl-trust-chain.h"
#include "cl-trust-list-fetch.h"
#include "cl-x509.h"

typedef struct {
  ClTestServer *server;
  ClTestPki    *pki;             /* signer points at /ocsp and /crl */
  ClTestCred   *revoked;         /* revoked on revoked_at, keyCompromise */
  ClTestCred   *ocsp_down;       /* OCSP at a closed port, CRL at /crl */
  ClTestCred   *stalling;        /* OCSP at /stall, no CRL */
  ClTestCred   *unreachable;     /* OCSP at a closed port, no CRL */
  ClTestCred   *no_service;      /* neither */
  gint64        revoked_at;
  gint          ocsp_requests;   /* atomic */
  gint          crl_requests;    /* atomic */
} Fixture;

static Fixture *fx;


static gboolean
is_revoked (X509 *cert)
{
  return ASN1_INTEGER_cmp (X509_get0_serialNumber (cert),
                           X509_get0_serialNumber (fx->revoked->cert)) == 0;
}


static void
ocsp_cb (SoupServer        *server,
         SoupServerMessage *msg,
         const char        *path,
         GHashTable        *query,
         gpointer           user_data)
{
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  g_autoptr(GBytes) request_bytes = soup_message_body_flatten (body);
  const unsigned char *p = g_bytes_get_data (request_bytes, NULL);
  OCSP_REQUEST *request;
  OCSP_CERTID *id;
  ASN1_INTEGER *serial = NULL;
  X509 *subject;
  g_autoptr(GBytes) response = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  g_atomic_int_inc (&fx->ocsp_requests);
  request = d2i_OCSP_REQUEST (NULL, &p, (long) g_bytes_get_size (request_bytes));
  if (request == NULL || OCSP_request_onereq_count (request) != 1) {
    soup_server_message_set_status (msg, SOUP_STATUS_BAD_REQUEST, NULL);
    OCSP_REQUEST_free (request);
    return;
  }
  id = OCSP_onereq_get0_id (OCSP_request_onereq_get0 (request, 0));
  OCSP_id_get0_info (NULL, NULL, NULL, &serial, id);
  subject = ASN1_INTEGER_cmp (serial, X509_get0_serialNumber (fx->revoked->cert)) == 0
            ? fx->revoked->cert : fx->pki->signer->cert;
  response = cl_test_ocsp_response (subject, fx->pki->intermediate->cert, fx->pki->responder,
                                    is_revoked (subject) ? V_OCSP_CERTSTATUS_REVOKED
                                                         : V_OCSP_CERTSTATUS_GOOD,
                                    fx->revoked_at, OCSP_REVOKED_STATUS_KEYCOMPROMISE,
                                    now - 60, now + 3600, request);
  OCSP_REQUEST_free (request);
  soup_server_message_set_response (msg, "application/ocsp-response", SOUP_MEMORY_COPY,
                                    g_bytes_get_data (response, NULL), g_bytes_get_size (response));
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
}


static void
crl_cb (SoupServer        *server,
        SoupServerMessage *msg,
        const char        *path,
        GHashTable        *query,
        gpointer           user_data)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autoptr(GBytes) crl = cl_test_crl (fx->pki->intermediate, fx->ocsp_down->cert, fx->revoked_at,
                                       OCSP_REVOKED_STATUS_CESSATIONOFOPERATION, now - 60, now + 86400);

  g_atomic_int_inc (&fx->crl_requests);
  soup_server_message_set_response (msg, "application/pkix-crl", SOUP_MEMORY_COPY,
                                    g_bytes_get_data (crl, NULL), g_bytes_get_size (crl));
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
}


static void
stall_cb (SoupServer        *server,
          SoupServerMessage *msg,
          const char        *path,
          GHashTable        *query,
          gpointer           user_data)
{
  cl_test_server_stall (fx->server, msg);
}


static void
list_cb (SoupServer        *server,
         SoupServerMessage *msg,
         const char        *path,
         GHashTable        *query,
         gpointer           user_data)
{
  g_autoptr(GPtrArray) certs = g_ptr_array_new ();
  g_autofree char *pem = NULL;

  if (g_str_equal (path, "/list.json")) {
    g_autoptr(GBytes) der = cl_x509_to_der (fx->pki->root->cert);
    g_autofree char *b64 = g_base64_encode (g_bytes_get_data (der, NULL), g_bytes_get_size (der));
    g_autofree char *json = g_strdup_printf (
      "{\"LoTE\": {\"ListAndSchemeInformation\": {\"ListIssueDateTime\": \"2026-08-05T00:11:39Z\"},"
      " \"TrustedEntitiesList\": [{\"TrustedEntityInformation\": {\"TEName\": [{\"lang\": \"en\", \"value\": \"Loopback Org\"}]},"
      " \"TrustedEntityServices\": [{\"ServiceInformation\": {\"ServiceDigitalIdentity\": {\"X509Certificates\": [{\"val\": \"%s\"}]},"
      " \"ServiceStatus\": \"" CL_LOTE_STATUS_TRUSTED "\"}}]}]}}", b64);

    soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, json, strlen (json));
    soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
    return;
  }
  if (g_str_equal (path, "/garbage.pem")) {
    soup_server_message_set_response (msg, "text/plain", SOUP_MEMORY_STATIC, "<html>moved</html>", 18);
    soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
    return;
  }
  g_ptr_array_add (certs, fx->pki->root->cert);
  g_ptr_array_add (certs, fx->pki->intermediate->cert);
  pem = cl_x509_to_pem (certs);
  soup_server_message_set_response (msg, "application/x-pem-file", SOUP_MEMORY_COPY, pem, strlen (pem));
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Last-Modified",
                                "Tue, 05 Aug 2025 00:11:39 GMT");
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
}


/* The TSA route's state; its PKI is set once the PKI exists (it needs the server's URL). */
static ClTestTsa tsa;

static const ClTestRoute routes[] = {
  { "/tsa", cl_test_tsa_route_cb, &tsa },
  { "/list.pem", list_cb, NULL },
  { "/garbage.pem", list_cb, NULL },
  { "/list.json", list_cb, NULL },
  { "/ocsp", ocsp_cb, NULL },
  { "/crl", crl_cb, NULL },
  { "/stall", stall_cb, NULL },
  { NULL, NULL, NULL },
};


static ClTestCred *
leaf (const char *cn,
      const char *ocsp_url,
      const char *crl_url)
{
  return cl_test_cred_new (&(ClTestCertSpec) {
    .cn = cn, .issuer = fx->pki->intermediate,
    .key_usage = "critical,digitalSignature", .ext_key_usage = "emailProtection",
    .ocsp_url = ocsp_url, .crl_url = crl_url,
    .not_before = g_get_real_time () / G_USEC_PER_SEC - 30 * 86400,
  });
}


static ClTrustResult *
check_online (const ClTestCred  *signer,
              guint              timeout,
              ClRevocationCache *cache,
              GDateTime         *at)
{
  g_autoptr(GPtrArray) lists = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_trust_list_unref);
  g_autoptr(GPtrArray) anchors = g_ptr_array_new ();
  g_autoptr(ClTrustStore) store = NULL;
  g_autoptr(GPtrArray) chain = cl_test_chain_der (signer, fx->pki->intermediate, NULL);
  ClTrustSettings settings = { .online = TRUE, .timeout_seconds = timeout, .cache = cache };

  g_ptr_array_add (anchors, fx->pki->root->cert);
  g_ptr_array_add (lists, cl_trust_list_new ("newsroom", CL_TRUST_LIST_KIND_USER, "test", 0,
                                             anchors, NULL, NULL, NULL));
  store = cl_trust_store_new (lists);
  return cl_trust_evaluate (store, chain, at, NULL, &settings, NULL);
}


static void
test_live_good (void)
{
  g_autoptr(ClTrustResult) result = check_online (fx->pki->signer, 5, NULL, NULL);
  ClRevocationInfo *info = cl_trust_result_get_signer_revocation (result);
  g_autofree char *url = cl_test_server_url (fx->server, "/ocsp");
  ClCertReport *intermediate = g_ptr_array_index (result->certs, 1);

  g_assert_cmpint (info->state, ==, CL_REVOCATION_GOOD);
  g_assert_cmpint (info->source, ==, CL_REVOCATION_SOURCE_LIVE_OCSP);
  g_assert_cmpstr (info->url, ==, url);
  g_assert_true (result->trusted);
  g_assert_true (cl_trust_result_has_code (result, "signingCredential.ocsp.notRevoked"));
  /* The intermediate names no revocation service: said so, not "good". */
  g_assert_cmpint (intermediate->revocation->state, ==, CL_REVOCATION_NOT_CHECKED);
  g_assert_cmpint (intermediate->revocation->skip, ==, CL_REVOCATION_SKIP_NO_SERVICE);
}


static void
test_live_revoked (void)
{
  g_autoptr(ClTrustResult) result = check_online (fx->revoked, 5, NULL, NULL);
  ClRevocationInfo *info = cl_trust_result_get_signer_revocation (result);

  g_assert_cmpint (info->state, ==, CL_REVOCATION_REVOKED);
  g_assert_cmpint (info->revoked_at, ==, fx->revoked_at);
  g_assert_cmpstr (cl_revocation_reason_name (info->reason), ==, "keyCompromise");
  g_assert_false (result->trusted);
  g_assert_true (cl_trust_result_has_code (result, "signingCredential.ocsp.revoked"));
  g_assert_false (cl_trust_result_has_code (result, "signingCredential.trusted"));
  g_assert_nonnull (strstr (info->detail, "keyCompromise"));
}


static void
test_revoked_after_signing (void)
{
  g_autoptr(GDateTime) signed_at = g_date_time_new_from_unix_utc (fx->revoked_at - 3600);
  g_autoptr(ClTrustResult) result = check_online (fx->revoked, 5, NULL, signed_at);
  ClRevocationInfo *info = cl_trust_result_get_signer_revocation (result);

  g_assert_cmpint (info->state, ==, CL_REVOCATION_REVOKED_LATER);
  g_assert_true (cl_trust_result_has_code (result, "signingCredential.ocsp.notRevoked"));
  g_assert_true (result->trusted);
}


static void
test_crl_fallback (void)
{
  gint before = g_atomic_int_get (&fx->crl_requests);
  g_autoptr(ClTrustResult) result = check_online (fx->ocsp_down, 5, NULL, NULL);
  ClRevocationInfo *info = cl_trust_result_get_signer_revocation (result);

  g_assert_cmpint (g_atomic_int_get (&fx->crl_requests), ==, before + 1);
  g_assert_cmpint (info->source, ==, CL_REVOCATION_SOURCE_CRL);
  g_assert_cmpint (info->state, ==, CL_REVOCATION_REVOKED);
  g_assert_cmpint (info->revoked_at, ==, fx->revoked_at);
  g_assert_cmpstr (cl_revocation_reason_name (info->reason), ==, "cessationOfOperation");
  g_assert_true (cl_trust_result_has_code (result, "signingCredential.ocsp.revoked"));
}


static void
test_responder_down (void)
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr(ClTrustResult) result = check_online (fx->unreachable, 5, NULL, NULL);
  ClRevocationInfo *info = cl_trust_result_get_signer_revocation (result);

  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
  g_assert_cmpint (info->state, ==, CL_REVOCATION_NOT_CHECKED);
  g_assert_cmpint (info->skip, ==, CL_REVOCATION_SKIP_UNREACHABLE);
  g_assert_true (cl_trust_result_has_code (result, "signingCredential.ocsp.inaccessible"));
  g_assert_false (cl_trust_result_has_code (result, "signingCredential.ocsp.notRevoked"));
}


static void
test_responder_stalls (void)
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr(ClTrustResult) result = check_online (fx->stalling, 2, NULL, NULL);
  ClRevocationInfo *info = cl_trust_result_get_signer_revocation (result);

  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
  g_assert_cmpint (info->state, ==, CL_REVOCATION_NOT_CHECKED);
  g_assert_cmpint (info->skip, ==, CL_REVOCATION_SKIP_UNREACHABLE);
  g_assert_true (cl_trust_result_has_code (result, "signingCredential.ocsp.inaccessible"));
}


static void
test_no_service (void)
{
  g_autoptr(ClTrustResult) result = check_online (fx->no_service, 5, NULL, NULL);
  ClRevocationInfo *info = cl_trust_result_get_signer_revocation (result);

  g_assert_cmpint (info->state, ==, CL_REVOCATION_NOT_CHECKED);
  g_assert_cmpint (info->skip, ==, CL_REVOCATION_SKIP_NO_SERVICE);
  g_assert_true (result->trusted);
}


static void
test_offline_makes_no_request (void)
{
  g_autoptr(GPtrArray) chain = cl_test_chain_der (fx->pki->signer, fx->pki->intermediate, NULL);
  g_autoptr(ClTrustStore) store = cl_trust_store_new (NULL);
  gint before = g_atomic_int_get (&fx->ocsp_requests) + g_atomic_int_get (&fx->crl_requests);
  g_autoptr(ClTrustResult) result = cl_trust_evaluate (store, chain, NULL, NULL, NULL, NULL);

  g_assert_cmpint (g_atomic_int_get (&fx->ocsp_requests) + g_atomic_int_get (&fx->crl_requests), ==, before);
  g_assert_true (cl_trust_result_has_code (result, "signingCredential.ocsp.skipped"));
}


/* What the signer does before signing: fetch, then staple. */
static void
test_fetch_for_stapling (void)
{
  g_autoptr(ClRevocationInfo) info = cl_revocation_info_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) response = cl_revocation_fetch_ocsp (fx->pki->signer->cert,
                                                         fx->pki->intermediate->cert,
                                                         NULL, 5, info, NULL, &error);
  g_autoptr(GPtrArray) stapled = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autoptr(GPtrArray) chain = cl_test_chain_der (fx->pki->signer, fx->pki->intermediate, NULL);
  g_autoptr(GPtrArray) lists = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_trust_list_unref);
  g_autoptr(GPtrArray) anchors = g_ptr_array_new ();
  g_autoptr(ClTrustStore) store = NULL;
  g_autoptr(ClTrustResult) result = NULL;
  g_autoptr(GBytes) none = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (response);
  g_assert_cmpint (info->state, ==, CL_REVOCATION_GOOD);

  g_ptr_array_add (anchors, fx->pki->root->cert);
  g_ptr_array_add (lists, cl_trust_list_new ("newsroom", CL_TRUST_LIST_KIND_USER, "test", 0,
                                             anchors, NULL, NULL, NULL));
  store = cl_trust_store_new (lists);
  g_ptr_array_add (stapled, g_bytes_ref (response));
  /* Offline: the stapled answer alone settles it. */
  result = cl_trust_evaluate (store, chain, NULL, stapled, NULL, NULL);
  g_assert_cmpint (cl_trust_result_get_signer_revocation (result)->source, ==,
                   CL_REVOCATION_SOURCE_STAPLED_OCSP);
  g_assert_true (cl_trust_result_has_code (result, "signingCredential.ocsp.notRevoked"));

  none = cl_revocation_fetch_ocsp (fx->no_service->cert, fx->pki->intermediate->cert, NULL, 5,
                                   NULL, NULL, &error);
  g_assert_null (none);
  g_assert_error (error, CL_TRUST_ERROR, CL_TRUST_ERROR_NOT_FOUND);
}


static void
test_cache (void)
{
  g_autoptr(ClRevocationCache) cache = cl_revocation_cache_new ();
  gint before = g_atomic_int_get (&fx->ocsp_requests);
  g_autoptr(ClTrustResult) first = check_online (fx->revoked, 5, cache, NULL);
  g_autoptr(ClTrustResult) second = NULL;
  g_autoptr(GDateTime) signed_at = g_date_time_new_from_unix_utc (fx->revoked_at - 3600);
  g_autoptr(ClTrustResult) third = NULL;

  g_assert_cmpint (g_atomic_int_get (&fx->ocsp_requests), ==, before + 1);
  g_assert_cmpint (cl_trust_result_get_signer_revocation (first)->state, ==, CL_REVOCATION_REVOKED);
  second = check_online (fx->revoked, 5, cache, NULL);
  g_assert_cmpint (g_atomic_int_get (&fx->ocsp_requests), ==, before + 1);
  g_assert_cmpint (cl_trust_result_get_signer_revocation (second)->state, ==, CL_REVOCATION_REVOKED);
  /* The cached facts are judged again at the new time. */
  third = check_online (fx->revoked, 5, cache, signed_at);
  g_assert_cmpint (g_atomic_int_get (&fx->ocsp_requests), ==, before + 1);
  g_assert_cmpint (cl_trust_result_get_signer_revocation (third)->state, ==, CL_REVOCATION_REVOKED_LATER);
}


static void
count_change_cb (gpointer user_data)
{
  (*(guint *) user_data)++;
}


static guint
changes_after_idle (guint *changes)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
  return *changes;
}


/* A live answer that changes what was known of a certificate is announced (History
 * verifies itself again then); the same answer again is not. */
static void
test_cache_announces_changes (void)
{
  g_autoptr(ClRevocationCache) cache = cl_revocation_cache_new ();
  guint changes = 0;
  guint watch = cl_revocation_watch_changes (count_change_cb, &changes);
  g_autoptr(ClTrustResult) good = check_online (fx->pki->signer, 5, cache, NULL);
  g_autoptr(ClTrustResult) revoked = NULL;
  g_autoptr(ClTrustResult) again = NULL;
  ClRevocationInfo *flipped = NULL;
  g_autofree char *signer_sha = cl_x509_sha256_hex (fx->pki->signer->cert);

  /* A first "good" answer changes no earlier verdict. */
  g_assert_cmpint (cl_trust_result_get_signer_revocation (good)->state, ==, CL_REVOCATION_GOOD);
  g_assert_cmpuint (changes_after_idle (&changes), ==, 0);

  /* A first "revoked" does. */
  revoked = check_online (fx->revoked, 5, cache, NULL);
  g_assert_cmpint (cl_trust_result_get_signer_revocation (revoked)->state, ==,
                   CL_REVOCATION_REVOKED);
  g_assert_cmpuint (changes_after_idle (&changes), ==, 1);

  /* Known already (from the cache): nothing new. */
  again = check_online (fx->revoked, 5, cache, NULL);
  g_assert_cmpuint (changes_after_idle (&changes), ==, 1);

  /* A certificate once answered "good", now revoked. */
  flipped = cl_revocation_info_copy (cl_trust_result_get_signer_revocation (revoked));
  cl_revocation_cache_store (cache, signer_sha, flipped);
  g_assert_cmpuint (changes_after_idle (&changes), ==, 2);
  cl_revocation_info_free (flipped);

  cl_revocation_unwatch_changes (watch);
  cl_revocation_cache_store (cache, signer_sha, cl_trust_result_get_signer_revocation (good));
  g_assert_cmpuint (changes_after_idle (&changes), ==, 2);
}


static void
test_fetch_list (void)
{
  g_autofree char *dir = cl_test_tmp_dir_new ("credlink-fetch", CL_TEST_TMP_UNTIL_CASE_ENDS);
  g_autofree char *good_url = cl_test_server_url (fx->server, "/list.pem");
  g_autofree char *bad_url = cl_test_server_url (fx->server, "/garbage.pem");
  g_autofree char *missing_url = cl_test_server_url (fx->server, "/nothing-here.pem");
  g_autofree char *json_url = cl_test_server_url (fx->server, "/list.json");
  ClTrustListSource good = { "c2pa", CL_TRUST_LIST_KIND_C2PA, good_url, NULL, NULL, NULL };
  ClTrustListSource with_json = { "c2pa", CL_TRUST_LIST_KIND_C2PA, good_url, NULL, NULL, json_url };
  ClTrustListSource broken_json = { "c2pa", CL_TRUST_LIST_KIND_C2PA, good_url, NULL, NULL, bad_url };
  ClTrustListSource bad = { "c2pa", CL_TRUST_LIST_KIND_C2PA, bad_url, NULL, NULL, NULL };
  ClTrustListSource missing = { "c2pa", CL_TRUST_LIST_KIND_C2PA, missing_url, NULL, NULL, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(ClTrustList) first = NULL;
  g_autoptr(ClTrustList) second = NULL;
  g_autoptr(ClTrustList) failed = NULL;
  g_autoptr(ClTrustStore) store = NULL;
  ClTrustList *loaded;

  first = cl_trust_list_fetch (&good, dir, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cl_trust_list_get_anchors (first)->len, ==, 2);
  /* The snapshot is the server's Last-Modified. */
  g_assert_cmpint (cl_trust_list_get_snapshot (first), ==, 1754352699);
  /* Again, with a broken JSON form (optional: still installed), then with a
   * good one: replaces the installed folder atomically each time. */
  second = cl_trust_list_fetch (&broken_json, dir, NULL, NULL, &error);
  g_assert_no_error (error);
  g_clear_pointer (&second, cl_trust_list_unref);
  second = cl_trust_list_fetch (&with_json, dir, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cl_trust_list_get_snapshot (second), ==, 1785888699);
  g_assert_cmpstr (cl_trust_list_lookup_entity (second, fx->pki->root->cert)->entity, ==, "Loopback Org");

  /* A failed download or a page that is not PEM leaves the installed list alone. */
  failed = cl_trust_list_fetch (&bad, dir, NULL, NULL, &error);
  g_assert_null (failed);
  g_assert_error (error, CL_TRUST_ERROR, CL_TRUST_ERROR_INVALID);
  g_clear_error (&error);
  failed = cl_trust_list_fetch (&missing, dir, NULL, NULL, &error);
  g_assert_null (failed);
  g_assert_error (error, CL_TRUST_ERROR, CL_TRUST_ERROR_IO);
  g_clear_error (&error);

  store = cl_trust_store_load (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cl_trust_store_get_lists (store)->len, ==, 1);
  loaded = cl_trust_store_lookup (store, "c2pa");
  g_assert_nonnull (loaded);
  g_assert_cmpint (cl_trust_list_get_kind (loaded), ==, CL_TRUST_LIST_KIND_C2PA);
  g_assert_cmpstr (cl_trust_list_get_source (loaded), ==, good_url);
  g_assert_cmpint (cl_trust_list_get_snapshot (loaded), ==, 1785888699);
  /* The JSON form was kept on disk. */
  g_assert_cmpstr (cl_trust_list_lookup_entity (loaded, fx->pki->root->cert)->entity, ==, "Loopback Org");

  g_assert_true (cl_trust_store_remove_list (dir, "c2pa", &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}


static void
fetched_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  ClTrustList **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = cl_trust_list_fetch_finish (result, &error);
  g_assert_no_error (error);
}


static void
test_fetch_list_async (void)
{
  g_autofree char *dir = cl_test_tmp_dir_new ("credlink-fetch", CL_TEST_TMP_UNTIL_CASE_ENDS);
  g_autofree char *url = cl_test_server_url (fx->server, "/list.pem");
  ClTrustListSource source = { "c2pa-tsa", CL_TRUST_LIST_KIND_C2PA_TSA, url, NULL, NULL, NULL };
  ClTrustList *list = NULL;
  g_autoptr(GError) error = NULL;

  cl_trust_list_fetch_async (&source, dir, NULL, fetched_cb, &list);
  while (list == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (cl_trust_list_get_kind (list), ==, CL_TRUST_LIST_KIND_C2PA_TSA);
  cl_trust_list_unref (list);
  g_assert_true (cl_trust_store_remove_list (dir, "c2pa-tsa", &error));
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}


/* The test TSA answers a real RFC 3161 request, and its token verifies
 * against the store's time-stamping anchors only. */
static void
test_tsa_and_tsa_store (void)
{
  static const guint8 data[] = "the COSE signature bytes";
  guint8 digest[32];
  gsize digest_len = sizeof digest;
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  TS_REQ *req = TS_REQ_new ();
  TS_MSG_IMPRINT *imprint = TS_MSG_IMPRINT_new ();
  X509_ALGOR *algor = X509_ALGOR_new ();
  unsigned char *req_der = NULL;
  int req_len;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GBytes) reply = NULL;
  g_autoptr(ClHttpSession) session = cl_http_session_new (5);
  ClHttpRequest request = { .method = CL_HTTP_POST, .content_type = "application/timestamp-query",
                            .max_bytes = 1024 * 1024 };
  g_autofree char *url = cl_test_server_url (fx->server, "/tsa");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) tsa_anchors = g_ptr_array_new ();
  g_autoptr(GPtrArray) lists = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_trust_list_unref);
  g_autoptr(ClTrustStore) tsa_store = NULL;
  g_autoptr(ClTrustStore) signer_store = NULL;
  const unsigned char *p;
  TS_RESP *resp;
  int verdict;

  g_checksum_update (checksum, data, sizeof data);
  g_checksum_get_digest (checksum, digest, &digest_len);
  X509_ALGOR_set0 (algor, OBJ_nid2obj (NID_sha256), V_ASN1_NULL, NULL);
  TS_MSG_IMPRINT_set_algo (imprint, algor);
  TS_MSG_IMPRINT_set_msg (imprint, digest, (int) digest_len);
  TS_REQ_set_version (req, 1);
  TS_REQ_set_msg_imprint (req, imprint);
  TS_REQ_set_cert_req (req, 1);
  req_len = i2d_TS_REQ (req, &req_der);
  g_assert_cmpint (req_len, >, 0);
  body = g_bytes_new (req_der, (gsize) req_len);
  OPENSSL_free (req_der);
  X509_ALGOR_free (algor);
  TS_MSG_IMPRINT_free (imprint);
  TS_REQ_free (req);

  request.url = url;
  request.body = body;
  reply = cl_http_session_send (session, &request, NULL, NULL, &error);
  g_assert_no_error (error);

  g_ptr_array_add (tsa_anchors, fx->pki->root->cert);
  g_ptr_array_add (lists, cl_trust_list_new ("c2pa-tsa", CL_TRUST_LIST_KIND_C2PA_TSA, "test", 0,
                                             tsa_anchors, NULL, NULL, NULL));
  tsa_store = cl_trust_store_new (lists);
  g_ptr_array_set_size (lists, 0);
  g_ptr_array_add (lists, cl_trust_list_new ("newsroom", CL_TRUST_LIST_KIND_USER, "test", 0,
                                             tsa_anchors, NULL, NULL, NULL));
  signer_store = cl_trust_store_new (lists);

  for (int round = 0; round < 2; round++) {
    TS_VERIFY_CTX *vctx = TS_VERIFY_CTX_new ();
    /* The context owns the store and the data BIO. */
    X509_STORE *store = cl_trust_store_get_tsa_x509_store (round == 0 ? tsa_store : signer_store);

    p = g_bytes_get_data (reply, NULL);
    resp = d2i_TS_RESP (NULL, &p, (long) g_bytes_get_size (reply));
    g_assert_nonnull (resp);
    TS_VERIFY_CTX_set_flags (vctx, TS_VFY_VERSION | TS_VFY_SIGNER | TS_VFY_DATA | TS_VFY_SIGNATURE);
    TS_VERIFY_CTX_set_data (vctx, BIO_new_mem_buf (data, sizeof data));
    TS_VERIFY_CTX_set_store (vctx, store);
    verdict = TS_RESP_verify_response (vctx, resp);
    ERR_clear_error ();
    /* Round 0: the TSA list vouches for the TSA. Round 1: a signer list does not. */
    g_assert_cmpint (verdict, ==, round == 0 ? 1 : 0);
    TS_RESP_free (resp);
    TS_VERIFY_CTX_free (vctx);
  }
}


int
main (int   argc,
      char *argv[])
{
  g_autofree char *ocsp = NULL;
  g_autofree char *crl = NULL;
  g_autofree char *stall = NULL;
  g_autofree char *closed = NULL;
  int status;

  /* Only 127.0.0.1 is ever contacted; keep system proxy lookups out of it. */
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_test_init (&argc, &argv, NULL);

  fx = g_new0 (Fixture, 1);
  fx->revoked_at = g_get_real_time () / G_USEC_PER_SEC - 86400;
  fx->server = cl_test_server_new (routes);
  ocsp = cl_test_server_url (fx->server, "/ocsp");
  crl = cl_test_server_url (fx->server, "/crl");
  stall = cl_test_server_url (fx->server, "/stall");
  closed = cl_test_closed_url ("/ocsp");
  fx->pki = cl_test_pki_new (ocsp, NULL);
  tsa.pki = fx->pki;
  fx->revoked = leaf ("Revoked signer", ocsp, NULL);
  fx->ocsp_down = leaf ("OCSP down", closed, crl);
  fx->stalling = leaf ("Stalling responder", stall, NULL);
  fx->unreachable = leaf ("Unreachable responder", closed, NULL);
  fx->no_service = leaf ("No revocation service", NULL, NULL);

  g_test_add_func ("/revocation/live/good", test_live_good);
  g_test_add_func ("/revocation/live/revoked", test_live_revoked);
  g_test_add_func ("/revocation/live/revoked-after-signing", test_revoked_after_signing);
  g_test_add_func ("/revocation/crl-fallback", test_crl_fallback);
  g_test_add_func ("/revocation/responder-down", test_responder_down);
  g_test_add_func ("/revocation/responder-stalls", test_responder_stalls);
  g_test_add_func ("/revocation/no-service", test_no_service);
  g_test_add_func ("/revocation/offline", test_offline_makes_no_request);
  g_test_add_func ("/revocation/cache", test_cache);
  g_test_add_func ("/revocation/cache-announces-changes", test_cache_announces_changes);
  g_test_add_func ("/revocation/fetch-for-stapling", test_fetch_for_stapling);
  g_test_add_func ("/trust-list/fetch", test_fetch_list);
  g_test_add_func ("/trust-list/fetch-async", test_fetch_list_async);
  g_test_add_func ("/tsa/loopback", test_tsa_and_tsa_store);

  status = g_test_run ();

  cl_test_server_free (fx->server);
  cl_test_pki_free (fx->pki);
  cl_test_cred_free (fx->revoked);
  cl_test_cred_free (fx->ocsp_down);
  cl_test_cred_free (fx->stalling);
  cl_test_cred_free (fx->unreachable);
  cl_test_cred_free (fx->no_service);
  g_free (fx);
  return status;
}
