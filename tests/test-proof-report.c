/* test-proof-report.c: the report a proof keeps — whole up to CL_PROOF_REPORT_MAX_BYTES,
 * summarised above it (as a hostile file's report would be), and found again either way.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "cl-proof-cache.h"
#include "cl-test-proofs.h"

/* More codes than a summary keeps (it keeps 100, failures first). */
#define N_SUCCESS_CODES 150
#define N_FAILURE_CODES 3


/* A report shaped like credlink-cli's: verdict, validation state, the active manifest's
 * codes, and a manifest whose assertions hold @padding bytes of text. */
static JsonNode *
report_new (gsize padding)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *text = g_strnfill (padding, 'x');

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "path");
  json_builder_add_string_value (builder, "/photos/sunset.jpg");
  json_builder_set_member_name (builder, "verdict");
  json_builder_add_string_value (builder, "valid");
  json_builder_set_member_name (builder, "validation_state");
  json_builder_add_string_value (builder, "Valid");
  json_builder_set_member_name (builder, "manifests");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "urn:c2pa:aaaa");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "assertions");
  json_builder_add_string_value (builder, text);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "validation_results");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "activeManifest");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "success");
  json_builder_begin_array (builder);
  for (guint i = 0; i < N_SUCCESS_CODES; i++) {
    json_builder_begin_object (builder);
    json_builder_set_member_name (builder, "code");
    json_builder_add_string_value (builder, i == 0 ? "claimSignature.validated"
                                                   : "assertion.hashedURI.match");
    json_builder_end_object (builder);
  }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "failure");
  json_builder_begin_array (builder);
  for (guint i = 0; i < N_FAILURE_CODES; i++) {
    json_builder_begin_object (builder);
    json_builder_set_member_name (builder, "code");
    json_builder_add_string_value (builder, "assertion.dataHash.mismatch");
    json_builder_end_object (builder);
  }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}


/* The size of the largest report the cache holds, in bytes. */
static gint64
largest_row_report (ClTestProofCacheFixture *fixture)
{
  return cl_test_sqlite_int (fixture->path, "SELECT MAX (LENGTH (report_json)) FROM proofs");
}


/* The one proof of @content the cache finds by its content hash. */
static ClProof *
find_by_content (ClProofCache *cache,
                 const char   *content)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = cl_test_sha256_of (content);
  g_autoptr(GPtrArray) found = cl_proof_cache_lookup_content_hash (cache, hash, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  return cl_proof_ref (g_ptr_array_index (found, 0));
}


/* The "report" object that `credlink-cli cache show --json` prints for @proof. */
static JsonObject *
shown_report (ClProof   *proof,
              JsonNode **out_node)
{
  JsonNode *node = cl_proof_to_json (proof, FALSE);
  JsonNode *report = json_object_get_member (json_node_get_object (node), "report");

  *out_node = node;
  g_assert_true (JSON_NODE_HOLDS_OBJECT (report));
  return json_node_get_object (report);
}


static void
test_large_report_summarised (ClTestProofCacheFixture *fixture,
                              gconstpointer            data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClProofCache) cache = cl_proof_cache_open (fixture->path, &error);
  g_autoptr(ClProof) proof = cl_test_proof_verified ("hostile", "urn:c2pa:aaaa", CL_TEST_T0);
  g_autoptr(JsonNode) report = report_new (2 * CL_PROOF_REPORT_MAX_BYTES);
  g_autofree char *full = json_to_string (report, FALSE);
  g_autoptr(ClProof) found = NULL;
  g_autoptr(JsonNode) shown_node = NULL;
  JsonObject *shown, *codes, *signer;
  JsonArray *success;
  guint64 full_size = 0;

  g_assert_no_error (error);
  cl_proof_set_report (proof, report);
  cl_test_proof_store_ok (cache, proof, 365, CL_PROOF_CACHE_STORED_NEW);
  g_assert_cmpint (largest_row_report (fixture), <, 64 * 1024);

  found = find_by_content (cache, "hostile");
  g_assert_true (cl_proof_report_is_summarised (found, &full_size));
  g_assert_cmpuint (full_size, ==, strlen (full));

  shown = shown_report (found, &shown_node);
  g_assert_nonnull (strstr (json_object_get_string_member (shown, "note"), "too large"));
  g_assert_cmpint (json_object_get_int_member (shown, "full_report_bytes"), ==, strlen (full));
  g_assert_cmpstr (json_object_get_string_member (shown, "path"), ==, "/photos/sunset.jpg");
  g_assert_cmpstr (json_object_get_string_member (shown, "verdict"), ==, "valid");
  g_assert_cmpstr (json_object_get_string_member (shown, "validation_state"), ==, "Valid");
  g_assert_cmpstr (json_object_get_string_member (shown, "active_manifest"), ==, "urn:c2pa:aaaa");
  g_assert_cmpstr (json_object_get_string_member (shown, "content_hash"), ==, proof->content_hash);
  g_assert_false (json_object_has_member (shown, "manifests"));
  signer = json_object_get_object_member (shown, "signer");
  g_assert_cmpstr (json_object_get_string_member (signer, "subject"), ==, proof->signer_subject);

  /* The codes, capped in number: every failure, then the first successes. */
  codes = json_object_get_object_member (shown, "status_codes");
  success = json_object_get_array_member (codes, "success");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (codes, "failure")), ==,
                    N_FAILURE_CODES);
  g_assert_cmpuint (json_array_get_length (success), ==, 100 - N_FAILURE_CODES);
  g_assert_cmpstr (json_array_get_string_element (success, 0), ==, "claimSignature.validated");
  g_assert_cmpint (json_object_get_int_member (shown, "status_codes_left_out"), ==,
                   N_SUCCESS_CODES + N_FAILURE_CODES - 100);
}


static void
test_small_report_whole (ClTestProofCacheFixture *fixture,
                         gconstpointer            data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClProofCache) cache = cl_proof_cache_open (fixture->path, &error);
  g_autoptr(ClProof) proof = cl_test_proof_verified ("sunset", "urn:c2pa:aaaa", CL_TEST_T0);
  /* Just under the limit, codes and all. */
  g_autoptr(JsonNode) report = report_new (CL_PROOF_REPORT_MAX_BYTES - 16 * 1024);
  g_autofree char *full = json_to_string (report, FALSE);
  g_autoptr(ClProof) found = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (strlen (full), <=, CL_PROOF_REPORT_MAX_BYTES);
  cl_proof_set_report (proof, report);
  cl_test_proof_store_ok (cache, proof, 365, CL_PROOF_CACHE_STORED_NEW);

  found = find_by_content (cache, "sunset");
  g_assert_false (cl_proof_report_is_summarised (found, NULL));
  g_assert_cmpstr (found->report_json, ==, full);
}


/* A caller that sets a large report_json itself still gets a bounded row: the cache
 * summarises it from the proof's own fields. */
static void
test_store_limits_any_report (ClTestProofCacheFixture *fixture,
                              gconstpointer            data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClProofCache) cache = cl_proof_cache_open (fixture->path, &error);
  g_autoptr(ClProof) proof = cl_test_proof_verified ("harbour", "urn:c2pa:bbbb", CL_TEST_T0);
  g_autoptr(JsonNode) report = report_new (CL_PROOF_REPORT_MAX_BYTES);
  g_autoptr(ClProof) found = NULL;
  g_autoptr(JsonNode) shown_node = NULL;
  JsonObject *shown;
  gsize full_size;

  g_assert_no_error (error);
  g_free (proof->report_json);
  proof->report_json = json_to_string (report, FALSE);
  full_size = strlen (proof->report_json);
  cl_test_proof_store_ok (cache, proof, 365, CL_PROOF_CACHE_STORED_NEW);
  g_assert_true (cl_proof_report_is_summarised (proof, NULL));

  found = find_by_content (cache, "harbour");
  shown = shown_report (found, &shown_node);
  g_assert_cmpint (json_object_get_int_member (shown, "full_report_bytes"), ==, full_size);
  g_assert_cmpstr (json_object_get_string_member (shown, "verdict"), ==, "valid");
  g_assert_cmpstr (json_object_get_string_member (shown, "active_manifest"), ==, "urn:c2pa:bbbb");
  g_assert_cmpint (largest_row_report (fixture), <, 64 * 1024);
}


int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  cl_test_proof_cache_add ("/proof-report/large-summarised", test_large_report_summarised);
  cl_test_proof_cache_add ("/proof-report/small-whole", test_small_report_whole);
  cl_test_proof_cache_add ("/proof-report/store-limits-any", test_store_limits_any_report);

  return g_test_run ();
}
