/* cl-pdf-layout.c: text laid out on A4 pages with cairo (see the header).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cl-pdf-layout.h"

#define BAND_PADDING 6.0


static void
new_page (ClPdfLayout *layout)
{
  cairo_show_page (layout->cr);
  layout->n_pages++;
  layout->y = CL_PDF_MARGIN;
  layout->right = CL_PDF_PAGE_WIDTH - CL_PDF_MARGIN;
}


static void
ensure_space (ClPdfLayout *layout,
              double       height)
{
  if (layout->y + height > CL_PDF_PAGE_HEIGHT - CL_PDF_MARGIN)
    new_page (layout);
}


void
cl_pdf_set_font (ClPdfLayout *layout,
                 double       size,
                 gboolean     bold)
{
  cairo_select_font_face (layout->cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL,
                          bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (layout->cr, size);
}


static double
text_width (cairo_t    *cr,
            const char *text)
{
  cairo_text_extents_t extents;

  cairo_text_extents (cr, text, &extents);
  return extents.x_advance;
}


static void
show_line (ClPdfLayout *layout,
           double       x,
           double       size,
           const char  *text)
{
  double line_height = size * 1.35;

  ensure_space (layout, line_height);
  cairo_move_to (layout->cr, x, layout->y + size);
  cairo_show_text (layout->cr, text);
  layout->y += line_height;
}


/* Shows the head of a word wider than the line, cut at characters, until the rest fits;
 * returns the rest. */
static const char *
show_long_word (ClPdfLayout *layout,
                double       x,
                double       size,
                const char  *word)
{
  double width = layout->right - x;

  while (text_width (layout->cr, word) > width) {
    const char *cut = word;
    g_autofree char *piece = NULL;

    while (*cut != '\0') {
      const char *next = g_utf8_next_char (cut);
      g_autofree char *prefix = g_strndup (word, next - word);

      if (text_width (layout->cr, prefix) > width)
        break;
      cut = next;
    }
    if (cut == word)
      cut = g_utf8_next_char (word);
    piece = g_strndup (word, cut - word);
    show_line (layout, x, size, piece);
    word = cut;
  }
  return word;
}


void
cl_pdf_show_wrapped (ClPdfLayout *layout,
                     double       x,
                     double       size,
                     const char  *text)
{
  double width = layout->right - x;
  g_autoptr(GString) line = g_string_new (NULL);
  g_auto(GStrv) words = g_strsplit (text != NULL ? text : "", " ", -1);

  for (guint i = 0; words[i] != NULL; i++) {
    g_autoptr(GString) candidate = g_string_new (line->str);

    if (candidate->len > 0)
      g_string_append_c (candidate, ' ');
    g_string_append (candidate, words[i]);
    if (text_width (layout->cr, candidate->str) <= width) {
      g_string_assign (line, candidate->str);
      continue;
    }
    if (line->len > 0) {
      show_line (layout, x, size, line->str);
      g_string_truncate (line, 0);
    }
    g_string_assign (line, show_long_word (layout, x, size, words[i]));
  }
  if (line->len > 0)
    show_line (layout, x, size, line->str);
}


void
cl_pdf_heading (ClPdfLayout *layout,
                const char  *text)
{
  layout->y += 8;
  ensure_space (layout, CL_PDF_HEADING_SIZE * 3);
  cl_pdf_set_font (layout, CL_PDF_HEADING_SIZE, TRUE);
  cl_pdf_show_wrapped (layout, CL_PDF_MARGIN, CL_PDF_HEADING_SIZE, text);
  layout->y += 2;
}


void
cl_pdf_field (ClPdfLayout *layout,
              const char  *label,
              const char  *value)
{
  const double label_width = 130;
  double start, label_end;
  guint page;

  if (value == NULL || *value == '\0')
    return;
  ensure_space (layout, CL_PDF_BODY_SIZE * 1.35);
  start = layout->y;
  page = layout->n_pages;
  cl_pdf_set_font (layout, CL_PDF_BODY_SIZE, TRUE);
  cl_pdf_show_wrapped (layout, CL_PDF_MARGIN, CL_PDF_BODY_SIZE, label);
  label_end = layout->y;
  /* A long label can end on the next page: its value starts under it there. */
  if (layout->n_pages == page)
    layout->y = start;
  cl_pdf_set_font (layout, CL_PDF_BODY_SIZE, FALSE);
  cl_pdf_show_wrapped (layout, CL_PDF_MARGIN + label_width, CL_PDF_BODY_SIZE, value);
  if (layout->n_pages == page)
    layout->y = MAX (layout->y, label_end);
}


void
cl_pdf_paragraph (ClPdfLayout *layout,
                  double       indent,
                  const char  *text)
{
  cl_pdf_set_font (layout, CL_PDF_BODY_SIZE, FALSE);
  cl_pdf_show_wrapped (layout, CL_PDF_MARGIN + indent, CL_PDF_BODY_SIZE, text);
}


void
cl_pdf_band (ClPdfLayout *layout,
             double       red,
             double       green,
             double       blue,
             const char  *text)
{
  double height = CL_PDF_HEADING_SIZE * 1.35 + 2 * BAND_PADDING;
  double saved_right = layout->right;

  ensure_space (layout, height);
  cairo_save (layout->cr);
  cairo_set_source_rgb (layout->cr, red, green, blue);
  cairo_rectangle (layout->cr, CL_PDF_MARGIN, layout->y, layout->right - CL_PDF_MARGIN, height);
  cairo_fill (layout->cr);
  cairo_set_source_rgb (layout->cr, 1, 1, 1);
  cl_pdf_set_font (layout, CL_PDF_HEADING_SIZE, TRUE);
  layout->y += BAND_PADDING;
  layout->right -= BAND_PADDING;
  cl_pdf_show_wrapped (layout, CL_PDF_MARGIN + BAND_PADDING, CL_PDF_HEADING_SIZE, text);
  layout->right = saved_right;
  layout->y += BAND_PADDING;
  cairo_restore (layout->cr);
}


cairo_surface_t *
cl_pdf_surface_from_pixbuf (GdkPixbuf *pixbuf)
{
  int width = gdk_pixbuf_get_width (pixbuf);
  int height = gdk_pixbuf_get_height (pixbuf);
  int channels = gdk_pixbuf_get_n_channels (pixbuf);
  int src_stride = gdk_pixbuf_get_rowstride (pixbuf);
  const guint8 *src = gdk_pixbuf_read_pixels (pixbuf);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  int dst_stride = cairo_image_surface_get_stride (surface);
  guint8 *dst;

  cairo_surface_flush (surface);
  dst = cairo_image_surface_get_data (surface);
  for (int y = 0; y < height; y++) {
    const guint8 *s = src + (gsize) y * src_stride;
    guint32 *d = (guint32 *) (dst + (gsize) y * dst_stride);

    for (int x = 0; x < width; x++, s += channels) {
      guint a = channels == 4 ? s[3] : 255;
      guint r = s[0] * a / 255, g = s[1] * a / 255, b = s[2] * a / 255;

      d[x] = (a << 24) | (r << 16) | (g << 8) | b;
    }
  }
  cairo_surface_mark_dirty (surface);
  return surface;
}
