/* cl-thread-priority.c: background threads that yield to the one drawing the window.
 *
 * On Linux the nice value belongs to each thread (setpriority() with a thread id), and a
 * thread starts with its creator's: the hashing threads a verification starts inherit it.
 * GLib's pool threads are reused, so a pool thread, once lowered, stays lowered: every
 * task run there is background work.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

#include "cl-thread-priority.h"

#define BACKGROUND_NICE 10


void
cl_thread_priority_background (void)
{
#ifdef __linux__
  static __thread gboolean lowered;
  id_t tid;
  int current;

  if (lowered)
    return;
  lowered = TRUE;
  tid = (id_t) syscall (SYS_gettid);
  errno = 0;
  current = getpriority (PRIO_PROCESS, tid);
  if (errno == 0 && current < BACKGROUND_NICE)
    (void) setpriority (PRIO_PROCESS, tid, BACKGROUND_NICE);
#endif
}
