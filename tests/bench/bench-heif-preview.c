/* bench-heif-preview.c: wall time and peak memory of HEIF previews made as the verify list
 * makes them, several at once. Not a test: run it by hand.
 *
 *   ./build/tests/bench-heif-preview [FILE] [THREADS] [SIZE]
 *
 * FILE (default the shared sample1.heic, 51 megapixels with no thumbnail) is previewed at
 * SIZE pixels (default 96) on THREADS threads at once (default 2, as the list does); the
 * peak resident memory of the process and the time it took are printed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <sys/resource.h>

#include "cl-image-preview.h"

typedef struct {
  const char *path;
  int         size;
  GdkPixbuf  *preview;
  GError     *error;
} Job;


static gpointer
run_job (gpointer data)
{
  Job *job = data;

  job->preview = cl_image_preview_load (job->path, job->size, NULL, &job->error);
  return NULL;
}


int
main (int    argc,
      char **argv)
{
  const char *shared = g_getenv ("CREDLINK_SHARED_DIR");
  g_autofree char *path = argc > 1 ? g_strdup (argv[1])
    : g_build_filename (shared != NULL ? shared : "../shared", "c2pa-fixtures", "images",
                        "sample1.heic", NULL);
  guint threads = argc > 2 ? (guint) CLAMP (atoi (argv[2]), 1, 16) : 2;
  int size = argc > 3 ? CLAMP (atoi (argv[3]), 1, 4096) : 96;
  g_autofree Job *jobs = g_new0 (Job, threads);
  g_autofree GThread **running = g_new0 (GThread *, threads);
  gint64 start = g_get_monotonic_time ();
  struct rusage usage;
  int status = 0;

  for (guint i = 0; i < threads; i++) {
    jobs[i].path = path;
    jobs[i].size = size;
    running[i] = g_thread_new ("preview", run_job, &jobs[i]);
  }
  for (guint i = 0; i < threads; i++) {
    g_thread_join (running[i]);
    if (jobs[i].preview == NULL) {
      g_printerr ("%s: %s\n", path, jobs[i].error->message);
      status = 1;
    }
    g_clear_object (&jobs[i].preview);
    g_clear_error (&jobs[i].error);
  }
  getrusage (RUSAGE_SELF, &usage);
  g_print ("%s at %d px, %u at once: %.2f s, peak RSS %ld KB\n", path, size, threads,
           (g_get_monotonic_time () - start) / 1e6, usage.ru_maxrss);
  return status;
}
