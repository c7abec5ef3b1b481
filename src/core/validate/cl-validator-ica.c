/* cl-validator-ica.c: an identity claims aggregation credential is a W3C verifiable
 * credential (JSON) carried as the payload of a COSE_Sign1 signed by its issuer, whose
 * DID gives the key. c2pa-rs 0.91 checks, in this order: the COSE structure, the
 * algorithm (EdDSA only) and the content type (application/vc), that the payload is a
 * credential, the issuer's signature, whether the issuer is on the list of trusted
 * issuers, the credential's time-stamp, validFrom and validUntil, and that the
 * credential binds this signer payload. Structure, algorithm and credential stop the
 * checks; every other failure is logged and the checks go on, and the credential is
 * cawg.ica.credential_valid only when none failed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "cl-cbor-util.h"
#include "cl-cose-crypto.h"
#include "cl-ica-credential.h"
#include "cl-ica-did.h"
#include "cl-limits.h"
#include "cl-status-codes.h"
#include "cl-timestamp.h"
#include "cl-validator-ica.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EVP_PKEY, EVP_PKEY_free)

#define COSE_HEADER_ALG          1
#define COSE_HEADER_CONTENT_TYPE 3
#define COSE_SIGN1_TAG           18

/* The parts of a COSE_Sign1_Tagged (RFC 9052 §4.2). */
typedef struct {
  cbor_item_t  *item;
  cbor_item_t  *protected_map;  /* NULL for an empty protected header */
  GBytes       *protected_bytes;
  cbor_item_t  *unprotected;    /* borrowed from item */
  GBytes       *payload;        /* NULL when detached (nil) */
  GBytes       *signature;
} IcaSign1;

typedef struct {
  ClValidation *v;
  const char   *uri;
  gboolean      ok;      /* no failure logged yet */
} IcaCheck;


static void
ica_sign1_free (IcaSign1 *sign1)
{
  g_clear_pointer (&sign1->item, cl_cbor_item_unref);
  g_clear_pointer (&sign1->protected_map, cl_cbor_item_unref);
  g_clear_pointer (&sign1->protected_bytes, g_bytes_unref);
  g_clear_pointer (&sign1->payload, g_bytes_unref);
  g_clear_pointer (&sign1->signature, g_bytes_unref);
  g_free (sign1);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcaSign1, ica_sign1_free)


static IcaSign1 *
parse_sign1 (const guint8 *data,
             gsize         len)
{
  g_autoptr(IcaSign1) sign1 = g_new0 (IcaSign1, 1);
  cbor_item_t *array, **parts;
  const guint8 *prot;
  gsize prot_len;

  /* COSE_Sign1_Tagged, as c2pa-rs requires. libcbor 0.8 refuses the one-byte head of
   * tag 18 (0xD2) as unassigned: take it off before decoding. */
  if (len == 0 || data[0] != 0xC0 + COSE_SIGN1_TAG)
    return NULL;
  sign1->item = cl_cbor_load (data + 1, len - 1, NULL);
  array = sign1->item;
  if (array == NULL || !cbor_isa_array (array) || !cbor_array_is_definite (array) || cbor_array_size (array) != 4)
    return NULL;
  parts = cbor_array_handle (array);
  if (!cl_cbor_get_bytes (parts[0], &prot, &prot_len) || !cbor_isa_map (parts[1]) ||
      !(cbor_isa_bytestring (parts[2]) || cbor_is_null (parts[2])))
    return NULL;
  sign1->signature = cl_cbor_dup_bytes (parts[3]);
  sign1->payload = cbor_is_null (parts[2]) ? NULL : cl_cbor_dup_bytes (parts[2]);
  if (sign1->signature == NULL || (!cbor_is_null (parts[2]) && sign1->payload == NULL))
    return NULL;
  sign1->protected_bytes = g_bytes_new (prot, prot_len);
  if (prot_len > 0) {
    sign1->protected_map = cl_cbor_load (prot, prot_len, NULL);
    if (sign1->protected_map == NULL || !cbor_isa_map (sign1->protected_map))
      return NULL;
  }
  sign1->unprotected = parts[1];
  return g_steal_pointer (&sign1);
}


static void
fail (IcaCheck   *check,
      const char *code,
      const char *explanation)
{
  check->ok = FALSE;
  cl_validation_log (check->v, code, check->uri, explanation);
}


/* The content type must be the text "application/vc"; absent or anything else is logged
 * and the checks go on. */
static void
check_content_type (IcaCheck *check,
                    IcaSign1 *sign1)
{
  g_autofree char *type =
    cl_cbor_dup_string (cl_cbor_map_get_int (sign1->protected_map, COSE_HEADER_CONTENT_TYPE));

  if (g_strcmp0 (type, "application/vc") != 0)
    fail (check, CL_CODE_CAWG_ICA_INVALID_CONTENT_TYPE,
          _("The identity credential’s content type is not application/vc"));
}


/* The issuer's signature over the credential, with the key its DID gives. */
static gboolean
check_signature (IcaCheck        *check,
                 IcaSign1        *sign1,
                 ClIcaCredential *credential)
{
  static const char *const codes[] = {
    [CL_ICA_DID_INVALID_ISSUER] = CL_CODE_CAWG_ICA_INVALID_ISSUER,
    [CL_ICA_DID_UNAVAILABLE] = CL_CODE_CAWG_ICA_DID_UNAVAILABLE,
    [CL_ICA_DID_INVALID_DOCUMENT] = CL_CODE_CAWG_ICA_INVALID_DID_DOCUMENT,
  };
  const ClValidatorOptions *options = check->v->options;
  ClIcaDidProblem problem;
  g_autofree char *explanation = NULL;
  g_autoptr(EVP_PKEY) key = cl_ica_did_resolve (credential->issuer, options != NULL && options->online,
                                                check->v->cancellable, &problem, &explanation);
  g_autoptr(GBytes) tbs = NULL;

  if (key == NULL) {
    fail (check, codes[problem], explanation);
    return FALSE;
  }
  tbs = cl_cose_sig_structure_encode ("Signature1", g_bytes_get_data (sign1->protected_bytes, NULL),
                                      g_bytes_get_size (sign1->protected_bytes),
                                      g_bytes_get_data (sign1->payload, NULL),
                                      g_bytes_get_size (sign1->payload));
  if (tbs == NULL ||
      !cl_cose_verify_signature (CL_COSE_ALG_EDDSA, key, g_bytes_get_data (tbs, NULL), g_bytes_get_size (tbs),
                                 g_bytes_get_data (sign1->signature, NULL),
                                 g_bytes_get_size (sign1->signature), NULL)) {
    fail (check, CL_CODE_CAWG_ICA_SIGNATURE_MISMATCH,
          _("The identity credential’s signature does not match its issuer’s key"));
    return FALSE;
  }
  return TRUE;
}


/* The issuer (its DID without fragment) must be on the caller's list of trusted ICA
 * issuers; c2pa-rs logs it as information, scoped to this identity. */
static void
check_issuer_trusted (IcaCheck        *check,
                      ClIcaCredential *credential)
{
  const ClValidatorOptions *options = check->v->options;
  g_autofree char *did = cl_ica_did_primary (credential->issuer);

  if (options != NULL && options->trusted_ica_issuers != NULL && did != NULL &&
      g_strv_contains ((const char * const *) options->trusted_ica_issuers, did))
    return;
  check->ok = FALSE;
  cl_validation_log (check->v, CL_CODE_CAWG_ICA_UNTRUSTED_ISSUER, check->uri,
                     _("The identity credential’s issuer is not on the list of trusted issuers"));
}


/* The credential's RFC 3161 time-stamp (sigTst2 or sigTst in the unprotected header),
 * checked without a trust list as c2pa-rs does; its time, or 0 when there is none or it
 * does not hold. */
static gint64
check_time_stamp (IcaCheck *check,
                  IcaSign1 *sign1)
{
  cbor_item_t *container = cl_cbor_map_get (sign1->unprotected, "sigTst2");
  int version = container != NULL ? 2 : 1;
  cbor_item_t *tokens;
  g_autoptr(GBytes) token = NULL, data = NULL;
  g_autoptr(ClTimestampResult) result = NULL;

  if (container == NULL)
    container = cl_cbor_map_get (sign1->unprotected, "sigTst");
  if (container == NULL)
    return 0;
  tokens = cl_cbor_map_get (container, "tstTokens");
  if (tokens != NULL && cbor_isa_array (tokens) && cbor_array_size (tokens) > 0)
    token = cl_cbor_dup_bytes (cl_cbor_map_get (cbor_array_handle (tokens)[0], "val"));
  if (token != NULL)
    data = cl_timestamp_countersign_data (version, sign1->protected_bytes, sign1->payload,
                                          sign1->signature);
  if (data != NULL)
    result = cl_timestamp_verify (g_bytes_get_data (token, NULL), g_bytes_get_size (token),
                                  g_bytes_get_data (data, NULL), g_bytes_get_size (data), FALSE, NULL);
  if (result == NULL || !result->validated) {
    fail (check, CL_CODE_CAWG_ICA_TIME_STAMP_INVALID,
          _("The identity credential’s time-stamp does not match it"));
    return 0;
  }
  cl_validation_log (check->v, CL_CODE_CAWG_ICA_TIME_STAMP_VALIDATED, check->uri,
                     _("The identity credential’s time-stamp is valid"));
  return result->gen_time;
}


/* validFrom must be there and past, also at the time-stamp; validUntil, when there,
 * still ahead, also at the time-stamp (CAWG identity 1.x §8.1.1.4). */
static void
check_validity (IcaCheck        *check,
                ClIcaCredential *credential,
                gint64           stamped)
{
  gint64 now = check->v->now;

  if (credential->valid_from == NULL)
    fail (check, CL_CODE_CAWG_ICA_VALID_FROM_MISSING, _("The identity credential has no validFrom date"));
  else if (now < credential->valid_from_time)
    fail (check, CL_CODE_CAWG_ICA_VALID_FROM_INVALID, _("The identity credential is not valid yet (validFrom)"));
  else if (stamped != 0 && stamped < credential->valid_from_time)
    fail (check, CL_CODE_CAWG_ICA_VALID_FROM_INVALID,
          _("The identity credential was time-stamped before it became valid (validFrom)"));

  if (credential->valid_until == NULL)
    return;
  if (now > credential->valid_until_time)
    fail (check, CL_CODE_CAWG_ICA_VALID_UNTIL_INVALID, _("The identity credential has expired (validUntil)"));
  else if (stamped != 0 && stamped > credential->valid_until_time)
    fail (check, CL_CODE_CAWG_ICA_VALID_UNTIL_INVALID,
          _("The identity credential was time-stamped after it expired (validUntil)"));
}


/* A hash in c2paAsset: standard base64 (RFC 4648 §4), no line breaks. */
static GBytes *
decode_hash (const char *text)
{
  gsize len = strlen (text), out_len = 0;
  guchar *decoded;

  if (len % 4 != 0 || strspn (text, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=") != len)
    return NULL;
  decoded = g_base64_decode (text, &out_len);
  return g_bytes_new_take (decoded, out_len);
}


static gboolean
reference_matches (cbor_item_t *ref,
                   JsonObject  *vc_ref)
{
  g_autofree char *url = cl_cbor_map_dup_string (ref, "url");
  g_autofree char *alg = cl_cbor_map_dup_string (ref, "alg");
  g_autoptr(GBytes) hash = cl_cbor_dup_bytes (cl_cbor_map_get (ref, "hash"));
  g_autoptr(GBytes) vc_hash = decode_hash (json_object_get_string_member (vc_ref, "hash"));
  const char *vc_alg = json_object_get_string_member_with_default (vc_ref, "alg", NULL);

  /* Signers do not always fill in alg when they offer the claim for signature: a
   * reference without one takes the credential's (as c2pa-rs does). */
  return g_strcmp0 (url, json_object_get_string_member (vc_ref, "url")) == 0 &&
         (alg == NULL || g_strcmp0 (alg, vc_alg) == 0) &&
         hash != NULL && vc_hash != NULL && g_bytes_equal (hash, vc_hash);
}


/* The role lists of the signer payload (CBOR) and of c2paAsset (JSON) are equal;
 * absent is empty. */
static gboolean
roles_match (cbor_item_t *payload,
             JsonObject  *asset)
{
  cbor_item_t *roles = cl_cbor_map_get (payload, "role");
  JsonNode *vc_node = json_object_get_member (asset, "role");
  JsonArray *vc_roles = vc_node != NULL && JSON_NODE_HOLDS_ARRAY (vc_node) ? json_node_get_array (vc_node) : NULL;
  gsize n = roles != NULL && cbor_isa_array (roles) ? cbor_array_size (roles) : 0;

  if (n != (vc_roles != NULL ? json_array_get_length (vc_roles) : 0))
    return FALSE;
  for (gsize i = 0; i < n; i++) {
    g_autofree char *role = cl_cbor_dup_string (cbor_array_handle (roles)[i]);
    JsonNode *vc_role = json_array_get_element (vc_roles, i);

    if (role == NULL || !JSON_NODE_HOLDS_VALUE (vc_role) ||
        json_node_get_value_type (vc_role) != G_TYPE_STRING ||
        !g_str_equal (role, json_node_get_string (vc_role)))
      return FALSE;
  }
  return TRUE;
}


/* The credential's c2paAsset must be this assertion's signer payload. */
static void
check_signer_payload (IcaCheck        *check,
                      cbor_item_t     *payload,
                      ClIcaCredential *credential)
{
  cbor_item_t *refs = cl_cbor_map_get (payload, "referenced_assertions");
  JsonArray *vc_refs = json_object_get_array_member (credential->c2pa_asset, "referenced_assertions");
  g_autofree char *sig_type = cl_cbor_map_dup_string (payload, "sig_type");
  gboolean same = refs != NULL && cbor_isa_array (refs) &&
                  cbor_array_size (refs) == json_array_get_length (vc_refs) &&
                  g_strcmp0 (sig_type, json_object_get_string_member (credential->c2pa_asset, "sig_type")) == 0 &&
                  roles_match (payload, credential->c2pa_asset);

  for (gsize i = 0; same && i < cbor_array_size (refs); i++)
    same = reference_matches (cbor_array_handle (refs)[i], json_array_get_object_element (vc_refs, i));
  if (!same)
    fail (check, CL_CODE_CAWG_ICA_SIGNER_PAYLOAD_MISMATCH,
          _("The identity credential was issued for other content than this assertion’s"));
}


static void
report_credential (ClIdentityReport *identity,
                   ClIcaCredential  *credential)
{
  guint n = MIN (json_array_get_length (credential->verified_identities), CL_LIMIT_ICA_IDENTITIES);

  identity->issuer_did = g_strdup (credential->issuer);
  identity->valid_from = g_strdup (credential->valid_from);
  identity->valid_until = g_strdup (credential->valid_until);
  for (guint i = 0; i < n; i++) {
    JsonObject *o = json_array_get_object_element (credential->verified_identities, i);
    JsonObject *provider = json_object_get_object_member (o, "provider");
    ClVerifiedIdentity *verified = g_new0 (ClVerifiedIdentity, 1);

    verified->type = g_strdup (json_object_get_string_member_with_default (o, "type", NULL));
    verified->name = g_strdup (json_object_get_string_member_with_default (o, "name", NULL));
    verified->username = g_strdup (json_object_get_string_member_with_default (o, "username", NULL));
    verified->address = g_strdup (json_object_get_string_member_with_default (o, "address", NULL));
    verified->uri = g_strdup (json_object_get_string_member_with_default (o, "uri", NULL));
    verified->verified_at = g_strdup (json_object_get_string_member_with_default (o, "verifiedAt", NULL));
    verified->provider_id = g_strdup (json_object_get_string_member_with_default (provider, "id", NULL));
    verified->provider_name = g_strdup (json_object_get_string_member_with_default (provider, "name", NULL));
    g_ptr_array_add (identity->verified_identities, verified);
  }
}


void
cl_validation_check_ica (ClValidation     *v,
                         cbor_item_t      *payload,
                         const guint8     *sig_bytes,
                         gsize             sig_len,
                         const char       *uri,
                         ClIdentityReport *identity)
{
  IcaCheck check = { v, uri, TRUE };
  g_autoptr(IcaSign1) sign1 = parse_sign1 (sig_bytes, sig_len);
  g_autoptr(ClIcaCredential) credential = NULL;
  g_autofree char *explanation = NULL;
  gint64 alg = 0, stamped;

  if (sign1 == NULL) {
    fail (&check, CL_CODE_CAWG_ICA_INVALID_COSE_SIGN1, _("The identity credential’s signature cannot be read"));
    return;
  }
  if (!cl_cbor_get_int (cl_cbor_map_get_int (sign1->protected_map, COSE_HEADER_ALG), &alg) ||
      alg != CL_COSE_ALG_EDDSA) {
    fail (&check, CL_CODE_CAWG_ICA_INVALID_ALG,
          _("The identity credential is not signed with Ed25519, the one algorithm supported for it"));
    return;
  }
  check_content_type (&check, sign1);
  if (sign1->payload != NULL)
    credential = cl_ica_credential_parse (g_bytes_get_data (sign1->payload, NULL),
                                          g_bytes_get_size (sign1->payload), &explanation);
  if (credential == NULL) {
    fail (&check, CL_CODE_CAWG_ICA_INVALID_VC, explanation != NULL ? explanation :
          _("The identity credential’s signature holds no credential"));
    return;
  }
  report_credential (identity, credential);
  if (check_signature (&check, sign1, credential))
    check_issuer_trusted (&check, credential);
  stamped = check_time_stamp (&check, sign1);
  check_validity (&check, credential, stamped);
  check_signer_payload (&check, payload, credential);
  if (check.ok)
    cl_validation_log (v, CL_CODE_CAWG_ICA_CREDENTIAL_VALID, uri, _("The identity credential is valid"));
}
