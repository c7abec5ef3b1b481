/* cl-data-hash.h: one streamed pass over an asset that hashes every byte
 * outside a set of excluded ranges (the C2PA hard binding, c2pa.hash.data),
 * and optionally the whole file at the same time.
 *
 * The pass reads the file once and hands every buffer to a list of consumers
 * (ClDataHasher for an exclusion hash, the box-hash verifier, …), so several
 * digests of one file never cost several reads.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <openssl/evp.h>

#include "cl-byte-range.h"

G_BEGIN_DECLS

/* The C2PA hash algorithm names ("sha256", "sha384", "sha512"); NULL for anything else. */
const EVP_MD *cl_data_hash_md_from_name (const char *alg);

/* Something that reads the file as it streams by: data is the next len bytes,
 * starting at offset; calls come in file order without gaps. */
typedef void (*ClStreamConsumeFunc) (gpointer      consumer,
                                     guint64       offset,
                                     const guint8 *data,
                                     gsize         len);

typedef struct {
  ClStreamConsumeFunc consume;
  gpointer            consumer;
  /* TRUE: fed on a thread of its own while the next buffer is read (a digest); the
   * consumer must then touch nothing another consumer does. */
  gboolean            own_thread;
} ClStreamConsumer;

/* Reads stream from its current position to the end, once, handing every buffer to each
 * consumer in turn. When whole_sha256 is not NULL it receives the SHA-256 of every byte
 * (computed on a helper thread over the same buffers). Memory use is constant: the
 * helpers read the pass's own few buffers, nothing is copied. */
gboolean      cl_data_hash_pass         (GInputStream            *stream,
                                         const ClStreamConsumer  *consumers,
                                         guint                    n_consumers,
                                         guint8                  *whole_sha256,
                                         guint64                 *file_size_out,
                                         GCancellable            *cancellable,
                                         GError                 **error);

/* The digest of the bytes outside a set of exclusions, fed incrementally. The digest
 * context is set up by cl_data_hasher_new(), so a hasher made on one thread can be fed on
 * another without OpenSSL looking anything up there. Exclusions may come in any order and
 * may overlap. */
typedef struct _ClDataHasher ClDataHasher;

ClDataHasher *cl_data_hasher_new        (const EVP_MD            *md,
                                         const ClByteRange       *exclusions,
                                         gsize                    n_exclusions,
                                         GError                 **error);
void          cl_data_hasher_free       (ClDataHasher            *self);
/* A ClStreamConsumeFunc. */
void          cl_data_hasher_consume    (gpointer                 self,
                                         guint64                  offset,
                                         const guint8            *data,
                                         gsize                    len);
/* file_size: how many bytes were streamed. An exclusion that reaches past the end of
 * the file is an error (CL_ASSET_ERROR_TRUNCATED: the hard binding then cannot match). */
gboolean      cl_data_hasher_finish     (ClDataHasher            *self,
                                         guint64                  file_size,
                                         guint8                  *digest_out,
                                         guint                   *digest_len_out,
                                         GError                 **error);

/* The same check alone, for ranges no hasher was made for: FALSE (and the same error)
 * when one of them reaches past file_size. */
gboolean      cl_data_hash_ranges_fit   (const ClByteRange       *ranges,
                                         gsize                    n_ranges,
                                         guint64                  file_size,
                                         GError                 **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClDataHasher, cl_data_hasher_free)

/* One hasher over the whole stream, from its current position to the end. */
gboolean      cl_data_hash_stream       (GInputStream       *stream,
                                         const EVP_MD       *md,
                                         const ClByteRange  *exclusions,
                                         gsize               n_exclusions,
                                         guint8             *digest_out,
                                         guint              *digest_len_out,
                                         guint8             *whole_sha256,
                                         guint64            *file_size_out,
                                         GCancellable       *cancellable,
                                         GError            **error);

/* The same over a file path. */
gboolean      cl_data_hash_file         (const char         *path,
                                         const EVP_MD       *md,
                                         const ClByteRange  *exclusions,
                                         gsize               n_exclusions,
                                         guint8             *digest_out,
                                         guint              *digest_len_out,
                                         guint8             *whole_sha256,
                                         guint64            *file_size_out,
                                         GCancellable       *cancellable,
                                         GError            **error);

G_END_DECLS
