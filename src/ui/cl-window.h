/* cl-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cl-history-page.h"
#include "cl-service-registry.h"
#include "cl-sign-page.h"
#include "cl-trust-offer.h"
#include "cl-verify-page.h"

G_BEGIN_DECLS

#define CL_TYPE_WINDOW (cl_window_get_type ())
G_DECLARE_FINAL_TYPE (ClWindow, cl_window, CL, WINDOW, AdwApplicationWindow)

/* A window without the application's services (its Preferences then show no
 * background jobs); the application creates its windows with the "services"
 * property set. */
ClWindow   *cl_window_new           (GtkApplication *application);
void        cl_window_open_files    (ClWindow       *self,
                                     GFile         **files,
                                     int             n_files);
/* The files listed on the Verify page (ClVerifyItem). */
GListModel *cl_window_get_files     (ClWindow       *self);
ClVerifyPage *cl_window_get_verify_page (ClWindow   *self);
/* The first-run offer to download the official trust lists. */
ClTrustOffer *cl_window_get_trust_offer (ClWindow   *self);
ClSignPage *cl_window_get_sign_page   (ClWindow     *self);
ClHistoryPage *cl_window_get_history_page (ClWindow  *self);

G_END_DECLS
