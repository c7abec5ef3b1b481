/* cl-asset-svg-writer.c: the manifest store as base64 text in an SVG.
 *
 * Where c2pa-rs (0.91) puts it: in place of the old store's text; else as the first child
 * of the first svg/metadata; else in a new <metadata> that is the root's first child. The
 * root gets the c2pa namespace (xmlns:c2pa) when it does not declare it. Every other byte
 * is the source's: nothing is re-serialised.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "cl-asset-svg.h"
#include "cl-asset-svg-writer.h"
#include "cl-error.h"

#define C2PA_NAMESPACE " xmlns:c2pa=\"http://c2pa.org/manifest\""


guint64
cl_asset_svg_carrier_size (guint64 store_len)
{
  if (store_len == 0 || store_len > CL_ASSET_MAX_STORE_SIZE)
    return 0;
  return (store_len + 2) / 3 * 4;
}


GBytes *
cl_asset_svg_wrap_store (GBytes  *store,
                         GError **error)
{
  gsize len;
  const guint8 *data = g_bytes_get_data (store, &len);
  char *encoded;

  if (cl_asset_svg_carrier_size (len) == 0) {
    g_set_error_literal (error, CL_SIGN_ERROR, CL_SIGN_ERROR_FAILED,
                         _("The manifest store cannot be carried in an SVG"));
    return NULL;
  }
  encoded = g_base64_encode (data, len);
  return g_bytes_new_take (encoded, strlen (encoded));
}


static void
add_text (ClAssetLayout *layout,
          const char    *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));

  cl_asset_layout_add_bytes (layout, bytes);
}


ClAssetLayout *
cl_asset_svg_lay_out (GInputStream       *source,
                      const ClAssetInfo  *info,
                      guint64             carrier_length,
                      GCancellable       *cancellable,
                      GError            **error)
{
  g_autoptr(ClAssetInfo) scanned = g_new0 (ClAssetInfo, 1);
  g_autoptr(ClAssetLayout) layout = NULL;
  ClSvgPlaces places;
  guint64 insert_at;

  if (info->store_ranges->len > 0)
    return cl_asset_layout_insert_carrier (info, carrier_length);

  scanned->format = info->format;
  scanned->file_size = info->file_size;
  scanned->store_ranges = g_array_new (FALSE, FALSE, sizeof (ClByteRange));
  if (!cl_asset_svg_scan (source, scanned, &places, cancellable, error))
    return NULL;
  if (places.svg_tag_end == 0) {
    g_set_error_literal (error, CL_SIGN_ERROR, CL_SIGN_ERROR_INPUT,
                         _("The SVG drawing is empty (<svg/>): it has no room for Content "
                           "Credentials"));
    return NULL;
  }
  insert_at = places.metadata_tag_end != 0 ? places.metadata_tag_end : places.svg_tag_end;

  layout = cl_asset_layout_new ();
  /* The root's start tag up to its '>', the namespace, the rest up to the insertion. */
  cl_asset_layout_add_source (layout, 0, places.svg_tag_end - 1);
  if (!places.has_c2pa_namespace)
    add_text (layout, C2PA_NAMESPACE);
  cl_asset_layout_add_source (layout, places.svg_tag_end - 1, insert_at - places.svg_tag_end + 1);
  add_text (layout, places.metadata_tag_end != 0 ? "<c2pa:manifest>"
                                                 : "<metadata><c2pa:manifest>");
  cl_asset_layout_add_carrier (layout, carrier_length);
  add_text (layout, places.metadata_tag_end != 0 ? "</c2pa:manifest>"
                                                 : "</c2pa:manifest></metadata>");
  cl_asset_layout_add_source (layout, insert_at, info->file_size - insert_at);
  return g_steal_pointer (&layout);
}
