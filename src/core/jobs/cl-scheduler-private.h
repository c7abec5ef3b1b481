/* cl-scheduler-private.h: the state shared by the files of the scheduler, and what they
 * call of each other. From the bottom up:
 *
 *   cl-scheduler-job.c       one job's record: references, log lines, finding it, parking it
 *   cl-scheduler.c           the ClScheduler object, its signals and counters
 *   cl-scheduler-timing.c    the retry back-off and the timeout sources
 *   cl-scheduler-run.c       running jobs: ticks, retries, slots and queue, start and stop
 *   cl-scheduler-registry.c  adding, removing and changing jobs
 *   cl-scheduler-status.c    what each job did and will do
 *
 * Each file calls only the files listed before it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cl-scheduler.h"

G_BEGIN_DECLS

typedef struct
{
  ClScheduler        *scheduler;       /* unowned; NULL once the job is removed */
  char               *name;
  guint               interval_ms;     /* 0: no timer, runs only on start or on demand */
  guint               max_retries;
  gboolean            enabled;
  gboolean            run_on_start;
  ClSchedulerJobFunc  func;
  gpointer            user_data;
  GDestroyNotify      destroy;

  /* Every source the scheduler attaches for this job; each holds a job reference. */
  GSource            *timer_source;
  GSource            *retry_source;

  GCancellable       *cancellable;     /* of the run in progress */
  gboolean            running;
  gboolean            queued;
  gboolean            next_is_retry;
  guint               retry_attempt;
  guint               retry_delay_ms;

  gint64              run_started;     /* monotonic µs */
  gint64              last_run;        /* wall-clock µs */
  const char         *last_result;     /* "success", "failed", "cancelled" or NULL */
  char               *last_error;
  guint64             runs;
  guint64             failures;
  guint64             retries;
  guint64             cancellations;
  guint64             completed;
  gint64              last_duration;
  gint64              total_duration;
} ClSchedulerJob;

struct _ClScheduler
{
  GObject       parent_instance;

  GMainContext *context;
  GPtrArray    *jobs;                  /* of ClSchedulerJob, in registration order */
  GQueue        queue;                 /* runs waiting for a free slot (job references) */
  guint         n_running;
  guint         max_concurrent;
  guint         backoff_base_ms;
  guint         backoff_cap_ms;
  double        jitter;
  gboolean      started;
};

/* cl-scheduler-job.c */
ClSchedulerJob *cl_scheduler_job_new     (ClScheduler          *self,
                                          const char           *name,
                                          guint                 interval_ms,
                                          guint                 max_retries,
                                          ClSchedulerJobFlags   flags,
                                          ClSchedulerJobFunc    func,
                                          gpointer              user_data,
                                          GDestroyNotify        destroy);
ClSchedulerJob *cl_scheduler_job_ref     (ClSchedulerJob       *job);
void            cl_scheduler_job_unref   (ClSchedulerJob       *job);
void            cl_scheduler_job_log     (GLogLevelFlags        level,
                                          ClSchedulerJob       *job,
                                          const char           *format,
                                          ...) G_GNUC_PRINTF (3, 4);
ClSchedulerJob *cl_scheduler_find_job    (ClScheduler          *self,
                                          const char           *name);
void            cl_scheduler_destroy_source (GSource          **source);
void            cl_scheduler_job_park    (ClScheduler          *self,
                                          ClSchedulerJob       *job);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClSchedulerJob, cl_scheduler_job_unref)

/* cl-scheduler.c */
enum {
  CL_SCHEDULER_JOB_ADDED,
  CL_SCHEDULER_JOB_FINISHED,
  CL_SCHEDULER_N_SIGNALS,
};

extern guint cl_scheduler_signals[CL_SCHEDULER_N_SIGNALS];

/* cl-scheduler-timing.c */
GSource        *cl_scheduler_attach_timeout (ClScheduler    *self,
                                             ClSchedulerJob *job,
                                             guint           interval_ms,
                                             GSourceFunc     callback,
                                             const char     *source_name);

/* cl-scheduler-run.c */
void            cl_scheduler_arm_timer   (ClScheduler          *self,
                                          ClSchedulerJob       *job);
void            cl_scheduler_request_run (ClScheduler          *self,
                                          ClSchedulerJob       *job,
                                          gboolean              is_retry);

/* cl-scheduler-status.c */
gint64          cl_scheduler_job_next_run (ClSchedulerJob      *job);

G_END_DECLS
