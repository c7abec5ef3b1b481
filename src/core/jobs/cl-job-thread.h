/* cl-job-thread.h: background jobs whose work is one blocking call in a worker thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cl-scheduler.h"

G_BEGIN_DECLS

/* Does the job's work in a worker thread. @user_data must be safe to use from
 * that thread (e.g. a store that opens its own SQLite connection per thread).
 * Return FALSE with @error set on failure; check @cancellable between steps and
 * fail with G_IO_ERROR_CANCELLED when it is cancelled. */
typedef gboolean (*ClJobThreadFunc) (gpointer       user_data,
                                     GCancellable  *cancellable,
                                     GError       **error);

gboolean cl_scheduler_add_thread_job (ClScheduler          *scheduler,
                                      const char           *name,
                                      guint                 interval_ms,
                                      guint                 max_retries,
                                      ClSchedulerJobFlags   flags,
                                      ClJobThreadFunc       func,
                                      gpointer              user_data,
                                      GDestroyNotify        destroy,
                                      GError              **error);

G_END_DECLS
