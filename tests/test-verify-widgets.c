/* test-verify-widgets.c: the verdict banner and the confidence view show what
 * they are given.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "cl-confidence-view.h"
#include "cl-verdict-banner.h"

static void
test_banner (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *banner = cl_verdict_banner_new ();

  gtk_window_set_child (GTK_WINDOW (window), banner);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_cmpint (cl_verdict_banner_get_kind (CL_VERDICT_BANNER (banner)), ==,
                   CL_BANNER_VERIFYING);
  cl_verdict_banner_set_verdict (CL_VERDICT_BANNER (banner), CL_BANNER_INVALID,
                                 "The image was changed after it was signed");
  g_assert_cmpstr (cl_verdict_banner_get_title (CL_VERDICT_BANNER (banner)), ==, "Invalid");
  g_assert_cmpint (cl_verdict_banner_get_kind (CL_VERDICT_BANNER (banner)), ==,
                   CL_BANNER_INVALID);
  cl_verdict_banner_set_verdict (CL_VERDICT_BANNER (banner), CL_BANNER_TRUSTED, NULL);
  g_assert_cmpstr (cl_verdict_banner_get_title (CL_VERDICT_BANNER (banner)), ==, "Trusted");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_confidence_view (void)
{
  const char *const success[] = {
    "claimSignature.validated", "claimSignature.insideValidity", "assertion.dataHash.match",
    "assertion.hashedURI.match", NULL,
  };
  const char *const failure[] = { "signingCredential.untrusted", NULL };
  ClConfidenceInput input = { TRUE, FALSE, success, NULL, failure, NULL,
                              CL_CONFIDENCE_PROOF_NOT_FOUND };
  g_autoptr(ClConfidence) confidence = cl_confidence_compute (&input);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = cl_confidence_view_new ();

  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));
  cl_confidence_view_set_confidence (CL_CONFIDENCE_VIEW (view), confidence);
  g_assert_cmpuint (cl_confidence_view_get_score (CL_CONFIDENCE_VIEW (view)), ==, 60);
  g_assert_cmpuint (cl_confidence_view_get_n_rows (CL_CONFIDENCE_VIEW (view)), ==, 8);
  /* Showing another result replaces the rows. */
  cl_confidence_view_set_confidence (CL_CONFIDENCE_VIEW (view), confidence);
  g_assert_cmpuint (cl_confidence_view_get_n_rows (CL_CONFIDENCE_VIEW (view)), ==, 8);
  cl_confidence_view_set_confidence (CL_CONFIDENCE_VIEW (view), NULL);
  g_assert_cmpuint (cl_confidence_view_get_n_rows (CL_CONFIDENCE_VIEW (view)), ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/verify-widgets/banner", test_banner);
  g_test_add_func ("/verify-widgets/confidence", test_confidence_view);

  return g_test_run ();
}
