/* test-bmff-hash.c: ISO BMFF files built box by box here: the BMFF hash's box offsets
 * (hashed before each top-level box, and where an exclusion hides a box's start only
 * between hashed bytes), a fragmented file's initialization hash and Merkle leaves (a row
 * of leaves, and a root with proofs), Merkle trees over the blocks of an unfragmented file's
 * mdat (fixed and variable sizes, a row of leaves, the root alone, proofs in merkle boxes),
 * the reader's media types and remote manifest URL in XMP, and hostile files (boxes shorter than their header,
 * huge largesizes, deep nesting, a million tiny boxes, a purpose with no end, two stores)
 * refused or read within bounds, quickly.
 *
 * The expected digests are computed here with OpenSSL over byte ranges written out by hand.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <openssl/evp.h>

#include "cl-asset.h"
#include "cl-bmff-hash.h"
#include "cl-cbor-util.h"
#include "cl-cbor-writer.h"
#include "cl-error.h"

static const guint8 c2pa_uuid[16] = {
  0xD8, 0xFE, 0xC3, 0xD6, 0x1B, 0x0E, 0x48, 0x3C, 0x92, 0x97, 0x58, 0x28, 0x87, 0x7E, 0xC4, 0x81
};


static void
put_be (GByteArray *out,
        guint64     value,
        guint       n)
{
  for (guint i = 0; i < n; i++) {
    guint8 b = (guint8) (value >> (8 * (n - 1 - i)));

    g_byte_array_append (out, &b, 1);
  }
}


/* A box of type with payload, appended to out; returns its offset. */
static guint64
put_box (GByteArray   *out,
         const char   *type,
         const guint8 *payload,
         gsize         len)
{
  guint64 offset = out->len;

  put_be (out, 8 + len, 4);
  g_byte_array_append (out, (const guint8 *) type, 4);
  if (len > 0)
    g_byte_array_append (out, payload, (guint) len);
  return offset;
}


static void
put_ftyp (GByteArray *out)
{
  put_box (out, "ftyp", (const guint8 *) "iso6\0\0\0\0iso6", 12);
}


/* A C2PA uuid box of purpose with body after it. */
static void
put_c2pa_box (GByteArray   *out,
              const char   *purpose,
              gsize         purpose_len,
              const guint8 *body,
              gsize         body_len)
{
  g_autoptr(GByteArray) payload = g_byte_array_new ();

  g_byte_array_append (payload, c2pa_uuid, 16);
  put_be (payload, 0, 4);
  g_byte_array_append (payload, (const guint8 *) purpose, (guint) purpose_len);
  g_byte_array_append (payload, body, (guint) body_len);
  put_box (out, "uuid", payload->data, payload->len);
}


static void
sha256 (const guint8 *a, gsize a_len, const guint8 *b, gsize b_len, guint8 *out)
{
  EVP_MD_CTX *ctx = EVP_MD_CTX_new ();

  EVP_DigestInit_ex (ctx, EVP_sha256 (), NULL);
  EVP_DigestUpdate (ctx, a, a_len);
  if (b_len > 0)
    EVP_DigestUpdate (ctx, b, b_len);
  EVP_DigestFinal_ex (ctx, out, NULL);
  EVP_MD_CTX_free (ctx);
}


/* Appends the 8-byte big-endian offset and then the bytes [start, end) of file. */
static void
add_span (GByteArray *in,
          GByteArray *file,
          gint64      offset,
          guint64     start,
          guint64     end)
{
  if (offset >= 0)
    put_be (in, (guint64) offset, 8);
  g_byte_array_append (in, file->data + start, (guint) (end - start));
}


/* Runs the hash check over the whole file in two pieces (so that a fragment ends inside
 * a buffer and another spans two). */
static gboolean
run_check (cbor_item_t *assertion,
           guint        version,
           GByteArray  *file,
           char       **why)
{
  g_autofree char *malformed = NULL;
  g_autoptr(ClBmffHash) hash = cl_bmff_hash_parse (assertion, version, &malformed);
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (file->data, file->len, NULL);
  g_autoptr(ClBmffHashCheck) check = NULL;
  gsize half = file->len / 2 + 3;

  g_assert_null (malformed);
  g_assert_nonnull (hash);
  check = cl_bmff_hash_check_new (hash, stream, file->len, NULL, NULL);
  cl_bmff_hash_check_consume (check, 0, file->data, half);
  cl_bmff_hash_check_consume (check, half, file->data + half, file->len - half);
  return cl_bmff_hash_check_finish (check, why);
}


/* An exclusion of the boxes at xpath; with_subset: only their first subset_length bytes
 * (0: all of them, through a subset). */
static cbor_item_t *
exclusion (const char *xpath,
           guint64     subset_length,
           gboolean    with_subset)
{
  cbor_item_t *e = cl_cbor_map_new ();

  cl_cbor_map_put (e, "xpath", cl_cbor_tstr (xpath));
  if (with_subset) {
    cbor_item_t *subsets = cl_cbor_array_new ();
    cbor_item_t *s = cl_cbor_map_new ();

    cl_cbor_map_put (s, "offset", cl_cbor_uint (0));
    cl_cbor_map_put (s, "length", cl_cbor_uint (subset_length));
    cl_cbor_array_add (subsets, s);
    cl_cbor_map_put (e, "subset", subsets);
  }
  return e;
}


/* ftyp | efgh | abcd (its first 4 bytes excluded) | ijkl | mnop (excluded by a subset to
 * its end): the offset of abcd is hashed although its first byte is not (bytes are hashed
 * before and after it); mnop's is not (no byte is hashed after it). */
static void
test_box_offsets (void)
{
  g_autoptr(GByteArray) file = g_byte_array_new ();
  g_autoptr(GByteArray) in = g_byte_array_new ();
  g_autoptr(cbor_item_t) assertion = cl_cbor_map_new ();
  cbor_item_t *exclusions = cl_cbor_array_new ();
  guint8 digest[32];
  guint64 efgh, abcd, ijkl;
  g_autofree char *why = NULL;

  put_ftyp (file);
  efgh = put_box (file, "efgh", (const guint8 *) "01234567", 8);
  abcd = put_box (file, "abcd", (const guint8 *) "89abcdef", 8);
  ijkl = put_box (file, "ijkl", (const guint8 *) "ghijklmn", 8);
  put_box (file, "mnop", (const guint8 *) "opqr", 4);
  add_span (in, file, (gint64) efgh, efgh, abcd);
  add_span (in, file, (gint64) abcd, abcd + 4, ijkl);
  add_span (in, file, (gint64) ijkl, ijkl, ijkl + 16);
  sha256 (in->data, in->len, NULL, 0, digest);

  cl_cbor_array_add (exclusions, exclusion ("/ftyp", 0, FALSE));
  cl_cbor_array_add (exclusions, exclusion ("/abcd", 4, TRUE));
  cl_cbor_array_add (exclusions, exclusion ("/mnop", 0, TRUE));
  cl_cbor_map_put (assertion, "exclusions", exclusions);
  cl_cbor_map_put (assertion, "alg", cl_cbor_tstr ("sha256"));
  cl_cbor_map_put (assertion, "hash", cl_cbor_bstr (digest, 32));
  g_assert_true (run_check (assertion, 3, file, &why));

  /* v1 hashes no offsets. */
  g_assert_false (run_check (assertion, 1, file, &why));
  g_clear_pointer (&why, g_free);
  file->data[ijkl + 9] ^= 1;
  g_assert_false (run_check (assertion, 3, file, &why));
  g_assert_nonnull (why);
}


/* The merkle uuid box of fragment location, with its proof (NULL: none). */
static void
put_merkle_box (GByteArray *file,
                guint       location,
                GPtrArray  *proof)
{
  g_autoptr(cbor_item_t) map = cl_cbor_map_new ();
  guchar *buffer = NULL;
  gsize size = 0, len;

  cl_cbor_map_put (map, "uniqueId", cl_cbor_uint (1));
  cl_cbor_map_put (map, "localId", cl_cbor_uint (1));
  cl_cbor_map_put (map, "location", cl_cbor_uint (location));
  if (proof != NULL) {
    cbor_item_t *hashes = cl_cbor_array_new ();

    for (guint i = 0; i < proof->len; i++)
      cl_cbor_array_add (hashes, cl_cbor_bstr (g_ptr_array_index (proof, i), 32));
    cl_cbor_map_put (map, "hashes", hashes);
  }
  len = cbor_serialize_alloc (map, &buffer, &size);
  /* Padded with zeros, as writers leave room to grow. */
  {
    g_autofree guint8 *body = g_malloc0 (8 + len + 6);

    memcpy (body + 8, buffer, len);
    put_c2pa_box (file, "merkle", 7, body + 8, len + 6);
  }
  free (buffer);
}


typedef struct {
  GByteArray *file;
  guint8      leaves[3][32];
  guint8      init[32];
  guint64     mdat[3];
} Fragmented;


/* ftyp | moov | 3 merkle boxes | (moof | mdat) × 3, the leaves and init hash computed. */
static void
build_fragmented (Fragmented *f,
                  gboolean    root_only)
{
  g_autoptr(GByteArray) in = g_byte_array_new ();
  guint64 moov, moof[3];
  guint8 h01[32];

  f->file = g_byte_array_new ();
  put_ftyp (f->file);
  moov = put_box (f->file, "moov", (const guint8 *) "\0\0\0\x0cmvhd\0\0\0\0", 12);
  for (guint i = 0; i < 3; i++) {
    g_autoptr(GPtrArray) proof = g_ptr_array_new ();

    /* Placeholders: the proofs are the leaves, known only below; same size either way. */
    if (root_only)
      g_ptr_array_add (proof, (gpointer) "................................");
    if (root_only && i < 2)
      g_ptr_array_add (proof, (gpointer) "................................");
    put_merkle_box (f->file, i, root_only ? proof : NULL);
  }
  for (guint i = 0; i < 3; i++) {
    guint8 media[40];

    memset (media, 'a' + i, sizeof media);
    moof[i] = put_box (f->file, "moof", (const guint8 *) "\0\0\0\x10mfhd\0\0\0\0\0\0\0\x01", 16);
    f->mdat[i] = put_box (f->file, "mdat", media, sizeof media);
    g_byte_array_set_size (in, 0);
    add_span (in, f->file, (gint64) moof[i], moof[i], f->mdat[i]);
    add_span (in, f->file, (gint64) f->mdat[i], f->mdat[i], f->mdat[i] + 48);
    sha256 (in->data, in->len, NULL, 0, f->leaves[i]);
  }
  g_byte_array_set_size (in, 0);
  add_span (in, f->file, (gint64) moov, moov, moov + 20);
  sha256 (in->data, in->len, NULL, 0, f->init);
  if (!root_only)
    return;
  /* Rewrite the proofs now that the leaves are known: 0 ← [l1, l2], 1 ← [l0, l2],
   * 2 ← [H(l0 l1)] (an odd leaf moves up unchanged). */
  sha256 (f->leaves[0], 32, f->leaves[1], 32, h01);
  g_byte_array_set_size (f->file, (guint) moov + 20);
  for (guint i = 0; i < 3; i++) {
    g_autoptr(GPtrArray) proof = g_ptr_array_new ();

    g_ptr_array_add (proof, i == 2 ? h01 : f->leaves[i == 0 ? 1 : 0]);
    if (i < 2)
      g_ptr_array_add (proof, f->leaves[2]);
    put_merkle_box (f->file, i, proof);
  }
  for (guint i = 0; i < 3; i++) {
    guint8 media[40];

    memset (media, 'a' + i, sizeof media);
    put_box (f->file, "moof", (const guint8 *) "\0\0\0\x10mfhd\0\0\0\0\0\0\0\x01", 16);
    put_box (f->file, "mdat", media, sizeof media);
  }
}


static cbor_item_t *
merkle_assertion (Fragmented *f,
                  gboolean    root_only,
                  guint       count)
{
  cbor_item_t *assertion = cl_cbor_map_new ();
  cbor_item_t *exclusions = cl_cbor_array_new ();
  cbor_item_t *maps = cl_cbor_array_new ();
  cbor_item_t *map = cl_cbor_map_new ();
  cbor_item_t *hashes = cl_cbor_array_new ();

  cl_cbor_array_add (exclusions, exclusion ("/ftyp", 0, FALSE));
  cl_cbor_array_add (exclusions, exclusion ("/uuid", 0, FALSE));
  cl_cbor_map_put (assertion, "exclusions", exclusions);
  cl_cbor_map_put (assertion, "alg", cl_cbor_tstr ("sha256"));
  if (root_only) {
    guint8 h01[32], root[32];

    sha256 (f->leaves[0], 32, f->leaves[1], 32, h01);
    sha256 (h01, 32, f->leaves[2], 32, root);
    cl_cbor_array_add (hashes, cl_cbor_bstr (root, 32));
  } else {
    for (guint i = 0; i < 3; i++)
      cl_cbor_array_add (hashes, cl_cbor_bstr (f->leaves[i], 32));
  }
  cl_cbor_map_put (map, "uniqueId", cl_cbor_uint (1));
  cl_cbor_map_put (map, "localId", cl_cbor_uint (1));
  cl_cbor_map_put (map, "count", cl_cbor_uint (count));
  cl_cbor_map_put (map, "initHash", cl_cbor_bstr (f->init, 32));
  cl_cbor_map_put (map, "hashes", hashes);
  cl_cbor_array_add (maps, map);
  cl_cbor_map_put (assertion, "merkle", maps);
  return assertion;
}


static void
test_merkle (gconstpointer data)
{
  gboolean root_only = GPOINTER_TO_INT (data);
  Fragmented f;
  g_autoptr(cbor_item_t) good = NULL;
  g_autoptr(cbor_item_t) miscounted = NULL;
  g_autofree char *why = NULL;

  build_fragmented (&f, root_only);
  good = merkle_assertion (&f, root_only, 3);
  miscounted = merkle_assertion (&f, root_only, 4);
  g_assert_true (run_check (good, 3, f.file, &why));
  g_assert_false (run_check (miscounted, 3, f.file, &why));
  g_clear_pointer (&why, g_free);

  /* A byte of the second fragment's media. */
  f.file->data[f.mdat[1] + 20] ^= 1;
  g_assert_false (run_check (good, 3, f.file, &why));
  g_assert_cmpstr (why, ==, "a fragment does not match its Merkle tree");
  g_clear_pointer (&why, g_free);
  f.file->data[f.mdat[1] + 20] ^= 1;
  /* A byte of the initialization segment (the flags of moov's mvhd). */
  f.file->data[38] ^= 1;
  g_assert_false (run_check (good, 3, f.file, &why));
  g_assert_cmpstr (why, ==, "the initialization segment does not match its hash");
  g_byte_array_unref (f.file);
}


/* An assertion with one Merkle map over the blocks of the file's mdat: fixed (> 0) or
 * variable sizes, and the leaves row or (root_only) the root of leaves. */
static cbor_item_t *
blocks_assertion (guint64        fixed,
                  const guint64 *variable,
                  guint          n_variable,
                  guint8         leaves[][32],
                  guint          n_leaves,
                  gboolean       root_only)
{
  cbor_item_t *assertion = cl_cbor_map_new ();
  cbor_item_t *exclusions = cl_cbor_array_new ();
  cbor_item_t *maps = cl_cbor_array_new ();
  cbor_item_t *map = cl_cbor_map_new ();
  cbor_item_t *hashes = cl_cbor_array_new ();

  cl_cbor_array_add (exclusions, exclusion ("/ftyp", 0, FALSE));
  cl_cbor_array_add (exclusions, exclusion ("/uuid", 0, FALSE));
  cl_cbor_map_put (assertion, "exclusions", exclusions);
  cl_cbor_map_put (assertion, "alg", cl_cbor_tstr ("sha256"));
  if (root_only) {
    guint8 root[32];

    /* Two or three leaves: H(l0 l1), then H(H(l0 l1) l2). */
    sha256 (leaves[0], 32, leaves[1], 32, root);
    if (n_leaves == 3)
      sha256 (root, 32, leaves[2], 32, root);
    cl_cbor_array_add (hashes, cl_cbor_bstr (root, 32));
  } else {
    for (guint i = 0; i < n_leaves; i++)
      cl_cbor_array_add (hashes, cl_cbor_bstr (leaves[i], 32));
  }
  cl_cbor_map_put (map, "uniqueId", cl_cbor_uint (1));
  cl_cbor_map_put (map, "localId", cl_cbor_uint (1));
  cl_cbor_map_put (map, "count", cl_cbor_uint (n_leaves));
  cl_cbor_map_put (map, "hashes", hashes);
  if (fixed > 0)
    cl_cbor_map_put (map, "fixedBlockSize", cl_cbor_uint (fixed));
  if (variable != NULL) {
    cbor_item_t *sizes = cl_cbor_array_new ();

    for (guint i = 0; i < n_variable; i++)
      cl_cbor_array_add (sizes, cl_cbor_uint (variable[i]));
    cl_cbor_map_put (map, "variableBlockSizes", sizes);
  }
  cl_cbor_array_add (maps, map);
  cl_cbor_map_put (assertion, "merkle", maps);
  return assertion;
}


/* ftyp | mdat of 100 bytes of media: its blocks start 16 bytes into the box. */
static void
test_blocks (void)
{
  static const guint64 variable[] = { 50, 42 }, variable_short[] = { 50, 41 };
  g_autoptr(GByteArray) file = g_byte_array_new ();
  guint8 media[100], fixed_leaves[3][32], variable_leaves[2][32], h01[32];
  guint64 mdat;
  g_autofree char *why = NULL;

  for (guint i = 0; i < sizeof media; i++)
    media[i] = (guint8) (i * 7);
  put_ftyp (file);
  mdat = put_box (file, "mdat", media, sizeof media);
  for (guint i = 0; i < 3; i++)
    sha256 (file->data + mdat + 16 + 40 * i, i < 2 ? 40 : 12, NULL, 0, fixed_leaves[i]);
  sha256 (file->data + mdat + 16, 50, NULL, 0, variable_leaves[0]);
  sha256 (file->data + mdat + 66, 42, NULL, 0, variable_leaves[1]);

  {
    g_autoptr(cbor_item_t) row = blocks_assertion (40, NULL, 0, fixed_leaves, 3, FALSE);
    g_autoptr(cbor_item_t) root = blocks_assertion (40, NULL, 0, fixed_leaves, 3, TRUE);
    g_autoptr(cbor_item_t) var = blocks_assertion (0, variable, 2, variable_leaves, 2, FALSE);
    g_autoptr(cbor_item_t) var_root = blocks_assertion (0, variable, 2, variable_leaves, 2, TRUE);
    g_autoptr(cbor_item_t) var_short = blocks_assertion (0, variable_short, 2, variable_leaves, 2,
                                                         FALSE);

    g_assert_true (run_check (row, 3, file, &why));
    g_assert_true (run_check (root, 3, file, &why));
    g_assert_true (run_check (var, 3, file, &why));
    g_assert_true (run_check (var_root, 3, file, &why));
    g_assert_false (run_check (var_short, 3, file, &why));
    g_clear_pointer (&why, g_free);
    /* The first 16 bytes of the box are not in any block; the last block is. */
    file->data[mdat + 12] ^= 1;
    g_assert_true (run_check (row, 3, file, &why));
    file->data[mdat + 12] ^= 1;
    file->data[mdat + 100] ^= 1;
    g_assert_false (run_check (row, 3, file, &why));
    g_clear_pointer (&why, g_free);
    g_assert_false (run_check (root, 3, file, &why));
    g_clear_pointer (&why, g_free);
    g_assert_false (run_check (var, 3, file, &why));
    g_clear_pointer (&why, g_free);
    file->data[mdat + 100] ^= 1;
  }

  /* The root in the map, each leaf's proof in its merkle box: 0 ← [l1, l2], 1 ← [l0, l2],
   * 2 ← [H(l0 l1)]. */
  sha256 (fixed_leaves[0], 32, fixed_leaves[1], 32, h01);
  for (guint i = 0; i < 3; i++) {
    g_autoptr(GPtrArray) proof = g_ptr_array_new ();

    g_ptr_array_add (proof, i == 2 ? h01 : fixed_leaves[i == 0 ? 1 : 0]);
    if (i < 2)
      g_ptr_array_add (proof, fixed_leaves[2]);
    put_merkle_box (file, i, proof);
  }
  {
    g_autoptr(cbor_item_t) root = blocks_assertion (40, NULL, 0, fixed_leaves, 3, TRUE);

    g_assert_true (run_check (root, 3, file, &why));
    file->data[mdat + 30] ^= 1;
    g_assert_false (run_check (root, 3, file, &why));
    g_assert_cmpstr (why, ==, "a block of the media data does not match its Merkle tree");
  }
}


static void
assert_refused (GByteArray *file,
                gint        code)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (file->data, file->len, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClAssetInfo) info = NULL;
  gint64 start = g_get_monotonic_time ();

  info = cl_asset_read (stream, NULL, &error);
  g_assert_error (error, CL_ASSET_ERROR, code);
  g_assert_null (info);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 2 * G_USEC_PER_SEC);
}


static ClAssetInfo *
read_info (GByteArray *file)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (file->data, file->len, NULL);
  g_autoptr(GError) error = NULL;
  ClAssetInfo *info = cl_asset_read (stream, NULL, &error);

  g_assert_no_error (error);
  return info;
}


/* The media type from the brands, and a remote manifest named in the XMP uuid box. */
static void
test_reader (void)
{
  static const struct { const char *brands; gsize len; const char *mime; } cases[] = {
    { "heic\0\0\0\0mif1heic", 16, "image/heic" },
    { "mif1\0\0\0\0mif1heic", 16, "image/heic" },
    { "mif1\0\0\0\0mif1miaf", 16, "image/heif" },
    { "avif\0\0\0\0avifmif1", 16, "image/avif" },
    { "qt  \0\0\0\0qt  ", 12, "video/quicktime" },
    { "isom\0\0\0\0isomavc1", 16, "video/mp4" },
  };
  static const guint8 xmp_uuid[16] = {
    0xBE, 0x7A, 0xCF, 0xCB, 0x97, 0xA9, 0x42, 0xE8, 0x9C, 0x71, 0x99, 0x94, 0x91, 0xE3, 0xAF, 0xAC
  };
  static const char xmp[] =
    "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF><rdf:Description "
    "dcterms:provenance=\"https://example.com/manifest.c2pa\"/></rdf:RDF></x:xmpmeta>";

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++) {
    g_autoptr(GByteArray) file = g_byte_array_new ();
    g_autoptr(ClAssetInfo) info = NULL;

    put_box (file, "ftyp", (const guint8 *) cases[i].brands, cases[i].len);
    put_box (file, "mdat", (const guint8 *) "media", 5);
    info = read_info (file);
    g_assert_cmpstr (info->mime_type, ==, cases[i].mime);
    g_assert_null (info->store);
    g_assert_null (info->remote_url);
  }
  {
    g_autoptr(GByteArray) file = g_byte_array_new ();
    g_autoptr(GByteArray) payload = g_byte_array_new ();
    g_autoptr(ClAssetInfo) info = NULL;

    put_ftyp (file);
    g_byte_array_append (payload, xmp_uuid, 16);
    g_byte_array_append (payload, (const guint8 *) xmp, sizeof xmp - 1);
    put_box (file, "uuid", payload->data, payload->len);
    info = read_info (file);
    g_assert_cmpstr (info->remote_url, ==, "https://example.com/manifest.c2pa");
  }
}


static void
test_hostile (void)
{
  g_autoptr(GByteArray) file = g_byte_array_new ();
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(ClAssetInfo) info = NULL;
  g_autoptr(GError) error = NULL;

  /* A box shorter than its header. */
  put_ftyp (file);
  put_be (file, 4, 4);
  g_byte_array_append (file, (const guint8 *) "free", 4);
  assert_refused (file, CL_ASSET_ERROR_MALFORMED);

  /* A largesize far past the end, on a box that is not media data. */
  g_byte_array_set_size (file, 20);
  put_be (file, 1, 4);
  g_byte_array_append (file, (const guint8 *) "moov", 4);
  put_be (file, G_MAXUINT64 - 3, 8);
  assert_refused (file, CL_ASSET_ERROR_MALFORMED);

  /* Media data claiming 2^63 bytes is cut at the end of the file. */
  g_byte_array_set_size (file, 20);
  put_be (file, 1, 4);
  g_byte_array_append (file, (const guint8 *) "mdat", 4);
  put_be (file, G_GUINT64_CONSTANT (1) << 63, 8);
  stream = g_memory_input_stream_new_from_data (file->data, file->len, NULL);
  info = cl_asset_read (stream, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (info->store);

  /* Forty moov boxes, one inside the other. */
  g_byte_array_set_size (file, 20);
  for (guint depth = 0; depth < 40; depth++) {
    put_be (file, 8 * (40 - depth) + 8, 4);
    g_byte_array_append (file, (const guint8 *) "moov", 4);
  }
  put_box (file, "free", NULL, 0);
  assert_refused (file, CL_ASSET_ERROR_MALFORMED);

  /* A million empty boxes. */
  g_byte_array_set_size (file, 20);
  for (guint i = 0; i < 1000000; i++)
    put_box (file, "free", NULL, 0);
  assert_refused (file, CL_ASSET_ERROR_TOO_LARGE);

  /* A C2PA box whose purpose never ends, and a file with two stores. */
  g_byte_array_set_size (file, 20);
  put_c2pa_box (file, "manifestmanifest", 16, NULL, 0);
  assert_refused (file, CL_ASSET_ERROR_MALFORMED);
  g_byte_array_set_size (file, 20);
  put_c2pa_box (file, "manifest", 9, (const guint8 *) "\0\0\0\0\0\0\0\0jumb", 12);
  put_c2pa_box (file, "manifest", 9, (const guint8 *) "\0\0\0\0\0\0\0\0jumb", 12);
  assert_refused (file, CL_ASSET_ERROR_MULTIPLE_STORES);
}


int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/bmff-hash/box-offsets", test_box_offsets);
  g_test_add_data_func ("/bmff-hash/merkle/leaves", GINT_TO_POINTER (FALSE), test_merkle);
  g_test_add_data_func ("/bmff-hash/merkle/root-and-proofs", GINT_TO_POINTER (TRUE), test_merkle);
  g_test_add_func ("/bmff-hash/merkle/blocks", test_blocks);
  g_test_add_func ("/bmff-hash/reader", test_reader);
  g_test_add_func ("/bmff-hash/hostile", test_hostile);
  return g_test_run ();
}
