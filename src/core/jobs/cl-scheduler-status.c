/* cl-scheduler-status.c: what each background job did and will do, as a struct and as JSON.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-scheduler"

#include "config.h"

#include "cl-scheduler-private.h"


void
cl_scheduler_job_status_free (ClSchedulerJobStatus *status)
{
  if (status == NULL)
    return;
  g_free (status->name);
  g_free (status->last_error);
  g_free (status);
}


/* Converts a source's monotonic ready time to wall-clock time. */
static gint64
source_wall_time (GSource *source)
{
  gint64 ready;

  if (source == NULL || g_source_is_destroyed (source))
    return 0;
  ready = g_source_get_ready_time (source);
  if (ready < 0)
    return 0;
  return g_get_real_time () + MAX (ready - g_get_monotonic_time (), 0);
}


/* When the job will next start: now if it waits in the queue, else the
 * earlier of its pending retry and its next timer tick; 0 if not planned. */
gint64
cl_scheduler_job_next_run (ClSchedulerJob *job)
{
  gint64 retry_at;
  gint64 tick_at;

  if (job->queued)
    return g_get_real_time ();
  retry_at = source_wall_time (job->retry_source);
  tick_at = source_wall_time (job->timer_source);
  if (retry_at == 0 || (tick_at != 0 && tick_at < retry_at))
    return tick_at;
  return retry_at;
}


/**
 * cl_scheduler_get_job_status:
 *
 * Returns: (transfer full) (nullable): a snapshot of the job, %NULL if there is none
 */
ClSchedulerJobStatus *
cl_scheduler_get_job_status (ClScheduler *self,
                             const char  *name)
{
  ClSchedulerJobStatus *status;
  ClSchedulerJob *job;

  g_return_val_if_fail (CL_IS_SCHEDULER (self), NULL);

  job = cl_scheduler_find_job (self, name);
  if (job == NULL)
    return NULL;

  status = g_new0 (ClSchedulerJobStatus, 1);
  status->name = g_strdup (job->name);
  status->enabled = job->enabled;
  status->running = job->running;
  status->queued = job->queued;
  status->interval_ms = job->interval_ms;
  status->max_retries = job->max_retries;
  status->last_run = job->last_run;
  status->next_run = cl_scheduler_job_next_run (job);
  status->last_error = g_strdup (job->last_error);
  status->runs = job->runs;
  status->failures = job->failures;
  status->retries = job->retries;
  status->cancellations = job->cancellations;
  status->retry_attempt = job->retry_attempt;
  status->retry_delay_ms = job->retry_delay_ms;
  status->last_duration = job->last_duration;
  status->mean_duration = job->completed > 0 ? job->total_duration / (gint64) job->completed : 0;
  status->timer_source_id = job->timer_source != NULL ? g_source_get_id (job->timer_source) : 0;
  status->retry_source_id = job->retry_source != NULL ? g_source_get_id (job->retry_source) : 0;
  return status;
}


static void
add_time (JsonBuilder *builder,
          const char  *member,
          gint64       wall_usec)
{
  g_autoptr(GDateTime) time = NULL;
  g_autofree char *text = NULL;

  json_builder_set_member_name (builder, member);
  if (wall_usec <= 0) {
    json_builder_add_null_value (builder);
    return;
  }
  time = g_date_time_new_from_unix_utc (wall_usec / G_USEC_PER_SEC);
  text = time != NULL ? g_date_time_format_iso8601 (time) : NULL;
  if (text != NULL)
    json_builder_add_string_value (builder, text);
  else
    json_builder_add_null_value (builder);
}


static const char *
job_state (ClSchedulerJob *job)
{
  if (!job->enabled)
    return "disabled";
  if (job->running)
    return "running";
  if (job->queued)
    return "queued";
  if (job->retry_source != NULL)
    return "retry-pending";
  return "idle";
}


static void
add_job (JsonBuilder    *builder,
         ClSchedulerJob *job)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, job->name);
  json_builder_set_member_name (builder, "state");
  json_builder_add_string_value (builder, job_state (job));
  json_builder_set_member_name (builder, "enabled");
  json_builder_add_boolean_value (builder, job->enabled);
  json_builder_set_member_name (builder, "interval_ms");
  json_builder_add_int_value (builder, job->interval_ms);
  json_builder_set_member_name (builder, "max_retries");
  json_builder_add_int_value (builder, job->max_retries);
  add_time (builder, "last_run", job->last_run);
  add_time (builder, "next_run", cl_scheduler_job_next_run (job));
  json_builder_set_member_name (builder, "last_result");
  if (job->last_result != NULL)
    json_builder_add_string_value (builder, job->last_result);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "last_error");
  if (job->last_error != NULL)
    json_builder_add_string_value (builder, job->last_error);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "runs");
  json_builder_add_int_value (builder, (gint64) job->runs);
  json_builder_set_member_name (builder, "failures");
  json_builder_add_int_value (builder, (gint64) job->failures);
  json_builder_set_member_name (builder, "retries");
  json_builder_add_int_value (builder, (gint64) job->retries);
  json_builder_set_member_name (builder, "cancellations");
  json_builder_add_int_value (builder, (gint64) job->cancellations);
  json_builder_set_member_name (builder, "retry_attempt");
  json_builder_add_int_value (builder, job->retry_attempt);
  json_builder_set_member_name (builder, "last_duration_ms");
  json_builder_add_double_value (builder, job->last_duration / 1000.0);
  json_builder_set_member_name (builder, "mean_duration_ms");
  json_builder_add_double_value (builder, job->completed > 0
                                 ? job->total_duration / 1000.0 / (double) job->completed
                                 : 0.0);
  json_builder_end_object (builder);
}


/**
 * cl_scheduler_get_status_json:
 *
 * Returns: (transfer full): an object with the scheduler's limits and a
 *   "jobs" array, one object per job in registration order
 */
JsonNode *
cl_scheduler_get_status_json (ClScheduler *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (CL_IS_SCHEDULER (self), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "started");
  json_builder_add_boolean_value (builder, self->started);
  json_builder_set_member_name (builder, "max_concurrent");
  json_builder_add_int_value (builder, self->max_concurrent);
  json_builder_set_member_name (builder, "running");
  json_builder_add_int_value (builder, self->n_running);
  json_builder_set_member_name (builder, "queued");
  json_builder_add_int_value (builder, g_queue_get_length (&self->queue));
  json_builder_set_member_name (builder, "jobs");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->jobs->len; i++)
    add_job (builder, g_ptr_array_index (self->jobs, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}


char *
cl_scheduler_dup_status_string (ClScheduler *self)
{
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (CL_IS_SCHEDULER (self), NULL);

  root = cl_scheduler_get_status_json (self);
  return json_to_string (root, TRUE);
}
