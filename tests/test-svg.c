/* test-svg.c: the SVG reader. The store is base64 text in <svg><metadata><c2pa:manifest>,
 * found there and nowhere else, its exact byte range the data-hash exclusion; text that
 * is not plain base64, two stores, XML that is not well-formed and deep nesting are
 * refused in words and quickly. A file the reference signs validates here as there,
 * also after a content byte or a store byte changed. Signing inserts the elements that
 * hold the store where c2pa-rs does (in the first metadata, else a new one first in the
 * root, whose start tag gets the c2pa namespace), changes no other byte, and validates
 * in the reference.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "cl-asset.h"
#include "cl-error.h"
#include "cl-signer.h"
#include "cl-test-c2pa.h"
#include "cl-test-sign-util.h"
#include "cl-test-signing.h"
#include "cl-test-tmp.h"
#include "cl-validator.h"

static char *work_dir;

#define SVG_HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
                 "<!DOCTYPE svg PUBLIC '-//W3C//DTD SVG 1.1//EN' " \
                 "'http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd'>\n" \
                 "<svg xmlns=\"http://www.w3.org/2000/svg\" data-x=\"a>b\" viewBox=\"0 0 8 8\">\n"
#define SVG_RECT "  <rect width=\"8\" height=\"8\" fill=\"#c00\"/>\n"


static ClAssetInfo *
read_text (const char  *svg,
           GError     **error)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (
    g_strdup (svg), (gssize) strlen (svg), g_free);

  return cl_asset_read (stream, NULL, error);
}


static void
test_read_store (void)
{
  g_autofree char *encoded = g_base64_encode ((const guchar *) "store bytes!", 12);
  g_autofree char *svg = g_strconcat (SVG_HEAD, SVG_RECT,
                                      "  <metadata><c2pa:manifest xmlns:c2pa=\"http://c2pa.org/manifest\">",
                                      encoded, "</c2pa:manifest></metadata>\n</svg>\n", NULL);
  g_autoptr(ClAssetInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  ClByteRange range;

  g_assert_cmpint (cl_asset_sniff ((const guint8 *) svg, strlen (svg)), ==, CL_ASSET_FORMAT_SVG);
  info = read_text (svg, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (info->mime_type, ==, "image/svg+xml");
  g_assert_nonnull (info->store);
  g_assert_cmpmem (g_bytes_get_data (info->store, NULL), g_bytes_get_size (info->store),
                   "store bytes!", 12);
  /* The exclusion is the base64 text, not the tags around it. */
  g_assert_cmpuint (info->store_ranges->len, ==, 1);
  range = g_array_index (info->store_ranges, ClByteRange, 0);
  g_assert_cmpuint (range.start, ==, (guint64) (strstr (svg, encoded) - svg));
  g_assert_cmpuint (range.length, ==, strlen (encoded));
}


/* An XMP packet that names a remote manifest (as c2pa-rs reads it: between the xpacket
 * instructions). */
static void
test_read_remote (void)
{
  static const char svg[] =
    SVG_HEAD "<metadata><?xpacket begin=\"\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>"
    "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF "
    "xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"><rdf:Description "
    "xmlns:dcterms=\"http://purl.org/dc/terms/\" dcterms:provenance=\"https://example.com/m.c2pa\"/>"
    "</rdf:RDF></x:xmpmeta><?xpacket end=\"w\"?></metadata>" SVG_RECT "</svg>";
  g_autoptr(ClAssetInfo) info = NULL;
  g_autoptr(GError) error = NULL;

  info = read_text (svg, &error);
  g_assert_no_error (error);
  g_assert_null (info->store);
  g_assert_cmpstr (info->remote_url, ==, "https://example.com/m.c2pa");
}


/* Only svg/metadata/c2pa:manifest holds the store; elsewhere the same element is text. */
static void
test_read_wrong_places (void)
{
  static const char *const bodies[] = {
    "<c2pa:manifest>c3RvcmU=</c2pa:manifest>",
    "<g><metadata><c2pa:manifest>c3RvcmU=</c2pa:manifest></metadata></g>",
    "<metadata><manifest>c3RvcmU=</manifest></metadata>",
    "<metadata><c2pa:manifest></c2pa:manifest></metadata>",
    "<!-- <metadata><c2pa:manifest>c3RvcmU=</c2pa:manifest></metadata> -->",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (bodies); i++) {
    g_autofree char *svg = g_strconcat (SVG_HEAD, bodies[i], "</svg>", NULL);
    g_autoptr(ClAssetInfo) info = NULL;
    g_autoptr(GError) error = NULL;

    info = read_text (svg, &error);
    g_assert_no_error (error);
    g_assert_null (info->store);
    g_assert_cmpuint (info->store_ranges->len, ==, 0);
  }
}


static void
test_read_refused (void)
{
  static const struct { const char *body; int code; } cases[] = {
    /* c2pa-rs decodes the text as it is written: white space or an entity is not base64. */
    { "<metadata><c2pa:manifest>\n  c3RvcmU=\n</c2pa:manifest></metadata>",
      CL_ASSET_ERROR_MALFORMED },
    { "<metadata><c2pa:manifest>c3Rv&#99;mU=</c2pa:manifest></metadata>",
      CL_ASSET_ERROR_MALFORMED },
    { "<metadata><c2pa:manifest>c3Rvc*U=</c2pa:manifest></metadata>", CL_ASSET_ERROR_MALFORMED },
    { "<metadata><c2pa:manifest>c3RvcmU=</c2pa:manifest>"
      "<c2pa:manifest>c3RvcmU=</c2pa:manifest></metadata>", CL_ASSET_ERROR_MULTIPLE_STORES },
    { "<metadata><c2pa:manifest>c3RvcmU=</metadata>", CL_ASSET_ERROR_MALFORMED },
    { "<metadata attr=unquoted></metadata>", CL_ASSET_ERROR_MALFORMED },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++) {
    g_autofree char *svg = g_strconcat (SVG_HEAD, cases[i].body, "</svg>", NULL);
    g_autoptr(ClAssetInfo) info = NULL;
    g_autoptr(GError) error = NULL;

    info = read_text (svg, &error);
    g_assert_null (info);
    g_assert_error (error, CL_ASSET_ERROR, cases[i].code);
  }
}


/* Deep nesting stops at the cap; a store whose text ends exactly at a read boundary is
 * still located exactly. */
static void
test_read_bounded (void)
{
  g_autoptr(GString) deep = g_string_new (SVG_HEAD);
  g_autoptr(GString) big = g_string_new (SVG_HEAD);
  g_autofree guint8 *payload = g_malloc (300 * 1024);
  g_autofree char *encoded = NULL;
  g_autoptr(ClAssetInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  gsize text_start;

  for (guint i = 0; i < 100000; i++)
    g_string_append (deep, "<g>");
  info = read_text (deep->str, &error);
  g_assert_null (info);
  g_assert_error (error, CL_ASSET_ERROR, CL_ASSET_ERROR_MALFORMED);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
  g_clear_error (&error);

  for (gsize i = 0; i < 300 * 1024; i++)
    payload[i] = (guint8) (i * 13);
  encoded = g_base64_encode (payload, 300 * 1024);
  /* Pad the head so that the text ends on a 64 KiB boundary of the reader. */
  g_string_append (big, "<metadata><c2pa:manifest>");
  text_start = big->len;
  while ((text_start + strlen (encoded)) % (64 * 1024) != 0) {
    g_string_insert_c (big, (gssize) strlen (SVG_HEAD), ' ');
    text_start++;
  }
  g_string_append (big, encoded);
  g_string_append (big, "</c2pa:manifest></metadata></svg>");
  info = read_text (big->str, &error);
  g_assert_no_error (error);
  g_assert_nonnull (info->store);
  g_assert_cmpmem (g_bytes_get_data (info->store, NULL), g_bytes_get_size (info->store),
                   payload, 300 * 1024);
  g_assert_cmpuint (g_array_index (info->store_ranges, ClByteRange, 0).start, ==, text_start);
}


static char *
write_bytes (const char *name,
             GBytes     *bytes)
{
  char *path = g_build_filename (work_dir, name, NULL);

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL),
                                      (gssize) g_bytes_get_size (bytes), NULL));
  return path;
}


static void
test_reference_signed (void)
{
  g_autofree char *oracle = cl_test_oracle_path ();
  g_autofree char *input = g_build_filename (work_dir, "plain.svg", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *output = g_build_filename (work_dir, "reference.svg", NULL);
  g_autofree char *content_path = NULL, *store_path = NULL;
  g_autoptr(GBytes) signed_bytes = NULL, content = NULL, store = NULL;
  g_autoptr(ClAssetInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  ClByteRange range;
  gsize len;

  g_assert_true (g_file_set_contents (input, SVG_HEAD SVG_RECT "</svg>\n", -1, NULL));
  if (!cl_test_oracle_sign_es256 (oracle, input, output))
    return;
  cl_test_assert_valid_untrusted (output, "assertion.dataHash.match");

  info = cl_asset_read_file (output, NULL, &error);
  g_assert_no_error (error);
  range = g_array_index (info->store_ranges, ClByteRange, 0);
  g_assert_true (g_file_get_contents (output, &contents, &len, NULL));
  signed_bytes = g_bytes_new (contents, len);
  /* The rectangle's colour. */
  content = cl_test_flip_byte (signed_bytes, (gsize) (strstr (contents, "#c00") - contents) + 1,
                               0x01);
  content_path = write_bytes ("reference-content.svg", content);
  cl_test_assert_same_verdict (oracle, content_path, "assertion.dataHash.mismatch");
  /* A base64 digit of the claim signature, for another digit. */
  {
    gsize at = (gsize) (range.start + range.length - 8);

    contents[at] = contents[at] == 'A' ? 'B' : 'A';
    store = g_bytes_new (contents, len);
  }
  store_path = write_bytes ("reference-store.svg", store);
  cl_test_assert_same_verdict (oracle, store_path, "claimSignature.mismatch");
}


/* Signs name (svg) and checks the copy is the source with the namespace added to the root
 * (whose start tag is SVG_HEAD's last line) and before_text, the store's base64 text and
 * after_text inserted where marker ends. */
static void
sign_and_compare (const char *name,
                  const char *svg,
                  const char *marker,
                  const char *before_text,
                  const char *after_text,
                  gboolean    add_namespace)
{
  ClTestSigningIdentity *id = cl_test_signing_identity (CL_COSE_ALG_ES256, work_dir);
  g_autofree char *input = g_build_filename (work_dir, name, NULL);
  g_autofree char *output = g_strconcat (input, ".signed.svg", NULL);
  g_autofree char *again = g_strconcat (input, ".again.svg", NULL);
  g_autofree char *oracle = cl_test_oracle_path ();
  g_autofree char *contents = NULL, *encoded = NULL, *expected = NULL;
  g_autoptr(ClSignResult) result = NULL;
  g_autoptr(ClSignResult) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) built = g_string_new (NULL);
  ClSignOptions options = { 0, };
  const char *at = strstr (svg, marker) + strlen (marker);
  const char *svg_gt = svg + strlen (SVG_HEAD) - 2;
  gsize len;

  g_assert_true (g_file_set_contents (input, svg, -1, NULL));
  result = cl_signer_sign_file (id->profile, &options, input, output, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (output, &contents, &len, NULL));
  encoded = g_strndup (contents + result->store_offset, (gsize) result->store_length);
  g_string_append_len (built, svg, svg_gt - svg);
  if (add_namespace)
    g_string_append (built, " xmlns:c2pa=\"http://c2pa.org/manifest\"");
  g_string_append_len (built, svg_gt, at - svg_gt);
  g_string_append_printf (built, "%s%s%s%s", before_text, encoded, after_text, at);
  g_assert_cmpstr (contents, ==, built->str);
  cl_test_assert_valid_untrusted (output, "assertion.dataHash.match");
  if (oracle != NULL) {
    g_autoptr(JsonObject) trusted = cl_test_oracle_read (oracle, output, id->ca_pem);

    cl_test_oracle_assert_valid (trusted, output);
    g_assert_cmpstr (json_object_get_string_member (trusted, "validation_state"), ==, "Trusted");
  }

  /* Signed again: the store's text is replaced where it is. */
  second = cl_signer_sign_file (id->profile, &options, output, again, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (second->parent_binding, ==, CL_PARENT_BINDING_MATCH);
  g_assert_cmpuint (second->store_offset, ==, result->store_offset);
  cl_test_assert_valid_untrusted (again, "assertion.dataHash.match");
}


static void
test_sign_new_metadata (void)
{
  sign_and_compare ("no-metadata.svg", SVG_HEAD SVG_RECT "</svg>\n", "8 8\">",
                    "<metadata><c2pa:manifest>", "</c2pa:manifest></metadata>", TRUE);
}


static void
test_sign_in_metadata (void)
{
  sign_and_compare ("metadata.svg",
                    SVG_HEAD "  <metadata/>\n  <metadata><dc>x</dc></metadata>\n" SVG_RECT
                    "</svg>\n", "<metadata>", "<c2pa:manifest>", "</c2pa:manifest>", TRUE);
}


static void
test_sign_empty_refused (void)
{
  ClTestSigningIdentity *id = cl_test_signing_identity (CL_COSE_ALG_ES256, work_dir);
  g_autofree char *input = g_build_filename (work_dir, "empty.svg", NULL);
  g_autofree char *output = g_build_filename (work_dir, "empty-signed.svg", NULL);
  g_autoptr(ClSignResult) result = NULL;
  g_autoptr(GError) error = NULL;
  ClSignOptions options = { 0, };

  g_assert_true (g_file_set_contents (input, "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
                                      -1, NULL));
  result = cl_signer_sign_file (id->profile, &options, input, output, NULL, &error);
  g_assert_null (result);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "empty"));
  g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
}


int
main (int   argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  work_dir = cl_test_tmp_dir_new ("credlink-svg", CL_TEST_TMP_UNTIL_EXIT);
  g_test_add_func ("/svg/read/store", test_read_store);
  g_test_add_func ("/svg/read/wrong-places", test_read_wrong_places);
  g_test_add_func ("/svg/read/remote", test_read_remote);
  g_test_add_func ("/svg/read/refused", test_read_refused);
  g_test_add_func ("/svg/read/bounded", test_read_bounded);
  g_test_add_func ("/svg/reference-signed", test_reference_signed);
  g_test_add_func ("/svg/sign/new-metadata", test_sign_new_metadata);
  g_test_add_func ("/svg/sign/in-metadata", test_sign_in_metadata);
  g_test_add_func ("/svg/sign/empty", test_sign_empty_refused);
  status = g_test_run ();
  cl_test_signing_identities_free ();
  return status;
}
