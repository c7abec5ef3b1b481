/* fuzz-replay.c: a driver without libFuzzer for the fuzz targets, run by the normal test
 * suite: every seed (shared fixtures when present, plus signed JPEGs built here) and a
 * fixed number of deterministic mutations of it (bit flips, truncations, length fields
 * overwritten, chunks duplicated) go through LLVMFuzzerTestOneInput.
 *
 *   fuzz-replay-<target> [--store | --cbor] [--runs N] [--suffixes .a,.b]
 *                        [--format jxl|svg|heif]
 *                        [SEED_DIR…]
 *
 * --format adds, instead of the JPEG seeds built here, one file of that format holding the
 * store of the signed JPEG built here (pair it with --suffixes for the folders' files).
 *
 * --suffixes picks the seed files by name (default .jpg,.jpeg,.png); the signed JPEG's
 * store is also carried in a small WebP and GIF, so that mutations reach those readers'
 * store paths.
 * --store feeds the manifest store bytes of each seed image instead of the file; --cbor
 * the CBOR of its claims, claim signatures and CBOR assertions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <gio/gio.h>

#include "cl-asset.h"
#include "cl-asset-writer.h"
#include "cl-c2pa-ids.h"
#include "cl-manifest-store.h"
#include "cl-test-c2pa.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

#define MAX_SEED_SIZE (512 * 1024)

typedef enum {
  SEED_FILE,
  SEED_STORE,
  SEED_CBOR,
} SeedKind;


/* The CBOR content of a superbox, when it has one. */
static void
add_cbor_of (GPtrArray  *seeds,
             ClJumbfBox *box)
{
  ClJumbfBox *content = box != NULL ? cl_jumbf_box_find_child_type (box, CL_BOX_CBOR) : NULL;
  const guint8 *data;
  gsize len;

  if (content == NULL)
    return;
  data = cl_jumbf_box_payload (content, &len);
  g_ptr_array_add (seeds, g_bytes_new (data, len));
}


static void
add_cbor_seeds (GPtrArray *seeds,
                GBytes    *store_bytes)
{
  g_autoptr(ClManifestStore) store = cl_manifest_store_parse (store_bytes, NULL);

  for (guint i = 0; store != NULL && i < store->manifests->len; i++) {
    ClManifest *m = g_ptr_array_index (store->manifests, i);

    add_cbor_of (seeds, m->claim_box);
    add_cbor_of (seeds, m->signature_box);
    for (guint j = 0; j < m->assertions->len; j++)
      add_cbor_of (seeds, ((ClAssertion *) g_ptr_array_index (m->assertions, j))->box);
  }
}


static void
add_seed (GPtrArray *seeds,
          GBytes    *bytes,
          SeedKind   kind)
{
  if (kind != SEED_FILE) {
    g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (bytes);
    g_autoptr(ClAssetInfo) info = cl_asset_read (stream, NULL, NULL);

    if (info == NULL || info->store == NULL)
      return;
    if (kind == SEED_STORE)
      g_ptr_array_add (seeds, g_bytes_ref (info->store));
    else
      add_cbor_seeds (seeds, info->store);
    return;
  }
  g_ptr_array_add (seeds, g_bytes_ref (bytes));
}


static void
add_dir (GPtrArray   *seeds,
         const char  *path,
         char       **suffixes,
         SeedKind     kind)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL) {
    g_autofree char *file = g_build_filename (path, name, NULL);
    g_autofree char *lower = g_ascii_strdown (name, -1);
    g_autofree char *contents = NULL;
    gsize len;
    gboolean wanted = FALSE;

    for (guint i = 0; suffixes[i] != NULL; i++)
      wanted |= g_str_has_suffix (lower, suffixes[i]);
    if (!wanted)
      continue;
    if (g_file_get_contents (file, &contents, &len, NULL) && len <= MAX_SEED_SIZE) {
      g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&contents), len);

      add_seed (seeds, bytes, kind);
    }
  }
}


/* The store of a signed file in a 1×1 WebP (lossless, simple) and a 1×1 GIF. */
static void
add_carried_store_seeds (GPtrArray *seeds,
                         GBytes    *signed_file,
                         SeedKind   kind)
{
  static const guint8 webp_head[26] = {
    'R', 'I', 'F', 'F', 0, 0, 0, 0, 'W', 'E', 'B', 'P',
    'V', 'P', '8', 'L', 5, 0, 0, 0, 0x2F, 0, 0, 0, 0, 0,
  };
  static const guint8 gif_head[19] = {
    'G', 'I', 'F', '8', '9', 'a', 1, 0, 1, 0, 0x80, 0, 0, 0xFF, 0, 0, 0, 0, 0xFF,
  };
  static const guint8 gif_tail[] = {
    0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0x02, 0x02, 0x44, 0x01, 0x00, 0x3B,
  };
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (signed_file);
  g_autoptr(ClAssetInfo) info = cl_asset_read (stream, NULL, NULL);
  g_autoptr(GBytes) chunk = NULL;
  g_autoptr(GBytes) extension = NULL;
  g_autoptr(GByteArray) webp = g_byte_array_new ();
  g_autoptr(GByteArray) gif = g_byte_array_new ();
  g_autoptr(GBytes) webp_bytes = NULL;
  g_autoptr(GBytes) gif_bytes = NULL;
  guint32 riff_size;

  g_assert_nonnull (info);
  chunk = cl_asset_wrap_store (CL_ASSET_FORMAT_WEBP, info->store, NULL);
  extension = cl_asset_wrap_store (CL_ASSET_FORMAT_GIF, info->store, NULL);
  g_byte_array_append (webp, webp_head, sizeof webp_head);
  g_byte_array_append (webp, g_bytes_get_data (chunk, NULL), g_bytes_get_size (chunk));
  if (webp->len & 1)
    g_byte_array_append (webp, webp_head + 4, 1);   /* a zero pad byte */
  riff_size = webp->len - 8;
  for (int i = 0; i < 4; i++)
    webp->data[4 + i] = (riff_size >> (8 * i)) & 0xFF;
  g_byte_array_append (gif, gif_head, sizeof gif_head);
  g_byte_array_append (gif, g_bytes_get_data (extension, NULL), g_bytes_get_size (extension));
  g_byte_array_append (gif, gif_tail, sizeof gif_tail);
  webp_bytes = g_byte_array_free_to_bytes (g_steal_pointer (&webp));
  gif_bytes = g_byte_array_free_to_bytes (g_steal_pointer (&gif));
  add_seed (seeds, webp_bytes, kind);
  add_seed (seeds, gif_bytes, kind);
}


static void
put_be32 (GByteArray *out,
          guint32     value)
{
  guint8 b[4] = { value >> 24, value >> 16, value >> 8, value };

  g_byte_array_append (out, b, 4);
}


/* A small HEIC: ftyp, the store in the C2PA uuid box, a meta box whose item locations
 * (iloc version 1, 4-byte fields) give one item at a base offset and one at a file
 * offset, both in the mdat that ends the file. */
static GBytes *
wrap_heif (GBytes *store)
{
  g_autoptr(GBytes) carrier = cl_asset_wrap_store (CL_ASSET_FORMAT_BMFF, store, NULL);
  GByteArray *out = g_byte_array_new ();
  guint32 iloc_size = 16 + 20 + 20, meta_size = 12 + iloc_size, data_at;

  g_assert_nonnull (carrier);
  put_be32 (out, 24);
  g_byte_array_append (out, (const guint8 *) "ftypheic\0\0\0\0mif1heic", 20);
  g_byte_array_append (out, g_bytes_get_data (carrier, NULL), g_bytes_get_size (carrier));
  data_at = out->len + meta_size + 8;
  put_be32 (out, meta_size);
  g_byte_array_append (out, (const guint8 *) "meta\0\0\0\0", 8);
  put_be32 (out, iloc_size);
  g_byte_array_append (out, (const guint8 *) "iloc\1\0\0\0\x44\x40\0\2", 12);
  /* Item 1: base offset, one extent of 8 bytes from it; item 2: 8 bytes at a file offset. */
  g_byte_array_append (out, (const guint8 *) "\0\1\0\0\0\0", 6);
  put_be32 (out, data_at);
  g_byte_array_append (out, (const guint8 *) "\0\1", 2);
  put_be32 (out, 0);
  put_be32 (out, 8);
  g_byte_array_append (out, (const guint8 *) "\0\2\0\0\0\0", 6);
  put_be32 (out, 0);
  g_byte_array_append (out, (const guint8 *) "\0\1", 2);
  put_be32 (out, data_at + 8);
  put_be32 (out, 8);
  put_be32 (out, 24);
  g_byte_array_append (out, (const guint8 *) "mdat0123456789abcdef", 20);
  g_assert_cmpuint (out->len, ==, data_at + 16);
  return g_byte_array_free_to_bytes (out);
}


/* A file of format holding the store of jpeg: a JPEG XL container (signature box, ftyp,
 * the store as a jumb box, a codestream box), an SVG (the store in base64) or a HEIC. */
static GBytes *
wrap_store (GBytes     *jpeg,
            const char *format)
{
  static const guint8 head[32] = { 0, 0, 0, 12, 'J', 'X', 'L', ' ', 0x0D, 0x0A, 0x87, 0x0A,
                                   0, 0, 0, 20, 'f', 't', 'y', 'p', 'j', 'x', 'l', ' ',
                                   0, 0, 0, 0, 'j', 'x', 'l', ' ' };
  static const guint8 codestream[12] = { 0, 0, 0, 12, 'j', 'x', 'l', 'c', 0xFF, 0x0A, 0, 0 };
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (jpeg);
  g_autoptr(ClAssetInfo) info = cl_asset_read (stream, NULL, NULL);
  GByteArray *out = g_byte_array_new ();
  gsize len;
  const guint8 *store;

  g_assert_nonnull (info);
  g_assert_nonnull (info->store);
  store = g_bytes_get_data (info->store, &len);
  if (g_str_equal (format, "heif")) {
    g_byte_array_unref (out);
    return wrap_heif (info->store);
  }
  if (g_str_equal (format, "svg")) {
    g_autofree char *encoded = g_base64_encode (store, len);
    g_autofree char *svg = g_strconcat ("<svg xmlns=\"http://www.w3.org/2000/svg\"><metadata>"
                                        "<c2pa:manifest>", encoded,
                                        "</c2pa:manifest></metadata><rect/></svg>", NULL);

    g_byte_array_append (out, (const guint8 *) svg, (guint) strlen (svg));
  } else {
    g_byte_array_append (out, head, sizeof head);
    g_byte_array_append (out, store, (guint) len);
    g_byte_array_append (out, codestream, sizeof codestream);
  }
  return g_byte_array_free_to_bytes (out);
}


static GBytes *
mutate (GBytes *seed,
        GRand  *rand)
{
  gsize len;
  const guint8 *data = g_bytes_get_data (seed, &len);
  GByteArray *out = g_byte_array_sized_new (len + 16);
  guint kind = g_rand_int_range (rand, 0, 5);
  gsize at = len > 0 ? (gsize) g_rand_int_range (rand, 0, (gint32) MIN (len, G_MAXINT32)) : 0;

  g_byte_array_append (out, data, len);
  switch (kind) {
  case 0:   /* a few bit flips */
    for (int i = 0; i < 4 && len > 0; i++)
      out->data[g_rand_int_range (rand, 0, (gint32) MIN (len, G_MAXINT32))] ^=
        (guint8) (1u << g_rand_int_range (rand, 0, 8));
    break;
  case 1:   /* truncation */
    g_byte_array_set_size (out, at);
    break;
  case 2:   /* a length field overwritten with a large or tiny value */
    for (int i = 0; i < 4 && at + i < len; i++)
      out->data[at + i] = g_rand_boolean (rand) ? 0xFF : 0x00;
    break;
  case 3:   /* a chunk duplicated */
    if (len > 0) {
      /* Drawn once: MIN() evaluates its arguments twice. */
      gsize wanted = (gsize) g_rand_int_range (rand, 1, 64);
      gsize n = MIN (wanted, len - at);

      g_byte_array_append (out, data + at, n);
    }
    break;
  default:  /* random bytes inserted */
    {
      guint8 junk[8];

      for (int i = 0; i < 8; i++)
        junk[i] = (guint8) g_rand_int (rand);
      g_byte_array_append (out, junk, sizeof junk);
    }
    break;
  }
  return g_byte_array_free_to_bytes (out);
}


int
main (int    argc,
      char **argv)
{
  SeedKind kind = SEED_FILE;
  int runs = 2000;
  const char *format = NULL;
  g_autoptr(GPtrArray) seeds = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20251128);
  g_autoptr(ClTestSigner) signer = cl_test_signer_new (1, 365);
  g_autoptr(ClTestSignedJpeg) jpeg = cl_test_signed_jpeg_new (signer);
  g_autoptr(GBytes) plain = cl_test_plain_jpeg ();
  g_autoptr(GBytes) boxes = cl_test_box_hashed_jpeg_new (signer);
  int done = 0;
  g_auto(GStrv) suffixes = g_strsplit (".jpg,.jpeg,.png", ",", -1);
  g_autoptr(GPtrArray) dirs = g_ptr_array_new ();

  for (int i = 1; i < argc; i++) {
    if (g_str_equal (argv[i], "--store"))
      kind = SEED_STORE;
    else if (g_str_equal (argv[i], "--cbor"))
      kind = SEED_CBOR;
    else if (g_str_equal (argv[i], "--format") && i + 1 < argc)
      format = argv[++i];
    else if (g_str_equal (argv[i], "--runs") && i + 1 < argc)
      runs = atoi (argv[++i]);
    else if (g_str_equal (argv[i], "--suffixes") && i + 1 < argc) {
      g_strfreev (suffixes);
      suffixes = g_strsplit (argv[++i], ",", -1);
    } else
      g_ptr_array_add (dirs, argv[i]);
  }
  for (guint i = 0; i < dirs->len; i++)
    add_dir (seeds, g_ptr_array_index (dirs, i), suffixes, kind);
  if (format != NULL) {
    g_autoptr(GBytes) wrapped = wrap_store (jpeg->file, format);

    add_seed (seeds, wrapped, kind);
  } else {
    add_seed (seeds, jpeg->file, kind);
    add_carried_store_seeds (seeds, jpeg->file, kind);
    add_seed (seeds, plain, kind);
    add_seed (seeds, boxes, kind);
  }
  g_assert_cmpuint (seeds->len, >, 0);

  printf ("1..1\n");
  for (guint i = 0; i < seeds->len; i++, done++) {
    GBytes *s = g_ptr_array_index (seeds, i);

    LLVMFuzzerTestOneInput (g_bytes_get_data (s, NULL), g_bytes_get_size (s));
  }
  while (done < runs) {
    GBytes *s = g_ptr_array_index (seeds, g_rand_int_range (rand, 0, (gint32) seeds->len));
    g_autoptr(GBytes) m = mutate (s, rand);

    /* Stack mutations now and then to get past the first check. */
    if (g_rand_int_range (rand, 0, 4) == 0) {
      GBytes *again = mutate (m, rand);

      g_bytes_unref (m);
      m = again;
    }
    LLVMFuzzerTestOneInput (g_bytes_get_data (m, NULL), g_bytes_get_size (m));
    done++;
  }
  printf ("ok 1 - %d inputs from %u seeds, no crash\n", done, seeds->len);
  return 0;
}
