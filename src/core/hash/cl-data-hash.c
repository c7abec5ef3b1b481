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
cl_data_hasher_finish (ClDataHasher  *self,
                       guint64        file_size,
                       guint8        *digest_out,
                       guint         *digest_len_out,
                       GError       **error)
{
  if (self->ranges->len > 0) {
    ClByteRange *last = &g_array_index (self->ranges, ClByteRange, self->ranges->len - 1);

    if (last->start + last->length > file_size) {
      g_set_error (error, CL_ASSET_ERROR, CL_ASSET_ERROR_TRUNCATED,
                   _("An excluded range (%" G_GUINT64_FORMAT "+%" G_GUINT64_FORMAT
                     ") reaches past the end of the file (%" G_GUINT64_FORMAT " bytes)"),
                   last->start, last->length, file_size);
      return FALSE;
    }
  }
  EVP_DigestFinal_ex (self->ctx, digest_out, digest_len_out);
  return TRUE;
}


/* --- The pass ----------------------------------------------------------------- */

/* The whole-file SHA-256 runs on a helper thread over the same buffers, so asking for it
 * costs no wall time on a machine with a spare core (the read loop and the other consumers
 * stay on the calling thread). Buffers circulate between two queues. */
#define N_BUFFERS 3

typedef struct {
  guint8 *data;
  gsize   len;     /* 0: end of stream */
} HashBuffer;

typedef struct {
  GAsyncQueue *filled;
  GAsyncQueue *free;
  EVP_MD_CTX  *ctx;
} WholeHasher;


static gpointer
whole_hash_thread (gpointer data)
{
  WholeHasher *wh = data;

  for (;;) {
    HashBuffer *buf = g_async_queue_pop (wh->filled);
    gboolean end = buf->len == 0;

    if (!end)
      EVP_DigestUpdate (wh->ctx, buf->data, buf->len);
    g_async_queue_push (wh->free, buf);
    if (end)
      return NULL;
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
  HashBuffer buffers[N_BUFFERS];
  WholeHasher wh = { NULL, NULL, NULL };
  GThread *thread = NULL;
  guint64 offset = 0;
  gboolean ok = TRUE;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), FALSE);

  if (whole_sha256 != NULL &&
      (whole_ctx == NULL || EVP_DigestInit_ex (whole_ctx, EVP_sha256 (), NULL) != 1)) {
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                         _("The hash function could not be started"));
    return FALSE;
  }

  wh.free = g_async_queue_new ();
  for (guint i = 0; i < N_BUFFERS; i++) {
    buffers[i].data = g_malloc (READ_BUFFER_SIZE);
    buffers[i].len = 0;
    g_async_queue_push (wh.free, &buffers[i]);
  }
  if (whole_ctx != NULL) {
    wh.filled = g_async_queue_new ();
    wh.ctx = whole_ctx;
    thread = g_thread_new ("cl-whole-hash", whole_hash_thread, &wh);
  }

  for (;;) {
    HashBuffer *buf = g_async_queue_pop (wh.free);
    gssize n = g_input_stream_read (stream, buf->data, READ_BUFFER_SIZE, cancellable, error);

    if (n <= 0) {
      g_async_queue_push (wh.free, buf);
      ok = n == 0;
      break;
    }
    for (guint i = 0; i < n_consumers; i++)
      consumers[i].consume (consumers[i].consumer, offset, buf->data, (gsize) n);
    offset += (guint64) n;

    if (thread != NULL) {
      buf->len = (gsize) n;
      g_async_queue_push (wh.filled, buf);
    } else {
      g_async_queue_push (wh.free, buf);
    }
  }

  if (thread != NULL) {
    HashBuffer *end = g_async_queue_pop (wh.free);

    end->len = 0;
    g_async_queue_push (wh.filled, end);
    g_thread_join (thread);
    g_async_queue_unref (wh.filled);
  }
  for (guint i = 0; i < N_BUFFERS; i++)
    g_free (buffers[i].data);
  g_async_queue_unref (wh.free);
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
