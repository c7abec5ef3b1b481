/* cl-watch-list.h: callbacks told that something process-wide changed (the trust
 * lists, a revocation answer), each in the main context that was the thread-default
 * one when it was added, whichever thread saw the change. Thread-safe.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef void (*ClWatchFunc) (gpointer user_data);

typedef struct {
  GMutex   lock;
  GSList  *watches;   /* private */
  guint    last_id;   /* private */
} ClWatchList;

/* A static ClWatchList needs no initialisation (all zeros). */
#define CL_WATCH_LIST_INIT { 0 }

guint  cl_watch_list_add    (ClWatchList *list,
                             ClWatchFunc  func,
                             gpointer     user_data);
/* After this returns in the watch's context, its func is not called again. */
void   cl_watch_list_remove (ClWatchList *list,
                             guint        watch_id);
/* Queues a call of every watch in its own context. */
void   cl_watch_list_notify (ClWatchList *list);

G_END_DECLS
