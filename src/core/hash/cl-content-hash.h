/* cl-content-hash.h: the content hash of an image, the key of the proof cache.
 *
 * The content hash is SHA-256 over every byte of the file outside the C2PA segments (the
 * ranges the asset reader reports as holding the manifest store: for JPEG the whole APP11
 * segments including their headers, for PNG the whole caBX chunk). So the same picture
 * hashes the same before and after signing, and after its credentials are stripped.
 * The hashing itself is cl-data-hash's single streamed pass.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cl-data-hash.h"

G_BEGIN_DECLS

/* 64 lowercase hex digits, or NULL with an error (a range past the end is an error). */
char *cl_content_hash_stream (GInputStream       *stream,
                              const ClByteRange  *excluded,
                              gsize               n_excluded,
                              GCancellable       *cancellable,
                              GError            **error);
char *cl_content_hash_file   (GFile              *file,
                              const ClByteRange  *excluded,
                              gsize               n_excluded,
                              GCancellable       *cancellable,
                              GError            **error);
char *cl_content_hash_bytes  (GBytes             *bytes,
                              const ClByteRange  *excluded,
                              gsize               n_excluded,
                              GError            **error);
/* Lowercase hex of a digest, the form the proof cache stores. */
char *cl_content_hash_hex    (const guint8       *digest,
                              gsize               len);

G_END_DECLS
