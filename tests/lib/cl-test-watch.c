/* cl-test-watch.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "cl-asset.h"
#include "cl-signing-profile-store.h"
#include "cl-test-sign-util.h"
#include "cl-test-signing.h"
#include "cl-test-tmp.h"
#include "cl-test-watch.h"

#define PROFILE_NAME CL_TEST_WATCH_PROFILE
#define PASSPHRASE CL_TEST_WATCH_PASSPHRASE



static void
file_signed_cb (ClWatchFolderJob *job,
                const char       *input,
                const char       *output,
                ClTestWatch          *fixture)
{
  fixture->n_signed++;
  fixture->last_signed_at = g_get_monotonic_time ();
}


static void
file_started_cb (ClWatchFolderJob *job,
                 const char       *input,
                 ClTestWatch          *fixture)
{
  fixture->n_started++;
}


static void
file_skipped_cb (ClWatchFolderJob *job,
                 const char       *input,
                 const char       *reason,
                 ClTestWatch          *fixture)
{
  g_assert_nonnull (reason);
  g_ptr_array_add (fixture->skipped, g_path_get_basename (input));
}


static void
file_failed_cb (ClWatchFolderJob *job,
                const char       *input,
                const char       *message,
                ClTestWatch          *fixture)
{
  g_test_message ("failed: %s: %s", input, message);
  fixture->n_failed++;
}


void
cl_test_watch_new_job (ClTestWatch *fixture)
{
  if (fixture->job != NULL) {
    g_assert_true (cl_watch_folder_job_stop (fixture->job, 10000));
    g_clear_object (&fixture->job);
  }
  fixture->job = cl_watch_folder_job_new (fixture->profiles, fixture->proof_db);
  fixture->n_signed = 0;
  g_signal_connect (fixture->job, "file-signed", G_CALLBACK (file_signed_cb), fixture);
  g_signal_connect (fixture->job, "file-started", G_CALLBACK (file_started_cb), fixture);
  g_signal_connect (fixture->job, "file-skipped", G_CALLBACK (file_skipped_cb), fixture);
  g_signal_connect (fixture->job, "file-failed", G_CALLBACK (file_failed_cb), fixture);
}


void
cl_test_watch_init_at (ClTestWatch *fixture,
                       const char  *dir)
{
  fixture->dir = g_strdup (dir);
  fixture->profiles = g_build_filename (dir, "profiles", NULL);
  fixture->in = g_build_filename (dir, "export", NULL);
  fixture->out = g_build_filename (dir, "signed", NULL);
  fixture->images = g_build_filename (dir, "images", NULL);
  fixture->proof_db = g_build_filename (dir, "proofs.db", NULL);
  fixture->skipped = g_ptr_array_new_with_free_func (g_free);
  cl_test_watch_new_job (fixture);
}


void
cl_test_watch_set_up (ClTestWatch   *fixture,
                      gconstpointer  data)
{
  g_autoptr(ClSigningProfile) profile = cl_test_signing_profile_new (PROFILE_NAME,
                                                                     CL_COSE_ALG_ES256);
  g_autofree char *dir = cl_test_tmp_dir_new ("watch-folder", CL_TEST_TMP_UNTIL_REMOVED);
  g_autoptr(GError) error = NULL;

  cl_test_watch_init_at (fixture, dir);
  g_assert_cmpint (g_mkdir (fixture->in, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (fixture->images, 0700), ==, 0);
  cl_signing_profile_store_save (fixture->profiles, profile, PASSPHRASE, &error);
  g_assert_no_error (error);
}


void
cl_test_watch_tear_down (ClTestWatch   *fixture,
                         gconstpointer  data)
{
  g_assert_true (cl_watch_folder_job_stop (fixture->job, 10000));
  g_clear_object (&fixture->job);
  g_free (fixture->proof_db);
  g_ptr_array_unref (fixture->skipped);
  cl_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->profiles);
  g_free (fixture->in);
  g_free (fixture->out);
  g_free (fixture->images);
}


gboolean
cl_test_watch_timeout_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}


void
cl_test_watch_iterate_until (guint *counter,
                             guint  target,
                             guint  timeout_ms)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (timeout_ms, cl_test_watch_timeout_cb, &timed_out);

  while (!timed_out && (counter == NULL || *counter < target))
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
}


void
cl_test_watch_unlocked_cb (GObject      *source,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (cl_watch_folder_job_unlock_finish (CL_WATCH_FOLDER_JOB (source), result,
                                                    &error));
  g_assert_no_error (error);
  (*(guint *) user_data)++;
}


void
cl_test_watch_start_unlocked (ClTestWatch *fixture)
{
  g_autoptr(GError) error = NULL;
  guint unlocked = 0;

  g_assert_true (cl_watch_folder_job_start (fixture->job, fixture->in, fixture->out,
                                            PROFILE_NAME, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cl_watch_folder_job_get_state (fixture->job), ==, CL_WATCH_FOLDER_LOCKED);
  cl_watch_folder_job_unlock_async (fixture->job, PASSPHRASE, NULL, cl_test_watch_unlocked_cb,
                                    &unlocked);
  cl_test_watch_iterate_until (&unlocked, 1, 30000);
  g_assert_cmpuint (unlocked, ==, 1);
  g_assert_cmpint (cl_watch_folder_job_get_state (fixture->job), ==, CL_WATCH_FOLDER_WATCHING);
}


/* Puts a copy of a test image into the watched folder in one go (written beside it and
 * renamed in, as exporters do). */
char *
cl_test_watch_drop_image (ClTestWatch *fixture,
                          const char  *name,
                          int          width,
                          int          height)
{
  g_autofree char *made = cl_test_make_image (fixture->images, name, "jpeg", width, height);
  g_autofree char *contents = NULL;
  g_autofree char *path = g_build_filename (fixture->in, name, NULL);
  gsize len;

  g_assert_true (g_file_get_contents (made, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (path, contents, len, NULL));
  return cl_watch_folder_output_path (fixture->out, path);
}


void
cl_test_watch_assert_signed (const char *output)
{
  g_autoptr(ClAssetInfo) info = cl_asset_read_file (output, NULL, NULL);

  g_assert_nonnull (info);
  g_assert_nonnull (info->store);
}


guint
cl_test_watch_count_files (const char *dir_path)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;
  return n;
}
