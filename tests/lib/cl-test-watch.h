/* cl-test-watch.h: the watch folder tests' set-up — a stored test profile, the watched,
 * output and image folders, a proof cache and a job whose signals are counted — and the
 * main-loop helpers they share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cl-job-watch-folder.h"

G_BEGIN_DECLS

#define CL_TEST_WATCH_PROFILE "watcher"
#define CL_TEST_WATCH_PASSPHRASE "watch-folder-secret"

typedef struct {
  char             *dir;
  char             *profiles;
  char             *in;
  char             *out;
  char             *images;     /* where test images are made, outside the watched folder */
  char             *proof_db;
  ClWatchFolderJob *job;
  guint             n_signed;
  gint64            last_signed_at;
  guint             n_failed;
  guint             n_started;
  GPtrArray        *skipped;    /* input base names */
} ClTestWatch;

/* The folders under dir (as set_up made them) and a new job: for a second process. */
void     cl_test_watch_init_at         (ClTestWatch   *fixture,
                                        const char    *dir);
void     cl_test_watch_set_up          (ClTestWatch   *fixture,
                                        gconstpointer  data);
void     cl_test_watch_tear_down       (ClTestWatch   *fixture,
                                        gconstpointer  data);
/* A new job (the previous one stopped), its counters reset. */
void     cl_test_watch_new_job         (ClTestWatch   *fixture);
gboolean cl_test_watch_timeout_cb      (gpointer       user_data);
/* Iterates the main loop until *counter reaches target or timeout_ms passed. */
void     cl_test_watch_iterate_until   (guint         *counter,
                                        guint          target,
                                        guint          timeout_ms);
/* The job's unlock finished without error: counts up the guint at user_data. */
void     cl_test_watch_unlocked_cb     (GObject       *source,
                                        GAsyncResult  *result,
                                        gpointer       user_data);
/* Starts the job on the fixture's folders and unlocks its profile. */
void     cl_test_watch_start_unlocked  (ClTestWatch   *fixture);
/* Puts a new test JPEG into the watched folder in one go; returns its output path. */
char    *cl_test_watch_drop_image      (ClTestWatch   *fixture,
                                        const char    *name,
                                        int            width,
                                        int            height);
void     cl_test_watch_assert_signed   (const char    *output);
guint    cl_test_watch_count_files     (const char    *dir_path);

G_END_DECLS
