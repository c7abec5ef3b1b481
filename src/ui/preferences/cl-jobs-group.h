/* cl-jobs-group.h: the background jobs in Preferences: a switch and an
 * interval per job, with its last run, next run and last error.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cl-scheduler.h"

G_BEGIN_DECLS

#define CL_TYPE_JOBS_GROUP (cl_jobs_group_get_type ())
G_DECLARE_FINAL_TYPE (ClJobsGroup, cl_jobs_group, CL, JOBS_GROUP, AdwBin)

GtkWidget *cl_jobs_group_new           (void);
/* The scheduler whose job status to show; NULL shows settings only. */
void       cl_jobs_group_set_scheduler (ClJobsGroup *self,
                                        ClScheduler *scheduler);
/* The status line shown for a job (for tests). */
const char *cl_jobs_group_get_status_text (ClJobsGroup *self,
                                           const char  *job_name);

G_END_DECLS
