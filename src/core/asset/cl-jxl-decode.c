/* cl-jxl-decode.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <jxl/decode.h>

#include "cl-error.h"
#include "cl-jxl-decode.h"
#include "cl-limits.h"

#define READ_BLOCK (256 * 1024)

/* The decoder's state between calls. */
typedef struct {
  JxlDecoder     *decoder;
  GInputStream   *stream;
  GByteArray     *held;         /* the input given to the decoder and not yet taken */
  gboolean        at_end;       /* the stream has no more */
  JxlPixelFormat  format;
  guint           width;        /* as decoded: its orientation applied */
  guint           height;
  guint8         *pixels;
  gsize           pixels_len;
} Decoding;


gboolean
cl_jxl_decode_sniff (const guint8 *head,
                     gsize         head_len)
{
  return JxlSignatureCheck (head, head_len) == JXL_SIG_CODESTREAM ||
         JxlSignatureCheck (head, head_len) == JXL_SIG_CONTAINER;
}


/* Gives the decoder what it left untaken and the next block of the file. */
static gboolean
give_more_input (Decoding      *decoding,
                 GCancellable  *cancellable,
                 GError       **error)
{
  gsize untaken = JxlDecoderReleaseInput (decoding->decoder);
  guint held_len = decoding->held->len;
  gsize n = 0;

  if (untaken < held_len)
    g_byte_array_remove_range (decoding->held, 0, held_len - (guint) untaken);
  if (decoding->at_end) {
    g_set_error_literal (error, CL_ASSET_ERROR, CL_ASSET_ERROR_TRUNCATED,
                         _("The JPEG XL file ends before its image data does: it is truncated"));
    return FALSE;
  }
  held_len = decoding->held->len;
  if (held_len > CL_LIMIT_DECODE_HELD_INPUT - READ_BLOCK) {
    g_set_error_literal (error, CL_ASSET_ERROR, CL_ASSET_ERROR_TOO_LARGE,
                         _("The JPEG XL image has a part too large to decode for a preview"));
    return FALSE;
  }
  g_byte_array_set_size (decoding->held, held_len + READ_BLOCK);
  if (!g_input_stream_read_all (decoding->stream, decoding->held->data + held_len, READ_BLOCK,
                                &n, cancellable, error))
    return FALSE;
  g_byte_array_set_size (decoding->held, held_len + (guint) n);
  if (JxlDecoderSetInput (decoding->decoder, decoding->held->data, decoding->held->len) !=
      JXL_DEC_SUCCESS)
    return FALSE;
  /* After the last input: the decoder may give no more once told. */
  if (n < READ_BLOCK) {
    decoding->at_end = TRUE;
    JxlDecoderCloseInput (decoding->decoder);
  }
  return TRUE;
}


/* The image's size from its header, refused before decoding when it is too large. */
static gboolean
take_basic_info (Decoding  *decoding,
                 GError   **error)
{
  JxlBasicInfo info;
  guint64 pixels;

  if (JxlDecoderGetBasicInfo (decoding->decoder, &info) != JXL_DEC_SUCCESS ||
      info.xsize == 0 || info.ysize == 0) {
    g_set_error_literal (error, CL_ASSET_ERROR, CL_ASSET_ERROR_MALFORMED,
                         _("The JPEG XL image header is damaged"));
    return FALSE;
  }
  /* The header gives the size before orientation; orientations 5 to 8 swap the sides. */
  decoding->width = info.orientation > JXL_ORIENT_ROTATE_180 ? info.ysize : info.xsize;
  decoding->height = info.orientation > JXL_ORIENT_ROTATE_180 ? info.xsize : info.ysize;
  pixels = (guint64) info.xsize * info.ysize;
  if (pixels > CL_LIMIT_DECODE_PIXELS) {
    g_set_error (error, CL_ASSET_ERROR, CL_ASSET_ERROR_TOO_LARGE,
                 _("The JPEG XL image says it is %u × %u pixels: more than CredLink decodes "
                   "for a preview (%u megapixels)"), (guint) info.xsize, (guint) info.ysize,
                 (guint) (CL_LIMIT_DECODE_PIXELS / 1000000));
    return FALSE;
  }
  decoding->format.num_channels = info.alpha_bits > 0 ? 4 : 3;
  decoding->format.data_type = JXL_TYPE_UINT8;
  decoding->format.endianness = JXL_NATIVE_ENDIAN;
  decoding->format.align = 0;
  return TRUE;
}


/* The buffer the first frame is decoded into, of the size the header gave. */
static gboolean
set_out_buffer (Decoding  *decoding,
                GError   **error)
{
  size_t size = 0;
  gsize expected = (gsize) decoding->width * decoding->height * decoding->format.num_channels;

  if (decoding->width == 0 || decoding->pixels != NULL ||
      JxlDecoderImageOutBufferSize (decoding->decoder, &decoding->format, &size) !=
        JXL_DEC_SUCCESS || size != expected) {
    g_set_error_literal (error, CL_ASSET_ERROR, CL_ASSET_ERROR_MALFORMED,
                         _("The JPEG XL image data is damaged"));
    return FALSE;
  }
  decoding->pixels = g_try_malloc (size);
  if (decoding->pixels == NULL) {
    g_set_error_literal (error, CL_ASSET_ERROR, CL_ASSET_ERROR_TOO_LARGE,
                         _("There is not enough memory to decode the JPEG XL image"));
    return FALSE;
  }
  decoding->pixels_len = size;
  return JxlDecoderSetImageOutBuffer (decoding->decoder, &decoding->format, decoding->pixels,
                                      size) == JXL_DEC_SUCCESS;
}


/* The decoded frame as a pixbuf that fits max_side (0: as it is). */
static GdkPixbuf *
to_pixbuf (Decoding *decoding,
           int       max_side)
{
  guint channels = decoding->format.num_channels;
  g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&decoding->pixels),
                                              decoding->pixels_len);
  g_autoptr(GdkPixbuf) full = NULL;
  guint width = decoding->width, height = decoding->height;
  double scale;

  full = gdk_pixbuf_new_from_bytes (bytes, GDK_COLORSPACE_RGB, channels == 4, 8, (int) width,
                                    (int) height, (int) (width * channels));
  if (max_side <= 0 || (width <= (guint) max_side && height <= (guint) max_side))
    return g_steal_pointer (&full);
  scale = (double) max_side / MAX (width, height);
  return gdk_pixbuf_scale_simple (full, MAX (1, (int) (width * scale + 0.5)),
                                  MAX (1, (int) (height * scale + 0.5)), GDK_INTERP_BILINEAR);
}


static void
decoding_clear (Decoding *decoding)
{
  g_clear_pointer (&decoding->decoder, JxlDecoderDestroy);
  g_clear_pointer (&decoding->held, g_byte_array_unref);
  g_clear_pointer (&decoding->pixels, g_free);
}


GdkPixbuf *
cl_jxl_decode (GInputStream  *stream,
               int            max_side,
               GCancellable  *cancellable,
               GError       **error)
{
  Decoding decoding = { .stream = stream };
  GdkPixbuf *pixbuf = NULL;
  gboolean ok = TRUE;

  decoding.decoder = JxlDecoderCreate (NULL);
  decoding.held = g_byte_array_new ();
  if (decoding.decoder == NULL ||
      JxlDecoderSubscribeEvents (decoding.decoder, JXL_DEC_BASIC_INFO | JXL_DEC_FULL_IMAGE) !=
        JXL_DEC_SUCCESS) {
    g_set_error_literal (error, CL_ASSET_ERROR, CL_ASSET_ERROR_TOO_LARGE,
                         _("The JPEG XL decoder could not be started"));
    decoding_clear (&decoding);
    return NULL;
  }
  while (ok && pixbuf == NULL) {
    if (g_cancellable_set_error_if_cancelled (cancellable, error)) {
      ok = FALSE;
      break;
    }
    switch (JxlDecoderProcessInput (decoding.decoder)) {
    case JXL_DEC_NEED_MORE_INPUT:
      ok = give_more_input (&decoding, cancellable, error);
      break;
    case JXL_DEC_BASIC_INFO:
      ok = take_basic_info (&decoding, error);
      break;
    case JXL_DEC_NEED_IMAGE_OUT_BUFFER:
      ok = set_out_buffer (&decoding, error);
      break;
    case JXL_DEC_FULL_IMAGE:
      /* The first frame is the preview, as for an animated GIF. */
      if (decoding.pixels != NULL)
        pixbuf = to_pixbuf (&decoding, max_side);
      else
        ok = FALSE;
      break;
    default:
      /* Told the input has ended, the decoder fails where it would ask for more. */
      if (decoding.at_end)
        g_set_error_literal (error, CL_ASSET_ERROR, CL_ASSET_ERROR_TRUNCATED,
                             _("The JPEG XL file ends before its image data does, or its "
                               "data is damaged"));
      ok = FALSE;
      break;
    }
    if (!ok && error != NULL && *error == NULL)
      g_set_error_literal (error, CL_ASSET_ERROR, CL_ASSET_ERROR_MALFORMED,
                           _("The JPEG XL image data is damaged"));
  }
  decoding_clear (&decoding);
  return pixbuf;
}
