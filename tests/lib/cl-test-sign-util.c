/* cl-test-sign-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <gdk-pixbuf/gdk-pixbuf.h>

#include "cl-test-c2pa.h"
#include "cl-test-sign-util.h"
#include "cl-validator.h"


char *
cl_test_make_image (const char *dir,
                    const char *name,
                    const char *type,
                    int         width,
                    int         height)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  guint8 *pixels = gdk_pixbuf_get_pixels (pixbuf);
  int rowstride = gdk_pixbuf_get_rowstride (pixbuf);
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  for (int y = 0; y < height; y++) {
    for (int x = 0; x < width; x++) {
      guint8 *p = pixels + y * rowstride + x * 3;

      p[0] = (guint8) (x * 255 / MAX (1, width - 1));
      p[1] = (guint8) (y * 255 / MAX (1, height - 1));
      p[2] = ((x / 8 + y / 8) % 2) ? 200 : 40;
    }
  }
  if (g_str_equal (type, "jpeg"))
    g_assert_true (gdk_pixbuf_save (pixbuf, path, type, &error, "quality", "90", NULL));
  else
    g_assert_true (gdk_pixbuf_save (pixbuf, path, type, &error, NULL));
  g_assert_no_error (error);
  return path;
}


char *
cl_test_file_sha256 (const char *path)
{
  g_autofree char *contents = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, len);
}


void
cl_test_assert_same_pixels (const char *a,
                            const char *b)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) pa = gdk_pixbuf_new_from_file (a, &error);
  g_autoptr(GdkPixbuf) pb = NULL;
  gsize len;

  g_assert_no_error (error);
  pb = gdk_pixbuf_new_from_file (b, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_pixbuf_get_width (pa), ==, gdk_pixbuf_get_width (pb));
  g_assert_cmpint (gdk_pixbuf_get_height (pa), ==, gdk_pixbuf_get_height (pb));
  g_assert_cmpint (gdk_pixbuf_get_n_channels (pa), ==, gdk_pixbuf_get_n_channels (pb));
  g_assert_cmpint (gdk_pixbuf_get_rowstride (pa), ==, gdk_pixbuf_get_rowstride (pb));
  len = gdk_pixbuf_get_byte_length (pa);
  g_assert_cmpuint (len, ==, gdk_pixbuf_get_byte_length (pb));
  g_assert_true (memcmp (gdk_pixbuf_read_pixels (pa), gdk_pixbuf_read_pixels (pb), len) == 0);
}


static guint32
be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}


/* Label of the superbox at offset (from its jumd). */
static char *
superbox_label (const guint8 *data,
                gsize         offset,
                gsize         len)
{
  guint32 jumd_len;

  g_assert_cmpuint (len, >=, 8 + 8 + 17 + 1);
  g_assert_true (memcmp (data + offset + 4, "jumb", 4) == 0);
  g_assert_true (memcmp (data + offset + 12, "jumd", 4) == 0);
  jumd_len = be32 (data + offset + 8);
  g_assert_cmpuint (jumd_len, <=, len - 8);
  g_assert_true (data[offset + 32] == 0x03 || data[offset + 32] == 0x13);
  g_assert_nonnull (memchr (data + offset + 33, 0, jumd_len - 25));
  return g_strdup ((const char *) data + offset + 33);
}


gsize
cl_test_jumbf_find (const guint8 *data,
                    gsize         offset,
                    gsize         len,
                    const char   *label,
                    gsize        *child_len)
{
  gsize child = offset + 8 + be32 (data + offset + 8);

  while (child + 8 <= offset + len) {
    guint32 box_len = be32 (data + child);

    g_assert_cmpuint (box_len, >=, 8);
    g_assert_cmpuint (child + box_len, <=, offset + len);
    if (memcmp (data + child + 4, "jumb", 4) == 0) {
      g_autofree char *child_label = superbox_label (data, child, box_len);

      if (g_str_equal (child_label, label)) {
        if (child_len != NULL)
          *child_len = box_len;
        return child;
      }
    }
    child += box_len;
  }
  return G_MAXSIZE;
}


char *
cl_test_jumbf_last_label (GBytes *store,
                          gsize  *offset_out,
                          gsize  *len_out)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (store, &size);
  gsize child = 8 + be32 (data + 8);
  gsize last = 0, last_len = 0;

  g_assert_cmpuint (be32 (data), ==, size);
  g_assert_true (memcmp (data + 16, "c2pa", 4) == 0);
  while (child + 8 <= size) {
    guint32 box_len = be32 (data + child);

    g_assert_cmpuint (box_len, >=, 8);
    g_assert_cmpuint (child + box_len, <=, size);
    last = child;
    last_len = box_len;
    child += box_len;
  }
  g_assert_cmpuint (child, ==, size);
  g_assert_cmpuint (last, >, 0);
  *offset_out = last;
  *len_out = last_len;
  return superbox_label (data, last, last_len);
}


GBytes *
cl_test_jumbf_content (const guint8 *data,
                       gsize         offset,
                       gsize         len)
{
  gsize child = offset + 8 + be32 (data + offset + 8);
  gsize last = 0, last_len = 0;

  while (child + 8 <= offset + len) {
    guint32 box_len = be32 (data + child);

    g_assert_cmpuint (box_len, >=, 8);
    last = child;
    last_len = box_len;
    child += box_len;
  }
  g_assert_cmpuint (last, >, 0);
  return g_bytes_new (data + last + 8, last_len - 8);
}


char *
cl_test_oracle_path (void)
{
  const char *dir = g_getenv ("CREDLINK_ORACLE_DIR");
  g_autofree char *node = g_find_program_in_path ("node");
  char *path;

  if (node == NULL)
    return NULL;
  path = dir != NULL ? g_build_filename (dir, "read.mjs", NULL)
                     : g_build_filename (g_get_home_dir (), ".cache", "credlink-oracle",
                                         "read.mjs", NULL);
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    g_clear_pointer (&path, g_free);
  return path;
}


JsonObject *
cl_test_oracle_read_impl (const char *oracle,
                          const char *impl,
                          const char *file,
                          const char *trust_pem)
{
  g_autofree char *impl_arg = impl != NULL ? g_strconcat ("--impl=", impl, NULL) : NULL;
  g_autofree char *trust_arg = trust_pem != NULL ? g_strconcat ("--trust=", trust_pem, NULL)
                                                 : NULL;
  const char *argv[7] = { "node", oracle, "--raw" };    /* + impl, trust, file, NULL */
  guint n = 3;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  int status = 0;

  if (impl_arg != NULL)
    argv[n++] = impl_arg;
  if (trust_arg != NULL)
    argv[n++] = trust_arg;
  argv[n] = file;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}


JsonObject *
cl_test_oracle_read (const char *oracle,
                     const char *file,
                     const char *trust_pem)
{
  return cl_test_oracle_read_impl (oracle, NULL, file, trust_pem);
}


gboolean
cl_test_oracle_has (JsonObject *report,
                    const char *list_name,
                    const char *code)
{
  JsonObject *codes = json_object_get_object_member (report, "codes");
  JsonArray *list = json_object_has_member (report, list_name)
                    ? json_object_get_array_member (report, list_name)
                    : codes != NULL ? json_object_get_array_member (codes, list_name) : NULL;

  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++) {
    if (g_str_equal (json_array_get_string_element (list, i), code))
      return TRUE;
  }
  return FALSE;
}


gboolean
cl_test_run_reference_signer (const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = -1;

  g_ptr_array_add (argv, (gpointer) "node");
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH |
                               G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, &err, &status,
                               &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL)) {
    g_test_message ("sign.mjs: %s", err);
    g_test_fail ();
    return FALSE;
  }
  return TRUE;
}


gboolean
cl_test_oracle_sign_es256 (const char *oracle,
                           const char *input,
                           const char *output)
{
  const char *shared = g_getenv ("CREDLINK_SHARED_DIR");
  g_autofree char *certs = NULL, *chain = NULL, *key = NULL, *dir = NULL, *script = NULL;

  if (oracle == NULL || shared == NULL) {
    g_test_skip ("the reference reader or the shared test certificates are not available");
    return FALSE;
  }
  certs = g_build_filename (shared, "c2pa-fixtures", "certs", NULL);
  chain = g_build_filename (certs, "es256.pub", NULL);
  key = g_build_filename (certs, "es256.pem", NULL);
  dir = g_path_get_dirname (oracle);
  script = g_build_filename (dir, "sign.mjs", NULL);
  if (!g_file_test (chain, G_FILE_TEST_EXISTS) || !g_file_test (script, G_FILE_TEST_EXISTS)) {
    g_test_skip ("the reference signer or the shared test certificates are not available");
    return FALSE;
  }
  {
    const char *args[] = { script, input, output, chain, key, NULL };

    return cl_test_run_reference_signer (args);
  }
}


void
cl_test_assert_same_verdict (const char *oracle,
                             const char *path,
                             const char *expected_failure)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClValidationReport) report = cl_validator_verify_file (path, NULL, NULL, &error);
  g_autoptr(JsonObject) reference = cl_test_oracle_read (oracle, path, NULL);

  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member_with_default (reference, "validation_state",
                                                               "(none)"),
                   ==, cl_validation_state_to_string (report->state));
  g_assert_true (cl_test_oracle_has (reference, "failure", expected_failure));
  g_assert_true (cl_test_report_has_code (report, expected_failure));
}


static void
assert_only_untrusted (JsonArray  *codes,
                       const char *file,
                       const char *where)
{
  for (guint i = 0; codes != NULL && i < json_array_get_length (codes); i++) {
    const char *code = json_array_get_string_element (codes, i);

    if (!g_str_equal (code, "signingCredential.untrusted"))
      g_error ("%s: the reference reader reports %s (%s)", file, code, where);
  }
}


void
cl_test_oracle_assert_valid (JsonObject *report,
                             const char *file)
{
  JsonObject *codes = json_object_get_object_member (report, "codes");

  g_assert_true (json_object_get_boolean_member (report, "has_manifest"));
  assert_only_untrusted (json_object_get_array_member (codes, "failure"), file, "active");
  assert_only_untrusted (json_object_get_array_member (report, "ingredient_failure_codes"), file,
                         "ingredients");
  g_assert_cmpstr (json_object_get_string_member (report, "validation_state"), !=, "Invalid");
}


static void
scan_success (JsonArray  *success,
              gboolean   *manifest_validated,
              gboolean   *signature_validated)
{
  for (guint k = 0; success != NULL && k < json_array_get_length (success); k++) {
    const char *code = json_object_get_string_member (
      json_array_get_object_element (success, k), "code");

    *manifest_validated |= g_str_equal (code, "ingredient.manifest.validated");
    *signature_validated |= g_str_equal (code, "claimSignature.validated");
  }
}


void
cl_test_oracle_assert_ingredient_validated (JsonObject *report,
                                            const char *file)
{
  JsonObject *raw = json_object_get_object_member (report, "raw");
  JsonObject *results = json_object_get_object_member (raw, "validation_results");
  JsonArray *deltas = json_object_get_array_member (results, "ingredientDeltas");
  JsonObject *manifests = json_object_get_object_member (raw, "manifests");
  JsonObject *active = json_object_get_object_member (
    manifests, json_object_get_string_member (raw, "active_manifest"));
  JsonArray *ingredients = json_object_get_array_member (active, "ingredients");
  gboolean manifest_validated = FALSE, signature_validated = FALSE;

  /* What the reader re-derived beyond what the signer recorded (deltas), and what the
   * signer recorded in the ingredient (validation_results), together. */
  g_assert_nonnull (deltas);
  for (guint i = 0; i < json_array_get_length (deltas); i++) {
    JsonObject *delta = json_object_get_object_member (
      json_array_get_object_element (deltas, i), "validationDeltas");

    scan_success (json_object_get_array_member (delta, "success"), &manifest_validated,
                  &signature_validated);
  }
  for (guint i = 0; ingredients != NULL && i < json_array_get_length (ingredients); i++) {
    JsonObject *ingredient = json_array_get_object_element (ingredients, i);
    JsonObject *recorded = json_object_has_member (ingredient, "validation_results")
      ? json_object_get_object_member (ingredient, "validation_results") : NULL;

    if (recorded != NULL && json_object_has_member (recorded, "activeManifest"))
      scan_success (json_object_get_array_member (
                      json_object_get_object_member (recorded, "activeManifest"), "success"),
                    &manifest_validated, &signature_validated);
  }
  if (!manifest_validated || !signature_validated)
    g_error ("%s: the reference reader did not validate the parent ingredient", file);
}


gboolean
cl_test_file_contains (const char *path,
                       const char *text)
{
  g_autofree char *contents = NULL;
  gsize len, text_len = strlen (text);

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  for (gsize i = 0; i + text_len <= len; i++) {
    if (memcmp (contents + i, text, text_len) == 0)
      return TRUE;
  }
  return FALSE;
}


void
cl_test_assert_valid_untrusted (const char *path,
                                const char *binding_code)
{
  g_autofree char *oracle = cl_test_oracle_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ClValidationReport) report = cl_validator_verify_file (path, NULL, NULL, &error);
  g_auto(GStrv) failures = NULL;

  g_assert_no_error (error);
  g_assert_true (cl_test_report_has_code (report, "claimSignature.validated"));
  g_assert_true (cl_test_report_has_code (report, binding_code));
  g_assert_cmpint (report->state, ==, CL_VALIDATION_STATE_VALID);
  failures = cl_validation_report_dup_failure_codes (report);
  g_assert_cmpuint (g_strv_length (failures), ==, 1);
  g_assert_cmpstr (failures[0], ==, "signingCredential.untrusted");
  if (oracle != NULL) {
    g_autoptr(JsonObject) reference = cl_test_oracle_read (oracle, path, NULL);

    cl_test_oracle_assert_valid (reference, path);
    g_assert_cmpstr (json_object_get_string_member_with_default (reference, "validation_state",
                                                                 "(no state)"),
                     ==, cl_validation_state_to_string (report->state));
  }
}
