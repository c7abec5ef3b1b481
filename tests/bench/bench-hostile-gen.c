/* bench-hostile-gen.c: writes one crafted file of the hostile-input benchmark
 * (tests/bench/bench-hostile.sh runs it; see there for the budgets).
 *
 *   bench-hostile-gen CASE FILE      writes the file of CASE
 *   bench-hostile-gen --list         prints the cases, one a line: name, file extension and
 *                                    what it holds, separated by tabs
 *
 * Every file is a small JPEG (or PNG) with a manifest store made from scratch, signed by the
 * claim signer of a fresh test PKI (cl-test-pki; on no trust list) and its data hash right, so
 * a reader has to go through all of it: the shape of the store is what is hostile, not its
 * signature. The size of the store, in bytes, is printed on standard output (the memory
 * budget of bench-hostile.sh is counted from it).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <cbor.h>

#include "cl-asset.h"
#include "cl-asset-jpeg-writer.h"
#include "cl-c2pa-ids.h"
#include "cl-cose-crypto.h"
#include "cl-test-boxes.h"
#include "cl-test-c2pa.h"
#include "cl-test-pki.h"

static const guint8 uuid_store[16] = CL_UUID_STORE;
static const guint8 uuid_manifest[16] = CL_UUID_MANIFEST;
static const guint8 uuid_assertions[16] = CL_UUID_ASSERTION_STORE;
static const guint8 uuid_claim[16] = CL_UUID_CLAIM;
static const guint8 uuid_signature[16] = CL_UUID_SIGNATURE;

#define LABEL "urn:c2pa:6f1d2a3b-4c5d-4e6f-8a7b-9c0d1e2f3a4b:credlink-bench"
#define BINDING_LABEL "c2pa.hash.data"

/* What a case puts in its store; zero for what it leaves out. */
typedef struct {
  guint   n_assertions;       /* assertions of its own, each referenced once */
  guint   assertion_values;   /* > 0: each assertion holds this many small integers (a large
                               * JSON report); 0: one integer */
  guint   n_extra_refs;       /* more references, all to the first assertion of its own */
  guint   n_redactions;       /* redacted_assertions URIs in the claim */
  guint   x5chain_len;        /* certificates in x5chain (0: signer and intermediate) */
  gsize   n_empty_boxes;      /* empty boxes after the manifest, in the store superbox */
  gsize   claim_array_len;    /* > 0: the claim is one CBOR array of this many zeros */
  gboolean png;               /* a PNG rather than a JPEG */
  gboolean as_ingredients;    /* its own assertions are ingredients (c2pa.ingredient.v3__N) */
  gsize   n_bmff_boxes;       /* > 0: an MP4 of a file type box and this many empty boxes,
                               * no store */
} Recipe;

typedef struct {
  const char *name;
  const char *what;
  Recipe      recipe;
} Case;

static const Case cases[] = {
  { "assertions-40k", "JPEG, 40,000 referenced assertions", { .n_assertions = 40000 } },
  { "assertions-100k", "JPEG, 100,000 referenced assertions", { .n_assertions = 100000 } },
  { "redactions-100k", "JPEG, 10,000 assertions and 100,000 redactions",
    { .n_assertions = 10000, .n_redactions = 100000 } },
  { "claim-array-63m", "JPEG, 63 MB store whose claim is one CBOR array of tiny items",
    { .claim_array_len = 63000000 } },
  { "empty-boxes", "PNG, 7.8 million empty JUMBF boxes in the store",
    { .n_empty_boxes = 7800000, .png = TRUE } },
  { "x5chain-100k", "JPEG, x5chain of 100,000 certificates", { .x5chain_len = 100000 } },
  { "refs-200k", "JPEG, 200,000 references to one assertion",
    { .n_assertions = 1, .n_extra_refs = 200000 } },
  { "large-report", "JPEG, ~17 MB, 1,000 assertions of 17,000 integers (a ~49 MB report)",
    { .n_assertions = 1000, .assertion_values = 17000 } },
  { "large-ingredients", "JPEG, ~60 MB, 60 ingredient assertions of 999,990 integers (just within the CBOR cap)",
    { .n_assertions = 60, .assertion_values = 999990, .as_ingredients = TRUE } },
  { "bmff-boxes", "MP4, 1,000,000 empty top-level boxes", { .n_bmff_boxes = 1000000 } },
};


/* An ISO BMFF file of a file type box and n empty free boxes. */
static GBytes *
bmff_boxes_new (gsize n)
{
  static const guint8 ftyp[20] = { 0, 0, 0, 20, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm',
                                   0, 0, 0, 0, 'i', 's', 'o', 'm' };
  static const guint8 free_box[8] = { 0, 0, 0, 8, 'f', 'r', 'e', 'e' };
  GByteArray *out = g_byte_array_sized_new ((guint) (sizeof ftyp + n * sizeof free_box));

  g_byte_array_append (out, ftyp, sizeof ftyp);
  for (gsize i = 0; i < n; i++)
    g_byte_array_append (out, free_box, sizeof free_box);
  return g_byte_array_free_to_bytes (out);
}


static GBytes *
data_hash_content (guint32       start,
                   guint32       length,
                   const guint8  digest[32])
{
  cbor_item_t *map = cbor_new_definite_map (4);
  cbor_item_t *exclusions = cbor_new_definite_array (1);
  cbor_item_t *range = cbor_new_definite_map (2);

  /* 32-bit widths: the store keeps its size whatever the exclusion. */
  cl_test_cbor_map_put (range, "start", cbor_build_uint32 (start));
  cl_test_cbor_map_put (range, "length", cbor_build_uint32 (length));
  g_assert_true (cbor_array_push (exclusions, cbor_move (range)));
  cl_test_cbor_map_put (map, "exclusions", exclusions);
  cl_test_cbor_map_put (map, "name", cbor_build_string ("jumbf manifest"));
  cl_test_cbor_map_put (map, "alg", cbor_build_string ("sha256"));
  cl_test_cbor_map_put (map, "hash", cbor_build_bytestring (digest, 32));
  return cl_test_cbor_serialize (map);
}


static GBytes *
actions_content (void)
{
  cbor_item_t *map = cbor_new_definite_map (1);
  cbor_item_t *list = cbor_new_definite_array (1);
  cbor_item_t *action = cbor_new_definite_map (1);

  cl_test_cbor_map_put (action, "action", cbor_build_string ("c2pa.created"));
  g_assert_true (cbor_array_push (list, cbor_move (action)));
  cl_test_cbor_map_put (map, "actions", list);
  return cl_test_cbor_serialize (map);
}


/* Assertion number i of a case: one integer, or n_values integers in 10..23 (one CBOR byte
 * each, two or three characters of JSON). */
static GBytes *
own_assertion_content (guint    i,
                       guint    n_values,
                       gboolean ingredient)
{
  cbor_item_t *map = cbor_new_definite_map (ingredient ? 3 : 1);
  cbor_item_t *values;

  if (ingredient) {
    /* An ingredient with no provenance of its own, carrying the values as metadata. */
    cl_test_cbor_map_put (map, "relationship", cbor_build_string ("componentOf"));
    cl_test_cbor_map_put (map, "title", cbor_build_string ("part.jpg"));
  }
  if (n_values == 0) {
    cl_test_cbor_map_put (map, "n", cbor_build_uint32 (i));
    return cl_test_cbor_serialize (map);
  }
  values = cbor_new_definite_array (n_values);
  for (guint k = 0; k < n_values; k++)
    g_assert_true (cbor_array_push (values, cbor_move (cbor_build_uint8 (10 + (i + k) % 14))));
  cl_test_cbor_map_put (map, "values", values);
  return cl_test_cbor_serialize (map);
}


/* The assertion store, and the claim's created_assertions list (references into it). */
static GBytes *
assertion_store (const Recipe  *recipe,
                 GBytes        *data_hash,
                 cbor_item_t  **out_references)
{
  g_autoptr(GPtrArray) boxes = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  cbor_item_t *references = cbor_new_definite_array (2 + recipe->n_assertions +
                                                     recipe->n_extra_refs);
  g_autoptr(GBytes) actions = actions_content ();
  guint8 hash[32], first_hash[32];

  g_ptr_array_add (boxes, cl_test_assertion_box ("c2pa.actions.v2", actions, hash));
  g_assert_true (cbor_array_push (references, cbor_move (cl_test_hashed_uri (
    "self#jumbf=c2pa.assertions/c2pa.actions.v2", hash))));
  g_ptr_array_add (boxes, cl_test_assertion_box (BINDING_LABEL, data_hash, hash));
  g_assert_true (cbor_array_push (references, cbor_move (cl_test_hashed_uri (
    "self#jumbf=c2pa.assertions/" BINDING_LABEL, hash))));

  for (guint i = 0; i < recipe->n_assertions; i++) {
    g_autofree char *label = recipe->as_ingredients && i > 0
                             ? g_strdup_printf ("c2pa.ingredient.v3__%u", i + 1)
                             : recipe->as_ingredients ? g_strdup ("c2pa.ingredient.v3")
                             : g_strdup_printf ("org.credlink.bench.%u", i);
    g_autofree char *url = g_strdup_printf ("self#jumbf=c2pa.assertions/%s", label);
    g_autoptr(GBytes) content = own_assertion_content (i, recipe->assertion_values,
                                                       recipe->as_ingredients);

    g_ptr_array_add (boxes, cl_test_assertion_box (label, content, hash));
    g_assert_true (cbor_array_push (references, cbor_move (cl_test_hashed_uri (url, hash))));
    if (i == 0)
      memcpy (first_hash, hash, 32);
  }
  for (guint i = 0; i < recipe->n_extra_refs; i++)
    g_assert_true (cbor_array_push (references, cbor_move (cl_test_hashed_uri (
      "self#jumbf=c2pa.assertions/org.credlink.bench.0", first_hash))));

  *out_references = references;
  return cl_test_superbox (uuid_assertions, "c2pa.assertions",
                           (GBytes **) boxes->pdata, boxes->len);
}


/* The claim: a v2 claim over references, or (claim_array_len) one CBOR array of zeros,
 * written directly as libcbor would need gigabytes to build it. */
static GBytes *
claim_content (const Recipe *recipe,
               cbor_item_t  *references)
{
  cbor_item_t *claim, *generator;

  if (recipe->claim_array_len > 0) {
    gsize n = recipe->claim_array_len;
    guint8 *bytes = g_malloc0 (9 + n);

    cbor_decref (&references);
    bytes[0] = 0x9B;  /* array, 64-bit length */
    for (guint k = 0; k < 8; k++)
      bytes[1 + k] = (guint8) ((guint64) n >> (56 - 8 * k));
    return g_bytes_new_take (bytes, 9 + n);
  }

  claim = cbor_new_definite_map (recipe->n_redactions > 0 ? 6 : 5);
  generator = cbor_new_definite_map (1);
  cl_test_cbor_map_put (claim, "instanceID", cbor_build_string ("xmp:iid:credlink-bench"));
  cl_test_cbor_map_put (generator, "name", cbor_build_string ("credlink-bench"));
  cl_test_cbor_map_put (claim, "claim_generator_info", generator);
  cl_test_cbor_map_put (claim, "signature",
                        cbor_build_string ("self#jumbf=/c2pa/" LABEL "/c2pa.signature"));
  cl_test_cbor_map_put (claim, "created_assertions", references);
  cl_test_cbor_map_put (claim, "alg", cbor_build_string ("sha256"));
  if (recipe->n_redactions > 0) {
    cbor_item_t *redacted = cbor_new_definite_array (recipe->n_redactions);

    for (guint i = 0; i < recipe->n_redactions; i++) {
      g_autofree char *url = g_strdup_printf (
        "self#jumbf=/c2pa/urn:c2pa:00000000-0000-4000-8000-%012u/c2pa.assertions/"
        "org.credlink.redacted.%u", i % 1000, i);

      g_assert_true (cbor_array_push (redacted, cbor_move (cbor_build_string (url))));
    }
    cl_test_cbor_map_put (claim, "redacted_assertions", redacted);
  }
  return cl_test_cbor_serialize (claim);
}


/* The COSE_Sign1 of claim by the PKI's signer; x5chain: the signer, then its intermediate
 * (n_certs - 1 times when n_certs > 2). */
static GBytes *
signature_content (const ClTestPki *pki,
                   GBytes          *claim,
                   guint            n_certs)
{
  cbor_item_t *protected = cbor_new_definite_map (2);
  cbor_item_t *unprotected = cbor_new_definite_map (0);
  cbor_item_t *cose = cbor_new_definite_array (4);
  cbor_item_t *x5chain = cbor_new_definite_array (MAX (n_certs, 2));
  g_autoptr(GBytes) signer_der = cl_test_cred_der (pki->signer);
  g_autoptr(GBytes) intermediate_der = cl_test_cred_der (pki->intermediate);
  g_autoptr(GBytes) protected_bytes = NULL, to_sign = NULL, signature = NULL;

  g_assert_true (cbor_map_add (protected, (struct cbor_pair) {
    .key = cbor_move (cbor_build_uint8 (1)), .value = cbor_move (cbor_build_negint8 (6)) }));
  for (guint i = 0; i < MAX (n_certs, 2); i++) {
    GBytes *der = i == 0 ? signer_der : intermediate_der;

    g_assert_true (cbor_array_push (x5chain, cbor_move (cbor_build_bytestring (
      g_bytes_get_data (der, NULL), g_bytes_get_size (der)))));
  }
  g_assert_true (cbor_map_add (protected, (struct cbor_pair) {
    .key = cbor_move (cbor_build_uint8 (33)), .value = cbor_move (x5chain) }));
  protected_bytes = cl_test_cbor_serialize (protected);
  to_sign = cl_cose_sig_structure_encode ("Signature1", g_bytes_get_data (protected_bytes, NULL),
                                          g_bytes_get_size (protected_bytes),
                                          g_bytes_get_data (claim, NULL),
                                          g_bytes_get_size (claim));
  signature = cl_cose_sign_bytes (CL_COSE_ALG_ES256, pki->signer->key,
                                  g_bytes_get_data (to_sign, NULL), g_bytes_get_size (to_sign),
                                  NULL);
  g_assert_nonnull (signature);

  g_assert_true (cbor_array_push (cose, cbor_move (cbor_build_bytestring (
    g_bytes_get_data (protected_bytes, NULL), g_bytes_get_size (protected_bytes)))));
  g_assert_true (cbor_array_push (cose, cbor_move (unprotected)));
  g_assert_true (cbor_array_push (cose, cbor_move (cbor_new_null ())));
  g_assert_true (cbor_array_push (cose, cbor_move (cbor_build_bytestring (
    g_bytes_get_data (signature, NULL), g_bytes_get_size (signature)))));
  return cl_test_cbor_serialize (cbor_build_tag (18, cbor_move (cose)));
}


/* n empty boxes (a header and nothing else), back to back. */
static GBytes *
empty_boxes (gsize n)
{
  guint8 *bytes = g_malloc (n * 8);

  for (gsize i = 0; i < n; i++)
    memcpy (bytes + 8 * i, "\0\0\0\x08" "free", 8);
  return g_bytes_new_take (bytes, n * 8);
}


static GBytes *
superbox_of_content (const guint8  uuid[16],
                     const char   *label,
                     GBytes       *content)
{
  g_autoptr(GBytes) box = cl_test_box ("cbor", g_bytes_get_data (content, NULL),
                                       g_bytes_get_size (content));

  return cl_test_superbox (uuid, label, &box, 1);
}


/* The manifest store of recipe, its data hash excluding length bytes from start. */
static GBytes *
store_new (const Recipe *recipe,
           ClTestPki    *pki,
           guint32       start,
           guint32       length,
           const guint8  digest[32])
{
  g_autoptr(GBytes) data_hash = data_hash_content (start, length, digest);
  cbor_item_t *references = NULL;
  g_autoptr(GBytes) assertions = assertion_store (recipe, data_hash, &references);
  g_autoptr(GBytes) claim = claim_content (recipe, references);
  g_autoptr(GBytes) signature = signature_content (pki, claim, recipe->x5chain_len);
  g_autoptr(GBytes) claim_box = superbox_of_content (uuid_claim, "c2pa.claim.v2", claim);
  g_autoptr(GBytes) signature_box = superbox_of_content (uuid_signature, "c2pa.signature",
                                                         signature);
  GBytes *manifest_children[] = { assertions, claim_box, signature_box };
  g_autoptr(GBytes) manifest = cl_test_superbox (uuid_manifest, LABEL, manifest_children, 3);
  g_autoptr(GBytes) padding = recipe->n_empty_boxes > 0 ? empty_boxes (recipe->n_empty_boxes)
                                                        : NULL;
  GBytes *store_children[] = { manifest, padding };

  return cl_test_superbox (uuid_store, "c2pa", store_children, padding != NULL ? 2 : 1);
}


/* A small PNG (signature and IHDR first, as cl_test_embed_png() needs). */
static GBytes *
plain_png (void)
{
  ClTestBoxAsset asset;
  GBytes *bytes;

  cl_test_box_asset_init (&asset);
  cl_test_box_asset_build_png (&asset);
  bytes = g_bytes_new (asset.bytes->data, asset.bytes->len);
  cl_test_box_asset_clear (&asset);
  return bytes;
}


/* The file of recipe: the store built once to learn its size (*out_store_len), then again
 * with the data hash excluding exactly the segments (or chunk) that carry it. */
static GBytes *
file_new (const Recipe *recipe,
          gsize        *out_store_len)
{
  g_autoptr(ClTestPki) pki = NULL;
  g_autoptr(GBytes) plain = NULL;
  g_autoptr(GBytes) sized = NULL, store = NULL;
  guint8 zeros[32] = { 0 }, digest[32];
  guint32 start, length;
  gsize store_len;

  if (recipe->n_bmff_boxes > 0) {
    *out_store_len = 0;
    return bmff_boxes_new (recipe->n_bmff_boxes);
  }
  pki = cl_test_pki_new (NULL, NULL);
  plain = recipe->png ? plain_png () : cl_test_plain_jpeg ();

  /* Everything but the carrier is hashed: the plain file itself. */
  g_assert_cmpint (EVP_Digest (g_bytes_get_data (plain, NULL), g_bytes_get_size (plain),
                               digest, NULL, EVP_sha256 (), NULL), ==, 1);
  sized = store_new (recipe, pki, 0, 0, zeros);
  store_len = g_bytes_get_size (sized);
  *out_store_len = store_len;
  g_clear_pointer (&sized, g_bytes_unref);
  if (store_len > CL_ASSET_MAX_STORE_SIZE)
    g_printerr ("bench-hostile-gen: the store is %zu bytes, over the limit of %u\n",
                store_len, (guint) CL_ASSET_MAX_STORE_SIZE);

  if (recipe->png) {
    start = 8 + 12 + 13;  /* after the signature and IHDR */
    length = (guint32) (12 + store_len);
    store = store_new (recipe, pki, start, length, digest);
    return cl_test_embed_png (plain, store);
  } else {
    g_autoptr(GBytes) segments = NULL;
    GByteArray *out;

    start = 20;  /* after SOI and APP0 */
    length = (guint32) cl_asset_jpeg_carrier_size (store_len);
    store = store_new (recipe, pki, start, length, digest);
    segments = cl_asset_jpeg_wrap_store (store, NULL);
    g_assert_cmpuint (g_bytes_get_size (segments), ==, length);
    out = g_byte_array_new ();
    g_byte_array_append (out, g_bytes_get_data (plain, NULL), start);
    g_byte_array_append (out, g_bytes_get_data (segments, NULL), length);
    g_byte_array_append (out, (const guint8 *) g_bytes_get_data (plain, NULL) + start,
                         g_bytes_get_size (plain) - start);
    return g_byte_array_free_to_bytes (out);
  }
}


int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;

  if (argc == 2 && g_str_equal (argv[1], "--list")) {
    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      g_print ("%s\t%s\t%s\n", cases[i].name,
               cases[i].recipe.n_bmff_boxes > 0 ? "mp4" : cases[i].recipe.png ? "png" : "jpg",
               cases[i].what);
    return 0;
  }
  if (argc != 3) {
    g_printerr ("usage: bench-hostile-gen CASE FILE | --list\n");
    return 2;
  }

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++) {
    g_autoptr(GBytes) file = NULL;
    gsize store_len;

    if (!g_str_equal (argv[1], cases[i].name))
      continue;
    file = file_new (&cases[i].recipe, &store_len);
    if (!g_file_set_contents (argv[2], g_bytes_get_data (file, NULL), g_bytes_get_size (file),
                              &error)) {
      g_printerr ("bench-hostile-gen: %s\n", error->message);
      return 1;
    }
    g_print ("%zu\n", store_len);
    return 0;
  }
  g_printerr ("bench-hostile-gen: no case %s (see --list)\n", argv[1]);
  return 2;
}
