/* test-camera-data.c: a manifest's EXIF assertions as named, formatted facts —
 * GPS coordinates in every form EXIF and XMP write them, to degrees and geo: URIs,
 * field names in words, and every EXIF assertion read, not only the first.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "cl-camera-data.h"

static void
test_coordinates (void)
{
  struct { const char *text; const char *ref; gboolean ok; double degrees; } cases[] = {
    { "40,44.1861N", NULL, TRUE, 40.0 + 44.1861 / 60.0 },
    { "73,59.76W", NULL, TRUE, -(73.0 + 59.76 / 60.0) },
    { "39,21,6.12S", NULL, TRUE, -(39.0 + 21.0 / 60.0 + 6.12 / 3600.0) },
    { "40/1,44/1,1117/100", "N", TRUE, 40.0 + 44.0 / 60.0 + 11.17 / 3600.0 },
    { "40/1,44/1,1117/100", "S", TRUE, -(40.0 + 44.0 / 60.0 + 11.17 / 3600.0) },
    { " 12.5 E ", NULL, TRUE, 12.5 },
    { "-40,30", NULL, TRUE, -40.5 },          /* a signed one, minutes included */
    { "40,61N", NULL, FALSE, 0 },            /* minutes past 60 */
    { "40,44,1,2N", NULL, FALSE, 0 },        /* four parts */
    { "40/0,44N", NULL, FALSE, 0 },          /* division by zero */
    { "north", NULL, FALSE, 0 },
    { "", NULL, FALSE, 0 },
    { "200,0E", NULL, FALSE, 0 },
    { "40,44X", NULL, FALSE, 0 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++) {
    double degrees = 0;

    g_test_message ("%s", cases[i].text);
    g_assert_cmpint (cl_camera_parse_coordinate (cases[i].text, cases[i].ref, &degrees), ==,
                     cases[i].ok);
    if (cases[i].ok)
      g_assert_cmpfloat_with_epsilon (degrees, cases[i].degrees, 1e-9);
  }
}


static void
test_location_text (void)
{
  g_autofree char *text = cl_camera_format_location (40.736468, -73.996);
  g_autofree char *uri = cl_camera_geo_uri (40.736468, -73.996);
  g_autofree char *south = cl_camera_format_location (-33.8688, 151.2093);

  g_assert_cmpstr (text, ==, "40.7365° N, 73.9960° W");
  g_assert_cmpstr (uri, ==, "geo:40.736468,-73.996000");
  g_assert_cmpstr (south, ==, "33.8688° S, 151.2093° E");
}


static void
test_field_names (void)
{
  struct { const char *key; const char *name; } cases[] = {
    { "exif:DigitalZoomRatio", "Digital zoom ratio" },
    { "exif:ISOSpeedRatings", "ISO speed ratings" },
    { "exif:GPSImgDirection", "GPS img direction" },
    { "tiff:Make", "Make" },
    { "exifEX:LensSpecification", "Lens specification" },
    { "ColorSpace", "Color space" },
    { "exif:FocalLengthIn35mmFilm", "Focal length in 35mm film" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++) {
    g_autofree char *name = cl_camera_field_name (cases[i].key);

    g_assert_cmpstr (name, ==, cases[i].name);
  }
}


static ClManifestReport *
manifest_with (const char *assertions_json)
{
  ClManifestReport *manifest = cl_manifest_report_new ();
  g_autoptr(GError) error = NULL;

  manifest->assertions = json_from_string (assertions_json, &error);
  g_assert_no_error (error);
  return manifest;
}


static const char *
fact_value (GPtrArray  *facts,
            const char *name,
            const char **uri)
{
  for (guint i = 0; i < facts->len; i++) {
    ClCameraFact *fact = g_ptr_array_index (facts, i);

    if (g_strcmp0 (fact->name, name) == 0) {
      if (uri != NULL)
        *uri = fact->uri;
      return fact->value;
    }
  }
  return NULL;
}


/* Two EXIF assertions (the camera's and the GPS block, as C2PA 2.2's stds.exif example
 * splits them): every field of both is listed, the summary first, in words. */
static void
test_collect (void)
{
  ClManifestReport *manifest = manifest_with (
    "[{\"label\": \"c2pa.actions\", \"data\": {\"actions\": []}},"
    " {\"label\": \"stds.exif\", \"data\": {\"@context\": {\"exif\": \"http://ns.adobe.com/exif/1.0/\"},"
    "   \"tiff:Make\": \"Canon\", \"tiff:Model\": \"Canon EOS R5\", \"exif:LensModel\": \"RF24-70mm F2.8 L\","
    "   \"exif:FNumber\": 2.8, \"exif:ExposureTime\": \"1/250\", \"exif:ISOSpeedRatings\": {\"@list\": [200]},"
    "   \"exif:FocalLength\": \"35/1\", \"exif:DateTimeOriginal\": \"2024:05:01 10:20:30\","
    "   \"exif:DigitalZoomRatio\": 2.0}},"
    " {\"label\": \"stds.exif__1\", \"data\": {\"exif:GPSLatitude\": \"40,44.1861N\","
    "   \"exif:GPSLongitude\": \"73,59.76W\", \"exif:GPSAltitudeRef\": 0,"
    "   \"exif:GPSAltitude\": \"100963/29890\", \"tiff:Make\": \"Other\"}}]");
  g_autoptr(GPtrArray) facts = cl_camera_data_collect (manifest);
  const char *uri = NULL;
  ClCameraFact *first;

  g_assert_cmpstr (fact_value (facts, "Camera", NULL), ==, "Canon EOS R5");
  g_assert_cmpstr (fact_value (facts, "Lens", NULL), ==, "RF24-70mm F2.8 L");
  g_assert_cmpstr (fact_value (facts, "Exposure", NULL), ==, "f/2.8, 1/250 s, ISO 200");
  g_assert_cmpstr (fact_value (facts, "Focal length", NULL), ==, "35 mm");
  g_assert_cmpstr (fact_value (facts, "Taken", NULL), ==, "2024-05-01 10:20:30");
  g_assert_cmpstr (fact_value (facts, "Location", &uri), ==, "40.7364° N, 73.9960° W");
  g_assert_cmpstr (uri, ==, "geo:40.736435,-73.996000");
  g_assert_cmpstr (fact_value (facts, "Altitude", NULL), ==, "3.4 m");
  g_assert_cmpstr (fact_value (facts, "Digital zoom ratio", NULL), ==, "2");
  /* Nothing raw: no prefixed keys, no unformatted coordinates, no JSON-LD context. */
  for (guint i = 0; i < facts->len; i++) {
    ClCameraFact *fact = g_ptr_array_index (facts, i);

    g_assert_null (strchr (fact->name, ':'));
    g_assert_null (strstr (fact->value, "44.1861"));
    g_assert_cmpstr (fact->name, !=, "GPS latitude");
    g_assert_cmpstr (fact->name, !=, "Make");
  }
  first = g_ptr_array_index (facts, 0);
  g_assert_cmpstr (first->name, ==, "Camera");
  g_assert_cmpuint (facts->len, ==, 8);
  cl_manifest_report_free (manifest);
}


/* Coordinates that are no place are shown as written, without a link; no EXIF, no facts. */
static void
test_bad_and_none (void)
{
  ClManifestReport *bad = manifest_with (
    "[{\"label\": \"stds.exif\", \"data\": {\"exif:GPSLatitude\": \"95,0N\","
    "  \"exif:GPSLongitude\": \"10,0E\"}}]");
  ClManifestReport *none = manifest_with (
    "[{\"label\": \"c2pa.actions\", \"data\": {\"exif:Make\": \"not EXIF\"}}]");
  g_autoptr(GPtrArray) bad_facts = cl_camera_data_collect (bad);
  g_autoptr(GPtrArray) no_facts = cl_camera_data_collect (none);
  const char *uri = "unset";

  g_assert_cmpstr (fact_value (bad_facts, "Location", &uri), ==, "95,0N, 10,0E");
  g_assert_null (uri);
  g_assert_cmpuint (no_facts->len, ==, 0);
  cl_manifest_report_free (bad);
  cl_manifest_report_free (none);
}


int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/camera-data/coordinates", test_coordinates);
  g_test_add_func ("/camera-data/location-text", test_location_text);
  g_test_add_func ("/camera-data/field-names", test_field_names);
  g_test_add_func ("/camera-data/collect", test_collect);
  g_test_add_func ("/camera-data/bad-and-none", test_bad_and_none);
  return g_test_run ();
}
