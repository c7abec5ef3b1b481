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
