/* test-crjson-limits.c: the crJSON document of crowded credentials (cl-test-crowded) stays
 * within CL_LIMIT_REPORT_VALUES values of assertion data and claim lists, as the report
 * does: what is over it is a note, and the rest is shown.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "cl-crjson.h"
#include "cl-limits.h"
#include "cl-test-c2pa.h"
#include "cl-test-crowded.h"
#include "cl-validator.h"

static ClTestSigner *signer;


/* The document of a crowd, validated from a JPEG. */
static JsonNode *
crowd_document (const ClTestCrowd *crowd)
{
  g_autoptr(GBytes) store = cl_test_crowded_store_new (signer, crowd);
  g_autoptr(GBytes) jpeg = cl_test_crowded_jpeg_new (store);
  g_autofree char *path = cl_test_write_temp (jpeg, "crowded.jpg");
  ClValidatorOptions options = { NULL, };
  g_autoptr(GError) error = NULL;
  g_autoptr(ClValidationReport) report = NULL;
  JsonNode *document;

  options.keep_store = TRUE;
  report = cl_validator_verify_file (path, &options, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report->manifest_store);
  document = cl_crjson_new (report->manifest_store, report, NULL, &error);
  g_assert_no_error (error);
  return document;
}


/* Values of a tree, and how many of them are the note that stands for omitted data. */
static guint
count_values (JsonNode *node,
              guint    *notes)
{
  guint n = 1;

  if (JSON_NODE_HOLDS_OBJECT (node)) {
    JsonObjectIter iter;
    JsonNode *member;

    json_object_iter_init (&iter, json_node_get_object (node));
    while (json_object_iter_next (&iter, NULL, &member))
      n += count_values (member, notes);
  } else if (JSON_NODE_HOLDS_ARRAY (node)) {
    JsonArray *array = json_node_get_array (node);

    for (guint i = 0; i < json_array_get_length (array); i++)
      n += count_values (json_array_get_element (array, i), notes);
  } else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING &&
             g_str_has_prefix (json_node_get_string (node), "(not shown:")) {
    (*notes)++;
  }
  return n;
}


/* The values of the active manifest's assertions and claim. */
static guint
shown_values (JsonNode *document,
              guint    *notes)
{
  JsonObject *manifest = json_array_get_object_element (
    json_object_get_array_member (json_node_get_object (document), "manifests"), 0);
  JsonNode *claim = json_object_has_member (manifest, "claim.v2")
                    ? json_object_get_member (manifest, "claim.v2")
                    : json_object_get_member (manifest, "claim");

  *notes = 0;
  return count_values (json_object_get_member (manifest, "assertions"), notes) +
         count_values (claim, notes);
}


/* A few large assertions: the first ones are shown whole, the rest are notes. */
static void
test_large_assertions (void)
{
  ClTestCrowd crowd = { .n_items = 40, .n_references = 40, .item_ints = 8000 };
  g_autoptr(JsonNode) document = crowd_document (&crowd);
  JsonObject *assertions = json_object_get_object_member (
    json_array_get_object_element (
      json_object_get_array_member (json_node_get_object (document), "manifests"), 0),
    "assertions");
  guint notes, values = shown_values (document, &notes);

  g_assert_cmpuint (values, <=, CL_LIMIT_REPORT_VALUES + 16);
  g_assert_cmpuint (notes, >, 0);
  g_assert_cmpuint (notes, <, crowd.n_items);
  /* Every assertion still has its place. */
  g_assert_cmpuint (json_object_get_size (assertions), ==, crowd.n_items + 1);
}


/* Many assertions and references: the claim's list over the cap is a note too. */
static void
test_many_references (void)
{
  ClTestCrowd crowd = { .n_items = 9000, .n_references = 19000 };
  g_autoptr(JsonNode) document = crowd_document (&crowd);
  guint notes, values = shown_values (document, &notes);

  g_assert_cmpuint (values, <=, CL_LIMIT_REPORT_VALUES + 16);
  g_assert_cmpuint (notes, >, 0);
}


/* Credentials of ordinary size are shown whole. */
static void
test_small_whole (void)
{
  ClTestCrowd crowd = { .n_items = 20, .n_references = 20, .item_ints = 10 };
  g_autoptr(JsonNode) document = crowd_document (&crowd);
  guint notes;

  shown_values (document, &notes);
  g_assert_cmpuint (notes, ==, 0);
}


int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  signer = cl_test_signer_new (1, 365);
  g_test_add_func ("/crjson/limits/large-assertions", test_large_assertions);
  g_test_add_func ("/crjson/limits/many-references", test_many_references);
  g_test_add_func ("/crjson/limits/small-whole", test_small_whole);
  status = g_test_run ();
  cl_test_signer_free (signer);
  return status;
}
