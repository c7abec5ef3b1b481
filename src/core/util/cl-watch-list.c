/* cl-watch-list.c: callbacks told of a process-wide change, each in its own context.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cl-watch-list.h"

typedef struct {
  guint        id;
  ClWatchFunc  func;
  gpointer     user_data;
  GMainContext *context;
} Watch;

typedef struct {
  ClWatchList *list;
  guint        id;
} Dispatch;


/* Runs in the watch's context; the watch may have been removed since it was queued. */
static gboolean
dispatch_cb (gpointer data)
{
  Dispatch *dispatch = data;
  ClWatchFunc func = NULL;
  gpointer user_data = NULL;

  g_mutex_lock (&dispatch->list->lock);
  for (GSList *l = dispatch->list->watches; l != NULL; l = l->next) {
    Watch *watch = l->data;

    if (watch->id == dispatch->id) {
      func = watch->func;
      user_data = watch->user_data;
    }
  }
  g_mutex_unlock (&dispatch->list->lock);
  if (func != NULL)
    func (user_data);
  return G_SOURCE_REMOVE;
}


void
cl_watch_list_notify (ClWatchList *list)
{
  g_mutex_lock (&list->lock);
  for (GSList *l = list->watches; l != NULL; l = l->next) {
    Watch *watch = l->data;
    g_autoptr(GSource) idle = g_idle_source_new ();
    Dispatch *dispatch = g_new (Dispatch, 1);

    dispatch->list = list;
    dispatch->id = watch->id;
    g_source_set_callback (idle, dispatch_cb, dispatch, g_free);
    g_source_attach (idle, watch->context);
  }
  g_mutex_unlock (&list->lock);
}


guint
cl_watch_list_add (ClWatchList *list,
                   ClWatchFunc  func,
                   gpointer     user_data)
{
  Watch *watch = g_new0 (Watch, 1);
  guint id;

  g_return_val_if_fail (func != NULL, 0);

  watch->func = func;
  watch->user_data = user_data;
  watch->context = g_main_context_ref_thread_default ();
  g_mutex_lock (&list->lock);
  id = watch->id = ++list->last_id;
  list->watches = g_slist_prepend (list->watches, watch);
  g_mutex_unlock (&list->lock);
  return id;
}


void
cl_watch_list_remove (ClWatchList *list,
                      guint        watch_id)
{
  Watch *found = NULL;

  g_mutex_lock (&list->lock);
  for (GSList *l = list->watches; l != NULL && found == NULL; l = l->next) {
    Watch *watch = l->data;

    if (watch->id == watch_id)
      found = watch;
  }
  list->watches = g_slist_remove (list->watches, found);
  g_mutex_unlock (&list->lock);
  if (found != NULL) {
    g_main_context_unref (found->context);
    g_free (found);
  }
}
