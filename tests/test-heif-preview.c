/* test-heif-preview.c: HEIF previews decoded through libheif in bounded memory.
 *
 * HEIFs are made here with libheif's own encoder: a file whose thumbnail is a colour of
 * its own shows that colour in a small preview and the primary image's in a large one; a
 * file stored rotated (irot) comes out upright; a size property patched to claim 80
 * megapixels (under the header check, over the decode cap) with no thumbnail is refused
 * in words before anything is decoded; a truncated file is an error, not a crash; a
 * cancelled preview is cancelled. The shared sample1.heic, .heif and .avif preview small
 * with the peak memory that takes reported (and bounded, outside the sanitizers).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE   /* memmem */
#include "config.h"

#include <string.h>
#include <sys/resource.h>
#include <libheif/heif.h>

#include "cl-error.h"
#include "cl-image-preview.h"
#include "cl-limits.h"
#include "cl-test-tmp.h"

#define PREVIEW_SIZE 96

static char *work_dir;


/* A width × height RGB image, its left half left_rgb and its right half right_rgb. */
static struct heif_image *
make_image (int     width,
            int     height,
            guint32 left_rgb,
            guint32 right_rgb)
{
  struct heif_image *image = NULL;
  guint8 *pixels;
  int stride = 0;

  g_assert_cmpint (heif_image_create (width, height, heif_colorspace_RGB,
                                      heif_chroma_interleaved_RGB, &image).code, ==,
                   heif_error_Ok);
  g_assert_cmpint (heif_image_add_plane (image, heif_channel_interleaved, width, height,
                                         8).code, ==, heif_error_Ok);
  pixels = heif_image_get_plane (image, heif_channel_interleaved, &stride);
  for (int y = 0; y < height; y++) {
    for (int x = 0; x < width; x++) {
      guint32 rgb = x < width / 2 ? left_rgb : right_rgb;
      guint8 *pixel = pixels + (gsize) y * stride + (gsize) x * 3;

      pixel[0] = rgb >> 16;
      pixel[1] = (rgb >> 8) & 0xFF;
      pixel[2] = rgb & 0xFF;
    }
  }
  return image;
}


/* A HEIC of width × height (red left, blue right) stored turned by orientation (EXIF
 * numbering), with a thumbnail_side thumbnail all green when thumbnail_side > 0; NULL
 * when libheif has no HEVC encoder here. */
static char *
make_heif (const char          *name,
           int                  width,
           int                  height,
           enum heif_orientation orientation,
           int                  thumbnail_side)
{
  struct heif_context *context = heif_context_alloc ();
  struct heif_encoder *encoder = NULL;
  struct heif_encoding_options *options = heif_encoding_options_alloc ();
  struct heif_image *image = make_image (width, height, 0xFF0000, 0x0000FF);
  struct heif_image_handle *handle = NULL;
  char *path = NULL;

  if (heif_context_get_encoder_for_format (context, heif_compression_HEVC, &encoder).code !=
      heif_error_Ok)
    goto out;
  heif_encoder_set_lossy_quality (encoder, 90);
  options->image_orientation = orientation;
  /* One coded image, not wrapped in a grid: its size property is the image's. */
  options->macOS_compatibility_workaround = 0;
  g_assert_cmpint (heif_context_encode_image (context, image, encoder, options, &handle).code,
                   ==, heif_error_Ok);
  if (thumbnail_side > 0) {
    /* Scaled down by libheif to fit thumbnail_side. */
    struct heif_image *other = make_image (2 * thumbnail_side, thumbnail_side, 0x00FF00,
                                           0x00FF00);
    struct heif_image_handle *thumbnail = NULL;

    g_assert_cmpint (heif_context_encode_thumbnail (context, other, handle, encoder, options,
                                                    thumbnail_side, &thumbnail).code, ==,
                     heif_error_Ok);
    g_assert_nonnull (thumbnail);
    heif_image_handle_release (thumbnail);
    heif_image_release (other);
  }
  path = g_build_filename (work_dir, name, NULL);
  g_assert_cmpint (heif_context_write_to_file (context, path).code, ==, heif_error_Ok);
out:
  g_clear_pointer (&handle, heif_image_handle_release);
  g_clear_pointer (&encoder, heif_encoder_release);
  heif_encoding_options_free (options);
  heif_image_release (image);
  heif_context_free (context);
  return path;
}


/* The pixel at (x, y) as 0xRRGGBB. */
static guint32
pixel_at (GdkPixbuf *pixbuf,
          int        x,
          int        y)
{
  const guint8 *p = gdk_pixbuf_read_pixels (pixbuf) + (gsize) y * gdk_pixbuf_get_rowstride (pixbuf) +
                    (gsize) x * gdk_pixbuf_get_n_channels (pixbuf);

  return ((guint32) p[0] << 16) | ((guint32) p[1] << 8) | p[2];
}


/* Whether rgb is near want in each channel (lossy coding moves colours a little). */
static gboolean
near (guint32 rgb,
      guint32 want)
{
  for (int shift = 0; shift <= 16; shift += 8) {
    if (ABS ((int) ((rgb >> shift) & 0xFF) - (int) ((want >> shift) & 0xFF)) > 48)
      return FALSE;
  }
  return TRUE;
}


static void
test_thumbnail (void)
{
  g_autofree char *path = make_heif ("thumbnail.heic", 640, 320, heif_orientation_normal, 160);
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) small = NULL;
  g_autoptr(GdkPixbuf) large = NULL;

  if (path == NULL) {
    g_test_skip ("libheif has no HEVC encoder here");
    return;
  }
  /* 96 pixels: the 160-pixel thumbnail is enough, and it is green. */
  small = cl_image_preview_load (path, PREVIEW_SIZE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_pixbuf_get_width (small), ==, PREVIEW_SIZE);
  g_assert_cmpint (gdk_pixbuf_get_height (small), ==, PREVIEW_SIZE / 2);
  g_assert_true (near (pixel_at (small, 10, 24), 0x00FF00));
  /* 400 pixels: larger than the thumbnail, so the primary image, red and blue. */
  large = cl_image_preview_load (path, 400, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_pixbuf_get_width (large), ==, 400);
  g_assert_cmpint (gdk_pixbuf_get_height (large), ==, 200);
  g_assert_true (near (pixel_at (large, 20, 100), 0xFF0000));
  g_assert_true (near (pixel_at (large, 380, 100), 0x0000FF));
}


static void
test_upright (void)
{
  g_autofree char *path = make_heif ("turned.heic", 200, 100, heif_orientation_rotate_90_cw,
                                     0);
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) preview = NULL;

  if (path == NULL) {
    g_test_skip ("libheif has no HEVC encoder here");
    return;
  }
  preview = cl_image_preview_load (path, PREVIEW_SIZE, NULL, &error);
  g_assert_no_error (error);
  /* Turned a quarter clockwise: the left (red) half is on top. */
  g_assert_cmpint (gdk_pixbuf_get_width (preview), ==, PREVIEW_SIZE / 2);
  g_assert_cmpint (gdk_pixbuf_get_height (preview), ==, PREVIEW_SIZE);
  g_assert_true (near (pixel_at (preview, 24, 10), 0xFF0000));
  g_assert_true (near (pixel_at (preview, 24, 86), 0x0000FF));
}


static glong
peak_rss_kb (void)
{
  struct rusage usage;

  g_assert_cmpint (getrusage (RUSAGE_SELF, &usage), ==, 0);
  return usage.ru_maxrss;
}


/* The made file with its image size property patched to say width × height. */
static char *
patch_size (const char *path,
            const char *name,
            guint32     width,
            guint32     height)
{
  g_autofree char *data = NULL;
  gsize len = 0;
  char *found;
  char *patched = g_build_filename (work_dir, name, NULL);

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  found = memmem (data, len, "ispe", 4);
  g_assert_nonnull (found);
  g_assert_cmpuint ((gsize) (found - data) + 16, <=, len);
  for (int i = 0; i < 4; i++) {
    found[8 + i] = (char) (width >> (24 - 8 * i));
    found[12 + i] = (char) (height >> (24 - 8 * i));
  }
  g_assert_true (g_file_set_contents (patched, data, (gssize) len, NULL));
  return patched;
}


G_STATIC_ASSERT (10000ull * 8000 > CL_LIMIT_HEIF_DECODE_PIXELS &&
                 10000ull * 8000 <= CL_LIMIT_DECODE_PIXELS);

static void
test_too_large (void)
{
  g_autofree char *made = make_heif ("small.heic", 64, 32, heif_orientation_normal, 0);
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) preview = NULL;
  glong before;

  if (made == NULL) {
    g_test_skip ("libheif has no HEVC encoder here");
    return;
  }
  /* 80 megapixels: under the header check's cap, over the decode cap, no thumbnail. */
  path = patch_size (made, "huge.heic", 10000, 8000);
  before = peak_rss_kb ();
  preview = cl_image_preview_load (path, PREVIEW_SIZE, NULL, &error);
  g_assert_null (preview);
  g_assert_error (error, CL_ASSET_ERROR, CL_ASSET_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "10000 × 8000"));
  /* Refused before the 320 MB of RGBA such an image would take. */
  g_assert_cmpint (peak_rss_kb () - before, <, 64 * 1024);
}


static void
test_truncated (void)
{
  g_autofree char *made = make_heif ("whole.heic", 640, 320, heif_orientation_normal, 0);
  g_autofree char *data = NULL;
  g_autofree char *path = NULL;
  gsize len = 0;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) preview = NULL;

  if (made == NULL) {
    g_test_skip ("libheif has no HEVC encoder here");
    return;
  }
  g_assert_true (g_file_get_contents (made, &data, &len, NULL));
  path = g_build_filename (work_dir, "cut.heic", NULL);
  /* Cut in its image data (libheif writes it last). */
  g_assert_true (g_file_set_contents (path, data, (gssize) (len - len / 4), NULL));
  preview = cl_image_preview_load (path, PREVIEW_SIZE, NULL, &error);
  g_assert_null (preview);
  g_assert_nonnull (error);
  g_assert_true (error->domain == CL_ASSET_ERROR);
  g_test_message ("%s", error->message);
}


static void
test_cancelled (void)
{
  g_autofree char *path = make_heif ("cancelled.heic", 64, 32, heif_orientation_normal, 0);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) preview = NULL;

  if (path == NULL) {
    g_test_skip ("libheif has no HEVC encoder here");
    return;
  }
  g_cancellable_cancel (cancellable);
  preview = cl_image_preview_load (path, PREVIEW_SIZE, cancellable, &error);
  g_assert_null (preview);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}


/* The shared sample1 in each HEIF flavour, previewed small; the peak memory it took. */
static void
test_samples (void)
{
  const char *names[] = { "sample1.heic", "sample1.heif", "sample1.avif" };
  const char *shared = g_getenv ("CREDLINK_SHARED_DIR");
  guint previewed = 0;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++) {
    g_autofree char *path = shared != NULL
      ? g_build_filename (shared, "c2pa-fixtures", "images", names[i], NULL) : NULL;
    g_autoptr(GError) error = NULL;
    g_autoptr(GdkPixbuf) preview = NULL;
    glong before = peak_rss_kb ();

    if (path == NULL || !g_file_test (path, G_FILE_TEST_IS_REGULAR))
      continue;
    preview = cl_image_preview_load (path, PREVIEW_SIZE, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpint (MAX (gdk_pixbuf_get_width (preview), gdk_pixbuf_get_height (preview)), ==,
                     PREVIEW_SIZE);
    g_test_message ("%s: %d x %d, peak RSS %ld KB (was %ld KB)", names[i],
                    gdk_pixbuf_get_width (preview), gdk_pixbuf_get_height (preview),
                    peak_rss_kb (), before);
#ifndef __SANITIZE_ADDRESS__
    /* sample1.heic is 51 megapixels with no thumbnail: decoded whole to planes of R, G and
     * B it peaks at some 240 MB, where libheif's gdk-pixbuf loader took 350 MB.
     * (AddressSanitizer keeps freed memory aside, so the figure means nothing there.) */
    g_assert_cmpint (peak_rss_kb () - before, <, 300 * 1024);
#endif
    previewed++;
  }
  if (previewed == 0)
    g_test_skip ("the shared sample1.heic, .heif and .avif are not here");
}


int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  work_dir = cl_test_tmp_dir_new ("credlink-heif-preview", CL_TEST_TMP_UNTIL_EXIT);
  g_test_add_func ("/heif-preview/too-large", test_too_large);
  g_test_add_func ("/heif-preview/samples", test_samples);
  g_test_add_func ("/heif-preview/thumbnail", test_thumbnail);
  g_test_add_func ("/heif-preview/upright", test_upright);
  g_test_add_func ("/heif-preview/truncated", test_truncated);
  g_test_add_func ("/heif-preview/cancelled", test_cancelled);
  return g_test_run ();
}
