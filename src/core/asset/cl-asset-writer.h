/* cl-asset-writer.h: putting a manifest store into a copy of an image (C2PA 2.2
 * Appendix A): the carrier that holds the store in each format, and the layout of
 * the signed copy (cl-asset-layout.h). One writer per format (cl-asset-jpeg-writer.c,
 * cl-asset-png-writer.c), picked here; where a store goes comes from the readers
 * (cl-asset.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cl-asset-info.h"
#include "cl-asset-layout.h"

G_BEGIN_DECLS

/* Whether CredLink can sign files of this format. */
gboolean       cl_asset_format_is_writable (ClAssetFormat       format);

/* Whether a file of this name may be signed: camera raw files that are TIFF inside (Sony
 * ARW, Nikon NEF) are read, not written, as c2pa-rs reads but does not write them. */
gboolean       cl_asset_name_is_writable   (const char          *name);

/* The media types and the file name suffixes (no dot) of the files CredLink signs, from
 * the table of writers, for a file chooser's filter. */
GStrv          cl_asset_writable_media_types (void);
GStrv          cl_asset_writable_suffixes    (void);

/* Size of the carrier for a store of store_len bytes; 0 if it cannot be carried. */
guint64        cl_asset_carrier_size      (ClAssetFormat        format,
                                           guint64              store_len);

/* The carrier itself: the store wrapped as the format holds it. */
GBytes        *cl_asset_wrap_store        (ClAssetFormat        format,
                                           GBytes              *store,
                                           GError             **error);

/* The signed copy of the source that info describes, with a carrier of carrier_length
 * bytes. carrier_length 0 means not known yet: the signer first learns where the
 * carrier goes (the exclusion's start, which the store records), then sizes the store;
 * so where the carrier goes never depends on its length. */
ClAssetLayout *cl_asset_lay_out           (GInputStream        *source,
                                           const ClAssetInfo   *info,
                                           guint64              carrier_length,
                                           GCancellable        *cancellable,
                                           GError             **error);

G_END_DECLS
