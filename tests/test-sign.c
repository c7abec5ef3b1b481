/* test-sign.c: signing JPEG and PNG with ES256, PS256, Ed25519, ES384 and ES512 test
 * identities — new files, large ones, real ones, and files signed before (by us, by peers,
 * or tampered with); what is written is checked byte by byte, the signature and data hash
 * are recomputed, and the reference reader (when installed) must accept it. The signed
 * copy keeps the source's permissions; an interrupted signing's leftovers are removed. What signing
 * refuses: test-sign-errors.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <glib/gstdio.h>
#include <gdk-pixbuf/gdk-pixbuf.h>

#include "cl-asset.h"
#include "cl-signer.h"
#include "cl-test-sign-util.h"
#include "cl-test-signing.h"
#include "cl-test-tmp.h"

static char *work_dir;
static char *oracle;


static GBytes *
read_bytes (const char *path)
{
  g_autofree char *contents = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  return g_bytes_new_take (g_steal_pointer (&contents), len);
}


/* Every byte outside our carrier is the source's, in order. */
static void
assert_bytes_outside_unchanged (const char         *input,
                                const char         *output,
                                const ClSignResult *result)
{
  g_autoptr(GBytes) in = read_bytes (input);
  g_autoptr(GBytes) out = read_bytes (output);
  gsize in_len, out_len;
  const guint8 *a = g_bytes_get_data (in, &in_len);
  const guint8 *b = g_bytes_get_data (out, &out_len);
  guint64 start = result->store_offset, len = result->store_length;

  g_assert_cmpuint (out_len, ==, in_len + len);
  g_assert_true (memcmp (a, b, start) == 0);
  g_assert_true (memcmp (a + start, b + start + len, in_len - start) == 0);
}


static ClSignResult *
sign_ok (ClTestSigningIdentity *id,
         const ClSignOptions   *options,
         const char            *input,
         const char            *output)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = cl_test_file_sha256 (input);
  g_autofree char *after = NULL;
  ClSignResult *result;

  result = cl_signer_sign_file (id->profile, options, input, output, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);
  after = cl_test_file_sha256 (input);
  g_assert_cmpstr (before, ==, after);
  cl_test_assert_signed_store (output, result, id);
  cl_test_assert_same_pixels (input, output);
  return result;
}


static void
oracle_check (const char            *output,
              ClTestSigningIdentity *id,
              gboolean               expect_trusted)
{
  g_autoptr(JsonObject) plain = NULL;
  g_autoptr(JsonObject) trusted = NULL;

  if (oracle == NULL)
    return;
  plain = cl_test_oracle_read (oracle, output, NULL);
  cl_test_oracle_assert_valid (plain, output);
  trusted = cl_test_oracle_read (oracle, output, id->ca_pem);
  cl_test_oracle_assert_valid (trusted, output);
  if (expect_trusted)
    g_assert_cmpstr (json_object_get_string_member (trusted, "validation_state"), ==, "Trusted");
}


static void
test_sign_new (gconstpointer data)
{
  ClTestSigningIdentity *id = cl_test_signing_identity (GPOINTER_TO_INT (data), work_dir);
  static const char *const types[] = { "jpeg", "png" };

  for (gsize i = 0; i < G_N_ELEMENTS (types); i++) {
    g_autofree char *in_name = g_strdup_printf ("src-%s.%s", id->name, types[i]);
    g_autofree char *out_name = g_strdup_printf ("%s/signed-%s.%s", work_dir, id->name, types[i]);
    g_autofree char *input = cl_test_make_image (work_dir, in_name, types[i], 97, 61);
    ClSignOptions options = { .author = "Jane Doe", .title = "Test picture",
                              .do_not_train = TRUE };
    g_autoptr(ClSignResult) result = sign_ok (id, &options, input, out_name);

    g_assert_null (result->parent_label);
    assert_bytes_outside_unchanged (input, out_name, result);
    oracle_check (out_name, id, TRUE);
  }
}


static void
test_resign_own (void)
{
  ClTestSigningIdentity *first = cl_test_signing_identity (CL_COSE_ALG_ES256, work_dir);
  ClTestSigningIdentity *second = cl_test_signing_identity (CL_COSE_ALG_EDDSA, work_dir);
  g_autofree char *input = cl_test_make_image (work_dir, "resign.jpg", "jpeg", 1500, 40);
  g_autofree char *once = g_build_filename (work_dir, "resign-once.jpg", NULL);
  g_autofree char *twice = g_build_filename (work_dir, "resign-twice.jpg", NULL);
  ClSignOptions options = { 0, };
  g_autoptr(ClSignResult) r1 = sign_ok (first, &options, input, once);
  g_autoptr(ClSignResult) r2 = sign_ok (second, &options, once, twice);
  g_autoptr(ClAssetInfo) info1 = cl_asset_read_file (once, NULL, NULL);
  g_autoptr(ClAssetInfo) info2 = cl_asset_read_file (twice, NULL, NULL);
  gsize len1, len2, m_off, m_len;
  const guint8 *s1 = g_bytes_get_data (info1->store, &len1);
  const guint8 *s2 = g_bytes_get_data (info2->store, &len2);
  g_autofree char *first_label = NULL;

  /* The parent's manifest is kept verbatim, before ours; our store replaced the old
   * one in place. */
  g_assert_cmpstr (r2->parent_label, ==, r1->manifest_label);
  g_assert_cmpint (r2->parent_binding, ==, CL_PARENT_BINDING_MATCH);
  g_assert_cmpuint (r2->store_offset, ==, r1->store_offset);
  first_label = cl_test_jumbf_last_label (info1->store, &m_off, &m_len);
  g_assert_cmpuint (len2, >, m_off + m_len);
  g_assert_true (memcmp (s1 + m_off, s2 + m_off, m_len) == 0);
  cl_test_assert_same_pixels (input, twice);
  if (oracle != NULL) {
    g_autoptr(JsonObject) report = cl_test_oracle_read (oracle, twice, NULL);

    cl_test_oracle_assert_valid (report, twice);
    cl_test_oracle_assert_ingredient_validated (report, twice);
    g_assert_cmpint (json_object_get_int_member (report, "ingredients_count"), ==, 1);
  }
}


static void
test_resign_peer (void)
{
  const char *shared = g_getenv ("CREDLINK_SHARED_DIR");
  g_autofree char *peer = shared != NULL
    ? g_build_filename (shared, "c2pa-fixtures", "signed-by-peers", "c2pa-node-es256.jpg", NULL)
    : NULL;
  g_autofree char *peer_png = shared != NULL
    ? g_build_filename (shared, "c2pa-fixtures", "signed-by-peers", "c2pa-node-es256.png", NULL)
    : NULL;
  ClTestSigningIdentity *id = cl_test_signing_identity (CL_COSE_ALG_PS256, work_dir);
  const char *inputs[] = { peer, peer_png };

  if (peer == NULL || !g_file_test (peer, G_FILE_TEST_IS_REGULAR)) {
    g_test_skip ("the shared c2pa-rs fixtures are not available");
    return;
  }
  for (gsize i = 0; i < G_N_ELEMENTS (inputs); i++) {
    g_autofree char *base = g_path_get_basename (inputs[i]);
    g_autofree char *output = g_strdup_printf ("%s/resigned-%s", work_dir, base);
    ClSignOptions options = { 0, };
    g_autoptr(ClSignResult) result = NULL;

    if (!g_file_test (inputs[i], G_FILE_TEST_IS_REGULAR))
      continue;
    result = sign_ok (id, &options, inputs[i], output);
    g_assert_nonnull (result->parent_label);
    if (oracle != NULL) {
      g_autoptr(JsonObject) report = cl_test_oracle_read (oracle, output, id->ca_pem);

      cl_test_oracle_assert_valid (report, output);
      cl_test_oracle_assert_ingredient_validated (report, output);
      g_assert_cmpint (json_object_get_int_member (report, "ingredients_count"), ==, 1);
    }
  }
}


/* Noise does not compress: the claim thumbnail alone makes the store span several
 * APP11 segments (and a large caBX chunk). */
static char *
make_noise_image (const char *name,
                  const char *type)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 1300, 1000);
  guint8 *pixels = gdk_pixbuf_get_pixels (pixbuf);
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  char *path = g_build_filename (work_dir, name, NULL);
  g_autoptr(GError) error = NULL;

  for (gsize i = 0; i < gdk_pixbuf_get_byte_length (pixbuf); i++)
    pixels[i] = (guint8) g_rand_int (rand);
  g_assert_true (gdk_pixbuf_save (pixbuf, path, type, &error, NULL));
  g_assert_no_error (error);
  return path;
}


static void
test_sign_large (void)
{
  ClTestSigningIdentity *id = cl_test_signing_identity (CL_COSE_ALG_ES256, work_dir);
  static const char *const types[] = { "jpeg", "png" };

  for (gsize i = 0; i < G_N_ELEMENTS (types); i++) {
    g_autofree char *in_name = g_strdup_printf ("noise.%s", types[i]);
    g_autofree char *output = g_strdup_printf ("%s/noise-signed.%s", work_dir, types[i]);
    g_autofree char *input = make_noise_image (in_name, types[i]);
    ClSignOptions options = { 0, };
    g_autoptr(ClSignResult) result = sign_ok (id, &options, input, output);

    g_assert_cmpuint (result->store_length, >, 3 * 65535);
    if (i == 0) {
      g_autoptr(GBytes) bytes = read_bytes (output);
      const guint8 *data = g_bytes_get_data (bytes, NULL);
      guint64 offset = result->store_offset;
      guint segments = 0;

      while (offset < result->store_offset + result->store_length) {
        g_assert_cmpuint (data[offset], ==, 0xFF);
        g_assert_cmpuint (data[offset + 1], ==, 0xEB);
        offset += 2 + ((data[offset + 2] << 8) | data[offset + 3]);
        segments++;
      }
      g_assert_cmpuint (offset, ==, result->store_offset + result->store_length);
      g_assert_cmpuint (segments, >=, 4);
    }
    assert_bytes_outside_unchanged (input, output, result);
    oracle_check (output, id, TRUE);
  }
}


/* Real files: camera JPEGs with EXIF, a PNG from libpng, and files whose credentials
 * come from other generators (v1 claims, several manifests, an update manifest). */
static void
test_sign_real_files (void)
{
  static const char *const names[] = {
    "P1000827.jpg", "IMG_0003.jpg", "libpng-test.png", "CA.jpg", "CACA.jpg",
    "update_manifest.jpg", "C_with_CAWG_data.jpg",
  };
  const char *shared = g_getenv ("CREDLINK_SHARED_DIR");
  ClTestSigningIdentity *id = cl_test_signing_identity (CL_COSE_ALG_ES256, work_dir);
  guint signed_count = 0;

  for (gsize i = 0; shared != NULL && i < G_N_ELEMENTS (names); i++) {
    g_autofree char *input = g_build_filename (shared, "c2pa-fixtures", "images", names[i], NULL);
    g_autofree char *output = g_strdup_printf ("%s/real-%s", work_dir, names[i]);
    g_autoptr(ClAssetInfo) before = NULL;
    g_autoptr(ClSignResult) result = NULL;
    ClSignOptions options = { .author = "Jane Doe" };

    if (!g_file_test (input, G_FILE_TEST_IS_REGULAR))
      continue;
    before = cl_asset_read_file (input, NULL, NULL);
    g_assert_nonnull (before);
    result = sign_ok (id, &options, input, output);
    g_assert_true ((result->parent_label != NULL) == (before->store != NULL));
    /* The untouched fixtures still match their own credentials; an update manifest
     * has no hard binding of its own, so there is nothing to recompute. */
    g_test_message ("%s: parent binding %d", names[i], result->parent_binding);
    if (before->store == NULL || g_str_equal (names[i], "update_manifest.jpg"))
      g_assert_cmpint (result->parent_binding, ==, CL_PARENT_BINDING_UNKNOWN);
    else
      g_assert_cmpint (result->parent_binding, ==, CL_PARENT_BINDING_MATCH);
    if (before->store == NULL)
      assert_bytes_outside_unchanged (input, output, result);
    if (oracle != NULL) {
      g_autoptr(JsonObject) report = cl_test_oracle_read (oracle, output, NULL);
      JsonArray *failures = json_object_get_array_member (
        json_object_get_object_member (report, "codes"), "failure");

      /* C_with_CAWG_data.jpg carries a CAWG identity signed by an untrusted test
       * certificate; that finding belongs to its own manifest, not to ours. */
      for (guint k = 0; k < json_array_get_length (failures); k++) {
        const char *code = json_array_get_string_element (failures, k);

        g_assert_true (g_str_equal (code, "signingCredential.untrusted") ||
                       g_str_equal (code, "cawg.x509.credential.untrusted"));
      }
      g_assert_cmpstr (json_object_get_string_member (report, "validation_state"), ==, "Valid");
    }
    signed_count++;
  }
  if (signed_count == 0)
    g_test_skip ("the shared fixtures are not available");
}


/* XCA.jpg was edited after it was signed: its own data hash no longer matches. The
 * new manifest says so in the ingredient's validationResults. */
static void
test_resign_tampered (void)
{
  const char *shared = g_getenv ("CREDLINK_SHARED_DIR");
  g_autofree char *input = shared != NULL
    ? g_build_filename (shared, "c2pa-fixtures", "images", "XCA.jpg", NULL) : NULL;
  g_autofree char *output = g_build_filename (work_dir, "resigned-XCA.jpg", NULL);
  ClTestSigningIdentity *id = cl_test_signing_identity (CL_COSE_ALG_ES256, work_dir);
  ClSignOptions options = { 0, };
  g_autoptr(ClSignResult) result = NULL;
  g_autoptr(ClAssetInfo) info = NULL;
  gsize size;
  const guint8 *store;
  static const char code[] = "assertion.dataHash.mismatch";
  gboolean found = FALSE;

  if (input == NULL || !g_file_test (input, G_FILE_TEST_IS_REGULAR)) {
    g_test_skip ("the shared fixtures are not available");
    return;
  }
  result = sign_ok (id, &options, input, output);
  g_assert_cmpint (result->parent_binding, ==, CL_PARENT_BINDING_MISMATCH);
  info = cl_asset_read_file (output, NULL, NULL);
  store = g_bytes_get_data (info->store, &size);
  for (gsize i = 0; i + sizeof code - 1 <= size && !found; i++)
    found = memcmp (store + i, code, sizeof code - 1) == 0;
  g_assert_true (found);
  if (oracle != NULL) {
    g_autoptr(JsonObject) report = cl_test_oracle_read (oracle, output, NULL);

    cl_test_oracle_assert_valid (report, output);
  }
}


/* The signed copy may be read by whom the source may be read, no more (less the umask). */
static void
test_keeps_mode (void)
{
  ClTestSigningIdentity *id = cl_test_signing_identity (CL_COSE_ALG_ES256, work_dir);
  g_autofree char *input = cl_test_make_image (work_dir, "private.jpg", "jpeg", 40, 30);
  g_autofree char *output = g_build_filename (work_dir, "private-signed.jpg", NULL);
  ClSignOptions options = { 0, };
  g_autoptr(ClSignResult) result = NULL;
  mode_t saved_umask = umask (022);
  GStatBuf st;

  g_assert_cmpint (g_chmod (input, 0640), ==, 0);
  result = sign_ok (id, &options, input, output);
  umask (saved_umask);
  g_assert_cmpint (g_stat (output, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0640);
}


static void
make_leftover (const char *path,
               gint64      age_seconds)
{
  struct timeval times[2];

  g_assert_true (g_file_set_contents (path, "partial", -1, NULL));
  gettimeofday (&times[0], NULL);
  times[0].tv_sec -= (time_t) age_seconds;
  times[1] = times[0];
  g_assert_cmpint (utimes (path, times), ==, 0);
}


/* A signing killed before it committed left its temporary file in the output folder: the
 * next signing there removes it, but not one that another signing may still be writing. */
static void
test_removes_stale_temporaries (void)
{
  ClTestSigningIdentity *id = cl_test_signing_identity (CL_COSE_ALG_ES256, work_dir);
  g_autofree char *input = cl_test_make_image (work_dir, "again.jpg", "jpeg", 40, 30);
  g_autofree char *folder = g_build_filename (work_dir, "interrupted", NULL);
  g_autofree char *output = g_build_filename (folder, "again.jpg", NULL);
  g_autofree char *stale = g_build_filename (folder, ".again.jpg.credlink-Ab12Cd", NULL);
  g_autofree char *fresh = g_build_filename (folder, ".other.jpg.credlink-Ef34Gh", NULL);
  ClSignOptions options = { 0, };
  g_autoptr(ClSignResult) result = NULL;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  make_leftover (stale, 3600);
  make_leftover (fresh, 0);
  result = sign_ok (id, &options, input, output);
  g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (fresh, G_FILE_TEST_EXISTS));
}


int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  work_dir = cl_test_tmp_dir_new ("credlink-sign", CL_TEST_TMP_UNTIL_EXIT);
  oracle = cl_test_oracle_path ();
  if (oracle == NULL)
    g_test_message ("reference reader not installed: interoperability checks skipped");

  g_test_add_data_func ("/sign/new/es256", GINT_TO_POINTER (CL_COSE_ALG_ES256), test_sign_new);
  g_test_add_data_func ("/sign/new/ps256", GINT_TO_POINTER (CL_COSE_ALG_PS256), test_sign_new);
  g_test_add_data_func ("/sign/new/ed25519", GINT_TO_POINTER (CL_COSE_ALG_EDDSA),
                        test_sign_new);
  g_test_add_data_func ("/sign/new/es384", GINT_TO_POINTER (CL_COSE_ALG_ES384), test_sign_new);
  g_test_add_data_func ("/sign/new/es512", GINT_TO_POINTER (CL_COSE_ALG_ES512), test_sign_new);
  g_test_add_func ("/sign/large", test_sign_large);
  g_test_add_func ("/sign/resign/own", test_resign_own);
  g_test_add_func ("/sign/resign/peer", test_resign_peer);
  g_test_add_func ("/sign/real-files", test_sign_real_files);
  g_test_add_func ("/sign/resign/tampered", test_resign_tampered);
  g_test_add_func ("/sign/keeps-mode", test_keeps_mode);
  g_test_add_func ("/sign/removes-stale-temporaries", test_removes_stale_temporaries);
  status = g_test_run ();

  cl_test_signing_identities_free ();
  g_free (oracle);
  g_free (work_dir);
  return status;
}
