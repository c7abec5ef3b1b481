/* cl-test-gui.h: helpers shared by the GUI tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

/* Spins the default main context until it has nothing left to do. */
static inline void
cl_test_drain_main_context (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Before a GUI test program ends: lets the worker threads of finished tasks go idle, then
 * ends them. OpenSSL frees a thread's error state only when the thread exits, so a pool
 * thread still parked at exit reads as a leak to LeakSanitizer. */
static inline void
cl_test_end_worker_threads (void)
{
  for (guint i = 0; i < 100; i++) {
    cl_test_drain_main_context ();
    g_usleep (10 * 1000);
  }
  g_thread_pool_set_max_unused_threads (0);
  g_thread_pool_stop_unused_threads ();
  g_usleep (100 * 1000);
}

static inline GtkDropTarget *
cl_test_find_drop_target (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++) {
    g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

    if (GTK_IS_DROP_TARGET (controller))
      return GTK_DROP_TARGET (controller);
  }
  return NULL;
}

/* The first widget under root (depth first) for which match is TRUE, or NULL. */
static inline GtkWidget *
cl_test_find_widget (GtkWidget *root,
                     gboolean (*match) (GtkWidget *widget, gconstpointer data),
                     gconstpointer data)
{
  if (match (root, data))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child)) {
    GtkWidget *found = cl_test_find_widget (child, match, data);

    if (found != NULL)
      return found;
  }
  return NULL;
}

static inline gboolean
cl_test_timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Spins the main loop until busy (object) is FALSE; fails after 60 s. */
static inline void
cl_test_wait_while (gboolean (*busy) (gpointer object),
                    gpointer   object)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (60, cl_test_timeout_cb, &timed_out);

  do {
    cl_test_drain_main_context ();
    if (busy (object))
      g_main_context_iteration (NULL, TRUE);
  } while (busy (object) && !timed_out);
  g_assert_false (timed_out);
  g_source_remove (id);
}
