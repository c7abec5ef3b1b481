/* cl-consumer-thread.h: a stream consumer moved to a thread of its own, so that a second
 * digest of the file (the BMFF hash next to the content hash) costs no wall time on a
 * machine with a spare core. Each buffer is copied into one of a few buffers of the
 * thread's own: memory stays constant.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cl-data-hash.h"

G_BEGIN_DECLS

typedef struct _ClConsumerThread ClConsumerThread;

/* Starts the thread (or, when none can be started, feeds inner directly). */
ClConsumerThread *cl_consumer_thread_new     (ClStreamConsumeFunc  consume,
                                              gpointer             consumer);
/* A ClStreamConsumeFunc: hands a copy of the buffer to the thread. */
void              cl_consumer_thread_consume (gpointer             self,
                                              guint64              offset,
                                              const guint8        *data,
                                              gsize                len);
/* Waits until the thread has fed every buffer to the consumer, and frees it. */
void              cl_consumer_thread_finish  (ClConsumerThread    *self);

G_END_DECLS
