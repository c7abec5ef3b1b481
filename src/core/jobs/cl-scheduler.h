/* cl-scheduler.h: background jobs on a GLib main context.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define CL_TYPE_SCHEDULER (cl_scheduler_get_type ())
G_DECLARE_FINAL_TYPE (ClScheduler, cl_scheduler, CL, SCHEDULER, GObject)

/* Defaults: at most 2 jobs at a time; a failed run retries after
 * min (2 s × 2^n, 60 s), minus up to 10 % jitter. */
#define CL_SCHEDULER_DEFAULT_MAX_CONCURRENT 2
#define CL_SCHEDULER_DEFAULT_BACKOFF_BASE_MS 2000
#define CL_SCHEDULER_DEFAULT_BACKOFF_CAP_MS 60000
#define CL_SCHEDULER_DEFAULT_JITTER 0.1

typedef enum {
  CL_SCHEDULER_JOB_NONE         = 0,
  CL_SCHEDULER_JOB_ENABLED      = 1 << 0,
  /* Run as soon as the scheduler starts (or the job is enabled while it runs). */
  CL_SCHEDULER_JOB_RUN_ON_START = 1 << 1,
} ClSchedulerJobFlags;

/* A job's handler. It receives a new reference to @task (transfer full), whose
 * cancellable is @cancellable, and must complete it exactly once, from any thread:
 * g_task_return_boolean (task, TRUE) on success, g_task_return_error() on failure
 * (for example through g_task_run_in_thread()). It is called on the scheduler's
 * context with that context pushed as the thread-default one, so asynchronous work
 * started here (cl-http, GIO) reports back to the scheduler's context. It should
 * stop soon after @cancellable is cancelled (disable, stop, shutdown). */
typedef void (*ClSchedulerJobFunc) (GTask        *task,
                                    GCancellable *cancellable,
                                    gpointer      user_data);

/* A snapshot of one job, for tests and the preferences window. Times are
 * wall-clock microseconds since 1970 (0: never / not planned); durations are
 * microseconds. */
typedef struct {
  char    *name;
  gboolean enabled;
  gboolean running;
  gboolean queued;
  guint    interval_ms;
  guint    max_retries;
  gint64   last_run;
  gint64   next_run;
  char    *last_error;
  guint64  runs;              /* handler invocations, retries included */
  guint64  failures;          /* runs that returned an error other than "cancelled" */
  guint64  retries;           /* runs that were retries of a failed run */
  guint64  cancellations;
  guint    retry_attempt;     /* retries made in the current chain of failures */
  guint    retry_delay_ms;    /* delay of the pending retry, 0 if none */
  gint64   last_duration;
  gint64   mean_duration;
  guint    timer_source_id;   /* ids of the sources attached for the job, 0 if none */
  guint    retry_source_id;
} ClSchedulerJobStatus;

void cl_scheduler_job_status_free (ClSchedulerJobStatus *status);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClSchedulerJobStatus, cl_scheduler_job_status_free)

ClScheduler          *cl_scheduler_new                 (GMainContext        *context);
GMainContext         *cl_scheduler_get_context         (ClScheduler         *self);
void                  cl_scheduler_set_max_concurrent  (ClScheduler         *self,
                                                        guint                max_concurrent);
guint                 cl_scheduler_get_max_concurrent  (ClScheduler         *self);
void                  cl_scheduler_set_backoff         (ClScheduler         *self,
                                                        guint                base_ms,
                                                        guint                cap_ms,
                                                        double               jitter);
guint                 cl_scheduler_backoff_delay       (ClScheduler         *self,
                                                        guint                attempt);

gboolean              cl_scheduler_add_job             (ClScheduler         *self,
                                                        const char          *name,
                                                        guint                interval_ms,
                                                        guint                max_retries,
                                                        ClSchedulerJobFlags  flags,
                                                        ClSchedulerJobFunc   func,
                                                        gpointer             user_data,
                                                        GDestroyNotify       destroy,
                                                        GError             **error);
gboolean              cl_scheduler_remove_job          (ClScheduler         *self,
                                                        const char          *name);
gboolean              cl_scheduler_has_job             (ClScheduler         *self,
                                                        const char          *name);
gboolean              cl_scheduler_set_job_enabled     (ClScheduler         *self,
                                                        const char          *name,
                                                        gboolean             enabled);
gboolean              cl_scheduler_set_job_interval    (ClScheduler         *self,
                                                        const char          *name,
                                                        guint                interval_ms);
gboolean              cl_scheduler_set_job_max_retries (ClScheduler         *self,
                                                        const char          *name,
                                                        guint                max_retries);
gboolean              cl_scheduler_run_job_now         (ClScheduler         *self,
                                                        const char          *name);

void                  cl_scheduler_start               (ClScheduler         *self);
gboolean              cl_scheduler_stop                (ClScheduler         *self,
                                                        guint                deadline_ms);
gboolean              cl_scheduler_is_started          (ClScheduler         *self);
guint                 cl_scheduler_get_n_running       (ClScheduler         *self);
guint                 cl_scheduler_get_n_queued        (ClScheduler         *self);

ClSchedulerJobStatus *cl_scheduler_get_job_status      (ClScheduler         *self,
                                                        const char          *name);
JsonNode             *cl_scheduler_get_status_json     (ClScheduler         *self);
char                 *cl_scheduler_dup_status_string   (ClScheduler         *self);

G_END_DECLS
