/* cl-cert-testing.c
 *
 * The markers are those test PKIs use in their names: the c2pa-rs test certificates (and the
 * C2PA conformance samples made with them) carry OU "FOR TESTING_ONLY" on the signer, the
 * intermediate and the root; other tools write "for testing only" or name a "test
 * identity" in O. Only O, OU and CN are read, and only whole markers, so that an organisation
 * whose name merely contains "test" is not taken for one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-trust"

#include "config.h"

#include <string.h>

#include "cl-cert-testing.h"
#include "cl-x509.h"

static const char *const testing_markers[] = {
  "for testing_only", "for testing only", "test identity", NULL,
};


static gboolean
name_is_for_testing (const X509_NAME *name)
{
  static const int nids[] = { NID_organizationName, NID_organizationalUnitName, NID_commonName };

  for (gsize i = 0; i < G_N_ELEMENTS (nids); i++) {
    g_autofree char *value = cl_x509_name_get (name, nids[i]);
    g_autofree char *folded = value != NULL ? g_utf8_strdown (value, -1) : NULL;

    for (const char *const *marker = testing_markers; folded != NULL && *marker != NULL; marker++) {
      if (strstr (folded, *marker) != NULL)
        return TRUE;
    }
  }
  return FALSE;
}


gboolean
cl_cert_is_for_testing (X509 *cert)
{
  return cert != NULL && (name_is_for_testing (X509_get_subject_name (cert)) ||
                          name_is_for_testing (X509_get_issuer_name (cert)));
}


gboolean
cl_trust_result_is_for_testing (ClTrustResult *result)
{
  for (guint i = 0; result != NULL && i < result->certs->len; i++) {
    ClCertReport *report = g_ptr_array_index (result->certs, i);

    if (cl_cert_is_for_testing (report->cert))
      return TRUE;
  }
  return FALSE;
}


gboolean
cl_cert_chain_der_is_for_testing (GPtrArray *chain_der)
{
  for (guint i = 0; chain_der != NULL && i < chain_der->len; i++) {
    GBytes *der = g_ptr_array_index (chain_der, i);
    gsize len;
    const guint8 *data = g_bytes_get_data (der, &len);
    X509 *cert = cl_x509_from_der (data, len, NULL);
    gboolean testing = cl_cert_is_for_testing (cert);

    X509_free (cert);
    if (testing)
      return TRUE;
  }
  return FALSE;
}
