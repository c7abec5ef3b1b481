/* cl-asset-svg.h: the SVG reader of cl-asset.c's table (see cl-asset-svg.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cl-asset-info.h"

G_BEGIN_DECLS

/* Where a new store goes in an SVG (offsets just after a start tag's '>'; 0: none). */
typedef struct {
  guint64  svg_tag_end;          /* the root <svg …>; 0 when it is empty (<svg/>) */
  gboolean has_c2pa_namespace;   /* the root declares xmlns:c2pa */
  guint64  metadata_tag_end;     /* the first svg/metadata with content room */
} ClSvgPlaces;

/* Fills info (store, store_ranges, remote_url) from an SVG stream whose format and file_size are
 * known. Errors: CL_ASSET_ERROR, as cl_asset_read(). */
gboolean cl_asset_svg_read  (GInputStream  *stream,
                             ClAssetInfo   *info,
                             GCancellable  *cancellable,
                             GError       **error);

/* The same, and where a writer puts a new store. */
gboolean cl_asset_svg_scan  (GInputStream  *stream,
                             ClAssetInfo   *info,
                             ClSvgPlaces   *places,
                             GCancellable  *cancellable,
                             GError       **error);

G_END_DECLS
