/* cl-test-trust.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cl-test-trust.h"


ClTrustList *
cl_test_trust_list (const char       *name,
                    ClTrustListKind   kind,
                    const ClTestCred *anchor,
                    const char       *allowed)
{
  g_autoptr(GPtrArray) anchors = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  ClTrustList *list;

  if (anchor != NULL)
    g_ptr_array_add (anchors, anchor->cert);
  list = cl_trust_list_new (name, kind, "test", 0, anchors, allowed, NULL, &error);
  g_assert_no_error (error);
  return list;
}


ClTrustStore *
cl_test_trust_store (ClTrustList *first,
                     ...)
{
  g_autoptr(GPtrArray) lists =
    g_ptr_array_new_with_free_func ((GDestroyNotify) cl_trust_list_unref);
  va_list args;

  va_start (args, first);
  for (ClTrustList *list = first; list != NULL; list = va_arg (args, ClTrustList *))
    g_ptr_array_add (lists, list);
  va_end (args);
  return cl_trust_store_new (lists);
}


ClTrustResult *
cl_test_trust_evaluate (ClTrustStore     *store,
                        const ClTestCred *signer,
                        const ClTestCred *issuer,
                        GDateTime        *at,
                        GPtrArray        *ocsp)
{
  g_autoptr(GPtrArray) chain = cl_test_chain_der (signer, issuer, NULL);

  return cl_trust_evaluate (store, chain, at, ocsp, NULL, NULL);
}


void
cl_test_assert_trust_codes (ClTrustResult *result,
                            const char    *expected)
{
  g_autoptr(GString) codes = g_string_new (NULL);

  for (guint i = 0; i < result->codes->len; i++)
    g_string_append_printf (codes, i == 0 ? "%s" : ",%s",
                            (char *) g_ptr_array_index (result->codes, i));
  g_assert_cmpstr (codes->str, ==, expected);
}


ClCertCheck *
cl_test_signer_check (ClTrustResult *result,
                      const char    *id)
{
  return cl_cert_report_find (g_ptr_array_index (result->certs, 0), id);
}
