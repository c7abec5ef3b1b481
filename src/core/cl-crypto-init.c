/* cl-crypto-init.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/x509.h>

#include "cl-crypto-init.h"


/* Generates a small key of the type, encodes its public half and decodes it again. */
static void
round_trip_public_key (EVP_PKEY *key)
{
  unsigned char *der = NULL;
  const unsigned char *p;
  int len;
  EVP_PKEY *decoded;

  if (key == NULL)
    return;
  len = i2d_PUBKEY (key, &der);
  p = der;
  decoded = len > 0 ? d2i_PUBKEY (NULL, &p, len) : NULL;
  EVP_PKEY_free (decoded);
  OPENSSL_free (der);
  EVP_PKEY_free (key);
}


static gpointer
warm_up (gpointer data)
{
  static const char *const digests[] = { "SHA256", "SHA384", "SHA512" };

  round_trip_public_key (EVP_PKEY_Q_keygen (NULL, NULL, "EC", "P-256"));
  round_trip_public_key (EVP_PKEY_Q_keygen (NULL, NULL, "EC", "P-384"));
  round_trip_public_key (EVP_PKEY_Q_keygen (NULL, NULL, "EC", "P-521"));
  round_trip_public_key (EVP_PKEY_Q_keygen (NULL, NULL, "ED25519"));
  /* Small on purpose: only the decoder matters here, not the key's strength. */
  round_trip_public_key (EVP_PKEY_Q_keygen (NULL, NULL, "RSA", (size_t) 1024));
  for (gsize i = 0; i < G_N_ELEMENTS (digests); i++)
    EVP_MD_free (EVP_MD_fetch (NULL, digests[i], NULL));
  ERR_clear_error ();
  return NULL;
}


void
cl_crypto_init (void)
{
  static GOnce once = G_ONCE_INIT;

  g_once (&once, warm_up, NULL);
}
