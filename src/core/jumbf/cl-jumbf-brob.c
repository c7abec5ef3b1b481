/* cl-jumbf-brob.c: decompressing a brob box in steps, so that the output is checked
 * against its cap before it grows past it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <brotli/decode.h>
#include <glib/gi18n.h>

#include "cl-error.h"
#include "cl-jumbf-brob.h"

/* Output is produced this much at a time. */
#define CHUNK_LEN (64 * 1024)

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BrotliDecoderState, BrotliDecoderDestroyInstance)


static void
set_malformed (GError     **error,
               gsize        offset,
               const char  *why)
{
  g_set_error (error, CL_JUMBF_ERROR, CL_JUMBF_ERROR_MALFORMED,
               _("The compressed box at offset %lu cannot be decompressed: %s"),
               (gulong) offset, why);
}


GBytes *
cl_jumbf_brob_decompress (const ClJumbfBox  *brob,
                          gsize              max_len,
                          GError           **error)
{
  g_autoptr(BrotliDecoderState) decoder = BrotliDecoderCreateInstance (NULL, NULL, NULL);
  g_autoptr(GByteArray) out = g_byte_array_new ();
  g_autofree guint8 *chunk = g_malloc (CHUNK_LEN);
  size_t avail_in;
  const guint8 *next_in = cl_jumbf_box_payload (brob, &avail_in);
  BrotliDecoderResult result;

  if (decoder == NULL) {
    set_malformed (error, brob->offset, _("the decoder cannot be created"));
    return NULL;
  }
  do {
    guint8 *next_out = chunk;
    size_t avail_out = CHUNK_LEN;
    gsize produced;

    result = BrotliDecoderDecompressStream (decoder, &avail_in, &next_in,
                                            &avail_out, &next_out, NULL);
    produced = CHUNK_LEN - avail_out;
    if (produced > max_len - out->len) {
      g_set_error (error, CL_JUMBF_ERROR, CL_JUMBF_ERROR_MALFORMED,
                   _("The compressed box at offset %lu expands to more "
                     "than %lu MB, the most CredLink decompresses"),
                   (gulong) brob->offset, (gulong) (max_len / (1024 * 1024)));
      return NULL;
    }
    g_byte_array_append (out, chunk, (guint) produced);
  } while (result == BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT);

  if (result == BROTLI_DECODER_RESULT_ERROR) {
    set_malformed (error, brob->offset,
                   BrotliDecoderErrorString (BrotliDecoderGetErrorCode (decoder)));
    return NULL;
  }
  if (result == BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT) {
    set_malformed (error, brob->offset, _("the compressed data is truncated"));
    return NULL;
  }
  if (avail_in != 0) {
    set_malformed (error, brob->offset, _("bytes follow the end of the compressed data"));
    return NULL;
  }
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}
