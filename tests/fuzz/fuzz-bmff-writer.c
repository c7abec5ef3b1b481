/* fuzz-bmff-writer.c: the HEIF writer's offset rewriting on any bytes. A file the BMFF
 * reader takes is checked complete, laid out with a C2PA box after its file type box (its
 * item locations and chunk offsets moved) and written to memory; the copy must be as long
 * as its layout says, begin with the source's file type box, and, when the source was
 * complete (and the copy no shorter), be complete too: its boxes walk and every item
 * extent lies inside it. The hash
 * plan is computed for the same carrier.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <gio/gio.h>

#include "cl-asset.h"
#include "cl-asset-bmff-writer.h"
#include "cl-asset-writer.h"
#include "cl-heif-check.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

#define MAX_SOURCE (4 * 1024 * 1024)
#define STORE_LEN 64


static gboolean
append_cb (const guint8  *data,
           gsize          len,
           gpointer       user_data,
           GError       **error)
{
  g_byte_array_append (user_data, data, (guint) len);
  return TRUE;
}


/* The signed copy's bytes, or NULL when the writer refuses the source. */
static GBytes *
write_copy (GInputStream       *source,
            const ClAssetInfo  *info,
            GBytes             *carrier)
{
  g_autoptr(ClAssetLayout) layout = NULL;
  g_autoptr(GByteArray) out = g_byte_array_new ();
  ClByteRange placed;

  layout = cl_asset_lay_out (source, info, g_bytes_get_size (carrier), NULL, NULL);
  if (layout == NULL)
    return NULL;
  placed = cl_asset_layout_get_carrier (layout);
  if (placed.length != g_bytes_get_size (carrier))
    g_error ("the carrier was laid out with %" G_GUINT64_FORMAT " bytes", placed.length);
  if (!cl_asset_layout_emit (layout, source, carrier, append_cb, out, NULL, NULL))
    return NULL;
  if (out->len != cl_asset_layout_get_size (layout))
    g_error ("the copy has %u bytes, its layout %" G_GUINT64_FORMAT, out->len,
             cl_asset_layout_get_size (layout));
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}


int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  static const guint8 store_bytes[STORE_LEN] = { 0 };
  g_autoptr(GBytes) input = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(ClAssetInfo) info = NULL;
  g_autoptr(GBytes) store = g_bytes_new_static (store_bytes, sizeof store_bytes);
  g_autoptr(GBytes) carrier = NULL;
  g_autoptr(GBytes) copy = NULL;
  g_autoptr(GInputStream) copy_stream = NULL;
  g_autoptr(GArray) exclusions = NULL;
  g_autoptr(GArray) offsets = NULL;
  gboolean complete;

  if (size == 0 || size > MAX_SOURCE)
    return 0;
  input = g_bytes_new_static (data, size);
  stream = g_memory_input_stream_new_from_bytes (input);
  info = cl_asset_read (stream, NULL, NULL);
  if (info == NULL || info->format != CL_ASSET_FORMAT_BMFF)
    return 0;
  complete = cl_heif_check_complete (stream, size, NULL, NULL);
  carrier = cl_asset_bmff_wrap_store (store, NULL);
  g_assert_nonnull (carrier);
  if (cl_asset_bmff_hash_plan (stream, info, g_bytes_get_size (carrier), &exclusions,
                               &offsets, NULL, NULL))
    g_assert_cmpuint (exclusions->len, >, 0);
  copy = write_copy (stream, info, carrier);
  if (copy == NULL)
    return 0;
  /* The file type box comes first in both, and is the source's. */
  if (g_bytes_get_size (copy) < 8 || memcmp (g_bytes_get_data (copy, NULL), data, 8) != 0)
    g_error ("the copy does not begin with the source's file type box");
  copy_stream = g_memory_input_stream_new_from_bytes (copy);
  /* (An item whose data straddles the end of the file type box keeps its offset and
   * length: when the old store was larger than the new one, it may end past the copy.) */
  if (complete && g_bytes_get_size (copy) >= size &&
      !cl_heif_check_complete (copy_stream, g_bytes_get_size (copy), NULL, NULL))
    g_error ("a complete source gave an incomplete copy");
  return 0;
}
