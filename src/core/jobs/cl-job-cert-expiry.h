/* cl-job-cert-expiry.h: the background job that warns when a signing profile's
 * certificate expires within CL_SIGNING_PROFILE_EXPIRY_WARNING_DAYS (or has expired), with a
 * desktop notification when an application is running.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cl-scheduler.h"

G_BEGIN_DECLS

/* The profiles under profiles_root (NULL: the default folder) whose certificate ends
 * before now + days: ClSigningProfileSummary, soonest first. */
GPtrArray *cl_cert_expiry_find          (const char    *profiles_root,
                                         GDateTime     *now,
                                         guint          days,
                                         GError       **error);
/* One sentence naming the profiles and when they expire (translated). */
char      *cl_cert_expiry_describe      (GPtrArray     *expiring,
                                         GDateTime     *now);

/* Registers CL_JOB_CERT_EXPIRY: each run checks the profiles in a worker thread and,
 * when some expire soon, logs it and sends a GNotification through the default
 * GApplication (if one is running). */
gboolean   cl_cert_expiry_job_register  (ClScheduler   *scheduler,
                                         const char    *profiles_root,
                                         guint          interval_ms,
                                         GError       **error);

G_END_DECLS
