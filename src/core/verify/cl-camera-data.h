/* cl-camera-data.h: the camera data of a manifest's EXIF assertions (stds.exif and
 * c2pa.metadata, every one of them) as named, formatted facts: "Camera", "Lens",
 * "Exposure", "Focal length", "Taken", "Location" in degrees with a geo: URI, then
 * every other field with its name in words.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cl-validation-report.h"

G_BEGIN_DECLS

typedef struct {
  char *name;    /* in words, translated where known ("Focal length", "Color space") */
  char *value;
  char *uri;     /* a geo: URI for the location, else NULL */
} ClCameraFact;

void       cl_camera_fact_free          (ClCameraFact     *fact);

/* The facts of every EXIF assertion of manifest, in the order above (a field written
 * by two assertions is listed once, as the first wrote it). Empty when there are none. */
GPtrArray *cl_camera_data_collect       (ClManifestReport *manifest);

/* An EXIF/XMP GPS coordinate in degrees: "DDD,MM.mmmmk", "DDD,MM,SSk" (k one of
 * N S E W) or rationals ("40/1,44/1,1117/100"), the direction taken from ref
 * ("N"…) when the text has none. South and west are negative. */
gboolean   cl_camera_parse_coordinate   (const char       *text,
                                         const char       *ref,
                                         double           *degrees);
/* "40.7365° N, 73.9960° W" (translated) and "geo:40.736500,-73.996000". */
char      *cl_camera_format_location    (double            latitude,
                                         double            longitude);
char      *cl_camera_geo_uri            (double            latitude,
                                         double            longitude);
/* An EXIF field name in words: "exif:DigitalZoomRatio" → "Digital zoom ratio",
 * "exif:ISOSpeedRatings" → "ISO speed ratings". */
char      *cl_camera_field_name         (const char       *key);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClCameraFact, cl_camera_fact_free)

G_END_DECLS
