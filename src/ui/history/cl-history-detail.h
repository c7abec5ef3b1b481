/* cl-history-detail.h: what History keeps of one proof, in a window of its own: the
 * verdict, the image (name, place, SHA-256), the signer and the dates it was signed,
 * first seen, last verified and kept until.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cl-history-entry.h"

G_BEGIN_DECLS

#define CL_TYPE_HISTORY_DETAIL (cl_history_detail_get_type ())
G_DECLARE_FINAL_TYPE (ClHistoryDetail, cl_history_detail, CL, HISTORY_DETAIL, AdwWindow)

/* Copies what it shows from @entry. The "verify-again" signal (no arguments) asks to
 * verify the image again where it was; the window then closes. */
GtkWidget *cl_history_detail_new (const ClHistoryEntry *entry);

G_END_DECLS
