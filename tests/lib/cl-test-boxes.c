/* cl-test-boxes.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <cbor.h>
#include <zlib.h>
#include <openssl/evp.h>

#include "cl-test-boxes.h"
#include "cl-test-c2pa.h"


void
cl_test_box_asset_init (ClTestBoxAsset *a)
{
  a->bytes = g_byte_array_new ();
  a->boxes = g_array_new (FALSE, TRUE, sizeof (ClTestBox));
}


void
cl_test_box_asset_clear (ClTestBoxAsset *a)
{
  g_byte_array_unref (a->bytes);
  g_array_unref (a->boxes);
}


static void
add_box (ClTestBoxAsset *a,
         const char     *name,
         gsize           start,
         gsize           len)
{
  ClTestBox box = { { 0 }, start, len };

  g_strlcpy (box.name, name, sizeof box.name);
  g_array_append_val (a->boxes, box);
}


/* A JPEG segment with a length; name NULL: c2pa-rs sees no box there. */
static void
segment (ClTestBoxAsset *a,
         const char     *name,
         guint8          marker,
         const guint8   *payload,
         gsize           len)
{
  guint8 head[4] = { 0xFF, marker, (len + 2) >> 8, (len + 2) & 0xFF };

  if (name != NULL)
    add_box (a, name, a->bytes->len, len + 4);
  g_byte_array_append (a->bytes, head, 4);
  g_byte_array_append (a->bytes, payload, (guint) len);
}


static void
bare_marker (ClTestBoxAsset *a,
             const char     *name,
             guint8          marker)
{
  guint8 m[2] = { 0xFF, marker };

  add_box (a, name, a->bytes->len, 2);
  g_byte_array_append (a->bytes, m, 2);
}


static void
raw (ClTestBoxAsset *a,
     const guint8   *data,
     gsize           len)
{
  g_byte_array_append (a->bytes, data, (guint) len);
}


void
cl_test_box_asset_build_jpeg (ClTestBoxAsset *a)
{
  static const guint8 app0[] = { 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0 };
  static const guint8 app1[] = { 'E', 'x', 'i', 'f', 0, 0, 'M', 'M', 0, 42, 0, 0, 0, 8, 0, 0 };
  static const guint8 short_app11[] = { 'J', 'P', 0, 7, 0, 0, 0, 1, 1, 2 };
  static const guint8 sof0[] = { 8, 0, 1, 0, 1, 1, 1, 0x11, 0 };
  static const guint8 dri[] = { 0, 1 };
  static const guint8 sos[] = { 1, 1, 0, 0, 0x3F, 0 };
  static const guint8 scan0[] = { 0x12, 0xFF, 0x00, 0x34, 0x56 };
  static const guint8 scan1[] = { 0x78, 0x9A, 0xFF, 0x00 };
  static const guint8 scan2[] = { 0xBC, 0xDE, 0xF0 };
  static const guint8 scan3[] = { 0x01, 0xFF, 0x00, 0x02 };
  static const guint8 fill[] = { 0xFF };
  guint8 jumbf[40] = { 'J', 'P', 0, 9, 0, 0, 0, 1, 0, 0, 0, 32, 'j', 'u', 'm', 'b',
                       0, 0, 0, 24, 'j', 'u', 'm', 'd', 'x', 'm', 'p', 'l' };
  guint8 dqt[65] = { 0 };
  guint8 dht[18] = { 0, 1 };
  gsize sos_start;

  memset (dqt + 1, 1, 64);
  bare_marker (a, "SOI", 0xD8);
  segment (a, "APP0", 0xE0, app0, sizeof app0);
  g_assert_cmpuint (a->bytes->len, ==, 20);
  segment (a, "APP1", 0xE1, app1, sizeof app1);
  segment (a, NULL, 0xEB, short_app11, sizeof short_app11);
  segment (a, "APP11", 0xEB, jumbf, sizeof jumbf);
  segment (a, "COM", 0xFE, (const guint8 *) "credlink", 8);
  segment (a, "DQT", 0xDB, dqt, sizeof dqt);
  segment (a, "SOF0", 0xC0, sof0, sizeof sof0);
  segment (a, "DHT", 0xC4, dht, sizeof dht);
  segment (a, "DRI", 0xDD, dri, sizeof dri);
  sos_start = a->bytes->len;
  segment (a, "SOS", 0xDA, sos, sizeof sos);
  raw (a, scan0, sizeof scan0);
  bare_marker (a, "RST0", 0xD0);
  raw (a, scan1, sizeof scan1);
  bare_marker (a, "RST1", 0xD1);
  raw (a, scan2, sizeof scan2);
  bare_marker (a, "RST2", 0xD2);
  raw (a, scan3, sizeof scan3);
  /* c2pa-rs ends SOS at the first FF of a fill run; jfifdump starts EOI at the last. */
  for (guint i = 0; i < a->boxes->len; i++) {
    ClTestBox *box = &g_array_index (a->boxes, ClTestBox, i);

    if (g_str_equal (box->name, "SOS"))
      box->len = a->bytes->len - sos_start;
  }
  raw (a, fill, sizeof fill);
  bare_marker (a, "EOI", 0xD9);
}


static void
png_chunk (ClTestBoxAsset *a,
           const char     *type,
           const guint8   *data,
           guint32         len)
{
  guint8 head[8] = { len >> 24, len >> 16, len >> 8, len, type[0], type[1], type[2], type[3] };
  uLong crc = crc32 (crc32 (0L, (const Bytef *) type, 4), data, len);
  guint8 tail[4] = { crc >> 24, crc >> 16, crc >> 8, crc };

  add_box (a, type, a->bytes->len, len + 12);
  raw (a, head, 8);
  raw (a, data, len);
  raw (a, tail, 4);
}


void
cl_test_box_asset_build_png (ClTestBoxAsset *a)
{
  static const guint8 signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };
  static const guint8 ihdr[13] = { 0, 0, 0, 2, 0, 0, 0, 2, 8, 0, 0, 0, 0 };
  static const guint8 rows[6] = { 0, 0x10, 0x20, 0, 0x30, 0x40 };
  static const guint8 trailer[3] = { 1, 2, 3 };
  guint8 idat[64];
  uLongf idat_len = sizeof idat;

  g_assert_cmpint (compress (idat, &idat_len, rows, sizeof rows), ==, Z_OK);
  add_box (a, "PNGh", 0, 8);
  raw (a, signature, 8);
  png_chunk (a, "IHDR", ihdr, sizeof ihdr);
  png_chunk (a, "tEXt", (const guint8 *) "Title\0credlink", 14);
  png_chunk (a, "IDAT", idat, (guint32) idat_len);
  png_chunk (a, "IEND", NULL, 0);
  raw (a, trailer, sizeof trailer);
}


guint
cl_test_box_index (ClTestBoxAsset *a,
                   const char     *name)
{
  for (guint i = 0; i < a->boxes->len; i++) {
    if (g_str_equal (g_array_index (a->boxes, ClTestBox, i).name, name))
      return i;
  }
  g_assert_not_reached ();
  return 0;
}


/* The c2pa.hash.boxes CBOR for groups of the plain file's boxes; a group's hash covers
 * the bytes from its first box's start to its last box's end. */
GBytes *
cl_test_box_hash_cbor (ClTestBoxAsset       *a,
                       const ClTestBoxGroup *groups,
                       guint                 n_groups)
{
  cbor_item_t *root = cbor_new_definite_map (1);
  cbor_item_t *boxes = cbor_new_definite_array (n_groups);
  guint8 zero = 0;
  unsigned char *buf = NULL;
  gsize size = 0, len;
  GBytes *out;

  for (guint g = 0; g < n_groups; g++) {
    cbor_item_t *entry = cbor_new_definite_map (groups[g].excluded ? 5 : 4);
    cbor_item_t *names;
    guint8 digest[32] = { 0 };

    if (groups[g].store) {
      names = cbor_new_definite_array (1);
      g_assert_true (cbor_array_push (names, cbor_move (cbor_build_string ("C2PA"))));
    } else {
      guint i0 = cl_test_box_index (a, groups[g].first);
      guint i1 = cl_test_box_index (a, groups[g].last);
      ClTestBox *b0 = &g_array_index (a->boxes, ClTestBox, i0);
      ClTestBox *b1 = &g_array_index (a->boxes, ClTestBox, i1);

      names = cbor_new_definite_array (i1 - i0 + 1);
      for (guint i = i0; i <= i1; i++)
        g_assert_true (cbor_array_push (names, cbor_move (cbor_build_string (
          g_array_index (a->boxes, ClTestBox, i).name))));
      g_assert_cmpint (EVP_Digest (a->bytes->data + b0->start, b1->start + b1->len - b0->start,
                                   digest, NULL, EVP_sha256 (), NULL), ==, 1);
    }
    cl_test_cbor_map_put (entry, "names", names);
    cl_test_cbor_map_put (entry, "alg", cbor_build_string ("sha256"));
    cl_test_cbor_map_put (entry, "hash", cbor_build_bytestring (digest, groups[g].store ? 0 : 32));
    cl_test_cbor_map_put (entry, "pad", cbor_build_bytestring (&zero, 1));
    if (groups[g].excluded)
      cl_test_cbor_map_put (entry, "excluded", cbor_build_bool (true));
    g_assert_true (cbor_array_push (boxes, cbor_move (entry)));
  }
  cl_test_cbor_map_put (root, "boxes", boxes);
  len = cbor_serialize_alloc (root, &buf, &size);
  out = g_bytes_new (buf, len);
  free (buf);
  cbor_decref (&root);
  return out;
}


GBytes *
cl_test_box_asset_sign (ClTestBoxAsset       *a,
                        gboolean              png,
                        const ClTestBoxGroup *groups,
                        guint                 n_groups,
                        const ClTestPki      *pki)
{
  g_autoptr(GPtrArray) chain = cl_test_chain_der (pki->signer, pki->intermediate, NULL);
  g_autoptr(GBytes) cbor = cl_test_box_hash_cbor (a, groups, n_groups);
  g_autoptr(GBytes) plain = g_bytes_new (a->bytes->data, a->bytes->len);
  g_autoptr(GBytes) store = NULL;

  store = cl_test_store_new (pki->signer->key, chain, CL_TEST_BOXES_LABEL, "c2pa.hash.boxes",
                             cbor);
  return png ? cl_test_embed_png (plain, store) : cl_test_embed_jpeg (plain, 20, store);
}
