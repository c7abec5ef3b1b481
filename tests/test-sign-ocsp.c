/* test-sign-ocsp.c: stapling the signer's OCSP response (rVals) next to an
 * RFC 3161 time-stamp, against an OCSP responder and a TSA on 127.0.0.1 made
 * from the shared test PKI.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <openssl/ocsp.h>

#include "cl-error.h"
#include "cl-signer.h"
#include "cl-test-pki.h"
#include "cl-test-server.h"
#include "cl-test-sign-util.h"
#include "cl-test-tmp.h"

typedef struct {
  ClTestPki *pki;
  int        status;      /* V_OCSP_CERTSTATUS_* the responder answers; -1: HTTP 503 */
  gint       requests;
} Responder;

static char *work_dir;


static GBytes *
request_body (SoupServerMessage *msg)
{
  return soup_message_body_flatten (soup_server_message_get_request_body (msg));
}


static void
ocsp_cb (SoupServer        *server,
         SoupServerMessage *msg,
         const char        *path,
         GHashTable        *query,
         gpointer           user_data)
{
  Responder *responder = user_data;
  g_autoptr(GBytes) body = request_body (msg);
  const unsigned char *p = g_bytes_get_data (body, NULL);
  OCSP_REQUEST *request = d2i_OCSP_REQUEST (NULL, &p, (long) g_bytes_get_size (body));
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autoptr(GBytes) response = NULL;

  g_atomic_int_inc (&responder->requests);
  if (responder->status < 0) {
    OCSP_REQUEST_free (request);
    soup_server_message_set_status (msg, SOUP_STATUS_SERVICE_UNAVAILABLE, NULL);
    return;
  }
  response = cl_test_ocsp_response (responder->pki->signer->cert,
                                    responder->pki->intermediate->cert,
                                    responder->pki->responder, responder->status,
                                    responder->status == V_OCSP_CERTSTATUS_REVOKED ? now - 600 : 0,
                                    responder->status == V_OCSP_CERTSTATUS_REVOKED
                                    ? OCSP_REVOKED_STATUS_KEYCOMPROMISE : -1,
                                    now - 60, now + 3600, request);
  OCSP_REQUEST_free (request);
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "application/ocsp-response", SOUP_MEMORY_COPY,
                                    g_bytes_get_data (response, NULL),
                                    g_bytes_get_size (response));
}


static gboolean
has_code (JsonObject *report,
          const char *kind,
          const char *code)
{
  JsonArray *codes = json_object_get_array_member (
    json_object_get_object_member (report, "codes"), kind);

  for (guint i = 0; i < json_array_get_length (codes); i++) {
    if (g_str_equal (json_array_get_string_element (codes, i), code))
      return TRUE;
  }
  return FALSE;
}


static void
test_staple (void)
{
  Responder responder = { NULL, V_OCSP_CERTSTATUS_GOOD, 0 };
  ClTestTsa tsa = { NULL, 0, 0 };
  const ClTestRoute routes[] = {
    { "/ocsp", ocsp_cb, &responder },
    { "/tsa", cl_test_tsa_route_cb, &tsa },
    { NULL, NULL, NULL },
  };
  g_autoptr(ClTestServer) server = cl_test_server_new (routes);
  g_autofree char *ocsp_url = cl_test_server_url (server, "/ocsp");
  g_autofree char *tsa_url = cl_test_server_url (server, "/tsa");
  g_autoptr(ClTestPki) pki = cl_test_pki_new (ocsp_url, NULL);
  g_autoptr(ClSigningProfile) profile = NULL;
  g_autofree char *input = cl_test_make_image (work_dir, "ocsp.jpg", "jpeg", 80, 60);
  g_autofree char *output = g_build_filename (work_dir, "ocsp-signed.jpg", NULL);
  g_autofree char *revoked_output = g_build_filename (work_dir, "ocsp-revoked.jpg", NULL);
  g_autofree char *root_pem = g_build_filename (work_dir, "root.pem", NULL);
  g_autofree char *oracle = cl_test_oracle_path ();
  g_autoptr(ClSignResult) result = NULL;
  g_autoptr(GError) error = NULL;
  ClSignOptions options = { .tsa_url = tsa_url, .staple_ocsp = TRUE };

  responder.pki = pki;
  tsa.pki = pki;
  profile = cl_test_pki_profile (pki, "ocsp-signer");
  result = cl_signer_sign_file (profile, &options, input, output, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (result->ocsp_stapled);
  g_assert_cmpint (g_atomic_int_get (&responder.requests), ==, 1);
  g_assert_true (cl_test_file_contains (output, "rVals"));
  g_assert_true (cl_test_file_contains (output, "ocspVals"));
  g_assert_true (cl_test_file_contains (output, "sigTst2"));
  cl_test_assert_same_pixels (input, output);

  if (oracle != NULL) {
    g_autoptr(JsonObject) report = NULL;

    cl_test_write_pem (root_pem, pki->root, NULL);
    report = cl_test_oracle_read (oracle, output, root_pem);
    cl_test_oracle_assert_valid (report, output);
    g_assert_cmpstr (json_object_get_string_member (report, "validation_state"), ==, "Trusted");
    g_assert_true (has_code (report, "success", "signingCredential.ocsp.notRevoked"));
    g_assert_true (has_code (report, "success", "timeStamp.validated"));
  }

  /* A revoked certificate does not sign, and nothing is written. */
  responder.status = V_OCSP_CERTSTATUS_REVOKED;
  g_assert_null (cl_signer_sign_file (profile, &options, input, revoked_output, NULL, &error));
  g_assert_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_PROFILE);
  g_test_message ("expected failure: %s", error->message);
  g_assert_false (g_file_test (revoked_output, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* A responder that gives no answer fails the signing, naming the responder. */
  responder.status = -1;
  g_assert_null (cl_signer_sign_file (profile, &options, input, revoked_output, NULL, &error));
  g_assert_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_FAILED);
  g_test_message ("expected failure: %s", error->message);
  g_assert_nonnull (strstr (error->message, ocsp_url));
  g_assert_nonnull (strstr (error->message, "503"));
  g_assert_false (g_file_test (revoked_output, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* Stapling without a time-stamp is refused. */
  options.tsa_url = NULL;
  g_assert_null (cl_signer_sign_file (profile, &options, input, revoked_output, NULL, &error));
  g_assert_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_FAILED);
  g_assert_false (g_file_test (revoked_output, G_FILE_TEST_EXISTS));
}


static void
test_no_responder (void)
{
  ClTestTsa tsa = { NULL, 0, 0 };
  const ClTestRoute routes[] = {
    { "/tsa", cl_test_tsa_route_cb, &tsa },
    { NULL, NULL, NULL },
  };
  g_autoptr(ClTestServer) server = cl_test_server_new (routes);
  g_autofree char *tsa_url = cl_test_server_url (server, "/tsa");
  g_autoptr(ClTestPki) pki = cl_test_pki_new (NULL, NULL);
  g_autoptr(ClSigningProfile) profile = NULL;
  g_autofree char *input = cl_test_make_image (work_dir, "no-ocsp.png", "png", 40, 30);
  g_autofree char *output = g_build_filename (work_dir, "no-ocsp-signed.png", NULL);
  g_autoptr(ClSignResult) result = NULL;
  g_autoptr(GError) error = NULL;
  ClSignOptions options = { .tsa_url = tsa_url, .staple_ocsp = TRUE };

  tsa.pki = pki;
  profile = cl_test_pki_profile (pki, "ocsp-signer");
  result = cl_signer_sign_file (profile, &options, input, output, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (result->ocsp_stapled);
  g_assert_false (cl_test_file_contains (output, "rVals"));
}


int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  work_dir = cl_test_tmp_dir_new ("credlink-sign-ocsp", CL_TEST_TMP_UNTIL_EXIT);
  g_test_add_func ("/sign/ocsp/staple", test_staple);
  g_test_add_func ("/sign/ocsp/no-responder", test_no_responder);
  status = g_test_run ();
  g_free (work_dir);
  return status;
}
