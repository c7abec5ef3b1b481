/* test-cawg-ica.c: CAWG identity assertions of sig_type "cawg.identity_claims_aggregation"
 * checked as c2pa-rs 0.91 checks them, on JPEGs built here: an Ed25519 issuer (a fresh
 * OpenSSL key, named by did:jwk, or by did:web served over HTTPS on 127.0.0.1) signs a
 * W3C verifiable credential that binds the assertion's signer payload. A good credential
 * (its issuer on the trusted list or not; time-stamped by the test TSA or not), and one
 * each with a time-stamp of another signature, a bad signature, past
 * validUntil, future validFrom, no validFrom, a c2paAsset that is not the signer payload,
 * the wrong content type, an ES256 header, no COSE tag, a payload that is not JSON, an
 * unsupported DID method, a did:jwk that is not Ed25519, a did:web offline, a did:web
 * online, and a did:web whose server never answers; and the CLI's --ica-issuers. Our
 * codes, verdict and the report's identities are checked, and, when the reference reader
 * is installed (it does not go online), its verdict and codes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sys/wait.h>
#include <json-glib/json-glib.h>
#include <openssl/evp.h>

#include "cl-cose-crypto.h"
#include "cl-status-codes.h"
#include "cl-test-c2pa.h"
#include "cl-test-ica.h"
#include "cl-test-ica-jpeg.h"
#include "cl-test-pki.h"
#include "cl-test-server.h"
#include "cl-test-sign-util.h"
#include "cl-test-tls.h"
#include "cl-test-tmp.h"
#include "cl-trust-list.h"
#include "cl-trust-store.h"
#include "cl-verification.h"

#define LABEL_ACTIVE CL_TEST_ICA_LABEL_ACTIVE
#define ICA_SIG_TYPE CL_TEST_ICA_SIG_TYPE


static ClTrustStore *
trust_store_new (const ClTestPki *pki)
{
  g_autoptr(GPtrArray) signers = g_ptr_array_new ();
  g_autoptr(GPtrArray) lists = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_trust_list_unref);
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (signers, pki->root->cert);
  g_ptr_array_add (lists, cl_trust_list_new ("newsroom", CL_TRUST_LIST_KIND_USER, "test", 0,
                                             signers, NULL, NULL, &error));
  g_assert_no_error (error);
  return cl_trust_store_new (lists);
}


/* The report's identities entry of the active manifest (there is one). */
static JsonObject *
report_identity (ClValidationReport *report)
{
  g_autoptr(JsonNode) json = cl_validation_report_to_json (report);
  JsonObject *manifest = json_object_get_object_member (
    json_object_get_object_member (json_node_get_object (json), "manifests"), LABEL_ACTIVE);
  JsonArray *identities = json_object_get_array_member (manifest, "identities");

  g_assert_cmpuint (json_array_get_length (identities), ==, 1);
  return json_object_ref (json_array_get_object_element (identities, 0));
}


static gboolean
identity_has_code (JsonObject *identity,
                   const char *kind,
                   const char *code)
{
  JsonArray *list = json_object_get_array_member (
    json_object_get_object_member (identity, "validation_status"), kind);

  for (guint i = 0; i < json_array_get_length (list); i++) {
    if (g_str_equal (json_object_get_string_member (json_array_get_object_element (list, i), "code"), code))
      return TRUE;
  }
  return FALSE;
}


typedef struct {
  ClTestIcaFlaw  flaw;
  const char    *issuer;        /* NULL: the key's did:jwk */
  gboolean       trust_issuer;  /* the issuer is on the list of trusted issuers */
  gboolean       online;
  const char    *code;          /* expected */
  const char    *kind;          /* "success", "informational" or "failure" */
  EVP_PKEY      *key;           /* the issuer's; NULL: a new one */
  const char    *explanation;   /* words the code's explanation holds, or NULL */
} IcaCase;


/* What the report says the credential names, whenever the credential could be read: its
 * issuer and verified identity (made by cl_test_ica_signature). */
static void
check_identity_claims (JsonObject    *identity,
                       const IcaCase *c,
                       EVP_PKEY      *key)
{
  g_autofree char *did = cl_test_ica_did_jwk (key);
  JsonArray *verified = json_object_get_array_member (identity, "verifiedIdentities");
  JsonObject *alice, *provider;

  g_assert_cmpstr (json_object_get_string_member (identity, "issuer"), ==,
                   c->issuer != NULL ? c->issuer : did);
  g_assert_true (json_object_has_member (identity, "validFrom") == (c->flaw != CL_TEST_ICA_NO_VALID_FROM));
  g_assert_cmpuint (json_array_get_length (verified), ==, 1);
  alice = json_array_get_object_element (verified, 0);
  provider = json_object_get_object_member (alice, "provider");
  g_assert_cmpstr (json_object_get_string_member (alice, "type"), ==, "cawg.social_media");
  g_assert_cmpstr (json_object_get_string_member (alice, "name"), ==, "Alice Example");
  g_assert_cmpstr (json_object_get_string_member (alice, "username"), ==, "alice");
  g_assert_cmpstr (json_object_get_string_member (alice, "uri"), ==, "https://example.social/@alice");
  g_assert_true (json_object_has_member (alice, "verifiedAt"));
  g_assert_cmpstr (json_object_get_string_member (provider, "id"), ==, "https://example.social");
  g_assert_cmpstr (json_object_get_string_member (provider, "name"), ==, "Example Social");
}


/* Whether the checks get as far as reading the credential. */
static gboolean
credential_readable (const IcaCase *c)
{
  return c->flaw != CL_TEST_ICA_ALG_ES256 && c->flaw != CL_TEST_ICA_UNTAGGED &&
         c->flaw != CL_TEST_ICA_NOT_JSON;
}


/* Writes the JPEG of c into dir; returns its path. */
static char *
write_case (const IcaCase   *c,
            const ClTestPki *pki,
            EVP_PKEY        *key,
            const char      *issuer,
            const char      *dir)
{
  g_autoptr(GBytes) jpeg = cl_test_ica_jpeg_new (pki, key, issuer, c->flaw);
  char *path = g_build_filename (dir, "ica.jpg", NULL);

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (jpeg, NULL),
                                      (gssize) g_bytes_get_size (jpeg), NULL));
  return path;
}


/* Writes the JPEG of c, verifies it; returns the verification and the file's path. */
static ClVerification *
verify_case (const IcaCase    *c,
             const ClTestPki  *pki,
             EVP_PKEY         *key,
             const char       *dir,
             char            **path_out)
{
  g_autoptr(ClTrustStore) trust = trust_store_new (pki);
  g_autofree char *did = cl_test_ica_did_jwk (key);
  const char *issuer = c->issuer != NULL ? c->issuer : did;
  char *trusted[] = { (char *) issuer, NULL };
  ClVerifyOptions options = CL_VERIFY_OPTIONS_INIT;

  *path_out = write_case (c, pki, key, issuer, dir);
  options.trust_store = trust;
  options.online = c->online;
  options.ica_issuers = c->trust_issuer ? trusted : NULL;
  return cl_verify_file (*path_out, &options, NULL);
}


/* The identity is judged as c says, and the manifest is in state: its signer is on the
 * trust list, so Trusted unless the identity failed. c2pa-rs 0.91 counts every
 * cawg.ica.* failure against the manifest (Invalid); an untrusted issuer is only
 * information. The reference reader, when installed, agrees on both. */
static void
check_case (const IcaCase     *c,
            ClValidationState  state)
{
  static const char *const state_names[] = { "Invalid", "Valid", "Trusted" };
  g_autoptr(ClTestPki) pki = cl_test_pki_new (NULL, NULL);
  g_autoptr(EVP_PKEY) key = c->key != NULL ? EVP_PKEY_dup (c->key) : cl_test_ed25519_new ();
  g_autofree char *dir = cl_test_tmp_dir_new ("credlink-ica", CL_TEST_TMP_UNTIL_CASE_ENDS);
  g_autofree char *anchor = g_build_filename (dir, "root.pem", NULL);
  g_autofree char *oracle = cl_test_oracle_path ();
  g_autofree char *path = NULL;
  g_autoptr(ClVerification) v = verify_case (c, pki, key, dir, &path);
  g_autoptr(JsonObject) identity = NULL;

  g_assert_no_error (v->error);
  g_assert_nonnull (v->report);
  for (guint i = 0; i < v->report->statuses->len; i++) {
    ClStatus *s = g_ptr_array_index (v->report->statuses, i);

    g_test_message ("ours: %s (%s)", s->code, s->explanation);
    if (c->explanation != NULL && g_str_equal (s->code, c->code))
      g_assert_nonnull (strstr (s->explanation, c->explanation));
  }
  g_assert_true (cl_test_report_has_code (v->report, CL_CODE_SIGNING_CREDENTIAL_TRUSTED));
  g_assert_true (cl_test_report_has_code (v->report, c->code));
  /* The issuer's trust is looked at only once its signature holds. */
  g_assert_true (cl_test_report_has_code (v->report, CL_CODE_CAWG_ICA_UNTRUSTED_ISSUER) ==
                 (credential_readable (c) && !c->trust_issuer && c->issuer == NULL &&
                  c->flaw != CL_TEST_ICA_BAD_SIGNATURE));
  g_assert_cmpstr (state_names[v->report->state], ==, state_names[state]);
  identity = report_identity (v->report);
  g_assert_cmpstr (json_object_get_string_member (identity, "sig_type"), ==, ICA_SIG_TYPE);
  g_assert_true (identity_has_code (identity, c->kind, c->code));
  if (credential_readable (c))
    check_identity_claims (identity, c, key);

  /* The reference reader does not go online. */
  if (oracle != NULL && !c->online) {
    g_autoptr(JsonObject) report = NULL;
    g_autofree char *codes = NULL;

    cl_test_write_pem (anchor, pki->root, NULL);
    report = cl_test_oracle_read (oracle, path, anchor);
    codes = json_to_string (json_object_get_member (report, "codes"), FALSE);
    g_test_message ("reference: %s %s", json_object_get_string_member (report, "validation_state"),
                    codes);
    g_assert_cmpstr (json_object_get_string_member (report, "validation_state"), ==,
                     state_names[state]);
    /* The reference reader cannot be given our list of trusted issuers. */
    if (c->trust_issuer)
      g_assert_true (cl_test_oracle_has (report, "informational", CL_CODE_CAWG_ICA_UNTRUSTED_ISSUER));
    else
      g_assert_true (cl_test_oracle_has (report, c->kind, c->code));
  }
}


static void
test_good (void)
{
  const IcaCase c = { CL_TEST_ICA_GOOD, NULL, FALSE, FALSE, CL_CODE_CAWG_ICA_UNTRUSTED_ISSUER, "informational" };

  check_case (&c, CL_VALIDATION_STATE_TRUSTED);
}


/* On the list of trusted issuers, the credential is valid. */
static void
test_trusted_issuer (void)
{
  const IcaCase c = { CL_TEST_ICA_GOOD, NULL, TRUE, FALSE, CL_CODE_CAWG_ICA_CREDENTIAL_VALID, "success" };

  check_case (&c, CL_VALIDATION_STATE_TRUSTED);
}


static void
test_bad_signature (void)
{
  const IcaCase c = { CL_TEST_ICA_BAD_SIGNATURE, NULL, FALSE, FALSE, CL_CODE_CAWG_ICA_SIGNATURE_MISMATCH, "failure" };

  check_case (&c, CL_VALIDATION_STATE_INVALID);
}


static void
test_expired (void)
{
  const IcaCase c = { CL_TEST_ICA_EXPIRED, NULL, FALSE, FALSE, CL_CODE_CAWG_ICA_VALID_UNTIL_INVALID, "failure" };

  check_case (&c, CL_VALIDATION_STATE_INVALID);
}


static void
test_not_yet_valid (void)
{
  const IcaCase c = { CL_TEST_ICA_NOT_YET_VALID, NULL, FALSE, FALSE, CL_CODE_CAWG_ICA_VALID_FROM_INVALID, "failure" };

  check_case (&c, CL_VALIDATION_STATE_INVALID);
}


static void
test_payload_mismatch (void)
{
  const IcaCase c = { CL_TEST_ICA_PAYLOAD_MISMATCH, NULL, FALSE, FALSE, CL_CODE_CAWG_ICA_SIGNER_PAYLOAD_MISMATCH, "failure" };

  check_case (&c, CL_VALIDATION_STATE_INVALID);
}


static void
test_content_type (void)
{
  const IcaCase c = { CL_TEST_ICA_CONTENT_TYPE, NULL, FALSE, FALSE, CL_CODE_CAWG_ICA_INVALID_CONTENT_TYPE, "failure" };

  check_case (&c, CL_VALIDATION_STATE_INVALID);
}


/* A time-stamp of the credential's signature, and one of another signature (c2pa-rs
 * checks it without a trust list). */
static void
test_time_stamped (void)
{
  const IcaCase c = { CL_TEST_ICA_TIME_STAMPED, NULL, TRUE, FALSE, CL_CODE_CAWG_ICA_TIME_STAMP_VALIDATED, "success" };

  check_case (&c, CL_VALIDATION_STATE_TRUSTED);
}


static void
test_time_stamp_wrong (void)
{
  const IcaCase c = { CL_TEST_ICA_TIME_STAMP_WRONG, NULL, FALSE, FALSE, CL_CODE_CAWG_ICA_TIME_STAMP_INVALID, "failure" };

  check_case (&c, CL_VALIDATION_STATE_INVALID);
}


static void
test_alg_es256 (void)
{
  const IcaCase c = { CL_TEST_ICA_ALG_ES256, NULL, FALSE, FALSE, CL_CODE_CAWG_ICA_INVALID_ALG, "failure" };

  check_case (&c, CL_VALIDATION_STATE_INVALID);
}


static void
test_untagged (void)
{
  const IcaCase c = { CL_TEST_ICA_UNTAGGED, NULL, FALSE, FALSE, CL_CODE_CAWG_ICA_INVALID_COSE_SIGN1, "failure" };

  check_case (&c, CL_VALIDATION_STATE_INVALID);
}


static void
test_not_json (void)
{
  const IcaCase c = { CL_TEST_ICA_NOT_JSON, NULL, FALSE, FALSE, CL_CODE_CAWG_ICA_INVALID_VC, "failure" };

  check_case (&c, CL_VALIDATION_STATE_INVALID);
}


static void
test_no_valid_from (void)
{
  const IcaCase c = { CL_TEST_ICA_NO_VALID_FROM, NULL, FALSE, FALSE, CL_CODE_CAWG_ICA_VALID_FROM_MISSING, "failure" };

  check_case (&c, CL_VALIDATION_STATE_INVALID);
}


/* A DID method c2pa-rs does not resolve. */
static void
test_issuer_method (void)
{
  const IcaCase c = { CL_TEST_ICA_GOOD, "did:example:123456", FALSE, FALSE, CL_CODE_CAWG_ICA_INVALID_ISSUER, "failure" };

  check_case (&c, CL_VALIDATION_STATE_INVALID);
}


/* A did:jwk whose key is not Ed25519 (an X25519 key-agreement key). */
static void
test_issuer_not_ed25519 (void)
{
  g_autofree char *did = cl_test_ica_did_jwk_for (
    "{\"kty\":\"OKP\",\"crv\":\"X25519\",\"x\":\"hSDwCYkwp1R0i33ctD73Wg2_Og0mOBr066SpjqqbTmo\"}");
  const IcaCase c = { CL_TEST_ICA_GOOD, did, FALSE, FALSE, CL_CODE_CAWG_ICA_INVALID_DID_DOCUMENT, "failure" };

  check_case (&c, CL_VALIDATION_STATE_INVALID);
}


/* The did:jwk method writes base64url without padding, but c2pa-rs decodes it with
 * padding required: a key whose encoding would need "=" does not resolve there. */
static void
test_did_jwk_unpadded (void)
{
  g_autoptr(EVP_PKEY) key = cl_test_ed25519_new ();
  g_autofree char *jwk = cl_test_ica_jwk_json (key);
  g_autofree char *spaced = g_strdup_printf ("%s%s", jwk, strlen (jwk) % 3 == 0 ? " " : "");
  g_autofree char *encoded = g_base64_encode ((const guchar *) spaced, strlen (spaced));
  g_autofree char *did = NULL;
  IcaCase c = { CL_TEST_ICA_GOOD, NULL, FALSE, FALSE, CL_CODE_CAWG_ICA_INVALID_DID_DOCUMENT, "failure", key };

  encoded[strcspn (encoded, "=")] = '\0';
  g_strdelimit (encoded, "+", '-');
  g_strdelimit (encoded, "/", '_');
  did = g_strconcat ("did:jwk:", encoded, NULL);
  g_assert_cmpuint (strlen (encoded) % 4, !=, 0);
  c.issuer = did;
  check_case (&c, CL_VALIDATION_STATE_INVALID);
}


static void
test_did_web_offline (void)
{
  const IcaCase c = { CL_TEST_ICA_GOOD, "did:web:issuer.example", FALSE, FALSE, CL_CODE_CAWG_ICA_DID_UNAVAILABLE,
                      "failure", NULL, "network use is off" };

  check_case (&c, CL_VALIDATION_STATE_INVALID);
}


/* A did:web issuer whose DID document a server on 127.0.0.1 serves over HTTPS, under the
 * name ISSUER_HOST (did:web refuses IP addresses and localhost), with a certificate of
 * the test root, which the process trusts. */
#define ISSUER_HOST "ica-issuer.test"

typedef struct {
  char *did;
  char *jwk;
} DidDocument;


static void
did_document_cb (SoupServer        *server,
                 SoupServerMessage *msg,
                 const char        *path,
                 GHashTable        *query,
                 gpointer           user_data)
{
  const DidDocument *doc = user_data;
  g_autofree char *body = g_strdup_printf (
    "{\"@context\":[\"https://www.w3.org/ns/did/v1\"],\"id\":\"%s\","
    "\"assertionMethod\":[{\"id\":\"%s#key-1\",\"type\":\"JsonWebKey2020\","
    "\"controller\":\"%s\",\"publicKeyJwk\":%s}]}", doc->did, doc->did, doc->did, doc->jwk);

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "application/did+json", SOUP_MEMORY_COPY, body, strlen (body));
}


typedef struct {
  ClTestServer *server;
} Staller;


static void
stall_cb (SoupServer        *server,
          SoupServerMessage *msg,
          const char        *path,
          GHashTable        *query,
          gpointer           user_data)
{
  Staller *staller = user_data;

  cl_test_server_stall (staller->server, msg);
}


static ClTestServer *
issuer_server_new (const ClTestRoute *routes)
{
  g_autoptr(ClTestPki) pki = cl_test_pki_new (NULL, NULL);
  g_autofree char *dir = cl_test_tmp_dir_new ("credlink-ica-tls", CL_TEST_TMP_UNTIL_CASE_ENDS);
  g_autoptr(GTlsCertificate) certificate = cl_test_tls_certificate (pki, ISSUER_HOST);

  cl_test_tls_trust_root (pki, dir);
  cl_test_tls_resolve_host (ISSUER_HOST);
  return cl_test_server_new_tls (routes, certificate);
}


/* Online, the issuer's DID document is fetched and its key checks the signature. */
static void
test_did_web_https (void)
{
  g_autoptr(EVP_PKEY) key = cl_test_ed25519_new ();
  DidDocument doc = { NULL, cl_test_ica_jwk_json (key) };
  const ClTestRoute routes[] = { { "/.well-known/did.json", did_document_cb, &doc }, { NULL } };
  g_autoptr(ClTestServer) server = issuer_server_new (routes);
  IcaCase c = { CL_TEST_ICA_GOOD, NULL, TRUE, TRUE, CL_CODE_CAWG_ICA_CREDENTIAL_VALID, "success", key, NULL };

  doc.did = g_strdup_printf ("did:web:%s%%3A%u", ISSUER_HOST, cl_test_server_port (server));
  c.issuer = doc.did;
  check_case (&c, CL_VALIDATION_STATE_TRUSTED);
  g_free (doc.did);
  g_free (doc.jwk);
}


/* A server that never answers: the DID is unavailable within the 5 s the validator
 * gives it, and it says so. */
static void
test_did_web_timeout (void)
{
  Staller staller = { NULL };
  const ClTestRoute routes[] = { { "/slow", stall_cb, &staller }, { NULL } };
  g_autoptr(ClTestServer) server = issuer_server_new (routes);
  g_autofree char *did = g_strdup_printf ("did:web:%s%%3A%u:slow", ISSUER_HOST, cl_test_server_port (server));
  IcaCase c = { CL_TEST_ICA_GOOD, did, TRUE, TRUE, CL_CODE_CAWG_ICA_DID_UNAVAILABLE, "failure", NULL,
                "did not answer within 5 seconds" };
  gint64 start = g_get_monotonic_time ();

  staller.server = server;
  check_case (&c, CL_VALIDATION_STATE_INVALID);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 7 * G_USEC_PER_SEC);
}


/* credlink-cli verify --json --no-proof-cache --trust-anchors ROOT --ica-issuers LIST FILE:
 * the exit status, and the output or the error. */
static int
run_cli (const char  *anchor,
         const char  *issuers,
         const char  *file,
         char       **out,
         char       **err)
{
  const char *argv[] = { g_getenv ("CREDLINK_CLI"), "verify", "--json", "--no-proof-cache",
                         "--trust-anchors", anchor, "--ica-issuers", issuers, file, NULL };
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               out, err, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  return WEXITSTATUS (wait_status);
}


/* --ica-issuers names the trusted issuers in a file, one DID a line: the report's
 * identity then holds cawg.ica.credential_valid; a line that is not a DID is refused. */
static void
test_cli_ica_issuers (void)
{
  g_autoptr(ClTestPki) pki = cl_test_pki_new (NULL, NULL);
  g_autoptr(EVP_PKEY) key = cl_test_ed25519_new ();
  g_autofree char *dir = cl_test_tmp_dir_new ("credlink-ica-cli", CL_TEST_TMP_UNTIL_CASE_ENDS);
  g_autofree char *anchor = g_build_filename (dir, "root.pem", NULL);
  g_autofree char *issuers = g_build_filename (dir, "issuers.txt", NULL);
  g_autofree char *did = cl_test_ica_did_jwk (key);
  g_autofree char *list = g_strdup_printf ("# newsroom identity issuers\n\n%s\n", did);
  const IcaCase c = { CL_TEST_ICA_GOOD };
  g_autofree char *path = write_case (&c, pki, key, did, dir);
  g_autofree char *out = NULL, *err = NULL, *out2 = NULL, *err2 = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *report, *identity;

  if (g_getenv ("CREDLINK_CLI") == NULL) {
    g_test_skip ("CREDLINK_CLI is not set");
    return;
  }
  cl_test_write_pem (anchor, pki->root, NULL);
  g_assert_true (g_file_set_contents (issuers, list, -1, NULL));
  g_assert_cmpint (run_cli (anchor, issuers, path, &out, &err), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  g_assert_no_error (error);
  report = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (report, "validation_state"), ==, "Trusted");
  identity = json_array_get_object_element (json_object_get_array_member (
    json_object_get_object_member (json_object_get_object_member (report, "manifests"), LABEL_ACTIVE),
    "identities"), 0);
  g_assert_true (identity_has_code (identity, "success", CL_CODE_CAWG_ICA_CREDENTIAL_VALID));
  g_assert_false (identity_has_code (identity, "informational", CL_CODE_CAWG_ICA_UNTRUSTED_ISSUER));
  g_assert_cmpstr (json_object_get_string_member (identity, "issuer"), ==, did);

  g_assert_true (g_file_set_contents (issuers, "did:jwk:abc\nnewsroom.example\n", -1, NULL));
  g_assert_cmpint (run_cli (anchor, issuers, path, &out2, &err2), ==, 64);
  g_assert_nonnull (strstr (err2, "Line 2"));
}


int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cawg-ica/good", test_good);
  g_test_add_func ("/cawg-ica/trusted-issuer", test_trusted_issuer);
  g_test_add_func ("/cawg-ica/bad-signature", test_bad_signature);
  g_test_add_func ("/cawg-ica/expired", test_expired);
  g_test_add_func ("/cawg-ica/not-yet-valid", test_not_yet_valid);
  g_test_add_func ("/cawg-ica/payload-mismatch", test_payload_mismatch);
  g_test_add_func ("/cawg-ica/content-type", test_content_type);
  g_test_add_func ("/cawg-ica/time-stamped", test_time_stamped);
  g_test_add_func ("/cawg-ica/time-stamp-wrong", test_time_stamp_wrong);
  g_test_add_func ("/cawg-ica/alg-es256", test_alg_es256);
  g_test_add_func ("/cawg-ica/untagged", test_untagged);
  g_test_add_func ("/cawg-ica/not-json", test_not_json);
  g_test_add_func ("/cawg-ica/no-valid-from", test_no_valid_from);
  g_test_add_func ("/cawg-ica/issuer-method", test_issuer_method);
  g_test_add_func ("/cawg-ica/issuer-not-ed25519", test_issuer_not_ed25519);
  g_test_add_func ("/cawg-ica/did-jwk-unpadded", test_did_jwk_unpadded);
  g_test_add_func ("/cawg-ica/did-web-offline", test_did_web_offline);
  g_test_add_func ("/cawg-ica/did-web-https", test_did_web_https);
  g_test_add_func ("/cawg-ica/did-web-timeout", test_did_web_timeout);
  g_test_add_func ("/cawg-ica/cli-ica-issuers", test_cli_ica_issuers);
  return g_test_run ();
}
