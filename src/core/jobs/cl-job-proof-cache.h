/* cl-job-proof-cache.h: the background jobs that keep the proof cache small:
 * expired proofs out, stale revocation responses out.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cl-scheduler.h"

G_BEGIN_DECLS

/* Registers CL_JOB_PROOF_CLEANUP and CL_JOB_REVOCATION_PRUNE on scheduler. Each run opens
 * its own connection to the database at db_path (NULL: the default location) in a
 * worker thread and closes it before returning, so shutdown never leaves it open. */
gboolean cl_proof_cache_jobs_register (ClScheduler  *scheduler,
                                       const char   *db_path,
                                       guint         cleanup_interval_ms,
                                       guint         prune_interval_ms,
                                       GError      **error);

/* The work of each job, for tests: returns how many rows were removed. */
gboolean cl_proof_cache_job_cleanup   (const char   *db_path,
                                       guint64      *out_n_removed,
                                       GCancellable *cancellable,
                                       GError      **error);
gboolean cl_proof_cache_job_prune     (const char   *db_path,
                                       guint64      *out_n_removed,
                                       GCancellable *cancellable,
                                       GError      **error);

G_END_DECLS
