/* cl-crjson-signature.c: the "signature" object of a crJSON manifest.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <openssl/bn.h>
#include <openssl/x509.h>

#include "cl-cose-crypto.h"
#include "cl-crjson-signature.h"
#include "cl-timestamp.h"
#include "cl-x509.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (X509, X509_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BIGNUM, BN_free)

/* The name attributes crJSON keeps, under the keys it gives them; others are left out. */
static const struct {
  int         nid;
  const char *key;
} dn_keys[] = {
  { NID_countryName, "C" },
  { NID_stateOrProvinceName, "ST" },
  { NID_localityName, "L" },
  { NID_organizationName, "O" },
  { NID_organizationalUnitName, "OU" },
  { NID_commonName, "CN" },
};


static JsonNode *
name_object (const X509_NAME *name)
{
  JsonObject *object = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  for (int i = 0; i < X509_NAME_entry_count (name); i++) {
    const X509_NAME_ENTRY *entry = X509_NAME_get_entry (name, i);
    int nid = OBJ_obj2nid (X509_NAME_ENTRY_get_object (entry));

    for (gsize k = 0; k < G_N_ELEMENTS (dn_keys); k++) {
      unsigned char *utf8 = NULL;

      if (dn_keys[k].nid != nid)
        continue;
      if (ASN1_STRING_to_UTF8 (&utf8, X509_NAME_ENTRY_get_data (entry)) >= 0 &&
          g_utf8_validate ((const char *) utf8, -1, NULL))
        json_object_set_string_member (object, dn_keys[k].key, (const char *) utf8);
      OPENSSL_free (utf8);
    }
  }
  json_node_take_object (node, object);
  return node;
}


/* Lower-case hex without leading zeros, as c2pa-rs prints a serial number. */
static char *
serial_hex (X509 *cert)
{
  g_autoptr(BIGNUM) bn = ASN1_INTEGER_to_BN (X509_get0_serialNumber (cert), NULL);
  char *hex = bn != NULL ? BN_bn2hex (bn) : NULL;
  const char *digits;
  g_autofree char *result = NULL;

  if (hex == NULL)
    return NULL;
  /* BN_bn2hex writes whole bytes: "0A80…" is "a80…" here. */
  digits = hex[0] == '-' ? hex + 1 : hex;
  while (digits[0] == '0' && digits[1] != '\0')
    digits++;
  result = g_strconcat (hex[0] == '-' ? "-" : "", digits, NULL);
  OPENSSL_free (hex);
  return g_ascii_strdown (result, -1);
}


static char *
rfc3339 (const ASN1_TIME *time)
{
  g_autoptr(GDateTime) when = NULL;
  gint64 seconds;

  if (!cl_asn1_time_to_unix (time, &seconds) ||
      (when = g_date_time_new_from_unix_utc (seconds)) == NULL)
    return NULL;
  return g_date_time_format (when, "%Y-%m-%dT%H:%M:%S+00:00");
}


JsonNode *
cl_crjson_certificate_info (X509 *cert)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autofree char *serial = serial_hex (cert);
  g_autofree char *not_before = rfc3339 (X509_get0_notBefore (cert));
  g_autofree char *not_after = rfc3339 (X509_get0_notAfter (cert));

  json_builder_begin_object (b);
  if (serial != NULL) {
    json_builder_set_member_name (b, "serialNumber");
    json_builder_add_string_value (b, serial);
  }
  json_builder_set_member_name (b, "issuer");
  json_builder_add_value (b, name_object (X509_get_issuer_name (cert)));
  json_builder_set_member_name (b, "subject");
  json_builder_add_value (b, name_object (X509_get_subject_name (cert)));
  if (not_before != NULL && not_after != NULL) {
    json_builder_set_member_name (b, "validity");
    json_builder_begin_object (b);
    json_builder_set_member_name (b, "notBefore");
    json_builder_add_string_value (b, not_before);
    json_builder_set_member_name (b, "notAfter");
    json_builder_add_string_value (b, not_after);
    json_builder_end_object (b);
  }
  json_builder_end_object (b);
  return json_builder_get_root (b);
}


/* The certificateInfo of the first certificate of a chain (GBytes DER), or NULL. */
static JsonNode *
leaf_info (GPtrArray *x5chain)
{
  g_autoptr(X509) leaf = NULL;
  gsize len;
  const guint8 *der;

  if (x5chain == NULL || x5chain->len == 0)
    return NULL;
  der = g_bytes_get_data (g_ptr_array_index (x5chain, 0), &len);
  leaf = cl_x509_from_der (der, len, NULL);
  return leaf != NULL ? cl_crjson_certificate_info (leaf) : NULL;
}


/* "es256", "ps384", "ed25519": how c2pa-rs names an algorithm in crJSON. */
static void
add_algorithm (JsonBuilder *b,
               gint64       alg)
{
  g_autofree char *name = NULL;

  if (!cl_cose_alg_is_supported (alg))
    return;
  name = g_ascii_strdown (cl_cose_alg_to_string ((ClCoseAlg) alg), -1);
  json_builder_set_member_name (b, "algorithm");
  json_builder_add_string_value (b, name);
}


/* The time of the signature's time-stamp when its imprint matches the claim (whether or not
 * its authority is trusted), in RFC 3339; NULL otherwise. */
static char *
time_stamp_time (ClCoseSign1 *sign1,
                 GBytes      *claim_bytes)
{
  g_autoptr(GBytes) data = NULL;
  g_autoptr(ClTimestampResult) result = NULL;
  g_autoptr(GDateTime) when = NULL;
  const guint8 *token, *bytes;
  gsize token_len, len;

  if (sign1->tst_token == NULL || claim_bytes == NULL)
    return NULL;
  data = cl_timestamp_countersign_data (sign1->tst_version, sign1->protected_bytes, claim_bytes,
                                        sign1->signature);
  if (data == NULL)
    return NULL;
  token = g_bytes_get_data (sign1->tst_token, &token_len);
  bytes = g_bytes_get_data (data, &len);
  result = cl_timestamp_verify (token, token_len, bytes, len, FALSE, NULL);
  if (!result->validated || (when = g_date_time_new_from_unix_utc (result->gen_time)) == NULL)
    return NULL;
  return g_date_time_format (when, "%Y-%m-%dT%H:%M:%S+00:00");
}


static void
add_time_stamp (JsonBuilder *b,
                ClCoseSign1 *sign1,
                GBytes      *claim_bytes)
{
  g_autoptr(X509) tsa = NULL;
  g_autofree char *time = time_stamp_time (sign1, claim_bytes);

  if (sign1->tst_token != NULL) {
    gsize len;
    const guint8 *token = g_bytes_get_data (sign1->tst_token, &len);

    tsa = cl_timestamp_dup_signer (token, len);
  }
  if (time == NULL && tsa == NULL)
    return;
  json_builder_set_member_name (b, "timeStampInfo");
  json_builder_begin_object (b);
  if (time != NULL) {
    json_builder_set_member_name (b, "timestamp");
    json_builder_add_string_value (b, time);
  }
  if (tsa != NULL) {
    json_builder_set_member_name (b, "certificateInfo");
    json_builder_add_value (b, cl_crjson_certificate_info (tsa));
  }
  json_builder_end_object (b);
}


JsonNode *
cl_crjson_signature (ClCoseSign1 *sign1,
                     GBytes      *claim_bytes)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  JsonNode *leaf;

  json_builder_begin_object (b);
  if (sign1 != NULL) {
    add_algorithm (b, sign1->alg);
    leaf = leaf_info (sign1->x5chain);
    if (leaf != NULL) {
      json_builder_set_member_name (b, "certificateInfo");
      json_builder_add_value (b, leaf);
    }
    add_time_stamp (b, sign1, claim_bytes);
  }
  json_builder_end_object (b);
  return json_builder_get_root (b);
}


JsonNode *
cl_crjson_cose_signature (const guint8 *data,
                          gsize         len)
{
  g_autoptr(ClCoseSign1) sign1 = cl_cose_sign1_parse (data, len, NULL);
  g_autoptr(JsonBuilder) b = NULL;
  JsonNode *leaf;

  if (sign1 == NULL)
    return NULL;
  b = json_builder_new ();
  json_builder_begin_object (b);
  add_algorithm (b, sign1->alg);
  leaf = leaf_info (sign1->x5chain);
  if (leaf != NULL) {
    json_builder_set_member_name (b, "certificateInfo");
    json_builder_add_value (b, leaf);
  }
  json_builder_end_object (b);
  return json_builder_get_root (b);
}
