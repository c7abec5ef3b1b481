/* cl-image-check.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cl-error.h"
#include "cl-image-check.h"

/* Reads one byte; FALSE at the end of the file (without an error) or on error. */
static gboolean
next_byte (GBufferedInputStream  *in,
           guint64               *offset,
           guint8                *byte,
           GCancellable          *cancellable,
           GError               **error)
{
  int value = g_buffered_input_stream_read_byte (in, cancellable, error);

  if (value < 0)
    return FALSE;
  *byte = (guint8) value;
  (*offset)++;
  return TRUE;
}


static gboolean
skip_bytes (GBufferedInputStream  *in,
            guint64               *offset,
            gsize                  count,
            GCancellable          *cancellable,
            GError               **error)
{
  gssize skipped = g_input_stream_skip (G_INPUT_STREAM (in), count, cancellable, error);

  if (skipped < 0)
    return FALSE;
  *offset += (guint64) skipped;
  return (gsize) skipped == count;
}


/* Walks marker segments and entropy-coded scans (ISO 10918-1 Annex B) until EOI. */
static gboolean
jpeg_check (GInputStream  *stream,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GInputStream) in = g_buffered_input_stream_new_sized (stream, 64 * 1024);
  GBufferedInputStream *buffered = G_BUFFERED_INPUT_STREAM (in);
  g_autoptr(GError) local_error = NULL;
  guint64 offset = 0;
  guint8 byte = 0, marker;
  gboolean in_scan = FALSE;

  g_filter_input_stream_set_close_base_stream (G_FILTER_INPUT_STREAM (in), FALSE);
  if (!g_seekable_seek (G_SEEKABLE (stream), 2, G_SEEK_SET, cancellable, error))
    return FALSE;
  offset = 2;

  for (;;) {
    guint8 length_bytes[2];
    guint length;

    if (!next_byte (buffered, &offset, &byte, cancellable, &local_error))
      break;
    if (byte != 0xFF) {
      if (in_scan)
        continue;   /* entropy-coded data */
      g_set_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_INPUT,
                   _("The JPEG structure is broken at byte %" G_GUINT64_FORMAT), offset - 1);
      return FALSE;
    }
    do {
      if (!next_byte (buffered, &offset, &marker, cancellable, &local_error))
        goto end_of_file;
    } while (marker == 0xFF);   /* fill bytes */
    if (marker == 0x00 || (marker >= 0xD0 && marker <= 0xD7))
      continue;                 /* stuffed 0xFF or a restart marker inside a scan */
    if (marker == 0xD9)
      return TRUE;              /* EOI: the image is complete */
    if (marker == 0x01)
      continue;
    if (!next_byte (buffered, &offset, &length_bytes[0], cancellable, &local_error) ||
        !next_byte (buffered, &offset, &length_bytes[1], cancellable, &local_error))
      break;
    length = ((guint) length_bytes[0] << 8) | length_bytes[1];
    if (length < 2) {
      g_set_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_INPUT,
                   _("The JPEG structure is broken at byte %" G_GUINT64_FORMAT), offset - 4);
      return FALSE;
    }
    if (!skip_bytes (buffered, &offset, length - 2, cancellable, &local_error))
      break;
    in_scan = marker == 0xDA;   /* SOS: entropy-coded data follows its header */
  }

end_of_file:
  if (local_error != NULL) {
    g_propagate_error (error, g_steal_pointer (&local_error));
    return FALSE;
  }
  g_set_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_INPUT,
               _("The JPEG file ends at byte %" G_GUINT64_FORMAT " before its image data does: "
                 "it is truncated"), offset);
  return FALSE;
}


gboolean
cl_image_check_complete (const char     *path,
                         ClAssetFormat   format,
                         GCancellable   *cancellable,
                         GError        **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = g_file_read (file, cancellable, error);

  if (stream == NULL)
    return FALSE;
  switch (format) {
  case CL_ASSET_FORMAT_JPEG:
    return jpeg_check (G_INPUT_STREAM (stream), cancellable, error);
  default:
    /* PNG: the asset reader already walks every chunk to IEND with CRCs. */
    return TRUE;
  }
}
