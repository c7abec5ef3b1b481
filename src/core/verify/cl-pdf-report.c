/* cl-pdf-report.c: the report of one verification as a PDF for people to keep, cite or
 * pass on: the thumbnail, the verdict on a coloured band with its reason and warning, the
 * citeable summary's facts and sections (cl-cite-summary), then the confidence breakdown
 * and the certificate chain with every check.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>

#include "cl-cite-summary.h"
#include "cl-image-preview.h"
#include "cl-pdf-layout.h"
#include "cl-pdf-report.h"
#include "cl-thread-priority.h"
#include "cl-x509.h"

#define THUMB_SIZE 140


/* A decoded image turned as its EXIF orientation says, no larger than THUMB_SIZE. */
static GdkPixbuf *
upright_thumbnail (GdkPixbuf *decoded)
{
  g_autoptr(GdkPixbuf) oriented = gdk_pixbuf_apply_embedded_orientation (decoded);
  int w = gdk_pixbuf_get_width (oriented), h = gdk_pixbuf_get_height (oriented);
  double scale = MIN (1.0, (double) THUMB_SIZE / MAX (w, h));

  return gdk_pixbuf_scale_simple (oriented, MAX (1, (int) (w * scale)), MAX (1, (int) (h * scale)),
                                  GDK_INTERP_BILINEAR);
}


static GdkPixbuf *
load_thumbnail (ClVerification *verification)
{
  /* Decoded as the verify list decodes it: JPEG XL too, a header claiming too much not. */
  g_autoptr(GdkPixbuf) decoded = cl_image_preview_load (verification->path, THUMB_SIZE, NULL,
                                                        NULL);
  ClManifestReport *manifest;

  if (decoded != NULL)
    return upright_thumbnail (decoded);
  if (verification->report == NULL)
    return NULL;
  /* Not an image decoded here: the claim thumbnail, if the manifest has one. */
  manifest = cl_validation_report_get_active (verification->report);
  if (manifest != NULL && manifest->thumbnail != NULL) {
    g_autoptr(GdkPixbufLoader) loader = gdk_pixbuf_loader_new ();

    gdk_pixbuf_loader_set_size (loader, THUMB_SIZE, THUMB_SIZE);
    if (gdk_pixbuf_loader_write_bytes (loader, manifest->thumbnail, NULL) &&
        gdk_pixbuf_loader_close (loader, NULL) &&
        gdk_pixbuf_loader_get_pixbuf (loader) != NULL)
      return upright_thumbnail (gdk_pixbuf_loader_get_pixbuf (loader));
    gdk_pixbuf_loader_close (loader, NULL);
  }
  return NULL;
}


/* Paints the thumbnail at the top right of the first page. Returns its left edge. */
static double
draw_thumbnail (ClPdfLayout *layout,
                GdkPixbuf   *thumbnail)
{
  cairo_surface_t *image = cl_pdf_surface_from_pixbuf (thumbnail);
  double x = CL_PDF_PAGE_WIDTH - CL_PDF_MARGIN - gdk_pixbuf_get_width (thumbnail);

  cairo_save (layout->cr);
  cairo_set_source_surface (layout->cr, image, x, CL_PDF_MARGIN);
  cairo_paint (layout->cr);
  cairo_restore (layout->cr);
  cairo_surface_destroy (image);
  return x;
}


/* The verdict on a band of its colour (green trusted, grey valid or without credentials,
 * red invalid), the text on it too, then the reason and the warning. */
static void
write_verdict (ClPdfLayout         *layout,
               const ClCiteSummary *summary,
               ClVerification      *verification)
{
  static const double colours[][3] = {
    [CL_CITE_TONE_GOOD] = { 0.15, 0.52, 0.27 },
    [CL_CITE_TONE_NEUTRAL] = { 0.37, 0.39, 0.42 },
    [CL_CITE_TONE_BAD] = { 0.75, 0.11, 0.16 },
  };
  const double *colour = colours[summary->tone];

  cl_pdf_set_font (layout, CL_PDF_TITLE_SIZE, TRUE);
  cl_pdf_show_wrapped (layout, CL_PDF_MARGIN, CL_PDF_TITLE_SIZE, _("Content Credentials report"));
  layout->y += 4;
  cl_pdf_set_font (layout, CL_PDF_BODY_SIZE, FALSE);
  cl_pdf_show_wrapped (layout, CL_PDF_MARGIN, CL_PDF_BODY_SIZE, summary->file_name);
  layout->y += 8;
  cl_pdf_band (layout, colour[0], colour[1], colour[2], summary->verdict_text);
  layout->y += 4;
  if (verification->recovered)
    cl_pdf_paragraph (layout, 0, _("Credentials recovered from your proof cache"));
  cl_pdf_paragraph (layout, 0, summary->reason);
  if (summary->warning != NULL) {
    cl_pdf_set_font (layout, CL_PDF_BODY_SIZE, TRUE);
    cl_pdf_show_wrapped (layout, CL_PDF_MARGIN, CL_PDF_BODY_SIZE, summary->warning);
  }
  if (verification->confidence != NULL) {
    g_autofree char *score = g_strdup_printf (_("Confidence: %u / 100 (%s)"),
                                              verification->confidence->score,
                                              cl_confidence_level_describe (verification->confidence->level));

    layout->y += 4;
    cl_pdf_set_font (layout, CL_PDF_BODY_SIZE, TRUE);
    cl_pdf_show_wrapped (layout, CL_PDF_MARGIN, CL_PDF_BODY_SIZE, score);
  }
}


/* The top of the first page: the thumbnail at the top right, and the verdict beside it,
 * kept left of it; the facts below take the whole width again. */
static void
write_header (ClPdfLayout         *layout,
              const ClCiteSummary *summary,
              ClVerification      *verification)
{
  g_autoptr(GdkPixbuf) thumbnail = load_thumbnail (verification);
  g_autofree char *checked = NULL;

  if (thumbnail != NULL)
    layout->right = draw_thumbnail (layout, thumbnail) - 12;
  write_verdict (layout, summary, verification);
  if (thumbnail != NULL)
    layout->y = MAX (layout->y, CL_PDF_MARGIN + gdk_pixbuf_get_height (thumbnail) + 8);
  layout->right = CL_PDF_PAGE_WIDTH - CL_PDF_MARGIN;
  layout->y += 6;
  cl_pdf_field (layout, _("File"), summary->file_name);
  cl_pdf_field (layout, _("File SHA-256"), summary->file_sha256);
  /* Translators: when the file was checked (ISO 8601) and by which program */
  checked = g_strdup_printf (_("%s by %s"), summary->checked_at, summary->made_by);
  cl_pdf_field (layout, _("Checked"), checked);
  cl_pdf_field (layout, _("Trust list"), summary->decided_by);
}


/* The summary's sections: headings, then "label value" fields or lines of their own. */
static void
write_sections (ClPdfLayout         *layout,
                const ClCiteSummary *summary)
{
  for (guint i = 0; i < summary->sections->len; i++) {
    const ClCiteSection *section = g_ptr_array_index (summary->sections, i);

    cl_pdf_heading (layout, section->title);
    for (guint j = 0; j < section->items->len; j++) {
      const ClCiteItem *item = g_ptr_array_index (section->items, j);

      if (item->label != NULL) {
        cl_pdf_field (layout, item->label, item->value);
      } else {
        g_autofree char *line = section->numbered
          ? g_strdup_printf ("%u. %s", j + 1, item->value)
          : g_strconcat ("\u2022 ", item->value, NULL);

        cl_pdf_paragraph (layout, 0, line);
      }
    }
  }
}


static void
write_confidence (ClPdfLayout  *layout,
                  ClConfidence *confidence)
{
  if (confidence == NULL)
    return;
  cl_pdf_heading (layout, _("Confidence breakdown"));
  for (guint i = 0; i < confidence->components->len; i++) {
    ClConfidenceComponent *c = g_ptr_array_index (confidence->components, i);
    g_autofree char *points = g_strdup_printf ("%u / %u — %s", c->points, c->weight, c->reason);

    cl_pdf_field (layout, c->title, points);
  }
  cl_pdf_field (layout, _("Capped because"), confidence->cap_reason);
}


/* The words of the app's chain view, not the JSON's identifiers ("signer", "pass"). */
static const char *
role_text (ClCertRole role)
{
  switch (role) {
  case CL_CERT_ROLE_SIGNER: return _("Signer");
  case CL_CERT_ROLE_INTERMEDIATE: return _("Intermediate authority");
  case CL_CERT_ROLE_ANCHOR:
  default:
    return _("Trust anchor");
  }
}


static const char *
outcome_text (ClCheckOutcome outcome)
{
  switch (outcome) {
  case CL_CHECK_PASS: return _("Passed");
  case CL_CHECK_WARN: return _("Warning");
  case CL_CHECK_FAIL: return _("Failed");
  case CL_CHECK_INFO:
  default:
    return _("Information");
  }
}


static void
write_chain (ClPdfLayout   *layout,
             ClTrustResult *trust)
{
  if (trust == NULL || trust->certs->len == 0)
    return;
  cl_pdf_heading (layout, _("Certificate chain"));
  for (guint i = 0; i < trust->certs->len; i++) {
    ClCertReport *cert = g_ptr_array_index (trust->certs, i);
    g_autofree char *name = cl_x509_display_name (cert->cert);
    g_autofree char *fingerprint = cl_x509_sha256_hex (cert->cert);
    g_autofree char *title = g_strdup_printf ("%u. %s (%s)", i + 1, name,
                                              role_text (cert->role));

    cl_pdf_set_font (layout, CL_PDF_BODY_SIZE, TRUE);
    cl_pdf_show_wrapped (layout, CL_PDF_MARGIN, CL_PDF_BODY_SIZE, title);
    cl_pdf_field (layout, _("SHA-256"), fingerprint);
    if (cert->revocation != NULL)
      cl_pdf_field (layout, _("Revocation"), cert->revocation->detail);
    for (guint c = 0; c < cert->checks->len; c++) {
      ClCertCheck *check = g_ptr_array_index (cert->checks, c);
      g_autofree char *line = g_strdup_printf ("[%s] %s", outcome_text (check->outcome),
                                               check->reason);

      cl_pdf_paragraph (layout, 12, line);
    }
    layout->y += 4;
  }
}


gboolean
cl_pdf_report_write (ClVerification  *verification,
                     const char      *path,
                     GError         **error)
{
  g_autoptr(ClCiteSummary) summary = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;

  g_return_val_if_fail (verification != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  summary = cl_cite_summary_new (verification, NULL);
  surface = cairo_pdf_surface_create (path, CL_PDF_PAGE_WIDTH, CL_PDF_PAGE_HEIGHT);
  cr = cairo_create (surface);
  {
    ClPdfLayout layout = CL_PDF_LAYOUT_INIT (cr);

    cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
    write_header (&layout, summary, verification);
    write_sections (&layout, summary);
    write_confidence (&layout, verification->confidence);
    write_chain (&layout, verification->trust);
  }
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS) {
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                 _("Could not write the PDF report “%s”: %s"), path,
                 cairo_status_to_string (status));
    return FALSE;
  }
  return TRUE;
}


typedef struct {
  ClVerification *verification;
  char           *path;
} WriteData;


static void
write_data_free (gpointer data)
{
  WriteData *write = data;

  cl_verification_unref (write->verification);
  g_free (write->path);
  g_free (write);
}


static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  WriteData *write = task_data;
  GError *error = NULL;

  cl_thread_priority_background ();
  if (g_task_return_error_if_cancelled (task))
    return;
  if (cl_pdf_report_write (write->verification, write->path, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}


void
cl_pdf_report_write_async (ClVerification      *verification,
                           const char          *path,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  WriteData *write = g_new0 (WriteData, 1);

  write->verification = cl_verification_ref (verification);
  write->path = g_strdup (path);
  g_task_set_source_tag (task, cl_pdf_report_write_async);
  g_task_set_task_data (task, write, write_data_free);
  g_task_run_in_thread (task, write_thread);
}


gboolean
cl_pdf_report_write_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
