/* test-x509-cache.c: a certificate read several times (its DER bytes met again) is decoded
 * once and shared; the bytes must match exactly (trailing bytes are still refused); a
 * certificate stays whole after the cache lets it go; threads reading the same chain at
 * once all get it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "cl-limits.h"
#include "cl-test-pki.h"
#include "cl-x509.h"

#define READER_THREADS 4
#define READS_PER_THREAD 50

static X509 *
decode (GBytes *der)
{
  gsize len;
  const guint8 *data = g_bytes_get_data (der, &len);

  return cl_x509_from_der (data, len, NULL);
}


static void
test_shared (void)
{
  g_autoptr(ClTestCred) cred = cl_test_cred_new (&(ClTestCertSpec) { .cn = "Shared Signer" });
  g_autoptr(GBytes) der = cl_test_cred_der (cred);
  g_autoptr(GByteArray) longer = g_byte_array_new ();
  g_autoptr(GError) error = NULL;
  X509 *first = decode (der);
  X509 *again = decode (der);

  g_assert_nonnull (first);
  /* One decoding for both reads. */
  g_assert_true (first == again);
  g_assert_cmpint (X509_cmp (first, cred->cert), ==, 0);

  /* The same certificate with a byte after it is no certificate. */
  g_byte_array_append (longer, g_bytes_get_data (der, NULL), (guint) g_bytes_get_size (der));
  g_byte_array_append (longer, (const guint8 *) "", 1);
  g_assert_null (cl_x509_from_der (longer->data, longer->len, &error));
  g_assert_nonnull (error);

  X509_free (first);
  X509_free (again);
}


/* More certificates than the cache keeps: the oldest is let go while its reader still holds
 * it, and reading its bytes again decodes it anew. */
static void
test_eviction (void)
{
  g_autoptr(GPtrArray) creds = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_test_cred_free);
  g_autoptr(GPtrArray) ders = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autoptr(GPtrArray) certs = g_ptr_array_new_with_free_func ((GDestroyNotify) X509_free);
  X509 *oldest;

  for (guint i = 0; i < CL_LIMIT_X509_CACHE_CERTS + 2; i++) {
    g_autofree char *cn = g_strdup_printf ("Signer %u", i);
    ClTestCred *cred = cl_test_cred_new (&(ClTestCertSpec) { .cn = cn });

    g_ptr_array_add (creds, cred);
    g_ptr_array_add (ders, cl_test_cred_der (cred));
    g_ptr_array_add (certs, decode (g_ptr_array_index (ders, i)));
    g_assert_nonnull (g_ptr_array_index (certs, i));
  }
  /* Every certificate is still whole, the oldest ones too. */
  for (guint i = 0; i < certs->len; i++) {
    g_autoptr(GBytes) der = cl_x509_to_der (g_ptr_array_index (certs, i));

    g_assert_true (g_bytes_equal (der, g_ptr_array_index (ders, i)));
  }
  oldest = decode (g_ptr_array_index (ders, 0));
  g_assert_true (oldest != g_ptr_array_index (certs, 0));
  g_assert_cmpint (X509_cmp (oldest, g_ptr_array_index (certs, 0)), ==, 0);
  X509_free (oldest);
}


static gpointer
read_chain (gpointer data)
{
  GPtrArray *ders = data;

  for (guint n = 0; n < READS_PER_THREAD; n++) {
    for (guint i = 0; i < ders->len; i++) {
      GBytes *der = g_ptr_array_index (ders, i);
      X509 *cert = decode (der);
      g_autoptr(GBytes) back = NULL;

      if (cert == NULL)
        return GINT_TO_POINTER (FALSE);
      back = cl_x509_to_der (cert);
      X509_free (cert);
      if (!g_bytes_equal (back, der))
        return GINT_TO_POINTER (FALSE);
    }
  }
  return GINT_TO_POINTER (TRUE);
}


static void
test_threads (void)
{
  g_autoptr(ClTestPki) pki = cl_test_pki_new (NULL, NULL);
  g_autoptr(GPtrArray) ders = cl_test_chain_der (pki->signer, pki->intermediate, NULL);
  GThread *threads[READER_THREADS];

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("reader", read_chain, ders);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_assert_true (GPOINTER_TO_INT (g_thread_join (threads[i])));
}


int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/x509-cache/shared", test_shared);
  g_test_add_func ("/x509-cache/eviction", test_eviction);
  g_test_add_func ("/x509-cache/threads", test_threads);
  return g_test_run ();
}
