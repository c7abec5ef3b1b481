/* cl-verify-item.h: one file on the Verify page: its thumbnail, whether it is
 * waiting, being verified or done, and the verification when done.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "cl-verification.h"
#include "cl-verdict-banner.h"

G_BEGIN_DECLS

#define CL_TYPE_VERIFY_ITEM (cl_verify_item_get_type ())
G_DECLARE_FINAL_TYPE (ClVerifyItem, cl_verify_item, CL, VERIFY_ITEM, GObject)

ClVerifyItem   *cl_verify_item_new              (GFile          *file);
/* An item shown under name instead of the file's (an ingredient of file). */
ClVerifyItem   *cl_verify_item_new_named        (GFile          *file,
                                                 const char     *name);
GFile          *cl_verify_item_get_file         (ClVerifyItem   *self);
const char     *cl_verify_item_get_name         (ClVerifyItem   *self);
/* Cancelled when the item leaves the list. */
GCancellable   *cl_verify_item_get_cancellable  (ClVerifyItem   *self);
/* NULL until verified ("verification" is notified). */
ClVerification *cl_verify_item_get_verification (ClVerifyItem   *self);
void            cl_verify_item_set_verification (ClVerifyItem   *self,
                                                 ClVerification *verification);
/* NULL until decoded, or when the file is no image gdk-pixbuf reads ("thumbnail"). */
GdkTexture     *cl_verify_item_get_thumbnail    (ClVerifyItem   *self);
void            cl_verify_item_set_thumbnail    (ClVerifyItem   *self,
                                                 GdkTexture     *thumbnail);
/* VERIFYING until the verification is there. */
ClBannerKind    cl_verify_item_get_kind         (ClVerifyItem   *self);
ClBannerKind    cl_banner_kind_for_verification (ClVerification *verification);

G_END_DECLS
