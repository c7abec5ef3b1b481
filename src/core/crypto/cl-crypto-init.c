/* cl-crypto-init.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/x509.h>

#include "cl-crypto-init.h"

/* Throwaway public keys (SubjectPublicKeyInfo, base64 DER), one per key type C2PA
 * allows: decoding each fills OpenSSL's decoder caches for that type. Generating
 * them at run time would cost tens of milliseconds per process (RSA). */
static const char *const sample_public_keys[] = {
  /* RSA 1024 */
  "MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDIh7HhsbR+wY0xHO10XX+TZvpnc+//WmDChHnwsVzdJVVgHvPxew7S"
  "T79AHvhuBgTIYyRI5ce0yILcZbvJQkkUQgXPnqX5BY1igN1lmsoik16jxcBotREUuLnYtxnVSt37fvcoWVOAFQ916HMo"
  "Zl+i+394ENl54aU7Xzv/zllZuwIDAQAB",
  /* EC P-256 */
  "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEdx2RwdIq3Zcq0Fon3EEJAAMB3FGwmq+qIPhSlyxQ0BC4FbUQOcAiqX4l"
  "WCJ4DuHcbcdp8DOeWaoHnyh1uplLPA==",
  /* EC P-384 */
  "MHYwEAYHKoZIzj0CAQYFK4EEACIDYgAEGRewzxn0tiQ7XTn4mqL34Opvlu730yLknbAHiOh4TRY4ZKeCGlQw788Ogw77"
  "DERVXygdP5CQXOCFKN74af6PFqtGFZU+khrP4UgrBLwNuymSaxka2NeZSKLVhl9wNiYk",
  /* EC P-521 */
  "MIGbMBAGByqGSM49AgEGBSuBBAAjA4GGAAQBzVlxHzwiqb6LfbO9ShRK9RwmhTCTaknWlgTVhblQ25UW6P/+wVghPXEG"
  "J1xGPvrcrJvse7QmWMm1zJo1IpW5DH8ArmTPQKvrr8A2puLkurI8Pm6T3f2wc9nme7GpRZqoQb3mhR0mKbHNRyB+nUj/"
  "CxL6ORJ8xE9Blf4dFm2yHJwNM9U=",
  /* Ed25519 */
  "MCowBQYDK2VwAyEAZ59+FEpD8vG2F9MrnVLOJQcW9/5c2E3Kqqc5xtIQQN4=",
};


/* OpenSSL's configuration and SHA-256, which every file's hashing needs first. */
static gpointer
fetch_sha256 (gpointer data)
{
  EVP_MD_free (EVP_MD_fetch (NULL, "SHA256", NULL));
  ERR_clear_error ();
  return NULL;
}


void
cl_crypto_init_digests (void)
{
  static GOnce once = G_ONCE_INIT;

  g_once (&once, fetch_sha256, NULL);
}


static gpointer
warm_up (gpointer data)
{
  static const char *const digests[] = { "SHA384", "SHA512" };

  cl_crypto_init_digests ();
  for (gsize i = 0; i < G_N_ELEMENTS (digests); i++)
    EVP_MD_free (EVP_MD_fetch (NULL, digests[i], NULL));
  for (gsize i = 0; i < G_N_ELEMENTS (sample_public_keys); i++) {
    gsize len = 0;
    g_autofree guchar *der = g_base64_decode (sample_public_keys[i], &len);
    const unsigned char *p = der;

    EVP_PKEY_free (d2i_PUBKEY (NULL, &p, (long) len));
  }
  ERR_clear_error ();
  return NULL;
}


void
cl_crypto_init (void)
{
  static GOnce once = G_ONCE_INIT;

  g_once (&once, warm_up, NULL);
}


struct _ClCryptoInit {
  GThread *thread;
};


static gpointer
init_thread (gpointer data)
{
  cl_crypto_init ();
  return NULL;
}


ClCryptoInit *
cl_crypto_init_start (void)
{
  ClCryptoInit *init = g_new0 (ClCryptoInit, 1);

  /* Without a thread the caller's first cl_crypto_init() does the work instead. */
  init->thread = g_thread_try_new ("cl-crypto-init", init_thread, NULL, NULL);
  return init;
}


void
cl_crypto_init_wait (ClCryptoInit *init)
{
  if (init == NULL)
    return;
  if (init->thread != NULL)
    g_thread_join (init->thread);
  g_free (init);
}
