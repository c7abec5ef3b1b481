/* test-sign-timestamp.c: signing with a time-stamp from an RFC 3161 server on 127.0.0.1
 * (OpenSSL's TS_RESP_CTX behind a SoupServer): the token in the signature, a token larger
 * than the room reserved for it, and a server that answers wrongly or not at all.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <libsoup/soup.h>
#include <openssl/ts.h>
#include <openssl/x509v3.h>

#include "cl-error.h"
#include "cl-sign-record.h"
#include "cl-signer.h"
#include "cl-test-sign-util.h"
#include "cl-test-signing.h"
#include "cl-test-tmp.h"
#include "cl-tsa-client.h"

static char *work_dir;


/* A time-stamp authority on 127.0.0.1, made with OpenSSL's TS_RESP_CTX. */
typedef struct {
  X509     *cert;
  EVP_PKEY *key;
  X509     *ca;
  gboolean  wrong_nonce;
  guint     http_status;     /* 0: answer normally */
  gboolean  wrong_type;
  gboolean  big_token;       /* more certificates than the signer reserves room for */
  guint     requests;
} Tsa;


static X509 *
make_tsa_cert (const char *cn,
               EVP_PKEY   *key,
               X509       *issuer,
               EVP_PKEY   *issuer_key)
{
  X509 *cert = X509_new ();
  X509V3_CTX ctx;
  X509_EXTENSION *ext;
  const char *const *values;
  static const char *const ca_exts[] = { "critical,CA:TRUE", "critical,keyCertSign", "hash",
                                         NULL };
  static const char *const leaf_exts[] = { "critical,CA:FALSE", "critical,digitalSignature",
                                           "hash", "critical,timeStamping", "keyid:always" };
  static const int nids[] = { NID_basic_constraints, NID_key_usage,
                              NID_subject_key_identifier, NID_ext_key_usage,
                              NID_authority_key_identifier };

  ASN1_INTEGER_set (X509_get_serialNumber (cert), issuer == NULL ? 1 : 2);
  X509_set_version (cert, X509_VERSION_3);
  X509_gmtime_adj (X509_getm_notBefore (cert), -3600);
  X509_gmtime_adj (X509_getm_notAfter (cert), 3600 * 24);
  X509_NAME_add_entry_by_txt (X509_get_subject_name (cert), "O", MBSTRING_UTF8,
                              (const guchar *) "CredLink tests", -1, -1, 0);
  X509_NAME_add_entry_by_txt (X509_get_subject_name (cert), "CN", MBSTRING_UTF8,
                              (const guchar *) cn, -1, -1, 0);
  X509_set_issuer_name (cert, X509_get_subject_name (issuer != NULL ? issuer : cert));
  X509_set_pubkey (cert, key);
  X509V3_set_ctx (&ctx, issuer != NULL ? issuer : cert, cert, NULL, NULL, 0);
  values = issuer == NULL ? ca_exts : leaf_exts;
  for (int i = 0; i < 5 && values[i] != NULL; i++) {
    ext = X509V3_EXT_conf_nid (NULL, &ctx, nids[i], values[i]);
    g_assert_nonnull (ext);
    X509_add_ext (cert, ext, -1);
    X509_EXTENSION_free (ext);
  }
  g_assert_cmpint (X509_sign (cert, issuer_key, EVP_sha256 ()), >, 0);
  return cert;
}


static void
tsa_handler (SoupServer        *server,
             SoupServerMessage *msg,
             const char        *path,
             GHashTable        *query,
             gpointer           user_data)
{
  Tsa *tsa = user_data;
  g_autoptr(GBytes) body = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  const unsigned char *p = g_bytes_get_data (body, NULL);
  TS_REQ *req = d2i_TS_REQ (NULL, &p, (long) g_bytes_get_size (body));
  TS_RESP_CTX *ctx = TS_RESP_CTX_new ();
  ASN1_OBJECT *policy;
  unsigned char *der = NULL;
  int der_len;
  BIO *bio;
  TS_RESP *resp;

  tsa->requests++;
  if (tsa->http_status != 0) {
    soup_server_message_set_status (msg, tsa->http_status, NULL);
    TS_RESP_CTX_free (ctx);
    TS_REQ_free (req);
    return;
  }
  if (tsa->wrong_type) {
    soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
    soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_STATIC, "<html/>", 7);
    TS_RESP_CTX_free (ctx);
    TS_REQ_free (req);
    return;
  }
  g_assert_nonnull (req);
  g_assert_cmpstr (soup_message_headers_get_content_type (
                     soup_server_message_get_request_headers (msg), NULL), ==,
                   "application/timestamp-query");
  if (tsa->wrong_nonce) {
    ASN1_INTEGER *nonce = ASN1_INTEGER_new ();

    ASN1_INTEGER_set (nonce, 42);
    TS_REQ_set_nonce (req, nonce);
    ASN1_INTEGER_free (nonce);
  }
  der_len = i2d_TS_REQ (req, &der);
  bio = BIO_new_mem_buf (der, der_len);
  TS_RESP_CTX_set_signer_cert (ctx, tsa->cert);
  TS_RESP_CTX_set_signer_key (ctx, tsa->key);
  TS_RESP_CTX_set_signer_digest (ctx, EVP_sha256 ());
  policy = OBJ_txt2obj ("1.3.6.1.4.1.4146.2.3", 1);
  TS_RESP_CTX_set_def_policy (ctx, policy);   /* copies it */
  ASN1_OBJECT_free (policy);
  TS_RESP_CTX_add_md (ctx, EVP_sha256 ());
  if (tsa->big_token) {
    STACK_OF (X509) *extra = sk_X509_new_null ();

    for (int i = 0; i < 40; i++)
      sk_X509_push (extra, tsa->ca);
    TS_RESP_CTX_set_certs (ctx, extra);   /* copies */
    sk_X509_free (extra);
  }
  resp = TS_RESP_create_response (ctx, bio);
  g_assert_nonnull (resp);
  BIO_free (bio);
  OPENSSL_free (der);
  der = NULL;
  der_len = i2d_TS_RESP (resp, &der);
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "application/timestamp-reply", SOUP_MEMORY_COPY,
                                    (const char *) der, der_len);
  OPENSSL_free (der);
  TS_RESP_free (resp);
  TS_RESP_CTX_free (ctx);
  TS_REQ_free (req);
}


static gboolean
contains (const void *haystack,
          gsize       haystack_len,
          const void *needle,
          gsize       needle_len)
{
  for (gsize i = 0; i + needle_len <= haystack_len; i++) {
    if (memcmp ((const guint8 *) haystack + i, needle, needle_len) == 0)
      return TRUE;
  }
  return FALSE;
}


/* The token is in the signature: the DER of our TSA certificate shows up. */
static void
assert_token_in_signature (const char *output,
                           X509       *tsa_cert)
{
  g_autofree char *contents = NULL;
  unsigned char *cert_der = NULL;
  int cert_len = i2d_X509 (tsa_cert, &cert_der);
  gsize len;

  g_assert_true (g_file_get_contents (output, &contents, &len, NULL));
  g_assert_true (contains (contents, len, "sigTst2", 7));
  g_assert_true (contains (contents, len, cert_der, cert_len));
  OPENSSL_free (cert_der);
}


static void
sign_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}


/* Signs input into output with the asynchronous API every signing path shares
 * (cl_sign_record_sign_file_async, here without a proof cache), iterating this thread's main context
 * (from which the time-stamp server answers) until it is done. */
static ClSignResult *
sign_async (ClSigningProfile    *profile,
            const ClSignOptions *options,
            const char          *input,
            const char          *output,
            GError             **error)
{
  g_autoptr(GAsyncResult) async_result = NULL;

  cl_sign_record_sign_file_async (profile, options, NULL, input, output, NULL, sign_done_cb,
                                  &async_result);
  while (async_result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return cl_sign_record_sign_file_finish (async_result, error);
}


static gint thread_done;


static gpointer
timestamp_thread (gpointer data)
{
  const char *url = data;
  GError *error = NULL;
  GBytes *token = cl_tsa_client_timestamp (url, (const guint8 *) "abc", 3, NULL, &error);

  g_assert_null (token);
  g_atomic_int_set (&thread_done, 1);
  g_main_context_wakeup (NULL);
  return error;
}


static void
assert_timestamp_fails (const char *url,
                        Tsa        *tsa)
{
  GThread *thread;
  GError *error;

  /* The server answers from this thread's main context. */
  g_atomic_int_set (&thread_done, 0);
  thread = g_thread_new ("tsa", timestamp_thread, (gpointer) url);
  while (!g_atomic_int_get (&thread_done))
    g_main_context_iteration (NULL, TRUE);
  error = g_thread_join (thread);
  g_assert_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_TIMESTAMP);
  g_test_message ("expected failure: %s", error->message);
  g_error_free (error);
}


static void
test_timestamp (void)
{
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClSigningProfile) profile = cl_test_signing_profile_new ("Parts signer",
                                                                     CL_COSE_ALG_ES256);
  g_autofree char *input = cl_test_make_image (work_dir, "ts.jpg", "jpeg", 64, 64);
  g_autofree char *output = g_build_filename (work_dir, "ts-signed.jpg", NULL);
  g_autofree char *refused = g_build_filename (work_dir, "ts-refused.jpg", NULL);
  g_autofree char *url = NULL;
  g_autofree char *oracle = cl_test_oracle_path ();
  g_autoptr(ClSignResult) result = NULL;
  EVP_PKEY *ca_key = EVP_PKEY_Q_keygen (NULL, NULL, "EC", "P-256");
  Tsa tsa = { 0, };
  ClSignOptions options = { 0, };
  GSList *uris;

  tsa.key = EVP_PKEY_Q_keygen (NULL, NULL, "EC", "P-256");
  tsa.ca = make_tsa_cert ("Test TSA root", ca_key, NULL, ca_key);
  tsa.cert = make_tsa_cert ("Test TSA", tsa.key, tsa.ca, ca_key);
  soup_server_add_handler (server, "/tsa", tsa_handler, &tsa, NULL);
  g_assert_true (soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  url = g_strdup_printf ("http://127.0.0.1:%d/tsa", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  options.tsa_url = url;
  result = sign_async (profile, &options, input, output, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);
  g_assert_cmpuint (tsa.requests, ==, 1);
  assert_token_in_signature (output, tsa.cert);
  cl_test_assert_same_pixels (input, output);
  if (oracle != NULL) {
    g_autoptr(JsonObject) report = cl_test_oracle_read (oracle, output, NULL);
    JsonArray *success = json_object_get_array_member (
      json_object_get_object_member (report, "codes"), "success");
    gboolean validated = FALSE;

    cl_test_oracle_assert_valid (report, output);
    for (guint i = 0; i < json_array_get_length (success); i++)
      validated |= g_str_equal (json_array_get_string_element (success, i),
                                "timeStamp.validated");
    g_assert_true (validated);
  }

  /* A token larger than the reservation: the signer reserves more and asks again. */
  {
    g_autofree char *big = g_build_filename (work_dir, "ts-big.jpg", NULL);
    g_autoptr(ClSignResult) big_result = NULL;
    guint before = tsa.requests;

    tsa.big_token = TRUE;
    big_result = sign_async (profile, &options, input, big, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (tsa.requests, ==, before + 2);
    g_assert_cmpuint (big_result->store_length, >, 20000);
    tsa.big_token = FALSE;
    if (oracle != NULL) {
      g_autoptr(JsonObject) report = cl_test_oracle_read (oracle, big, NULL);

      cl_test_oracle_assert_valid (report, big);
    }
  }

  /* A TSA that answers a different request is refused, and nothing is written. */
  tsa.wrong_nonce = TRUE;
  g_assert_null (sign_async (profile, &options, input, refused, &error));
  g_assert_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_TIMESTAMP);
  g_assert_false (g_file_test (refused, G_FILE_TEST_EXISTS));

  /* HTTP errors, a wrong content type and an unreachable server are errors too. */
  tsa.wrong_nonce = FALSE;
  tsa.http_status = SOUP_STATUS_INTERNAL_SERVER_ERROR;
  assert_timestamp_fails (url, &tsa);
  tsa.http_status = 0;
  tsa.wrong_type = TRUE;
  assert_timestamp_fails (url, &tsa);
  soup_server_disconnect (server);
  assert_timestamp_fails (url, &tsa);
  assert_timestamp_fails ("ftp://127.0.0.1/tsa", &tsa);

  X509_free (tsa.cert);
  X509_free (tsa.ca);
  EVP_PKEY_free (tsa.key);
  EVP_PKEY_free (ca_key);
}


int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  work_dir = cl_test_tmp_dir_new ("credlink-sign-timestamp", CL_TEST_TMP_UNTIL_EXIT);

  g_test_add_func ("/sign/timestamp", test_timestamp);
  status = g_test_run ();

  g_free (work_dir);
  return status;
}
