/* test-lifecycle.c: the real credlink binary, with a background job held
 * mid-run (CREDLINK_TEST_HOLD_JOB=1), exits with status 0 within 5 s of
 * SIGTERM or SIGINT, after cancelling the job and closing its services in
 * order. Needs a display: tests run under xvfb-run.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <signal.h>
#include <gio/gio.h>
#include <sqlite3.h>

#include "cl-proof-cache.h"
#include "cl-test-tmp.h"

typedef struct
{
  GSubprocess      *process;
  GDataInputStream *log_lines;
  GPtrArray        *lines;
  gboolean          eof;
  gboolean          exited;
} App;


static void
line_cb (GObject      *source_object,
         GAsyncResult *result,
         gpointer      user_data)
{
  App *app = user_data;
  g_autoptr(GError) error = NULL;
  char *line = g_data_input_stream_read_line_finish_utf8 (G_DATA_INPUT_STREAM (source_object),
                                                          result, NULL, &error);

  if (line == NULL) {
    if (error != NULL)
      g_test_message ("reading the application's log failed: %s", error->message);
    app->eof = TRUE;
    return;
  }
  g_test_message ("app: %s", line);
  g_ptr_array_add (app->lines, line);
  g_data_input_stream_read_line_async (app->log_lines, G_PRIORITY_DEFAULT, NULL, line_cb, app);
}


static void
exited_cb (GObject      *source_object,
           GAsyncResult *result,
           gpointer      user_data)
{
  App *app = user_data;

  g_subprocess_wait_finish (G_SUBPROCESS (source_object), result, NULL);
  app->exited = TRUE;
}


static gboolean
has_line (App        *app,
          const char *part)
{
  for (guint i = 0; i < app->lines->len; i++) {
    if (strstr (g_ptr_array_index (app->lines, i), part) != NULL)
      return TRUE;
  }
  return FALSE;
}


/* Iterates the default context until @done (checked after each iteration) or @timeout_s. */
static gboolean
spin_until (App       *app,
            gboolean (*done) (App *app),
            guint      timeout_s)
{
  gint64 give_up = g_get_monotonic_time () + (gint64) timeout_s * G_USEC_PER_SEC;

  while (!done (app)) {
    if (g_get_monotonic_time () > give_up)
      return FALSE;
    g_main_context_iteration (NULL, FALSE);
    g_usleep (2000);
  }
  return TRUE;
}


static gboolean
job_started (App *app)
{
  return has_line (app, "Job test-hold started") || app->exited;
}


static gboolean
finished (App *app)
{
  return app->exited && app->eof;
}


static void
assert_in_order (App                *app,
                 const char * const *expected)
{
  guint line = 0;

  for (guint i = 0; expected[i] != NULL; i++) {
    while (line < app->lines->len && strstr (g_ptr_array_index (app->lines, line),
                                             expected[i]) == NULL)
      line++;
    if (line == app->lines->len)
      g_error ("The application did not log “%s” (in this order)", expected[i]);
    line++;
  }
}


static void
test_quit_on_signal (gconstpointer data)
{
  int signal_number = GPOINTER_TO_INT (data);
  g_autofree char *data_home = cl_test_tmp_dir_new ("credlink-lifecycle",
                                                    CL_TEST_TMP_UNTIL_CASE_ENDS);
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GError) error = NULL;
  App app = { NULL, };
  gint64 signalled;
  gint64 elapsed;
  g_autofree char *db_path = NULL;
  g_autofree char *db_dir = NULL;
  g_autofree char *proof_id = NULL;
  const char *expected[] = {
    signal_number == SIGTERM ? "Received SIGTERM; quitting" : "Received SIGINT; quitting",
    "Closing services (7) within 5000 ms",
    "Closing service scheduler",
    "Cancelling job test-hold",
    "Job test-hold cancelled",
    "Scheduler stopped",
    "Closing service http-session",
    "All services closed",
    NULL,
  };

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL) {
    g_test_skip ("No display (run the tests under xvfb-run)");
    return;
  }

  /* GLib writes info and debug lines to stdout, messages and warnings to stderr. */
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_MERGE);
  g_subprocess_launcher_setenv (launcher, "CREDLINK_TEST_HOLD_JOB", "1", TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", data_home, TRUE);
  g_subprocess_launcher_setenv (launcher, "G_MESSAGES_DEBUG",
                                "cl-application cl-service-registry cl-scheduler", TRUE);
  /* A proof cache with one live proof: it must come out of the shutdown intact. */
  db_path = g_build_filename (data_home, "credlink", "proofs.db", NULL);
  g_assert_cmpint (g_mkdir_with_parents (db_dir = g_path_get_dirname (db_path), 0700), ==, 0);
  {
    g_autoptr(ClProofCache) cache = cl_proof_cache_open (db_path, &error);
    g_autoptr(ClProof) proof = cl_proof_new (CL_PROOF_KIND_VERIFIED);

    g_assert_no_error (error);
    proof->content_hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, "live", -1);
    proof->verdict = CL_PROOF_VERDICT_NO_MANIFEST;
    g_assert_true (cl_proof_cache_store (cache, proof, 30, NULL, &error));
    proof_id = g_strdup (proof->id);
    g_assert_true (cl_proof_cache_close (cache, &error));
  }

  app.lines = g_ptr_array_new_with_free_func (g_free);
  app.process = g_subprocess_launcher_spawn (launcher, &error, CREDLINK_APP_PATH, NULL);
  g_assert_no_error (error);
  app.log_lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (app.process));
  g_data_input_stream_read_line_async (app.log_lines, G_PRIORITY_DEFAULT, NULL, line_cb, &app);
  g_subprocess_wait_async (app.process, NULL, exited_cb, &app);

  if (!spin_until (&app, job_started, 60) || app.exited) {
    g_subprocess_force_exit (app.process);
    spin_until (&app, finished, 10);
    g_error ("The application did not start its test job");
  }

  signalled = g_get_monotonic_time ();
  g_subprocess_send_signal (app.process, signal_number);
  if (!spin_until (&app, finished, 10)) {
    g_subprocess_force_exit (app.process);
    spin_until (&app, finished, 10);
    g_error ("The application did not exit within 10 s of the signal");
  }
  elapsed = g_get_monotonic_time () - signalled;
  g_test_message ("exited %.1f ms after the signal", elapsed / 1000.0);

  g_assert_true (g_subprocess_get_if_exited (app.process));
  g_assert_cmpint (g_subprocess_get_exit_status (app.process), ==, 0);
  g_assert_cmpint (elapsed, <, 5 * G_USEC_PER_SEC);
  assert_in_order (&app, expected);
  g_assert_false (has_line (&app, "did not close cleanly"));

  /* The database the background jobs used is whole and still holds the proof. */
  {
    sqlite3 *db = NULL;
    sqlite3_stmt *stmt = NULL;
    g_autoptr(ClProofCache) cache = NULL;
    g_autoptr(ClProof) proof = NULL;

    g_assert_cmpint (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==,
                     SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
    sqlite3_finalize (stmt);
    sqlite3_close (db);
    cache = cl_proof_cache_open (db_path, &error);
    g_assert_no_error (error);
    proof = cl_proof_cache_get (cache, proof_id, &error);
    g_assert_no_error (error);
    g_assert_nonnull (proof);
  }

  g_object_unref (app.log_lines);
  g_object_unref (app.process);
  g_ptr_array_unref (app.lines);
}


int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/lifecycle/sigterm", GINT_TO_POINTER (SIGTERM), test_quit_on_signal);
  g_test_add_data_func ("/lifecycle/sigint", GINT_TO_POINTER (SIGINT), test_quit_on_signal);

  return g_test_run ();
}
