/* cl-scheduler-settings.h: applies the job-<name>-enabled/-interval settings to scheduler jobs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cl-scheduler.h"

G_BEGIN_DECLS

/* The jobs that have keys in the GSettings schema. */
#define CL_JOB_PROOF_CLEANUP    "proof-cleanup"
#define CL_JOB_CERT_EXPIRY      "cert-expiry"
#define CL_JOB_TRUST_REFRESH    "trust-refresh"
#define CL_JOB_REVOCATION_PRUNE "revocation-prune"
#define CL_JOB_HEALTH           "health"

#define CL_TYPE_SCHEDULER_SETTINGS (cl_scheduler_settings_get_type ())
G_DECLARE_FINAL_TYPE (ClSchedulerSettings, cl_scheduler_settings, CL, SCHEDULER_SETTINGS, GObject)

ClSchedulerSettings *cl_scheduler_settings_new        (ClScheduler         *scheduler,
                                                       GSettings           *settings);
gboolean             cl_scheduler_settings_knows_job  (const char          *name);
gboolean             cl_scheduler_settings_job_wanted (ClSchedulerSettings *self,
                                                       const char          *name);
guint                cl_scheduler_settings_job_interval_ms (ClSchedulerSettings *self,
                                                            const char          *name);
void                 cl_scheduler_settings_unbind     (ClSchedulerSettings *self);

G_END_DECLS
