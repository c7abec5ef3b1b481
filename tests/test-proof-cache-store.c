/* test-proof-cache-store.c: the proof cache on a real SQLite file in a temporary folder —
 * storing proofs, looking them up, seeing one again, listing, searching and exporting;
 * and the content hash that keys them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "cl-content-hash.h"
#include "cl-error.h"
#include "cl-proof-cache-private.h"
#include "cl-proof-cache.h"
#include "cl-test-proofs.h"


static void
test_store_and_lookup (ClTestProofCacheFixture *fixture,
                       gconstpointer            data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClProofCache) cache = cl_proof_cache_open (fixture->path, &error);
  g_autoptr(ClProof) signed_proof = cl_test_proof_signed ("sunset", "urn:c2pa:aaaa", CL_TEST_T0);
  g_autoptr(ClProof) verified = cl_test_proof_verified ("sunset", "urn:c2pa:aaaa", CL_TEST_T0 + 10);
  g_autoptr(ClProof) other = cl_test_proof_verified ("harbour", "urn:c2pa:bbbb", CL_TEST_T0 + 20);
  g_autoptr(ClProof) fetched = NULL;
  g_autoptr(GPtrArray) by_hash = NULL;
  g_autoptr(GPtrArray) by_label = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autofree char *sunset_hash = cl_test_sha256_of ("sunset");
  ClProof *first;
  GStatBuf st;

  g_assert_no_error (error);
  g_assert_nonnull (cache);
  g_assert_cmpstr (cl_proof_cache_get_path (cache), ==, fixture->path);

  /* The database is private to the user. */
  g_assert_cmpint (g_stat (fixture->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  cl_test_proof_store_ok (cache, signed_proof, 365, CL_PROOF_CACHE_STORED_NEW);
  cl_test_proof_store_ok (cache, verified, 365, CL_PROOF_CACHE_STORED_NEW);
  cl_test_proof_store_ok (cache, other, 365, CL_PROOF_CACHE_STORED_NEW);
  g_assert_true (g_uuid_string_is_valid (signed_proof->id));
  g_assert_cmpstr (signed_proof->id, !=, verified->id);
  g_assert_cmpint (g_date_time_to_unix (verified->expires_at), ==,
                   CL_TEST_T0 + 10 + 365 * CL_TEST_DAY);

  /* Same content: the signed and the verified proof, most recently verified first. */
  by_hash = cl_proof_cache_lookup_content_hash (cache, sunset_hash, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (by_hash->len, ==, 2);
  first = g_ptr_array_index (by_hash, 0);
  g_assert_cmpstr (first->id, ==, verified->id);
  g_assert_cmpint (first->kind, ==, CL_PROOF_KIND_VERIFIED);
  g_assert_cmpstr (((ClProof *) g_ptr_array_index (by_hash, 1))->id, ==, signed_proof->id);
  /* Lookups leave the manifest store on disk but tell its size. */
  g_assert_null (((ClProof *) g_ptr_array_index (by_hash, 1))->manifest_store);
  g_assert_cmpuint (((ClProof *) g_ptr_array_index (by_hash, 1))->manifest_store_size, ==,
                    g_bytes_get_size (signed_proof->manifest_store));

  by_label = cl_proof_cache_lookup_manifest_label (cache, "urn:c2pa:bbbb", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (by_label->len, ==, 1);
  first = g_ptr_array_index (by_label, 0);
  g_assert_cmpstr (first->id, ==, other->id);
  g_assert_cmpstr (first->source_name, ==, "harbour.jpg");
  g_assert_cmpstr (first->signer_subject, ==, "CN=Test Signer,O=CredLink Tests");
  g_assert_cmpint (first->verdict, ==, CL_PROOF_VERDICT_VALID);
  g_assert_cmpint (g_date_time_to_unix (first->signing_time), ==, CL_TEST_T0 - CL_TEST_DAY);
  g_assert_cmpint (g_date_time_to_unix (first->first_seen), ==, CL_TEST_T0 + 20);
  g_assert_cmpstr (first->report_json, ==, other->report_json);

  none = cl_proof_cache_lookup_manifest_label (cache, "urn:c2pa:none", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (none->len, ==, 0);

  /* get() returns the whole proof, manifest store included. */
  fetched = cl_proof_cache_get (cache, signed_proof->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fetched->kind, ==, CL_PROOF_KIND_SIGNED);
  g_assert_cmpint (fetched->verdict, ==, CL_PROOF_VERDICT_TRUSTED);
  g_assert_true (g_bytes_equal (fetched->manifest_store, signed_proof->manifest_store));
  g_assert_cmpstr (fetched->claim_signature_hash, ==, signed_proof->claim_signature_hash);

  g_assert_null (cl_proof_cache_get (cache, "00000000-0000-4000-8000-000000000000", &error));
  g_assert_error (error, CL_PROOF_CACHE_ERROR, CL_PROOF_CACHE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Remove, then it is gone; removing again says so. */
  g_assert_true (cl_proof_cache_remove (cache, other->id, &error));
  g_assert_no_error (error);
  g_assert_false (cl_proof_cache_remove (cache, other->id, &error));
  g_assert_error (error, CL_PROOF_CACHE_ERROR, CL_PROOF_CACHE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (cl_test_sqlite_int (fixture->path, "SELECT count(*) FROM proofs"), ==, 2);

  /* WAL mode is on, persistently. */
  g_assert_cmpint (cl_test_sqlite_int (fixture->path,
                                       "SELECT journal_mode = 'wal' FROM pragma_journal_mode"),
                   ==, 1);

  /* After close, calls fail cleanly. */
  g_assert_true (cl_proof_cache_close (cache, &error));
  g_assert_null (cl_proof_cache_get (cache, signed_proof->id, &error));
  g_assert_error (error, CL_PROOF_CACHE_ERROR, CL_PROOF_CACHE_ERROR_CLOSED);
}


static void
test_refuses_bad_proofs (ClTestProofCacheFixture *fixture,
                         gconstpointer            data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClProofCache) cache = cl_proof_cache_open (fixture->path, &error);
  g_autoptr(ClProof) proof = cl_test_proof_verified ("x", "urn:c2pa:x", CL_TEST_T0);
  g_autoptr(ClProof) signed_proof = cl_test_proof_signed ("y", "urn:c2pa:y", CL_TEST_T0);

  g_assert_no_error (error);

  g_free (proof->content_hash);
  proof->content_hash = g_strdup ("ABCDEF");
  g_assert_false (cl_proof_cache_store (cache, proof, 10, NULL, &error));
  g_assert_error (error, CL_PROOF_CACHE_ERROR, CL_PROOF_CACHE_ERROR_INVALID);
  g_clear_error (&error);

  g_free (proof->content_hash);
  proof->content_hash = cl_test_sha256_of ("x");
  g_free (proof->report_json);
  proof->report_json = g_strdup ("{\"truncated\": ");
  g_assert_false (cl_proof_cache_store (cache, proof, 10, NULL, &error));
  g_assert_error (error, CL_PROOF_CACHE_ERROR, CL_PROOF_CACHE_ERROR_INVALID);
  g_clear_error (&error);

  g_clear_pointer (&proof->report_json, g_free);
  g_assert_false (cl_proof_cache_store (cache, proof, 0, NULL, &error));
  g_assert_error (error, CL_PROOF_CACHE_ERROR, CL_PROOF_CACHE_ERROR_INVALID);
  g_clear_error (&error);

  proof->verdict = CL_PROOF_VERDICT_NO_MANIFEST;
  g_assert_false (cl_proof_cache_store (cache, proof, 10, NULL, &error));
  g_assert_error (error, CL_PROOF_CACHE_ERROR, CL_PROOF_CACHE_ERROR_INVALID);
  g_clear_error (&error);

  g_clear_pointer (&signed_proof->manifest_store, g_bytes_unref);
  g_assert_false (cl_proof_cache_store (cache, signed_proof, 10, NULL, &error));
  g_assert_error (error, CL_PROOF_CACHE_ERROR, CL_PROOF_CACHE_ERROR_INVALID);
  g_clear_error (&error);

  /* Nothing reached the database, and a failed store left no transaction open. */
  g_assert_cmpint (cl_test_sqlite_int (fixture->path, "SELECT count(*) FROM proofs"), ==, 0);
  proof->verdict = CL_PROOF_VERDICT_INVALID;
  cl_test_proof_store_ok (cache, proof, 10, CL_PROOF_CACHE_STORED_NEW);
}


static void
test_seen_again (ClTestProofCacheFixture *fixture,
                 gconstpointer            data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClProofCache) cache = cl_proof_cache_open (fixture->path, &error);
  g_autoptr(ClProof) first = cl_test_proof_verified ("pier", "urn:c2pa:1111", CL_TEST_T0);
  g_autoptr(ClProof) again = cl_test_proof_verified ("pier", "urn:c2pa:1111",
                                                     CL_TEST_T0 + 5 * CL_TEST_DAY);
  g_autoptr(ClProof) other_manifest = cl_test_proof_verified ("pier", "urn:c2pa:2222",
                                                              CL_TEST_T0 + 6 * CL_TEST_DAY);
  g_autoptr(ClProof) bare = cl_test_proof_verified ("pier-stripped", NULL, CL_TEST_T0);
  g_autoptr(ClProof) bare_again = cl_test_proof_verified ("pier-stripped", NULL,
                                                          CL_TEST_T0 + CL_TEST_DAY);
  g_autoptr(ClProof) signed_1 = cl_test_proof_signed ("pier", "urn:c2pa:1111", CL_TEST_T0);
  g_autoptr(ClProof) signed_2 = cl_test_proof_signed ("pier", "urn:c2pa:1111", CL_TEST_T0);
  g_autoptr(ClProof) fetched = NULL;

  g_assert_no_error (error);

  cl_test_proof_store_ok (cache, first, 30, CL_PROOF_CACHE_STORED_NEW);

  /* Seen again, now invalid (say, the trust list changed), as a copy under another
   * name: one row, updated. */
  again->verdict = CL_PROOF_VERDICT_INVALID;
  g_free (again->source_name);
  again->source_name = g_strdup ("pier-copy.jpg");
  cl_test_proof_store_ok (cache, again, 30, CL_PROOF_CACHE_STORED_SEEN_AGAIN);
  g_assert_cmpstr (again->id, ==, first->id);
  g_assert_cmpint (g_date_time_to_unix (again->first_seen), ==, CL_TEST_T0);
  g_assert_cmpint (g_date_time_to_unix (again->last_verified), ==, CL_TEST_T0 + 5 * CL_TEST_DAY);
  g_assert_cmpint (g_date_time_to_unix (again->expires_at), ==, CL_TEST_T0 + 35 * CL_TEST_DAY);

  fetched = cl_proof_cache_get (cache, first->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fetched->verdict, ==, CL_PROOF_VERDICT_INVALID);
  g_assert_cmpint (g_date_time_to_unix (fetched->first_seen), ==, CL_TEST_T0);
  g_assert_cmpint (g_date_time_to_unix (fetched->last_verified), ==, CL_TEST_T0 + 5 * CL_TEST_DAY);
  g_assert_cmpint (g_date_time_to_unix (fetched->expires_at), ==, CL_TEST_T0 + 35 * CL_TEST_DAY);
  /* A copy verified under another name does not rename the entry. */
  g_assert_cmpstr (fetched->source_name, ==, "pier.jpg");

  /* Another manifest on the same content is another proof. */
  cl_test_proof_store_ok (cache, other_manifest, 30, CL_PROOF_CACHE_STORED_NEW);
  g_assert_cmpstr (other_manifest->id, !=, first->id);

  /* Without a manifest, the content alone is the key. */
  cl_test_proof_store_ok (cache, bare, 30, CL_PROOF_CACHE_STORED_NEW);
  cl_test_proof_store_ok (cache, bare_again, 30, CL_PROOF_CACHE_STORED_SEEN_AGAIN);
  g_assert_cmpstr (bare_again->id, ==, bare->id);

  /* Every signing is its own proof. */
  cl_test_proof_store_ok (cache, signed_1, 30, CL_PROOF_CACHE_STORED_NEW);
  cl_test_proof_store_ok (cache, signed_2, 30, CL_PROOF_CACHE_STORED_NEW);
  g_assert_cmpstr (signed_1->id, !=, signed_2->id);

  g_assert_cmpint (cl_test_sqlite_int (fixture->path,
                                       "SELECT count(*) FROM proofs WHERE kind = 'verified'"),
                   ==, 3);
  g_assert_cmpint (cl_test_sqlite_int (fixture->path,
                                       "SELECT count(*) FROM proofs WHERE kind = 'signed'"), ==, 2);
}


static void
test_list_and_search (ClTestProofCacheFixture *fixture,
                      gconstpointer            data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClProofCache) cache = cl_proof_cache_open (fixture->path, &error);
  ClProofFilter filter = CL_PROOF_FILTER_INIT;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) page = NULL;
  g_autoptr(GPtrArray) signed_only = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GPtrArray) literal = NULL;
  guint i;

  g_assert_no_error (error);

  for (i = 0; i < 10; i++) {
    g_autofree char *content = g_strdup_printf ("photo-%u", i);
    g_autofree char *label = g_strdup_printf ("urn:c2pa:%u", i);
    g_autoptr(ClProof) proof = i % 3 == 0 ? cl_test_proof_signed (content, label, CL_TEST_T0 + i)
                                          : cl_test_proof_verified (content, label, CL_TEST_T0 + i);

    cl_test_proof_store_ok (cache, proof, 100, CL_PROOF_CACHE_STORED_NEW);
  }
  {
    g_autoptr(ClProof) odd = cl_test_proof_verified ("100%_sure", "urn:c2pa:odd", CL_TEST_T0 - 1);

    cl_test_proof_store_ok (cache, odd, 100, CL_PROOF_CACHE_STORED_NEW);
  }

  /* Newest first. */
  all = cl_proof_cache_list (cache, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 11);
  g_assert_cmpstr (((ClProof *) g_ptr_array_index (all, 0))->source_name, ==, "photo-9.jpg");
  g_assert_cmpstr (((ClProof *) g_ptr_array_index (all, 9))->source_name, ==, "photo-0.jpg");

  filter.limit = 3;
  filter.offset = 2;
  page = cl_proof_cache_list (cache, &filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->len, ==, 3);
  g_assert_cmpstr (((ClProof *) g_ptr_array_index (page, 0))->source_name, ==, "photo-7.jpg");
  g_assert_cmpstr (((ClProof *) g_ptr_array_index (page, 2))->source_name, ==, "photo-5.jpg");

  filter = (ClProofFilter) CL_PROOF_FILTER_INIT;
  filter.any_kind = FALSE;
  filter.kind = CL_PROOF_KIND_SIGNED;
  signed_only = cl_proof_cache_list (cache, &filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (signed_only->len, ==, 4); /* 0, 3, 6, 9 */
  for (i = 0; i < signed_only->len; i++)
    g_assert_cmpint (((ClProof *) g_ptr_array_index (signed_only, i))->kind, ==,
                     CL_PROOF_KIND_SIGNED);

  /* Search is a case-insensitive substring… */
  filter = (ClProofFilter) CL_PROOF_FILTER_INIT;
  filter.search = "PHOTO-4";
  found = cl_proof_cache_list (cache, &filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (((ClProof *) g_ptr_array_index (found, 0))->manifest_label, ==,
                   "urn:c2pa:4");

  /* …where % and _ are plain characters. */
  filter.search = "0%_";
  literal = cl_proof_cache_list (cache, &filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (literal->len, ==, 1);
  g_assert_cmpstr (((ClProof *) g_ptr_array_index (literal, 0))->source_name, ==,
                   "100%_sure.jpg");
  g_clear_pointer (&literal, g_ptr_array_unref);
  filter.search = "%";
  literal = cl_proof_cache_list (cache, &filter, &error);
  g_assert_cmpuint (literal->len, ==, 1);
}


static void
test_export_json (ClTestProofCacheFixture *fixture,
                  gconstpointer            data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClProofCache) cache = cl_proof_cache_open (fixture->path, &error);
  g_autoptr(ClProof) signed_proof = cl_test_proof_signed ("dune", "urn:c2pa:dune", CL_TEST_T0);
  g_autoptr(ClProof) verified = cl_test_proof_verified ("lake", NULL, CL_TEST_T0 + 1);
  g_autofree char *export_path = g_build_filename (fixture->dir, "export.json", NULL);
  g_autoptr(GFile) export_file = g_file_new_for_path (export_path);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree guchar *store = NULL;
  JsonObject *root, *first, *second;
  JsonArray *proofs;
  guint64 n = 0;
  gsize store_len;

  g_assert_no_error (error);
  cl_test_proof_store_ok (cache, signed_proof, 365, CL_PROOF_CACHE_STORED_NEW);
  cl_test_proof_store_ok (cache, verified, 365, CL_PROOF_CACHE_STORED_NEW);

  g_assert_true (cl_proof_cache_export (cache, export_file, NULL, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);

  g_assert_true (json_parser_load_from_file (parser, export_path, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "format"), ==, "credlink-proof-cache");
  g_assert_cmpint (json_object_get_int_member (root, "schema_version"), ==,
                   CL_PROOF_CACHE_SCHEMA_VERSION);
  proofs = json_object_get_array_member (root, "proofs");
  g_assert_cmpuint (json_array_get_length (proofs), ==, 2);

  first = json_array_get_object_element (proofs, 0);
  g_assert_cmpstr (json_object_get_string_member (first, "id"), ==, signed_proof->id);
  g_assert_cmpstr (json_object_get_string_member (first, "kind"), ==, "signed");
  g_assert_cmpstr (json_object_get_string_member (first, "verdict"), ==, "trusted");
  g_assert_cmpstr (json_object_get_string_member (first, "content_hash"), ==,
                   signed_proof->content_hash);
  g_assert_cmpstr (json_object_get_string_member (first, "first_seen"), ==,
                   "2026-01-01T00:00:00Z");
  store = g_base64_decode (json_object_get_string_member (first, "manifest_store"), &store_len);
  g_assert_cmpmem (store, store_len, g_bytes_get_data (signed_proof->manifest_store, NULL),
                   g_bytes_get_size (signed_proof->manifest_store));
  /* The report is embedded as JSON, not as a string. */
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (first,
                                                                                 "report"),
                                                  "validation_state"), ==, "Valid");

  second = json_array_get_object_element (proofs, 1);
  g_assert_cmpstr (json_object_get_string_member (second, "verdict"), ==, "no_manifest");
  g_assert_true (json_object_get_null_member (second, "manifest_label"));
  g_assert_true (json_object_get_null_member (second, "manifest_store"));

  /* A cancelled export leaves the previous file as it was. */
  {
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();
    g_autofree char *contents = NULL;

    g_assert_true (g_file_set_contents (export_path, "previous", -1, NULL));
    g_cancellable_cancel (cancellable);
    g_assert_false (cl_proof_cache_export (cache, export_file, cancellable, NULL, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_assert_true (g_file_get_contents (export_path, &contents, NULL, NULL));
    g_assert_cmpstr (contents, ==, "previous");
  }
}


static void
test_content_hash (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GChecksum) expected = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *whole = NULL;
  g_autofree guint8 *data = g_malloc (200000);
  /* Unsorted, overlapping, empty, and one across the 64 KiB read boundary. */
  const ClByteRange ranges[] = {
    { 65000, 1000 }, { 10, 5 }, { 12, 10 }, { 500, 0 }, { 199990, 10 },
  };
  const ClByteRange past_end[] = { { 199990, 11 } };
  guint i;

  for (i = 0; i < 200000; i++)
    data[i] = (guint8) (i * 7 + i / 251);
  bytes = g_bytes_new_static (data, 200000);

  /* The same hash as GLib's SHA-256 over the kept bytes. */
  g_checksum_update (expected, data, 10);
  g_checksum_update (expected, data + 22, 65000 - 22);
  g_checksum_update (expected, data + 66000, 199990 - 66000);
  hash = cl_content_hash_bytes (bytes, ranges, G_N_ELEMENTS (ranges), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hash, ==, g_checksum_get_string (expected));
  g_assert_true (cl_proof_is_sha256_hex (hash));

  whole = cl_content_hash_bytes (bytes, NULL, 0, &error);
  g_assert_no_error (error);
  g_checksum_reset (expected);
  g_checksum_update (expected, data, 200000);
  g_assert_cmpstr (whole, ==, g_checksum_get_string (expected));

  g_assert_null (cl_content_hash_bytes (bytes, past_end, 1, &error));
  g_assert_error (error, CL_ASSET_ERROR, CL_ASSET_ERROR_TRUNCATED);
  g_clear_error (&error);

  /* The same bytes from a file give the same hash. */
  {
    g_autoptr(GFileIOStream) io = NULL;
    g_autoptr(GFile) file = g_file_new_tmp ("credlink-content-XXXXXX", &io, &error);
    g_autofree char *from_file = NULL;

    g_assert_no_error (error);
    g_assert_true (g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (io)),
                                              data, 200000, NULL, NULL, &error));
    g_assert_true (g_io_stream_close (G_IO_STREAM (io), NULL, &error));
    from_file = cl_content_hash_file (file, ranges, G_N_ELEMENTS (ranges), NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (from_file, ==, hash);
    g_file_delete (file, NULL, NULL);
  }
}


/* The name History shows for a signer, from the RFC 2253 subject the proof keeps. */
static void
test_signer_name (void)
{
  static const struct {
    const char *subject;
    const char *name;
  } cases[] = {
    { "CN=Jane Doe,O=Agency,C=FR", "Jane Doe" },
    { "C=US,O=Photo Desk\\, Inc.,CN=Nikon Z6 III", "Nikon Z6 III" },
    { "O=City Hall+OU=Press,C=DE", "City Hall" },
    { "CN=Caf\\C3\\A9 Press", "Caf\xc3\xa9 Press" },
    { "serialNumber=42", "serialNumber=42" },
    { "", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++) {
    g_autoptr(ClProof) proof = cl_proof_new (CL_PROOF_KIND_VERIFIED);
    g_autofree char *name = NULL;

    proof->signer_subject = g_strdup (cases[i].subject);
    name = cl_proof_dup_signer_name (proof);
    g_assert_cmpstr (name, ==, cases[i].name);
  }
}


int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  cl_test_proof_cache_add ("/proof-cache/store-and-lookup", test_store_and_lookup);
  cl_test_proof_cache_add ("/proof-cache/refuses-bad-proofs", test_refuses_bad_proofs);
  cl_test_proof_cache_add ("/proof-cache/seen-again", test_seen_again);
  cl_test_proof_cache_add ("/proof-cache/list-and-search", test_list_and_search);
  cl_test_proof_cache_add ("/proof-cache/export-json", test_export_json);
  g_test_add_func ("/proof-cache/content-hash", test_content_hash);
  g_test_add_func ("/proof-cache/signer-name", test_signer_name);

  return g_test_run ();
}
