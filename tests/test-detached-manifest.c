/* test-detached-manifest.c: credentials kept in a .c2pa file of their own. The sidecar
 * next to an image without credentials is read (and the report says so), not when the
 * image carries its own or when asked not to; a manifest file named by the person is
 * read instead of what the image carries; a detached store whose data hash excludes
 * bytes only holds where a store really sits in the image (as for a remote manifest);
 * a .c2pa verified alone is described as a store without its image, with the
 * reference's verdict; a sidecar that is not a manifest store is an error that names it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sys/wait.h>

#include "cl-asset.h"
#include "cl-error.h"
#include "cl-test-c2pa.h"
#include "cl-test-sign-util.h"
#include "cl-test-tmp.h"
#include "cl-verification.h"

static char *work_dir;


static char *
write_file (const char *name,
            GBytes     *bytes)
{
  char *path = g_build_filename (work_dir, name, NULL);

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL),
                                      (gssize) g_bytes_get_size (bytes), NULL));
  return path;
}


static ClVerification *
verify (const char *path,
        const char *manifest_path,
        gboolean    no_sidecar)
{
  ClVerifyOptions options = CL_VERIFY_OPTIONS_INIT;
  g_autoptr(ClTrustStore) no_lists = cl_trust_store_new (NULL);

  options.trust_store = no_lists;
  options.manifest_path = manifest_path;
  options.no_sidecar = no_sidecar;
  return cl_verify_file (path, &options, NULL);
}


/* A store binding the whole of image (no exclusion), as a detached manifest does. */
static GBytes *
detached_store_for (ClTestSigner *signer,
                    GBytes       *image)
{
  g_autoptr(GPtrArray) chain = g_ptr_array_new ();
  g_autoptr(GBytes) data_hash = NULL;
  guint8 digest[32];
  gsize digest_len = sizeof digest;
  GChecksum *checksum = g_checksum_new (G_CHECKSUM_SHA256);

  g_checksum_update (checksum, g_bytes_get_data (image, NULL), g_bytes_get_size (image));
  g_checksum_get_digest (checksum, digest, &digest_len);
  g_checksum_free (checksum);
  data_hash = cl_test_data_hash_cbor (0, 0, digest);
  g_ptr_array_add (chain, signer->cert_der);
  return cl_test_store_new (signer->key, chain, "urn:c2pa:6a8b9c2d-0000-4000-8000-000000000001",
                            "c2pa.hash.data", data_hash);
}


static void
test_sidecar (void)
{
  g_autoptr(ClTestSigner) signer = cl_test_signer_new (1, 365);
  g_autoptr(GBytes) plain = cl_test_plain_jpeg ();
  g_autoptr(GBytes) store = detached_store_for (signer, plain);
  g_autofree char *image = write_file ("photo.jpg", plain);
  g_autofree char *sidecar = write_file ("photo.c2pa", store);
  g_autoptr(ClVerification) found = verify (image, NULL, FALSE);
  g_autoptr(ClVerification) ignored = verify (image, NULL, TRUE);
  g_autoptr(JsonNode) json = NULL;
  JsonObject *detached;

  g_assert_no_error (found->error);
  g_assert_true (found->report->has_manifest);
  /* (The test signer's self-signed certificate is no valid C2PA signer: the binding is
   * what this is about.) */
  g_assert_true (cl_test_report_has_code (found->report, "assertion.dataHash.match"));
  g_assert_false (cl_test_report_has_code (found->report, "assertion.dataHash.mismatch"));
  g_assert_cmpstr (found->manifest_file, ==, sidecar);
  g_assert_true (found->manifest_file_is_sidecar);
  g_assert_nonnull (strstr (found->reason, "found next to the image"));
  json = cl_verification_to_json (found);
  detached = json_object_get_object_member (json_node_get_object (json), "detached_manifest");
  g_assert_nonnull (detached);
  g_assert_cmpstr (json_object_get_string_member (detached, "path"), ==, sidecar);
  g_assert_true (json_object_get_boolean_member (detached, "sidecar"));

  g_assert_cmpint (ignored->verdict, ==, CL_VERDICT_NO_CREDENTIALS);
  g_assert_null (ignored->manifest_file);
}


/* An image with credentials of its own keeps them; a sidecar next to it is not read. */
static void
test_sidecar_not_over_embedded (void)
{
  g_autoptr(ClTestSigner) signer = cl_test_signer_new (1, 365);
  g_autoptr(ClTestSignedJpeg) jpeg = cl_test_signed_jpeg_new (signer);
  g_autoptr(GBytes) junk = g_bytes_new_static ("not a store", 11);
  g_autofree char *image = write_file ("signed.jpg", jpeg->file);
  g_autofree char *sidecar = write_file ("signed.c2pa", junk);
  g_autoptr(ClVerification) v = verify (image, NULL, FALSE);

  g_assert_no_error (v->error);
  g_assert_true (cl_test_report_has_code (v->report, "assertion.dataHash.match"));
  g_assert_null (v->manifest_file);
  g_assert_cmpstr (v->report->active_label, ==, jpeg->manifest_label);
}


/* A sidecar that is no manifest store is an error naming it, not "no credentials". */
static void
test_sidecar_not_a_store (void)
{
  g_autoptr(GBytes) plain = cl_test_plain_jpeg ();
  g_autoptr(GBytes) junk = g_bytes_new_static ("not a store", 11);
  g_autofree char *image = write_file ("other.jpg", plain);
  g_autofree char *sidecar = write_file ("other.c2pa", junk);
  g_autoptr(ClVerification) v = verify (image, NULL, FALSE);

  g_assert_cmpint (v->verdict, ==, CL_VERDICT_ERROR);
  g_assert_nonnull (v->error);
  g_assert_nonnull (strstr (v->error->message, sidecar));
}


/* The store of a signed JPEG excludes its APP11 segment. Given as a manifest file for the
 * same JPEG, the exclusion holds a store and the binding matches. In a copy whose APP11
 * marker became a comment's, every byte outside the exclusion is the same, but what it
 * hides is no store: refused, as for a remote manifest (C2PA 2.2 §15.12.1). */
static void
test_given_manifest_exclusions (void)
{
  g_autoptr(ClTestSigner) signer = cl_test_signer_new (1, 365);
  g_autoptr(ClTestSignedJpeg) jpeg = cl_test_signed_jpeg_new (signer);
  g_autoptr(GBytes) commented = NULL;
  g_autoptr(ClAssetInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *image = write_file ("embedded.jpg", jpeg->file);
  g_autofree char *manifest = NULL, *commented_path = NULL;
  g_autoptr(ClVerification) same = NULL;
  g_autoptr(ClVerification) hidden = NULL;

  info = cl_asset_read_file (image, NULL, &error);
  g_assert_no_error (error);
  manifest = write_file ("credentials.c2pa", info->store);
  /* FF EB (APP11) becomes FF FE (COM). */
  commented = cl_test_flip_byte (jpeg->file, jpeg->store_offset + 1, 0xEB ^ 0xFE);
  commented_path = write_file ("commented.jpg", commented);

  same = verify (image, manifest, FALSE);
  g_assert_no_error (same->error);
  g_assert_true (cl_test_report_has_code (same->report, "assertion.dataHash.match"));
  g_assert_false (cl_test_report_has_code (same->report, "assertion.dataHash.mismatch"));
  g_assert_cmpstr (same->manifest_file, ==, manifest);
  g_assert_false (same->manifest_file_is_sidecar);

  hidden = verify (commented_path, manifest, FALSE);
  g_assert_no_error (hidden->error);
  g_assert_cmpstr (hidden->manifest_file, ==, manifest);
  g_assert_cmpint (hidden->verdict, ==, CL_VERDICT_INVALID);
  g_assert_true (cl_test_report_has_code (hidden->report, "assertion.dataHash.mismatch"));
}


/* A .c2pa alone: its manifests and signer, its binding reported as c2pa-rs reports it. */
static void
test_store_alone (void)
{
  g_autoptr(ClTestSigner) signer = cl_test_signer_new (1, 365);
  g_autoptr(ClTestSignedJpeg) jpeg = cl_test_signed_jpeg_new (signer);
  g_autofree char *image = write_file ("source.jpg", jpeg->file);
  g_autoptr(ClAssetInfo) info = cl_asset_read_file (image, NULL, NULL);
  g_autofree char *alone = write_file ("alone.c2pa", info->store);
  g_autofree char *oracle = cl_test_oracle_path ();
  g_autoptr(ClVerification) v = verify (alone, NULL, FALSE);
  g_autoptr(JsonNode) json = cl_verification_to_json (v);

  g_assert_no_error (v->error);
  g_assert_true (v->report->has_manifest);
  g_assert_cmpstr (v->report->active_label, ==, jpeg->manifest_label);
  g_assert_cmpint (v->report->format, ==, CL_ASSET_FORMAT_C2PA);
  g_assert_true (cl_test_report_has_code (v->report, "claimSignature.validated"));
  g_assert_true (cl_test_report_has_code (v->report, "assertion.dataHash.mismatch"));
  g_assert_nonnull (strstr (v->reason, "without the image"));
  g_assert_null (v->manifest_file);
  g_assert_true (json_object_get_boolean_member (json_node_get_object (json),
                                                 "manifest_store_only"));
  if (oracle != NULL) {
    g_autoptr(JsonObject) reference = cl_test_oracle_read (oracle, alone, NULL);

    g_assert_cmpstr (json_object_get_string_member (reference, "validation_state"), ==,
                     cl_validation_state_to_string (v->report->state));
    g_assert_true (cl_test_oracle_has (reference, "failure", "assertion.dataHash.mismatch"));
  }
}


/* credlink-cli verify ARGS…: its output, exit status in *status. */
static char *
run_cli (const char * const *args,
         int                *status)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) argv = NULL;
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int wait_status = 0;

  g_strv_builder_add_many (builder, g_getenv ("CREDLINK_CLI"), "verify", "--no-proof-cache",
                           NULL);
  g_strv_builder_addv (builder, (const char **) args);
  argv = g_strv_builder_end (builder);
  g_assert_true (g_spawn_sync (NULL, argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out,
                               NULL, &wait_status, &error));
  g_assert_no_error (error);
  *status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
  return out;
}


/* The command line: the sidecar is named in the text and the JSON; --manifest reads a
 * file of another name and checks one image only. */
static void
test_cli (void)
{
  g_autoptr(ClTestSigner) signer = cl_test_signer_new (1, 365);
  g_autoptr(GBytes) plain = cl_test_plain_jpeg ();
  g_autoptr(GBytes) store = detached_store_for (signer, plain);
  g_autofree char *image = write_file ("cli.jpg", plain);
  g_autofree char *sidecar = write_file ("cli.c2pa", store);
  g_autofree char *other = write_file ("elsewhere.c2pa", store);
  g_autofree char *text = NULL, *json = NULL, *given = NULL, *two = NULL;
  g_autofree char *sidecar_line = g_strdup_printf ("Manifest file: %s (found next to the image)",
                                                   sidecar);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *detached;
  g_autofree char *given_line = g_strdup_printf ("Manifest file: %s\n", other);
  int status;

  if (g_getenv ("CREDLINK_CLI") == NULL) {
    g_test_skip ("CREDLINK_CLI is not set");
    return;
  }
  text = run_cli ((const char *[]) { image, NULL }, &status);
  g_assert_nonnull (strstr (text, sidecar_line));
  json = run_cli ((const char *[]) { "--json", image, NULL }, &status);
  g_assert_true (json_parser_load_from_data (parser, json, -1, NULL));
  detached = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)),
                                            "detached_manifest");
  g_assert_nonnull (detached);
  g_assert_cmpstr (json_object_get_string_member (detached, "path"), ==, sidecar);
  given = run_cli ((const char *[]) { "--manifest", other, image, NULL }, &status);
  g_assert_nonnull (strstr (given, given_line));
  two = run_cli ((const char *[]) { "--manifest", other, image, image, NULL }, &status);
  g_assert_cmpint (status, ==, 64);
}


int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  work_dir = cl_test_tmp_dir_new ("credlink-detached", CL_TEST_TMP_UNTIL_EXIT);
  g_test_add_func ("/detached-manifest/sidecar", test_sidecar);
  g_test_add_func ("/detached-manifest/sidecar-not-over-embedded", test_sidecar_not_over_embedded);
  g_test_add_func ("/detached-manifest/sidecar-not-a-store", test_sidecar_not_a_store);
  g_test_add_func ("/detached-manifest/given-manifest-exclusions", test_given_manifest_exclusions);
  g_test_add_func ("/detached-manifest/store-alone", test_store_alone);
  g_test_add_func ("/detached-manifest/cli", test_cli);
  return g_test_run ();
}
