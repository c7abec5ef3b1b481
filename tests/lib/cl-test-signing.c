/* cl-test-signing.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <cbor.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <openssl/pem.h>

#include "cl-asset.h"
#include "cl-cose-crypto.h"
#include "cl-data-hash.h"
#include "cl-test-identity.h"
#include "cl-test-sign-util.h"
#include "cl-test-signing.h"


/* Made on first use, freed by cl_test_signing_identities_free(). */
static ClTestSigningIdentity identities[] = {
  { CL_COSE_ALG_ES256, "es256", NULL, NULL },
  { CL_COSE_ALG_PS256, "ps256", NULL, NULL },
  { CL_COSE_ALG_EDDSA, "ed25519", NULL, NULL },
  { CL_COSE_ALG_ES384, "es384", NULL, NULL },
  { CL_COSE_ALG_ES512, "es512", NULL, NULL },
};


ClSigningProfile *
cl_test_signing_profile_new (const char *cn,
                             ClCoseAlg   alg)
{
  g_autoptr(GError) error = NULL;
  ClSigningProfile *profile = cl_test_identity_create (cn, alg, NULL, NULL, &error);

  g_assert_no_error (error);
  return profile;
}


ClTestSigningIdentity *
cl_test_signing_identity (ClCoseAlg   alg,
                          const char *dir)
{
  for (gsize i = 0; i < G_N_ELEMENTS (identities); i++) {
    ClTestSigningIdentity *id = &identities[i];

    if (id->alg != alg)
      continue;
    if (id->profile == NULL) {
      g_autofree char *name = g_strdup_printf ("Test signer %s", id->name);
      FILE *out;

      id->profile = cl_test_signing_profile_new (name, alg);
      id->ca_pem = g_strdup_printf ("%s/ca-%s.pem", dir, id->name);
      out = fopen (id->ca_pem, "w");
      g_assert_nonnull (out);
      PEM_write_X509 (out, cl_signing_profile_get_test_ca (id->profile));
      fclose (out);
    }
    return id;
  }
  g_assert_not_reached ();
}


void
cl_test_signing_identities_free (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (identities); i++) {
    g_clear_pointer (&identities[i].profile, cl_signing_profile_unref);
    g_clear_pointer (&identities[i].ca_pem, g_free);
  }
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


/* The claim thumbnail: a JPEG of at most 1024 px a side, the image's aspect kept. */
static void
assert_claim_thumbnail (GBytes     *jpeg,
                        const char *output)
{
  g_autoptr(GError) error = NULL;
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
static void
assert_data_hash (GBytes             *hash_data,
                  const char         *output,
                  const ClSignResult *result,
                  ClAssetInfo        *info)
{
  g_autoptr(GError) error = NULL;
  struct cbor_load_result load;
  cbor_item_t *item, *exclusions, *range;
  ClByteRange exclusion;
  guint8 digest[64];
  guint digest_len = 0;

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
}


/* The claim's COSE_Sign1 (cose): its signature verified with the leaf key of id. */
static void
assert_claim_signature (GBytes                      *claim,
                        GBytes                      *cose,
                        const ClTestSigningIdentity *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) tbs = NULL;
  struct cbor_load_result load;
  cbor_item_t *array, *sig_item, *protected_item;

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


void
cl_test_assert_signed_store (const char                  *output,
                             const ClSignResult          *result,
                             const ClTestSigningIdentity *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClAssetInfo) info = cl_asset_read_file (output, NULL, &error);
  g_autofree char *label = NULL;
  g_autoptr(GBytes) thumbnail = NULL;
  g_autoptr(GBytes) hash_data = NULL;
  g_autoptr(GBytes) claim = NULL;
  g_autoptr(GBytes) cose = NULL;
  const guint8 *store;
  gsize manifest, manifest_len, assertions, assertions_len, box = 0, box_len = 0;
  struct cbor_load_result load;
  cbor_item_t *item;

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
  box = cl_test_jumbf_find (store, assertions, assertions_len, "c2pa.thumbnail.claim", &box_len);
  g_assert_cmpuint (box, !=, G_MAXSIZE);
  thumbnail = cl_test_jumbf_content (store, box, box_len);
  assert_claim_thumbnail (thumbnail, output);

  box = cl_test_jumbf_find (store, assertions, assertions_len, "c2pa.hash.data", &box_len);
  g_assert_cmpuint (box, !=, G_MAXSIZE);
  hash_data = cl_test_jumbf_content (store, box, box_len);
  assert_data_hash (hash_data, output, result, info);

  /* The claim, and its signature verified with the leaf key. */
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
  assert_claim_signature (claim, cose, id);
}
