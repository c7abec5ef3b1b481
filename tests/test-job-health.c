/* test-job-health.c: the health job measures a real data directory.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "cl-job-health.h"
#include "cl-scheduler-settings.h"
#include "cl-test-tmp.h"
#include "cl-trust-snapshot.h"

#define PEM_ONE_CERT \
  "-----BEGIN CERTIFICATE-----\n" \
  "MIIBfTCCASOgAwIBAgIUJZ6mZ9oW1xK3T8Q2n0b8JdI7dWMwCgYIKoZIzj0EAwIw\n" \
  "-----END CERTIFICATE-----\n"


static void
write_file (const char *dir,
            const char *name,
            gsize       size)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *contents = g_malloc0 (size + 1);
  g_autoptr(GError) error = NULL;

  memset (contents, 'x', size);
  g_assert_true (g_file_set_contents (path, contents, (gssize) size, &error));
  g_assert_no_error (error);
}


static JsonObject *
find_area (JsonObject *report,
           const char *name)
{
  JsonArray *areas = json_object_get_array_member (report, "areas");

  for (guint i = 0; i < json_array_get_length (areas); i++) {
    JsonObject *area = json_array_get_object_element (areas, i);

    if (g_strcmp0 (json_object_get_string_member (area, "name"), name) == 0)
      return area;
  }
  return NULL;
}


static gboolean
health_ran (ClScheduler *scheduler)
{
  g_autoptr(ClSchedulerJobStatus) status = cl_scheduler_get_job_status (scheduler, CL_JOB_HEALTH);

  return status->runs > 0 && !status->running;
}


static void
test_measure (void)
{
  g_autofree char *data_dir = cl_test_tmp_dir_new ("credlink-health", CL_TEST_TMP_UNTIL_CASE_ENDS);
  g_autofree char *trust_dir = g_build_filename (data_dir, "trust", NULL);
  g_autofree char *profiles = g_build_filename (data_dir, "profiles", NULL);
  g_autofree char *profile_a = g_build_filename (profiles, "newsroom", NULL);
  g_autofree char *profile_b = g_build_filename (profiles, "freelance", NULL);
  g_autofree char *loop = g_build_filename (data_dir, "loop", NULL);
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(ClScheduler) scheduler = cl_scheduler_new (context);
  g_autoptr(ClHealthJob) health = cl_health_job_new (data_dir);
  g_autoptr(GBytes) pem = g_bytes_new_static (PEM_ONE_CERT, strlen (PEM_ONE_CERT));
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *report;
  JsonArray *lists;
  JsonObject *area;
  gint64 give_up;

  /* proofs.db + WAL, two profiles, one trust list, and a symlink loop not to follow. */
  write_file (data_dir, "proofs.db", 4096);
  write_file (data_dir, "proofs.db-wal", 1000);
  g_assert_cmpint (g_mkdir_with_parents (profile_a, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (profile_b, 0700), ==, 0);
  write_file (profile_a, "chain.pem", 300);
  write_file (profile_b, "chain.pem", 200);
  g_assert_true (cl_trust_snapshot_replace (trust_dir, "c2pa", pem, 7,
                                            "http://127.0.0.1/list.pem", now, &error));
  g_assert_no_error (error);
  g_assert_cmpint (symlink (data_dir, loop), ==, 0);

  g_assert_null (cl_health_job_dup_report (health));
  g_assert_true (cl_health_job_register (health, scheduler, 60000,
                                         CL_SCHEDULER_JOB_ENABLED |
                                         CL_SCHEDULER_JOB_RUN_ON_START, &error));
  g_assert_no_error (error);
  cl_scheduler_start (scheduler);
  give_up = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (!health_ran (scheduler)) {
    g_assert_cmpint (g_get_monotonic_time (), <, give_up);
    g_main_context_iteration (context, TRUE);
  }

  node = cl_health_job_dup_report (health);
  g_assert_nonnull (node);
  report = json_node_get_object (node);
  g_assert_true (json_object_get_boolean_member (report, "exists"));
  g_assert_cmpint (json_object_get_int_member (report, "proof_cache_bytes"), ==, 5096);
  g_assert_cmpint (json_object_get_int_member (report, "signing_profiles"), ==, 2);
  /* 4096 + 1000 + 300 + 200 + anchors.pem + meta.json */
  g_assert_cmpint (json_object_get_int_member (report, "files"), ==, 6);
  g_assert_cmpint (json_object_get_int_member (report, "bytes"), >,
                   5596 + (gint64) strlen (PEM_ONE_CERT));
  g_assert_false (json_object_get_boolean_member (report, "truncated"));
  area = find_area (report, "profiles");
  g_assert_nonnull (area);
  g_assert_cmpint (json_object_get_int_member (area, "bytes"), ==, 500);
  g_assert_cmpint (json_object_get_int_member (area, "files"), ==, 2);
  lists = json_object_get_array_member (report, "trust_lists");
  g_assert_cmpuint (json_array_get_length (lists), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (lists, 0),
                                                  "name"), ==, "c2pa");
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (lists, 0),
                                               "certificate_count"), ==, 7);

  g_assert_true (cl_scheduler_stop (scheduler, 5000));
}


static void
test_missing_dir (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = cl_health_job_measure ("/nonexistent/credlink", NULL, &error);
  JsonObject *report;

  g_assert_no_error (error);
  report = json_node_get_object (node);
  g_assert_false (json_object_get_boolean_member (report, "exists"));
  g_assert_cmpint (json_object_get_int_member (report, "bytes"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (report, "signing_profiles"), ==, 0);
}


static void
test_cancelled (void)
{
  g_autofree char *data_dir = cl_test_tmp_dir_new ("credlink-health", CL_TEST_TMP_UNTIL_CASE_ENDS);
  g_autofree char *sub = g_build_filename (data_dir, "trust", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;

  g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
  write_file (sub, "a", 1);
  g_cancellable_cancel (cancellable);
  node = cl_health_job_measure (data_dir, cancellable, &error);
  g_assert_null (node);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}


int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/job-health/measure", test_measure);
  g_test_add_func ("/job-health/missing-dir", test_missing_dir);
  g_test_add_func ("/job-health/cancelled", test_cancelled);

  return g_test_run ();
}
