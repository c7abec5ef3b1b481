/* test-parent-time-stamp.c: a parent whose certificate expires after the image was
 * re-signed. Its ingredient recorded it as signed inside the certificate's validity, so
 * the expiry is no new failure (as c2pa-rs 0.91 judges it); and re-signing with a
 * time-stamp server time-stamps the parent's signature too (a c2pa.time-stamp assertion),
 * whose time the validator then takes as the parent's signing time. Against a TSA on
 * 127.0.0.1 made from the shared test PKI, and the reference reader when installed.
 *
 * The parent's certificate expires a few seconds after the test starts: the files are
 * signed while it is valid and verified once it has expired (no clock is faked).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <json-glib/json-glib.h>

#include "cl-signer.h"
#include "cl-test-c2pa.h"
#include "cl-test-pki.h"
#include "cl-test-server.h"
#include "cl-test-sign-util.h"
#include "cl-test-tmp.h"
#include "cl-trust-list.h"
#include "cl-trust-store.h"
#include "cl-verification.h"

#define DAY (24 * 60 * 60)
/* Seconds the parent's certificate stays valid: room for signing, even under ASan. */
#define PARENT_VALIDITY 8

typedef struct {
  ClTestTsa     tsa;
  ClTestServer *server;
  char         *tsa_url;
  ClTestPki    *pki;
  ClSigningProfile    *profile;
  char         *dir;
  char         *parent;    /* signed by a certificate that expires PARENT_VALIDITY s from now */
  gint64        parent_not_after;
  char         *root_pem;
  ClTrustStore *trust;     /* the test root for signers and for time-stamping */
} Fixture;


static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  const ClTestRoute routes[] = { { "/tsa", cl_test_tsa_route_cb, &f->tsa }, { NULL, NULL, NULL } };
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autoptr(ClTestCred) expired = NULL;
  g_autoptr(GBytes) expired_der = NULL;
  g_autoptr(ClTestSignedJpeg) jpeg = NULL;
  g_autoptr(GPtrArray) anchors = g_ptr_array_new ();
  g_autoptr(GPtrArray) lists = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_trust_list_unref);
  g_autoptr(GError) error = NULL;
  ClTestSigner signer;

  f->pki = cl_test_pki_new (NULL, NULL);
  f->tsa.pki = f->pki;
  f->server = cl_test_server_new (routes);
  f->tsa_url = cl_test_server_url (f->server, "/tsa");
  f->profile = cl_test_pki_profile (f->pki, "re-signer");
  f->dir = cl_test_tmp_dir_new ("credlink-parent-tst", CL_TEST_TMP_UNTIL_REMOVED);

  f->parent_not_after = now + PARENT_VALIDITY;
  expired = cl_test_cred_new (&(ClTestCertSpec) {
    .cn = "Short-lived Parent Signer", .issuer = f->pki->intermediate,
    .key_usage = "critical,digitalSignature", .ext_key_usage = "emailProtection",
    .not_before = now - 40 * DAY, .not_after = f->parent_not_after,
  });
  expired_der = cl_test_cred_der (expired);
  signer = (ClTestSigner) { expired->key, expired->cert, expired_der };
  jpeg = cl_test_signed_jpeg_new (&signer);
  f->parent = g_build_filename (f->dir, "parent.jpg", NULL);
  g_assert_true (g_file_set_contents (f->parent, g_bytes_get_data (jpeg->file, NULL),
                                      (gssize) g_bytes_get_size (jpeg->file), NULL));

  f->root_pem = g_build_filename (f->dir, "root.pem", NULL);
  cl_test_write_pem (f->root_pem, f->pki->root, NULL);
  g_ptr_array_add (anchors, f->pki->root->cert);
  g_ptr_array_add (lists, cl_trust_list_new ("newsroom", CL_TRUST_LIST_KIND_USER, "test", 0,
                                             anchors, NULL, NULL, &error));
  g_assert_no_error (error);
  g_ptr_array_add (lists, cl_trust_list_new ("tsa", CL_TRUST_LIST_KIND_USER_TSA, "test", 0,
                                             anchors, NULL, NULL, &error));
  g_assert_no_error (error);
  f->trust = cl_trust_store_new (lists);
}


static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->trust);
  g_clear_pointer (&f->profile, cl_signing_profile_unref);
  g_clear_pointer (&f->server, cl_test_server_free);
  cl_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->parent);
  g_free (f->root_pem);
  g_free (f->tsa_url);
  g_clear_pointer (&f->pki, cl_test_pki_free);
}


/* Signs input into name, with the TSA when with_tsa; returns the output path. */
static char *
re_sign (Fixture    *f,
         const char *input,
         const char *name,
         gboolean    with_tsa)
{
  char *output = g_build_filename (f->dir, name, NULL);
  ClSignOptions options = { .tsa_url = with_tsa ? f->tsa_url : NULL };
  g_autoptr(ClSignResult) result = NULL;
  g_autoptr(GError) error = NULL;

  result = cl_signer_sign_file (f->profile, &options, input, output, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);
  return output;
}


static ClVerification *
verify (Fixture    *f,
        const char *path)
{
  ClVerifyOptions options = CL_VERIFY_OPTIONS_INIT;
  ClVerification *v;

  options.trust_store = f->trust;
  v = cl_verify_file (path, &options, NULL);
  g_assert_no_error (v->error);
  g_assert_nonnull (v->report);
  return v;
}


/* Whether the report has code among the statuses of its ingredients. */
static gboolean
ingredient_has (ClValidationReport *report,
                const char         *code)
{
  for (guint i = 0; i < report->statuses->len; i++) {
    ClStatus *s = g_ptr_array_index (report->statuses, i);

    if (s->ingredient_uri != NULL && g_str_equal (s->code, code))
      return TRUE;
  }
  return FALSE;
}


static gboolean
oracle_ingredient_has (JsonObject *report,
                       const char *code)
{
  JsonArray *codes = json_object_get_array_member (report, "ingredient_failure_codes");

  for (guint i = 0; codes != NULL && i < json_array_get_length (codes); i++) {
    if (g_str_equal (json_array_get_string_element (codes, i), code))
      return TRUE;
  }
  return FALSE;
}


/* The reference reader, when installed, agrees on whether the parent is expired. */
static void
assert_reference_agrees (Fixture    *f,
                         const char *path,
                         gboolean    parent_expired)
{
  g_autofree char *oracle = cl_test_oracle_path ();
  g_autoptr(JsonObject) report = NULL;

  if (oracle == NULL)
    return;
  report = cl_test_oracle_read (oracle, path, f->root_pem);
  g_assert_cmpint (oracle_ingredient_has (report, "signingCredential.expired"), ==,
                   parent_expired);
}


static void
wait_for_parent_expiry (Fixture *f)
{
  while (g_get_real_time () / G_USEC_PER_SEC <= f->parent_not_after + 1)
    g_usleep (G_USEC_PER_SEC / 4);
}


/* Re-signed while the parent's certificate is valid, verified after it expired: the
 * ingredient's recorded "inside validity" stands, with or without a time-stamp server;
 * with one, the parent's signature also gets the time-stamp's time. */
static void
test_expiry_after_re_signing (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *plain = NULL, *stamped = NULL;
  g_autoptr(ClVerification) plain_v = NULL, stamped_v = NULL;
  ClManifestReport *parent;

  plain = re_sign (f, f->parent, "no-tsa.jpg", FALSE);
  g_assert_false (cl_test_file_contains (plain, "c2pa.time-stamp"));

  f->tsa.gen_time = g_get_real_time () / G_USEC_PER_SEC;
  stamped = re_sign (f, f->parent, "tsa.jpg", TRUE);
  /* One token for the parent, one for the new signature. */
  g_assert_cmpint (g_atomic_int_get (&f->tsa.requests), ==, 2);
  g_assert_true (cl_test_file_contains (stamped, "c2pa.time-stamp"));
  g_assert_cmpint (g_get_real_time () / G_USEC_PER_SEC, <, f->parent_not_after);

  wait_for_parent_expiry (f);
  plain_v = verify (f, plain);
  g_assert_false (ingredient_has (plain_v->report, "signingCredential.expired"));
  g_assert_cmpint (plain_v->report->state, ==, CL_VALIDATION_STATE_TRUSTED);
  parent = g_ptr_array_index (plain_v->report->manifests, 0);
  g_assert_null (parent->sig_time);
  assert_reference_agrees (f, plain, FALSE);

  stamped_v = verify (f, stamped);
  g_assert_false (ingredient_has (stamped_v->report, "signingCredential.expired"));
  g_assert_cmpint (stamped_v->report->state, ==, CL_VALIDATION_STATE_TRUSTED);
  /* The parent's signing time is the one the assertion gives. */
  g_assert_cmpuint (stamped_v->report->manifests->len, ==, 2);
  parent = g_ptr_array_index (stamped_v->report->manifests, 0);
  g_assert_nonnull (parent->sig_time);
  assert_reference_agrees (f, stamped, FALSE);
}


/* A parent that has a time-stamp of its own gets no second one. */
static void
test_parent_has_own (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *first = NULL, *second = NULL;

  f->tsa.gen_time = g_get_real_time () / G_USEC_PER_SEC;
  first = re_sign (f, f->parent, "first.jpg", TRUE);
  g_assert_cmpint (g_atomic_int_get (&f->tsa.requests), ==, 2);
  g_atomic_int_set (&f->tsa.requests, 0);
  second = re_sign (f, first, "second.jpg", TRUE);
  g_assert_cmpint (g_atomic_int_get (&f->tsa.requests), ==, 1);
}


int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/parent-time-stamp/expiry-after-re-signing", Fixture, NULL, fixture_set_up,
              test_expiry_after_re_signing, fixture_tear_down);
  g_test_add ("/parent-time-stamp/parent-has-own", Fixture, NULL, fixture_set_up,
              test_parent_has_own, fixture_tear_down);
  return g_test_run ();
}
