/* cl-job-proof-cache.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-job-proof-cache"

#include "config.h"

#include "cl-job-proof-cache.h"
#include "cl-job-thread.h"
#include "cl-proof-cache.h"
#include "cl-proof-cache-revocation.h"
#include "cl-scheduler-settings.h"

#define MAX_RETRIES 2


typedef gboolean (*PurgeFunc) (ClProofCache  *cache,
                               GDateTime     *now,
                               guint64       *out_n_removed,
                               GError       **error);


/* Opens its own connection, purges what is due at now, and closes it again. */
static gboolean
run_purge (const char    *db_path,
           PurgeFunc      purge,
           const char    *job,
           const char    *what,
           guint64       *out_n_removed,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(ClProofCache) cache = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  guint64 removed = 0;
  gboolean ok;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  cache = cl_proof_cache_open (db_path, error);
  if (cache == NULL)
    return FALSE;
  ok = purge (cache, now, &removed, error);
  if (ok)
    g_log_structured (G_LOG_DOMAIN, G_LOG_LEVEL_INFO,
                      "CREDLINK_JOB", job,
                      "MESSAGE", "Removed %" G_GUINT64_FORMAT " %s", removed, what);
  if (!cl_proof_cache_close (cache, ok ? error : NULL))
    ok = FALSE;
  if (out_n_removed != NULL)
    *out_n_removed = removed;
  return ok;
}


gboolean
cl_proof_cache_job_cleanup (const char    *db_path,
                            guint64       *out_n_removed,
                            GCancellable  *cancellable,
                            GError       **error)
{
  return run_purge (db_path, cl_proof_cache_purge_expired, CL_JOB_PROOF_CLEANUP,
                    "expired proofs", out_n_removed, cancellable, error);
}


/* A response past its nextUpdate says nothing any more: it is fetched again when needed. */
gboolean
cl_proof_cache_job_prune (const char    *db_path,
                          guint64       *out_n_removed,
                          GCancellable  *cancellable,
                          GError       **error)
{
  return run_purge (db_path, cl_proof_cache_purge_revocations, CL_JOB_REVOCATION_PRUNE,
                    "stale revocation responses", out_n_removed, cancellable, error);
}


static gboolean
cleanup_thread (gpointer       user_data,
                GCancellable  *cancellable,
                GError       **error)
{
  return cl_proof_cache_job_cleanup (user_data, NULL, cancellable, error);
}


static gboolean
prune_thread (gpointer       user_data,
              GCancellable  *cancellable,
              GError       **error)
{
  return cl_proof_cache_job_prune (user_data, NULL, cancellable, error);
}


gboolean
cl_proof_cache_jobs_register (ClScheduler  *scheduler,
                              const char   *db_path,
                              guint         cleanup_interval_ms,
                              guint         prune_interval_ms,
                              GError      **error)
{
  g_autofree char *path = db_path != NULL ? g_strdup (db_path) : cl_proof_cache_default_path ();

  return cl_scheduler_add_thread_job (scheduler, CL_JOB_PROOF_CLEANUP, cleanup_interval_ms,
                                      MAX_RETRIES, CL_SCHEDULER_JOB_ENABLED |
                                      CL_SCHEDULER_JOB_RUN_ON_START,
                                      cleanup_thread, g_strdup (path), g_free, error) &&
         cl_scheduler_add_thread_job (scheduler, CL_JOB_REVOCATION_PRUNE, prune_interval_ms,
                                      MAX_RETRIES, CL_SCHEDULER_JOB_ENABLED,
                                      prune_thread, g_strdup (path), g_free, error);
}
