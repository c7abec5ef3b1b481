/* test-sign.c: signing JPEG and PNG with ES256, PS256 and Ed25519 test
 * identities; what is written is checked byte by byte, the signature and data
 * hash are recomputed, and the reference reader (when installed) must accept it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <cbor.h>
#include <glib/gstdio.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <openssl/pem.h>

#include "cl-asset.h"
#include "cl-cose-crypto.h"
#include "cl-data-hash.h"
#include "cl-error.h"
#include "cl-signer.h"
#include "cl-test-identity.h"
#include "cl-test-sign-util.h"
#include "cl-test-tmp.h"

typedef struct {
  ClCoseAlg   alg;
  const char *name;
  ClSigningProfile  *profile;
  char       *ca_pem;
} Identity;

static Identity identities[] = {
  { CL_COSE_ALG_ES256, "es256", NULL, NULL },
  { CL_COSE_ALG_PS256, "ps256", NULL, NULL },
  { CL_COSE_ALG_EDDSA, "ed25519", NULL, NULL },
  { CL_COSE_ALG_ES384, "es384", NULL, NULL },
  { CL_COSE_ALG_ES512, "es512", NULL, NULL },
};

static char *work_dir;
static char *oracle;


static Identity *
identity (ClCoseAlg alg)
{
  for (gsize i = 0; i < G_N_ELEMENTS (identities); i++) {
    Identity *id = &identities[i];

    if (id->alg != alg)
      continue;
    if (id->profile == NULL) {
      g_autoptr(GError) error = NULL;
      g_autofree char *name = g_strdup_printf ("Test signer %s", id->name);
      FILE *out;

      id->profile = cl_test_identity_create (name, alg, NULL, NULL, &error);
      g_assert_no_error (error);
      id->ca_pem = g_strdup_printf ("%s/ca-%s.pem", work_dir, id->name);
      out = fopen (id->ca_pem, "w");
      g_assert_nonnull (out);
      PEM_write_X509 (out, cl_signing_profile_get_test_ca (id->profile));
      fclose (out);
    }
    return id;
  }
  g_assert_not_reached ();
}


static GBytes *
read_bytes (const char *path)
{
  g_autofree char *contents = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  return g_bytes_new_take (g_steal_pointer (&contents), len);
}


static cbor_item_t *
map_get (cbor_item_t *map,
         const char  *key)
{
  g_assert_true (cbor_isa_map (map));
  for (gsize i = 0; i < cbor_map_size (map); i++) {
    struct cbor_pair pair = cbor_map_handle (map)[i];

    if (cbor_isa_string (pair.key) && cbor_string_length (pair.key) == strlen (key) &&
        memcmp (cbor_string_handle (pair.key), key, strlen (key)) == 0)
      return pair.value;
  }
  return NULL;
}


/* Checks the embedded store: structure, data hash, claim signature. */
static void
check_store (const char         *output,
             const ClSignResult *result,
             Identity           *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClAssetInfo) info = cl_asset_read_file (output, NULL, &error);
  g_autofree char *label = NULL;
  g_autoptr(GBytes) hash_data = NULL;
  g_autoptr(GBytes) claim = NULL;
  g_autoptr(GBytes) cose = NULL;
  g_autoptr(GBytes) tbs = NULL;
  const guint8 *store;
  gsize manifest, manifest_len, assertions, assertions_len, box = 0, box_len = 0;
  struct cbor_load_result load;
  cbor_item_t *item, *exclusions, *range, *array, *sig_item, *protected_item;
  ClByteRange exclusion;
  guint8 digest[64];
  guint digest_len = 0;

  g_assert_no_error (error);
  g_assert_nonnull (info->store);
  g_assert_cmpuint (info->store_ranges->len, >=, 1);
  g_assert_cmpuint (g_array_index (info->store_ranges, ClByteRange, 0).start, ==,
                    result->store_offset);
  store = g_bytes_get_data (info->store, NULL);

  label = cl_test_jumbf_last_label (info->store, &manifest, &manifest_len);
  g_assert_cmpstr (label, ==, result->manifest_label);
  g_assert_true (g_str_has_prefix (label, "urn:c2pa:"));
  assertions = cl_test_jumbf_find (store, manifest, manifest_len, "c2pa.assertions",
                                   &assertions_len);
  g_assert_cmpuint (assertions, !=, G_MAXSIZE);
  g_assert_cmpuint (cl_test_jumbf_find (store, assertions, assertions_len, "c2pa.actions.v2",
                                        NULL), !=, G_MAXSIZE);
  /* The claim thumbnail: a JPEG of at most 1024 px a side, the image's aspect kept. */
  box = cl_test_jumbf_find (store, assertions, assertions_len, "c2pa.thumbnail.claim", &box_len);
  g_assert_cmpuint (box, !=, G_MAXSIZE);
  {
    g_autoptr(GBytes) jpeg = cl_test_jumbf_content (store, box, box_len);
    g_autoptr(GdkPixbufLoader) loader = gdk_pixbuf_loader_new_with_mime_type ("image/jpeg",
                                                                             &error);
    g_autoptr(GdkPixbuf) source = gdk_pixbuf_new_from_file (output, NULL);
    GdkPixbuf *thumbnail;
    int tw, th, sw, sh;

    g_assert_no_error (error);
    g_assert_true (gdk_pixbuf_loader_write_bytes (loader, jpeg, &error));
    g_assert_true (gdk_pixbuf_loader_close (loader, &error));
    g_assert_no_error (error);
    thumbnail = gdk_pixbuf_loader_get_pixbuf (loader);
    tw = gdk_pixbuf_get_width (thumbnail);
    th = gdk_pixbuf_get_height (thumbnail);
    sw = gdk_pixbuf_get_width (source);
    sh = gdk_pixbuf_get_height (source);
    g_assert_cmpint (MAX (tw, th), <=, 1024);
    g_assert_cmpint (MAX (tw, th), ==, MIN (1024, MAX (sw, sh)));
  }

  /* c2pa.hash.data: the exclusion covers exactly our segments/chunk, and the hash
   * recomputed over the output with it matches. */
  box = cl_test_jumbf_find (store, assertions, assertions_len, "c2pa.hash.data", &box_len);
  g_assert_cmpuint (box, !=, G_MAXSIZE);
  hash_data = cl_test_jumbf_content (store, box, box_len);
  item = cbor_load (g_bytes_get_data (hash_data, NULL), g_bytes_get_size (hash_data), &load);
  g_assert_nonnull (item);
  exclusions = map_get (item, "exclusions");
  g_assert_cmpuint (cbor_array_size (exclusions), ==, 1);
  range = cbor_array_handle (exclusions)[0];
  exclusion.start = cbor_get_int (map_get (range, "start"));
  exclusion.length = cbor_get_int (map_get (range, "length"));
  g_assert_cmpuint (exclusion.start, ==, result->store_offset);
  g_assert_cmpuint (exclusion.length, ==, result->store_length);
  {
    guint64 total = 0;

    for (guint i = 0; i < info->store_ranges->len; i++)
      total += g_array_index (info->store_ranges, ClByteRange, i).length;
    g_assert_cmpuint (total, ==, exclusion.length);
  }
  g_assert_true (cl_data_hash_file (output, EVP_sha256 (), &exclusion, 1, digest, &digest_len,
                                    NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (cbor_bytestring_length (map_get (item, "hash")), ==, 32);
  g_assert_true (memcmp (cbor_bytestring_handle (map_get (item, "hash")), digest, 32) == 0);
  g_assert_true (memcmp (result->data_hash, digest, 32) == 0);
  cbor_decref (&item);

  /* The claim and its COSE_Sign1: verify the signature with the leaf key. */
  box = cl_test_jumbf_find (store, manifest, manifest_len, "c2pa.claim.v2", &box_len);
  g_assert_cmpuint (box, !=, G_MAXSIZE);
  claim = cl_test_jumbf_content (store, box, box_len);
  item = cbor_load (g_bytes_get_data (claim, NULL), g_bytes_get_size (claim), &load);
  g_assert_nonnull (item);
  g_assert_nonnull (map_get (item, "created_assertions"));
  g_assert_nonnull (map_get (item, "claim_generator_info"));
  g_assert_cmpuint (cbor_string_length (map_get (item, "alg")), ==, 6);
  cbor_decref (&item);

  box = cl_test_jumbf_find (store, manifest, manifest_len, "c2pa.signature", &box_len);
  g_assert_cmpuint (box, !=, G_MAXSIZE);
  cose = cl_test_jumbf_content (store, box, box_len);
  /* COSE_Sign1_Tagged: tag 18 is the byte D2 (libcbor 0.8 cannot decode tags 18–20 in
   * their one-byte form, so the array after it is loaded alone). */
  g_assert_cmpuint (((const guint8 *) g_bytes_get_data (cose, NULL))[0], ==, 0xD2);
  array = cbor_load ((const guint8 *) g_bytes_get_data (cose, NULL) + 1,
                     g_bytes_get_size (cose) - 1, &load);
  g_assert_nonnull (array);
  g_assert_cmpuint (load.read, ==, g_bytes_get_size (cose) - 1);
  g_assert_cmpuint (cbor_array_size (array), ==, 4);
  protected_item = cbor_array_handle (array)[0];
  g_assert_true (cbor_is_null (cbor_array_handle (array)[2]));
  sig_item = cbor_array_handle (array)[3];
  tbs = cl_cose_sig_structure_encode ("Signature1", cbor_bytestring_handle (protected_item),
                                      cbor_bytestring_length (protected_item),
                                      g_bytes_get_data (claim, NULL), g_bytes_get_size (claim));
  g_assert_true (cl_cose_verify_signature (id->alg,
                                           X509_get0_pubkey (cl_signing_profile_get_leaf (id->profile)),
                                           g_bytes_get_data (tbs, NULL), g_bytes_get_size (tbs),
                                           cbor_bytestring_handle (sig_item),
                                           cbor_bytestring_length (sig_item), &error));
  g_assert_no_error (error);
  cbor_decref (&array);
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
sign_ok (Identity            *id,
         const ClSignOptions *options,
         const char          *input,
         const char          *output)
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
  check_store (output, result, id);
  cl_test_assert_same_pixels (input, output);
  return result;
}


static void
oracle_check (const char *output,
              Identity   *id,
              gboolean    expect_trusted)
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
  Identity *id = identity (GPOINTER_TO_INT (data));
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
  Identity *first = identity (CL_COSE_ALG_ES256);
  Identity *second = identity (CL_COSE_ALG_EDDSA);
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
  Identity *id = identity (CL_COSE_ALG_PS256);
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
  Identity *id = identity (CL_COSE_ALG_ES256);
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
  Identity *id = identity (CL_COSE_ALG_ES256);
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
  Identity *id = identity (CL_COSE_ALG_ES256);
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


static guint
count_entries (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (d != NULL && g_dir_read_name (d) != NULL)
    n++;
  return n;
}


static void
assert_sign_fails (ClSigningProfile  *profile,
                   const char *input,
                   GQuark      domain,
                   gint        code)
{
  g_autofree char *dir = g_build_filename (work_dir, "fail", NULL);
  g_autofree char *output = g_build_filename (dir, "out.img", NULL);
  g_autoptr(GError) error = NULL;
  ClSignOptions options = { 0, };
  ClSignResult *result;

  g_mkdir_with_parents (dir, 0700);
  result = cl_signer_sign_file (profile, &options, input, output, NULL, &error);
  g_assert_null (result);
  g_assert_error (error, domain, code);
  g_assert_nonnull (error->message);
  g_test_message ("expected failure: %s", error->message);
  /* Nothing left behind, not even a temporary file. */
  g_assert_cmpuint (count_entries (dir), ==, 0);
}


static void
test_bad_inputs (void)
{
  Identity *id = identity (CL_COSE_ALG_ES256);
  g_autofree char *jpeg = cl_test_make_image (work_dir, "whole.jpg", "jpeg", 300, 200);
  g_autofree char *png = cl_test_make_image (work_dir, "whole.png", "png", 300, 200);
  g_autofree char *cut_jpeg = g_build_filename (work_dir, "cut.jpg", NULL);
  g_autofree char *cut_png = g_build_filename (work_dir, "cut.png", NULL);
  g_autofree char *no_iend = g_build_filename (work_dir, "no-iend.png", NULL);
  g_autofree char *gif = g_build_filename (work_dir, "anim.gif", NULL);
  g_autofree char *text = g_build_filename (work_dir, "notes.jpg", NULL);
  g_autofree char *contents = NULL;
  gsize len;
  static const char gif_bytes[] = "GIF89a\x01\x00\x01\x00\x00\x00\x00;";

  g_assert_true (g_file_get_contents (jpeg, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (cut_jpeg, contents, len / 2, NULL));
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (png, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (cut_png, contents, len - 40, NULL));
  g_assert_true (g_file_set_contents (no_iend, contents, len - 12, NULL));
  g_assert_true (g_file_set_contents (gif, gif_bytes, sizeof gif_bytes - 1, NULL));
  g_assert_true (g_file_set_contents (text, "hello, this is not an image", -1, NULL));

  assert_sign_fails (id->profile, cut_jpeg, CL_SIGN_ERROR, CL_SIGN_ERROR_INPUT);
  assert_sign_fails (id->profile, cut_png, CL_ASSET_ERROR, CL_ASSET_ERROR_TRUNCATED);
  assert_sign_fails (id->profile, no_iend, CL_ASSET_ERROR, CL_ASSET_ERROR_TRUNCATED);
  assert_sign_fails (id->profile, gif, CL_ASSET_ERROR, CL_ASSET_ERROR_UNSUPPORTED_FORMAT);
  assert_sign_fails (id->profile, text, CL_ASSET_ERROR, CL_ASSET_ERROR_UNSUPPORTED_FORMAT);
}


static void
test_expired_profile (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) start = g_date_time_add_days (now, -400);
  g_autoptr(GDateTime) end = g_date_time_add_days (now, -2);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClSigningProfile) expired = cl_test_identity_create ("Expired", CL_COSE_ALG_ES256, start,
                                                          end, &error);
  g_autofree char *input = cl_test_make_image (work_dir, "for-expired.png", "png", 20, 20);

  g_assert_no_error (error);
  assert_sign_fails (expired, input, CL_SIGN_ERROR, CL_SIGN_ERROR_PROFILE);
}


static void
test_existing_output (void)
{
  Identity *id = identity (CL_COSE_ALG_ES256);
  g_autofree char *input = cl_test_make_image (work_dir, "exists.png", "png", 30, 30);
  g_autofree char *output = g_build_filename (work_dir, "exists-out.png", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  ClSignOptions options = { 0, };
  ClSignResult *result;

  g_assert_true (g_file_set_contents (output, "keep me", -1, NULL));
  result = cl_signer_sign_file (id->profile, &options, input, output, NULL, &error);
  g_assert_null (result);
  g_assert_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_OUTPUT_EXISTS);
  g_assert_true (g_file_get_contents (output, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "keep me");
  g_clear_error (&error);

  /* A failed signing never replaces the existing output, even with force. */
  options.force = TRUE;
  {
    g_autofree char *broken = g_build_filename (work_dir, "broken.png", NULL);
    g_autofree char *kept = NULL;

    g_assert_true (g_file_set_contents (broken, "\x89PNG\r\n\x1a\n broken", -1, NULL));
    result = cl_signer_sign_file (id->profile, &options, broken, output, NULL, &error);
    g_assert_null (result);
    g_assert_nonnull (error);
    g_clear_error (&error);
    g_assert_true (g_file_get_contents (output, &kept, NULL, NULL));
    g_assert_cmpstr (kept, ==, "keep me");
  }

  /* The source itself is never a valid output, even with force. */
  result = cl_signer_sign_file (id->profile, &options, input, input, NULL, &error);
  g_assert_null (result);
  g_assert_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_OUTPUT_EXISTS);
  g_clear_error (&error);

  result = cl_signer_sign_file (id->profile, &options, input, output, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);
  check_store (output, result, id);
  cl_sign_result_free (result);
}


static void
test_cancelled (void)
{
  Identity *id = identity (CL_COSE_ALG_ES256);
  g_autofree char *input = cl_test_make_image (work_dir, "cancel.jpg", "jpeg", 200, 100);
  g_autofree char *dir = g_build_filename (work_dir, "cancelled", NULL);
  g_autofree char *output = g_build_filename (dir, "out.jpg", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  ClSignOptions options = { 0, };

  g_mkdir_with_parents (dir, 0700);
  g_cancellable_cancel (cancellable);
  g_assert_null (cl_signer_sign_file (id->profile, &options, input, output, cancellable,
                                      &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (count_entries (dir), ==, 0);
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
  g_test_add_func ("/sign/errors/bad-inputs", test_bad_inputs);
  g_test_add_func ("/sign/errors/expired-profile", test_expired_profile);
  g_test_add_func ("/sign/errors/existing-output", test_existing_output);
  g_test_add_func ("/sign/errors/cancelled", test_cancelled);
  status = g_test_run ();

  for (gsize i = 0; i < G_N_ELEMENTS (identities); i++) {
    g_clear_pointer (&identities[i].profile, cl_signing_profile_unref);
    g_free (identities[i].ca_pem);
  }
  g_free (oracle);
  g_free (work_dir);
  return status;
}
