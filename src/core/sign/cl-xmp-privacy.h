/* cl-xmp-privacy.h: the personal facts an XMP packet holds — creators, camera owner,
 * camera and lens serial numbers, GPS position, and the length of its edit history
 * (xmpMM:History) — for the privacy preflight before signing; and the removal of the GPS
 * and serial-number properties in place, for the privacy options.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  char  *creators;        /* dc:creator, joined with ", " */
  char  *owner;           /* aux:OwnerName, exifEX:CameraOwnerName */
  char  *body_serial;     /* aux:SerialNumber, exifEX:BodySerialNumber */
  char  *lens_serial;     /* aux:LensSerialNumber, exifEX:LensSerialNumber */
  char  *gps_latitude;    /* exif:GPSLatitude as written ("48,51.502N") */
  char  *gps_longitude;
  guint  history_steps;   /* entries of xmpMM:History */
} ClXmpPrivacy;

void          cl_xmp_privacy_free (ClXmpPrivacy *facts);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClXmpPrivacy, cl_xmp_privacy_free)

/* The facts of the first XMP packet (<x:xmpmeta>…</x:xmpmeta>) in data, or NULL when there
 * is none. A malformed packet gives what was read before the fault. */
ClXmpPrivacy *cl_xmp_privacy_read (const guint8 *data,
                                   gsize         len);

/* Removes, in place and without changing data's length, every exif:GPS… property (gps)
 * and the serial numbers (serials: aux:SerialNumber, aux:LensSerialNumber,
 * exifEX:BodySerialNumber, exifEX:LensSerialNumber) of the first XMP packet in data,
 * attributes and elements alike, each replaced by spaces (XML white space). TRUE when
 * there is no packet; FALSE when the packet is unterminated, too large, or would no
 * longer be well-formed. */
gboolean      cl_xmp_privacy_remove (guint8   *data,
                                     gsize     len,
                                     gboolean  gps,
                                     gboolean  serials);

G_END_DECLS
