/* cl-asset-writer.c: the table of writers, one per format CredLink signs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cl-asset.h"
#include "cl-asset-bmff-writer.h"
#include "cl-asset-gif-writer.h"
#include "cl-asset-jpeg-writer.h"
#include "cl-asset-jxl-writer.h"
#include "cl-asset-png-writer.h"
#include "cl-asset-riff-writer.h"
#include "cl-asset-svg-writer.h"
#include "cl-asset-tiff-writer.h"
#include "cl-asset-writer.h"
#include "cl-error.h"

typedef guint64         (*ClCarrierSizeFunc) (guint64             store_len);
typedef GBytes *        (*ClWrapStoreFunc)   (GBytes             *store,
                                              GError            **error);
typedef ClAssetLayout * (*ClLayOutFunc)      (GInputStream       *source,
                                              const ClAssetInfo  *info,
                                              guint64             carrier_length,
                                              GCancellable       *cancellable,
                                              GError            **error);

typedef struct {
  ClAssetFormat      format;
  ClCarrierSizeFunc  carrier_size;
  ClWrapStoreFunc    wrap_store;
  ClLayOutFunc       lay_out;
  const char        *media_types;   /* what a file chooser offers, separated by spaces */
  const char        *suffixes;
} ClAssetFormatWriter;


/* JPEG, PNG and JPEG XL: the carrier goes among the segments, chunks or boxes, in the old
 * store's place. */
static ClAssetLayout *
lay_out_inserted (GInputStream       *source,
                  const ClAssetInfo  *info,
                  guint64             carrier_length,
                  GCancellable       *cancellable,
                  GError            **error)
{
  return cl_asset_layout_insert_carrier (info, carrier_length);
}


static const ClAssetFormatWriter writers[] = {
  { CL_ASSET_FORMAT_JPEG, cl_asset_jpeg_carrier_size, cl_asset_jpeg_wrap_store, lay_out_inserted,
    "image/jpeg", "jpg jpeg jpe" },
  { CL_ASSET_FORMAT_PNG, cl_asset_png_carrier_size, cl_asset_png_wrap_store, lay_out_inserted,
    "image/png", "png" },
  { CL_ASSET_FORMAT_WEBP, cl_asset_riff_carrier_size, cl_asset_riff_wrap_store,
    cl_asset_riff_lay_out, "image/webp", "webp" },
  { CL_ASSET_FORMAT_GIF, cl_asset_gif_carrier_size, cl_asset_gif_wrap_store,
    cl_asset_gif_lay_out, "image/gif", "gif" },
  /* Not the camera raw files that are TIFF inside (cl_asset_name_is_writable). */
  { CL_ASSET_FORMAT_TIFF, cl_asset_tiff_carrier_size, cl_asset_tiff_wrap_store,
    cl_asset_tiff_lay_out, "image/tiff image/x-adobe-dng", "tif tiff dng" },
  { CL_ASSET_FORMAT_JXL, cl_asset_jxl_carrier_size, cl_asset_jxl_wrap_store, lay_out_inserted,
    "image/jxl", "jxl" },
  { CL_ASSET_FORMAT_SVG, cl_asset_svg_carrier_size, cl_asset_svg_wrap_store, cl_asset_svg_lay_out,
    "image/svg+xml", "svg" },
  /* Images only: the writer refuses videos. */
  { CL_ASSET_FORMAT_BMFF, cl_asset_bmff_carrier_size, cl_asset_bmff_wrap_store,
    cl_asset_bmff_lay_out, "image/heif image/heic image/avif", "heif heic hif avif" },
};


/* Every word of one column of the table, in table order. */
static GStrv
collect_words (gsize column_offset)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (gsize i = 0; i < G_N_ELEMENTS (writers); i++) {
    const char *column = G_STRUCT_MEMBER (const char *, &writers[i], column_offset);
    g_auto(GStrv) words = g_strsplit (column, " ", -1);

    g_strv_builder_addv (builder, (const char **) words);
  }
  return g_strv_builder_end (builder);
}


GStrv
cl_asset_writable_media_types (void)
{
  return collect_words (G_STRUCT_OFFSET (ClAssetFormatWriter, media_types));
}


GStrv
cl_asset_writable_suffixes (void)
{
  return collect_words (G_STRUCT_OFFSET (ClAssetFormatWriter, suffixes));
}


static const ClAssetFormatWriter *
find_writer (ClAssetFormat format)
{
  for (gsize i = 0; i < G_N_ELEMENTS (writers); i++) {
    if (writers[i].format == format)
      return &writers[i];
  }
  return NULL;
}


static const ClAssetFormatWriter *
find_writer_or_error (ClAssetFormat   format,
                      GError        **error)
{
  const ClAssetFormatWriter *writer = find_writer (format);

  if (writer == NULL)
    g_set_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_INPUT,
                 _("Signing %s files is not supported"), cl_asset_format_to_string (format));
  return writer;
}


gboolean
cl_asset_format_is_writable (ClAssetFormat format)
{
  return find_writer (format) != NULL;
}


gboolean
cl_asset_name_is_writable (const char *name)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);

  return !g_str_has_suffix (lower, ".arw") && !g_str_has_suffix (lower, ".nef");
}


guint64
cl_asset_carrier_size (ClAssetFormat format,
                       guint64       store_len)
{
  const ClAssetFormatWriter *writer = find_writer (format);

  return writer != NULL ? writer->carrier_size (store_len) : 0;
}


GBytes *
cl_asset_wrap_store (ClAssetFormat   format,
                     GBytes         *store,
                     GError        **error)
{
  const ClAssetFormatWriter *writer = find_writer_or_error (format, error);

  return writer != NULL ? writer->wrap_store (store, error) : NULL;
}


ClAssetLayout *
cl_asset_lay_out (GInputStream       *source,
                  const ClAssetInfo  *info,
                  guint64             carrier_length,
                  GCancellable       *cancellable,
                  GError            **error)
{
  const ClAssetFormatWriter *writer = find_writer_or_error (info->format, error);

  return writer != NULL ? writer->lay_out (source, info, carrier_length, cancellable, error)
                        : NULL;
}
