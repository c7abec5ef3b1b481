/* test-status-text.c: every code the reference reports on the fixtures has a
 * sentence of its own, and failures give a banner reason.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>

#include "cl-status-text.h"

static void
test_known (void)
{
  g_assert_cmpstr (cl_status_text_failure_reason ("assertion.dataHash.mismatch"), ==,
                   "The image was changed after it was signed");
  g_assert_null (cl_status_text_failure_reason ("claimSignature.validated"));
  g_assert_null (cl_status_text_failure_reason ("timeStamp.untrusted"));
  g_assert_cmpstr (cl_status_text_failure_reason ("signingCredential.untrusted"), ==,
                   "The signer’s certificate is not on any of your trust lists");
  g_assert_cmpstr (cl_status_text_describe ("no.such.code"), ==,
                   "A check reported a result CredLink does not know");
  g_assert_nonnull (cl_status_text_describe (NULL));
}

/* Walks the files of expected/no-trust: each code in the success/informational/failure
 * lists of the reference has its own sentence, and the reference's failures have a
 * banner reason. */
static void
check_list (JsonObject *codes, const char *member, ClStatusKind kind, guint *n)
{
  const char *unknown = cl_status_text_describe ("no.such.code");

  JsonArray *list = json_object_has_member (codes, member)
                      ? json_object_get_array_member (codes, member) : NULL;

  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++) {
    const char *code = json_array_get_string_element (list, i);

    if (g_str_has_prefix (code, "cawg."))
      continue;
    if (g_str_equal (cl_status_text_describe (code), unknown))
      g_test_message ("%s has no sentence", code);
    g_assert_cmpstr (cl_status_text_describe (code), !=, unknown);
    if (kind == CL_STATUS_FAILURE)
      g_assert_nonnull (cl_status_text_failure_reason (code));
    (*n)++;
  }
}

static void
test_reference_codes (void)
{
  const char *shared = g_getenv ("CREDLINK_SHARED_DIR");
  g_autofree char *dir_path = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint n = 0;

  if (shared != NULL)
    dir_path = g_build_filename (shared, "c2pa-fixtures", "expected", "no-trust", NULL);
  if (dir_path == NULL || (dir = g_dir_open (dir_path, 0, NULL)) == NULL) {
    g_test_skip ("the shared C2PA fixtures are not present");
    return;
  }
  while ((name = g_dir_read_name (dir)) != NULL) {
    g_autofree char *path = g_build_filename (dir_path, name, NULL);
    g_autoptr(JsonParser) parser = json_parser_new ();
    JsonObject *root, *codes;

    g_assert_true (json_parser_load_from_file (parser, path, NULL));
    root = json_node_get_object (json_parser_get_root (parser));
    if (!json_object_has_member (root, "codes") ||
        JSON_NODE_HOLDS_NULL (json_object_get_member (root, "codes")))
      continue;
    codes = json_object_get_object_member (root, "codes");
    check_list (codes, "success", CL_STATUS_SUCCESS, &n);
    check_list (codes, "informational", CL_STATUS_INFORMATIONAL, &n);
    check_list (codes, "failure", CL_STATUS_FAILURE, &n);
  }
  g_assert_cmpuint (n, >, 100);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/status-text/known", test_known);
  g_test_add_func ("/status-text/reference-codes", test_reference_codes);
  return g_test_run ();
}
