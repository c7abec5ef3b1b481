/* test-trust-store.c: trust stores and lists — read by several threads at once, LoTE
 * entities, lists saved to and loaded from disk (as the background refresh job writes them
 * too), the default store; and the shared C2PA fixture chains against the test roots and
 * the official list. No network.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "cl-error.h"
#include "cl-test-pki.h"
#include "cl-test-tmp.h"
#include "cl-test-trust.h"
#include "cl-trust-chain.h"
#include "cl-trust-list-fetch.h"
#include "cl-trust-snapshot.h"
#include "cl-trust-store.h"
#include "cl-x509.h"

static ClTestPki *pki;


typedef struct {
  ClTrustStore *store;
  GPtrArray    *chain;
  gint          trusted;
} ThreadData;


static gpointer
evaluate_many (gpointer data)
{
  ThreadData *td = data;

  for (int i = 0; i < 50; i++) {
    g_autoptr(ClTrustResult) result = cl_trust_evaluate (td->store, td->chain, NULL, NULL, NULL, NULL);

    if (result->trusted)
      g_atomic_int_inc (&td->trusted);
  }
  return NULL;
}


static void
test_concurrent_reads (void)
{
  g_autoptr(ClTrustStore) store =
    cl_test_trust_store (cl_test_trust_list ("newsroom", CL_TRUST_LIST_KIND_USER, pki->root, NULL),
                         NULL);
  g_autoptr(GPtrArray) chain = cl_test_chain_der (pki->signer, pki->intermediate, NULL);
  ThreadData td = { store, chain, 0 };
  GThread *threads[4];

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("evaluate", evaluate_many, &td);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_thread_join (threads[i]);
  g_assert_cmpint (td.trusted, ==, 4 * 50);
}


static char *
lote_for (X509       *cert,
          const char *status)
{
  g_autoptr(GBytes) der = cl_x509_to_der (cert);
  g_autofree char *b64 = g_base64_encode (g_bytes_get_data (der, NULL), g_bytes_get_size (der));

  return g_strdup_printf ("{\"LoTE\": {\"ListAndSchemeInformation\": {\"ListIssueDateTime\": \"2026-08-05T00:11:39Z\"},"
                          " \"TrustedEntitiesList\": [{\"TrustedEntityInformation\": {\"TEName\": [{\"lang\": \"fr\", \"value\": \"Rédaction\"}, {\"lang\": \"en\", \"value\": \"CredLink Test Org\"}]},"
                          " \"TrustedEntityServices\": [{\"ServiceInformation\": {\"ServiceName\": [{\"lang\": \"en\", \"value\": \"Test CA\"}],"
                          " \"ServiceDigitalIdentity\": {\"X509Certificates\": [{\"val\": \"%s\"}]},"
                          " \"ServiceStatus\": \"%s\", \"StatusStartingTime\": \"2025-01-01T00:00:00Z\"}}]}]}}",
                          b64, status);
}


static void
test_lote_entities (void)
{
  g_autofree char *trusted_json = lote_for (pki->root->cert, CL_LOTE_STATUS_TRUSTED);
  g_autofree char *withdrawn_json = lote_for (pki->root->cert, "http://c2pa.org/conformance/trust-list/withdrawn");
  g_autoptr(GPtrArray) anchors = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  ClTrustList *listed, *withdrawn;
  g_autoptr(ClTrustStore) store_listed = NULL;
  g_autoptr(ClTrustStore) store_withdrawn = NULL;
  g_autoptr(ClTrustResult) r1 = NULL;
  g_autoptr(ClTrustResult) r2 = NULL;
  const ClTrustEntity *entity;

  g_ptr_array_add (anchors, pki->root->cert);
  listed = cl_trust_list_new_with_lote ("c2pa", CL_TRUST_LIST_KIND_C2PA, "test", 0, anchors, NULL,
                                        NULL, trusted_json, &error);
  g_assert_no_error (error);
  withdrawn = cl_trust_list_new_with_lote ("c2pa", CL_TRUST_LIST_KIND_C2PA, "test", 0, anchors, NULL,
                                           NULL, withdrawn_json, &error);
  g_assert_no_error (error);
  /* The snapshot date comes from ListIssueDateTime; the English name wins. */
  g_assert_cmpint (cl_trust_list_get_snapshot (listed), ==, 1785888699);
  entity = cl_trust_list_lookup_entity (listed, pki->root->cert);
  g_assert_nonnull (entity);
  g_assert_cmpstr (entity->entity, ==, "CredLink Test Org");
  g_assert_cmpstr (entity->service, ==, "Test CA");
  /* A withdrawn anchor is not an anchor. */
  g_assert_cmpuint (cl_trust_list_get_anchors (withdrawn)->len, ==, 0);

  store_listed = cl_test_trust_store (listed, NULL);
  store_withdrawn = cl_test_trust_store (withdrawn, NULL);
  r1 = cl_test_trust_evaluate (store_listed, pki->signer, pki->intermediate, NULL, NULL);
  r2 = cl_test_trust_evaluate (store_withdrawn, pki->signer, pki->intermediate, NULL, NULL);
  g_assert_true (r1->trusted);
  g_assert_cmpstr (r1->anchor_entity, ==, "CredLink Test Org");
  g_assert_nonnull (strstr (r1->summary, "CredLink Test Org"));
  g_assert_false (r2->trusted);

  /* Garbage is an error, not a crash. */
  g_assert_null (cl_trust_list_new_with_lote ("c2pa", CL_TRUST_LIST_KIND_C2PA, "test", 0, anchors,
                                              NULL, NULL, "{\"LoTE\": [", &error));
  g_assert_error (error, CL_TRUST_ERROR, CL_TRUST_ERROR_INVALID);
}


/* Only the copy of a published list made from its address is called official; a file
 * imported with an official kind is "Imported: <file name>", and the trust reasons say so. */
static void
test_list_labels (void)
{
  const ClTrustListSource *c2pa = cl_trust_list_source_lookup ("c2pa");
  g_autoptr(GPtrArray) anchors = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ClTrustList) published = NULL;
  g_autoptr(ClTrustList) imported = NULL;
  g_autoptr(ClTrustList) user = NULL;
  g_autoptr(ClTrustStore) store = NULL;
  g_autoptr(ClTrustResult) result = NULL;
  g_autofree char *published_label = NULL, *imported_label = NULL, *user_label = NULL;

  g_ptr_array_add (anchors, pki->root->cert);
  published = cl_trust_list_new ("c2pa", CL_TRUST_LIST_KIND_C2PA, c2pa->anchors_url, 0, anchors,
                                  NULL, NULL, &error);
  g_assert_no_error (error);
  imported = cl_trust_list_new ("c2pa", CL_TRUST_LIST_KIND_C2PA, "/home/someone/roots.pem", 0,
                                anchors, NULL, NULL, &error);
  g_assert_no_error (error);
  user = cl_trust_list_new ("newsroom", CL_TRUST_LIST_KIND_USER, "/home/someone/roots.pem", 0,
                            anchors, NULL, NULL, &error);
  g_assert_no_error (error);

  g_assert_true (cl_trust_list_is_published (published));
  g_assert_false (cl_trust_list_is_published (imported));
  published_label = cl_trust_list_dup_label (published);
  imported_label = cl_trust_list_dup_label (imported);
  user_label = cl_trust_list_dup_label (user);
  g_assert_cmpstr (published_label, ==, cl_trust_list_kind_describe (CL_TRUST_LIST_KIND_C2PA));
  g_assert_cmpstr (imported_label, ==, "Imported: roots.pem");
  g_assert_cmpstr (user_label, ==, cl_trust_list_kind_describe (CL_TRUST_LIST_KIND_USER));

  /* The result names the list's source; its reason never calls the import official. */
  store = cl_test_trust_store (g_steal_pointer (&imported), NULL);
  result = cl_test_trust_evaluate (store, pki->signer, pki->intermediate, NULL, NULL);
  g_assert_true (result->trusted);
  g_assert_cmpstr (result->list_source, ==, "/home/someone/roots.pem");
  g_assert_nonnull (strstr (result->summary, "Imported: roots.pem"));
  g_assert_null (strstr (result->summary, "Official"));
}


static void
test_store_on_disk (void)
{
  g_autofree char *dir = cl_test_tmp_dir_new ("credlink-trust", CL_TEST_TMP_UNTIL_CASE_ENDS);
  g_autoptr(ClTrustList) list = cl_test_trust_list ("newsroom", CL_TRUST_LIST_KIND_USER, pki->root,
                                                    NULL);
  g_autoptr(ClTrustStore) store = NULL;
  g_autoptr(ClTrustStore) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *junk = g_build_filename (dir, "broken", NULL);
  ClTrustList *loaded;

  g_assert_true (cl_trust_store_save_list (dir, list, &error));
  g_assert_no_error (error);
  /* A folder without meta.json is a problem, not a crash, and does not hide the rest. */
  g_assert_cmpint (g_mkdir (junk, 0700), ==, 0);
  store = cl_trust_store_load (dir, &error);
  g_assert_no_error (error);
  loaded = cl_trust_store_lookup (store, "newsroom");
  g_assert_nonnull (loaded);
  g_assert_cmpint (cl_trust_list_get_kind (loaded), ==, CL_TRUST_LIST_KIND_USER);
  g_assert_cmpuint (cl_trust_list_get_anchors (loaded)->len, ==, 1);
  g_assert_cmpuint (g_strv_length ((GStrv) cl_trust_store_get_problems (store)), ==, 1);

  g_assert_true (cl_trust_store_remove_list (dir, "newsroom", &error));
  g_assert_false (cl_trust_store_remove_list (dir, "newsroom", &error));
  g_assert_error (error, CL_TRUST_ERROR, CL_TRUST_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (cl_trust_store_remove_list (dir, "../etc", &error));
  g_assert_error (error, CL_TRUST_ERROR, CL_TRUST_ERROR_INVALID);
  g_clear_error (&error);
  after = cl_trust_store_load (dir, &error);
  g_assert_null (cl_trust_store_lookup (after, "newsroom"));
}


static void
test_default_store (void)
{
  g_autofree char *dir = cl_trust_store_default_dir ();
  g_autoptr(ClTrustList) list = cl_test_trust_list ("newsroom", CL_TRUST_LIST_KIND_USER, pki->root,
                                                    NULL);
  g_autoptr(ClTrustStore) before = NULL;
  g_autoptr(ClTrustStore) after = NULL;
  g_autoptr(ClTrustStore) again = NULL;
  g_autoptr(GError) error = NULL;

  /* main() pointed XDG_DATA_HOME at a fresh folder. */
  g_assert_true (g_str_has_prefix (dir, g_getenv ("XDG_DATA_HOME")));
  before = cl_trust_store_dup_default ();
  g_assert_cmpuint (cl_trust_store_get_lists (before)->len, ==, 0);

  g_assert_true (cl_trust_store_save_list (dir, list, &error));
  g_assert_no_error (error);
  again = cl_trust_store_dup_default ();
  g_assert_true (again == before);   /* nothing reloads behind the caller's back */

  cl_trust_store_set_default (NULL);
  after = cl_trust_store_dup_default ();
  g_assert_true (after != before);
  g_assert_nonnull (cl_trust_store_lookup (after, "newsroom"));
  /* The old store still works for whoever holds it. */
  g_assert_cmpuint (cl_trust_store_get_lists (before)->len, ==, 0);

  g_assert_true (cl_trust_store_remove_list (dir, "newsroom", &error));
  cl_trust_store_set_default (NULL);
}


/* Folders written by the background refresh job (cl-trust-snapshot) of earlier
 * versions carry a meta.json without "kind", with a fractional snapshot date. */
static void
test_refresh_job_meta (void)
{
  g_autofree char *dir = cl_test_tmp_dir_new ("credlink-trust", CL_TEST_TMP_UNTIL_CASE_ENDS);
  g_autofree char *list_dir = g_build_filename (dir, "c2pa-tsa", NULL);
  g_autofree char *anchors = g_build_filename (list_dir, "anchors.pem", NULL);
  g_autofree char *meta = g_build_filename (list_dir, "meta.json", NULL);
  g_autoptr(ClTrustStore) store = NULL;
  g_autoptr(ClTrustResult) result = NULL;
  g_autoptr(GError) error = NULL;
  X509_STORE *tsa;
  ClTrustList *list;

  g_assert_cmpint (g_mkdir_with_parents (list_dir, 0700), ==, 0);
  cl_test_write_pem (anchors, pki->root, NULL);
  g_assert_true (g_file_set_contents (meta,
                                      "{\"list\": \"c2pa-tsa\", \"source_url\": \"https://example.org/tsa.pem\","
                                      " \"snapshot_date\": \"2026-08-05T00:11:39.000000Z\", \"certificate_count\": 1}",
                                      -1, NULL));
  store = cl_trust_store_load (dir, &error);
  g_assert_no_error (error);
  list = cl_trust_store_lookup (store, "c2pa-tsa");
  g_assert_nonnull (list);
  g_assert_cmpint (cl_trust_list_get_kind (list), ==, CL_TRUST_LIST_KIND_C2PA_TSA);
  g_assert_cmpstr (cl_trust_list_get_source (list), ==, "https://example.org/tsa.pem");
  g_assert_cmpint (cl_trust_list_get_snapshot (list), ==, 1785888699);
  /* A TSA list from the job never vouches for a claim signer. */
  result = cl_test_trust_evaluate (store, pki->signer, pki->intermediate, NULL, NULL);
  g_assert_false (result->trusted);
  tsa = cl_trust_store_get_tsa_x509_store (store);
  g_assert_cmpint (sk_X509_OBJECT_num (X509_STORE_get0_objects (tsa)), ==, 1);
  X509_STORE_free (tsa);

  g_assert_true (cl_trust_store_remove_list (dir, "c2pa-tsa", &error));
}


static JsonObject *
load_meta (const char *dir,
           const char *list)
{
  g_autofree char *path = g_build_filename (dir, list, "meta.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_file (parser, path, &error));
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}


static char *
member_names (JsonObject *object)
{
  g_autoptr(GList) names = g_list_sort (json_object_get_members (object),
                                        (GCompareFunc) g_strcmp0);
  g_autoptr(GString) text = g_string_new (NULL);

  for (GList *name = names; name != NULL; name = name->next)
    g_string_append_printf (text, "%s%s", text->len > 0 ? "," : "", (char *) name->data);
  return g_string_free (g_steal_pointer (&text), FALSE);
}


/* The refresh job (cl-trust-snapshot) and an import (cl-trust-list-fetch) write
 * meta.json with one vocabulary; files in an older vocabulary still load. */
static void
test_meta_one_vocabulary (void)
{
  g_autofree char *dir = cl_test_tmp_dir_new ("credlink-trust", CL_TEST_TMP_UNTIL_CASE_ENDS);
  g_autofree char *pem_path = g_build_filename (dir, "roots.pem", NULL);
  g_autofree char *old_dir = g_build_filename (dir, "old-import", NULL);
  g_autofree char *old_anchors = g_build_filename (old_dir, "anchors.pem", NULL);
  g_autofree char *old_meta = g_build_filename (old_dir, "meta.json", NULL);
  g_autoptr(GDateTime) date = g_date_time_new_utc (2026, 8, 5, 0, 11, 39);
  g_autoptr(ClTrustList) imported = NULL;
  g_autoptr(ClTrustStore) store = NULL;
  g_autoptr(JsonObject) job_meta = NULL;
  g_autoptr(JsonObject) import_meta = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *job_keys = NULL;
  g_autofree char *import_keys = NULL;
  g_autofree char *pem = NULL;
  gsize pem_len = 0;
  ClTrustList *list;

  cl_test_write_pem (pem_path, pki->root, NULL);
  g_assert_true (g_file_get_contents (pem_path, &pem, &pem_len, NULL));
  {
    g_autoptr(GBytes) bytes = g_bytes_new (pem, pem_len);

    g_assert_true (cl_trust_snapshot_replace (dir, "c2pa-tsa", bytes, 1,
                                              "https://example.org/tsa.pem", date, &error));
    g_assert_no_error (error);
  }
  imported = cl_trust_list_new_from_files ("newsroom", CL_TRUST_LIST_KIND_USER, pem_path, NULL,
                                           NULL, &error);
  g_assert_no_error (error);
  g_assert_true (cl_trust_list_install (imported, dir, &error));
  g_assert_no_error (error);

  job_meta = load_meta (dir, "c2pa-tsa");
  import_meta = load_meta (dir, "newsroom");
  job_keys = member_names (job_meta);
  import_keys = member_names (import_meta);
  g_assert_cmpstr (job_keys, ==, import_keys);
  g_assert_cmpstr (job_keys, ==, "allowed_count,certificate_count,kind,list,sha256,size,"
                                 "snapshot_date,source_url");
  g_assert_cmpstr (json_object_get_string_member (job_meta, "kind"), ==, "c2pa-tsa");
  g_assert_cmpstr (json_object_get_string_member (job_meta, "snapshot_date"), ==,
                   "2026-08-05T00:11:39Z");
  g_assert_cmpstr (json_object_get_string_member (job_meta, "sha256"), ==,
                   json_object_get_string_member (import_meta, "sha256"));

  /* Written by an earlier import: other names, and the kind says more than the name. */
  g_assert_cmpint (g_mkdir_with_parents (old_dir, 0700), ==, 0);
  cl_test_write_pem (old_anchors, pki->root, NULL);
  g_assert_true (g_file_set_contents (old_meta,
                                      "{\"name\": \"old-import\", \"kind\": \"user-tsa\","
                                      " \"source\": \"/home/someone/tsa.pem\","
                                      " \"snapshot\": \"2026-08-05T00:11:39Z\","
                                      " \"saved\": \"2026-08-06T10:00:00Z\","
                                      " \"anchors\": 1, \"allowed\": 0}",
                                      -1, NULL));

  store = cl_trust_store_load (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length ((GStrv) cl_trust_store_get_problems (store)), ==, 0);
  list = cl_trust_store_lookup (store, "c2pa-tsa");
  g_assert_cmpint (cl_trust_list_get_kind (list), ==, CL_TRUST_LIST_KIND_C2PA_TSA);
  g_assert_cmpstr (cl_trust_list_get_source (list), ==, "https://example.org/tsa.pem");
  g_assert_cmpint (cl_trust_list_get_snapshot (list), ==, 1785888699);
  list = cl_trust_store_lookup (store, "newsroom");
  g_assert_cmpint (cl_trust_list_get_kind (list), ==, CL_TRUST_LIST_KIND_USER);
  g_assert_cmpstr (cl_trust_list_get_source (list), ==, pem_path);
  g_assert_cmpuint (cl_trust_list_get_anchors (list)->len, ==, 1);
  list = cl_trust_store_lookup (store, "old-import");
  g_assert_nonnull (list);
  g_assert_cmpint (cl_trust_list_get_kind (list), ==, CL_TRUST_LIST_KIND_USER_TSA);
  g_assert_cmpstr (cl_trust_list_get_source (list), ==, "/home/someone/tsa.pem");
  g_assert_cmpint (cl_trust_list_get_snapshot (list), ==, 1785888699);
  g_assert_cmpuint (cl_trust_list_get_anchors (list)->len, ==, 1);
}


/* --- the shared C2PA fixtures ------------------------------------------ */

static char *
shared_path (const char *relative)
{
  const char *shared = g_getenv ("CREDLINK_SHARED_DIR");
  g_autofree char *path = NULL;

  if (shared == NULL)
    return NULL;
  path = g_build_filename (shared, relative, NULL);
  return g_file_test (path, G_FILE_TEST_EXISTS) ? g_steal_pointer (&path) : NULL;
}


static GPtrArray *
chain_of_pem_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) certs = cl_x509_load_pem_file (path, &error);
  GPtrArray *chain = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);

  g_assert_no_error (error);
  for (guint i = 0; i < certs->len; i++)
    g_ptr_array_add (chain, cl_x509_to_der (g_ptr_array_index (certs, i)));
  return chain;
}


static void
test_fixture_chains (void)
{
  g_autofree char *certs_dir = shared_path ("c2pa-fixtures/certs");
  g_autofree char *bundle = shared_path ("c2pa-fixtures/certs/trust/test_cert_root_bundle.pem");
  g_autofree char *cfg = shared_path ("c2pa-fixtures/certs/trust/store.cfg");
  g_autofree char *official = shared_path ("trust-lists/C2PA-TRUST-LIST.pem");
  g_autoptr(ClTrustList) test_list = NULL;
  g_autoptr(ClTrustList) c2pa_list = NULL;
  g_autoptr(ClTrustStore) test_store = NULL;
  g_autoptr(ClTrustStore) empty_store = cl_trust_store_new (NULL);
  g_autoptr(ClTrustStore) c2pa_store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint n_chains = 0;

  if (certs_dir == NULL || bundle == NULL || cfg == NULL || official == NULL) {
    g_test_skip ("CREDLINK_SHARED_DIR fixtures not available");
    return;
  }
  test_list = cl_trust_list_new_from_files ("test-roots", CL_TRUST_LIST_KIND_USER, bundle, NULL, cfg, &error);
  g_assert_no_error (error);
  c2pa_list = cl_trust_list_new_from_files ("c2pa", CL_TRUST_LIST_KIND_C2PA, official, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cl_trust_list_get_anchors (c2pa_list)->len, ==, 30);
  /* The snapshot date and the organisations come from the JSON form of the list. */
  g_assert_cmpint (cl_trust_list_get_snapshot (c2pa_list), >, 1700000000);
  for (guint i = 0; i < cl_trust_list_get_anchors (c2pa_list)->len; i++) {
    const ClTrustEntity *entity = cl_trust_list_lookup_entity (c2pa_list,
                                                               g_ptr_array_index (cl_trust_list_get_anchors (c2pa_list), i));

    g_assert_nonnull (entity);
    g_assert_nonnull (entity->entity);
  }
  test_store = cl_test_trust_store (cl_trust_list_ref (test_list), NULL);
  c2pa_store = cl_test_trust_store (cl_trust_list_ref (c2pa_list), NULL);

  dir = g_dir_open (certs_dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL) {
    g_autofree char *path = NULL;
    g_autoptr(GPtrArray) chain = NULL;
    g_autoptr(ClTrustResult) with_test = NULL;
    g_autoptr(ClTrustResult) with_none = NULL;
    g_autoptr(ClTrustResult) with_c2pa = NULL;
    gboolean expired_fixture = strstr (name, "expired") != NULL;

    if (!g_str_has_suffix (name, ".pub"))
      continue;
    path = g_build_filename (certs_dir, name, NULL);
    chain = chain_of_pem_file (path);
    with_test = cl_trust_evaluate (test_store, chain, NULL, NULL, NULL, NULL);
    with_none = cl_trust_evaluate (empty_store, chain, NULL, NULL, NULL, NULL);
    with_c2pa = cl_trust_evaluate (c2pa_store, chain, NULL, NULL, NULL, NULL);
    g_test_message ("%s: %s", name, with_test->summary);

    if (expired_fixture) {
      /* rsa-pss256_key-expired.pub: self-signed and long expired. */
      g_assert_false (with_test->trusted);
      g_assert_true (cl_trust_result_has_code (with_test, "signingCredential.expired"));
    } else {
      g_assert_true (with_test->trusted);
      g_assert_cmpstr (with_test->list_name, ==, "test-roots");
      g_assert_true (cl_trust_result_has_code (with_test, "signingCredential.trusted"));
      n_chains++;
    }
    g_assert_false (with_none->trusted);
    g_assert_true (cl_trust_result_has_code (with_none, "signingCredential.untrusted"));
    g_assert_false (with_c2pa->trusted);
    g_assert_true (cl_trust_result_has_code (with_c2pa, "signingCredential.untrusted"));
  }
  g_assert_cmpuint (n_chains, >=, 8);
}


static void
test_fixture_allowed_list (void)
{
  g_autofree char *allowed = shared_path ("c2pa-fixtures/certs/trust/allowed_list.pem");
  g_autofree char *es256 = shared_path ("c2pa-fixtures/certs/es256.pub");
  g_autoptr(ClTrustList) list = NULL;
  g_autoptr(ClTrustStore) store = NULL;
  g_autoptr(GPtrArray) chain = NULL;
  g_autoptr(ClTrustResult) result = NULL;
  g_autoptr(GError) error = NULL;

  if (allowed == NULL || es256 == NULL) {
    g_test_skip ("CREDLINK_SHARED_DIR fixtures not available");
    return;
  }
  list = cl_trust_list_new_from_files ("allowed", CL_TRUST_LIST_KIND_LEGACY, NULL, allowed, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cl_trust_list_get_n_allowed (list), ==, 7);
  store = cl_test_trust_store (cl_trust_list_ref (list), NULL);
  chain = chain_of_pem_file (es256);
  result = cl_trust_evaluate (store, chain, NULL, NULL, NULL, NULL);
  g_test_message ("%s", result->summary);
  /* allowed_list.pem holds the fixture signers: trusted without any anchor. */
  g_assert_true (result->trusted);
  g_assert_cmpint (result->method, ==, CL_TRUST_METHOD_ALLOWED_LIST);
}


int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = cl_test_tmp_dir_new ("credlink-data", CL_TEST_TMP_UNTIL_EXIT);
  int status;

  /* Before anything reads it: the default trust folder lives in a fresh place. */
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_test_init (&argc, &argv, NULL);
  pki = cl_test_pki_new (NULL, NULL);

  g_test_add_func ("/trust/store/concurrent-reads", test_concurrent_reads);
  g_test_add_func ("/trust/store/lote", test_lote_entities);
  g_test_add_func ("/trust/store/default", test_default_store);
  g_test_add_func ("/trust/store/refresh-job-meta", test_refresh_job_meta);
  g_test_add_func ("/trust/store/meta-one-vocabulary", test_meta_one_vocabulary);
  g_test_add_func ("/trust/store/on-disk", test_store_on_disk);
  g_test_add_func ("/trust/store/list-labels", test_list_labels);
  g_test_add_func ("/trust/fixtures/chains", test_fixture_chains);
  g_test_add_func ("/trust/fixtures/allowed-list", test_fixture_allowed_list);

  status = g_test_run ();
  cl_test_pki_free (pki);
  return status;
}
