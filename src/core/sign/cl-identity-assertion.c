/* cl-identity-assertion.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cl-cbor-writer.h"
#include "cl-cose-sign1-builder.h"
#include "cl-identity-assertion.h"

struct _ClIdentityAssertion {
  ClSigningProfile *identity;
  GBytes           *last_payload;     /* CBOR of the signer_payload last signed */
  GBytes           *last_assertion;   /* and the assertion made of it */
};


ClIdentityAssertion *
cl_identity_assertion_new (ClSigningProfile *identity)
{
  ClIdentityAssertion *self = g_new0 (ClIdentityAssertion, 1);

  self->identity = cl_signing_profile_ref (identity);
  return self;
}


void
cl_identity_assertion_free (ClIdentityAssertion *self)
{
  if (self == NULL)
    return;
  cl_signing_profile_unref (self->identity);
  g_clear_pointer (&self->last_payload, g_bytes_unref);
  g_clear_pointer (&self->last_assertion, g_bytes_unref);
  g_free (self);
}


/* COSE_Sign1 over payload, padded to a size the payload does not change. */
static GBytes *
sign_payload (ClSigningProfile  *identity,
              GBytes            *payload,
              GError           **error)
{
  g_autoptr(GPtrArray) chain = cl_signing_profile_dup_x5chain (identity);
  ClCoseAlg alg = cl_signing_profile_get_alg (identity);
  EVP_PKEY *key = cl_signing_profile_get_key (identity);
  gsize size = cl_cose_sign1_reserve_size (alg, key, chain, FALSE, 0);

  return cl_cose_sign1_build (alg, key, chain, payload, NULL, NULL, NULL, size, NULL, NULL,
                              error);
}


GBytes *
cl_identity_assertion_encode (ClIdentityAssertion  *self,
                              cbor_item_t          *referenced_assertions,
                              GError              **error)
{
  cbor_item_t *signer_payload = cl_cbor_map_new ();
  cbor_item_t *assertion;
  g_autoptr(GBytes) payload = NULL;
  g_autoptr(GBytes) signature = NULL;
  GBytes *encoded;

  /* Field order as c2pa-rs writes it: it checks the signature over its own encoding. */
  cl_cbor_map_put (signer_payload, "referenced_assertions", referenced_assertions);
  cl_cbor_map_put (signer_payload, "sig_type", cl_cbor_tstr ("cawg.x509.cose"));
  payload = cl_cbor_encode (signer_payload);
  if (self->last_payload != NULL && g_bytes_equal (payload, self->last_payload)) {
    cbor_decref (&signer_payload);
    return g_bytes_ref (self->last_assertion);
  }

  signature = sign_payload (self->identity, payload, error);
  if (signature == NULL) {
    cbor_decref (&signer_payload);
    return NULL;
  }
  assertion = cl_cbor_map_new ();
  cl_cbor_map_put (assertion, "signer_payload", signer_payload);
  cl_cbor_map_put (assertion, "signature", cl_cbor_bstr (g_bytes_get_data (signature, NULL),
                                                         g_bytes_get_size (signature)));
  /* Required, zero-filled; the padding inside the signature already fixes the size. */
  cl_cbor_map_put (assertion, "pad1", cl_cbor_zeros (0));
  encoded = cl_cbor_encode (assertion);
  cbor_decref (&assertion);

  g_clear_pointer (&self->last_payload, g_bytes_unref);
  g_clear_pointer (&self->last_assertion, g_bytes_unref);
  self->last_payload = g_steal_pointer (&payload);
  self->last_assertion = g_bytes_ref (encoded);
  return encoded;
}
