/* cl-scheduler-private.h: the state shared by cl-scheduler.c and cl-scheduler-status.c.
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

gint64 cl_scheduler_job_next_run (ClSchedulerJob *job);

G_END_DECLS
