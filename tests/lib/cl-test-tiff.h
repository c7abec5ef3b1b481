/* cl-test-tiff.h: small valid TIFF files written byte by byte for the TIFF tests (gdk-pixbuf
 * cannot save TIFF): 8-bit grey pages, one strip each, classic or BigTIFF, either byte
 * order, optionally with an XMP packet in IFD0.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  gboolean     big_endian;
  gboolean     big_tiff;
  guint        n_pages;
  guint        width, height;
  const char  *xmp;                /* IFD0's XMP packet, or NULL */
} ClTestTiffSpec;

typedef struct {
  GBytes   *bytes;
  guint64   first_strip;           /* offset of the first page's pixels */
  guint64   last_next_field;       /* where the last page's next-directory offset sits */
} ClTestTiff;

/* The file spec describes; free with cl_test_tiff_free(). */
ClTestTiff *cl_test_tiff_new  (const ClTestTiffSpec *spec);
void        cl_test_tiff_free (ClTestTiff           *tiff);
/* Writes it as dir/name; returns the path. */
char       *cl_test_tiff_save (const ClTestTiff     *tiff,
                               const char           *dir,
                               const char           *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClTestTiff, cl_test_tiff_free)

G_END_DECLS
