/* fuzz-asset.c: the JPEG, PNG, WebP, GIF, TIFF, JPEG XL and SVG readers (format sniffing,
 * segment/chunk/block/directory/box/element walk, store reassembly, XMP). Built as
 * fuzz-jpeg, fuzz-png, fuzz-webp, fuzz-gif, fuzz-tiff, fuzz-jxl and fuzz-svg with different
 * seed corpora.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>

#include "cl-asset.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (data, size, NULL);
  g_autoptr(ClAssetInfo) info = cl_asset_read (stream, NULL, NULL);

  if (info != NULL && info->store != NULL)
    g_assert_cmpuint (g_bytes_get_size (info->store), <=, size);
  return 0;
}
