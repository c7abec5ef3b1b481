/* test-sign-parts.c: the pieces of signing — the COSE_Sign1 reservation and its padding,
 * the store split into APP11 segments, the layout of the signed copy, and a damaged store in the file to re-sign. Profiles:
 * test-sign-profile.c; the RFC 3161 client: test-sign-timestamp.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <cbor.h>

#include "cl-asset-jpeg-writer.h"
#include "cl-asset-layout.h"
#include "cl-cose-sign1-builder.h"
#include "cl-error.h"
#include "cl-manifest-builder.h"
#include "cl-test-signing.h"


static void
test_cose_padding (void)
{
  /* Every size from tiny to past the 1-, 2- and 3-byte bstr head boundaries. */
  static const gsize ranges[][2] = { { 20, 600 }, { 65500, 65600 } };

  for (gsize r = 0; r < G_N_ELEMENTS (ranges); r++) {
    for (gsize size = ranges[r][0]; size < ranges[r][1]; size++) {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) cose = cl_cose_sign1_placeholder (size, &error);
      struct cbor_load_result load;
      cbor_item_t *item;

      g_assert_no_error (error);
      g_assert_cmpuint (g_bytes_get_size (cose), ==, size);
      /* Tag 18 (COSE_Sign1) is the single byte D2; libcbor 0.8's decoder rejects
       * tags 18–20 in that short form, so the array after it is loaded alone. */
      g_assert_cmpuint (((const guint8 *) g_bytes_get_data (cose, NULL))[0], ==, 0xD2);
      item = cbor_load ((const guint8 *) g_bytes_get_data (cose, NULL) + 1, size - 1, &load);
      g_assert_nonnull (item);
      g_assert_cmpuint (load.read, ==, size - 1);
      g_assert_true (cbor_isa_array (item) && cbor_array_size (item) == 4);
      cbor_decref (&item);
    }
  }
  {
    g_autoptr(GError) error = NULL;

    g_assert_null (cl_cose_sign1_placeholder (5, &error));
    g_assert_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_FAILED);
  }
  /* A key that does not belong to the x5chain certificate never yields a signature;
   * one that does fills the reservation exactly. */
  {
    g_autoptr(ClSigningProfile) a = cl_test_signing_profile_new ("Parts signer", CL_COSE_ALG_ES256);
    g_autoptr(ClSigningProfile) b = cl_test_signing_profile_new ("Parts signer", CL_COSE_ALG_ES256);
    g_autoptr(GPtrArray) chain_b = cl_signing_profile_dup_x5chain (b);
    g_autoptr(GPtrArray) chain_a = cl_signing_profile_dup_x5chain (a);
    g_autoptr(GBytes) claim = g_bytes_new_static ("\xa1\x61\x61\x01", 4);
    g_autoptr(GBytes) good = NULL;
    g_autoptr(GError) error = NULL;

    g_assert_null (cl_cose_sign1_build (CL_COSE_ALG_ES256, cl_signing_profile_get_key (a), chain_b, claim,
                                        NULL, NULL, NULL, 4000, NULL, NULL, &error));
    g_assert_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_PROFILE);
    g_clear_error (&error);
    good = cl_cose_sign1_build (CL_COSE_ALG_ES256, cl_signing_profile_get_key (a), chain_a, claim,
                                NULL, NULL, NULL, 4000, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_bytes_get_size (good), ==, 4000);
  }
}


static void
test_jpeg_segments (void)
{
  gsize store_len = 2 * CL_JPEG_STORE_BYTES_PER_SEGMENT + 1234;
  g_autofree guint8 *store_data = g_malloc (store_len);
  g_autoptr(GBytes) store = NULL;
  g_autoptr(GBytes) carrier = NULL;
  g_autoptr(GBytes) exact = NULL;
  g_autoptr(GBytes) exact_carrier = NULL;
  g_autoptr(GError) error = NULL;
  const guint8 *c;
  gsize offset = 0;
  guint32 expected_z = 1;
  gsize reassembled = 0;

  for (gsize i = 0; i < store_len; i++)
    store_data[i] = (guint8) (i * 7);
  memcpy (store_data, "\x00\x02\x0E\xD2jumb", 8);
  store_data[0] = store_len >> 24;
  store_data[1] = store_len >> 16;
  store_data[2] = store_len >> 8;
  store_data[3] = store_len;
  store = g_bytes_new (store_data, store_len);
  carrier = cl_asset_jpeg_wrap_store (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (carrier), ==, cl_asset_jpeg_carrier_size (store_len));
  c = g_bytes_get_data (carrier, NULL);
  while (offset < g_bytes_get_size (carrier)) {
    guint lp = (c[offset + 2] << 8) | c[offset + 3];
    guint32 z = ((guint32) c[offset + 8] << 24) | (c[offset + 9] << 16) | (c[offset + 10] << 8) |
                c[offset + 11];
    gsize header = expected_z == 1 ? 12 : 20;

    g_assert_cmpuint (c[offset], ==, 0xFF);
    g_assert_cmpuint (c[offset + 1], ==, 0xEB);
    g_assert_true (memcmp (c + offset + 4, "JP\x02\x11", 4) == 0);
    g_assert_cmpuint (z, ==, expected_z);
    if (expected_z > 1)
      g_assert_true (memcmp (c + offset + 12, store_data, 8) == 0);
    g_assert_true (memcmp (c + offset + header, store_data + reassembled,
                           lp + 2 - header) == 0);
    reassembled += lp + 2 - header;
    if (expected_z < 3)
      g_assert_cmpuint (lp, ==, expected_z == 1 ? 64010 : 64018);
    offset += 2 + lp;
    expected_z++;
  }
  g_assert_cmpuint (expected_z, ==, 4);
  g_assert_cmpuint (reassembled, ==, store_len);

  /* Exactly two segments' worth needs two segments, not three (c2pa-rs #1961). */
  exact = g_bytes_new (store_data, 2 * CL_JPEG_STORE_BYTES_PER_SEGMENT);
  exact_carrier = cl_asset_jpeg_wrap_store (exact, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (exact_carrier), ==,
                    2 * CL_JPEG_STORE_BYTES_PER_SEGMENT + 2 * 12 + 8);
}


/* A damaged store in the source is refused with an error, never read out of bounds. */
static gboolean
append_emitted (const guint8  *data,
                gsize          len,
                gpointer       user_data,
                GError       **error)
{
  g_byte_array_append (user_data, data, (guint) len);
  return TRUE;
}


/* The signed copy: old store ranges that straddle the pieces' edges are left out, the
 * carrier sits where the first one began, and without a carrier nothing stands there. */
static void
test_layout_insert (void)
{
  static const char source_text[] = "0123456789abcdefghijklmnopqrstuv";
  static const ClByteRange old[] = { { 4, 3 }, { 7, 2 }, { 20, 5 } };
  g_autoptr(GInputStream) source = g_memory_input_stream_new_from_data (source_text, 32, NULL);
  g_autoptr(GBytes) carrier = g_bytes_new_static ("[CARRIER]", 9);
  g_autoptr(GByteArray) with_carrier = g_byte_array_new ();
  g_autoptr(GByteArray) hashed = g_byte_array_new ();
  g_autoptr(ClAssetLayout) layout = NULL;
  g_autoptr(GError) error = NULL;
  ClAssetInfo info = { .format = CL_ASSET_FORMAT_JPEG, .file_size = 32 };
  ClByteRange placed;

  info.store_ranges = g_array_new (FALSE, FALSE, sizeof (ClByteRange));
  g_array_append_vals (info.store_ranges, old, G_N_ELEMENTS (old));
  layout = cl_asset_layout_insert_carrier (&info, 9);
  placed = cl_asset_layout_get_carrier (layout);
  g_assert_cmpuint (placed.start, ==, 4);
  g_assert_cmpuint (placed.length, ==, 9);
  g_assert_cmpuint (cl_asset_layout_get_size (layout), ==, 32 - 10 + 9);

  g_assert_true (cl_asset_layout_emit (layout, source, carrier, append_emitted, with_carrier,
                                       NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpmem (with_carrier->data, with_carrier->len,
                   "0123[CARRIER]9abcdefghijpqrstuv", 31);
  g_assert_true (cl_asset_layout_emit (layout, source, NULL, append_emitted, hashed, NULL,
                                       &error));
  g_assert_cmpmem (hashed->data, hashed->len, "01239abcdefghijpqrstuv", 22);
  g_array_unref (info.store_ranges);
}


/* What lets the signer hash beside the thumbnail's decoding: an inserted carrier's size
 * changes nothing else, so two such layouts are the same but for the carrier; one with a
 * size field that counts the carrier (as RIFF's does) is not. */
static void
test_layout_same_but_carrier (void)
{
  static const ClByteRange old[] = { { 4, 3 } };
  ClAssetInfo info = { .format = CL_ASSET_FORMAT_JPEG, .file_size = 32 };
  g_autoptr(ClAssetLayout) small = NULL;
  g_autoptr(ClAssetLayout) large = NULL;
  g_autoptr(ClAssetLayout) sized_small = cl_asset_layout_new ();
  g_autoptr(ClAssetLayout) sized_large = cl_asset_layout_new ();
  g_autoptr(GBytes) size_small = g_bytes_new_static ("\x29\0\0\0", 4);
  g_autoptr(GBytes) size_large = g_bytes_new_static ("\x39\0\0\0", 4);

  info.store_ranges = g_array_new (FALSE, FALSE, sizeof (ClByteRange));
  g_array_append_vals (info.store_ranges, old, G_N_ELEMENTS (old));
  small = cl_asset_layout_insert_carrier (&info, 9);
  large = cl_asset_layout_insert_carrier (&info, 25);
  g_assert_true (cl_asset_layout_same_but_carrier (small, large));
  g_array_unref (info.store_ranges);

  cl_asset_layout_add_source (sized_small, 0, 4);
  cl_asset_layout_add_bytes (sized_small, size_small);
  cl_asset_layout_add_carrier (sized_small, 9);
  cl_asset_layout_add_source (sized_large, 0, 4);
  cl_asset_layout_add_bytes (sized_large, size_large);
  cl_asset_layout_add_carrier (sized_large, 25);
  g_assert_false (cl_asset_layout_same_but_carrier (sized_small, sized_large));
  g_assert_false (cl_asset_layout_same_but_carrier (small, sized_small));
}


static void
test_parent_store_damaged (void)
{
  g_autoptr(ClManifestBuilder) parent = cl_manifest_builder_new ("parent.jpg", "image/jpeg");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) placeholder = cl_cose_sign1_placeholder (300, &error);
  static const guint8 zero_hash[32] = { 0, };
  ClByteRange exclusion = { 2, 1000 };
  g_autoptr(GBytes) store = NULL;
  g_autofree guint8 *copy = NULL;
  gsize len;

  g_assert_no_error (error);
  cl_manifest_builder_set_creative_work (parent, "Author", NULL);
  store = cl_manifest_builder_build_store (parent, &exclusion, zero_hash, placeholder, NULL, NULL);
  len = g_bytes_get_size (store);

  {
    g_autoptr(ClManifestBuilder) child = cl_manifest_builder_new ("child.jpg", "image/jpeg");

    g_assert_true (cl_manifest_builder_set_parent (child, store, "parent.jpg", &error));
    g_assert_no_error (error);
    g_assert_cmpstr (cl_manifest_builder_get_parent_label (child), ==,
                     cl_manifest_builder_get_label (parent));
  }

  /* Every truncation fails cleanly. */
  for (gsize cut = 0; cut < len; cut++) {
    g_autoptr(ClManifestBuilder) child = cl_manifest_builder_new ("child.jpg", "image/jpeg");
    g_autoptr(GBytes) truncated = g_bytes_new (g_bytes_get_data (store, NULL), cut);

    g_assert_false (cl_manifest_builder_set_parent (child, truncated, "parent.jpg", &error));
    g_assert_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_INPUT);
    g_clear_error (&error);
  }

  /* Every single-byte corruption is either still walkable or an error. */
  copy = g_memdup2 (g_bytes_get_data (store, NULL), len);
  for (gsize i = 0; i < len; i++) {
    g_autoptr(ClManifestBuilder) child = cl_manifest_builder_new ("child.jpg", "image/jpeg");
    g_autoptr(GBytes) damaged = NULL;
    guint8 saved = copy[i];

    copy[i] ^= (i % 3 == 0) ? 0xFF : 0x41;
    damaged = g_bytes_new (copy, len);
    if (!cl_manifest_builder_set_parent (child, damaged, "parent.jpg", &error)) {
      g_assert_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_INPUT);
      g_clear_error (&error);
    }
    copy[i] = saved;
  }
}


int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sign/cose/padding", test_cose_padding);
  g_test_add_func ("/sign/jpeg/segments", test_jpeg_segments);
  g_test_add_func ("/sign/layout/insert", test_layout_insert);
  g_test_add_func ("/sign/layout/same-but-carrier", test_layout_same_but_carrier);
  g_test_add_func ("/sign/parent-store/damaged", test_parent_store_damaged);

  return g_test_run ();
}
