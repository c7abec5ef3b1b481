/* test-sign-batch.c: many images signed at once. ClSignQueue signs a batch on several
 * threads with one unlocked key: every output validates, a bad input fails alone, each
 * proof is in the cache; cancelled after the first image, the images not started report
 * cancelled and write nothing. A profile whose key is unlocked on a thread meanwhile signs
 * on every thread once it is; with a wrong passphrase every image fails, saying so, and
 * nothing is written. credlink-cli sign killed (SIGKILL) in the middle of a
 * batch leaves only complete outputs, and a rerun removes its stale temporary files and
 * signs each image not yet signed, once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <signal.h>
#include <string.h>
#include <utime.h>
#include <glib/gstdio.h>

#include "cl-error.h"
#include "cl-sign-queue.h"
#include "cl-signing-profile-store.h"
#include "cl-test-identity.h"
#include "cl-test-sign-util.h"
#include "cl-test-tmp.h"
#include "cl-validator.h"

#define N_IMAGES 12
#define N_KILLED 24

static char *work_dir;
static ClSigningProfile *profile;

typedef struct {
  GPtrArray *results;     /* ClSignResult or NULL, by index */
  GPtrArray *errors;      /* GError or NULL, by index */
  guint      n_done;
  gboolean   finished;
  gboolean   cancelled;
  GCancellable *cancel_after_first;
} Outcomes;


static void
file_done_cb (ClSignQueue  *queue,
              guint         index,
              ClSignResult *result,
              GError       *error,
              Outcomes     *outcomes)
{
  g_assert_true ((result == NULL) != (error == NULL));
  g_assert_null (g_ptr_array_index (outcomes->results, index));
  g_assert_null (g_ptr_array_index (outcomes->errors, index));
  if (result != NULL)
    g_ptr_array_index (outcomes->results, index) = g_strdup (result->manifest_label);
  else
    g_ptr_array_index (outcomes->errors, index) = g_error_copy (error);
  outcomes->n_done++;
  if (outcomes->cancel_after_first != NULL)
    g_cancellable_cancel (outcomes->cancel_after_first);
}


static void
run_done_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Outcomes *outcomes = user_data;
  g_autoptr(GError) error = NULL;

  outcomes->cancelled = !cl_sign_queue_run_finish (CL_SIGN_QUEUE (source), result, &error);
  if (outcomes->cancelled)
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  outcomes->finished = TRUE;
}


static void
free_error (gpointer error)
{
  if (error != NULL)
    g_error_free (error);
}


static void
run_queue (ClSignQueue  *queue,
           Outcomes     *outcomes,
           GCancellable *cancellable)
{
  guint n = cl_sign_queue_get_n_files (queue);

  outcomes->results = g_ptr_array_new_full (n, g_free);
  outcomes->errors = g_ptr_array_new_full (n, free_error);
  g_ptr_array_set_size (outcomes->results, n);
  g_ptr_array_set_size (outcomes->errors, n);
  g_signal_connect (queue, "file-done", G_CALLBACK (file_done_cb), outcomes);
  cl_sign_queue_run_async (queue, cancellable, run_done_cb, outcomes);
  while (!outcomes->finished)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (outcomes->n_done, ==, n);
}


static void
outcomes_clear (Outcomes *outcomes)
{
  g_clear_pointer (&outcomes->results, g_ptr_array_unref);
  g_clear_pointer (&outcomes->errors, g_ptr_array_unref);
}


/* The active manifest of path, which must validate with nothing but an untrusted
 * signer against it. */
static char *
validated_label (const char *path)
{
  ClValidatorOptions options = { .skip_file_sha256 = TRUE };
  g_autoptr(GError) error = NULL;
  g_autoptr(ClValidationReport) report = cl_validator_verify_file (path, &options, NULL,
                                                                   &error);

  g_assert_no_error (error);
  g_assert_true (report->has_manifest);
  g_assert_cmpint (report->state, ==, CL_VALIDATION_STATE_VALID);
  return g_strdup (report->active_label);
}


static void
test_queue (void)
{
  g_autofree char *in_dir = g_build_filename (work_dir, "queue-in", NULL);
  g_autofree char *out_dir = g_build_filename (work_dir, "queue-out", NULL);
  g_autofree char *db = g_build_filename (work_dir, "queue-proofs.db", NULL);
  g_autofree char *junk = g_build_filename (in_dir, "junk.jpg", NULL);
  g_autoptr(ClSignQueue) queue = NULL;
  g_autoptr(ClProofCache) cache = NULL;
  g_autoptr(GPtrArray) proofs = NULL;
  g_autoptr(GError) error = NULL;
  ClProofFilter filter = CL_PROOF_FILTER_INIT;
  ClSignOptions options = { .author = "Batch Tester" };
  Outcomes outcomes = { 0, };
  guint junk_index;

  g_assert_cmpint (g_mkdir_with_parents (in_dir, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (out_dir, 0700), ==, 0);
  cache = cl_proof_cache_open (db, &error);
  g_assert_no_error (error);
  queue = cl_sign_queue_new (profile, &options, 0);
  cl_sign_queue_set_proof_cache (queue, cache);
  for (guint i = 0; i < N_IMAGES; i++) {
    g_autofree char *name = g_strdup_printf ("photo-%02u.%s", i, i % 3 == 2 ? "png" : "jpg");
    g_autofree char *input = cl_test_make_image (in_dir, name, i % 3 == 2 ? "png" : "jpeg",
                                                 200 + (int) i, 150);
    g_autofree char *output = g_build_filename (out_dir, name, NULL);

    g_assert_cmpuint (cl_sign_queue_add (queue, input, output), ==, i);
  }
  g_assert_true (g_file_set_contents (junk, "not an image", -1, NULL));
  junk_index = cl_sign_queue_add (queue, junk, "junk-signed.jpg");
  run_queue (queue, &outcomes, NULL);

  g_assert_false (outcomes.cancelled);
  for (guint i = 0; i < N_IMAGES; i++) {
    g_autofree char *name = g_strdup_printf ("photo-%02u.%s", i, i % 3 == 2 ? "png" : "jpg");
    g_autofree char *output = g_build_filename (out_dir, name, NULL);
    g_autofree char *label = validated_label (output);

    g_assert_null (g_ptr_array_index (outcomes.errors, i));
    g_assert_cmpstr (label, ==, g_ptr_array_index (outcomes.results, i));
  }
  /* The bad input fails on its own, with its reason. */
  g_assert_null (g_ptr_array_index (outcomes.results, junk_index));
  g_assert_nonnull (strstr (((GError *) g_ptr_array_index (outcomes.errors, junk_index))->message,
                            "junk.jpg"));
  g_assert_false (g_file_test ("junk-signed.jpg", G_FILE_TEST_EXISTS));

  /* One signed proof per image, from the threads sharing the cache. */
  filter.any_kind = FALSE;
  filter.kind = CL_PROOF_KIND_SIGNED;
  proofs = cl_proof_cache_list (cache, &filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (proofs->len, ==, N_IMAGES);
  outcomes_clear (&outcomes);
}


#define N_UNLOCKING 4

/* Signs N_UNLOCKING images with the stored profile, its key unlocked with passphrase on
 * a thread while the queue's two threads read the images, into outcomes. */
static void
sign_while_unlocking (const char *root,
                      const char *passphrase,
                      const char *out_name,
                      Outcomes   *outcomes)
{
  g_autofree char *out_dir = g_build_filename (work_dir, out_name, NULL);
  g_autoptr(ClSigningProfile) unlocking = NULL;
  g_autoptr(ClSignQueue) queue = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  ClSignOptions options = { 0, };
  gboolean usable;

  unlocking = cl_signing_profile_store_load_unlocking (root, "batch", passphrase, &error);
  g_assert_no_error (error);
  /* Not locked: its key is on its way. */
  problems = cl_signing_profile_check (unlocking, now, &usable);
  for (guint i = 0; i < problems->len; i++)
    g_assert_false (g_array_index (problems, ClSigningProfileProblem, i).key_locked);
  g_assert_cmpint (g_mkdir_with_parents (out_dir, 0700), ==, 0);
  queue = cl_sign_queue_new (unlocking, &options, 2);
  for (guint i = 0; i < N_UNLOCKING; i++) {
    g_autofree char *name = g_strdup_printf ("unlocking-%u.jpg", i);
    g_autofree char *input = cl_test_make_image (work_dir, name, "jpeg", 320, 240);
    g_autofree char *output = g_build_filename (out_dir, name, NULL);

    cl_sign_queue_add (queue, input, output);
  }
  run_queue (queue, outcomes, NULL);
}


static void
test_key_unlocked_meanwhile (void)
{
  g_autofree char *root = g_build_filename (work_dir, "profiles", NULL);
  g_autoptr(GError) error = NULL;
  Outcomes right = { 0, };
  Outcomes wrong = { 0, };

  cl_signing_profile_store_save (root, profile, "right horse", &error);
  g_assert_no_error (error);

  sign_while_unlocking (root, "right horse", "unlocked", &right);
  for (guint i = 0; i < N_UNLOCKING; i++) {
    g_autofree char *output = g_strdup_printf ("%s/unlocked/unlocking-%u.jpg", work_dir, i);
    g_autofree char *label = validated_label (output);

    g_assert_null (g_ptr_array_index (right.errors, i));
    g_assert_cmpstr (label, ==, g_ptr_array_index (right.results, i));
  }

  sign_while_unlocking (root, "wrong horse", "not-unlocked", &wrong);
  for (guint i = 0; i < N_UNLOCKING; i++) {
    g_autofree char *output = g_strdup_printf ("%s/not-unlocked/unlocking-%u.jpg", work_dir, i);
    GError *failure = g_ptr_array_index (wrong.errors, i);

    g_assert_error (failure, CL_SIGN_ERROR, CL_SIGN_ERROR_PASSPHRASE);
    g_assert_nonnull (strstr (failure->message, "Wrong passphrase"));
    g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
  }
  outcomes_clear (&right);
  outcomes_clear (&wrong);
}


static void
test_queue_cancel (void)
{
  g_autofree char *in_dir = g_build_filename (work_dir, "cancel-in", NULL);
  g_autofree char *out_dir = g_build_filename (work_dir, "cancel-out", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(ClSignQueue) queue = NULL;
  ClSignOptions options = { 0, };
  Outcomes outcomes = { .cancel_after_first = cancellable };
  guint n_signed = 0, n_cancelled = 0;

  g_assert_cmpint (g_mkdir_with_parents (in_dir, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (out_dir, 0700), ==, 0);
  /* Two threads: when the first image is done, at most one other is under way. */
  queue = cl_sign_queue_new (profile, &options, 2);
  for (guint i = 0; i < N_IMAGES; i++) {
    g_autofree char *name = g_strdup_printf ("photo-%02u.jpg", i);
    g_autofree char *input = cl_test_make_image (in_dir, name, "jpeg", 400, 300);
    g_autofree char *output = g_build_filename (out_dir, name, NULL);

    cl_sign_queue_add (queue, input, output);
  }
  run_queue (queue, &outcomes, cancellable);

  g_assert_true (outcomes.cancelled);
  for (guint i = 0; i < N_IMAGES; i++) {
    g_autofree char *name = g_strdup_printf ("photo-%02u.jpg", i);
    g_autofree char *output = g_build_filename (out_dir, name, NULL);
    GError *error = g_ptr_array_index (outcomes.errors, i);

    if (error == NULL) {
      g_autofree char *label = validated_label (output);

      n_signed++;
    } else {
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
      n_cancelled++;
    }
  }
  g_assert_cmpuint (n_signed, >=, 1);
  g_assert_cmpuint (n_signed, <=, 2);
  g_assert_cmpuint (n_cancelled, ==, N_IMAGES - n_signed);
  /* Nothing half written either. */
  {
    g_autoptr(GDir) dir = g_dir_open (out_dir, 0, NULL);
    const char *name;
    guint n_files = 0;

    while ((name = g_dir_read_name (dir)) != NULL)
      n_files++;
    g_assert_cmpuint (n_files, ==, n_signed);
  }
  outcomes_clear (&outcomes);
}


/* The names in folder: visible ones in *outputs, temporary ones (".NAME.credlink-…") in
 * *temporaries. */
static void
list_folder (const char  *folder,
             GPtrArray  **outputs,
             GPtrArray  **temporaries)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  *outputs = g_ptr_array_new_with_free_func (g_free);
  *temporaries = g_ptr_array_new_with_free_func (g_free);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL) {
    if (name[0] == '.') {
      g_assert_nonnull (strstr (name, ".credlink-"));
      g_ptr_array_add (*temporaries, g_build_filename (folder, name, NULL));
    } else {
      g_ptr_array_add (*outputs, g_strdup (name));
    }
  }
}


static GSubprocess *
spawn_cli (GStrv          inputs,
           const char    *out_dir,
           const char    *data_dir,
           GError       **error)
{
  const char *cli = g_getenv ("CREDLINK_CLI");
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) argv = NULL;

  g_strv_builder_add_many (builder, cli, "sign", "--no-proof-cache", "--profile", "batch",
                           "--jobs", "2", "-o", out_dir, NULL);
  g_strv_builder_addv (builder, (const char **) inputs);
  argv = g_strv_builder_end (builder);
  g_subprocess_launcher_setenv (launcher, "CREDLINK_DATA_DIR", data_dir, TRUE);
  g_subprocess_launcher_setenv (launcher, "CREDLINK_PASSPHRASE", "correct horse", TRUE);
  return g_subprocess_launcher_spawnv (launcher, (const char * const *) argv, error);
}


static void
test_cli_killed (void)
{
  const char *cli = g_getenv ("CREDLINK_CLI");
  g_autofree char *in_dir = g_build_filename (work_dir, "killed-in", NULL);
  g_autofree char *out_dir = g_build_filename (work_dir, "killed-out", NULL);
  g_autofree char *data_dir = g_build_filename (work_dir, "data", NULL);
  g_autofree char *root = g_build_filename (data_dir, "profiles", NULL);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GSubprocess) run = NULL;
  g_autoptr(GSubprocess) rerun = NULL;
  g_autoptr(GDataInputStream) lines = NULL;
  g_autoptr(GPtrArray) outputs = NULL;
  g_autoptr(GPtrArray) temporaries = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) inputs = NULL;
  guint n_newly_signed = 0;

  if (cli == NULL) {
    g_test_skip ("CREDLINK_CLI is not set");
    return;
  }
  g_assert_true (cl_signing_profile_store_save (root, profile, "correct horse", &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir_with_parents (in_dir, 0700), ==, 0);
  for (guint i = 0; i < N_KILLED; i++) {
    g_autofree char *name = g_strdup_printf ("frame-%02u.jpg", i);
    g_autofree char *input = cl_test_make_image (in_dir, name, "jpeg", 1200, 900);

    g_strv_builder_add (builder, input);
  }
  inputs = g_strv_builder_end (builder);

  /* Killed once the first image is reported: the others are under way or waiting. */
  run = spawn_cli (inputs, out_dir, data_dir, &error);
  g_assert_no_error (error);
  lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (run));
  line = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (line);
  g_assert_true (g_str_has_prefix (line, "[1/"));
  g_subprocess_send_signal (run, SIGKILL);
  g_subprocess_wait (run, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (g_subprocess_get_if_exited (run));

  /* What has its name is complete; the rest are hidden temporary files at most. */
  list_folder (out_dir, &outputs, &temporaries);
  g_test_message ("killed with %u images signed and %u temporary files", outputs->len,
                  temporaries->len);
  g_assert_cmpuint (outputs->len, >=, 1);
  g_assert_cmpuint (outputs->len, <, N_KILLED);
  g_assert_cmpuint (temporaries->len, <=, 2);
  for (guint i = 0; i < outputs->len; i++) {
    g_autofree char *path = g_build_filename (out_dir, g_ptr_array_index (outputs, i), NULL);
    g_autofree char *label = validated_label (path);
  }
  /* Left long enough, a killed signer's temporary files count as stale. */
  for (guint i = 0; i < temporaries->len; i++) {
    struct utimbuf old = { time (NULL) - 3600, time (NULL) - 3600 };

    g_assert_cmpint (g_utime (g_ptr_array_index (temporaries, i), &old), ==, 0);
  }
  before = g_steal_pointer (&outputs);

  /* The rerun signs each image not signed yet, and only those. */
  rerun = spawn_cli (inputs, out_dir, data_dir, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (rerun, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  for (const char *p = out; (p = strstr (p, ": signed urn:c2pa:")) != NULL; p++)
    n_newly_signed++;
  g_assert_cmpuint (n_newly_signed, ==, N_KILLED - before->len);
  for (guint i = 0; i < before->len; i++)
    g_assert_nonnull (strstr (err, g_ptr_array_index (before, i)));
  g_clear_pointer (&temporaries, g_ptr_array_unref);
  list_folder (out_dir, &outputs, &temporaries);
  g_assert_cmpuint (outputs->len, ==, N_KILLED);
  g_assert_cmpuint (temporaries->len, ==, 0);
  for (guint i = 0; i < outputs->len; i++) {
    g_autofree char *path = g_build_filename (out_dir, g_ptr_array_index (outputs, i), NULL);
    g_autofree char *label = validated_label (path);
  }
}


int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  work_dir = cl_test_tmp_dir_new ("credlink-sign-batch", CL_TEST_TMP_UNTIL_EXIT);
  profile = cl_test_identity_create ("batch", CL_COSE_ALG_ES256, NULL, NULL, &error);
  g_assert_no_error (error);
  g_test_add_func ("/sign-batch/queue", test_queue);
  g_test_add_func ("/sign-batch/queue-cancel", test_queue_cancel);
  g_test_add_func ("/sign-batch/key-unlocked-meanwhile", test_key_unlocked_meanwhile);
  g_test_add_func ("/sign-batch/cli-killed", test_cli_killed);
  status = g_test_run ();
  cl_signing_profile_unref (profile);
  g_free (work_dir);
  return status;
}
