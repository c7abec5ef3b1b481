/* cl-data-hash.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cl-data-hash.h"
#include "cl-error.h"

#define READ_BUFFER_SIZE (256 * 1024)

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EVP_MD_CTX, EVP_MD_CTX_free)


const EVP_MD *
cl_data_hash_md_from_name (const char *alg)
{
  if (alg == NULL)
    return NULL;
  if (g_str_equal (alg, "sha256"))
    return EVP_sha256 ();
  if (g_str_equal (alg, "sha384"))
    return EVP_sha384 ();
  if (g_str_equal (alg, "sha512"))
    return EVP_sha512 ();
  return NULL;
}


/* --- One hasher --------------------------------------------------------------- */

struct _ClDataHasher {
  EVP_MD_CTX *ctx;
  GArray     *ranges;       /* ClByteRange, sorted and merged */
  guint       next_range;
};


static int
compare_ranges (gconstpointer a,
                gconstpointer b)
{
  const ClByteRange *ra = a, *rb = b;

  return ra->start < rb->start ? -1 : ra->start > rb->start ? 1 : 0;
}


/* Sorted, merged copy of the exclusions so the hasher walks them once. */
static GArray *
normalise_exclusions (const ClByteRange *exclusions,
                      gsize              n_exclusions)
{
  GArray *merged = g_array_sized_new (FALSE, FALSE, sizeof (ClByteRange), n_exclusions);
  g_autoptr(GArray) sorted = g_array_sized_new (FALSE, FALSE, sizeof (ClByteRange), n_exclusions);

  for (gsize i = 0; i < n_exclusions; i++) {
    if (exclusions[i].length > 0)
      g_array_append_val (sorted, exclusions[i]);
  }
  g_array_sort (sorted, compare_ranges);

  for (guint i = 0; i < sorted->len; i++) {
    ClByteRange r = g_array_index (sorted, ClByteRange, i);
    ClByteRange *last = merged->len > 0 ? &g_array_index (merged, ClByteRange, merged->len - 1)
                                        : NULL;
    guint64 end = r.start + r.length < r.start ? G_MAXUINT64 : r.start + r.length;

    if (last != NULL && r.start <= last->start + last->length) {
      if (end > last->start + last->length)
        last->length = end - last->start;
    } else {
      r.length = end - r.start;
      g_array_append_val (merged, r);
    }
  }
  return merged;
}


ClDataHasher *
cl_data_hasher_new (const EVP_MD       *md,
                    const ClByteRange  *exclusions,
                    gsize               n_exclusions,
                    GError            **error)
{
  g_autoptr(EVP_MD_CTX) ctx = EVP_MD_CTX_new ();
  ClDataHasher *self;

  g_return_val_if_fail (md != NULL, NULL);

  if (ctx == NULL || EVP_DigestInit_ex (ctx, md, NULL) != 1) {
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                         _("The hash function could not be started"));
    return NULL;
  }
  self = g_new0 (ClDataHasher, 1);
  self->ctx = g_steal_pointer (&ctx);
  self->ranges = normalise_exclusions (exclusions, n_exclusions);
  return self;
}


void
cl_data_hasher_free (ClDataHasher *self)
{
  if (self == NULL)
    return;
  EVP_MD_CTX_free (self->ctx);
  g_array_unref (self->ranges);
  g_free (self);
}


void
cl_data_hasher_consume (gpointer      consumer,
                        guint64       offset,
                        const guint8 *data,
                        gsize         len)
{
  ClDataHasher *self = consumer;
  gsize pos = 0;

  /* Feed the parts of this buffer that lie outside every excluded range. */
  while (pos < len) {
    guint64 abs = offset + pos;
    gsize take = len - pos;

    while (self->next_range < self->ranges->len) {
      ClByteRange *r = &g_array_index (self->ranges, ClByteRange, self->next_range);

      if (abs >= r->start + r->length) {
        self->next_range++;
        continue;
      }
      if (abs >= r->start) {
        /* Inside an exclusion: skip to its end or the end of the buffer. */
        guint64 skip = r->start + r->length - abs;

        pos += skip < take ? (gsize) skip : take;
        take = 0;
      } else if (r->start - abs < take) {
        take = (gsize) (r->start - abs);
      }
      break;
    }
    if (take > 0) {
      EVP_DigestUpdate (self->ctx, data + pos, take);
      pos += take;
    }
  }
}


gboolean
cl_data_hash_ranges_fit (const ClByteRange  *ranges,
                         gsize               n_ranges,
                         guint64             file_size,
                         GError            **error)
{
  for (gsize i = 0; i < n_ranges; i++) {
    const ClByteRange *r = &ranges[i];

    if (r->length > 0 && (r->start > file_size || r->length > file_size - r->start)) {
      g_set_error (error, CL_ASSET_ERROR, CL_ASSET_ERROR_TRUNCATED,
                   _("An excluded range (%llu+%llu"
                     ") reaches past the end of the file (%llu bytes)"),
                   (unsigned long long) r->start, (unsigned long long) r->length,
                   (unsigned long long) file_size);
      return FALSE;
    }
  }
  return TRUE;
}


gboolean
cl_data_hasher_finish (ClDataHasher  *self,
                       guint64        file_size,
                       guint8        *digest_out,
                       guint         *digest_len_out,
                       GError       **error)
{
  /* The ranges are sorted and merged: the last one reaches furthest. */
  if (self->ranges->len > 0 &&
      !cl_data_hash_ranges_fit (&g_array_index (self->ranges, ClByteRange, self->ranges->len - 1),
                                1, file_size, error))
    return FALSE;
  EVP_DigestFinal_ex (self->ctx, digest_out, digest_len_out);
  return TRUE;
}


/* --- The pass ----------------------------------------------------------------- */

/* The reading thread fills a few buffers in turn; each consumer that asked for a thread
 * of its own (and the whole-file SHA-256) reads the same buffers there, so reading the
 * next buffer and the digests of the last run at once. A buffer goes back to the free
 * queue when its last helper is done with it: memory stays constant, nothing is copied. */
#define N_BUFFERS 4

typedef struct {
  guint8  *data;
  gsize    len;       /* 0: end of stream */
  guint64  offset;
  gint     pending;   /* helpers yet to read it */
} HashBuffer;

typedef struct {
  ClStreamConsumer  consumer;
  GAsyncQueue      *filled;
  GAsyncQueue      *free;     /* the pass's, shared */
  GThread          *thread;
} Helper;


static gpointer
helper_thread (gpointer data)
{
  Helper *helper = data;

  for (;;) {
    HashBuffer *buf = g_async_queue_pop (helper->filled);
    gboolean end = buf->len == 0;

    if (!end)
      helper->consumer.consume (helper->consumer.consumer, buf->offset, buf->data, buf->len);
    if (g_atomic_int_dec_and_test (&buf->pending))
      g_async_queue_push (helper->free, buf);
    if (end)
      return NULL;
  }
}


static void
whole_sha256_consume (gpointer      consumer,
                      guint64       offset,
                      const guint8 *data,
                      gsize         len)
{
  EVP_DigestUpdate (consumer, data, len);
}


/* Splits the consumers into those run on the reading thread and the helpers, each started
 * on a thread of its own (one that cannot be started runs on the reading thread). */
static void
start_helpers (const ClStreamConsumer  *consumers,
               guint                    n_consumers,
               GPtrArray               *inline_consumers,
               GPtrArray               *helpers,
               GAsyncQueue             *free_queue)
{
  for (guint i = 0; i < n_consumers; i++) {
    Helper *helper;

    if (!consumers[i].own_thread) {
      g_ptr_array_add (inline_consumers, (gpointer) &consumers[i]);
      continue;
    }
    helper = g_new0 (Helper, 1);
    helper->consumer = consumers[i];
    helper->filled = g_async_queue_new ();
    helper->free = free_queue;
    helper->thread = g_thread_try_new ("cl-hash-helper", helper_thread, helper, NULL);
    if (helper->thread == NULL) {
      g_async_queue_unref (helper->filled);
      g_free (helper);
      g_ptr_array_add (inline_consumers, (gpointer) &consumers[i]);
      continue;
    }
    g_ptr_array_add (helpers, helper);
  }
}


/* Hands buf to every helper (or straight back to the free queue when there is none). */
static void
share_buffer (HashBuffer  *buf,
              GPtrArray   *helpers,
              GAsyncQueue *free_queue)
{
  if (helpers->len == 0) {
    g_async_queue_push (free_queue, buf);
    return;
  }
  g_atomic_int_set (&buf->pending, (gint) helpers->len);
  for (guint i = 0; i < helpers->len; i++)
    g_async_queue_push (((Helper *) g_ptr_array_index (helpers, i))->filled, buf);
}


/* Ends every helper's stream and waits for it. */
static void
stop_helpers (GPtrArray   *helpers,
              GAsyncQueue *free_queue)
{
  HashBuffer *end;

  if (helpers->len == 0)
    return;
  end = g_async_queue_pop (free_queue);
  end->len = 0;
  share_buffer (end, helpers, free_queue);
  for (guint i = 0; i < helpers->len; i++) {
    Helper *helper = g_ptr_array_index (helpers, i);

    g_thread_join (helper->thread);
    g_async_queue_unref (helper->filled);
    g_free (helper);
  }
  g_ptr_array_set_size (helpers, 0);
}


/* Reads to the end, feeding every buffer to the consumers. */
static gboolean
read_and_feed (GInputStream  *stream,
               GPtrArray     *inline_consumers,
               GPtrArray     *helpers,
               GAsyncQueue   *free_queue,
               guint64       *offset,
               GCancellable  *cancellable,
               GError       **error)
{
  for (;;) {
    HashBuffer *buf = g_async_queue_pop (free_queue);
    gssize n = g_input_stream_read (stream, buf->data, READ_BUFFER_SIZE, cancellable, error);

    if (n <= 0) {
      g_async_queue_push (free_queue, buf);
      return n == 0;
    }
    for (guint i = 0; i < inline_consumers->len; i++) {
      const ClStreamConsumer *c = g_ptr_array_index (inline_consumers, i);

      c->consume (c->consumer, *offset, buf->data, (gsize) n);
    }
    buf->len = (gsize) n;
    buf->offset = *offset;
    *offset += (guint64) n;
    share_buffer (buf, helpers, free_queue);
  }
}


gboolean
cl_data_hash_pass (GInputStream            *stream,
                   const ClStreamConsumer  *consumers,
                   guint                    n_consumers,
                   guint8                  *whole_sha256,
                   guint64                 *file_size_out,
                   GCancellable            *cancellable,
                   GError                 **error)
{
  g_autoptr(EVP_MD_CTX) whole_ctx = whole_sha256 != NULL ? EVP_MD_CTX_new () : NULL;
  g_autoptr(GPtrArray) inline_consumers = g_ptr_array_new ();
  g_autoptr(GPtrArray) helpers = g_ptr_array_new ();
  ClStreamConsumer whole = { whole_sha256_consume, NULL, TRUE };
  HashBuffer buffers[N_BUFFERS];
  GAsyncQueue *free_queue;
  guint64 offset = 0;
  gboolean ok;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), FALSE);

  if (whole_sha256 != NULL &&
      (whole_ctx == NULL || EVP_DigestInit_ex (whole_ctx, EVP_sha256 (), NULL) != 1)) {
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                         _("The hash function could not be started"));
    return FALSE;
  }

  free_queue = g_async_queue_new ();
  for (guint i = 0; i < N_BUFFERS; i++) {
    buffers[i] = (HashBuffer) { g_malloc (READ_BUFFER_SIZE), 0, 0, 0 };
    g_async_queue_push (free_queue, &buffers[i]);
  }
  start_helpers (consumers, n_consumers, inline_consumers, helpers, free_queue);
  if (whole_ctx != NULL) {
    whole.consumer = whole_ctx;
    start_helpers (&whole, 1, inline_consumers, helpers, free_queue);
  }

  ok = read_and_feed (stream, inline_consumers, helpers, free_queue, &offset, cancellable,
                      error);
  stop_helpers (helpers, free_queue);
  for (guint i = 0; i < N_BUFFERS; i++)
    g_free (buffers[i].data);
  g_async_queue_unref (free_queue);
  if (!ok)
    return FALSE;

  if (whole_ctx != NULL)
    EVP_DigestFinal_ex (whole_ctx, whole_sha256, NULL);
  if (file_size_out != NULL)
    *file_size_out = offset;
  return TRUE;
}


gboolean
cl_data_hash_stream (GInputStream       *stream,
                     const EVP_MD       *md,
                     const ClByteRange  *exclusions,
                     gsize               n_exclusions,
                     guint8             *digest_out,
                     guint              *digest_len_out,
                     guint8             *whole_sha256,
                     guint64            *file_size_out,
                     GCancellable       *cancellable,
                     GError            **error)
{
  g_autoptr(ClDataHasher) hasher = cl_data_hasher_new (md, exclusions, n_exclusions, error);
  ClStreamConsumer consumer = { cl_data_hasher_consume, NULL };
  guint64 size = 0;

  if (hasher == NULL)
    return FALSE;
  consumer.consumer = hasher;
  if (!cl_data_hash_pass (stream, &consumer, 1, whole_sha256, &size, cancellable, error) ||
      !cl_data_hasher_finish (hasher, size, digest_out, digest_len_out, error))
    return FALSE;
  if (file_size_out != NULL)
    *file_size_out = size;
  return TRUE;
}


gboolean
cl_data_hash_file (const char         *path,
                   const EVP_MD       *md,
                   const ClByteRange  *exclusions,
                   gsize               n_exclusions,
                   guint8             *digest_out,
                   guint              *digest_len_out,
                   guint8             *whole_sha256,
                   guint64            *file_size_out,
                   GCancellable       *cancellable,
                   GError            **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = g_file_read (file, cancellable, error);

  if (stream == NULL)
    return FALSE;
  return cl_data_hash_stream (G_INPUT_STREAM (stream), md, exclusions, n_exclusions,
                              digest_out, digest_len_out, whole_sha256, file_size_out,
                              cancellable, error);
}
