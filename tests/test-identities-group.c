/* test-identities-group.c: the detail's "Identities" group: each CAWG identity with
 * what its credential verifies and its own status in words, apart from the claim
 * signer; hidden without identities. Reports made here, and the public C2PA test file
 * with a CAWG X.509 identity (skipped when the shared fixtures are absent).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <adwaita.h>

#include "cl-identities-group.h"
#include "cl-status-codes.h"
#include "cl-test-tmp.h"
#include "cl-trust-store.h"
#include "cl-verify-detail.h"

static ClIdentityReport *
ica_identity (void)
{
  ClIdentityReport *identity =
    cl_identity_report_new ("cawg.identity", "self#jumbf=/c2pa/urn:c2pa:test/c2pa.assertions/cawg.identity",
                            "cawg.identity_claims_aggregation");
  ClVerifiedIdentity *account = g_new0 (ClVerifiedIdentity, 1);
  ClVerifiedIdentity *site = g_new0 (ClVerifiedIdentity, 1);

  identity->issuer_did = g_strdup ("did:web:identity.example.com");
  identity->valid_from = g_strdup ("2025-01-01T00:00:00Z");
  account->type = g_strdup ("cawg.social_media");
  account->name = g_strdup ("Jane Doe");
  account->username = g_strdup ("janedoe");
  account->uri = g_strdup ("https://social.example.com/janedoe");
  account->provider_name = g_strdup ("Example Social");
  account->verified_at = g_strdup ("2025-03-05T14:30:00Z");
  site->type = g_strdup ("cawg.web_site");
  site->uri = g_strdup ("https://janedoe.example.com");
  g_ptr_array_add (identity->verified_identities, account);
  g_ptr_array_add (identity->verified_identities, site);
  g_ptr_array_add (identity->statuses,
                   cl_status_new (CL_CODE_CAWG_ICA_CREDENTIAL_VALID, identity->url, NULL));
  g_ptr_array_add (identity->statuses,
                   cl_status_new (CL_CODE_CAWG_IDENTITY_WELL_FORMED, identity->url, NULL));
  return identity;
}

static ClIdentityReport *
broken_x509_identity (void)
{
  ClIdentityReport *identity =
    cl_identity_report_new ("cawg.identity__1", "self#jumbf=/c2pa/urn:c2pa:test/c2pa.assertions/cawg.identity__1",
                            "cawg.x509.cose");

  identity->cert_common_name = g_strdup ("Newsroom Desk");
  identity->cert_organization = g_strdup ("Example Times");
  g_ptr_array_add (identity->statuses,
                   cl_status_new (CL_CODE_CAWG_X509_SIGNATURE_MISMATCH, identity->url, NULL));
  return identity;
}

/* Identities made here: who, what is verified and by whom, and each one's status. */
static void
test_made_here (void)
{
  g_autoptr(GPtrArray) identities =
    g_ptr_array_new_with_free_func ((GDestroyNotify) cl_identity_report_free);
  GtkWidget *window = gtk_window_new ();
  ClIdentitiesGroup *group = g_object_new (CL_TYPE_IDENTITIES_GROUP, NULL);
  const char *account;

  g_ptr_array_add (identities, ica_identity ());
  g_ptr_array_add (identities, broken_x509_identity ());
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (group));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (group)));

  cl_identities_group_set_identities (group, identities);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (group)));
  g_assert_cmpuint (cl_identities_group_get_n_identities (group), ==, 2);

  g_assert_cmpstr (cl_identities_group_get_title (group, 0), ==, "Jane Doe and 1 other");
  g_assert_cmpstr (cl_identities_group_get_status (group, 0), ==, "Verified");
  g_assert_cmpstr (cl_identities_group_get_value (group, 0, "Credential"), ==,
                   "Identity claims aggregation");
  g_assert_cmpstr (cl_identities_group_get_value (group, 0, "Issued by"), ==,
                   "did:web:identity.example.com");
  account = cl_identities_group_get_value (group, 0, "Social media account");
  g_assert_nonnull (account);
  g_assert_true (g_str_has_prefix (account, "Jane Doe · janedoe · https://social.example.com/janedoe"
                                            " — verified by Example Social on "));
  g_assert_nonnull (strstr (account, "2025"));
  g_assert_cmpstr (cl_identities_group_get_value (group, 0, "Web site"), ==,
                   "https://janedoe.example.com");
  g_assert_null (cl_identities_group_get_value (group, 0, "Problem"));

  /* A broken identity says so in its own status, not in the signer's. */
  g_assert_cmpstr (cl_identities_group_get_title (group, 1), ==, "Example Times");
  g_assert_true (g_str_has_prefix (cl_identities_group_get_status (group, 1), "Not valid: "));
  g_assert_cmpstr (cl_identities_group_get_value (group, 1, "Credential"), ==, "X.509 certificate");
  g_assert_cmpstr (cl_identities_group_get_value (group, 1, "Name"), ==, "Newsroom Desk");
  g_assert_nonnull (cl_identities_group_get_value (group, 1, "Problem"));

  /* Another file without identities: the group goes away. */
  cl_identities_group_set_identities (group, NULL);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (group)));
  g_assert_cmpuint (cl_identities_group_get_n_identities (group), ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* C_with_CAWG_data.jpg: a CAWG X.509 identity by a test certificate; the detail shows it
 * in its own group, beside the claim signer. */
static void
test_cawg_fixture (void)
{
  const char *shared = g_getenv ("CREDLINK_SHARED_DIR");
  g_autofree char *path = shared != NULL
    ? g_build_filename (shared, "c2pa-fixtures", "images", "C_with_CAWG_data.jpg", NULL) : NULL;
  ClVerifyOptions options = CL_VERIFY_OPTIONS_INIT;
  g_autoptr(ClVerification) verification = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(ClVerifyItem) item = NULL;
  GtkWidget *window;
  ClVerifyDetail *detail;
  ClIdentitiesGroup *group;

  if (path == NULL || !g_file_test (path, G_FILE_TEST_EXISTS)) {
    g_test_skip ("shared C2PA fixtures not present");
    return;
  }
  verification = cl_verify_file (path, &options, NULL);
  file = g_file_new_for_path (path);
  item = cl_verify_item_new (file);
  cl_verify_item_set_verification (item, verification);
  window = gtk_window_new ();
  detail = g_object_new (CL_TYPE_VERIFY_DETAIL, NULL);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (detail));
  gtk_window_present (GTK_WINDOW (window));
  cl_verify_detail_set_item (detail, item);

  group = cl_verify_detail_get_identities (detail);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (group)));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (cl_verify_detail_get_signer (detail))));
  g_assert_cmpuint (cl_identities_group_get_n_identities (group), ==, 1);
  g_assert_cmpstr (cl_identities_group_get_title (group, 0), ==, "C2PA Test Signing Cert");
  g_assert_cmpstr (cl_identities_group_get_value (group, 0, "Credential"), ==, "X.509 certificate");
  g_assert_cmpstr (cl_identities_group_get_value (group, 0, "Name"), ==, "C2PA Signer");
  /* Its signature holds; its certificate is on none of the (empty) trust lists. */
  g_assert_cmpstr (cl_identities_group_get_status (group, 0), ==,
                   "Signature valid, but its issuer is not on your trust lists");

  cl_verify_detail_set_item (detail, NULL);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = cl_test_tmp_dir_new ("credlink-identities", CL_TEST_TMP_UNTIL_EXIT);
  g_autoptr(ClTrustStore) no_lists = NULL;

  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  no_lists = cl_trust_store_new (NULL);
  cl_trust_store_set_default (no_lists);

  g_test_add_func ("/identities-group/made-here", test_made_here);
  g_test_add_func ("/identities-group/cawg-fixture", test_cawg_fixture);

  return g_test_run ();
}
