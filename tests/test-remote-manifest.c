/* test-remote-manifest.c: credentials an image only links to (XMP dcterms:provenance)
 * are fetched only when allowed, from a SoupServer on 127.0.0.1, and validated; a
 * failing server or something that is not a manifest store gives a clear error.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "cl-asset.h"
#include "cl-error.h"
#include "cl-test-c2pa.h"
#include "cl-test-server.h"
#include "cl-verification.h"

static GBytes *served_store;
static gint requests;

static void
serve_cb (SoupServer        *server,
          SoupServerMessage *msg,
          const char        *path,
          GHashTable        *query,
          gpointer           user_data)
{
  const char *what = user_data;

  g_atomic_int_inc (&requests);
  if (g_str_equal (what, "store")) {
    gsize len;
    const char *data = g_bytes_get_data (served_store, &len);

    soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
    soup_server_message_set_response (msg, "application/c2pa", SOUP_MEMORY_COPY, data, len);
  } else if (g_str_equal (what, "garbage")) {
    soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
    soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_STATIC,
                                      "<html>not found</html>", 22);
  } else {
    soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
  }
}

/* The signed test JPEG without its APP11 segment, with an XMP packet naming url. */
static char *
write_linked_jpeg (ClTestSignedJpeg *jpeg,
                   const char       *url,
                   const char       *name)
{
  gsize len = g_bytes_get_size (jpeg->file);
  const guint8 *data = g_bytes_get_data (jpeg->file, NULL);
  g_autoptr(GByteArray) out = g_byte_array_new ();
  g_autofree char *xmp = g_strdup_printf ("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF><rdf:"
                                          "Description dcterms:provenance=\"%s\"/></rdf:RDF>"
                                          "</x:xmpmeta>", url);
  const char ns[] = "http://ns.adobe.com/xap/1.0/";
  gsize seg_len = 2 + sizeof ns + strlen (xmp);
  guint8 head[4] = { 0xFF, 0xE1, (guint8) (seg_len >> 8), (guint8) seg_len };
  g_autoptr(GBytes) bytes = NULL;

  g_byte_array_append (out, data, 2);                                   /* SOI */
  g_byte_array_append (out, head, 4);
  g_byte_array_append (out, (const guint8 *) ns, sizeof ns);
  g_byte_array_append (out, (const guint8 *) xmp, (guint) strlen (xmp));
  g_byte_array_append (out, data + 2, (guint) (jpeg->store_offset - 2));
  g_byte_array_append (out, data + jpeg->store_offset + jpeg->store_length,
                       (guint) (len - jpeg->store_offset - jpeg->store_length));
  bytes = g_bytes_new (out->data, out->len);
  return cl_test_write_temp (bytes, name);
}

static ClVerification *
verify (const char *path,
        gboolean    fetch)
{
  ClVerifyOptions options = CL_VERIFY_OPTIONS_INIT;
  g_autoptr(ClTrustStore) no_lists = cl_trust_store_new (NULL);

  options.trust_store = no_lists;
  options.fetch_remote_manifests = fetch;
  return cl_verify_file (path, &options, NULL);
}

static void
test_remote (void)
{
  const ClTestRoute routes[] = {
    { "/m.c2pa", serve_cb, (gpointer) "store" },
    { "/missing.c2pa", serve_cb, (gpointer) "missing" },
    { "/page.html", serve_cb, (gpointer) "garbage" },
    { NULL, NULL, NULL },
  };
  g_autoptr(ClTestServer) server = cl_test_server_new (routes);
  g_autoptr(ClTestSigner) signer = cl_test_signer_new (1, 365);
  g_autoptr(ClTestSignedJpeg) jpeg = cl_test_signed_jpeg_new (signer);
  g_autofree char *signed_path = cl_test_write_temp (jpeg->file, "signed.jpg");
  g_autoptr(ClAssetInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = cl_test_server_url (server, "/m.c2pa");
  g_autofree char *missing_url = cl_test_server_url (server, "/missing.c2pa");
  g_autofree char *page_url = cl_test_server_url (server, "/page.html");
  g_autofree char *linked = NULL, *to_missing = NULL, *to_page = NULL;
  g_autoptr(ClVerification) offline = NULL;
  g_autoptr(ClVerification) online = NULL;
  g_autoptr(ClVerification) not_found = NULL;
  g_autoptr(ClVerification) not_store = NULL;
  g_autoptr(JsonNode) json = NULL;

  info = cl_asset_read_file (signed_path, NULL, &error);
  g_assert_no_error (error);
  served_store = g_bytes_ref (info->store);
  linked = write_linked_jpeg (jpeg, url, "linked.jpg");
  to_missing = write_linked_jpeg (jpeg, missing_url, "to-missing.jpg");
  to_page = write_linked_jpeg (jpeg, page_url, "to-page.jpg");

  /* Not allowed (the default): no request; the verdict names the address. */
  offline = verify (linked, FALSE);
  g_assert_cmpint (offline->verdict, ==, CL_VERDICT_ERROR);
  g_assert_error (offline->error, CL_MANIFEST_ERROR, CL_MANIFEST_ERROR_REMOTE);
  g_assert_nonnull (strstr (offline->error->message, url));
  g_assert_cmpint (g_atomic_int_get (&requests), ==, 0);

  /* Allowed: fetched once and validated against this file. */
  online = verify (linked, TRUE);
  g_assert_no_error (online->error);
  g_assert_cmpint (g_atomic_int_get (&requests), ==, 1);
  g_assert_true (online->report->has_manifest);
  g_assert_cmpstr (online->report->active_label, ==, jpeg->manifest_label);
  g_assert_cmpstr (online->remote_url, ==, url);
  g_assert_true (g_str_has_prefix (online->reason, "Credentials downloaded from"));
  json = cl_verification_to_json (online);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (json), "remote_manifest"),
                   ==, url);

  not_found = verify (to_missing, TRUE);
  g_assert_cmpint (not_found->verdict, ==, CL_VERDICT_ERROR);
  g_assert_nonnull (strstr (not_found->error->message, "404"));

  not_store = verify (to_page, TRUE);
  g_assert_cmpint (not_store->verdict, ==, CL_VERDICT_ERROR);
  g_assert_nonnull (strstr (not_store->error->message, "not a C2PA manifest store"));

  g_bytes_unref (served_store);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/remote-manifest/fetch-only-when-allowed", test_remote);
  return g_test_run ();
}
