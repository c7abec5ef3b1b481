/* cl-exif-privacy.h: the personal facts an Exif block (a TIFF structure) holds — GPS
 * position, camera and lens serial numbers, the camera owner's, artist's and copyright
 * holder's names — read with bounds on every offset and count, for the privacy preflight
 * before signing; and the removal of the GPS position and serial numbers in place, for the
 * privacy options.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  gboolean has_gps;       /* a GPS IFD with entries */
  char *gps_position;     /* "48.858370° N, 2.294481° E", or NULL when unreadable */
  char *body_serial;      /* BodySerialNumber */
  char *lens_serial;      /* LensSerialNumber */
  char *owner;            /* CameraOwnerName */
  char *artist;           /* Artist */
  char *copyright;        /* Copyright */
} ClExifPrivacy;

void           cl_exif_privacy_free (ClExifPrivacy *facts);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClExifPrivacy, cl_exif_privacy_free)

/* The facts of the TIFF structure tiff (starting with "II*\0" or "MM\0*"); what cannot be
 * read is left out, so a damaged block gives what was readable. Never NULL. */
ClExifPrivacy *cl_exif_privacy_read (const guint8 *tiff,
                                     gsize         len);

/* Removes, in place and without changing the block's length (no offset in the file moves),
 * the GPS position (gps: every GPS value zeroed, the GPS directory left empty) and the
 * camera and lens serial numbers (serials: BodySerialNumber and LensSerialNumber
 * overwritten with NULs; a serial number a maker note holds is not touched). FALSE when
 * the block is not a classic TIFF structure or the directories or values to clear do not
 * lie whole inside it: then nothing can be promised. */
gboolean       cl_exif_privacy_remove (guint8   *tiff,
                                       gsize     len,
                                       gboolean  gps,
                                       gboolean  serials);

G_END_DECLS
