/* cl-thumbnail.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <gdk-pixbuf/gdk-pixbuf.h>

#include "cl-error.h"
#include "cl-jpeg-segments.h"
#include "cl-thumbnail.h"

#define THUMBNAIL_QUALITY "80"
#define FEED_BLOCK (256 * 1024)


gboolean
cl_thumbnail_can_decode (const char *mime_type)
{
  g_autoptr(GSList) formats = NULL;

  /* c2pa-rs makes no thumbnail of a drawing, and rendering one would load what it
   * references. Nor of a HEIF, HEIC, AVIF or JPEG XL image (its image decoders have none
   * of these formats), though a loader here may read them: the claim carries none. */
  static const char * const without_thumbnail[] = {
    "image/svg+xml", "image/heif", "image/heic", "image/avif", "image/jxl", NULL
  };

  if (g_strv_contains (without_thumbnail, mime_type))
    return FALSE;
  formats = gdk_pixbuf_get_formats ();

  for (GSList *l = formats; l != NULL; l = l->next) {
    g_auto(GStrv) mime_types = gdk_pixbuf_format_get_mime_types (l->data);

    if (mime_types != NULL && g_strv_contains ((const char * const *) mime_types, mime_type))
      return TRUE;
  }
  return FALSE;
}


/* Let the decoder scale while decoding (libjpeg decodes at 1/2, 1/4, 1/8 directly),
 * so a 24-megapixel photo never sits in memory at full size. */
static void
size_prepared_cb (GdkPixbufLoader *loader,
                  int              width,
                  int              height,
                  gpointer         user_data)
{
  if (width > CL_THUMBNAIL_MAX_SIDE || height > CL_THUMBNAIL_MAX_SIDE) {
    double scale = (double) CL_THUMBNAIL_MAX_SIDE / MAX (width, height);

    gdk_pixbuf_loader_set_size (loader, MAX (1, (int) (width * scale + 0.5)),
                                MAX (1, (int) (height * scale + 0.5)));
  }
}


static gboolean
feed (GdkPixbufLoader  *loader,
      const guint8     *data,
      gsize             len,
      GError          **error)
{
  g_autoptr(GError) local_error = NULL;

  if (gdk_pixbuf_loader_write (loader, data, len, &local_error))
    return TRUE;
  /* No decoder for this format here: said as gdk-pixbuf says it (see decode_image). */
  if (g_error_matches (local_error, GDK_PIXBUF_ERROR, GDK_PIXBUF_ERROR_UNKNOWN_TYPE))
    g_propagate_error (error, g_steal_pointer (&local_error));
  else
    g_set_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_INPUT, _("The image data is damaged: %s"),
                 local_error->message);
  return FALSE;
}


/* Feeds the stream from where it is to its end, in blocks. */
static gboolean
feed_rest (GdkPixbufLoader  *loader,
           GInputStream     *stream,
           GCancellable     *cancellable,
           GError          **error)
{
  g_autofree guint8 *buffer = g_malloc (FEED_BLOCK);

  for (;;) {
    gssize n = g_input_stream_read (stream, buffer, FEED_BLOCK, cancellable, error);

    if (n < 0)
      return FALSE;
    if (n == 0)
      return TRUE;
    if (!feed (loader, buffer, n, error))
      return FALSE;
  }
}


/* Whether the decoder needs a segment before the first scan: not the comments and
 * application segments (XMP, ICC, maker notes, an old manifest store: libjpeg would
 * keep every one gdk-pixbuf asks it to save in memory, however large the file), but
 * JFIF, Adobe's colour transform and the first EXIF block (its orientation). */
static gboolean
segment_needed (guint8         marker,
                const guint8  *head,
                gsize          head_len,
                gboolean      *exif_seen)
{
  if (marker == 0xFE || (marker >= 0xE2 && marker <= 0xED) || marker == 0xEF)
    return FALSE;
  if (marker == CL_JPEG_APP1) {
    if (*exif_seen || head_len < 6 || memcmp (head, "Exif\0\0", 6) != 0)
      return FALSE;
    *exif_seen = TRUE;
  }
  return TRUE;
}


/* Feeds a JPEG's segments up to its first scan, less those the decoder does not need,
 * then the scans as they are. A file that does not walk as JPEG is fed whole: the
 * decoder says what is wrong with it. */
static gboolean
feed_jpeg (GdkPixbufLoader  *loader,
           GInputStream     *stream,
           GCancellable     *cancellable,
           GError          **error)
{
  g_autoptr(ClJpegSegments) segments = cl_jpeg_segments_new (stream, 0, cancellable, error);
  g_autofree guint8 *segment = g_malloc (4 + G_MAXUINT16);
  gboolean exif_seen = FALSE;
  guint64 rest = 0;

  if (segments == NULL)
    return FALSE;
  for (;;) {
    guint8 marker;
    guint64 offset;
    guint length, head_len;
    ClJpegWalk walk = cl_jpeg_segments_next_marker (segments, &marker, &offset, cancellable,
                                                    error);

    if (walk == CL_JPEG_WALK_ERROR)
      return FALSE;
    if (walk != CL_JPEG_WALK_OK || (marker != CL_JPEG_SOI && !cl_jpeg_marker_has_length (marker))) {
      rest = offset;            /* not a header the decoder needs sorted: from here on, whole */
      break;
    }
    segment[0] = 0xFF;
    segment[1] = marker;
    if (marker == CL_JPEG_SOI) {
      if (!feed (loader, segment, 2, error))
        return FALSE;
      continue;
    }
    walk = cl_jpeg_segments_read_length (segments, &length, cancellable, error);
    if (walk == CL_JPEG_WALK_ERROR)
      return FALSE;
    if (walk != CL_JPEG_WALK_OK || length < 2) {
      rest = offset;
      break;
    }
    segment[2] = (guint8) (length >> 8);
    segment[3] = (guint8) length;
    head_len = MIN (length - 2, 6);     /* enough to tell EXIF from XMP */
    walk = cl_jpeg_segments_read (segments, segment + 4, head_len, cancellable, error);
    if (walk == CL_JPEG_WALK_ERROR)
      return FALSE;
    if (walk != CL_JPEG_WALK_OK || marker == CL_JPEG_SOS) {
      rest = offset;            /* the scans, and the scan header with them */
      break;
    }
    if (!segment_needed (marker, segment + 4, head_len, &exif_seen)) {
      walk = cl_jpeg_segments_skip (segments, length - 2 - head_len, cancellable, error);
    } else {
      walk = cl_jpeg_segments_read (segments, segment + 4 + head_len, length - 2 - head_len,
                                    cancellable, error);
      if (walk == CL_JPEG_WALK_OK && !feed (loader, segment, 2 + length, error))
        return FALSE;
    }
    if (walk == CL_JPEG_WALK_ERROR)
      return FALSE;
    if (walk != CL_JPEG_WALK_OK) {
      rest = cl_jpeg_segments_offset (segments);
      break;
    }
  }
  g_clear_pointer (&segments, cl_jpeg_segments_free);
  return g_seekable_seek (G_SEEKABLE (stream), (goffset) rest, G_SEEK_SET, cancellable, error) &&
         feed_rest (loader, stream, cancellable, error);
}


/* Decodes the image at path through a loader scaled while decoding. Unlike
 * gdk_pixbuf_new_from_file(), closing the loader reports an image that ends before
 * its data does. NULL without an error when gdk-pixbuf has no decoder for the
 * format. */
static GdkPixbuf *
decode_image (const char    *path,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GdkPixbufLoader) loader = NULL;
  g_autoptr(GError) local_error = NULL;
  guint8 magic[2] = { 0, };
  gsize magic_len = 0;
  gboolean fed;
  GdkPixbuf *pixbuf;

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return NULL;
  loader = gdk_pixbuf_loader_new ();
  g_signal_connect (loader, "size-prepared", G_CALLBACK (size_prepared_cb), NULL);
  fed = g_input_stream_read_all (G_INPUT_STREAM (stream), magic, sizeof magic, &magic_len,
                                 cancellable, error) &&
        g_seekable_seek (G_SEEKABLE (stream), 0, G_SEEK_SET, cancellable, error);
  if (fed && magic_len == 2 && magic[0] == 0xFF && magic[1] == CL_JPEG_SOI)
    fed = feed_jpeg (loader, G_INPUT_STREAM (stream), cancellable, error);
  else if (fed)
    fed = feed_rest (loader, G_INPUT_STREAM (stream), cancellable, error);
  if (!fed) {
    /* gdk-pixbuf insists that a loader be closed, even one given up on. */
    gdk_pixbuf_loader_close (loader, NULL);
    /* No decoder for this format here (WebP needs a loader of its own): no thumbnail. */
    if (error != NULL && g_error_matches (*error, GDK_PIXBUF_ERROR,
                                          GDK_PIXBUF_ERROR_UNKNOWN_TYPE))
      g_clear_error (error);
    return NULL;
  }
  if (!gdk_pixbuf_loader_close (loader, &local_error)) {
    /* A small file is identified only here. */
    if (g_error_matches (local_error, GDK_PIXBUF_ERROR, GDK_PIXBUF_ERROR_UNKNOWN_TYPE))
      return NULL;
    g_set_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_INPUT,
                 _("The image data is damaged or incomplete: %s"), local_error->message);
    return NULL;
  }
  pixbuf = gdk_pixbuf_loader_get_pixbuf (loader);
  if (pixbuf == NULL) {
    g_set_error_literal (error, CL_SIGN_ERROR, CL_SIGN_ERROR_INPUT,
                         _("The image could not be decoded"));
    return NULL;
  }
  return g_object_ref (pixbuf);
}


GBytes *
cl_thumbnail_create_jpeg (const char    *path,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(GdkPixbuf) decoded = decode_image (path, cancellable, error);
  g_autoptr(GdkPixbuf) oriented = NULL;
  g_autoptr(GdkPixbuf) scaled = NULL;
  g_autoptr(GdkPixbuf) opaque = NULL;
  g_autofree char *jpeg = NULL;
  gsize jpeg_len = 0;
  int width, height;

  if (decoded == NULL)
    return NULL;   /* an error, or no decoder: no thumbnail */
  oriented = gdk_pixbuf_apply_embedded_orientation (decoded);
  width = gdk_pixbuf_get_width (oriented);
  height = gdk_pixbuf_get_height (oriented);
  if (width > CL_THUMBNAIL_MAX_SIDE || height > CL_THUMBNAIL_MAX_SIDE) {
    double scale = (double) CL_THUMBNAIL_MAX_SIDE / MAX (width, height);

    scaled = gdk_pixbuf_scale_simple (oriented, MAX (1, (int) (width * scale + 0.5)),
                                      MAX (1, (int) (height * scale + 0.5)),
                                      GDK_INTERP_BILINEAR);
  } else {
    scaled = g_object_ref (oriented);
  }
  /* JPEG has no alpha: composite transparent images over white. */
  if (gdk_pixbuf_get_has_alpha (scaled)) {
    int w = gdk_pixbuf_get_width (scaled), h = gdk_pixbuf_get_height (scaled);

    opaque = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, w, h);
    gdk_pixbuf_fill (opaque, 0xFFFFFFFF);
    gdk_pixbuf_composite (scaled, opaque, 0, 0, w, h, 0, 0, 1, 1, GDK_INTERP_NEAREST, 255);
    g_clear_object (&scaled);
    scaled = g_steal_pointer (&opaque);
  }
  if (!gdk_pixbuf_save_to_buffer (scaled, &jpeg, &jpeg_len, "jpeg", error,
                                  "quality", THUMBNAIL_QUALITY, NULL))
    return NULL;
  return g_bytes_new_take (g_steal_pointer (&jpeg), jpeg_len);
}


struct _ClThumbnailJob {
  char         *path;
  GCancellable *cancellable;    /* the job's own, cancelled with the caller's */
  GCancellable *caller;
  gulong        caller_handler;
  GThread      *thread;
  GBytes       *thumbnail;
  GError       *error;
};


static gpointer
thumbnail_thread (gpointer data)
{
  ClThumbnailJob *job = data;

  job->thumbnail = cl_thumbnail_create_jpeg (job->path, job->cancellable, &job->error);
  return NULL;
}


static void
caller_cancelled_cb (GCancellable *caller,
                     gpointer      user_data)
{
  g_cancellable_cancel (user_data);
}


ClThumbnailJob *
cl_thumbnail_job_start (const char   *path,
                        GCancellable *cancellable)
{
  ClThumbnailJob *job = g_new0 (ClThumbnailJob, 1);

  job->path = g_strdup (path);
  job->cancellable = g_cancellable_new ();
  if (cancellable != NULL) {
    job->caller = g_object_ref (cancellable);
    job->caller_handler = g_cancellable_connect (cancellable, G_CALLBACK (caller_cancelled_cb),
                                                 job->cancellable, NULL);
  }
  job->thread = g_thread_try_new ("cl-thumbnail", thumbnail_thread, job, NULL);
  if (job->thread == NULL)
    thumbnail_thread (job);     /* no thread to spare: decode now */
  return job;
}


GBytes *
cl_thumbnail_job_finish (ClThumbnailJob  *job,
                         GError         **error)
{
  GBytes *thumbnail;

  if (job->thread != NULL)
    g_thread_join (job->thread);
  thumbnail = job->thumbnail;
  /* No thumbnail and no error: no decoder knows the format. */
  if (thumbnail == NULL && job->error != NULL)
    g_propagate_error (error, job->error);
  else
    g_clear_error (&job->error);
  if (job->caller != NULL)
    g_cancellable_disconnect (job->caller, job->caller_handler);
  g_clear_object (&job->caller);
  g_clear_object (&job->cancellable);
  g_free (job->path);
  g_free (job);
  return thumbnail;
}


void
cl_thumbnail_job_abandon (ClThumbnailJob *job)
{
  g_autoptr(GBytes) unused = NULL;

  g_cancellable_cancel (job->cancellable);
  unused = cl_thumbnail_job_finish (job, NULL);
}
