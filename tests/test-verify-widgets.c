/* test-verify-widgets.c: the verdict banner, the confidence view and the camera
 * data group show what they are given.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "cl-camera-group.h"
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

/* The status-code rows under the confidence rows (titled with a code), and the first
 * confidence row that has codes to open. */
static guint
count_code_rows (GtkWidget       *widget,
                 AdwExpanderRow **first_with_codes)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child)) {
    if (ADW_IS_EXPANDER_ROW (child) && *first_with_codes == NULL &&
        adw_expander_row_get_enable_expansion (ADW_EXPANDER_ROW (child)))
      *first_with_codes = ADW_EXPANDER_ROW (child);
    if (ADW_IS_ACTION_ROW (child) && gtk_widget_has_css_class (child, "monospace-title"))
      n++;
    n += count_code_rows (child, first_with_codes);
  }
  return n;
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
  /* A row's status codes are made when it is opened (collapsed, they would still be
   * measured), and only once. */
  {
    AdwExpanderRow *with_codes = NULL;
    guint n_codes;

    g_assert_cmpuint (count_code_rows (view, &with_codes), ==, 0);
    g_assert_nonnull (with_codes);
    adw_expander_row_set_expanded (with_codes, TRUE);
    n_codes = count_code_rows (view, &with_codes);
    g_assert_cmpuint (n_codes, >, 0);
    adw_expander_row_set_expanded (with_codes, FALSE);
    adw_expander_row_set_expanded (with_codes, TRUE);
    g_assert_cmpuint (count_code_rows (view, &with_codes), ==, n_codes);
  }
  /* Showing another result replaces the rows. */
  cl_confidence_view_set_confidence (CL_CONFIDENCE_VIEW (view), confidence);
  g_assert_cmpuint (cl_confidence_view_get_n_rows (CL_CONFIDENCE_VIEW (view)), ==, 8);
  cl_confidence_view_set_confidence (CL_CONFIDENCE_VIEW (view), NULL);
  g_assert_cmpuint (cl_confidence_view_get_n_rows (CL_CONFIDENCE_VIEW (view)), ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A manifest with two EXIF assertions (the camera's and a GPS block): the group lists
 * both, in words, the place in degrees with a geo: link; no raw coordinates. */
static void
test_camera_group (void)
{
  GtkWidget *window = gtk_window_new ();
  ClCameraGroup *group = g_object_new (CL_TYPE_CAMERA_GROUP, NULL);
  ClVerification verification = { 0 };
  ClValidationReport *report = cl_validation_report_new ();
  ClManifestReport *manifest = cl_manifest_report_new ();
  GtkLinkButton *link;
  g_autoptr(GError) error = NULL;

  manifest->label = g_strdup ("urn:c2pa:camera");
  manifest->assertions = json_from_string (
    "[{\"label\": \"stds.exif\", \"data\": {\"exif:Make\": \"NIKON CORPORATION\","
    "  \"exif:Model\": \"NIKON Z 6_3\", \"exif:LensModel\": \"NIKKOR Z 24-70mm f/4 S\","
    "  \"exif:FNumber\": \"56/10\", \"exif:ExposureTime\": 0.004, \"exif:FocalLength\": 50,"
    "  \"exif:PhotographicSensitivity\": 400, \"exif:DateTimeOriginal\": \"2025:09:21 08:15:00\"}},"
    " {\"label\": \"stds.exif\", \"instance\": 2, \"data\": {\"exif:GPSLatitude\": \"40,44.1881N\","
    "  \"exif:GPSLongitude\": \"73,59.76W\", \"exif:WhiteBalance\": 0}}]", &error);
  g_assert_no_error (error);
  report->has_manifest = TRUE;
  report->active_label = g_strdup (manifest->label);
  g_ptr_array_add (report->manifests, manifest);
  verification.report = report;

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (group));
  gtk_window_present (GTK_WINDOW (window));
  cl_camera_group_set_verification (group, &verification);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (group)));
  g_assert_cmpstr (cl_camera_group_get_value (group, "Camera"), ==,
                   "NIKON CORPORATION NIKON Z 6_3");
  g_assert_cmpstr (cl_camera_group_get_value (group, "Lens"), ==, "NIKKOR Z 24-70mm f/4 S");
  g_assert_cmpstr (cl_camera_group_get_value (group, "Exposure"), ==, "f/5.6, 1/250 s, ISO 400");
  g_assert_cmpstr (cl_camera_group_get_value (group, "Focal length"), ==, "50 mm");
  g_assert_cmpstr (cl_camera_group_get_value (group, "Taken"), ==, "2025-09-21 08:15:00");
  g_assert_cmpstr (cl_camera_group_get_value (group, "Location"), ==, "40.7365° N, 73.9960° W");
  g_assert_cmpstr (cl_camera_group_get_value (group, "White balance"), ==, "0");
  link = cl_camera_group_get_map_link (group);
  g_assert_nonnull (link);
  g_assert_cmpstr (gtk_link_button_get_uri (link), ==, "geo:40.736468,-73.996000");
  g_assert_true (gtk_widget_is_ancestor (GTK_WIDGET (link), GTK_WIDGET (group)));
  g_assert_cmpuint (cl_camera_group_get_n_rows (group), ==, 7);

  /* Another file without camera data: nothing is left of the first. */
  cl_camera_group_set_verification (group, NULL);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (group)));
  g_assert_cmpuint (cl_camera_group_get_n_rows (group), ==, 0);
  g_assert_null (cl_camera_group_get_map_link (group));
  gtk_window_destroy (GTK_WINDOW (window));
  cl_validation_report_unref (report);
}


int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/verify-widgets/banner", test_banner);
  g_test_add_func ("/verify-widgets/confidence", test_confidence_view);
  g_test_add_func ("/verify-widgets/camera-group", test_camera_group);

  return g_test_run ();
}
