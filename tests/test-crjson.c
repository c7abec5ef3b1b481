/* test-crjson.c: our crJSON document (verify --crjson) against c2pa-rs's (the reference
 * reader's --crjson, c2pa-rs 0.92) on every shared fixture, without and with the test trust
 * anchors; and the trust list that decided a Trusted verdict, named in the report and in
 * the document.
 *
 * Compared field for field, after taking out only what cannot be the same:
 *   - "validationTime" (the time of the run) and "jsonGenerator" (who wrote the document);
 *   - our "extras:…" members (the trust list, which c2pa-rs does not write);
 *   - the "explanation" of each status: free text for people (the specification defines
 *     no wording); ours are CredLink's own where the trust engine judged the signer;
 *   - the order of the statuses within success, informational and failure (the order in
 *     which each validator happens to log them; compared as sets).
 * Where our validator's results themselves differ from c2pa-rs 0.92 (known_differences
 * below), the document is compared without its validation results. Files without
 * credentials (for us) are left to test-interop, which checks that c2pa-rs finds none
 * either, or refuses them; files in a format we do not read yet are skipped.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "cl-error.h"
#include "cl-test-sign-util.h"
#include "cl-trust-list.h"
#include "cl-trust-store.h"
#include "cl-verification-crjson.h"
#include "cl-verification.h"

/* Reference readers run at once. */
#define ORACLE_BATCH 6

/* Where our validation results differ from c2pa-rs 0.92's — the validator's business, not
 * the serialisation's. NULL why: c2pa-rs refuses to read the file (no document), where we
 * read it and call the credentials Invalid. */
static const struct {
  const char *file;
  const char *why;
} known_differences[] = {
  { "ocsp.jpg", "c2pa-rs 0.92 adds signingCredential.ocsp.skipped beside a stapled OCSP "
                "response; 0.91 (the interop baseline) and we do not" },
  { "ocsp_with_assertion.jpg", "the same as ocsp.jpg" },
  { "tampered-manifest-c2pa-node-es256.jpg", "c2pa-rs gives assertion.action.malformed the "
                                             "bare manifest label as url, we a JUMBF URI" },
  { "c2pa-ts-localsigner-es256-DER-ecdsa.jpg", "c2pa-rs gives signingCredential.invalid the "
                                               "url \"Cose_Sign1\", we the signature's URI" },
  { "no_alg.jpg", NULL },
};


static char *
fixtures_dir (void)
{
  const char *shared = g_getenv ("CREDLINK_SHARED_DIR");
  g_autofree char *dir = shared != NULL ? g_build_filename (shared, "c2pa-fixtures", NULL) : NULL;

  if (dir == NULL || !g_file_test (dir, G_FILE_TEST_IS_DIR))
    return NULL;
  return g_steal_pointer (&dir);
}


/* Every regular file of images/ and signed-by-peers/, sorted. */
static GPtrArray *
fixture_files (const char *fixtures)
{
  static const char * const folders[] = { "images", "signed-by-peers" };
  GPtrArray *files = g_ptr_array_new_with_free_func (g_free);

  for (gsize f = 0; f < G_N_ELEMENTS (folders); f++) {
    g_autofree char *folder = g_build_filename (fixtures, folders[f], NULL);
    g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL) {
      char *path = g_build_filename (folder, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_REGULAR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        g_ptr_array_add (files, path);
      else
        g_free (path);
    }
  }
  g_ptr_array_sort (files, (GCompareFunc) g_strcmp0);
  return files;
}


static gboolean
known_difference (const char  *path,
                  const char **why)
{
  g_autofree char *name = g_path_get_basename (path);

  for (gsize i = 0; i < G_N_ELEMENTS (known_differences); i++) {
    if (g_str_equal (name, known_differences[i].file)) {
      *why = known_differences[i].why;
      return TRUE;
    }
  }
  return FALSE;
}


static void
node_unref0 (JsonNode *node)
{
  if (node != NULL)
    json_node_unref (node);
}


/* The reference's documents of files (NULL where it writes none), ORACLE_BATCH readers at
 * a time. */
static GPtrArray *
oracle_documents (const char *oracle,
                  GPtrArray  *files,
                  const char *anchors,
                  const char *ekus)
{
  GPtrArray *documents = g_ptr_array_new_with_free_func ((GDestroyNotify) node_unref0);

  for (guint start = 0; start < files->len; start += ORACLE_BATCH) {
    GSubprocess *running[ORACLE_BATCH] = { NULL, };
    guint n = MIN (ORACLE_BATCH, files->len - start);

    for (guint i = 0; i < n; i++) {
      g_autofree char *trust = anchors != NULL ? g_strconcat ("--trust=", anchors, NULL) : NULL;
      g_autofree char *config = ekus != NULL ? g_strconcat ("--trust-config=", ekus, NULL) : NULL;
      const char *file = g_ptr_array_index (files, start + i);
      g_autoptr(GError) error = NULL;

      running[i] = trust != NULL
        ? g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE,
                            &error, "node", oracle, "--crjson", trust, config, file, NULL)
        : g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE,
                            &error, "node", oracle, "--crjson", file, NULL);
      g_assert_no_error (error);
    }
    for (guint i = 0; i < n; i++) {
      g_autofree char *out = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonParser) parser = json_parser_new ();

      g_assert_true (g_subprocess_communicate_utf8 (running[i], NULL, NULL, &out, NULL, &error));
      g_assert_no_error (error);
      g_object_unref (running[i]);
      if (out == NULL || g_strstrip (out)[0] == '\0') {
        g_ptr_array_add (documents, NULL);
        continue;
      }
      g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
      g_assert_no_error (error);
      g_ptr_array_add (documents, json_node_ref (json_parser_get_root (parser)));
    }
  }
  return documents;
}


static int
compare_nodes_text (gconstpointer a,
                    gconstpointer b)
{
  g_autofree char *ta = json_to_string (*(JsonNode * const *) a, FALSE);
  g_autofree char *tb = json_to_string (*(JsonNode * const *) b, FALSE);

  return strcmp (ta, tb);
}


static JsonNode *normalise (JsonNode *node, const char *key, gboolean drop_results);


/* An object with its members in name order (so that two documents print alike), less the
 * members that cannot be the same. */
static JsonNode *
normalise_object (JsonObject *object,
                  gboolean    drop_results)
{
  g_autoptr(GList) names = g_list_sort (json_object_get_members (object), (GCompareFunc) strcmp);
  JsonObject *copy = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  for (GList *l = names; l != NULL; l = l->next) {
    const char *name = l->data;

    if (g_str_equal (name, "validationTime") || g_str_equal (name, "jsonGenerator") ||
        g_str_equal (name, "explanation") || g_str_has_prefix (name, "extras:"))
      continue;
    if (drop_results && (g_str_equal (name, "validationResults") ||
                         g_str_equal (name, "ingredientDeltas")))
      continue;
    json_object_set_member (copy, name,
                            normalise (json_object_get_member (object, name), name, drop_results));
  }
  json_node_take_object (node, copy);
  return node;
}


static JsonNode *
normalise (JsonNode   *node,
           const char *key,
           gboolean    drop_results)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    return normalise_object (json_node_get_object (node), drop_results);
  if (JSON_NODE_HOLDS_ARRAY (node)) {
    JsonArray *array = json_node_get_array (node);
    g_autoptr(GPtrArray) elements = g_ptr_array_new ();
    JsonArray *copy = json_array_new ();
    JsonNode *result = json_node_new (JSON_NODE_ARRAY);

    for (guint i = 0; i < json_array_get_length (array); i++)
      g_ptr_array_add (elements, normalise (json_array_get_element (array, i), NULL, drop_results));
    if (g_strcmp0 (key, "success") == 0 || g_strcmp0 (key, "informational") == 0 ||
        g_strcmp0 (key, "failure") == 0)
      g_ptr_array_sort (elements, compare_nodes_text);
    for (guint i = 0; i < elements->len; i++)
      json_array_add_element (copy, g_ptr_array_index (elements, i));
    json_node_take_array (result, copy);
    return result;
  }
  return json_node_copy (node);
}


static char *
normalised_text (JsonNode *document,
                 gboolean  drop_results)
{
  g_autoptr(JsonNode) normal = normalise (document, NULL, drop_results);

  return json_to_string (normal, TRUE);
}


/* Our document of path, or NULL (no credentials, or a format we do not read). */
static JsonNode *
our_document (const char   *path,
              ClTrustStore *store)
{
  ClVerifyOptions options = CL_VERIFY_OPTIONS_INIT;
  g_autoptr(ClVerification) verification = NULL;
  g_autoptr(GError) error = NULL;

  options.trust_store = store;
  options.keep_manifest_store = TRUE;
  verification = cl_verify_file (path, &options, NULL);
  return cl_verification_to_crjson (verification, NULL, &error);
}


static void
compare_all (ClTrustStore *store,
             const char   *anchors,
             const char   *ekus)
{
  g_autofree char *oracle = cl_test_oracle_path ();
  g_autofree char *fixtures = fixtures_dir ();
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GPtrArray) references = NULL;
  g_autoptr(GPtrArray) with_credentials = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) ours_all = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  guint compared = 0, disagreements = 0;

  if (fixtures == NULL || oracle == NULL) {
    g_test_skip (fixtures == NULL ? "CREDLINK_SHARED_DIR/c2pa-fixtures is not available"
                                  : "the reference reader is not installed");
    return;
  }
  /* A file without credentials has no document: whether c2pa-rs finds none too is
   * test-interop's to check; only the files with credentials are read twice here. */
  files = fixture_files (fixtures);
  for (guint i = 0; i < files->len; i++) {
    const char *path = g_ptr_array_index (files, i);
    const char *why = NULL;
    JsonNode *document = our_document (path, store);

    if (document == NULL || (known_difference (path, &why) && why == NULL)) {
      g_clear_pointer (&document, json_node_unref);
      continue;
    }
    g_ptr_array_add (with_credentials, g_strdup (path));
    g_ptr_array_add (ours_all, document);
  }
  references = oracle_documents (oracle, with_credentials, anchors, ekus);
  for (guint i = 0; i < with_credentials->len; i++) {
    const char *path = g_ptr_array_index (with_credentials, i);
    JsonNode *reference = g_ptr_array_index (references, i);
    JsonNode *ours = g_ptr_array_index (ours_all, i);
    const char *why = NULL;
    gboolean known = known_difference (path, &why);
    g_autofree char *ours_text = NULL, *reference_text = NULL;

    compared++;
    if (reference == NULL) {
      g_test_message ("%s: CredLink writes a document, c2pa-rs does not", path);
      disagreements++;
      continue;
    }
    ours_text = normalised_text (ours, known);
    reference_text = normalised_text (reference, known);
    if (!g_str_equal (ours_text, reference_text)) {
      g_test_message ("%s: our crJSON differs from c2pa-rs's:\n--- ours\n%s\n--- c2pa-rs\n%s",
                      path, ours_text, reference_text);
      disagreements++;
    }
  }
  g_test_message ("%u files compared with c2pa-rs's crJSON, %u disagreements", compared,
                  disagreements);
  g_assert_cmpuint (compared, >, 30);
  g_assert_cmpuint (disagreements, ==, 0);
}


static ClTrustStore *
test_roots_store (const char *anchors,
                  const char *ekus)
{
  g_autoptr(GPtrArray) lists = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_trust_list_unref);
  g_autoptr(GError) error = NULL;
  ClTrustList *list = cl_trust_list_new_from_files ("test-roots", CL_TRUST_LIST_KIND_USER,
                                                    anchors, NULL, ekus, &error);

  g_assert_no_error (error);
  g_ptr_array_add (lists, list);
  return cl_trust_store_new (lists);
}


/* No trust list at all (not the user's). */
static void
test_crjson_no_trust (void)
{
  g_autoptr(GPtrArray) no_lists = g_ptr_array_new ();
  g_autoptr(ClTrustStore) empty = cl_trust_store_new (no_lists);

  compare_all (empty, NULL, NULL);
}


/* The test roots as anchors and store.cfg as EKU list, for both readers. */
static void
test_crjson_test_trust (void)
{
  g_autofree char *fixtures = fixtures_dir ();
  g_autofree char *anchors = NULL, *ekus = NULL;
  g_autoptr(ClTrustStore) store = NULL;

  if (fixtures == NULL) {
    g_test_skip ("CREDLINK_SHARED_DIR/c2pa-fixtures is not available");
    return;
  }
  anchors = g_build_filename (fixtures, "certs", "trust", "test_cert_root_bundle.pem", NULL);
  ekus = g_build_filename (fixtures, "certs", "trust", "store.cfg", NULL);
  store = test_roots_store (anchors, ekus);
  compare_all (store, anchors, ekus);
}


/* A Trusted verdict names the anchors file that decided it and the date of that copy, in
 * the report (trust.trustListUri) and in the crJSON document (extras:trustList). */
static void
test_crjson_trust_list_uri (void)
{
  g_autofree char *fixtures = fixtures_dir ();
  g_autofree char *anchors = NULL, *ekus = NULL, *file = NULL, *canonical = NULL;
  g_autoptr(ClTrustStore) store = NULL;
  g_autoptr(ClVerification) verification = NULL;
  g_autoptr(JsonNode) report = NULL;
  g_autoptr(JsonNode) document = NULL;
  g_autoptr(GError) error = NULL;
  ClVerifyOptions options = CL_VERIFY_OPTIONS_INIT;
  JsonObject *trust, *extras;

  if (fixtures == NULL) {
    g_test_skip ("CREDLINK_SHARED_DIR/c2pa-fixtures is not available");
    return;
  }
  anchors = g_build_filename (fixtures, "certs", "trust", "test_cert_root_bundle.pem", NULL);
  ekus = g_build_filename (fixtures, "certs", "trust", "store.cfg", NULL);
  file = g_build_filename (fixtures, "signed-by-peers", "c2pa-node-es256.jpg", NULL);
  canonical = g_canonicalize_filename (anchors, NULL);
  store = test_roots_store (anchors, ekus);
  options.trust_store = store;
  options.keep_manifest_store = TRUE;
  verification = cl_verify_file (file, &options, NULL);
  g_assert_cmpint (verification->verdict, ==, CL_VERDICT_TRUSTED);

  report = cl_verification_to_json (verification);
  trust = json_object_get_object_member (json_node_get_object (report), "trust");
  g_assert_cmpstr (json_object_get_string_member (trust, "trustList"), ==, "test-roots");
  g_assert_cmpstr (json_object_get_string_member (trust, "trustListUri"), ==, canonical);
  g_assert_nonnull (json_object_get_string_member (trust, "trustListSnapshot"));

  document = cl_verification_to_crjson (verification, NULL, &error);
  g_assert_no_error (error);
  extras = json_object_get_object_member (json_node_get_object (document), "extras:trustList");
  g_assert_nonnull (extras);
  g_assert_cmpstr (json_object_get_string_member (extras, "name"), ==, "test-roots");
  g_assert_cmpstr (json_object_get_string_member (extras, "trustListUri"), ==, canonical);
  g_assert_cmpstr (json_object_get_string_member (extras, "snapshot"), ==,
                   json_object_get_string_member (trust, "trustListSnapshot"));
}


/* Without a list that trusts the signer, nothing is named. */
static void
test_crjson_untrusted_names_no_list (void)
{
  g_autofree char *fixtures = fixtures_dir ();
  g_autofree char *file = NULL;
  g_autoptr(ClVerification) verification = NULL;
  g_autoptr(JsonNode) report = NULL;
  g_autoptr(JsonNode) document = NULL;
  ClVerifyOptions options = CL_VERIFY_OPTIONS_INIT;
  g_autoptr(GPtrArray) no_lists = g_ptr_array_new ();
  g_autoptr(ClTrustStore) empty = cl_trust_store_new (no_lists);
  JsonObject *trust;

  if (fixtures == NULL) {
    g_test_skip ("CREDLINK_SHARED_DIR/c2pa-fixtures is not available");
    return;
  }
  file = g_build_filename (fixtures, "signed-by-peers", "c2pa-node-es256.jpg", NULL);
  options.trust_store = empty;
  options.keep_manifest_store = TRUE;
  verification = cl_verify_file (file, &options, NULL);
  g_assert_cmpint (verification->verdict, ==, CL_VERDICT_VALID);
  report = cl_verification_to_json (verification);
  trust = json_object_get_object_member (json_node_get_object (report), "trust");
  g_assert_true (json_object_get_null_member (trust, "trustListUri"));
  document = cl_verification_to_crjson (verification, NULL, NULL);
  g_assert_nonnull (document);
  g_assert_false (json_object_has_member (json_node_get_object (document), "extras:trustList"));
}


int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/crjson/no-trust", test_crjson_no_trust);
  g_test_add_func ("/crjson/with-test-trust", test_crjson_test_trust);
  g_test_add_func ("/crjson/trust-list-uri", test_crjson_trust_list_uri);
  g_test_add_func ("/crjson/untrusted-names-no-list", test_crjson_untrusted_names_no_list);
  return g_test_run ();
}
