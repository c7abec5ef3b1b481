/* cl-heif-decode.c: HEIF, HEIC and AVIF previews through libheif, from the file's own
 * thumbnail when it is large enough, else from its primary image under a pixel cap.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <libheif/heif.h>

#include "cl-error.h"
#include "cl-heif-decode.h"
#include "cl-limits.h"

/* Thumbnails of one image looked at (a real file has one, at most a few). */
#define MAX_THUMBNAILS 16
/* A large image is sampled down to this many times the preview's side before it is
 * filtered to it: enough samples a pixel for a smooth preview. */
#define SAMPLED_SIDES 4
/* How long a preview waits before it looks again whether it may decode a large image. */
#define FULL_DECODE_WAIT_US (20 * 1000)
/* A primary image of more pixels than this waits its turn (some 40 MB held): smaller ones
 * do not wait behind it. */
#define FULL_DECODE_LOCKED_PIXELS (8 * 1000 * 1000)

/* One large primary image decoded at a time in the whole program: the verify list
 * previews several files at once, and each such decode holds the whole image. */
static GMutex full_decode_lock;

/* The stream libheif reads through, and the first error it met. */
typedef struct {
  GInputStream  *stream;
  GCancellable  *cancellable;
  guint64        size;
  guint64        position;
  GError        *error;
} Reading;


gboolean
cl_heif_decode_sniff (const guint8 *head,
                      gsize         head_len)
{
  enum heif_filetype_result result;

  if (head_len < 12)
    return FALSE;
  result = heif_check_filetype (head, (int) MIN (head_len, (gsize) G_MAXINT));
  /* A file whose main brand is only mif1 is "maybe": libheif reads it as a HEIF. */
  return result == heif_filetype_yes_supported || result == heif_filetype_maybe;
}


static int64_t
reading_get_position (void *user_data)
{
  Reading *reading = user_data;

  return (int64_t) reading->position;
}


static int
reading_read (void   *data,
              size_t  size,
              void   *user_data)
{
  Reading *reading = user_data;
  gsize n = 0;

  if (reading->error != NULL)
    return -1;
  if (size > reading->size - MIN (reading->position, reading->size)) {
    g_set_error_literal (&reading->error, CL_ASSET_ERROR, CL_ASSET_ERROR_TRUNCATED,
                         _("The HEIF file ends before its image data does: it is truncated"));
    return -1;
  }
  if (!g_input_stream_read_all (reading->stream, data, size, &n, reading->cancellable,
                                &reading->error))
    return -1;
  reading->position += n;
  if (n < size) {
    g_set_error_literal (&reading->error, CL_ASSET_ERROR, CL_ASSET_ERROR_TRUNCATED,
                         _("The HEIF file ends before its image data does: it is truncated"));
    return -1;
  }
  return 0;
}


static int
reading_seek (int64_t  position,
              void    *user_data)
{
  Reading *reading = user_data;

  if (reading->error != NULL || position < 0 || (guint64) position > reading->size ||
      !g_seekable_seek (G_SEEKABLE (reading->stream), (goffset) position, G_SEEK_SET,
                        reading->cancellable, &reading->error))
    return -1;
  reading->position = (guint64) position;
  return 0;
}


/* The file does not grow: a part past its end is never there. */
static enum heif_reader_grow_status
reading_wait_for_file_size (int64_t  target_size,
                            void    *user_data)
{
  Reading *reading = user_data;

  return target_size >= 0 && (guint64) target_size <= reading->size ?
         heif_reader_grow_status_size_reached : heif_reader_grow_status_size_beyond_eof;
}


static const struct heif_reader stream_reader = {
  .reader_api_version = 1,
  .get_position = reading_get_position,
  .read = reading_read,
  .seek = reading_seek,
  .wait_for_file_size = reading_wait_for_file_size,
};


/* FALSE with error set from what went wrong: the reader's own error first (cancelled, or
 * the file truncated), else libheif's, in words. */
static gboolean
take_heif_error (struct heif_error   result,
                 Reading            *reading,
                 GError            **error)
{
  if (result.code == heif_error_Ok && reading->error == NULL)
    return TRUE;
  if (reading->error != NULL) {
    g_propagate_error (error, g_steal_pointer (&reading->error));
    return FALSE;
  }
  switch (result.code) {
  case heif_error_Memory_allocation_error:
    g_set_error (error, CL_ASSET_ERROR, CL_ASSET_ERROR_TOO_LARGE,
                 _("There is not enough memory to decode the HEIF image (%s)"), result.message);
    break;
  case heif_error_Unsupported_filetype:
  case heif_error_Unsupported_feature:
  case heif_error_Decoder_plugin_error:
    g_set_error (error, CL_ASSET_ERROR, CL_ASSET_ERROR_UNSUPPORTED_FORMAT,
                 _("CredLink cannot decode this HEIF image (%s)"), result.message);
    break;
  default:
    if (result.subcode == heif_suberror_End_of_data)
      g_set_error_literal (error, CL_ASSET_ERROR, CL_ASSET_ERROR_TRUNCATED,
                           _("The HEIF file ends before its image data does: it is truncated"));
    else
      g_set_error (error, CL_ASSET_ERROR, CL_ASSET_ERROR_MALFORMED,
                   _("The HEIF image is damaged (%s)"), result.message);
    break;
  }
  return FALSE;
}


/* The smallest of the primary image's thumbnails whose longer side is at least needed, or
 * NULL when none is. */
static struct heif_image_handle *
pick_thumbnail (struct heif_image_handle *primary,
                int                       needed)
{
  heif_item_id ids[MAX_THUMBNAILS];
  int count = heif_image_handle_get_list_of_thumbnail_IDs (primary, ids, MAX_THUMBNAILS);
  struct heif_image_handle *best = NULL;
  guint64 best_pixels = G_MAXUINT64;

  for (int i = 0; i < count; i++) {
    struct heif_image_handle *thumbnail = NULL;
    int width, height;
    guint64 pixels;

    if (heif_image_handle_get_thumbnail (primary, ids[i], &thumbnail).code != heif_error_Ok)
      continue;
    width = heif_image_handle_get_width (thumbnail);
    height = heif_image_handle_get_height (thumbnail);
    pixels = (guint64) MAX (width, 0) * (guint64) MAX (height, 0);
    if (MAX (width, height) >= needed && pixels > 0 && pixels < best_pixels) {
      g_clear_pointer (&best, heif_image_handle_release);
      best = g_steal_pointer (&thumbnail);
      best_pixels = pixels;
    }
    g_clear_pointer (&thumbnail, heif_image_handle_release);
  }
  return best;
}


/* One row of a plane of bits-deep samples as 8 bits, every n_channels-th byte of out. A
 * sample deeper than 8 bits takes two bytes in the machine's order. */
static void
copy_row (const guint8 *in,
          int           bits,
          int           width,
          guint8       *out,
          guint         n_channels)
{
  for (int x = 0; x < width; x++) {
    guint16 sample;

    if (bits <= 8) {
      out[(gsize) x * n_channels] = in[x];
      continue;
    }
    memcpy (&sample, in + (gsize) x * 2, sizeof sample);
    out[(gsize) x * n_channels] = (guint8) MIN (sample >> (bits - 8), 255);
  }
}


/* The decoded planes (R, G, B and maybe alpha) of width × height interleaved into an 8-bit
 * pixbuf. */
static GdkPixbuf *
interleave (const struct heif_image *image,
            int                      width,
            int                      height,
            gboolean                 alpha)
{
  static const enum heif_channel channels[] = {
    heif_channel_R, heif_channel_G, heif_channel_B, heif_channel_Alpha
  };
  guint n_channels = alpha ? 4 : 3;
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, alpha, 8, width, height);
  guint8 *out;
  int out_stride;

  if (pixbuf == NULL)
    return NULL;
  out = gdk_pixbuf_get_pixels (pixbuf);
  out_stride = gdk_pixbuf_get_rowstride (pixbuf);
  for (guint c = 0; c < n_channels; c++) {
    int stride = 0;
    const guint8 *plane = heif_image_get_plane_readonly (image, channels[c], &stride);
    int bits = heif_image_get_bits_per_pixel_range (image, channels[c]);

    /* libheif keeps a 10- or 12-bit image's planes deep when they are not interleaved. */
    if (plane == NULL || bits < 8 || bits > 16 || stride < width * (bits > 8 ? 2 : 1) ||
        heif_image_get_width (image, channels[c]) < width ||
        heif_image_get_height (image, channels[c]) < height)
      return NULL;
    for (int y = 0; y < height; y++)
      copy_row (plane + (gsize) y * (gsize) stride, bits, width,
                out + (gsize) y * (gsize) out_stride + c, n_channels);
  }
  return g_steal_pointer (&pixbuf);
}


/* The image handle decoded and brought to a pixbuf that fits max_side (0: as it is). It is
 * decoded to planes of R, G and B, the form libheif composes a grid in, so that no second
 * full-size copy is made to interleave them; libheif samples it down to a few times the
 * preview's size, and gdk-pixbuf filters that to the size asked for. */
static GdkPixbuf *
decode_to_pixbuf (struct heif_image_handle  *handle,
                  int                        max_side,
                  Reading                   *reading,
                  GError                   **error)
{
  gboolean alpha = heif_image_handle_has_alpha_channel (handle);
  struct heif_decoding_options *options = heif_decoding_options_alloc ();
  struct heif_image *image = NULL;
  struct heif_error result;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  int width, height, side;
  double scale;

  /* Transformations (irot, imir, clap) are applied: left unset, ignore_transformations
   * is false. */
  result = heif_decode_image (handle, &image, heif_colorspace_RGB, heif_chroma_444, options);
  heif_decoding_options_free (options);
  if (!take_heif_error (result, reading, error)) {
    g_clear_pointer (&image, heif_image_release);
    return NULL;
  }
  alpha = alpha && heif_image_has_channel (image, heif_channel_Alpha);
  width = heif_image_get_width (image, heif_channel_R);
  height = heif_image_get_height (image, heif_channel_R);
  side = MAX (width, height);
  if (max_side > 0 && side > SAMPLED_SIDES * max_side && width > 0 && height > 0) {
    struct heif_image *sampled = NULL;

    scale = (double) SAMPLED_SIDES * max_side / side;
    width = MAX (1, (int) (width * scale + 0.5));
    height = MAX (1, (int) (height * scale + 0.5));
    result = heif_image_scale_image (image, &sampled, width, height, NULL);
    heif_image_release (image);
    image = sampled;
    if (!take_heif_error (result, reading, error)) {
      g_clear_pointer (&image, heif_image_release);
      return NULL;
    }
  }
  if (width > 0 && height > 0)
    pixbuf = interleave (image, width, height, alpha);
  heif_image_release (image);
  if (pixbuf == NULL) {
    g_set_error_literal (error, CL_ASSET_ERROR, CL_ASSET_ERROR_MALFORMED,
                         _("The HEIF image data is damaged"));
    return NULL;
  }
  if (max_side <= 0 || (width <= max_side && height <= max_side))
    return g_steal_pointer (&pixbuf);
  scale = (double) max_side / MAX (width, height);
  return gdk_pixbuf_scale_simple (pixbuf, MAX (1, (int) (width * scale + 0.5)),
                                  MAX (1, (int) (height * scale + 0.5)), GDK_INTERP_BILINEAR);
}


/* The image to decode for the preview: a large enough thumbnail, else the primary image
 * when it is within the pixel cap; in locked, whether it is large enough to wait its turn. */
static struct heif_image_handle *
pick_image (struct heif_context  *context,
            int                   max_side,
            gboolean             *locked,
            Reading              *reading,
            GError              **error)
{
  struct heif_image_handle *primary = NULL;
  struct heif_image_handle *thumbnail;
  int width, height;

  if (!take_heif_error (heif_context_get_primary_image_handle (context, &primary), reading,
                        error))
    return NULL;
  width = heif_image_handle_get_width (primary);
  height = heif_image_handle_get_height (primary);
  if (width <= 0 || height <= 0) {
    heif_image_handle_release (primary);
    g_set_error_literal (error, CL_ASSET_ERROR, CL_ASSET_ERROR_MALFORMED,
                         _("The HEIF image has no size"));
    return NULL;
  }
  if (max_side > 0) {
    thumbnail = pick_thumbnail (primary, MIN (max_side, MAX (width, height)));
    if (thumbnail != NULL) {
      heif_image_handle_release (primary);
      primary = thumbnail;
      width = heif_image_handle_get_width (primary);
      height = heif_image_handle_get_height (primary);
    }
  }
  if ((guint64) width * (guint64) height > CL_LIMIT_HEIF_DECODE_PIXELS) {
    heif_image_handle_release (primary);
    g_set_error (error, CL_ASSET_ERROR, CL_ASSET_ERROR_TOO_LARGE,
                 _("The HEIF image is %u × %u pixels and has no thumbnail large enough: "
                   "more than CredLink decodes for a preview (%u megapixels)"),
                 (guint) width, (guint) height,
                 (guint) (CL_LIMIT_HEIF_DECODE_PIXELS / 1000000));
    return NULL;
  }
  *locked = (guint64) width * (guint64) height > FULL_DECODE_LOCKED_PIXELS;
  return primary;
}


/* Waits its turn to decode a large image, as long as it is not cancelled. */
static gboolean
lock_full_decode (GCancellable  *cancellable,
                  GError       **error)
{
  while (!g_mutex_trylock (&full_decode_lock)) {
    if (g_cancellable_set_error_if_cancelled (cancellable, error))
      return FALSE;
    g_usleep (FULL_DECODE_WAIT_US);
  }
  return TRUE;
}


GdkPixbuf *
cl_heif_decode (GInputStream  *stream,
                guint64        file_size,
                int            max_side,
                GCancellable  *cancellable,
                GError       **error)
{
  Reading reading = { stream, cancellable, file_size, 0, NULL };
  struct heif_context *context = heif_context_alloc ();
  struct heif_image_handle *handle = NULL;
  GdkPixbuf *pixbuf = NULL;
  gboolean locked = FALSE;

  if (!g_seekable_seek (G_SEEKABLE (stream), 0, G_SEEK_SET, cancellable, error))
    goto out;
  /* Tiles decoded one after another: one decoder's memory at a time, not one a core. */
  heif_context_set_max_decoding_threads (context, 0);
  if (!take_heif_error (heif_context_read_from_reader (context, &stream_reader, &reading, NULL),
                        &reading, error) ||
      g_cancellable_set_error_if_cancelled (cancellable, error))
    goto out;
  handle = pick_image (context, max_side, &locked, &reading, error);
  if (handle == NULL || g_cancellable_set_error_if_cancelled (cancellable, error))
    goto out;
  if (locked && !lock_full_decode (cancellable, error))
    goto out;
  pixbuf = decode_to_pixbuf (handle, max_side, &reading, error);
  if (locked)
    g_mutex_unlock (&full_decode_lock);
  if (pixbuf != NULL && g_cancellable_set_error_if_cancelled (cancellable, error))
    g_clear_object (&pixbuf);

out:
  g_clear_pointer (&handle, heif_image_handle_release);
  heif_context_free (context);
  g_clear_error (&reading.error);
  return pixbuf;
}
