/* test-validator-rules.c: rules of c2pa-rs 0.91 the validator follows, each on a file built
 * here with the test PKI, checked against our codes and, when the reference reader is
 * installed, against its verdict and failure codes.
 *
 * Untrusted time-stamp: a signer whose certificate expires a few seconds after the test
 * starts signs with a time-stamp from a TSA of a second PKI; once the certificate has
 * expired, the time-stamp's time stands only when that TSA is trusted (no clock is faked).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>

#include "cl-signer.h"
#include "cl-status-codes.h"
#include "cl-test-pki.h"
#include "cl-test-server.h"
#include "cl-test-sign-util.h"
#include "cl-test-tmp.h"
#include "cl-trust-list.h"
#include "cl-trust-store.h"
#include "cl-verification.h"

#define DAY (24 * 60 * 60)
/* Seconds the short-lived signer's certificate stays valid: room for one signature. */
#define SIGNER_VALIDITY 3


/* The trust store of the test: pki's root for signers; tsa_root (or none) for TSAs. */
static ClTrustStore *
trust_store_new (const ClTestPki *pki,
                 X509            *tsa_root)
{
  g_autoptr(GPtrArray) signers = g_ptr_array_new ();
  g_autoptr(GPtrArray) tsas = g_ptr_array_new ();
  g_autoptr(GPtrArray) lists = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_trust_list_unref);
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (signers, pki->root->cert);
  g_ptr_array_add (lists, cl_trust_list_new ("newsroom", CL_TRUST_LIST_KIND_USER, "test", 0,
                                             signers, NULL, NULL, &error));
  g_assert_no_error (error);
  if (tsa_root != NULL) {
    g_ptr_array_add (tsas, tsa_root);
    g_ptr_array_add (lists, cl_trust_list_new ("tsa", CL_TRUST_LIST_KIND_USER_TSA, "test", 0,
                                               tsas, NULL, NULL, &error));
    g_assert_no_error (error);
  }
  return cl_trust_store_new (lists);
}


static ClVerification *
verify_with (const char   *path,
             ClTrustStore *trust)
{
  ClVerifyOptions options = CL_VERIFY_OPTIONS_INIT;
  ClVerification *v;

  options.trust_store = trust;
  v = cl_verify_file (path, &options, NULL);
  g_assert_no_error (v->error);
  g_assert_nonnull (v->report);
  return v;
}


static gboolean
report_has (ClValidationReport *report,
            const char         *code)
{
  for (guint i = 0; i < report->statuses->len; i++) {
    ClStatus *s = g_ptr_array_index (report->statuses, i);

    if (s->ingredient_uri == NULL && g_str_equal (s->code, code))
      return TRUE;
  }
  return FALSE;
}


static gboolean
oracle_has (JsonObject *report,
            const char *member,
            const char *code)
{
  JsonObject *codes = json_object_get_object_member (report, "codes");
  JsonArray *list = codes != NULL ? json_object_get_array_member (codes, member) : NULL;

  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++) {
    if (g_str_equal (json_array_get_string_element (list, i), code))
      return TRUE;
  }
  return FALSE;
}


/* The reference reader, when installed, gives path the validation state and has each of
 * failures (NULL-terminated) among the active manifest's failure codes. */
static void
assert_reference (const char  *path,
                  const char  *anchors_pem,
                  const char  *state,
                  const char **failures)
{
  g_autofree char *oracle = cl_test_oracle_path ();
  g_autoptr(JsonObject) report = NULL;

  if (oracle == NULL)
    return;
  report = cl_test_oracle_read (oracle, path, anchors_pem);
  g_assert_cmpstr (json_object_get_string_member (report, "validation_state"), ==, state);
  for (guint i = 0; failures != NULL && failures[i] != NULL; i++)
    g_assert_true (oracle_has (report, "failure", failures[i]));
}


/* An untrusted time-stamp gives the signature no signing time (C2PA 2.2 §15.8.2): the
 * expired signer is judged now and fails; with the TSA trusted, its time stands. */
static void
test_untrusted_time_stamp (void)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autoptr(ClTestPki) pki = cl_test_pki_new (NULL, NULL);
  g_autoptr(ClTestPki) tsa_pki = cl_test_pki_new (NULL, NULL);
  ClTestTsa tsa = { .pki = tsa_pki, .gen_time = now };
  const ClTestRoute routes[] = { { "/tsa", cl_test_tsa_route_cb, &tsa }, { NULL, NULL, NULL } };
  g_autoptr(ClTestServer) server = NULL;
  g_autofree char *tsa_url = NULL;
  g_autofree char *dir = cl_test_tmp_dir_new ("credlink-rules", CL_TEST_TMP_UNTIL_CASE_ENDS);
  g_autofree char *input = cl_test_make_image (dir, "plain.jpg", "jpeg", 16, 16);
  g_autofree char *output = g_build_filename (dir, "stamped.jpg", NULL);
  g_autofree char *signer_anchor = g_build_filename (dir, "signer-root.pem", NULL);
  g_autofree char *both_anchors = g_build_filename (dir, "both-roots.pem", NULL);
  g_autoptr(ClTestCred) short_lived = NULL;
  g_autoptr(ClSigningProfile) profile = NULL;
  g_autoptr(ClSignResult) result = NULL;
  g_autoptr(ClTrustStore) tsa_untrusted = trust_store_new (pki, NULL);
  g_autoptr(ClTrustStore) tsa_trusted = trust_store_new (pki, tsa_pki->root->cert);
  g_autoptr(ClVerification) untrusted_v = NULL, trusted_v = NULL;
  g_autoptr(GError) error = NULL;
  STACK_OF (X509) *chain = sk_X509_new_null ();
  ClSignOptions options = { 0 };
  const char *expired[] = { CL_CODE_SIGNING_CREDENTIAL_EXPIRED, NULL };

  server = cl_test_server_new (routes);
  tsa_url = cl_test_server_url (server, "/tsa");
  short_lived = cl_test_cred_new (&(ClTestCertSpec) {
    .cn = "Short-lived Signer", .issuer = pki->intermediate,
    .key_usage = "critical,digitalSignature", .ext_key_usage = "emailProtection",
    .not_before = now - 40 * DAY, .not_after = now + SIGNER_VALIDITY,
  });
  sk_X509_push (chain, short_lived->cert);
  sk_X509_push (chain, pki->intermediate->cert);
  sk_X509_push (chain, pki->root->cert);
  profile = cl_signing_profile_new ("short-lived", chain, short_lived->key, &error);
  sk_X509_free (chain);
  g_assert_no_error (error);

  options.tsa_url = tsa_url;
  result = cl_signer_sign_file (profile, &options, input, output, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_get_real_time () / G_USEC_PER_SEC, <=, now + SIGNER_VALIDITY);
  cl_test_write_pem (signer_anchor, pki->root, NULL);
  cl_test_write_pem (both_anchors, pki->root, tsa_pki->root, NULL);
  while (g_get_real_time () / G_USEC_PER_SEC <= now + SIGNER_VALIDITY + 1)
    g_usleep (G_USEC_PER_SEC / 4);

  untrusted_v = verify_with (output, tsa_untrusted);
  g_assert_true (report_has (untrusted_v->report, CL_CODE_TIME_STAMP_UNTRUSTED));
  g_assert_true (report_has (untrusted_v->report, CL_CODE_SIGNING_CREDENTIAL_EXPIRED));
  g_assert_cmpint (untrusted_v->report->state, ==, CL_VALIDATION_STATE_INVALID);
  g_assert_nonnull (untrusted_v->trust);
  g_assert_false (untrusted_v->trust->time_is_trusted);
  g_assert_cmpint (untrusted_v->trust->judged_time, >, now + SIGNER_VALIDITY);
  /* The time-stamp's time is still shown (c2pa-rs reports it too), marked untrusted. */
  g_assert_nonnull (cl_validation_report_get_active (untrusted_v->report)->sig_time);
  assert_reference (output, signer_anchor, "Invalid", expired);

  trusted_v = verify_with (output, tsa_trusted);
  g_assert_true (report_has (trusted_v->report, CL_CODE_TIME_STAMP_TRUSTED));
  g_assert_false (report_has (trusted_v->report, CL_CODE_SIGNING_CREDENTIAL_EXPIRED));
  g_assert_cmpint (trusted_v->report->state, ==, CL_VALIDATION_STATE_TRUSTED);
  g_assert_true (trusted_v->trust->time_is_trusted);
  g_assert_cmpint (trusted_v->trust->judged_time, ==, now);
  assert_reference (output, both_anchors, "Trusted", NULL);
}


int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/validator-rules/untrusted-time-stamp", test_untrusted_time_stamp);
  return g_test_run ();
}
