/* cl-test-tls.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <openssl/pem.h>

#include "cl-test-tls.h"


static char *
bio_text (BIO *bio)
{
  char *data = NULL;
  long len = BIO_get_mem_data (bio, &data);

  return g_strndup (data, (gsize) len);
}


GTlsCertificate *
cl_test_tls_certificate (const ClTestPki *pki,
                         const char      *host)
{
  const ClTestCertSpec spec = { .cn = host, .issuer = pki->root,
                                .key_usage = "critical,digitalSignature",
                                .ext_key_usage = "serverAuth" };
  g_autoptr(ClTestCred) cred = cl_test_cred_new (&spec);
  BIO *bio = BIO_new (BIO_s_mem ());
  g_autofree char *pem = NULL;
  g_autoptr(GError) error = NULL;
  GTlsCertificate *certificate;

  g_assert_cmpint (PEM_write_bio_X509 (bio, cred->cert), ==, 1);
  g_assert_cmpint (PEM_write_bio_PrivateKey (bio, cred->key, NULL, NULL, 0, NULL, NULL), ==, 1);
  pem = bio_text (bio);
  BIO_free (bio);
  certificate = g_tls_certificate_new_from_pem (pem, -1, &error);
  g_assert_no_error (error);
  return certificate;
}


void
cl_test_tls_trust_root (const ClTestPki *pki,
                        const char      *dir)
{
  g_autofree char *path = g_build_filename (dir, "tls-root.pem", NULL);
  g_autoptr(GTlsDatabase) database = NULL;
  g_autoptr(GError) error = NULL;

  cl_test_write_pem (path, pki->root, NULL);
  database = g_tls_file_database_new (path, &error);
  g_assert_no_error (error);
  g_tls_backend_set_default_database (g_tls_backend_get_default (), database);
}


/* A resolver that knows one name. */
#define TEST_TYPE_RESOLVER (test_resolver_get_type ())
G_DECLARE_FINAL_TYPE (TestResolver, test_resolver, TEST, RESOLVER, GResolver)

struct _TestResolver {
  GResolver  parent_instance;
  char      *host;
};

G_DEFINE_TYPE (TestResolver, test_resolver, G_TYPE_RESOLVER)


static GList *
lookup (GResolver                *resolver,
        const char               *hostname,
        GResolverNameLookupFlags  flags,
        GError                  **error)
{
  if (!g_str_equal (hostname, TEST_RESOLVER (resolver)->host) ||
      flags == G_RESOLVER_NAME_LOOKUP_FLAGS_IPV6_ONLY) {
    g_set_error (error, G_RESOLVER_ERROR, G_RESOLVER_ERROR_NOT_FOUND, "%s: not found", hostname);
    return NULL;
  }
  return g_list_prepend (NULL, g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4));
}


static GList *
lookup_by_name_with_flags (GResolver                 *resolver,
                           const char                *hostname,
                           GResolverNameLookupFlags   flags,
                           GCancellable              *cancellable,
                           GError                   **error)
{
  return lookup (resolver, hostname, flags, error);
}


static GList *
lookup_by_name (GResolver     *resolver,
                const char    *hostname,
                GCancellable  *cancellable,
                GError       **error)
{
  return lookup (resolver, hostname, G_RESOLVER_NAME_LOOKUP_FLAGS_DEFAULT, error);
}


static void
lookup_by_name_with_flags_async (GResolver                *resolver,
                                 const char               *hostname,
                                 GResolverNameLookupFlags  flags,
                                 GCancellable             *cancellable,
                                 GAsyncReadyCallback       callback,
                                 gpointer                  user_data)
{
  g_autoptr(GTask) task = g_task_new (resolver, cancellable, callback, user_data);
  GError *error = NULL;
  GList *addresses = lookup (resolver, hostname, flags, &error);

  if (addresses == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, addresses, (GDestroyNotify) g_resolver_free_addresses);
}


static void
lookup_by_name_async (GResolver           *resolver,
                      const char          *hostname,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  lookup_by_name_with_flags_async (resolver, hostname, G_RESOLVER_NAME_LOOKUP_FLAGS_DEFAULT,
                                   cancellable, callback, user_data);
}


static GList *
lookup_finish (GResolver     *resolver,
               GAsyncResult  *result,
               GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}


static void
test_resolver_finalize (GObject *object)
{
  g_free (TEST_RESOLVER (object)->host);
  G_OBJECT_CLASS (test_resolver_parent_class)->finalize (object);
}


static void
test_resolver_class_init (TestResolverClass *klass)
{
  GResolverClass *resolver_class = G_RESOLVER_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = test_resolver_finalize;
  resolver_class->lookup_by_name = lookup_by_name;
  resolver_class->lookup_by_name_async = lookup_by_name_async;
  resolver_class->lookup_by_name_finish = lookup_finish;
  resolver_class->lookup_by_name_with_flags = lookup_by_name_with_flags;
  resolver_class->lookup_by_name_with_flags_async = lookup_by_name_with_flags_async;
  resolver_class->lookup_by_name_with_flags_finish = lookup_finish;
}


static void
test_resolver_init (TestResolver *self)
{
}


void
cl_test_tls_resolve_host (const char *host)
{
  g_autoptr(TestResolver) resolver = g_object_new (TEST_TYPE_RESOLVER, NULL);

  resolver->host = g_strdup (host);
  g_resolver_set_default (G_RESOLVER (resolver));
}
