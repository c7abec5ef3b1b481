/* cl-consumer-thread.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "cl-consumer-thread.h"

#define N_PIECES 3

typedef struct {
  guint8   *data;
  gsize     size;       /* allocated */
  gsize     len;
  guint64   offset;
  gboolean  end;
} Piece;

struct _ClConsumerThread {
  ClStreamConsumeFunc  consume;
  gpointer             consumer;
  GAsyncQueue         *filled;
  GAsyncQueue         *free;
  Piece                pieces[N_PIECES];
  GThread             *thread;
};


static gpointer
consumer_thread (gpointer data)
{
  ClConsumerThread *self = data;

  for (;;) {
    Piece *piece = g_async_queue_pop (self->filled);
    gboolean end = piece->end;

    if (!end)
      self->consume (self->consumer, piece->offset, piece->data, piece->len);
    g_async_queue_push (self->free, piece);
    if (end)
      return NULL;
  }
}


ClConsumerThread *
cl_consumer_thread_new (ClStreamConsumeFunc consume,
                        gpointer            consumer)
{
  ClConsumerThread *self = g_new0 (ClConsumerThread, 1);

  self->consume = consume;
  self->consumer = consumer;
  self->filled = g_async_queue_new ();
  self->free = g_async_queue_new ();
  for (guint i = 0; i < N_PIECES; i++)
    g_async_queue_push (self->free, &self->pieces[i]);
  self->thread = g_thread_try_new ("cl-hash-consumer", consumer_thread, self, NULL);
  return self;
}


void
cl_consumer_thread_consume (gpointer      consumer,
                            guint64       offset,
                            const guint8 *data,
                            gsize         len)
{
  ClConsumerThread *self = consumer;
  Piece *piece;

  if (self->thread == NULL) {
    self->consume (self->consumer, offset, data, len);
    return;
  }
  piece = g_async_queue_pop (self->free);
  if (piece->size < len) {
    g_free (piece->data);
    piece->data = g_malloc (len);
    piece->size = len;
  }
  if (len > 0)
    memcpy (piece->data, data, len);
  piece->len = len;
  piece->offset = offset;
  g_async_queue_push (self->filled, piece);
}


void
cl_consumer_thread_finish (ClConsumerThread *self)
{
  if (self == NULL)
    return;
  if (self->thread != NULL) {
    Piece *end = g_async_queue_pop (self->free);

    end->end = TRUE;
    g_async_queue_push (self->filled, end);
    g_thread_join (self->thread);
  }
  for (guint i = 0; i < N_PIECES; i++)
    g_free (self->pieces[i].data);
  g_async_queue_unref (self->filled);
  g_async_queue_unref (self->free);
  g_free (self);
}
