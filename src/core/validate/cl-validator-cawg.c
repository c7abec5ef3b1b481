/* cl-validator-cawg.c: CAWG identity assertions signed with X.509 certificates
 * (sig_type "cawg.x509.cose"): a COSE_Sign1 over the CBOR of signer_payload, which must
 * reference the hard binding. Identity claims aggregation credentials are not checked.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <glib/gi18n.h>
#include <openssl/x509.h>

#include "cl-cbor-util.h"
#include "cl-cose.h"
#include "cl-cose-crypto.h"
#include "cl-signer-info.h"
#include "cl-status-codes.h"
#include "cl-validator-cawg.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (X509, X509_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EVP_PKEY, EVP_PKEY_free)


static gboolean
references_hard_binding (cbor_item_t *signer_payload)
{
  cbor_item_t *refs = cl_cbor_map_get (signer_payload, "referenced_assertions");

  if (refs == NULL || !cbor_isa_array (refs))
    return FALSE;
  for (gsize i = 0; i < cbor_array_size (refs); i++) {
    g_autofree char *url = cl_cbor_map_dup_string (cbor_array_handle (refs)[i], "url");
    g_autofree char *label = cl_jumbf_uri_last_segment (url);

    if (label != NULL && g_str_has_prefix (label, "c2pa.hash."))
      return TRUE;
  }
  return FALSE;
}


static void
check_identity (ClValidation *v,
                ClManifest   *m,
                ClAssertion  *a)
{
  g_autofree char *uri = g_strdup_printf ("self#jumbf=/c2pa/%s/c2pa.assertions/%s",
                                          m->label, a->label);
  g_autoptr(cbor_item_t) item = cl_validation_load_cbor (v, a, NULL);
  g_autoptr(ClCoseSign1) sign1 = NULL;
  g_autoptr(X509) leaf = NULL;
  g_autoptr(EVP_PKEY) key = NULL;
  g_autoptr(GBytes) tbs = NULL;
  g_autofree char *sig_type = NULL;
  cbor_item_t *payload;
  unsigned char *encoded = NULL;
  gsize buf_size = 0, encoded_len;
  const guint8 *sig_bytes, *pdata;
  gsize sig_len, plen;
  gboolean ok;

  payload = cl_cbor_map_get (item, "signer_payload");
  sig_type = cl_cbor_map_dup_string (payload, "sig_type");
  if (payload == NULL || !cbor_isa_map (payload) ||
      !cl_cbor_get_bytes (cl_cbor_map_get (item, "signature"), &sig_bytes, &sig_len)) {
    cl_validation_log (v, CL_CODE_CAWG_IDENTITY_CBOR_INVALID, uri, _("identity assertion is malformed"));
    return;
  }
  if (!references_hard_binding (payload)) {
    cl_validation_log (v, CL_CODE_CAWG_IDENTITY_HARD_BINDING_MISSING, uri,
                       _("identity assertion does not reference the hard binding"));
    return;
  }
  if (g_strcmp0 (sig_type, "cawg.x509.cose") != 0)
    return;   /* identity claims aggregation: not checked */

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
  cl_validation_log (v, "cawg.identity.well-formed", uri,
                     _("CAWG X.509 identity signature valid"));
  /* Identity trust anchors belong to the trust engine; none are configured here. */
  cl_validation_log (v, CL_CODE_CAWG_X509_CREDENTIAL_UNTRUSTED, uri, _("signing certificate untrusted"));
}


void
cl_validation_check_cawg (ClValidation *v,
                          ClManifest   *m)
{
  for (guint i = 0; i < m->assertions->len && !cl_validation_cancelled (v); i++) {
    ClAssertion *a = g_ptr_array_index (m->assertions, i);

    if (g_str_equal (a->base_label, "cawg.identity"))
      check_identity (v, m, a);
  }
}
