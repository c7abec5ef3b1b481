/* test-proof-cache-concurrency.c: the proof cache on a real SQLite file in a temporary
 * folder, written at once by several threads and by two processes, and by a process
 * killed again and again in the middle of its writes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cl-proof-cache.h"
#include "cl-test-proofs.h"


/* One ClProofCache shared by several threads: its mutex serialises them. */
typedef struct {
  ClProofCache *cache;
  guint         thread;
} ThreadJob;

#define N_THREADS 4
#define N_PER_THREAD 40


static gpointer
thread_writer (gpointer data)
{
  ThreadJob *job = data;
  guint i;

  for (i = 0; i < N_PER_THREAD; i++) {
    g_autofree char *content = g_strdup_printf ("thread-%u-%u", job->thread, i);
    g_autoptr(ClProof) proof = cl_test_proof_verified (content, "urn:c2pa:threads", 0);
    g_autoptr(GPtrArray) listed = NULL;
    g_autoptr(GError) error = NULL;

    if (!cl_proof_cache_store (job->cache, proof, 30, NULL, &error))
      return g_strdup (error->message);
    listed = cl_proof_cache_lookup_manifest_label (job->cache, "urn:c2pa:threads", &error);
    if (listed == NULL)
      return g_strdup (error->message);
  }

  return NULL;
}


static void
test_threads_share_one_cache (ClTestProofCacheFixture *fixture,
                              gconstpointer            data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClProofCache) cache = cl_proof_cache_open (fixture->path, &error);
  ThreadJob jobs[N_THREADS];
  GThread *threads[N_THREADS];
  guint i;

  g_assert_no_error (error);
  for (i = 0; i < N_THREADS; i++) {
    jobs[i].cache = cache;
    jobs[i].thread = i;
    threads[i] = g_thread_new ("proof-writer", thread_writer, &jobs[i]);
  }
  for (i = 0; i < N_THREADS; i++) {
    g_autofree char *failure = g_thread_join (threads[i]);

    g_assert_cmpstr (failure, ==, NULL);
  }

  g_assert_cmpint (cl_test_sqlite_int (fixture->path, "SELECT count(*) FROM proofs"), ==,
                   N_THREADS * N_PER_THREAD);
}


/* A forked child inherits GLib's random generator, and g_uuid_string_random() draws from it:
 * without a new seed, every child would make the same UUIDs as its siblings. */
static void
reseed_after_fork (void)
{
  g_autoptr(GRand) fresh = g_rand_new (); /* seeded from /dev/urandom */

  g_random_set_seed (g_rand_int (fresh));
}


/* Two processes, each with its own connection, writing the same fresh database at once. */
#define N_PER_PROCESS 150


static int
writer_process (const char *path,
                guint       writer,
                int         start_fd)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClProofCache) cache = NULL;
  char go;
  guint i;

  reseed_after_fork ();
  if (read (start_fd, &go, 1) != 1)
    return 2;

  cache = cl_proof_cache_open (path, &error);
  if (cache == NULL) {
    g_printerr ("writer %u: %s\n", writer, error->message);
    return 3;
  }

  for (i = 0; i < N_PER_PROCESS; i++) {
    g_autofree char *content = g_strdup_printf ("writer-%u-%u", writer, i);
    g_autoptr(ClProof) proof = cl_test_proof_verified (content, "urn:c2pa:writer", 0);
    g_autoptr(ClProof) shared = cl_test_proof_verified ("shared", "urn:c2pa:shared", 0);

    if (!cl_proof_cache_store (cache, proof, 30, NULL, &error) ||
        (i % 5 == 0 && !cl_proof_cache_store (cache, shared, 30, NULL, &error))) {
      g_printerr ("writer %u: %s\n", writer, error->message);
      return 4;
    }
  }

  return cl_proof_cache_close (cache, NULL) ? 0 : 5;
}


static void
test_two_processes (ClTestProofCacheFixture *fixture,
                    gconstpointer            data)
{
  int barrier[2];
  pid_t pids[2];
  guint i;

  g_assert_cmpint (pipe (barrier), ==, 0);
  for (i = 0; i < 2; i++) {
    fflush (stdout);
    fflush (stderr);
    pids[i] = fork ();
    g_assert_cmpint (pids[i], >=, 0);
    if (pids[i] == 0) {
      close (barrier[1]);
      _exit (writer_process (fixture->path, i, barrier[0]));
    }
  }
  close (barrier[0]);
  g_assert_cmpint (write (barrier[1], "go", 2), ==, 2);
  close (barrier[1]);

  for (i = 0; i < 2; i++) {
    int status = 0;

    g_assert_cmpint (waitpid (pids[i], &status, 0), ==, pids[i]);
    g_assert_true (WIFEXITED (status));
    g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  }

  g_assert_cmpint (cl_test_sqlite_int (fixture->path,
                                       "SELECT count(*) FROM proofs WHERE manifest_label ="
                                       " 'urn:c2pa:writer'"), ==, 2 * N_PER_PROCESS);
  /* How often the writers took turns: the file was really written by both at once. */
  g_test_message ("the writers alternated %" G_GINT64_FORMAT " times",
                  cl_test_sqlite_int (fixture->path,
                                      "SELECT count(*) FROM (SELECT substr (source_name, 1, 8)"
                                      " AS w, lag (substr (source_name, 1, 8)) OVER (ORDER BY"
                                      " rowid) AS p FROM proofs WHERE manifest_label ="
                                      " 'urn:c2pa:writer') WHERE w != p"));
  /* Both upserted the same proof: still one row. */
  g_assert_cmpint (cl_test_sqlite_int (fixture->path,
                                       "SELECT count(*) FROM proofs WHERE manifest_label ="
                                       " 'urn:c2pa:shared'"), ==, 1);
}


/* Crash safety: a child stores proofs in a loop and reports each id on a pipe once its
 * commit returned; it is killed with SIGKILL at a random moment, 50 times over. */
#define CRASH_ROUNDS 50


G_GNUC_NORETURN static void
crash_child (const char *path,
             int         out_fd)
{
  g_autoptr(GError) error = NULL;
  ClProofCache *cache;
  guint i;

  reseed_after_fork ();
  cache = cl_proof_cache_open (path, &error);
  if (cache == NULL) {
    g_autofree char *line = g_strdup_printf ("E %s\n", error->message);

    if (write (out_fd, line, strlen (line)) < 0)
      _exit (2);
    _exit (3);
  }

  for (i = 0;; i++) {
    g_autofree char *content = g_strdup_printf ("crash-%d-%u", (int) getpid (), i);
    g_autofree char *label = g_strdup_printf ("urn:c2pa:crash-%d-%u", (int) getpid (), i);
    g_autoptr(ClProof) proof = i % 2 == 0 ? cl_test_proof_signed (content, label, 0)
                                          : cl_test_proof_verified (content, label, 0);
    g_autofree char *line = NULL;

    if (!cl_proof_cache_store (cache, proof, 30, NULL, &error)) {
      line = g_strdup_printf ("E %s\n", error->message);
      if (write (out_fd, line, strlen (line)) < 0)
        _exit (2);
      _exit (4);
    }
    /* Under PIPE_BUF: the line arrives whole or not at all. */
    line = g_strdup_printf ("%s\n", proof->id);
    if (write (out_fd, line, strlen (line)) != (gssize) strlen (line))
      _exit (5);
  }
}


static void
drain (int      fd,
       GString *out,
       int      timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;
  char buffer[4096];

  for (;;) {
    struct pollfd pfd = { fd, POLLIN, 0 };
    gint64 left = timeout_ms < 0 ? -1 : (deadline - g_get_monotonic_time ()) / 1000;
    gssize n;

    if (timeout_ms >= 0 && left <= 0)
      return;
    if (poll (&pfd, 1, (int) left) <= 0)
      continue;
    n = read (fd, buffer, sizeof buffer);
    if (n <= 0)
      return;
    g_string_append_len (out, buffer, n);
  }
}


static void
test_crash_safety (ClTestProofCacheFixture *fixture,
                   gconstpointer            data)
{
  g_autoptr(GPtrArray) committed = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClProofCache) cache = NULL;
  g_autofree char *dir = g_path_get_dirname (fixture->path);
  guint round, i;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);

  for (round = 0; round < CRASH_ROUNDS; round++) {
    g_autoptr(GString) output = g_string_new (NULL);
    g_auto(GStrv) lines = NULL;
    int channel[2];
    int status = 0;
    pid_t pid;

    g_assert_cmpint (pipe (channel), ==, 0);
    fflush (stdout);
    fflush (stderr);
    pid = fork ();
    g_assert_cmpint (pid, >=, 0);
    if (pid == 0) {
      close (channel[0]);
      crash_child (fixture->path, channel[1]);
    }
    close (channel[1]);

    drain (channel[0], output, g_test_rand_int_range (2, 80));
    g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
    g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
    drain (channel[0], output, -1);
    close (channel[0]);

    if (g_str_has_prefix (output->str, "E ") || strstr (output->str, "\nE ") != NULL)
      g_error ("The writer failed: %s", output->str);
    g_assert_true (WIFSIGNALED (status));
    g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);

    lines = g_strsplit (output->str, "\n", -1);
    for (i = 0; lines[i] != NULL && lines[i + 1] != NULL; i++) {
      g_assert_true (g_uuid_string_is_valid (lines[i]));
      g_ptr_array_add (committed, g_strdup (lines[i]));
    }
    /* No partial line: g_strsplit() leaves "" after the last newline, nothing for "". */
    g_assert_true (lines[i] == NULL || lines[i][0] == '\0');
  }
  g_test_message ("%u proofs committed over %u kills", committed->len, CRASH_ROUNDS);
  g_assert_cmpuint (committed->len, >, CRASH_ROUNDS);

  g_assert_cmpint (cl_test_sqlite_int (fixture->path,
                                       "SELECT integrity_check = 'ok' FROM pragma_integrity_check"),
                   ==, 1);

  cache = cl_proof_cache_open (fixture->path, &error);
  g_assert_no_error (error);
  for (i = 0; i < committed->len; i++) {
    g_autoptr(ClProof) proof = cl_proof_cache_get (cache, g_ptr_array_index (committed, i),
                                                   &error);

    g_assert_no_error (error);
    g_assert_nonnull (proof);
    /* Whole rows, not torn ones. */
    g_assert_true (cl_proof_is_sha256_hex (proof->content_hash));
    g_assert_nonnull (proof->manifest_label);
    g_assert_nonnull (proof->report_json);
    if (proof->kind == CL_PROOF_KIND_SIGNED)
      g_assert_cmpuint (g_bytes_get_size (proof->manifest_store), ==,
                        strlen ("jumbf-store-of-") + strlen (proof->manifest_label) + 1);
  }
  g_assert_cmpint (cl_test_sqlite_int (fixture->path, "SELECT count(*) FROM proofs"), >=,
                   committed->len);
}


int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  cl_test_proof_cache_add ("/proof-cache/threads-share-one-cache", test_threads_share_one_cache);
  cl_test_proof_cache_add ("/proof-cache/two-processes", test_two_processes);
  cl_test_proof_cache_add ("/proof-cache/crash-safety", test_crash_safety);

  return g_test_run ();
}
