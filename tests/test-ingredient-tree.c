/* test-ingredient-tree.c: the ingredient tree of a verified file: on the shared fixtures
 * with nested ingredients (each ingredient's title, relationship, signer, claim generator
 * and own verdict, the one the reference reader's recorded results give it), on a store
 * built here whose manifests name each other in a cycle (each manifest shown once, marked
 * where it comes back, never followed again), on a chain deeper than the cap, and an
 * ingredient opened as a verification of its own. Where the ingredient is a shared fixture
 * of its own, its verdict in the tree is the reference reader's verdict on that file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "cl-ingredient-tree.h"
#include "cl-ingredient-verification.h"
#include "cl-limits.h"
#include "cl-status-codes.h"
#include "cl-test-c2pa.h"
#include "cl-test-manifests.h"
#include "cl-test-pki.h"
#include "cl-test-sign-util.h"
#include "cl-test-tmp.h"
#include "cl-trust-store.h"
#include "cl-verification.h"

#define LABEL_ACTIVE "urn:c2pa:0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"
#define LABEL_A      "urn:c2pa:1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e"
#define LABEL_B      "urn:c2pa:2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f"


static ClVerification *
verify_path (const char *path)
{
  ClVerifyOptions options = CL_VERIFY_OPTIONS_INIT;
  ClVerification *v = cl_verify_file (path, &options, NULL);

  g_assert_no_error (v->error);
  g_assert_nonnull (v->report);
  return v;
}


static ClVerification *
verify_bytes (GBytes *jpeg)
{
  g_autofree char *dir = cl_test_tmp_dir_new ("credlink-ingtree", CL_TEST_TMP_UNTIL_CASE_ENDS);
  g_autofree char *path = g_build_filename (dir, "image.jpg", NULL);

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (jpeg, NULL),
                                      (gssize) g_bytes_get_size (jpeg), NULL));
  return verify_path (path);
}


static char *
shared_image (const char *name)
{
  const char *shared = g_getenv ("CREDLINK_SHARED_DIR");
  g_autofree char *path = shared != NULL
                          ? g_build_filename (shared, "c2pa-fixtures", "images", name, NULL) : NULL;

  return path != NULL && g_file_test (path, G_FILE_TEST_EXISTS) ? g_steal_pointer (&path) : NULL;
}


static ClIngredientNode *
child (GPtrArray *nodes,
       guint      index)
{
  g_assert_cmpuint (index, <, nodes->len);
  return g_ptr_array_index (nodes, index);
}


static gboolean
has_failure (ClIngredientNode *node,
             const char       *code)
{
  g_auto(GStrv) failures = cl_ingredient_node_dup_failures (node);

  return g_strv_contains ((const char *const *) failures, code);
}


/* CACAE-uri-CA.jpg: a component (valid, its signer on no list) that placed a component
 * whose assertion was altered (Invalid), opened from a file without credentials. */
static void
test_fixture_three_levels (void)
{
  g_autofree char *path = shared_image ("CACAE-uri-CA.jpg");
  g_autoptr(ClVerification) v = NULL;
  g_autoptr(ClIngredientTree) tree = NULL;
  ClIngredientNode *top, *middle, *leaf;

  if (path == NULL) {
    g_test_skip ("shared C2PA fixtures not present");
    return;
  }
  v = verify_path (path);
  tree = cl_ingredient_tree_new (v->report);
  g_assert_cmpuint (tree->roots->len, ==, 1);
  g_assert_cmpuint (tree->n_nodes, ==, 3);
  top = child (tree->roots, 0);
  g_assert_cmpstr (top->title, ==, "CAE-uri-CA.jpg");
  g_assert_cmpstr (top->relationship, ==, "componentOf");
  g_assert_cmpstr (top->format, ==, "image/jpeg");
  g_assert_cmpstr (top->signer, ==, "C2PA Signer");
  g_assert_cmpstr (top->claim_generator, ==, "make_test_images 0.36.0");
  g_assert_nonnull (top->manifest);
  g_assert_cmpint (top->verdict, ==, CL_VERDICT_VALID);
  g_assert_false (top->repeated);

  middle = child (top->children, 0);
  g_assert_cmpstr (middle->title, ==, "E-uri-CA.jpg");
  g_assert_true (middle->parent == top);
  g_assert_cmpint (middle->verdict, ==, CL_VERDICT_INVALID);
  g_assert_true (has_failure (middle, CL_CODE_ASSERTION_HASHED_URI_MISMATCH));

  leaf = child (middle->children, 0);
  g_assert_cmpstr (leaf->title, ==, "A.jpg");
  g_assert_cmpstr (leaf->relationship, ==, "parentOf");
  g_assert_null (leaf->manifest_label);
  g_assert_cmpint (leaf->verdict, ==, CL_VERDICT_NO_CREDENTIALS);
  g_assert_cmpuint (leaf->children->len, ==, 0);
}


/* CIE-sig-CA.jpg: its component was recorded with a signature that does not match
 * (c2pa-rs keeps the file Valid, the recorded failure being the ingredient's own): the
 * component itself is Invalid. adobe-20220124-E-clm-CAICAI.jpg: an ingredient whose
 * manifest the store lacks is Invalid, one without credentials says so. */
static void
test_fixture_own_verdicts (void)
{
  g_autofree char *cie = shared_image ("CIE-sig-CA.jpg");
  g_autofree char *caicai = shared_image ("adobe-20220124-E-clm-CAICAI.jpg");
  g_autoptr(ClVerification) v = NULL, w = NULL;
  g_autoptr(ClIngredientTree) tree = NULL, other = NULL;
  ClIngredientNode *node;

  if (cie == NULL || caicai == NULL) {
    g_test_skip ("shared C2PA fixtures not present");
    return;
  }
  v = verify_path (cie);
  g_assert_cmpint (v->verdict, ==, CL_VERDICT_VALID);
  tree = cl_ingredient_tree_new (v->report);
  node = child (tree->roots, 0);
  g_assert_cmpstr (node->title, ==, "E-sig-CA.jpg");
  g_assert_cmpint (node->verdict, ==, CL_VERDICT_INVALID);
  g_assert_true (has_failure (node, CL_CODE_CLAIM_SIGNATURE_MISMATCH));
  g_assert_cmpuint (node->children->len, ==, 1);

  w = verify_path (caicai);
  other = cl_ingredient_tree_new (w->report);
  g_assert_cmpuint (other->roots->len, ==, 2);
  g_assert_cmpint (child (other->roots, 0)->verdict, ==, CL_VERDICT_NO_CREDENTIALS);
  node = child (other->roots, 1);
  g_assert_cmpstr (node->title, ==, "CAI.jpg");
  g_assert_null (node->manifest);
  g_assert_nonnull (node->manifest_label);
  g_assert_cmpint (node->verdict, ==, CL_VERDICT_INVALID);
  g_assert_true (has_failure (node, CL_CODE_INGREDIENT_MANIFEST_MISSING));
}


/* The component of CACAE-uri-CA.jpg opened as its own: its manifest active, its signer,
 * its verdict, and its own ingredient still Invalid in the tree of that verification. */
static void
test_fixture_opened_as_own (void)
{
  g_autofree char *path = shared_image ("CACAE-uri-CA.jpg");
  g_autoptr(ClVerification) v = NULL, own = NULL;
  g_autoptr(ClIngredientTree) tree = NULL, inner = NULL;
  g_autoptr(JsonNode) json = NULL;
  ClManifestReport *active;
  ClIngredientNode *top;

  if (path == NULL) {
    g_test_skip ("shared C2PA fixtures not present");
    return;
  }
  v = verify_path (path);
  tree = cl_ingredient_tree_new (v->report);
  top = child (tree->roots, 0);
  own = cl_ingredient_node_dup_verification (top, v);
  g_assert_cmpint (own->verdict, ==, CL_VERDICT_VALID);
  g_assert_nonnull (own->reason);
  active = cl_validation_report_get_active (own->report);
  g_assert_nonnull (active);
  g_assert_cmpstr (active->label, ==, top->manifest_label);
  g_assert_cmpstr (active->title, ==, "CAE-uri-CA.jpg");
  g_assert_cmpstr (active->sig_common_name, ==, "C2PA Signer");
  inner = cl_ingredient_tree_new (own->report);
  g_assert_cmpuint (inner->roots->len, ==, 1);
  g_assert_cmpstr (child (inner->roots, 0)->title, ==, "E-uri-CA.jpg");
  g_assert_cmpint (child (inner->roots, 0)->verdict, ==, CL_VERDICT_INVALID);

  json = cl_verification_to_json (v);
  g_assert_true (json_object_has_member (json_node_get_object (json), "ingredient_tree"));
}


/* CIE-sig-CA.jpg placed E-sig-CA.jpg, CACA.jpg opened CA.jpg, and both ingredients are
 * fixtures too: the verdict of each in the tree is what the reference reader says of that
 * file alone (no trust anchors), though the containing files are Valid both. */
static void
test_fixture_agrees_with_reference (void)
{
  static const struct { const char *file, *ingredient; } pairs[] = {
    { "CIE-sig-CA.jpg", "E-sig-CA.jpg" },
    { "CACA.jpg", "CA.jpg" },
  };
  g_autofree char *oracle = cl_test_oracle_path ();

  if (oracle == NULL) {
    g_test_skip ("the reference reader is not installed");
    return;
  }
  for (gsize i = 0; i < G_N_ELEMENTS (pairs); i++) {
    g_autofree char *file = shared_image (pairs[i].file);
    g_autofree char *ingredient = shared_image (pairs[i].ingredient);
    g_autoptr(ClVerification) v = NULL;
    g_autoptr(ClIngredientTree) tree = NULL;
    g_autoptr(JsonObject) reference = NULL;
    const char *state;
    ClIngredientNode *node;

    if (file == NULL || ingredient == NULL) {
      g_test_skip ("shared C2PA fixtures not present");
      return;
    }
    v = verify_path (file);
    g_assert_cmpint (v->verdict, ==, CL_VERDICT_VALID);
    tree = cl_ingredient_tree_new (v->report);
    node = child (tree->roots, 0);
    g_assert_cmpstr (node->title, ==, pairs[i].ingredient);
    reference = cl_test_oracle_read (oracle, ingredient, NULL);
    g_assert_nonnull (reference);
    state = json_object_get_string_member_with_default (reference, "validation_state", "");
    g_test_message ("%s in %s: reference %s, here %s", pairs[i].ingredient, pairs[i].file,
                    state, cl_verdict_to_string (node->verdict));
    g_assert_cmpint (node->verdict, ==,
                     g_str_equal (state, "Invalid") ? CL_VERDICT_INVALID : CL_VERDICT_VALID);
    g_assert_true (g_str_equal (state, "Invalid") || g_str_equal (state, "Valid"));
  }
}


/* A manifest of the test PKI labelled label with c2pa.actions.v2 and an ingredient for
 * each of names (labels), hashing the matching manifests of bytes (NULL: a placeholder). */
static GBytes *
manifest_naming (const ClTestPki *pki,
                 const char      *label,
                 const char      *name1,
                 GBytes          *bytes1,
                 const char      *name2,
                 GBytes          *bytes2)
{
  g_autoptr(GPtrArray) chain = cl_test_chain_der (pki->signer, pki->intermediate, NULL);
  g_autoptr(GBytes) actions = cl_test_actions_created_cbor (NULL);
  g_autoptr(GBytes) first = name1 != NULL ? cl_test_ingredient_v3_cbor (name1, bytes1, NULL, NULL)
                                          : NULL;
  g_autoptr(GBytes) second = name2 != NULL ? cl_test_ingredient_v3_cbor (name2, bytes2, NULL, NULL)
                                           : NULL;
  const ClTestAssertion assertions[] = {
    { "c2pa.actions.v2", actions }, { "c2pa.ingredient.v3", first },
    { "c2pa.ingredient.v3__1", second },
  };
  guint n = name1 == NULL ? 1 : name2 == NULL ? 2 : 3;

  return cl_test_manifest_new (pki->signer->key, chain, label, assertions, n, NULL, NULL);
}


typedef struct {
  const ClTestPki *pki;
  GBytes          *a;          /* the manifest the active manifest's ingredient names */
} ActiveSpec;


static GBytes *
active_naming_a (guint32       start,
                 guint32       length,
                 const guint8  hash[32],
                 gpointer      user_data)
{
  const ActiveSpec *spec = user_data;
  g_autoptr(GPtrArray) chain = cl_test_chain_der (spec->pki->signer, spec->pki->intermediate, NULL);
  g_autoptr(GBytes) actions = cl_test_actions_created_cbor (NULL);
  g_autoptr(GBytes) ingredient = cl_test_ingredient_v3_cbor (LABEL_A, spec->a, NULL, NULL);
  g_autoptr(GBytes) binding = cl_test_data_hash_cbor (start, length, hash);
  const ClTestAssertion assertions[] = {
    { "c2pa.actions.v2", actions }, { "c2pa.ingredient.v3", ingredient },
    { "c2pa.hash.data", binding },
  };

  return cl_test_manifest_new (spec->pki->signer->key, chain, LABEL_ACTIVE, assertions,
                               G_N_ELEMENTS (assertions), NULL, NULL);
}


/* The active manifest names A; A names B; B names A again and the active manifest: every
 * manifest is listed once, B's two ingredients are marked as shown before and not
 * followed, and B (whose hash cannot match: A hashes an earlier B) is Invalid. */
static void
test_cycle (void)
{
  g_autoptr(ClTestPki) pki = cl_test_pki_new (NULL, NULL);
  g_autoptr(GBytes) b_before = manifest_naming (pki, LABEL_B, NULL, NULL, NULL, NULL);
  g_autoptr(GBytes) active_before = manifest_naming (pki, LABEL_ACTIVE, NULL, NULL, NULL, NULL);
  g_autoptr(GBytes) a = manifest_naming (pki, LABEL_A, LABEL_B, b_before, NULL, NULL);
  g_autoptr(GBytes) b = manifest_naming (pki, LABEL_B, LABEL_A, a, LABEL_ACTIVE, active_before);
  GBytes *others[] = { a, b };
  ActiveSpec spec = { pki, a };
  g_autoptr(GBytes) jpeg = cl_test_manifests_jpeg_new (others, 2, active_naming_a, &spec);
  g_autoptr(ClVerification) v = verify_bytes (jpeg);
  g_autoptr(ClIngredientTree) tree = cl_ingredient_tree_new (v->report);
  g_autoptr(JsonNode) json = cl_ingredient_tree_to_json (tree);
  g_autofree char *text = json_to_string (json, FALSE);
  ClIngredientNode *node_a, *node_b;

  g_assert_cmpuint (tree->roots->len, ==, 1);
  g_assert_cmpuint (tree->n_nodes, ==, 4);
  node_a = child (tree->roots, 0);
  g_assert_cmpstr (node_a->manifest_label, ==, LABEL_A);
  g_assert_false (node_a->repeated);
  g_assert_cmpint (node_a->verdict, ==, CL_VERDICT_VALID);
  g_assert_cmpstr (node_a->signer, ==, "CredLink Test Signer");

  node_b = child (node_a->children, 0);
  g_assert_cmpstr (node_b->manifest_label, ==, LABEL_B);
  g_assert_false (node_b->repeated);
  g_assert_cmpint (node_b->verdict, ==, CL_VERDICT_INVALID);
  g_assert_true (has_failure (node_b, CL_CODE_INGREDIENT_MANIFEST_MISMATCH));
  g_assert_cmpuint (node_b->children->len, ==, 2);
  g_assert_cmpstr (child (node_b->children, 0)->manifest_label, ==, LABEL_A);
  g_assert_true (child (node_b->children, 0)->repeated);
  g_assert_cmpuint (child (node_b->children, 0)->children->len, ==, 0);
  g_assert_cmpstr (child (node_b->children, 1)->manifest_label, ==, LABEL_ACTIVE);
  g_assert_true (child (node_b->children, 1)->repeated);
  g_assert_cmpuint (child (node_b->children, 1)->children->len, ==, 0);
  g_assert_nonnull (strstr (text, "\"repeated\":true"));
}


/* A chain of manifests each naming the next, deeper than the cap: the tree stops at the
 * cap and marks the last node it lists. */
static void
test_depth_cap (void)
{
  enum { N = CL_LIMIT_INGREDIENT_TREE_DEPTH + 2 };
  g_autoptr(ClTestPki) pki = cl_test_pki_new (NULL, NULL);
  g_autoptr(GPtrArray) manifests = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autoptr(GBytes) jpeg = NULL;
  g_autoptr(ClVerification) v = NULL;
  g_autoptr(ClIngredientTree) tree = NULL;
  ActiveSpec spec = { pki, NULL };
  GPtrArray *level;
  guint depth = 0;

  /* The last of the chain first: each names the one made before it. */
  for (guint i = 0; i < N; i++) {
    g_autofree char *label = g_strdup_printf ("urn:c2pa:00000000-0000-4000-8000-%012u", i);
    g_autofree char *previous = i > 0 ? g_strdup_printf ("urn:c2pa:00000000-0000-4000-8000-%012u",
                                                         i - 1) : NULL;
    GBytes *before = i > 0 ? g_ptr_array_index (manifests, i - 1) : NULL;

    g_ptr_array_add (manifests, manifest_naming (pki, i + 1 == N ? LABEL_A : label,
                                                 previous, before, NULL, NULL));
  }
  spec.a = g_ptr_array_index (manifests, N - 1);
  jpeg = cl_test_manifests_jpeg_new ((GBytes **) manifests->pdata, N, active_naming_a, &spec);
  v = verify_bytes (jpeg);
  tree = cl_ingredient_tree_new (v->report);
  for (level = tree->roots; level->len > 0; depth++) {
    ClIngredientNode *node = child (level, 0);

    g_assert_cmpint (node->verdict, ==, CL_VERDICT_VALID);
    if (node->children->len == 0)
      g_assert_true (node->truncated);
    level = node->children;
  }
  g_assert_cmpuint (depth, ==, CL_LIMIT_INGREDIENT_TREE_DEPTH);
  g_assert_cmpuint (tree->n_nodes, ==, CL_LIMIT_INGREDIENT_TREE_DEPTH);
}


int
main (int   argc,
      char *argv[])
{
  g_autoptr(ClTrustStore) no_lists = NULL;

  g_test_init (&argc, &argv, NULL);
  no_lists = cl_trust_store_new (NULL);
  cl_trust_store_set_default (no_lists);

  g_test_add_func ("/ingredient-tree/fixture-three-levels", test_fixture_three_levels);
  g_test_add_func ("/ingredient-tree/fixture-own-verdicts", test_fixture_own_verdicts);
  g_test_add_func ("/ingredient-tree/fixture-opened-as-own", test_fixture_opened_as_own);
  g_test_add_func ("/ingredient-tree/fixture-agrees-with-reference",
                   test_fixture_agrees_with_reference);
  g_test_add_func ("/ingredient-tree/cycle", test_cycle);
  g_test_add_func ("/ingredient-tree/depth-cap", test_depth_cap);
  return g_test_run ();
}
