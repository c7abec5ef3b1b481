/* cl-data-hash.h: one streamed pass over an asset that hashes every byte
 * outside a set of excluded ranges (the C2PA hard binding, c2pa.hash.data),
 * and optionally the whole file at the same time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <openssl/evp.h>

G_BEGIN_DECLS

typedef struct {
  guint64 start;
  guint64 length;
} ClByteRange;

/* The C2PA hash algorithm names ("sha256", "sha384", "sha512"); NULL for anything else. */
const EVP_MD *cl_data_hash_md_from_name (const char *alg);

/* Reads stream from its current position to the end, feeding every byte whose offset
 * (counted from the start of the stream) is outside all exclusions into the digest md.
 * Exclusions may come in any order and may overlap; one that reaches past the end of
 * the file is an error (the hard binding then cannot match).
 * When whole_sha256 is not NULL, it receives the SHA-256 of every byte (32 bytes).
 * Memory use is constant: a fixed read buffer. */
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
