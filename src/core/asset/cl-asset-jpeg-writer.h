/* cl-asset-jpeg-writer.h: the manifest store as JPEG APP11 (JPEG-XT) segments
 * (C2PA 2.2 Appendix A.2).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Store bytes per APP11 segment, as c2pa-rs writes them. */
#define CL_JPEG_STORE_BYTES_PER_SEGMENT 64000

/* Size of the carrier for a store of store_len bytes; 0 if it cannot be carried. */
guint64  cl_asset_jpeg_carrier_size (guint64   store_len);

/* APP11 segments FF EB Lp 'JP' En=0x0211 Z=1,2,… with the store split into
 * CL_JPEG_STORE_BYTES_PER_SEGMENT pieces; every segment after the first repeats
 * the store's 8-byte box header (ISO 19566-5 Annex D.2). */
GBytes  *cl_asset_jpeg_wrap_store   (GBytes   *store,
                                     GError  **error);

G_END_DECLS
