/* cl-crypto-init.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/x509.h>

#include "cl-crypto-init.h"

/* A throwaway public key (Ed25519 SubjectPublicKeyInfo, base64 DER): decoding it builds
 * OpenSSL's store of key decoders, which every later decode of any key type (RSA, EC,
 * EdDSA) walks; a second sample of another type would cost as much again and make no
 * later decode faster (OpenSSL 3.0 makes each decoder chain afresh). */
static const char sample_public_key[] =
  "MCowBQYDK2VwAyEAZ59+FEpD8vG2F9MrnVLOJQcW9/5c2E3Kqqc5xtIQQN4=";


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
  g_autofree guchar *der = NULL;
  const unsigned char *p;
  gsize len = 0;

  cl_crypto_init_digests ();
  for (gsize i = 0; i < G_N_ELEMENTS (digests); i++)
    EVP_MD_free (EVP_MD_fetch (NULL, digests[i], NULL));
  der = g_base64_decode (sample_public_key, &len);
  p = der;
  EVP_PKEY_free (d2i_PUBKEY (NULL, &p, (long) len));
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
