/* cl-x509-cache.c: a small ring of decoded certificates, looked up by their DER bytes.
 * OpenSSL 3.0 builds a new chain of key decoders for every certificate it decodes (about
 * a million instructions each, more than the rest of a one-page verification's
 * certificate work); a certificate is immutable once decoded, so one decoding is shared.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "cl-limits.h"
#include "cl-x509-cache.h"

typedef struct {
  GBytes *der;
  X509   *cert;
} CachedCert;

static GMutex cache_lock;
static CachedCert cache[CL_LIMIT_X509_CACHE_CERTS];
static guint cache_next;


X509 *
cl_x509_cache_lookup (const guint8 *der,
                      gsize         der_len)
{
  X509 *found = NULL;

  if (der == NULL || der_len == 0)
    return NULL;
  g_mutex_lock (&cache_lock);
  for (guint i = 0; i < G_N_ELEMENTS (cache) && found == NULL; i++) {
    gsize len;
    const guint8 *data;

    if (cache[i].der == NULL)
      continue;
    data = g_bytes_get_data (cache[i].der, &len);
    if (len == der_len && memcmp (data, der, der_len) == 0 && X509_up_ref (cache[i].cert) == 1)
      found = cache[i].cert;
  }
  g_mutex_unlock (&cache_lock);
  return found;
}


void
cl_x509_cache_add (const guint8 *der,
                   gsize         der_len,
                   X509         *cert)
{
  CachedCert *slot;

  if (der == NULL || der_len == 0 || der_len > CL_LIMIT_X509_CACHE_CERT_BYTES ||
      X509_up_ref (cert) != 1)
    return;
  g_mutex_lock (&cache_lock);
  slot = &cache[cache_next];
  cache_next = (cache_next + 1) % G_N_ELEMENTS (cache);
  g_clear_pointer (&slot->der, g_bytes_unref);
  g_clear_pointer (&slot->cert, X509_free);
  slot->der = g_bytes_new (der, der_len);
  slot->cert = cert;
  g_mutex_unlock (&cache_lock);
}
