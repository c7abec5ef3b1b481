/* test-conforming-products.c: the C2PA Conforming Products List installed in the trust
 * folder names the signer's product (by the certificate's c2pa-cpl-record extension, else
 * by its DN), never makes it trusted, flags a signal the product may not claim, and bad
 * lists are refused in words.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "cl-conforming-products.h"
#include "cl-error.h"
#include "cl-signals.h"
#include "cl-test-pki.h"
#include "cl-test-tmp.h"
#include "cl-trust-chain.h"
#include "cl-trust-store.h"

#define CAMERA_RECORD "0197aa34-665b-7811-9bbc-317cfd988d0a"
#define STUDIO_RECORD "01989f24-24ef-78ff-8c1a-90a2f4f1b349"
#define OLD_RECORD    "01989f24-24ef-78ff-8c1a-90a2f4f1b350"

/* Three records shaped like the published list's: a camera (level 2), an AI app that may
 * not claim a camera capture, and a product whose record was withdrawn. */
static const char cpl_json[] =
  "[{\"recordId\":\"" CAMERA_RECORD "\",\"applicant\":\"Example Optics\",\"status\":\"conformant\","
  "  \"product\":{\"productType\":\"generatorProduct\","
  "    \"DN\":{\"CN\":\"Field Camera\",\"O\":\"Example Optics\",\"OU\":\"\",\"C\":\"US\"},"
  "    \"assurance\":{\"maxAssuranceLevel\":2,\"attestationMethods\":[\"Android_KeyAttestation\"]},"
  "    \"disallowedSignals\":{\"inception\":[]}},"
  "  \"specVersion\":[\"2.2\"],\"dates\":{\"conformance\":\"2025-06-27\"}},"
  " {\"recordId\":\"" STUDIO_RECORD "\",\"applicant\":\"Example AI\",\"status\":\"conformant\","
  "  \"product\":{\"productType\":\"generatorProduct\","
  "    \"DN\":{\"CN\":\"Picture Studio\",\"O\":\"Example AI\",\"C\":\"US\"},"
  "    \"assurance\":{\"maxAssuranceLevel\":1},"
  "    \"disallowedSignals\":{\"inception\":[\"capturedMedia\",\"capturedMediaStitched\"]}},"
  "  \"specVersion\":[\"2.4\"],\"dates\":{\"conformance\":\"2026-02-01\"}},"
  " {\"recordId\":\"" OLD_RECORD "\",\"applicant\":\"Example Old\",\"status\":\"withdrawn\","
  "  \"product\":{\"productType\":\"generatorProduct\","
  "    \"DN\":{\"CN\":\"Old Signer\",\"O\":\"Example Old\",\"OU\":\"Press\",\"C\":\"US\"}}},"
  " {\"recordId\":\"no-dn\"}]";

typedef struct {
  ClTestPki  *pki;
  char       *dir;
  char       *trust_dir;
} Fixture;

static Fixture fx;


static ClTestCred *
leaf (const char *cn,
      const char *org,
      const char *cpl_record)
{
  return cl_test_cred_new (&(ClTestCertSpec) {
    .cn = cn, .org = org, .issuer = fx.pki->intermediate,
    .key_usage = "critical,digitalSignature",
    .ext_key_usage = "emailProtection,1.3.6.1.4.1.62558.2.1",
    .cpl_record = cpl_record,
  });
}


/* The signer judged against a store whose folder holds the list (and no trust list). */
static ClTrustResult *
evaluate (ClTestCred *signer)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClTrustStore) store = cl_trust_store_load (fx.trust_dir, &error);
  g_autoptr(GPtrArray) chain = cl_test_chain_der (signer, fx.pki->intermediate, NULL);

  g_assert_no_error (error);
  g_assert_nonnull (cl_trust_store_get_conforming_products (store));
  return cl_trust_evaluate (store, chain, NULL, NULL, NULL, NULL);
}


static void
install_list (void)
{
  g_autofree char *source = g_build_filename (fx.dir, "cpl.json", NULL);
  g_autoptr(GError) error = NULL;
  guint n = 0;

  g_assert_true (g_file_set_contents (source, cpl_json, -1, NULL));
  g_assert_true (cl_conforming_products_install (source, fx.trust_dir, &n, &error));
  g_assert_no_error (error);
  /* The record without a DN is no product. */
  g_assert_cmpuint (n, ==, 3);
}


/* Matched by DN: named, levelled, and still not trusted (no trust list is installed). */
static void
test_match_by_dn (void)
{
  g_autoptr(ClTestCred) camera = leaf ("Field Camera", "Example Optics", NULL);
  g_autoptr(ClTestCred) unit = leaf ("Old Signer", "Example Old", NULL);
  g_autoptr(ClTestCred) stranger = leaf ("Field Camera", "Someone Else", NULL);
  g_autoptr(ClTrustResult) result = NULL;
  g_autoptr(ClTrustResult) other = NULL;
  g_autoptr(ClTrustResult) unlisted = NULL;
  g_autoptr(JsonNode) json = NULL;
  g_autofree char *described = NULL;
  JsonObject *product;

  install_list ();
  result = evaluate (camera);
  g_assert_nonnull (result->product);
  g_assert_cmpstr (result->product->record_id, ==, CAMERA_RECORD);
  g_assert_cmpint (result->product->max_assurance_level, ==, 2);
  g_assert_false (result->trusted);
  described = cl_conforming_product_describe (result->product);
  g_assert_cmpstr (described, ==,
                   "Field Camera (Example Optics), conformant since 2025-06-27, assurance level 2");

  json = cl_trust_result_to_json (result);
  product = json_object_get_object_member (json_node_get_object (json), "conformingProduct");
  g_assert_nonnull (product);
  g_assert_cmpstr (json_object_get_string_member (product, "recordId"), ==, CAMERA_RECORD);
  g_assert_cmpint (json_object_get_int_member (product, "maxAssuranceLevel"), ==, 2);

  /* The record names an OU the certificate does not carry. */
  other = evaluate (unit);
  g_assert_null (other->product);
  /* Same CN, another organisation: not that product. */
  unlisted = evaluate (stranger);
  g_assert_null (unlisted->product);
}


/* The certificate's c2pa-cpl-record extension decides, whatever its DN says. */
static void
test_match_by_record (void)
{
  g_autoptr(ClTestCred) studio = leaf ("Studio Build 7", "Example AI Europe", STUDIO_RECORD);
  g_autoptr(ClTestCred) withdrawn = leaf ("Anything", "Example Old", OLD_RECORD);
  g_autoptr(ClTestCred) unknown = leaf ("Field Camera", "Example Optics",
                                        "01980000-0000-7000-8000-000000000000");
  g_autoptr(ClTrustResult) result = NULL;
  g_autoptr(ClTrustResult) old = NULL;
  g_autoptr(ClTrustResult) none = NULL;
  g_autofree char *described = NULL;

  install_list ();
  result = evaluate (studio);
  g_assert_nonnull (result->product);
  g_assert_cmpstr (result->product->name, ==, "Picture Studio");

  old = evaluate (withdrawn);
  g_assert_nonnull (old->product);
  g_assert_false (cl_conforming_product_is_conformant (old->product));
  described = cl_conforming_product_describe (old->product);
  g_assert_nonnull (strstr (described, "not conformant"));

  /* A record the list does not hold: no product, even though the DN would match. */
  none = evaluate (unknown);
  g_assert_null (none->product);
}


/* An AI app claiming its picture was captured with a camera is flagged; the same signal
 * read from an ingredient is not the product's claim. */
static void
test_disallowed_signal (void)
{
  g_autoptr(ClTestCred) studio = leaf ("Picture Studio", "Example AI", NULL);
  g_autoptr(ClTrustResult) result = NULL;
  ClSignal captured = { .id = "inception:signal_capturedMedia", .label = "Captured with a camera",
                        .source = CL_SIGNAL_SOURCE_ACTIVE, .verified = TRUE };
  ClSignal from_ingredient = captured;
  ClSignal generated = { .id = "inception:signal_fullyGenAIMedia", .label = "Made with AI",
                         .source = CL_SIGNAL_SOURCE_ACTIVE, .verified = TRUE };
  g_autoptr(GPtrArray) signals = g_ptr_array_new ();

  install_list ();
  result = evaluate (studio);
  g_assert_nonnull (result->product);

  g_ptr_array_add (signals, &generated);
  g_assert_null (cl_signals_find_disallowed (signals, result->product));
  from_ingredient.source = CL_SIGNAL_SOURCE_INGREDIENT;
  g_ptr_array_add (signals, &from_ingredient);
  g_assert_null (cl_signals_find_disallowed (signals, result->product));
  g_ptr_array_add (signals, &captured);
  g_assert_true (cl_signals_find_disallowed (signals, result->product) == &captured);
}


static void
assert_refused (const char *contents,
                gssize      length,
                const char *words)
{
  g_autofree char *source = g_build_filename (fx.dir, "bad.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) products = NULL;

  if (length >= 0) {
    g_assert_true (g_file_set_contents (source, contents, length, NULL));
  } else {
    /* A sparse file over the size cap: nothing is read. */
    FILE *file = fopen (source, "w");

    g_assert_nonnull (file);
    g_assert_cmpint (ftruncate (fileno (file), 17 * 1024 * 1024), ==, 0);
    fclose (file);
  }
  products = cl_conforming_products_load (source, &error);
  g_assert_null (products);
  g_assert_error (error, CL_TRUST_ERROR, CL_TRUST_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, words));
  g_assert_false (cl_conforming_products_install (source, fx.trust_dir, NULL, NULL));
}


static void
test_bad_lists (void)
{
  g_autoptr(GString) deep = g_string_new (NULL);

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');
  assert_refused ("{\"not\": \"a list\"}", 17, "not a C2PA conforming products list");
  assert_refused ("[{\"recordId\": \"x\"}]", 19, "names no product");
  assert_refused (deep->str, (gssize) deep->len, "not a C2PA conforming products list");
  assert_refused (NULL, -1, "too large");
  /* Nothing was installed by the refused lists. */
  {
    g_autofree char *installed = g_build_filename (fx.trust_dir, CL_CONFORMING_PRODUCTS_FILE,
                                                   NULL);

    g_assert_false (g_file_test (installed, G_FILE_TEST_EXISTS));
  }
}


/* An unreadable installed list is a problem the store reports, not a silent nothing. */
static void
test_broken_install (void)
{
  g_autofree char *installed = g_build_filename (fx.trust_dir, CL_CONFORMING_PRODUCTS_FILE, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClTrustStore) store = NULL;
  const char * const *problems;

  g_assert_cmpint (g_mkdir_with_parents (fx.trust_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (installed, "[", -1, NULL));
  store = cl_trust_store_load (fx.trust_dir, &error);
  g_assert_no_error (error);
  g_assert_null (cl_trust_store_get_conforming_products (store));
  problems = cl_trust_store_get_problems (store);
  g_assert_nonnull (problems[0]);
  g_assert_nonnull (strstr (problems[0], CL_CONFORMING_PRODUCTS_FILE));
}


static void
setup (void)
{
  g_clear_pointer (&fx.dir, g_free);
  g_clear_pointer (&fx.trust_dir, g_free);
  fx.dir = cl_test_tmp_dir_new ("credlink-cpl", CL_TEST_TMP_UNTIL_CASE_ENDS);
  fx.trust_dir = g_build_filename (fx.dir, "trust", NULL);
}


static void
run_case (gconstpointer data)
{
  setup ();
  ((GTestFunc) data) ();
}


int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  fx.pki = cl_test_pki_new (NULL, NULL);
  g_test_add_data_func ("/conforming-products/match-by-dn", test_match_by_dn, run_case);
  g_test_add_data_func ("/conforming-products/match-by-record", test_match_by_record, run_case);
  g_test_add_data_func ("/conforming-products/disallowed-signal", test_disallowed_signal, run_case);
  g_test_add_data_func ("/conforming-products/bad-lists", test_bad_lists, run_case);
  g_test_add_data_func ("/conforming-products/broken-install", test_broken_install, run_case);
  status = g_test_run ();
  cl_test_pki_free (fx.pki);
  g_free (fx.dir);
  g_free (fx.trust_dir);
  return status;
}
