/* bench-sign-gen.c: the photos tests/bench/bench-sign.sh signs, one per run.
 *
 *   bench-sign-gen OUT.jpg WIDTH HEIGHT [PAD_MB [COPIES]]
 *
 * A WIDTH × HEIGHT JPEG (quality 95) of a gradient with noise, about the size a camera's
 * photo of that many pixels has; PAD_MB > 0 adds that many megabytes of COM segments after
 * SOI (a very large file whose pixels stay few, as a file with a huge XMP or maker note
 * has). COPIES > 1 writes OUT-0001.jpg … instead, each with a different pixel, for a
 * batch of distinct files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <gdk-pixbuf/gdk-pixbuf.h>

#define COM_PAYLOAD 65533


static GdkPixbuf *
make_photo (int width,
            int height)
{
  GdkPixbuf *pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  guint8 *pixels = gdk_pixbuf_get_pixels (pixbuf);
  int rowstride = gdk_pixbuf_get_rowstride (pixbuf);
  guint32 seed = 2463534242u;

  for (int y = 0; y < height; y++) {
    for (int x = 0; x < width; x++) {
      guint8 *p = pixels + (gsize) y * rowstride + (gsize) x * 3;

      /* xorshift noise of a few levels over a gradient: compresses like a photo */
      seed ^= seed << 13;
      seed ^= seed >> 17;
      seed ^= seed << 5;
      p[0] = (guint8) ((x * 255 / width) + (seed & 0x0F));
      p[1] = (guint8) ((y * 255 / height) + ((seed >> 8) & 0x0F));
      p[2] = (guint8) (((x + y) * 127 / (width + height)) + ((seed >> 16) & 0x0F));
    }
  }
  return pixbuf;
}


static gboolean
write_padded (const char  *path,
              const gchar *jpeg,
              gsize        jpeg_len,
              guint64      pad_bytes)
{
  FILE *out = fopen (path, "wb");
  guint8 *payload = g_malloc (COM_PAYLOAD);
  gboolean ok;

  if (out == NULL) {
    g_free (payload);
    return FALSE;
  }
  for (gsize i = 0; i < COM_PAYLOAD; i++)
    payload[i] = (guint8) (i * 7 + 3);
  ok = fwrite (jpeg, 1, 2, out) == 2;                     /* SOI */
  for (guint64 written = 0; ok && written < pad_bytes; written += COM_PAYLOAD + 4) {
    static const guint8 com[4] = { 0xFF, 0xFE, 0xFF, 0xFF };   /* COM, length 65535 */

    ok = fwrite (com, 1, 4, out) == 4 && fwrite (payload, 1, COM_PAYLOAD, out) == COM_PAYLOAD;
  }
  ok = ok && fwrite (jpeg + 2, 1, jpeg_len - 2, out) == jpeg_len - 2;
  ok = fclose (out) == 0 && ok;
  g_free (payload);
  return ok;
}


int
main (int   argc,
      char *argv[])
{
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GError) error = NULL;
  int width, height, copies;
  guint64 pad_bytes;

  if (argc < 4) {
    fprintf (stderr, "usage: bench-sign-gen OUT.jpg WIDTH HEIGHT [PAD_MB [COPIES]]\n");
    return 64;
  }
  width = atoi (argv[2]);
  height = atoi (argv[3]);
  pad_bytes = argc > 4 ? (guint64) atoi (argv[4]) * 1024 * 1024 : 0;
  copies = argc > 5 ? atoi (argv[5]) : 1;
  if (width < 1 || height < 1 || copies < 1) {
    fprintf (stderr, "bench-sign-gen: bad size or count\n");
    return 64;
  }
  pixbuf = make_photo (width, height);
  for (int i = 0; i < copies; i++) {
    g_autofree gchar *jpeg = NULL;
    g_autofree char *path = NULL;
    gsize jpeg_len = 0;

    if (copies > 1) {
      g_autofree char *stem = g_strndup (argv[1], strlen (argv[1]) -
                                         (g_str_has_suffix (argv[1], ".jpg") ? 4 : 0));

      path = g_strdup_printf ("%s-%04d.jpg", stem, i + 1);
      gdk_pixbuf_get_pixels (pixbuf)[0] = (guint8) i;
    } else {
      path = g_strdup (argv[1]);
    }
    if (!gdk_pixbuf_save_to_buffer (pixbuf, &jpeg, &jpeg_len, "jpeg", &error,
                                    "quality", "95", NULL) ||
        !write_padded (path, jpeg, jpeg_len, pad_bytes)) {
      fprintf (stderr, "bench-sign-gen: cannot write %s: %s\n", path,
               error != NULL ? error->message : "write failed");
      return 1;
    }
  }
  return 0;
}
