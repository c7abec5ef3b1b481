/* cl-verdict-banner.h: the coloured verdict at the top of a file's page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cl-verdict.h"

G_BEGIN_DECLS

typedef enum {
  CL_BANNER_VERIFYING,
  CL_BANNER_TRUSTED,
  CL_BANNER_VALID,            /* valid, signer not on the user's trust lists */
  CL_BANNER_INVALID,
  CL_BANNER_NO_CREDENTIALS,
  CL_BANNER_RECOVERED,        /* credentials recovered from the proof cache */
  CL_BANNER_ERROR,            /* the file could not be read */
  CL_BANNER_STORE_ONLY,       /* a manifest store (.c2pa) on its own, without its image */
} ClBannerKind;

#define CL_TYPE_VERDICT_BANNER (cl_verdict_banner_get_type ())
G_DECLARE_FINAL_TYPE (ClVerdictBanner, cl_verdict_banner, CL, VERDICT_BANNER, GtkWidget)

GtkWidget    *cl_verdict_banner_new        (void);
void          cl_verdict_banner_set_verdict (ClVerdictBanner *self,
                                            ClBannerKind     kind,
                                            const char      *reason);
/* The most telling provenance signal as a badge ("Made with AI · Adobe Firefly"), under
 * its warning when it is unverified, and a "Test certificate" badge. */
void          cl_verdict_banner_set_signals (ClVerdictBanner *self,
                                            GPtrArray       *signals,
                                            gboolean         test_certificate);
/* The badge's text, or NULL when no signal is shown. */
const char   *cl_verdict_banner_get_signal_text (ClVerdictBanner *self);
GtkWidget    *cl_verdict_banner_get_signal_badge (ClVerdictBanner *self);
/* The warning above an unverified signal, or NULL. */
const char   *cl_verdict_banner_get_signal_warning (ClVerdictBanner *self);
gboolean      cl_verdict_banner_shows_test_certificate (ClVerdictBanner *self);
ClBannerKind  cl_verdict_banner_get_kind   (ClVerdictBanner *self);
const char   *cl_verdict_banner_get_title  (ClVerdictBanner *self);
/* The icon name and title that go with a kind (shared with the file list). */
const char   *cl_banner_kind_icon_name     (ClBannerKind     kind);
const char   *cl_banner_kind_title         (ClBannerKind     kind);
const char   *cl_banner_kind_style_class   (ClBannerKind     kind);
/* The kind that shows a verdict as it is (no recovery, no store on its own). */
ClBannerKind  cl_banner_kind_for_verdict   (ClVerdict        verdict);

G_END_DECLS
