/* test-sign-thumbnail.c: the claim thumbnail's decoding. A JPEG carrying 96 MB of comment
 * segments is thumbnailed without its memory growing with them (the decoder is not fed
 * what it would keep); the EXIF orientation still turns the thumbnail, found in the EXIF
 * block that follows an XMP one; a decoding job cancelled with its caller stops.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sys/resource.h>
#include <gdk-pixbuf/gdk-pixbuf.h>

#include "cl-test-tmp.h"
#include "cl-thumbnail.h"

#define COM_PAYLOAD 65533

static char *work_dir;


/* A width × height JPEG with the segments of extra (whole segments, markers included)
 * right after SOI, written to name. */
static char *
make_jpeg (const char *name,
           int         width,
           int         height,
           GByteArray *extra,
           guint       extra_copies)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  g_autofree char *path = g_build_filename (work_dir, name, NULL);
  g_autofree gchar *jpeg = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  gsize jpeg_len = 0;

  gdk_pixbuf_fill (pixbuf, 0x336699ff);
  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &jpeg, &jpeg_len, "jpeg", &error,
                                            "quality", "90", NULL));
  out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (G_OUTPUT_STREAM (out), jpeg, 2, NULL, NULL, &error));
  for (guint i = 0; i < extra_copies; i++)
    g_assert_true (g_output_stream_write_all (G_OUTPUT_STREAM (out), extra->data, extra->len,
                                              NULL, NULL, &error));
  g_assert_true (g_output_stream_write_all (G_OUTPUT_STREAM (out), jpeg + 2, jpeg_len - 2, NULL,
                                            NULL, &error));
  g_assert_true (g_output_stream_close (G_OUTPUT_STREAM (out), NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}


static void
append_segment (GByteArray   *segments,
                guint8        marker,
                const guint8 *payload,
                gsize         len)
{
  guint8 head[4] = { 0xFF, marker, (guint8) ((len + 2) >> 8), (guint8) (len + 2) };

  g_assert_cmpuint (len, <=, COM_PAYLOAD);
  g_byte_array_append (segments, head, sizeof head);
  g_byte_array_append (segments, payload, (guint) len);
}


static GdkPixbuf *
decode (GBytes *jpeg)
{
  g_autoptr(GdkPixbufLoader) loader = gdk_pixbuf_loader_new ();
  g_autoptr(GError) error = NULL;

  gdk_pixbuf_loader_write_bytes (loader, jpeg, &error);
  g_assert_no_error (error);
  gdk_pixbuf_loader_close (loader, &error);
  g_assert_no_error (error);
  return g_object_ref (gdk_pixbuf_loader_get_pixbuf (loader));
}


static glong
peak_rss_kb (void)
{
  struct rusage usage;

  g_assert_cmpint (getrusage (RUSAGE_SELF, &usage), ==, 0);
  return usage.ru_maxrss;
}


static void
test_large_metadata (void)
{
  g_autoptr(GByteArray) comment = g_byte_array_new ();
  g_autofree guint8 *payload = g_malloc (COM_PAYLOAD);
  g_autofree char *path = NULL;
  g_autoptr(GBytes) thumbnail = NULL;
  g_autoptr(GdkPixbuf) decoded = NULL;
  g_autoptr(GError) error = NULL;
  glong before;

  for (gsize i = 0; i < COM_PAYLOAD; i++)
    payload[i] = (guint8) (i * 13 + 1);
  append_segment (comment, 0xFE, payload, COM_PAYLOAD);
  /* 96 MB of comments: gdk-pixbuf asks libjpeg to keep every one in memory. */
  path = make_jpeg ("comments.jpg", 64, 48, comment, 96 * 16);

  before = peak_rss_kb ();
  thumbnail = cl_thumbnail_create_jpeg (path, NULL, &error);
  g_assert_no_error (error);
  g_test_message ("peak RSS %ld KB before, %ld KB after", before, peak_rss_kb ());
  g_assert_cmpint (peak_rss_kb () - before, <, 24 * 1024);
  decoded = decode (thumbnail);
  g_assert_cmpint (gdk_pixbuf_get_width (decoded), ==, 64);
  g_assert_cmpint (gdk_pixbuf_get_height (decoded), ==, 48);
}


static void
test_exif_orientation (void)
{
  /* A big-endian TIFF header and one IFD entry: Orientation (0x0112), SHORT, 6 (the
   * image is stored turned a quarter to the left: show it turned right). */
  static const guint8 exif[] = {
    'E', 'x', 'i', 'f', 0, 0,
    'M', 'M', 0, 42, 0, 0, 0, 8,
    0, 1,
    0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0,
    0, 0, 0, 0,
  };
  static const char xmp[] = "http://ns.adobe.com/xap/1.0/\0<x:xmpmeta/>";
  g_autoptr(GByteArray) segments = g_byte_array_new ();
  g_autofree char *path = NULL;
  g_autoptr(GBytes) thumbnail = NULL;
  g_autoptr(GdkPixbuf) decoded = NULL;
  g_autoptr(GError) error = NULL;

  append_segment (segments, 0xE1, (const guint8 *) xmp, sizeof xmp);
  append_segment (segments, 0xE1, exif, sizeof exif);
  path = make_jpeg ("turned.jpg", 64, 32, segments, 1);
  thumbnail = cl_thumbnail_create_jpeg (path, NULL, &error);
  g_assert_no_error (error);
  decoded = decode (thumbnail);
  g_assert_cmpint (gdk_pixbuf_get_width (decoded), ==, 32);
  g_assert_cmpint (gdk_pixbuf_get_height (decoded), ==, 64);
}


static void
test_job_cancelled (void)
{
  g_autoptr(GByteArray) none = g_byte_array_new ();
  g_autofree char *path = make_jpeg ("plain.jpg", 640, 480, none, 0);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GBytes) thumbnail = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GError) error = NULL;
  ClThumbnailJob *job;

  job = cl_thumbnail_job_start (path, NULL);
  again = cl_thumbnail_job_finish (job, &error);
  g_assert_no_error (error);
  g_assert_nonnull (again);

  g_cancellable_cancel (cancellable);
  job = cl_thumbnail_job_start (path, cancellable);
  thumbnail = cl_thumbnail_job_finish (job, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (thumbnail);
  /* Given up on: the job stops and is freed. */
  cl_thumbnail_job_abandon (cl_thumbnail_job_start (path, NULL));
}


int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  work_dir = cl_test_tmp_dir_new ("credlink-sign-thumbnail", CL_TEST_TMP_UNTIL_EXIT);
  /* First, while the process is small: it measures its own peak memory. */
  g_test_add_func ("/sign-thumbnail/large-metadata", test_large_metadata);
  g_test_add_func ("/sign-thumbnail/exif-orientation", test_exif_orientation);
  g_test_add_func ("/sign-thumbnail/job-cancelled", test_job_cancelled);
  status = g_test_run ();
  g_free (work_dir);
  return status;
}
