/* cl-content-hash.c: SHA-256 of a file around its C2PA segments, in one streamed pass.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <openssl/evp.h>

#include "cl-content-hash.h"
#include "cl-error.h"

#define CHUNK_SIZE (64 * 1024)

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EVP_MD_CTX, EVP_MD_CTX_free)


static int
compare_ranges (gconstpointer a,
                gconstpointer b)
{
  const ClContentHashRange *ra = a, *rb = b;

  return ra->offset < rb->offset ? -1 : ra->offset > rb->offset ? 1 : 0;
}


/* Sorted, merged, non-empty copies of @excluded as [start, end) pairs. */
static GArray *
normalise_ranges (const ClContentHashRange  *excluded,
                  gsize                      n_excluded,
                  GError                   **error)
{
  g_autoptr(GArray) sorted = g_array_sized_new (FALSE, FALSE, sizeof (ClContentHashRange),
                                                n_excluded);
  g_autoptr(GArray) merged = g_array_new (FALSE, FALSE, sizeof (guint64) * 2);
  gsize i;

  for (i = 0; i < n_excluded; i++) {
    if (excluded[i].length > G_MAXUINT64 - excluded[i].offset) {
      g_set_error (error, CL_PROOF_CACHE_ERROR, CL_PROOF_CACHE_ERROR_INVALID,
                   _("An excluded byte range at offset %" G_GUINT64_FORMAT " is too long"),
                   excluded[i].offset);
      return NULL;
    }
    if (excluded[i].length > 0)
      g_array_append_val (sorted, excluded[i]);
  }
  g_array_sort (sorted, compare_ranges);

  for (i = 0; i < sorted->len; i++) {
    const ClContentHashRange *r = &g_array_index (sorted, ClContentHashRange, i);
    guint64 span[2] = { r->offset, r->offset + r->length };
    guint64 *last = merged->len > 0 ? (guint64 *) merged->data + 2 * (merged->len - 1) : NULL;

    if (last != NULL && span[0] <= last[1])
      last[1] = MAX (last[1], span[1]);
    else
      g_array_append_val (merged, span);
  }

  return g_steal_pointer (&merged);
}


static char *
hex_digest (EVP_MD_CTX *ctx)
{
  guint8 digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  GString *hex = g_string_sized_new (64);
  unsigned int i;

  EVP_DigestFinal_ex (ctx, digest, &size);
  for (i = 0; i < size; i++)
    g_string_append_printf (hex, "%02x", digest[i]);

  return g_string_free (hex, FALSE);
}


/* The content hash of everything @stream yields from its current position (taken as offset
 * 0) to its end, skipping the @excluded ranges, which may come in any order and overlap. A
 * range reaching past the end is an error: the file is not what the reader measured. */
char *
cl_content_hash_stream (GInputStream              *stream,
                        const ClContentHashRange  *excluded,
                        gsize                      n_excluded,
                        GCancellable              *cancellable,
                        GError                   **error)
{
  g_autoptr(GArray) ranges = NULL;
  g_autoptr(EVP_MD_CTX) ctx = EVP_MD_CTX_new ();
  g_autofree guint8 *buffer = g_malloc (CHUNK_SIZE);
  guint64 position = 0;
  guint next_range = 0;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);
  g_return_val_if_fail (excluded != NULL || n_excluded == 0, NULL);

  ranges = normalise_ranges (excluded, n_excluded, error);
  if (ranges == NULL)
    return NULL;
  if (ctx == NULL || EVP_DigestInit_ex (ctx, EVP_sha256 (), NULL) != 1) {
    g_set_error (error, CL_PROOF_CACHE_ERROR, CL_PROOF_CACHE_ERROR_INVALID,
                 _("SHA-256 is not available"));
    return NULL;
  }

  for (;;) {
    gsize n_read = 0, done = 0;

    if (!g_input_stream_read_all (stream, buffer, CHUNK_SIZE, &n_read, cancellable, error))
      return NULL;
    if (n_read == 0)
      break;

    /* Hash the parts of [position, position + n_read) outside every range. */
    while (done < n_read) {
      guint64 here = position + done;
      guint64 stop = position + n_read;

      while (next_range < ranges->len &&
             ((guint64 *) ranges->data)[2 * next_range + 1] <= here)
        next_range++;

      if (next_range < ranges->len && ((guint64 *) ranges->data)[2 * next_range] <= here) {
        /* Inside an excluded range: skip to its end. */
        stop = MIN (stop, ((guint64 *) ranges->data)[2 * next_range + 1]);
      } else {
        if (next_range < ranges->len)
          stop = MIN (stop, ((guint64 *) ranges->data)[2 * next_range]);
        EVP_DigestUpdate (ctx, buffer + done, stop - here);
      }
      done += stop - here;
    }
    position += n_read;
  }

  if (ranges->len > 0 && ((guint64 *) ranges->data)[2 * ranges->len - 1] > position) {
    g_set_error (error, CL_PROOF_CACHE_ERROR, CL_PROOF_CACHE_ERROR_INVALID,
                 _("An excluded byte range ends at offset %" G_GUINT64_FORMAT
                   ", after the end of the file (%" G_GUINT64_FORMAT " bytes)"),
                 ((guint64 *) ranges->data)[2 * ranges->len - 1], position);
    return NULL;
  }

  return hex_digest (ctx);
}


char *
cl_content_hash_file (GFile                     *file,
                      const ClContentHashRange  *excluded,
                      gsize                      n_excluded,
                      GCancellable              *cancellable,
                      GError                   **error)
{
  g_autoptr(GFileInputStream) stream = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return NULL;

  return cl_content_hash_stream (G_INPUT_STREAM (stream), excluded, n_excluded,
                                 cancellable, error);
}


char *
cl_content_hash_bytes (GBytes                    *bytes,
                       const ClContentHashRange  *excluded,
                       gsize                      n_excluded,
                       GError                   **error)
{
  g_autoptr(GInputStream) stream = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);

  stream = g_memory_input_stream_new_from_bytes (bytes);

  return cl_content_hash_stream (stream, excluded, n_excluded, NULL, error);
}
