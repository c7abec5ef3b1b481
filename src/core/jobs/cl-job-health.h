/* cl-job-health.h: the background job that measures CredLink's data directory.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "cl-scheduler.h"

G_BEGIN_DECLS

#define CL_TYPE_HEALTH_JOB (cl_health_job_get_type ())
G_DECLARE_FINAL_TYPE (ClHealthJob, cl_health_job, CL, HEALTH_JOB, GObject)

ClHealthJob *cl_health_job_new        (const char          *data_dir);
JsonNode    *cl_health_job_measure    (const char          *data_dir,
                                       GCancellable        *cancellable,
                                       GError             **error);
JsonNode    *cl_health_job_dup_report (ClHealthJob         *self);
gboolean     cl_health_job_register   (ClHealthJob         *self,
                                       ClScheduler         *scheduler,
                                       guint                interval_ms,
                                       ClSchedulerJobFlags  flags,
                                       GError             **error);

G_END_DECLS
