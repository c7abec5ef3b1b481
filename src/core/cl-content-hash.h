/* cl-content-hash.h: the content hash of an image, the key of the proof cache.
 *
 * The content hash is SHA-256 over every byte of the file outside the C2PA segments (the
 * ranges the asset reader reports as holding the manifest store, and for JPEG the whole APP11
 * segments including their headers). So the same picture hashes the same before and after
 * signing, and after its credentials are stripped. Which ranges those are is the asset
 * reader's knowledge: this file only hashes around them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct {
  guint64 offset;
  guint64 length;
} ClContentHashRange;

char *cl_content_hash_stream (GInputStream              *stream,
                              const ClContentHashRange  *excluded,
                              gsize                      n_excluded,
                              GCancellable              *cancellable,
                              GError                   **error);
char *cl_content_hash_file   (GFile                     *file,
                              const ClContentHashRange  *excluded,
                              gsize                      n_excluded,
                              GCancellable              *cancellable,
                              GError                   **error);
char *cl_content_hash_bytes  (GBytes                    *bytes,
                              const ClContentHashRange  *excluded,
                              gsize                      n_excluded,
                              GError                   **error);

G_END_DECLS
