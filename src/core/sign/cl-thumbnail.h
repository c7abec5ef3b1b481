/* cl-thumbnail.h: the claim thumbnail, a JPEG of at most 1024 px on its long side.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CL_THUMBNAIL_MAX_SIDE 1024

/* Decodes the whole image at path (which also proves it is not truncated or
 * corrupt) at a reduced size where the format allows (JPEG: libjpeg's DCT scaling),
 * with memory that does not grow with the file's metadata, applies its EXIF
 * orientation, scales it down to fit CL_THUMBNAIL_MAX_SIDE and encodes it as JPEG.
 * NULL without setting error when gdk-pixbuf has no decoder for the image's format
 * (a WebP without its loader): the claim then has no thumbnail, as c2pa-rs makes none
 * for formats it cannot decode. */
/* Whether an image loader for mime_type is installed and c2pa-rs makes a thumbnail of the
 * format (not of SVG, HEIF, HEIC, AVIF or JPEG XL). A format without one gets no claim
 * thumbnail, as in c2pa-rs for the formats it cannot decode. */
gboolean cl_thumbnail_can_decode (const char   *mime_type);

GBytes *cl_thumbnail_create_jpeg (const char    *path,
                                  GCancellable  *cancellable,
                                  GError       **error);

/* The same on a thread of its own, so that decoding (most of a photo's signing time)
 * runs beside the signer's own passes over the file. */
typedef struct _ClThumbnailJob ClThumbnailJob;

ClThumbnailJob *cl_thumbnail_job_start   (const char      *path,
                                          GCancellable    *cancellable);
/* Waits for the thumbnail and frees job; NULL with or without error as above. */
GBytes         *cl_thumbnail_job_finish  (ClThumbnailJob  *job,
                                          GError         **error);
/* Stops the decoding (the signing failed before it needed the thumbnail) and frees job. */
void            cl_thumbnail_job_abandon (ClThumbnailJob  *job);

G_END_DECLS
