/* cl-privacy-removal.h: the privacy options of signing — the GPS position and the camera
 * and lens serial numbers taken out of the signed copy's Exif and XMP, the source left as
 * it is. Each value is overwritten in place (zeros, NULs, spaces: cl-exif-privacy.h,
 * cl-xmp-privacy.h) so the copy keeps every offset and every pixel: the changed bytes
 * replace the source's in the layout the signer hashes and writes. What was removed is
 * said in a c2pa.edited.metadata action.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cl-asset-info.h"
#include "cl-asset-layout.h"

G_BEGIN_DECLS

typedef struct _ClPrivacyRemoval ClPrivacyRemoval;

/* Whether the privacy options can be used on files of format (JPEG, PNG, WebP, TIFF). */
gboolean          cl_privacy_removal_supports     (ClAssetFormat        format);

/* The changes that remove the GPS position (gps) and the serial numbers (serials) from
 * the file in stream. NULL (and error) when the file's format is not supported or its
 * metadata cannot be changed without moving bytes: a value would be left in place. */
ClPrivacyRemoval *cl_privacy_removal_new          (GInputStream        *stream,
                                                   const ClAssetInfo   *info,
                                                   gboolean             gps,
                                                   gboolean             serials,
                                                   GCancellable        *cancellable,
                                                   GError             **error);
void              cl_privacy_removal_free         (ClPrivacyRemoval    *removal);

/* What was found and removed, in English for the manifest's action, or NULL when the
 * file held none of it (nothing changes then). */
const char       *cl_privacy_removal_get_description (ClPrivacyRemoval *removal);

/* Puts the changed bytes in place of the source's in layout; FALSE (and error) when the
 * layout does not copy them from the source. */
gboolean          cl_privacy_removal_apply        (ClPrivacyRemoval    *removal,
                                                   ClAssetLayout       *layout,
                                                   GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClPrivacyRemoval, cl_privacy_removal_free)

G_END_DECLS
