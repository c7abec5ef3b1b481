/* cl-image-check.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cl-error.h"
#include "cl-heif-check.h"
#include "cl-image-check.h"
#include "cl-jpeg-segments.h"
#include "cl-tiff-ifd.h"

/* Walks marker segments and entropy-coded scans (ISO 10918-1 Annex B) until EOI. */
static gboolean
jpeg_check (GInputStream  *stream,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(ClJpegSegments) segments = cl_jpeg_segments_new (stream, 2, cancellable, error);
  gboolean in_scan = FALSE;
  ClJpegWalk walk;

  if (segments == NULL)
    return FALSE;
  for (;;) {
    guint8 marker;
    guint64 offset;
    guint length;

    if (in_scan) {
      walk = cl_jpeg_segments_skip_entropy_data (segments, cancellable, error);
      if (walk != CL_JPEG_WALK_OK)
        break;
    }
    walk = cl_jpeg_segments_next_marker (segments, &marker, &offset, cancellable, error);
    if (walk == CL_JPEG_WALK_NOT_MARKER) {
      g_set_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_INPUT,
                   _("The JPEG structure is broken at byte %llu"), (unsigned long long) offset);
      return FALSE;
    }
    if (walk != CL_JPEG_WALK_OK)
      break;
    if (marker == 0x00)
      continue;                 /* a stuffed 0xFF inside a scan */
    if (marker == CL_JPEG_EOI)
      return TRUE;              /* the image is complete */
    /* A restart marker inside a scan, or TEM. An SOI stands alone too, but only at the
     * start: this check reads a later one as a segment with a length, as it always has
     * (a decoder refuses a second SOI outright). */
    if (!cl_jpeg_marker_has_length (marker) && marker != CL_JPEG_SOI)
      continue;
    walk = cl_jpeg_segments_read_length (segments, &length, cancellable, error);
    if (walk != CL_JPEG_WALK_OK)
      break;
    if (length < 2) {
      g_set_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_INPUT,
                   _("The JPEG structure is broken at byte %llu"), (unsigned long long) offset);
      return FALSE;
    }
    walk = cl_jpeg_segments_skip (segments, length - 2, cancellable, error);
    if (walk != CL_JPEG_WALK_OK)
      break;
    in_scan = marker == CL_JPEG_SOS;   /* entropy-coded data follows its header */
  }

  if (walk == CL_JPEG_WALK_ERROR)
    return FALSE;
  g_set_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_INPUT,
               _("The JPEG file ends at byte %llu before its image data does: "
                 "it is truncated"), (unsigned long long) (cl_jpeg_segments_offset (segments)));
  return FALSE;
}


/* The first page's strips or tiles lie inside the file (its directories do: the asset
 * reader walked them). */
static gboolean
tiff_check (GInputStream  *stream,
            GCancellable  *cancellable,
            GError       **error)
{
  ClTiffMap map;
  goffset size;

  if (!g_seekable_seek (G_SEEKABLE (stream), 0, G_SEEK_END, cancellable, error))
    return FALSE;
  size = g_seekable_tell (G_SEEKABLE (stream));
  if (!cl_tiff_map (stream, (guint64) MAX (size, 0), &map, cancellable, error))
    return FALSE;
  return cl_tiff_check_image_data (stream, (guint64) MAX (size, 0), &map, &map.first,
                                   cancellable, error);
}


/* Every media data box and every item kept in the file end inside it. */
static gboolean
heif_check (GInputStream  *stream,
            GCancellable  *cancellable,
            GError       **error)
{
  goffset size;

  if (!g_seekable_seek (G_SEEKABLE (stream), 0, G_SEEK_END, cancellable, error))
    return FALSE;
  size = g_seekable_tell (G_SEEKABLE (stream));
  return cl_heif_check_complete (stream, (guint64) MAX (size, 0), cancellable, error);
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
  case CL_ASSET_FORMAT_TIFF:
    return tiff_check (G_INPUT_STREAM (stream), cancellable, error);
  case CL_ASSET_FORMAT_BMFF:
    return heif_check (G_INPUT_STREAM (stream), cancellable, error);
  default:
    /* PNG: the asset reader already walks every chunk to IEND with CRCs. */
    return TRUE;
  }
}
