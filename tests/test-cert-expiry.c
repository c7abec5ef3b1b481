/* test-cert-expiry.c: the certificate-expiry job finds the profiles that expire within
 * 30 days (or have expired), says so in one sentence, and runs on the scheduler.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "cl-job-cert-expiry.h"
#include "cl-signing-profile-store.h"
#include "cl-scheduler-settings.h"
#include "cl-test-identity.h"
#include "cl-test-tmp.h"

static void
save_identity (const char *root,
               const char *name,
               int         days_left)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) not_before = g_date_time_add_days (now, -400);
  g_autoptr(GDateTime) not_after = g_date_time_add_hours (now, days_left * 24 + 12);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClSigningProfile) profile = cl_test_identity_create (name, CL_COSE_ALG_ES256, not_before,
                                                          not_after, &error);

  g_assert_no_error (error);
  g_assert_true (cl_signing_profile_store_save (root, profile, "passphrase", &error));
  g_assert_no_error (error);
}

static void
test_find (void)
{
  g_autofree char *root = cl_test_tmp_dir_new ("credlink-expiry", CL_TEST_TMP_UNTIL_CASE_ENDS);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GPtrArray) expiring = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  save_identity (root, "long-lived", 300);
  save_identity (root, "soon", 9);
  save_identity (root, "gone", -3);

  expiring = cl_cert_expiry_find (root, now, 30, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (expiring->len, ==, 2);
  g_assert_cmpstr (((ClSigningProfileSummary *) g_ptr_array_index (expiring, 0))->name, ==, "gone");
  g_assert_cmpstr (((ClSigningProfileSummary *) g_ptr_array_index (expiring, 1))->name, ==, "soon");
  text = cl_cert_expiry_describe (expiring, now);
  g_assert_nonnull (strstr (text, "“gone” has expired"));
  g_assert_nonnull (strstr (text, "“soon” expires in 9 days"));
}

static void
test_empty_folder (void)
{
  g_autofree char *root = cl_test_tmp_dir_new ("credlink-expiry", CL_TEST_TMP_UNTIL_CASE_ENDS);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) expiring = cl_cert_expiry_find (root, now, 30, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (expiring->len, ==, 0);
}

static void
finished_cb (ClScheduler *scheduler, const char *name, gboolean success, gpointer user_data)
{
  *(int *) user_data = success ? 1 : 2;
}

static void
test_scheduled (void)
{
  g_autofree char *root = cl_test_tmp_dir_new ("credlink-expiry", CL_TEST_TMP_UNTIL_CASE_ENDS);
  g_autoptr(ClScheduler) scheduler = cl_scheduler_new (NULL);
  g_autoptr(GError) error = NULL;
  int outcome = 0;

  save_identity (root, "soon", 5);
  g_signal_connect (scheduler, "job-finished", G_CALLBACK (finished_cb), &outcome);
  g_assert_true (cl_cert_expiry_job_register (scheduler, root, 3600 * 1000, &error));
  g_assert_no_error (error);
  cl_scheduler_start (scheduler);
  while (outcome == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (outcome, ==, 1);
  g_assert_true (cl_scheduler_stop (scheduler, 1000));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cert-expiry/find", test_find);
  g_test_add_func ("/cert-expiry/empty-folder", test_empty_folder);
  g_test_add_func ("/cert-expiry/scheduled", test_scheduled);
  return g_test_run ();
}
