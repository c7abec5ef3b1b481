/* cl-scheduler-timing.c: when a job's next run comes — the retry back-off (min (base ×
 * 2^n, cap) minus jitter) and the timeout sources that wait for a tick or a retry.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-scheduler"

#include "config.h"

#include "cl-scheduler-private.h"


/**
 * cl_scheduler_set_backoff:
 * @base_ms: delay before the first retry
 * @cap_ms: longest delay
 * @jitter: fraction in [0, 1) of the delay that is randomly taken off
 */
void
cl_scheduler_set_backoff (ClScheduler *self,
                          guint        base_ms,
                          guint        cap_ms,
                          double       jitter)
{
  g_return_if_fail (CL_IS_SCHEDULER (self));
  g_return_if_fail (base_ms > 0 && cap_ms >= base_ms);
  g_return_if_fail (jitter >= 0.0 && jitter < 1.0);

  self->backoff_base_ms = base_ms;
  self->backoff_cap_ms = cap_ms;
  self->jitter = jitter;
}


/**
 * cl_scheduler_backoff_delay:
 * @attempt: retries already made in this chain (0 for the first retry)
 *
 * Returns: min (base × 2^attempt, cap) in milliseconds, minus a random share
 *   of at most the jitter fraction (never below 1 ms), so that jobs failing
 *   together do not retry in lockstep
 */
guint
cl_scheduler_backoff_delay (ClScheduler *self,
                            guint        attempt)
{
  guint64 delay;

  g_return_val_if_fail (CL_IS_SCHEDULER (self), 0);

  delay = self->backoff_base_ms;
  for (guint i = 0; i < attempt && delay < self->backoff_cap_ms; i++)
    delay *= 2;
  delay = MIN (delay, self->backoff_cap_ms);
  if (self->jitter > 0.0)
    delay -= (guint64) (delay * g_random_double_range (0.0, self->jitter));
  return (guint) MAX (delay, 1);
}


/* A timeout source on the scheduler's context that calls callback with a reference to
 * job after interval_ms (and every interval_ms after that, while callback continues). */
GSource *
cl_scheduler_attach_timeout (ClScheduler    *self,
                             ClSchedulerJob *job,
                             guint           interval_ms,
                             GSourceFunc     callback,
                             const char     *source_name)
{
  GSource *source;

  /* Whole seconds let GLib batch wake-ups with other second timers. */
  if (interval_ms >= 1000 && interval_ms % 1000 == 0)
    source = g_timeout_source_new_seconds (interval_ms / 1000);
  else
    source = g_timeout_source_new (interval_ms);
  g_source_set_static_name (source, source_name);
  g_source_set_callback (source, callback, cl_scheduler_job_ref (job),
                         (GDestroyNotify) cl_scheduler_job_unref);
  g_source_attach (source, self->context);
  return source;
}
