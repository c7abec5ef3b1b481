/* cl-asset.c: format sniffing and dispatch to the per-format readers, which stand on
 * cl-asset-info.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "cl-asset.h"
#include "cl-asset-bmff.h"
#include "cl-asset-c2pa.h"
#include "cl-asset-gif.h"
#include "cl-asset-jpeg.h"
#include "cl-asset-jxl.h"
#include "cl-asset-png.h"
#include "cl-asset-riff.h"
#include "cl-asset-svg.h"
#include "cl-asset-tiff.h"
#include "cl-error.h"

typedef gboolean (*ClAssetReadFunc) (GInputStream  *stream,
                                     ClAssetInfo   *info,
                                     GCancellable  *cancellable,
                                     GError       **error);

/* One entry per format. */
typedef struct {
  ClAssetFormat    format;
  const char      *mime_type;
  ClAssetReadFunc  read;   /* NULL: recognised, not supported yet */
} ClAssetFormatReader;

static const ClAssetFormatReader readers[] = {
  { CL_ASSET_FORMAT_JPEG, "image/jpeg", cl_asset_jpeg_read },
  { CL_ASSET_FORMAT_PNG, "image/png", cl_asset_png_read },
  { CL_ASSET_FORMAT_WEBP, "image/webp", cl_asset_riff_read },
  { CL_ASSET_FORMAT_TIFF, "image/tiff", cl_asset_tiff_read },
  { CL_ASSET_FORMAT_BMFF, "video/mp4", cl_asset_bmff_read },   /* the reader names the brand */
  { CL_ASSET_FORMAT_GIF, "image/gif", cl_asset_gif_read },
  { CL_ASSET_FORMAT_SVG, "image/svg+xml", cl_asset_svg_read },
  { CL_ASSET_FORMAT_JXL, "image/jxl", cl_asset_jxl_read },
  { CL_ASSET_FORMAT_C2PA, "application/c2pa", cl_asset_c2pa_read },
};

#define SNIFF_LEN 512


static const ClAssetFormatReader *
find_reader (ClAssetFormat format)
{
  for (gsize i = 0; i < G_N_ELEMENTS (readers); i++) {
    if (readers[i].format == format)
      return &readers[i];
  }
  return NULL;
}


/* The formats with a reader, named in table order ("JPEG, PNG, TIFF"). */
static char *
readable_formats (void)
{
  GString *names = g_string_new (NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (readers); i++) {
    if (readers[i].read != NULL)
      g_string_append_printf (names, "%s%s", names->len > 0 ? ", " : "",
                              cl_asset_format_to_string (readers[i].format));
  }
  return g_string_free (names, FALSE);
}


ClAssetFormat
cl_asset_sniff (const guint8 *head,
                gsize         head_len)
{
  static const guint8 png_sig[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };
  static const guint8 jxl_box[12] = { 0, 0, 0, 0x0C, 'J', 'X', 'L', ' ', 0x0D, 0x0A, 0x87, 0x0A };
  gsize i = 0;

  if (head_len >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF)
    return CL_ASSET_FORMAT_JPEG;
  if (head_len >= 8 && memcmp (head, png_sig, 8) == 0)
    return CL_ASSET_FORMAT_PNG;
  if (head_len >= 12 && memcmp (head, "RIFF", 4) == 0 && memcmp (head + 8, "WEBP", 4) == 0)
    return CL_ASSET_FORMAT_WEBP;
  if (head_len >= 4 && (memcmp (head, "II*\0", 4) == 0 || memcmp (head, "MM\0*", 4) == 0))
    return CL_ASSET_FORMAT_TIFF;
  if (head_len >= 4 && (memcmp (head, "II+\0", 4) == 0 || memcmp (head, "MM\0+", 4) == 0))
    return CL_ASSET_FORMAT_TIFF;   /* BigTIFF */
  if (head_len >= 12 && memcmp (head, jxl_box, 12) == 0)
    return CL_ASSET_FORMAT_JXL;
  if (head_len >= 2 && head[0] == 0xFF && head[1] == 0x0A)
    return CL_ASSET_FORMAT_JXL;
  /* A manifest store alone: a jumb superbox whose first box is its jumd. */
  if (head_len >= 16 && memcmp (head + 4, "jumb", 4) == 0 && memcmp (head + 12, "jumd", 4) == 0)
    return CL_ASSET_FORMAT_C2PA;
  if (head_len >= 8 && memcmp (head + 4, "ftyp", 4) == 0)
    return CL_ASSET_FORMAT_BMFF;
  if (head_len >= 6 && (memcmp (head, "GIF87a", 6) == 0 || memcmp (head, "GIF89a", 6) == 0))
    return CL_ASSET_FORMAT_GIF;

  /* SVG: XML text whose first element is <svg (possibly after a prolog). */
  if (head_len >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF)
    i = 3;
  while (i < head_len && g_ascii_isspace (head[i]))
    i++;
  if (i < head_len && head[i] == '<' &&
      g_strstr_len ((const char *) head + i, (gssize) (head_len - i), "<svg") != NULL)
    return CL_ASSET_FORMAT_SVG;

  return CL_ASSET_FORMAT_UNKNOWN;
}


const char *
cl_asset_format_to_string (ClAssetFormat format)
{
  switch (format) {
  case CL_ASSET_FORMAT_JPEG: return "JPEG";
  case CL_ASSET_FORMAT_PNG: return "PNG";
  case CL_ASSET_FORMAT_WEBP: return "WebP";
  case CL_ASSET_FORMAT_TIFF: return "TIFF";
  case CL_ASSET_FORMAT_BMFF: return "HEIF/MP4";
  case CL_ASSET_FORMAT_GIF: return "GIF";
  case CL_ASSET_FORMAT_SVG: return "SVG";
  case CL_ASSET_FORMAT_JXL: return "JPEG XL";
  case CL_ASSET_FORMAT_C2PA: return "C2PA manifest store";
  case CL_ASSET_FORMAT_UNKNOWN:
  default:
    return NULL;
  }
}


gboolean
cl_asset_format_is_supported (ClAssetFormat format)
{
  const ClAssetFormatReader *reader = find_reader (format);

  return reader != NULL && reader->read != NULL;
}


ClAssetInfo *
cl_asset_read (GInputStream  *stream,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(ClAssetInfo) info = g_new0 (ClAssetInfo, 1);
  guint8 head[SNIFF_LEN];
  gsize head_len = 0;
  const ClAssetFormatReader *reader;
  goffset end;

  g_return_val_if_fail (G_IS_SEEKABLE (stream), NULL);

  info->store_ranges = g_array_new (FALSE, FALSE, sizeof (ClByteRange));

  if (!g_seekable_seek (G_SEEKABLE (stream), 0, G_SEEK_END, cancellable, error))
    return NULL;
  end = g_seekable_tell (G_SEEKABLE (stream));
  info->file_size = end > 0 ? (guint64) end : 0;
  if (!g_seekable_seek (G_SEEKABLE (stream), 0, G_SEEK_SET, cancellable, error) ||
      !g_input_stream_read_all (stream, head, sizeof head, &head_len, cancellable, error))
    return NULL;

  if (head_len == 0) {
    g_set_error_literal (error, CL_ASSET_ERROR, CL_ASSET_ERROR_TRUNCATED,
                         _("The file is empty"));
    return NULL;
  }

  info->format = cl_asset_sniff (head, head_len);
  reader = find_reader (info->format);
  if (reader == NULL) {
    g_set_error_literal (error, CL_ASSET_ERROR, CL_ASSET_ERROR_UNSUPPORTED_FORMAT,
                         _("This is not an image format CredLink knows"));
    return NULL;
  }
  info->mime_type = reader->mime_type;
  if (reader->read == NULL) {
    g_autofree char *readable = readable_formats ();

    g_set_error (error, CL_ASSET_ERROR, CL_ASSET_ERROR_UNSUPPORTED_FORMAT,
                 _("%s files are not supported yet; CredLink reads %s"),
                 cl_asset_format_to_string (info->format), readable);
    return NULL;
  }

  if (!reader->read (stream, info, cancellable, error))
    return NULL;
  return g_steal_pointer (&info);
}


ClAssetInfo *
cl_asset_read_file (const char    *path,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = g_file_read (file, cancellable, error);

  if (stream == NULL)
    return NULL;
  return cl_asset_read (G_INPUT_STREAM (stream), cancellable, error);
}
