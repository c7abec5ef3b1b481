/* test-sign-claims.c: what the signer's claims say, per C2PA 2.4 and the conformance
 * program's generator rules — specVersion in claim_generator_info, allActionsIncluded,
 * a digitalSourceType on c2pa.created and c2pa.edited and none on c2pa.opened,
 * c2pa.opened hash-referencing its ingredient, and the AI choices ("Generated with AI",
 * "Edited with AI tools") — read back from the signed files' own bytes and, when it is
 * installed, from the reference reader's report; every output validates with no failure
 * but signingCredential.untrusted, here and in the reference reader.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <cbor.h>

#include "cl-asset.h"
#include "cl-manifest-actions.h"
#include "cl-signer.h"
#include "cl-test-sign-util.h"
#include "cl-test-signing.h"
#include "cl-test-tmp.h"

#define IPTC "http://cv.iptc.org/newscodes/digitalsourcetype/"

static char *work_dir;
static char *oracle;


/* One action as the test expects it: name and digitalSourceType (NULL: none). */
typedef struct {
  const char *name;
  const char *source_type;
} ExpectedAction;


static cbor_item_t *
map_get (cbor_item_t *map,
         const char  *key)
{
  struct cbor_pair *pairs;

  g_assert_true (cbor_isa_map (map));
  pairs = cbor_map_handle (map);
  for (gsize i = 0; i < cbor_map_size (map); i++) {
    cbor_item_t *k = pairs[i].key;

    if (cbor_isa_string (k) && cbor_string_length (k) == strlen (key) &&
        memcmp (cbor_string_handle (k), key, strlen (key)) == 0)
      return pairs[i].value;
  }
  return NULL;
}


static char *
text_of (cbor_item_t *item)
{
  g_assert_nonnull (item);
  g_assert_true (cbor_isa_string (item));
  return g_strndup ((const char *) cbor_string_handle (item), cbor_string_length (item));
}


/* The CBOR payload of box label inside the active manifest's superbox (under "c2pa.assertions"
 * when in_assertions). */
static cbor_item_t *
manifest_cbor (const char *path,
               const char *label,
               gboolean    in_assertions)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClAssetInfo) info = cl_asset_read_file (path, NULL, &error);
  gsize store_len, m_off, m_len, a_off, a_len, box_off, box_len;
  const guint8 *store;
  g_autofree char *active = NULL;
  g_autoptr(GBytes) content = NULL;
  struct cbor_load_result load;
  cbor_item_t *item;

  g_assert_no_error (error);
  g_assert_nonnull (info->store);
  store = g_bytes_get_data (info->store, &store_len);
  active = cl_test_jumbf_last_label (info->store, &m_off, &m_len);
  a_off = m_off;
  a_len = m_len;
  if (in_assertions) {
    a_off = cl_test_jumbf_find (store, m_off, m_len, "c2pa.assertions", &a_len);
    g_assert_cmpuint (a_off, !=, G_MAXSIZE);
  }
  box_off = cl_test_jumbf_find (store, a_off, a_len, label, &box_len);
  g_assert_cmpuint (box_off, !=, G_MAXSIZE);
  content = cl_test_jumbf_content (store, box_off, box_len);
  item = cbor_load (g_bytes_get_data (content, NULL), g_bytes_get_size (content), &load);
  g_assert_nonnull (item);
  return item;
}


/* The claim names the spec version in claim_generator_info (C2PA 2.4). */
static void
assert_spec_version (const char *path)
{
  cbor_item_t *claim = manifest_cbor (path, "c2pa.claim.v2", FALSE);
  cbor_item_t *generator = map_get (claim, "claim_generator_info");
  g_autofree char *version = NULL;

  g_assert_nonnull (generator);
  version = text_of (map_get (generator, "specVersion"));
  g_assert_cmpstr (version, ==, "2.4.0");
  g_assert_null (map_get (claim, "specVersion"));
  cbor_decref (&claim);
}


/* The actions, in order, with their source types; allActionsIncluded; an opened action
 * pointing to the ingredient assertion whose hash it carries. */
static void
assert_actions (const char           *path,
                const ExpectedAction *expected,
                gsize                 n_expected)
{
  cbor_item_t *actions = manifest_cbor (path, "c2pa.actions.v2", TRUE);
  cbor_item_t *list = map_get (actions, "actions");
  cbor_item_t *all = map_get (actions, "allActionsIncluded");

  g_assert_nonnull (all);
  g_assert_true (cbor_get_bool (all));
  g_assert_nonnull (list);
  g_assert_cmpuint (cbor_array_size (list), ==, n_expected);
  for (gsize i = 0; i < n_expected; i++) {
    cbor_item_t *action = cbor_array_handle (list)[i];
    g_autofree char *name = text_of (map_get (action, "action"));
    cbor_item_t *source = map_get (action, "digitalSourceType");

    g_assert_cmpstr (name, ==, expected[i].name);
    if (expected[i].source_type == NULL) {
      g_assert_null (source);
    } else {
      g_autofree char *uri = text_of (source);

      g_assert_cmpstr (uri, ==, expected[i].source_type);
    }
    if (g_str_equal (name, "c2pa.opened")) {
      cbor_item_t *parameters = map_get (action, "parameters");
      cbor_item_t *ingredients = parameters != NULL ? map_get (parameters, "ingredients") : NULL;
      g_autofree char *url = NULL;

      g_assert_nonnull (ingredients);
      g_assert_cmpuint (cbor_array_size (ingredients), ==, 1);
      url = text_of (map_get (cbor_array_handle (ingredients)[0], "url"));
      g_assert_cmpstr (url, ==, "self#jumbf=c2pa.assertions/c2pa.ingredient.v3");
      g_assert_nonnull (map_get (cbor_array_handle (ingredients)[0], "hash"));
    }
  }
  cbor_decref (&actions);
}


/* The reference reader's own report of the active manifest: the spec version in its
 * claim_generator_info, and its actions with their source types. */
static void
assert_reference_shows (const char           *path,
                        const ExpectedAction *expected,
                        gsize                 n_expected)
{
  g_autoptr(JsonObject) report = NULL;
  JsonObject *raw, *manifest, *generator, *data = NULL;
  JsonArray *assertions, *actions;

  if (oracle == NULL)
    return;
  report = cl_test_oracle_read (oracle, path, NULL);
  raw = json_object_get_object_member (report, "raw");
  g_assert_nonnull (raw);
  manifest = json_object_get_object_member (
    json_object_get_object_member (raw, "manifests"),
    json_object_get_string_member (raw, "active_manifest"));
  generator = json_array_get_object_element (
    json_object_get_array_member (manifest, "claim_generator_info"), 0);
  g_assert_cmpstr (json_object_get_string_member_with_default (generator, "specVersion", ""),
                   ==, "2.4.0");
  assertions = json_object_get_array_member (manifest, "assertions");
  for (guint i = 0; i < json_array_get_length (assertions); i++) {
    JsonObject *assertion = json_array_get_object_element (assertions, i);

    if (g_str_has_prefix (json_object_get_string_member (assertion, "label"), "c2pa.actions"))
      data = json_object_get_object_member (assertion, "data");
  }
  g_assert_nonnull (data);
  g_assert_true (json_object_get_boolean_member_with_default (data, "allActionsIncluded",
                                                              FALSE));
  actions = json_object_get_array_member (data, "actions");
  g_assert_cmpuint (json_array_get_length (actions), ==, n_expected);
  for (guint i = 0; i < n_expected; i++) {
    JsonObject *action = json_array_get_object_element (actions, i);

    g_assert_cmpstr (json_object_get_string_member (action, "action"), ==, expected[i].name);
    g_assert_cmpstr (json_object_get_string_member_with_default (action, "digitalSourceType",
                                                                 NULL),
                     ==, expected[i].source_type);
  }
}


static char *
sign (const char *input,
      const char *output_name,
      ClAiUse     ai_use,
      gboolean    expect_parent)
{
  ClTestSigningIdentity *id = cl_test_signing_identity (CL_COSE_ALG_ES256, work_dir);
  g_autofree char *output = g_build_filename (work_dir, output_name, NULL);
  ClSignOptions options = { .ai_use = ai_use, .title = "Harbour at dawn" };
  g_autoptr(GError) error = NULL;
  g_autoptr(ClSignResult) result = NULL;

  result = cl_signer_sign_file (id->profile, &options, input, output, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);
  g_assert_true ((result->parent_label != NULL) == expect_parent);
  cl_test_assert_valid_untrusted (output, "assertion.dataHash.match");
  return g_steal_pointer (&output);
}


static void
check (const char           *path,
       const ExpectedAction *expected,
       gsize                 n_expected)
{
  assert_spec_version (path);
  assert_actions (path, expected, n_expected);
  assert_reference_shows (path, expected, n_expected);
}


static void
test_new_capture (void)
{
  g_autofree char *input = cl_test_make_image (work_dir, "capture.jpg", "jpeg", 64, 48);
  g_autofree char *output = sign (input, "capture-signed.jpg", CL_AI_USE_NONE, FALSE);
  const ExpectedAction expected[] = { { "c2pa.created", IPTC "digitalCapture" } };

  check (output, expected, G_N_ELEMENTS (expected));
}


static void
test_generated_with_ai (void)
{
  g_autofree char *input = cl_test_make_image (work_dir, "generated.png", "png", 64, 48);
  g_autofree char *output = sign (input, "generated-signed.png", CL_AI_USE_GENERATED, FALSE);
  const ExpectedAction expected[] = { { "c2pa.created", IPTC "trainedAlgorithmicMedia" } };

  check (output, expected, G_N_ELEMENTS (expected));
}


static void
test_edited_with_ai (void)
{
  g_autofree char *input = cl_test_make_image (work_dir, "edited.jpg", "jpeg", 64, 48);
  g_autofree char *output = sign (input, "edited-signed.jpg", CL_AI_USE_EDITED, FALSE);
  const ExpectedAction expected[] = {
    { "c2pa.created", IPTC "digitalCapture" },
    { "c2pa.edited", IPTC "compositeWithTrainedAlgorithmicMedia" },
  };

  check (output, expected, G_N_ELEMENTS (expected));
}


/* A file with credentials is opened from its ingredient: no digitalSourceType on
 * c2pa.opened, the AI edit after it. */
static void
test_opened_then_edited (void)
{
  g_autofree char *input = cl_test_make_image (work_dir, "parent.jpg", "jpeg", 64, 48);
  g_autofree char *first = sign (input, "parent-signed.jpg", CL_AI_USE_NONE, FALSE);
  g_autofree char *opened = sign (first, "opened.jpg", CL_AI_USE_NONE, TRUE);
  g_autofree char *edited = sign (first, "opened-edited.jpg", CL_AI_USE_EDITED, TRUE);
  g_autofree char *regenerated = sign (first, "opened-generated.jpg", CL_AI_USE_GENERATED, TRUE);
  const ExpectedAction expect_opened[] = { { "c2pa.opened", NULL } };
  const ExpectedAction expect_edited[] = {
    { "c2pa.opened", NULL },
    { "c2pa.edited", IPTC "compositeWithTrainedAlgorithmicMedia" },
  };
  const ExpectedAction expect_regenerated[] = {
    { "c2pa.opened", NULL },
    { "c2pa.edited", IPTC "trainedAlgorithmicMedia" },
  };

  check (opened, expect_opened, G_N_ELEMENTS (expect_opened));
  check (edited, expect_edited, G_N_ELEMENTS (expect_edited));
  check (regenerated, expect_regenerated, G_N_ELEMENTS (expect_regenerated));
}


int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  work_dir = cl_test_tmp_dir_new ("credlink-sign-claims", CL_TEST_TMP_UNTIL_EXIT);
  oracle = cl_test_oracle_path ();
  if (oracle == NULL)
    g_test_message ("reference reader not installed: its reports are not checked");

  g_test_add_func ("/sign-claims/new-capture", test_new_capture);
  g_test_add_func ("/sign-claims/generated-with-ai", test_generated_with_ai);
  g_test_add_func ("/sign-claims/edited-with-ai", test_edited_with_ai);
  g_test_add_func ("/sign-claims/opened-then-edited", test_opened_then_edited);
  status = g_test_run ();

  cl_test_signing_identities_free ();
  g_free (oracle);
  g_free (work_dir);
  return status;
}
