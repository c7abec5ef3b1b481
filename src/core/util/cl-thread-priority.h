/* cl-thread-priority.h: background threads that yield to the one drawing the window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Lowers the calling thread's scheduling priority (nice 10, never higher than it already
 * is) for the rest of its life, and that of the threads it starts. For the entry points
 * of work run in the background of a window: on a machine with few cores, verifying and
 * decoding at the priority of the main thread took CPU time from drawing, and a drop of
 * files froze the window. Does nothing where threads cannot be given a priority. */
void cl_thread_priority_background (void);

G_END_DECLS
