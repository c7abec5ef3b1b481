/* cl-asset-jxl-writer.h: the manifest store as a top-level jumb box of a JPEG XL
 * container (C2PA 2.2 §A.3.9).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Size of the carrier for a store of store_len bytes; 0 if it cannot be carried. */
guint64  cl_asset_jxl_carrier_size (guint64   store_len);

/* The store itself: it is already a jumb box. */
GBytes  *cl_asset_jxl_wrap_store   (GBytes   *store,
                                    GError  **error);

G_END_DECLS
