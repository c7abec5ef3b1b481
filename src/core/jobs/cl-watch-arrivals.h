/* cl-watch-arrivals.h: the files that arrive in a folder, each reported once it is
 * complete — closed for writing (or moved in, or already there) and then unchanged in
 * size and modification time for a moment. The watch folder's eyes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CL_TYPE_WATCH_ARRIVALS (cl_watch_arrivals_get_type ())
G_DECLARE_FINAL_TYPE (ClWatchArrivals, cl_watch_arrivals, CL, WATCH_ARRIVALS, GObject)

/* Whether a file a scan found should arrive (called in the scan's thread, with the
 * filter_data given to cl_watch_arrivals_new(), which the scan holds a reference on). */
typedef gboolean (*ClWatchArrivalsFilter) (const char *path,
                                           gpointer    filter_data);

/* stable_ms: how long a closed file must stay unchanged; max_pending: at most this many
 * incomplete files are followed, more are found by the next cl_watch_arrivals_scan();
 * filter (nullable): which files a scan reports, so that repeated scans get further;
 * filter_data_ref / _unref keep filter_data alive (it must be safe to use from threads). */
ClWatchArrivals *cl_watch_arrivals_new        (guint                  stable_ms,
                                               guint                  max_pending,
                                               ClWatchArrivalsFilter  filter,
                                               gpointer               filter_data,
                                               GBoxedCopyFunc         filter_data_ref,
                                               GDestroyNotify         filter_data_unref);
/* Watches folder (a directory monitor on the thread-default main context) and scans it
 * once, so the files already there arrive too. "file-complete" (path) is emitted for
 * each complete regular file whose name does not start with a dot. */
gboolean         cl_watch_arrivals_start      (ClWatchArrivals  *self,
                                               const char       *folder,
                                               GError          **error);
/* Scans the folder again (in a thread), e.g. after events were dropped. */
void             cl_watch_arrivals_scan       (ClWatchArrivals  *self);
void             cl_watch_arrivals_stop       (ClWatchArrivals  *self);
/* Events were dropped because max_pending files were followed: scan when there is room. */
gboolean         cl_watch_arrivals_overflowed (ClWatchArrivals  *self);
guint            cl_watch_arrivals_n_pending  (ClWatchArrivals  *self);

G_END_DECLS
