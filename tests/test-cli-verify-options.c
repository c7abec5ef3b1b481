/* test-cli-verify-options.c: the options of `credlink-cli verify` (found through
 * $CREDLINK_CLI) that a C2PA conformance test needs, on files made with the test PKI:
 * --validation-time judges as of a given time instead of now, and --tsa-anchors is a
 * time-stamp trust list of its own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sys/wait.h>
#include <json-glib/json-glib.h>

#include "cl-status-codes.h"
#include "cl-test-c2pa.h"
#include "cl-test-manifests.h"
#include "cl-test-pki.h"
#include "cl-test-tmp.h"

#define DAY (24 * 60 * 60)

typedef struct {
  ClTestPki  *pki;
  ClTestCred *old_root;    /* valid from 400 days ago */
  ClTestCred *old_signer;  /* issued by old_root, valid from 300 to 200 days ago only */
  char       *dir;
  char       *pki_root_pem;
  char       *old_root_pem;
  char       *expired_jpeg;   /* signed by old_signer, no time-stamp */
  char       *stamped_jpeg;   /* signed by the PKI's signer, time-stamped by its TSA */
  gint64      now;
} Fixture;

/* What the active manifest of a test file is signed with. */
typedef struct {
  const ClTestCred  *signer;
  const ClTestCred  *issuer;   /* in the x5chain after the signer, or NULL */
  const ClTestStamp *stamp;    /* or NULL */
  gsize              size;     /* of the first manifest made, 0 before */
} SignSpec;


static GBytes *
active_manifest (guint32       start,
                 guint32       length,
                 const guint8  hash[32],
                 gpointer      user_data)
{
  SignSpec *spec = user_data;
  g_autoptr(GPtrArray) chain = cl_test_chain_der (spec->signer, spec->issuer, NULL);
  g_autoptr(GBytes) actions = cl_test_actions_created_cbor (NULL);
  g_autoptr(GBytes) binding = cl_test_data_hash_cbor (start, length, hash);
  const ClTestAssertion assertions[] = {
    { "c2pa.actions.v2", actions }, { "c2pa.hash.data", binding },
  };
  GBytes *manifest = NULL;

  /* The layout and the final manifest must have the same size, but the DER ECDSA
   * signature in a time-stamp token varies by a byte or more: the layout takes the largest
   * of several (the commonest long form; a rare short one could not be met again), and the
   * final manifest is made again until it fits. */
  for (guint attempt = 0; attempt < 64; attempt++) {
    g_autoptr(GBytes) made = cl_test_manifest_new (spec->signer->key, chain,
                                                   "urn:c2pa:5d0e3a7c-2b1f-4c6e-8a9d-7f3e2c1b0a94",
                                                   assertions, G_N_ELEMENTS (assertions), NULL,
                                                   spec->stamp);

    if (spec->size != 0 ? g_bytes_get_size (made) == spec->size
                        : manifest == NULL || g_bytes_get_size (made) > g_bytes_get_size (manifest)) {
      g_clear_pointer (&manifest, g_bytes_unref);
      manifest = g_steal_pointer (&made);
    }
    if (spec->size != 0 ? manifest != NULL : attempt == 15)
      break;
  }
  g_assert_nonnull (manifest);
  if (spec->size == 0)
    spec->size = g_bytes_get_size (manifest);
  return manifest;
}


static char *
write_jpeg (const Fixture *f,
            const char    *name,
            SignSpec      *spec)
{
  g_autoptr(GBytes) jpeg = cl_test_manifests_jpeg_new (NULL, 0, active_manifest, spec);
  char *path = g_build_filename (f->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (jpeg, NULL),
                                      (gssize) g_bytes_get_size (jpeg), NULL));
  return path;
}


static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  ClTestStamp stamp;

  f->now = g_get_real_time () / G_USEC_PER_SEC;
  f->pki = cl_test_pki_new (NULL, NULL);
  f->old_root = cl_test_cred_new (&(ClTestCertSpec) {
    .cn = "Old Test Root", .ca = TRUE, .key_usage = "critical,keyCertSign,cRLSign",
    .not_before = f->now - 400 * DAY,
  });
  f->old_signer = cl_test_cred_new (&(ClTestCertSpec) {
    .cn = "Signer Valid In The Past", .issuer = f->old_root,
    .key_usage = "critical,digitalSignature", .ext_key_usage = "emailProtection",
    .not_before = f->now - 300 * DAY, .not_after = f->now - 200 * DAY,
  });
  f->dir = cl_test_tmp_dir_new ("credlink-cli-verify-options", CL_TEST_TMP_UNTIL_REMOVED);
  f->pki_root_pem = g_build_filename (f->dir, "pki-root.pem", NULL);
  cl_test_write_pem (f->pki_root_pem, f->pki->root, NULL);
  f->old_root_pem = g_build_filename (f->dir, "old-root.pem", NULL);
  cl_test_write_pem (f->old_root_pem, f->old_root, NULL);

  f->expired_jpeg = write_jpeg (f, "expired.jpg", &(SignSpec) { f->old_signer, NULL, NULL, 0 });
  stamp = (ClTestStamp) { f->pki, f->now };
  f->stamped_jpeg = write_jpeg (f, "stamped.jpg",
                                &(SignSpec) { f->pki->signer, f->pki->intermediate, &stamp, 0 });
}


static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  cl_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->pki_root_pem);
  g_free (f->old_root_pem);
  g_free (f->expired_jpeg);
  g_free (f->stamped_jpeg);
  cl_test_cred_free (f->old_signer);
  cl_test_cred_free (f->old_root);
  cl_test_pki_free (f->pki);
}


typedef struct {
  int   status;
  char *out;
  char *err;
} Run;


static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)


/* credlink-cli verify --json --no-proof-cache ARGS… */
static void
run_verify (Run                *run,
            const char * const *args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GStrvBuilder) argv_builder = g_strv_builder_new ();
  g_auto(GStrv) argv = NULL;
  int wait_status = 0;

  g_strv_builder_add_many (argv_builder, g_getenv ("CREDLINK_CLI"), "verify", "--json",
                           "--no-proof-cache", NULL);
  g_strv_builder_addv (argv_builder, (const char **) args);
  argv = g_strv_builder_end (argv_builder);
  g_assert_true (g_spawn_sync (NULL, argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &run->out, &run->err, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
}


static JsonObject *
report_of (JsonParser *parser,
           const Run  *run)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, run->out, -1, &error));
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}


/* Whether the active manifest's validation results of kind ("success", "informational",
 * "failure") hold code. */
static gboolean
has_code (JsonObject *report,
          const char *kind,
          const char *code)
{
  JsonObject *results = json_object_get_object_member (report, "validation_results");
  JsonObject *active = json_object_get_object_member (results, "activeManifest");
  JsonArray *statuses = json_object_get_array_member (active, kind);

  for (guint i = 0; i < json_array_get_length (statuses); i++) {
    JsonObject *status = json_array_get_object_element (statuses, i);

    if (g_str_equal (json_object_get_string_member (status, "code"), code))
      return TRUE;
  }
  return FALSE;
}


static void
test_validation_time (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GDateTime) inside = g_date_time_new_from_unix_utc (f->now - 250 * DAY);
  g_autofree char *when = g_date_time_format_iso8601 (inside);
  g_auto(Run) now = { 0, };
  g_auto(Run) then = { 0, };
  g_autoptr(JsonParser) now_parser = json_parser_new ();
  g_autoptr(JsonParser) then_parser = json_parser_new ();
  JsonObject *report;

  run_verify (&now, (const char *[]) { "--trust-anchors", f->old_root_pem, f->expired_jpeg,
                                       NULL });
  g_assert_cmpint (now.status, ==, 1);
  report = report_of (now_parser, &now);
  g_assert_cmpstr (json_object_get_string_member (report, "validation_state"), ==, "Invalid");
  g_assert_true (has_code (report, "failure", CL_CODE_SIGNING_CREDENTIAL_EXPIRED));

  run_verify (&then, (const char *[]) { "--trust-anchors", f->old_root_pem,
                                        "--validation-time", when, f->expired_jpeg, NULL });
  g_assert_cmpint (then.status, ==, 0);
  report = report_of (then_parser, &then);
  g_assert_cmpstr (json_object_get_string_member (report, "validation_state"), ==, "Trusted");
  g_assert_false (has_code (report, "failure", CL_CODE_SIGNING_CREDENTIAL_EXPIRED));
  g_assert_true (has_code (report, "success", CL_CODE_SIGNING_CREDENTIAL_TRUSTED));
}


static void
test_bad_validation_time (Fixture       *f,
                          gconstpointer  data)
{
  g_auto(Run) run = { 0, };

  run_verify (&run, (const char *[]) { "--validation-time", "last tuesday", f->expired_jpeg,
                                       NULL });
  g_assert_cmpint (run.status, ==, 64);
  g_assert_nonnull (strstr (run.err, "--validation-time"));
  g_assert_nonnull (strstr (run.err, "last tuesday"));
  g_assert_cmpstr (run.out, ==, "");
}


static void
test_tsa_anchors (Fixture       *f,
                  gconstpointer  data)
{
  g_auto(Run) without = { 0, };
  g_auto(Run) with = { 0, };
  g_autoptr(JsonParser) without_parser = json_parser_new ();
  g_autoptr(JsonParser) with_parser = json_parser_new ();
  JsonObject *report;

  run_verify (&without, (const char *[]) { "--trust-anchors", f->pki_root_pem,
                                           f->stamped_jpeg, NULL });
  g_assert_cmpint (without.status, ==, 0);
  report = report_of (without_parser, &without);
  g_assert_true (has_code (report, "informational", CL_CODE_TIME_STAMP_UNTRUSTED));
  g_assert_false (has_code (report, "success", CL_CODE_TIME_STAMP_TRUSTED));

  run_verify (&with, (const char *[]) { "--trust-anchors", f->pki_root_pem,
                                        "--tsa-anchors", f->pki_root_pem,
                                        f->stamped_jpeg, NULL });
  g_assert_cmpint (with.status, ==, 0);
  report = report_of (with_parser, &with);
  g_assert_true (has_code (report, "success", CL_CODE_TIME_STAMP_TRUSTED));
  g_assert_false (has_code (report, "informational", CL_CODE_TIME_STAMP_UNTRUSTED));
}


int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  if (g_getenv ("CREDLINK_CLI") == NULL) {
    g_test_skip ("CREDLINK_CLI is not set");
    return g_test_run ();
  }
  g_test_add ("/cli-verify/validation-time", Fixture, NULL, fixture_set_up,
              test_validation_time, fixture_tear_down);
  g_test_add ("/cli-verify/validation-time-invalid", Fixture, NULL, fixture_set_up,
              test_bad_validation_time, fixture_tear_down);
  g_test_add ("/cli-verify/tsa-anchors", Fixture, NULL, fixture_set_up,
              test_tsa_anchors, fixture_tear_down);
  return g_test_run ();
}
