/* cl-pdf-layout.h: text laid out on A4 pages with cairo for the PDF report: a cursor
 * that moves down the page, words wrapped by measuring them, a new page when the page is
 * full, headings, "label: value" fields, a coloured band, and images from gdk-pixbuf.
 *
 * Cairo's toy text API (no Pango in core).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gdk-pixbuf/gdk-pixbuf.h>

G_BEGIN_DECLS

/* A4 in points, 50 pt margins. */
#define CL_PDF_PAGE_WIDTH    595.0
#define CL_PDF_PAGE_HEIGHT   842.0
#define CL_PDF_MARGIN        50.0
#define CL_PDF_BODY_SIZE     10.0
#define CL_PDF_HEADING_SIZE  13.0
#define CL_PDF_TITLE_SIZE    18.0

typedef struct {
  cairo_t *cr;
  double   y;
  double   right;      /* text right edge for the current block */
  guint    n_pages;
} ClPdfLayout;

#define CL_PDF_LAYOUT_INIT(cr) { (cr), CL_PDF_MARGIN, CL_PDF_PAGE_WIDTH - CL_PDF_MARGIN, 1 }

void             cl_pdf_set_font      (ClPdfLayout *layout,
                                       double       size,
                                       gboolean     bold);
/* Shows text from x, wrapping at words (and inside words longer than a line, such as
 * fingerprints), one line height apart, in the current font. */
void             cl_pdf_show_wrapped  (ClPdfLayout *layout,
                                       double       x,
                                       double       size,
                                       const char  *text);
void             cl_pdf_heading       (ClPdfLayout *layout,
                                       const char  *text);
/* "Label  value", the label bold; nothing when value is NULL or empty. */
void             cl_pdf_field         (ClPdfLayout *layout,
                                       const char  *label,
                                       const char  *value);
void             cl_pdf_paragraph     (ClPdfLayout *layout,
                                       double       indent,
                                       const char  *text);
/* text in bold white on a band of the colour (r, g, b) across the current block. */
void             cl_pdf_band          (ClPdfLayout *layout,
                                       double       red,
                                       double       green,
                                       double       blue,
                                       const char  *text);
/* gdk-pixbuf's RGB(A) rows as a cairo ARGB32 surface. */
cairo_surface_t *cl_pdf_surface_from_pixbuf (GdkPixbuf *pixbuf);

G_END_DECLS
