/* test-interop.c: our verdicts against c2pa-rs's on the shared fixtures
 * ($CREDLINK_SHARED_DIR/c2pa-fixtures, expected/no-trust/): the same validation_state and
 * the same set of failure codes on every JPEG/PNG/WebP/GIF/TIFF and ISO BMFF file (and the same success and
 * informational codes for the active manifest, and signingCredential.ocsp.skipped for the
 * same signatures, ingredients included); a clean "unsupported format" error
 * on other formats; refusal or "Invalid" where the reference refuses the file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <json-glib/json-glib.h>

#include "cl-error.h"
#include "cl-status-codes.h"
#include "cl-trust-list.h"
#include "cl-trust-store.h"
#include "cl-validator.h"
#include "cl-verification.h"


static char *
fixtures_dir (void)
{
  const char *shared = g_getenv ("CREDLINK_SHARED_DIR");
  g_autofree char *dir = shared != NULL ? g_build_filename (shared, "c2pa-fixtures", NULL) : NULL;

  if (dir == NULL || !g_file_test (dir, G_FILE_TEST_IS_DIR))
    return NULL;
  return g_steal_pointer (&dir);
}


static void
add_codes (GPtrArray  *set,
           JsonArray  *array,
           gboolean    objects)
{
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++) {
    const char *code = objects ?
      json_object_get_string_member (json_array_get_object_element (array, i), "code") :
      json_array_get_string_element (array, i);

    if (!g_ptr_array_find_with_equal_func (set, code, g_str_equal, NULL))
      g_ptr_array_add (set, g_strdup (code));
  }
}


static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}


static char *
join_sorted (GPtrArray *set)
{
  g_ptr_array_sort (set, compare_strings);
  g_ptr_array_add (set, NULL);
  return g_strjoinv (",", (char **) set->pdata);
}


static gboolean
is_jpeg_or_png (const char *name)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);

  return g_str_has_suffix (lower, ".jpg") || g_str_has_suffix (lower, ".jpeg") ||
         g_str_has_suffix (lower, ".png") ||
         g_str_has_suffix (lower, ".tif") || g_str_has_suffix (lower, ".tiff") ||
         g_str_has_suffix (lower, ".dng") ||
         g_str_has_suffix (lower, ".webp") || g_str_has_suffix (lower, ".gif") ||
         g_str_has_suffix (lower, ".jxl") || g_str_has_suffix (lower, ".svg");
}


static gboolean
is_bmff (const char *name)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);

  return g_str_has_suffix (lower, ".heic") || g_str_has_suffix (lower, ".heif") ||
         g_str_has_suffix (lower, ".avif") || g_str_has_suffix (lower, ".mp4") ||
         g_str_has_suffix (lower, ".mov");
}


/* The codes of one kind that we give the active manifest (not its ingredients), against
 * the reference's list of that kind; NULL when they are the same set. */
static char *
compare_active_kind (const char         *file,
                     ClValidationReport *report,
                     JsonObject         *codes,
                     const char         *kind_name,
                     ClStatusKind        kind)
{
  g_autoptr(GPtrArray) ours = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) theirs = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *ours_s = NULL, *theirs_s = NULL;

  if (json_object_has_member (codes, kind_name))
    add_codes (theirs, json_object_get_array_member (codes, kind_name), FALSE);
  for (guint i = 0; i < report->statuses->len; i++) {
    ClStatus *s = g_ptr_array_index (report->statuses, i);

    if (s->kind == kind && s->ingredient_uri == NULL &&
        !g_ptr_array_find_with_equal_func (ours, s->code, g_str_equal, NULL))
      g_ptr_array_add (ours, g_strdup (s->code));
  }
  ours_s = join_sorted (ours);
  theirs_s = join_sorted (theirs);
  if (g_str_equal (ours_s, theirs_s))
    return NULL;
  return g_strdup_printf ("%s: %s [%s], reference [%s]", file, kind_name, ours_s, theirs_s);
}


/* The URLs (signatures) of the reference's signingCredential.ocsp.skipped statuses in
 * list, a validation results list {success, informational, failure}. */
static void
add_ocsp_skipped (GPtrArray  *urls,
                  JsonObject *list)
{
  JsonArray *informational = list != NULL && json_object_has_member (list, "informational")
                             ? json_object_get_array_member (list, "informational") : NULL;

  for (guint i = 0; informational != NULL && i < json_array_get_length (informational); i++) {
    JsonObject *status = json_array_get_object_element (informational, i);

    if (g_strcmp0 (json_object_get_string_member (status, "code"),
                   CL_CODE_SIGNING_CREDENTIAL_OCSP_SKIPPED) == 0 &&
        !g_ptr_array_find_with_equal_func (urls, json_object_get_string_member (status, "url"),
                                           g_str_equal, NULL))
      g_ptr_array_add (urls, g_strdup (json_object_get_string_member (status, "url")));
  }
}


/* c2pa-rs 0.91 says it skipped OCSP for each signature with no stapled response (fetching
 * is off), in the active manifest and in its ingredients: the same signatures here. */
static char *
compare_ocsp_skipped (const char         *file,
                      ClValidationReport *report,
                      JsonObject         *expected)
{
  JsonObject *raw = json_object_has_member (expected, "raw")
                    ? json_object_get_object_member (expected, "raw") : NULL;
  JsonObject *results = raw != NULL && json_object_has_member (raw, "validation_results")
                        ? json_object_get_object_member (raw, "validation_results") : NULL;
  JsonArray *deltas = results != NULL && json_object_has_member (results, "ingredientDeltas")
                      ? json_object_get_array_member (results, "ingredientDeltas") : NULL;
  g_autoptr(GPtrArray) ours = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) theirs = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *ours_s = NULL, *theirs_s = NULL;

  if (results == NULL)
    return NULL;
  if (json_object_has_member (results, "activeManifest"))
    add_ocsp_skipped (theirs, json_object_get_object_member (results, "activeManifest"));
  for (guint i = 0; deltas != NULL && i < json_array_get_length (deltas); i++)
    add_ocsp_skipped (theirs, json_object_get_object_member (
      json_array_get_object_element (deltas, i), "validationDeltas"));
  for (guint i = 0; i < report->statuses->len; i++) {
    ClStatus *s = g_ptr_array_index (report->statuses, i);

    if (g_str_equal (s->code, CL_CODE_SIGNING_CREDENTIAL_OCSP_SKIPPED) && s->url != NULL &&
        !g_ptr_array_find_with_equal_func (ours, s->url, g_str_equal, NULL))
      g_ptr_array_add (ours, g_strdup (s->url));
  }
  ours_s = join_sorted (ours);
  theirs_s = join_sorted (theirs);
  if (g_str_equal (ours_s, theirs_s))
    return NULL;
  return g_strdup_printf ("%s: signingCredential.ocsp.skipped for [%s], reference [%s]", file,
                          ours_s, theirs_s);
}


/* Returns NULL when we agree, else a description of the disagreement. */
/* store NULL: the validator alone, no anchors (c2pa-rs's default). Else the whole
 * verification (validator + trust engine) with store's lists. */
static char *
compare_one (const char   *fixtures,
             JsonObject   *expected,
             ClTrustStore *store)
{
  const char *file = json_object_get_string_member (expected, "file");
  const char *verdict = json_object_get_string_member (expected, "verdict");
  g_autofree char *path = g_build_filename (fixtures, file, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClValidationReport) report = NULL;
  g_autoptr(GPtrArray) ours = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) theirs = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) failures = NULL;
  g_autofree char *ours_s = NULL, *theirs_s = NULL;
  g_autofree char *problem = NULL;
  JsonObject *codes;
  const char *state;

  if (store == NULL) {
    report = cl_validator_verify_file (path, NULL, NULL, &error);
  } else {
    ClVerifyOptions options = CL_VERIFY_OPTIONS_INIT;
    g_autoptr(ClVerification) verification = NULL;

    options.trust_store = store;
    verification = cl_verify_file (path, &options, NULL);
    report = verification->report != NULL ? cl_validation_report_ref (verification->report) : NULL;
    if (verification->error != NULL)
      error = g_error_copy (verification->error);
  }
  if (!is_jpeg_or_png (file) && !is_bmff (file)) {
    /* Other formats: a clean unsupported-format error (or, for formats we sniff as
     * something we read, an honest result). */
    if (report == NULL && !g_error_matches (error, CL_ASSET_ERROR, CL_ASSET_ERROR_UNSUPPORTED_FORMAT))
      return g_strdup_printf ("%s: expected an unsupported-format error, got: %s", file,
                              error->message);
    return NULL;
  }
  if (g_str_equal (verdict, "error") || g_str_equal (verdict, "unsupported")) {
    if (report != NULL && report->has_manifest && report->state != CL_VALIDATION_STATE_INVALID)
      return g_strdup_printf ("%s: the reference refuses it, we say %s", file,
                              cl_validation_state_to_string (report->state));
    if (report != NULL && !report->has_manifest)
      return g_strdup_printf ("%s: the reference refuses it, we find no manifest", file);
    return NULL;
  }
  if (g_str_equal (verdict, "remote_manifest")) {
    if (!g_error_matches (error, CL_MANIFEST_ERROR, CL_MANIFEST_ERROR_REMOTE))
      return g_strdup_printf ("%s: expected a remote-manifest error", file);
    if (strstr (error->message, "http") == NULL)
      return g_strdup_printf ("%s: the remote-manifest error does not name the URL", file);
    return NULL;
  }
  if (report == NULL)
    return g_strdup_printf ("%s: %s", file, error->message);
  if (g_str_equal (verdict, "no_manifest"))
    return report->has_manifest ? g_strdup_printf ("%s: we find a manifest", file) : NULL;
  if (!report->has_manifest)
    return g_strdup_printf ("%s: we find no manifest", file);

  state = json_object_get_string_member (expected, "validation_state");
  if (g_strcmp0 (state, cl_validation_state_to_string (report->state)) != 0)
    return g_strdup_printf ("%s: state %s, reference %s", file,
                            cl_validation_state_to_string (report->state), state);
  codes = json_object_get_object_member (expected, "codes");
  add_codes (theirs, json_object_get_array_member (codes, "failure"), FALSE);
  if (json_object_has_member (expected, "ingredient_failure_codes") &&
      JSON_NODE_HOLDS_ARRAY (json_object_get_member (expected, "ingredient_failure_codes")))
    add_codes (theirs, json_object_get_array_member (expected, "ingredient_failure_codes"), FALSE);
  failures = cl_validation_report_dup_failure_codes (report);
  for (guint i = 0; failures[i] != NULL; i++)
    g_ptr_array_add (ours, g_strdup (failures[i]));
  ours_s = join_sorted (ours);
  theirs_s = join_sorted (theirs);
  if (!g_str_equal (ours_s, theirs_s))
    return g_strdup_printf ("%s: failures [%s], reference [%s]", file, ours_s, theirs_s);
  /* What passed and what is only informational must agree too: a journalist reads them. */
  problem = compare_active_kind (file, report, codes, "success", CL_STATUS_SUCCESS);
  if (problem == NULL)
    problem = compare_active_kind (file, report, codes, "informational", CL_STATUS_INFORMATIONAL);
  if (problem == NULL)
    problem = compare_ocsp_skipped (file, report, expected);
  return g_steal_pointer (&problem);
}


static void
compare_all (const char   *config,
             ClTrustStore *store)
{
  g_autofree char *fixtures = fixtures_dir ();
  g_autofree char *expected_dir = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) disagreements = g_ptr_array_new_with_free_func (g_free);
  const char *name;
  guint compared = 0;

  if (fixtures == NULL) {
    g_test_skip ("CREDLINK_SHARED_DIR/c2pa-fixtures is not available");
    return;
  }
  expected_dir = g_build_filename (fixtures, "expected", config, NULL);
  dir = g_dir_open (expected_dir, 0, NULL);
  if (dir == NULL) {
    g_test_skip ("no expected results for this configuration");
    return;
  }
  while ((name = g_dir_read_name (dir)) != NULL) {
    g_autofree char *path = g_build_filename (expected_dir, name, NULL);
    g_autoptr(JsonParser) parser = json_parser_new ();
    g_autofree char *fixture = NULL;
    g_autofree char *problem = NULL;
    JsonObject *expected;

    if (!g_str_has_suffix (name, ".json"))
      continue;
    g_assert_true (json_parser_load_from_file (parser, path, NULL));
    expected = json_node_get_object (json_parser_get_root (parser));
    fixture = g_build_filename (fixtures, json_object_get_string_member (expected, "file"), NULL);
    if (!g_file_test (fixture, G_FILE_TEST_EXISTS))
      continue;
    problem = compare_one (fixtures, expected, store);
    compared++;
    if (problem != NULL) {
      g_test_message ("%s", problem);
      g_ptr_array_add (disagreements, g_steal_pointer (&problem));
    }
  }
  g_test_message ("%u files compared with c2pa-rs, %u disagreements", compared,
                  disagreements->len);
  g_assert_cmpuint (compared, >, 0);
  g_assert_cmpuint (disagreements->len, ==, 0);
}


static void
test_interop_no_trust (void)
{
  compare_all ("no-trust", NULL);
}


/* The test roots as anchors and store.cfg as EKU list, as the reference ran. */
static void
test_interop_test_trust (void)
{
  g_autofree char *fixtures = fixtures_dir ();
  g_autofree char *anchors = NULL;
  g_autofree char *ekus = NULL;
  g_autoptr(ClTrustList) list = NULL;
  g_autoptr(ClTrustStore) store = NULL;
  g_autoptr(GPtrArray) lists = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;

  if (fixtures == NULL) {
    g_test_skip ("CREDLINK_SHARED_DIR/c2pa-fixtures is not available");
    return;
  }
  anchors = g_build_filename (fixtures, "certs", "trust", "test_cert_root_bundle.pem", NULL);
  ekus = g_build_filename (fixtures, "certs", "trust", "store.cfg", NULL);
  list = cl_trust_list_new_from_files ("test-roots", CL_TRUST_LIST_KIND_USER, anchors, NULL,
                                       ekus, &error);
  g_assert_no_error (error);
  g_ptr_array_add (lists, list);
  store = cl_trust_store_new (lists);
  compare_all ("with-test-trust", store);
}


int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/interop/no-trust", test_interop_no_trust);
  g_test_add_func ("/interop/with-test-trust", test_interop_test_trust);
  return g_test_run ();
}
