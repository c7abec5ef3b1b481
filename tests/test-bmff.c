/* test-bmff.c: ISO BMFF files (HEIF, HEIC, AVIF, MP4) verified against the reference
 * reader: the shared fixtures signed with c2pa.hash.bmff.v2 and the 1.x c2pa.hash.bmff,
 * and HEIF/AVIF/MP4 files the reference signer signs here with c2pa.hash.bmff.v3; each
 * also with a byte of its media data changed and a byte of its manifest store changed.
 * Our validation_state and failure codes must be the reference's when it is installed,
 * else the codes c2pa-rs 0.91 gives such files. Skipped without the shared fixtures.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <json-glib/json-glib.h>

#include "cl-asset.h"
#include "cl-test-c2pa.h"
#include "cl-test-sign-util.h"
#include "cl-test-tmp.h"
#include "cl-validator.h"

typedef enum {
  TAMPER_NONE,
  TAMPER_MDAT,
  TAMPER_STORE,
} Tamper;


static char *
shared_path (const char *dir,
             const char *name)
{
  const char *shared = g_getenv ("CREDLINK_SHARED_DIR");
  char *path = shared != NULL ? g_build_filename (shared, "c2pa-fixtures", dir, name, NULL) : NULL;

  if (path != NULL && !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    g_clear_pointer (&path, g_free);
  return path;
}


static guint64
be (const guint8 *p,
    guint         n)
{
  guint64 v = 0;

  for (guint i = 0; i < n; i++)
    v = (v << 8) | p[i];
  return v;
}


/* Where the first top-level box of type sits (walked here, not with the code under test). */
static gboolean
find_top_box (GBytes     *file,
              const char *type,
              guint64    *offset,
              guint64    *size)
{
  gsize len;
  const guint8 *data = g_bytes_get_data (file, &len);
  guint64 pos = 0;

  while (pos + 8 <= len) {
    guint64 box = be (data + pos, 4);

    if (box == 1 && pos + 16 <= len)
      box = be (data + pos + 8, 8);
    else if (box == 0)
      box = len - pos;
    if (box < 8 || box > len - pos)
      return FALSE;
    if (memcmp (data + pos + 4, type, 4) == 0) {
      *offset = pos;
      *size = box;
      return TRUE;
    }
    pos += box;
  }
  return FALSE;
}


/* A copy of src in dir with one byte changed: in the middle of the media data or of the
 * C2PA uuid box. */
static char *
tampered_copy (const char *dir,
               const char *src,
               Tamper      tamper)
{
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *base = g_path_get_basename (src);
  char *out = g_build_filename (dir, tamper == TAMPER_MDAT ? "mdat" : "store", NULL);
  char *path;
  gsize len;
  guint64 offset = 0, size = 0;

  g_assert_true (g_file_get_contents (src, &contents, &len, NULL));
  bytes = g_bytes_new_static (contents, len);
  g_assert_true (find_top_box (bytes, tamper == TAMPER_MDAT ? "mdat" : "uuid", &offset, &size));
  contents[offset + size / 2] ^= 0x5A;
  g_mkdir_with_parents (out, 0700);
  path = g_build_filename (out, base, NULL);
  g_free (out);
  g_assert_true (g_file_set_contents (path, contents, (gssize) len, NULL));
  return path;
}


static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}


static char *
join (GPtrArray *set)
{
  g_ptr_array_sort (set, compare_strings);
  g_ptr_array_add (set, NULL);
  return g_strjoinv (",", (char **) set->pdata);
}


static void
add_reference_codes (GPtrArray  *set,
                     JsonObject *reference,
                     const char *list)
{
  JsonObject *codes = json_object_get_object_member (reference, "codes");
  JsonArray *array = NULL;

  if (g_str_equal (list, "failure"))
    array = json_object_get_array_member (codes, "failure");
  else if (json_object_has_member (reference, list) &&
           JSON_NODE_HOLDS_ARRAY (json_object_get_member (reference, list)))
    array = json_object_get_array_member (reference, list);
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++) {
    const char *code = json_array_get_string_element (array, i);

    if (!g_ptr_array_find_with_equal_func (set, code, g_str_equal, NULL))
      g_ptr_array_add (set, g_strdup (code));
  }
}


/* Our verdict on path against the reference's (installed) or the expected state and
 * binding code (not installed). */
static void
check_file (const char *path,
            const char *expected_state,
            const char *expected_code)
{
  g_autofree char *oracle = cl_test_oracle_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ClValidationReport) report = cl_validator_verify_file (path, NULL, NULL, &error);
  g_autoptr(GPtrArray) ours = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) theirs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(JsonObject) reference = NULL;
  g_auto(GStrv) failures = NULL;
  g_autofree char *ours_s = NULL, *theirs_s = NULL;
  const char *verdict;

  g_test_message ("%s", path);
  if (oracle == NULL && expected_code == NULL) {
    g_assert_true (report == NULL || report->state == CL_VALIDATION_STATE_INVALID);
    return;
  }
  if (oracle == NULL) {
    g_assert_no_error (error);
    g_assert_cmpstr (cl_validation_state_to_string (report->state), ==, expected_state);
    g_assert_true (cl_test_report_has_code (report, expected_code));
    return;
  }
  reference = cl_test_oracle_read (oracle, path, NULL);
  verdict = json_object_get_string_member_with_default (reference, "verdict", "");
  if (g_str_equal (verdict, "error") || g_str_equal (verdict, "unsupported")) {
    /* The reference refuses the file: so must we, or call it Invalid. */
    g_assert_true (report == NULL || report->state == CL_VALIDATION_STATE_INVALID);
    return;
  }
  g_assert_no_error (error);
  g_assert_cmpstr (cl_validation_state_to_string (report->state), ==,
                   json_object_get_string_member_with_default (reference, "validation_state", ""));
  add_reference_codes (theirs, reference, "failure");
  add_reference_codes (theirs, reference, "ingredient_failure_codes");
  failures = cl_validation_report_dup_failure_codes (report);
  for (guint i = 0; failures[i] != NULL; i++)
    g_ptr_array_add (ours, g_strdup (failures[i]));
  ours_s = join (ours);
  theirs_s = join (theirs);
  g_assert_cmpstr (ours_s, ==, theirs_s);
  if (expected_code != NULL && g_str_equal (expected_state, "Valid"))
    g_assert_true (cl_test_report_has_code (report, expected_code));
}


/* The file, then its copies with the media data and with the store changed. */
static void
check_with_tampered_copies (const char *path)
{
  g_autofree char *dir = cl_test_tmp_dir_new ("credlink-bmff", CL_TEST_TMP_UNTIL_CASE_ENDS);
  g_autofree char *mdat = tampered_copy (dir, path, TAMPER_MDAT);
  g_autofree char *store = tampered_copy (dir, path, TAMPER_STORE);

  check_file (path, "Valid", "assertion.bmffHash.match");
  check_file (mdat, "Invalid", "assertion.bmffHash.mismatch");
  /* Without the reference, a changed store must at least not pass. */
  check_file (store, "Invalid", NULL);
}


static void
test_fixture (gconstpointer data)
{
  g_autofree char *path = shared_path ("images", data);

  if (path == NULL) {
    g_test_skip ("the shared fixtures are not available");
    return;
  }
  check_with_tampered_copies (path);
}


static char *
reference_signer (void)
{
  g_autofree char *reader = cl_test_oracle_path ();
  g_autofree char *dir = reader != NULL ? g_path_get_dirname (reader) : NULL;
  char *path = dir != NULL ? g_build_filename (dir, "sign.mjs", NULL) : NULL;

  if (path != NULL && !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    g_clear_pointer (&path, g_free);
  return path;
}


/* A file of the shared fixtures signed by c2pa-rs (c2pa.hash.bmff.v3). */
static void
test_reference_signed (gconstpointer data)
{
  g_autofree char *signer = reference_signer ();
  g_autofree char *in = shared_path ("images", data);
  g_autofree char *chain = shared_path ("certs", "es256.pub");
  g_autofree char *key = shared_path ("certs", "es256.pem");
  g_autofree char *dir = NULL, *out = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ClAssetInfo) info = NULL;

  if (signer == NULL || in == NULL || chain == NULL || key == NULL) {
    g_test_skip ("the reference signer or the shared fixtures are not available");
    return;
  }
  dir = cl_test_tmp_dir_new ("credlink-bmff", CL_TEST_TMP_UNTIL_CASE_ENDS);
  out = g_build_filename (dir, data, NULL);
  {
    const char *args[] = { signer, "--no-thumbnail", in, out, chain, key, "es256", NULL };

    if (!cl_test_run_reference_signer (args))
      return;
  }
  info = cl_asset_read_file (out, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (info->store);
  g_assert_cmpuint (info->store_ranges->len, ==, 1);
  cl_test_assert_valid_untrusted (out, "assertion.bmffHash.match");
  check_with_tampered_copies (out);
}


int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_data_func ("/bmff/fixture/v2", "video1.mp4", test_fixture);
  g_test_add_data_func ("/bmff/fixture/v1", "legacy.mp4", test_fixture);
  g_test_add_data_func ("/bmff/reference-signed/heif", "sample1.heif", test_reference_signed);
  g_test_add_data_func ("/bmff/reference-signed/avif", "sample1.avif", test_reference_signed);
  g_test_add_data_func ("/bmff/reference-signed/mp4", "video1_no_manifest.mp4",
                        test_reference_signed);
  return g_test_run ();
}
