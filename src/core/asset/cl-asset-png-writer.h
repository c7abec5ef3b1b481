/* cl-asset-png-writer.h: the manifest store as a PNG caBX chunk (C2PA 2.2 Appendix A.3).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Size of the carrier for a store of store_len bytes; 0 if it cannot be carried. */
guint64  cl_asset_png_carrier_size (guint64   store_len);

/* Length, "caBX", the store, CRC-32 over type and data. */
GBytes  *cl_asset_png_wrap_store   (GBytes   *store,
                                    GError  **error);

G_END_DECLS
