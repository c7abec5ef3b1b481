/* cl-validator-cawg.c: CAWG identity assertions (identity assertion 1.x) as c2pa-rs 0.91
 * checks them: zero padding, a signer_payload whose referenced assertions are the claim's
 * (same hashes, none twice, the hard binding among them), and a known sig_type. Those
 * signed with X.509 certificates ("cawg.x509.cose") carry a COSE_Sign1 over the CBOR of
 * signer_payload; identity claims aggregation credentials are checked in
 * cl-validator-ica.c. What each identity names, and the statuses logged for it, go to the
 * report (v->identities).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n.h>
#include <openssl/x509.h>

#include "cl-cbor-util.h"
#include "cl-claim.h"
#include "cl-cose.h"
#include "cl-cose-crypto.h"
#include "cl-signer-info.h"
#include "cl-status-codes.h"
#include "cl-validator-cawg.h"
#include "cl-validator-ica.h"
#include "cl-x509.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (X509, X509_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EVP_PKEY, EVP_PKEY_free)


/* The referenced_assertions of signer_payload as ClHashedUri, or NULL when it is not an
 * array of hashed URIs (c2pa-rs then cannot decode the assertion). */
static GPtrArray *
parse_references (cbor_item_t *signer_payload)
{
  cbor_item_t *refs = cl_cbor_map_get (signer_payload, "referenced_assertions");
  g_autoptr(GPtrArray) parsed = NULL;

  if (refs == NULL || !cbor_isa_array (refs))
    return NULL;
  parsed = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_hashed_uri_free);
  for (gsize i = 0; i < cbor_array_size (refs); i++) {
    ClHashedUri *ref = cl_hashed_uri_parse (cbor_array_handle (refs)[i]);

    if (ref == NULL)
      return NULL;
    g_ptr_array_add (parsed, ref);
  }
  return g_steal_pointer (&parsed);
}


/* Whether claim_url, a URL in the claim, names ref_url. As in c2pa-rs, an absolute claim
 * URL also names the relative one: its first "/c2pa/<manifest>/" left out. */
static gboolean
names_same_assertion (const char *claim_url,
                      const char *ref_url)
{
  for (const char *at = strstr (claim_url, "/c2pa/"); at != NULL; at = strstr (at + 1, "/c2pa/")) {
    const char *end = strchr (at + strlen ("/c2pa/"), '/');

    if (end != NULL && end > at + strlen ("/c2pa/")) {
      g_autofree char *head = g_strndup (claim_url, at - claim_url);
      g_autofree char *relative = g_strconcat (head, end + 1, NULL);

      return g_str_equal (relative, ref_url);
    }
  }
  return g_str_equal (claim_url, ref_url);
}


/* The assertion of the claim that ref names, or NULL. */
static ClHashedUri *
find_in_claim (GPtrArray   *claimed,
               ClHashedUri *ref)
{
  for (guint i = 0; i < claimed->len; i++) {
    ClHashedUri *entry = g_ptr_array_index (claimed, i);

    if (names_same_assertion (entry->url, ref->url))
      return entry;
  }
  return NULL;
}


/* CAWG identity 1.x §7.1 as c2pa-rs checks it: every referenced assertion is one the claim
 * references, with the same hash; the hard binding is among them; none is listed twice.
 * Each failure is reported and the checks go on. */
static void
check_references (ClValidation *v,
                  ClManifest   *m,
                  GPtrArray    *refs,
                  const char   *uri)
{
  g_autoptr(GPtrArray) claimed = cl_claim_all_assertions (m->claim);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean hard_binding = FALSE;

  for (guint i = 0; i < refs->len; i++) {
    ClHashedUri *ref = g_ptr_array_index (refs, i);
    ClHashedUri *entry = find_in_claim (claimed, ref);

    if (entry == NULL || !g_bytes_equal (entry->hash, ref->hash))
      cl_validation_log (v, CL_CODE_CAWG_IDENTITY_ASSERTION_MISMATCH, uri,
                         _("identity assertion references an assertion the claim does not"));
  }
  for (guint i = 0; i < refs->len; i++) {
    const char *slash = strrchr (((ClHashedUri *) g_ptr_array_index (refs, i))->url, '/');

    hard_binding |= slash != NULL && g_str_has_prefix (slash + 1, "c2pa.hash.");
  }
  if (!hard_binding)
    cl_validation_log (v, CL_CODE_CAWG_IDENTITY_HARD_BINDING_MISSING, uri,
                       _("identity assertion does not reference the hard binding"));
  for (guint i = 0; i < refs->len; i++) {
    ClHashedUri *ref = g_ptr_array_index (refs, i);

    if (!g_hash_table_add (seen, ref->url))
      cl_validation_log (v, CL_CODE_CAWG_IDENTITY_ASSERTION_DUPLICATE, uri,
                         _("identity assertion references the same assertion twice"));
  }
}


/* pad1 and pad2 must be zeros; c2pa-rs reports the padding once, looking at pad2 only
 * when pad1 is clean. */
static void
check_padding (ClValidation *v,
               cbor_item_t  *identity,
               const char   *uri)
{
  static const char *const pads[] = { "pad1", "pad2" };

  for (guint i = 0; i < G_N_ELEMENTS (pads); i++) {
    const guint8 *pad;
    gsize len;

    if (!cl_cbor_get_bytes (cl_cbor_map_get (identity, pads[i]), &pad, &len))
      continue;
    for (gsize j = 0; j < len; j++) {
      if (pad[j] != 0) {
        cl_validation_log (v, CL_CODE_CAWG_IDENTITY_PAD_INVALID, uri,
                           _("identity assertion padding is not zeros"));
        return;
      }
    }
  }
}


/* The signing certificate of an X.509 identity, for the report. */
static void
report_certificate (ClIdentityReport *identity,
                    ClCoseSign1      *sign1,
                    X509             *leaf)
{
  g_autoptr(ClSignerInfo) info = cl_signer_info_new (g_ptr_array_index (sign1->x5chain, 0));

  identity->cert_alg = g_strdup (cl_cose_alg_to_string ((ClCoseAlg) sign1->alg));
  if (info != NULL) {
    identity->cert_common_name = g_strdup (info->common_name);
    identity->cert_organization = g_strdup (info->organization);
    identity->cert_serial = g_strdup (info->serial_decimal);
  }
  identity->cert_issuer = cl_x509_name_to_string (X509_get_issuer_name (leaf));
}


/* The COSE_Sign1 of a cawg.x509.cose identity over the CBOR of its signer payload. */
static void
verify_x509 (ClValidation     *v,
             cbor_item_t      *payload,
             const guint8     *sig_bytes,
             gsize             sig_len,
             const char       *uri,
             ClIdentityReport *identity)
{
  g_autoptr(ClCoseSign1) sign1 = NULL;
  g_autoptr(X509) leaf = NULL;
  g_autoptr(EVP_PKEY) key = NULL;
  g_autoptr(GBytes) tbs = NULL;
  unsigned char *encoded = NULL;
  gsize buf_size = 0, encoded_len;
  const guint8 *pdata;
  gsize plen;
  gboolean ok;

  sign1 = cl_cose_sign1_parse (sig_bytes, sig_len, NULL);
  if (sign1 == NULL) {
    cl_validation_log (v, CL_CODE_CAWG_X509_SIGNATURE_MISMATCH, uri,
                       _("X.509 identity signature could not be parsed"));
    return;
  }
  if (!cl_cose_alg_is_supported (sign1->alg)) {
    cl_validation_log (v, CL_CODE_CAWG_X509_ALGORITHM_UNSUPPORTED, uri,
                       _("unsupported identity signature algorithm"));
    return;
  }
  leaf = cl_signer_info_parse_x509 (g_ptr_array_index (sign1->x5chain, 0));
  key = leaf != NULL ? X509_get_pubkey (leaf) : NULL;
  if (key == NULL) {
    cl_validation_log (v, CL_CODE_CAWG_X509_CREDENTIAL_INVALID, uri,
                       _("identity certificate could not be read"));
    return;
  }
  report_certificate (identity, sign1, leaf);
  /* The detached payload is the CBOR of signer_payload as it appears in the assertion
   * (libcbor keeps the widths it decoded, so this reproduces the signed bytes). */
  encoded_len = cbor_serialize_alloc (payload, &encoded, &buf_size);
  pdata = g_bytes_get_data (sign1->protected_bytes, &plen);
  tbs = encoded_len > 0 ?
        cl_cose_sig_structure_encode ("Signature1", pdata, plen, encoded, encoded_len) : NULL;
  free (encoded);
  ok = tbs != NULL &&
       cl_cose_verify_signature ((ClCoseAlg) sign1->alg, key, g_bytes_get_data (tbs, NULL),
                                 g_bytes_get_size (tbs),
                                 g_bytes_get_data (sign1->signature, NULL),
                                 g_bytes_get_size (sign1->signature), NULL);
  if (!ok) {
    cl_validation_log (v, CL_CODE_CAWG_X509_SIGNATURE_MISMATCH, uri,
                       _("X.509 identity signature does not match"));
    return;
  }
  cl_validation_log (v, CL_CODE_CAWG_X509_SIGNATURE_VALIDATED, uri,
                     _("X.509 identity assertion signature validated"));
  cl_validation_log (v, CL_CODE_CAWG_IDENTITY_WELL_FORMED, uri,
                     _("CAWG X.509 identity signature valid"));
  /* Identity trust anchors belong to the trust engine; none are configured here. */
  cl_validation_log (v, CL_CODE_CAWG_X509_CREDENTIAL_UNTRUSTED, uri, _("signing certificate untrusted"));
}


/* identity takes the statuses logged for its assertion since the log held first ones;
 * the manifest's list of identities takes it. */
static void
record_identity (ClValidation     *v,
                 ClManifest       *m,
                 ClIdentityReport *identity,
                 guint             first)
{
  GPtrArray *list = g_hash_table_lookup (v->identities, m->label);

  for (guint i = first; i < v->log->len; i++) {
    ClStatus *s = g_ptr_array_index (v->log, i);

    if (g_strcmp0 (s->url, identity->url) == 0)
      g_ptr_array_add (identity->statuses, cl_status_copy (s));
  }
  if (list == NULL) {
    list = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_identity_report_free);
    g_hash_table_insert (v->identities, g_strdup (m->label), list);
  }
  g_ptr_array_add (list, identity);
}


static void
check_identity (ClValidation     *v,
                ClManifest       *m,
                ClAssertion      *a,
                ClIdentityReport *identity)
{
  const char *uri = identity->url;
  g_autoptr(cbor_item_t) item = cl_validation_load_cbor (v, a, NULL);
  g_autoptr(GPtrArray) refs = NULL;
  g_autofree char *sig_type = NULL;
  cbor_item_t *payload;
  const guint8 *sig_bytes;
  gsize sig_len;

  payload = cl_cbor_map_get (item, "signer_payload");
  sig_type = cl_cbor_map_dup_string (payload, "sig_type");
  identity->sig_type = g_strdup (sig_type);
  refs = payload != NULL && cbor_isa_map (payload) ? parse_references (payload) : NULL;
  if (refs == NULL || sig_type == NULL ||
      !cl_cbor_get_bytes (cl_cbor_map_get (item, "signature"), &sig_bytes, &sig_len)) {
    cl_validation_log (v, CL_CODE_CAWG_IDENTITY_CBOR_INVALID, uri, _("identity assertion is malformed"));
    return;
  }
  check_padding (v, item, uri);
  if (m->claim != NULL)
    check_references (v, m, refs, uri);

  if (g_str_equal (sig_type, "cawg.x509.cose"))
    verify_x509 (v, payload, sig_bytes, sig_len, uri, identity);
  else if (g_str_equal (sig_type, "cawg.identity_claims_aggregation"))
    cl_validation_check_ica (v, payload, sig_bytes, sig_len, uri, identity);
  else
    cl_validation_log (v, CL_CODE_CAWG_IDENTITY_SIG_TYPE_UNKNOWN, uri,
                       _("identity assertion has an unknown signature type"));
}


void
cl_validation_check_cawg (ClValidation *v,
                          ClManifest   *m)
{
  for (guint i = 0; i < m->assertions->len && !cl_validation_cancelled (v); i++) {
    ClAssertion *a = g_ptr_array_index (m->assertions, i);

    if (g_str_equal (a->base_label, "cawg.identity")) {
      g_autofree char *uri = g_strdup_printf ("self#jumbf=/c2pa/%s/c2pa.assertions/%s",
                                              m->label, a->label);
      ClIdentityReport *identity = cl_identity_report_new (a->label, uri, NULL);
      guint first = v->log->len;

      check_identity (v, m, a, identity);
      record_identity (v, m, identity, first);
    }
  }
}
