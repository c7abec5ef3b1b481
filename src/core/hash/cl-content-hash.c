/* cl-content-hash.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cl-content-hash.h"


char *
cl_content_hash_hex (const guint8 *digest,
                     gsize         len)
{
  static const char digits[] = "0123456789abcdef";
  char *hex = g_malloc (len * 2 + 1);

  for (gsize i = 0; i < len; i++) {
    hex[2 * i] = digits[digest[i] >> 4];
    hex[2 * i + 1] = digits[digest[i] & 0x0F];
  }
  hex[len * 2] = '\0';
  return hex;
}


char *
cl_content_hash_stream (GInputStream       *stream,
                        const ClByteRange  *excluded,
                        gsize               n_excluded,
                        GCancellable       *cancellable,
                        GError            **error)
{
  guint8 digest[EVP_MAX_MD_SIZE];
  guint len = 0;

  if (!cl_data_hash_stream (stream, EVP_sha256 (), excluded, n_excluded, digest, &len,
                            NULL, NULL, cancellable, error))
    return NULL;
  return cl_content_hash_hex (digest, len);
}


char *
cl_content_hash_file (GFile              *file,
                      const ClByteRange  *excluded,
                      gsize               n_excluded,
                      GCancellable       *cancellable,
                      GError            **error)
{
  g_autoptr(GFileInputStream) stream = g_file_read (file, cancellable, error);

  if (stream == NULL)
    return NULL;
  return cl_content_hash_stream (G_INPUT_STREAM (stream), excluded, n_excluded,
                                 cancellable, error);
}


char *
cl_content_hash_bytes (GBytes             *bytes,
                       const ClByteRange  *excluded,
                       gsize               n_excluded,
                       GError            **error)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (bytes);

  return cl_content_hash_stream (stream, excluded, n_excluded, NULL, error);
}
