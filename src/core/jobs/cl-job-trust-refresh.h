/* cl-job-trust-refresh.h: the background job that downloads the C2PA trust lists.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cl-http.h"
#include "cl-scheduler.h"

G_BEGIN_DECLS

/* The lists the C2PA conformance program publishes, and their folder names
 * under $XDG_DATA_HOME/credlink/trust/. */
#define CL_TRUST_LIST_C2PA         "c2pa"
#define CL_TRUST_LIST_BASE_URL \
  "https://raw.githubusercontent.com/c2pa-org/conformance-public/main/trust-list/"
#define CL_TRUST_LIST_C2PA_URL     CL_TRUST_LIST_BASE_URL "C2PA-TRUST-LIST.pem"
#define CL_TRUST_LIST_C2PA_TSA     "c2pa-tsa"
#define CL_TRUST_LIST_C2PA_TSA_URL CL_TRUST_LIST_BASE_URL "C2PA-TSA-TRUST-LIST.pem"

#define CL_TRUST_REFRESH_DEFAULT_TIMEOUT_MS 30000
#define CL_TRUST_REFRESH_MAX_SIZE (4 * 1024 * 1024)

#define CL_TYPE_TRUST_REFRESH_JOB (cl_trust_refresh_job_get_type ())
G_DECLARE_FINAL_TYPE (ClTrustRefreshJob, cl_trust_refresh_job, CL, TRUST_REFRESH_JOB, GObject)

ClTrustRefreshJob *cl_trust_refresh_job_new               (ClHttpSession        *session,
                                                           const char           *trust_dir);
gboolean           cl_trust_refresh_job_add_list          (ClTrustRefreshJob    *self,
                                                           const char           *list_name,
                                                           const char           *url);
void               cl_trust_refresh_job_add_default_lists (ClTrustRefreshJob    *self);
void               cl_trust_refresh_job_set_timeout       (ClTrustRefreshJob    *self,
                                                           guint                 timeout_ms);
const char        *cl_trust_refresh_job_get_trust_dir     (ClTrustRefreshJob    *self);
gint64             cl_trust_refresh_job_get_oldest_age    (ClTrustRefreshJob    *self);
gboolean           cl_trust_refresh_job_register          (ClTrustRefreshJob    *self,
                                                           ClScheduler          *scheduler,
                                                           guint                 interval_ms,
                                                           guint                 max_retries,
                                                           ClSchedulerJobFlags   flags,
                                                           GError              **error);

G_END_DECLS
