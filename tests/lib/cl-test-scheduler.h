/* cl-test-scheduler.h: what the scheduler tests share — a ClScheduler on a private main
 * context with millisecond backoff, six test jobs that succeed, fail or hold their runs
 * until released, and ways to iterate the context until something holds.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cl-scheduler.h"

G_BEGIN_DECLS

typedef enum {
  CL_TEST_JOB_SUCCEED,
  CL_TEST_JOB_FAIL,
  CL_TEST_JOB_HOLD,                 /* until the test releases it or the run is cancelled */
  CL_TEST_JOB_HOLD_IGNORE_CANCEL,   /* until the test releases it */
} ClTestJobBehaviour;

typedef struct
{
  ClTestJobBehaviour  behaviour;
  guint               calls;
  guint               running;
  guint               max_running;
  guint               destroyed;
  GPtrArray          *held;         /* GTask of held runs, oldest first */
  gint64              last_call;    /* monotonic µs */
  GArray             *gaps;         /* gint64 µs between consecutive calls */
} ClTestJob;

typedef struct
{
  GMainContext *context;
  ClScheduler  *scheduler;
  ClTestJob     jobs[6];
  GPtrArray    *finished;  /* names, in order of completion */
} ClTestSchedulerFixture;

typedef void (*ClTestSchedulerFunc) (ClTestSchedulerFixture *fixture,
                                     gconstpointer           data);

/* Adds the test case path, which runs func with data on a fixture of its own: a scheduler
 * on a new context, backoff 1 ms doubling up to 8 ms, no jitter. Afterwards it is stopped
 * (within 2 s) and no job may still hold a run. */
void                  cl_test_scheduler_add        (const char             *path,
                                                    gconstpointer           data,
                                                    ClTestSchedulerFunc     func);

/* The job function and destroy notify of a ClTestJob (user data): a run counts, then
 * does what the job's behaviour says; the destroy notify counts too. */
void                  cl_test_job_run              (GTask                  *task,
                                                    GCancellable           *cancellable,
                                                    gpointer                user_data);
void                  cl_test_job_destroy          (gpointer                user_data);
/* Finishes the job's oldest held run with success. */
void                  cl_test_job_release_oldest   (ClTestJob              *job);

/* Adds fixture->jobs[index] to the scheduler as name, with the given behaviour. */
void                  cl_test_scheduler_add_job    (ClTestSchedulerFixture *fixture,
                                                    guint                   index,
                                                    const char             *name,
                                                    ClTestJobBehaviour      behaviour,
                                                    guint                   interval_ms,
                                                    guint                   max_retries,
                                                    ClSchedulerJobFlags     flags);

typedef gboolean (*ClTestSchedulerCondition) (ClTestSchedulerFixture *fixture);

/* Iterates the context until condition holds; fails the test after 10 s. */
void                  cl_test_scheduler_spin_until (ClTestSchedulerFixture   *fixture,
                                                    ClTestSchedulerCondition  condition);
/* Iterates the context for ms milliseconds. */
void                  cl_test_scheduler_spin_for   (ClTestSchedulerFixture *fixture,
                                                    guint                   ms);
/* The status of the job called name, which must exist. */
ClSchedulerJobStatus *cl_test_scheduler_status     (ClTestSchedulerFixture *fixture,
                                                    const char             *name);

G_END_DECLS
