/* cl-thumbnail.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <gdk-pixbuf/gdk-pixbuf.h>

#include "cl-error.h"
#include "cl-thumbnail.h"

#define THUMBNAIL_QUALITY "80"


gboolean
cl_thumbnail_can_decode (const char *mime_type)
{
  g_autoptr(GSList) formats = NULL;

  /* c2pa-rs makes no thumbnail of a drawing, and rendering one would load what it
   * references. */
  if (g_str_equal (mime_type, "image/svg+xml"))
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


/* Feeds the whole file to a loader: unlike gdk_pixbuf_new_from_file(), closing
 * the loader reports an image that ends before its data does. */
static GdkPixbuf *
decode_image (const char    *path,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GdkPixbufLoader) loader = gdk_pixbuf_loader_new ();
  g_autofree guint8 *buffer = g_malloc (64 * 1024);
  g_autoptr(GError) local_error = NULL;
  GdkPixbuf *pixbuf;

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return NULL;
  g_signal_connect (loader, "size-prepared", G_CALLBACK (size_prepared_cb), NULL);
  for (;;) {
    gssize n = g_input_stream_read (G_INPUT_STREAM (stream), buffer, 64 * 1024, cancellable,
                                    error);

    if (n < 0) {
      gdk_pixbuf_loader_close (loader, NULL);
      return NULL;
    }
    if (n == 0)
      break;
    if (!gdk_pixbuf_loader_write (loader, buffer, n, &local_error)) {
      gdk_pixbuf_loader_close (loader, NULL);
      g_set_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_INPUT,
                   _("The image data is damaged: %s"), local_error->message);
      return NULL;
    }
  }
  if (!gdk_pixbuf_loader_close (loader, &local_error)) {
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
    return NULL;
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
