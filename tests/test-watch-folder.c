/* test-watch-folder.c: the watch folder job on real folders, with real signatures by a
 * stored test profile, a real proof cache and the main loop iterated: files are signed
 * once they are complete, once only (also across a restart), not while the key is
 * locked, non-images are skipped, and a stop during a signing leaves no output. Who
 * signed a file before, and a kill, are test-watch-folder-signer.c's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gstdio.h>
#include <time.h>
#include <utime.h>

#include "cl-asset.h"
#include "cl-job-watch-folder.h"
#include "cl-proof-cache.h"
#include "cl-test-sign-util.h"
#include "cl-test-watch.h"
#include "cl-watch-folder-settings.h"

#define PROFILE_NAME CL_TEST_WATCH_PROFILE
#define PASSPHRASE CL_TEST_WATCH_PASSPHRASE

typedef ClTestWatch Fixture;


/* Written in two parts with a pause between them, the file is signed only once it is
 * closed, once, within 2 s. */
static void
test_signed_once_complete (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *made = cl_test_make_image (fixture->images, "photo.jpg", "jpeg", 640, 480);
  g_autofree char *contents = NULL;
  g_autofree char *path = g_build_filename (fixture->in, "photo.jpg", NULL);
  g_autofree char *output = NULL;
  g_autoptr(GPtrArray) proofs = NULL;
  g_autoptr(ClProofCache) cache = NULL;
  ClProofFilter filter = { .kind = CL_PROOF_KIND_SIGNED };
  gsize len;
  FILE *file;
  gint64 complete_at;

  cl_test_watch_start_unlocked (fixture);
  g_assert_true (g_file_get_contents (made, &contents, &len, NULL));
  file = fopen (path, "wb");
  g_assert_nonnull (file);
  g_assert_cmpuint (fwrite (contents, 1, len / 2, file), ==, len / 2);
  g_assert_cmpint (fflush (file), ==, 0);
  /* Half written and still open: longer than the stable period, nothing happens. */
  cl_test_watch_iterate_until (NULL, 0, 3 * CL_WATCH_FOLDER_STABLE_MS);
  output = cl_watch_folder_output_path (fixture->out, path);
  g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (fixture->n_signed, ==, 0);

  g_assert_cmpuint (fwrite (contents + len / 2, 1, len - len / 2, file), ==, len - len / 2);
  g_assert_cmpint (fclose (file), ==, 0);
  complete_at = g_get_monotonic_time ();
  cl_test_watch_iterate_until (&fixture->n_signed, 1, 10000);
  g_assert_cmpuint (fixture->n_signed, ==, 1);
  g_test_message ("a file dropped into the folder is signed within %.2f s of being complete",
                  (fixture->last_signed_at - complete_at) / (double) G_USEC_PER_SEC);
  g_assert_cmpint (fixture->last_signed_at - complete_at, <, 2 * G_USEC_PER_SEC);

  /* Once: nothing more happens. */
  cl_test_watch_iterate_until (NULL, 0, 3 * CL_WATCH_FOLDER_STABLE_MS);
  g_assert_cmpuint (fixture->n_signed, ==, 1);
  g_assert_cmpuint (fixture->n_failed, ==, 0);
  cl_test_assert_valid_untrusted (output, "assertion.dataHash.match");
  g_assert_cmpuint (cl_test_watch_count_files (fixture->out), ==, 1);
  /* Logged in History: a signed proof in the proof cache. */
  cache = cl_proof_cache_open (fixture->proof_db, NULL);
  g_assert_nonnull (cache);
  proofs = cl_proof_cache_list (cache, &filter, NULL);
  g_assert_nonnull (proofs);
  g_assert_cmpuint (proofs->len, ==, 1);
}


/* A restarted job (a restarted app) does not sign again what is signed, and signs what
 * is new. */
static void
test_restart_no_double (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *first = NULL;
  g_autofree char *first_sha = NULL;
  g_autofree char *second = NULL;

  cl_test_watch_start_unlocked (fixture);
  first = cl_test_watch_drop_image (fixture, "first.jpg", 320, 240);
  cl_test_watch_iterate_until (&fixture->n_signed, 1, 10000);
  g_assert_cmpuint (fixture->n_signed, ==, 1);
  first_sha = cl_test_file_sha256 (first);

  cl_test_watch_new_job (fixture);
  cl_test_watch_start_unlocked (fixture);
  cl_test_watch_iterate_until (NULL, 0, 4 * CL_WATCH_FOLDER_STABLE_MS);
  g_assert_cmpuint (fixture->n_signed, ==, 0);
  {
    g_autofree char *again_sha = cl_test_file_sha256 (first);

    g_assert_cmpstr (again_sha, ==, first_sha);
  }

  second = cl_test_watch_drop_image (fixture, "second.jpg", 320, 240);
  cl_test_watch_iterate_until (&fixture->n_signed, 1, 10000);
  g_assert_cmpuint (fixture->n_signed, ==, 1);
  cl_test_watch_assert_signed (second);
  cl_test_watch_iterate_until (NULL, 0, 3 * CL_WATCH_FOLDER_STABLE_MS);
  g_assert_cmpuint (fixture->n_signed, ==, 1);
  g_assert_cmpuint (cl_test_watch_count_files (fixture->out), ==, 2);
}


/* Without the passphrase the job pauses and says why; unlocked, it signs what waited. */
static void
test_locked_pauses (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  guint unlocked = 0;

  g_assert_true (cl_watch_folder_job_start (fixture->job, fixture->in, fixture->out,
                                            PROFILE_NAME, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cl_watch_folder_job_get_state (fixture->job), ==, CL_WATCH_FOLDER_LOCKED);
  g_assert_nonnull (strstr (cl_watch_folder_job_get_status (fixture->job), PROFILE_NAME));
  g_assert_nonnull (strstr (cl_watch_folder_job_get_status (fixture->job), "locked"));

  output = cl_test_watch_drop_image (fixture, "waiting.jpg", 320, 240);
  cl_test_watch_iterate_until (NULL, 0, 4 * CL_WATCH_FOLDER_STABLE_MS);
  g_assert_cmpuint (fixture->n_signed, ==, 0);
  g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
  g_assert_cmpint (cl_watch_folder_job_get_state (fixture->job), ==, CL_WATCH_FOLDER_LOCKED);

  cl_watch_folder_job_unlock_async (fixture->job, PASSPHRASE, NULL, cl_test_watch_unlocked_cb,
                                    &unlocked);
  cl_test_watch_iterate_until (&fixture->n_signed, 1, 30000);
  g_assert_cmpuint (unlocked, ==, 1);
  g_assert_cmpuint (fixture->n_signed, ==, 1);
  cl_test_watch_assert_signed (output);
}


/* Files that are not images are skipped, said so, and are no error. */
static void
test_non_image_skipped (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *notes = g_build_filename (fixture->in, "notes.txt", NULL);
  g_autofree char *notes_out = cl_watch_folder_output_path (fixture->out, notes);
  g_autofree char *output = NULL;

  cl_test_watch_start_unlocked (fixture);
  g_assert_true (g_file_set_contents (notes, "shot list: dawn, harbour\n", -1, NULL));
  output = cl_test_watch_drop_image (fixture, "harbour.jpg", 320, 240);
  cl_test_watch_iterate_until (&fixture->n_signed, 1, 10000);
  cl_test_watch_iterate_until (NULL, 0, 3 * CL_WATCH_FOLDER_STABLE_MS);
  g_assert_cmpuint (fixture->n_signed, ==, 1);
  cl_test_watch_assert_signed (output);
  g_assert_cmpuint (fixture->skipped->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (fixture->skipped, 0), ==, "notes.txt");
  g_assert_false (g_file_test (notes_out, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (fixture->n_failed, ==, 0);
  g_assert_cmpint (cl_watch_folder_job_get_state (fixture->job), ==, CL_WATCH_FOLDER_WATCHING);
}


/* Stopping while a file is being signed cancels it and leaves nothing in the output
 * folder: no partial file, no temporary file. */
static void
test_stop_while_signing (Fixture       *fixture,
                         gconstpointer  data)
{
  cl_test_watch_start_unlocked (fixture);
  g_free (cl_test_watch_drop_image (fixture, "large.jpg", 4000, 3000));
  cl_test_watch_iterate_until (&fixture->n_started, 1, 10000);
  g_assert_cmpuint (fixture->n_started, ==, 1);
  g_assert_true (cl_watch_folder_job_is_busy (fixture->job));

  g_assert_true (cl_watch_folder_job_stop (fixture->job, 10000));
  g_assert_false (cl_watch_folder_job_is_busy (fixture->job));
  g_assert_cmpint (cl_watch_folder_job_get_state (fixture->job), ==, CL_WATCH_FOLDER_STOPPED);
  g_assert_cmpuint (fixture->n_signed, ==, 0);
  g_assert_cmpuint (fixture->n_failed, ==, 0);
  g_assert_cmpuint (cl_test_watch_count_files (fixture->out), ==, 0);
}


/* What a signing killed with the process left in the output folder (the signer's
 * temporary file, .NAME.credlink-XXXXXX) is removed when the watch starts again, once
 * old enough not to be another writer's. */
static void
test_stale_output_removed (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *stale = g_build_filename (fixture->out, ".killed.jpg.credlink-a1B2c3", NULL);
  g_autofree char *fresh = g_build_filename (fixture->out, ".other.jpg.credlink-d4E5f6", NULL);
  struct utimbuf two_hours_ago = { .actime = time (NULL) - 7200, .modtime = time (NULL) - 7200 };
  gboolean timed_out = FALSE;
  guint id;

  g_assert_cmpint (g_mkdir (fixture->out, 0700), ==, 0);
  g_assert_true (g_file_set_contents (stale, "half a signed file", -1, NULL));
  g_assert_cmpint (g_utime (stale, &two_hours_ago), ==, 0);
  g_assert_true (g_file_set_contents (fresh, "still being written", -1, NULL));
  cl_test_watch_start_unlocked (fixture);
  id = g_timeout_add (10000, cl_test_watch_timeout_cb, &timed_out);
  while (!timed_out && g_file_test (stale, G_FILE_TEST_EXISTS))
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (id);
  g_assert_true (g_file_test (fresh, G_FILE_TEST_EXISTS));
}


/* The GSettings switches start and stop the job. */
static void
test_settings_switch (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(ClWatchFolderSettings) binder = NULL;

  g_assert_true (g_settings_set_string (settings, "watch-folder-path", fixture->in));
  g_assert_true (g_settings_set_string (settings, "watch-folder-output", fixture->out));
  g_assert_true (g_settings_set_string (settings, "watch-folder-profile", PROFILE_NAME));
  binder = cl_watch_folder_settings_new (fixture->job, settings);
  g_assert_cmpint (cl_watch_folder_job_get_state (fixture->job), ==, CL_WATCH_FOLDER_STOPPED);

  g_assert_true (g_settings_set_boolean (settings, "job-watch-folder-enabled", TRUE));
  g_assert_cmpint (cl_watch_folder_job_get_state (fixture->job), ==, CL_WATCH_FOLDER_LOCKED);
  g_assert_true (g_file_test (fixture->out, G_FILE_TEST_IS_DIR));
  g_assert_true (g_settings_set_string (settings, "watch-folder-profile", "no-such-profile"));
  g_assert_cmpint (cl_watch_folder_job_get_state (fixture->job), ==, CL_WATCH_FOLDER_FAILED);
  g_assert_true (g_settings_set_string (settings, "watch-folder-profile", PROFILE_NAME));
  g_assert_cmpint (cl_watch_folder_job_get_state (fixture->job), ==, CL_WATCH_FOLDER_LOCKED);
  g_assert_true (g_settings_set_boolean (settings, "job-watch-folder-enabled", FALSE));
  g_assert_cmpint (cl_watch_folder_job_get_state (fixture->job), ==, CL_WATCH_FOLDER_STOPPED);

  cl_watch_folder_settings_unbind (binder);
  g_assert_true (g_settings_set_boolean (settings, "job-watch-folder-enabled", TRUE));
  g_assert_cmpint (cl_watch_folder_job_get_state (fixture->job), ==, CL_WATCH_FOLDER_STOPPED);
  g_settings_reset (settings, "job-watch-folder-enabled");
  g_settings_reset (settings, "watch-folder-path");
  g_settings_reset (settings, "watch-folder-output");
  g_settings_reset (settings, "watch-folder-profile");
}


int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/watch-folder/signed-once-complete", Fixture, NULL, cl_test_watch_set_up,
              test_signed_once_complete, cl_test_watch_tear_down);
  g_test_add ("/watch-folder/restart-no-double", Fixture, NULL, cl_test_watch_set_up,
              test_restart_no_double, cl_test_watch_tear_down);
  g_test_add ("/watch-folder/locked-pauses", Fixture, NULL, cl_test_watch_set_up,
              test_locked_pauses, cl_test_watch_tear_down);
  g_test_add ("/watch-folder/non-image-skipped", Fixture, NULL, cl_test_watch_set_up,
              test_non_image_skipped, cl_test_watch_tear_down);
  g_test_add ("/watch-folder/stop-while-signing", Fixture, NULL, cl_test_watch_set_up,
              test_stop_while_signing, cl_test_watch_tear_down);
  g_test_add ("/watch-folder/stale-output-removed", Fixture, NULL, cl_test_watch_set_up,
              test_stale_output_removed, cl_test_watch_tear_down);
  g_test_add ("/watch-folder/settings-switch", Fixture, NULL, cl_test_watch_set_up,
              test_settings_switch, cl_test_watch_tear_down);
  return g_test_run ();
}
