/* cl-test-ica.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <cbor.h>
#include <json-glib/json-glib.h>

#include "cl-cose-crypto.h"
#include "cl-test-c2pa.h"
#include "cl-test-ica.h"
#include "cl-test-manifests.h"

#define DAY (24 * 60 * 60)


EVP_PKEY *
cl_test_ed25519_new (void)
{
  EVP_PKEY *key = EVP_PKEY_Q_keygen (NULL, NULL, "ED25519");

  g_assert_nonnull (key);
  return key;
}


static char *
base64url (const guint8 *data,
           gsize         len)
{
  char *text = g_base64_encode (data, len);

  g_strdelimit (text, "+", '-');
  g_strdelimit (text, "/", '_');
  text[strcspn (text, "=")] = '\0';
  return text;
}


char *
cl_test_ica_jwk_json (EVP_PKEY *key)
{
  guint8 raw[32];
  gsize len = sizeof raw;
  g_autofree char *x = NULL;

  g_assert_cmpint (EVP_PKEY_get_raw_public_key (key, raw, &len), ==, 1);
  x = base64url (raw, len);
  return g_strdup_printf ("{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"%s\"}", x);
}


char *
cl_test_ica_did_jwk (EVP_PKEY *key)
{
  g_autofree char *jwk = cl_test_ica_jwk_json (key);

  return cl_test_ica_did_jwk_for (jwk);
}


char *
cl_test_ica_did_jwk_for (const char *jwk)
{
  GString *padded = g_string_new (jwk);
  g_autofree char *encoded = NULL;

  /* Spaces before the closing brace until base64 needs no "=". */
  while (padded->len % 3 != 0)
    g_string_insert_c (padded, padded->len - 1, ' ');
  encoded = base64url ((const guint8 *) padded->str, padded->len);
  g_string_free (padded, TRUE);
  return g_strconcat ("did:jwk:", encoded, NULL);
}


static char *
rfc3339 (gint64 when)
{
  g_autoptr(GDateTime) t = g_date_time_new_from_unix_utc (when);

  return g_date_time_format_iso8601 (t);
}


static void
add_member (JsonBuilder *b,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_string_value (b, value);
}


static void
add_asset (JsonBuilder              *b,
           const ClTestIcaReference *refs,
           const char               *sig_type,
           ClTestIcaFlaw             flaw)
{
  json_builder_set_member_name (b, "c2paAsset");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "referenced_assertions");
  json_builder_begin_array (b);
  for (guint i = 0; refs[i].url != NULL; i++) {
    guint8 hash[32];
    g_autofree char *encoded = NULL;

    memcpy (hash, refs[i].hash, sizeof hash);
    if (i == 0 && flaw == CL_TEST_ICA_PAYLOAD_MISMATCH)
      hash[0] ^= 0x01;
    encoded = g_base64_encode (hash, sizeof hash);
    json_builder_begin_object (b);
    add_member (b, "url", refs[i].url);
    add_member (b, "hash", encoded);
    json_builder_end_object (b);
  }
  json_builder_end_array (b);
  add_member (b, "sig_type", sig_type);
  json_builder_end_object (b);
}


static void
add_verified_identity (JsonBuilder *b,
                       gint64       now)
{
  g_autofree char *verified_at = rfc3339 (now - 2 * DAY);

  json_builder_set_member_name (b, "verifiedIdentities");
  json_builder_begin_array (b);
  json_builder_begin_object (b);
  add_member (b, "type", "cawg.social_media");
  add_member (b, "name", "Alice Example");
  add_member (b, "username", "alice");
  add_member (b, "uri", "https://example.social/@alice");
  add_member (b, "verifiedAt", verified_at);
  json_builder_set_member_name (b, "provider");
  json_builder_begin_object (b);
  add_member (b, "id", "https://example.social");
  add_member (b, "name", "Example Social");
  json_builder_end_object (b);
  json_builder_end_object (b);
  json_builder_end_array (b);
}


static GBytes *
credential_json (const char               *issuer,
                 const ClTestIcaReference *refs,
                 const char               *sig_type,
                 ClTestIcaFlaw             flaw)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *valid_from = rfc3339 (flaw == CL_TEST_ICA_NOT_YET_VALID ? now + 30 * DAY :
                                         now - 30 * DAY);
  g_autofree char *valid_until = rfc3339 (flaw == CL_TEST_ICA_EXPIRED ? now - 3600 : now + 365 * DAY);
  gsize len = 0;
  char *text;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "@context");
  json_builder_begin_array (b);
  json_builder_add_string_value (b, "https://www.w3.org/ns/credentials/v2");
  json_builder_add_string_value (b, "https://cawg.io/identity/1.1/ica/context/");
  json_builder_end_array (b);
  json_builder_set_member_name (b, "type");
  json_builder_begin_array (b);
  json_builder_add_string_value (b, "VerifiableCredential");
  json_builder_add_string_value (b, "IdentityClaimsAggregationCredential");
  json_builder_end_array (b);
  add_member (b, "issuer", issuer);
  if (flaw != CL_TEST_ICA_NO_VALID_FROM)
    add_member (b, "validFrom", valid_from);
  add_member (b, "validUntil", valid_until);
  json_builder_set_member_name (b, "credentialSubject");
  json_builder_begin_object (b);
  add_verified_identity (b, now);
  add_asset (b, refs, sig_type, flaw);
  json_builder_end_object (b);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, &len);
  return g_bytes_new_take (text, len);
}


/* The unprotected header: a time-stamp of signature for the time-stamp flaws (over a
 * signature one bit off for CL_TEST_ICA_TIME_STAMP_WRONG), else empty. */
static cbor_item_t *
unprotected_header (const ClTestPki *pki,
                    ClTestIcaFlaw    flaw,
                    GBytes          *protected_bytes,
                    GBytes          *payload,
                    GBytes          *signature)
{
  const ClTestStamp stamp = { pki, g_get_real_time () / G_USEC_PER_SEC };
  g_autoptr(GBytes) other = cl_test_flip_byte (signature, 0, 0x01);

  if (flaw == CL_TEST_ICA_TIME_STAMPED)
    return cl_test_cose_unprotected_header (&stamp, protected_bytes, payload, signature);
  if (flaw == CL_TEST_ICA_TIME_STAMP_WRONG)
    return cl_test_cose_unprotected_header (&stamp, protected_bytes, payload, other);
  return cbor_new_definite_map (0);
}


GBytes *
cl_test_ica_signature (const ClTestPki          *pki,
                       EVP_PKEY                 *key,
                       const char               *issuer,
                       const ClTestIcaReference *refs,
                       const char               *sig_type,
                       ClTestIcaFlaw             flaw)
{
  g_autoptr(GBytes) vc = flaw == CL_TEST_ICA_NOT_JSON ? g_bytes_new_static ("not a credential", 16) :
                         credential_json (issuer, refs, sig_type, flaw);
  cbor_item_t *prot = cbor_new_definite_map (2);
  cbor_item_t *cose = cbor_new_definite_array (4);
  g_autoptr(GBytes) prot_bytes = NULL, tbs = NULL, sig = NULL, flipped = NULL;

  g_assert_true (cbor_map_add (prot, (struct cbor_pair) {
    .key = cbor_move (cbor_build_uint8 (1)), .value = cbor_move (cbor_build_negint8 (flaw == CL_TEST_ICA_ALG_ES256 ? 6 : 7)) }));
  g_assert_true (cbor_map_add (prot, (struct cbor_pair) {
    .key = cbor_move (cbor_build_uint8 (3)),
    .value = cbor_move (cbor_build_string (flaw == CL_TEST_ICA_CONTENT_TYPE ? "application/json" :
                                           "application/vc")) }));
  prot_bytes = cl_test_cbor_serialize (prot);
  tbs = cl_cose_sig_structure_encode ("Signature1", g_bytes_get_data (prot_bytes, NULL),
                                      g_bytes_get_size (prot_bytes),
                                      g_bytes_get_data (vc, NULL), g_bytes_get_size (vc));
  sig = cl_cose_sign_bytes (CL_COSE_ALG_EDDSA, key, g_bytes_get_data (tbs, NULL),
                            g_bytes_get_size (tbs), NULL);
  g_assert_nonnull (sig);
  if (flaw == CL_TEST_ICA_BAD_SIGNATURE) {
    flipped = cl_test_flip_byte (sig, 10, 0x01);
    g_bytes_unref (sig);
    sig = g_bytes_ref (flipped);
  }
  g_assert_true (cbor_array_push (cose, cbor_move (cbor_build_bytestring (
    g_bytes_get_data (prot_bytes, NULL), g_bytes_get_size (prot_bytes)))));
  g_assert_true (cbor_array_push (cose, cbor_move (unprotected_header (pki, flaw, prot_bytes, vc, sig))));
  g_assert_true (cbor_array_push (cose, cbor_move (cbor_build_bytestring (
    g_bytes_get_data (vc, NULL), g_bytes_get_size (vc)))));
  g_assert_true (cbor_array_push (cose, cbor_move (cbor_build_bytestring (
    g_bytes_get_data (sig, NULL), g_bytes_get_size (sig)))));
  if (flaw == CL_TEST_ICA_UNTAGGED)
    return cl_test_cbor_serialize (cose);
  return cl_test_cbor_serialize (cbor_build_tag (18, cbor_move (cose)));
}
