/* cl-pdf-report.c: the report of one verification as a PDF — verdict, confidence, signer,
 * certificate chain, status codes — for people to keep or pass on.
 *
 * Text is laid out with cairo's toy text API (no Pango in core): words are
 * wrapped by measuring them, and a new page starts when the page is full.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <cairo.h>
#include <cairo-pdf.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gi18n.h>

#include "cl-camera-data.h"
#include "cl-edit-timeline.h"
#include "cl-image-preview.h"
#include "cl-pdf-report.h"
#include "cl-status-text.h"
#include "cl-x509.h"

/* A4 in points, 50 pt margins. */
#define PAGE_WIDTH    595.0
#define PAGE_HEIGHT   842.0
#define MARGIN        50.0
#define THUMB_SIZE    140
#define BODY_SIZE     10.0
#define HEADING_SIZE  13.0
#define TITLE_SIZE    18.0

typedef struct {
  cairo_t *cr;
  double   y;
  double   right;      /* text right edge for the current block */
  guint    n_pages;
} Layout;


static void
new_page (Layout *layout)
{
  cairo_show_page (layout->cr);
  layout->n_pages++;
  layout->y = MARGIN;
  layout->right = PAGE_WIDTH - MARGIN;
}


static void
ensure_space (Layout *layout,
              double  height)
{
  if (layout->y + height > PAGE_HEIGHT - MARGIN)
    new_page (layout);
}


static void
set_font (Layout   *layout,
          double    size,
          gboolean  bold)
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


/* Shows text from x, wrapping at words (and inside words longer than a line,
 * such as fingerprints), one line height apart. */
static void
show_wrapped (Layout     *layout,
              double      x,
              double      size,
              const char *text)
{
  double line_height = size * 1.35;
  double width = layout->right - x;
  g_autoptr(GString) line = g_string_new (NULL);
  g_auto(GStrv) words = g_strsplit (text != NULL ? text : "", " ", -1);

  for (guint i = 0; words[i] != NULL; i++) {
    g_autoptr(GString) candidate = g_string_new (line->str);
    const char *word = words[i];

    if (candidate->len > 0)
      g_string_append_c (candidate, ' ');
    g_string_append (candidate, word);
    if (text_width (layout->cr, candidate->str) <= width) {
      g_string_assign (line, candidate->str);
      continue;
    }
    if (line->len > 0) {
      ensure_space (layout, line_height);
      cairo_move_to (layout->cr, x, layout->y + size);
      cairo_show_text (layout->cr, line->str);
      layout->y += line_height;
      g_string_truncate (line, 0);
    }
    /* A word wider than the line is cut at characters. */
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
      ensure_space (layout, line_height);
      cairo_move_to (layout->cr, x, layout->y + size);
      cairo_show_text (layout->cr, piece);
      layout->y += line_height;
      word = cut;
    }
    g_string_assign (line, word);
  }
  if (line->len > 0) {
    ensure_space (layout, line_height);
    cairo_move_to (layout->cr, x, layout->y + size);
    cairo_show_text (layout->cr, line->str);
    layout->y += line_height;
  }
}


static void
heading (Layout     *layout,
         const char *text)
{
  layout->y += 8;
  ensure_space (layout, HEADING_SIZE * 3);
  set_font (layout, HEADING_SIZE, TRUE);
  show_wrapped (layout, MARGIN, HEADING_SIZE, text);
  layout->y += 2;
}


/* "Label: value", the label bold. */
static void
field (Layout     *layout,
       const char *label,
       const char *value)
{
  double label_width;
  double start = layout->y;

  if (value == NULL || *value == '\0')
    return;
  ensure_space (layout, BODY_SIZE * 1.35);
  start = layout->y;
  set_font (layout, BODY_SIZE, TRUE);
  label_width = 130;
  show_wrapped (layout, MARGIN, BODY_SIZE, label);
  layout->y = start;
  set_font (layout, BODY_SIZE, FALSE);
  show_wrapped (layout, MARGIN + label_width, BODY_SIZE, value);
}


static void
paragraph (Layout     *layout,
           double      indent,
           const char *text)
{
  set_font (layout, BODY_SIZE, FALSE);
  show_wrapped (layout, MARGIN + indent, BODY_SIZE, text);
}


/* gdk-pixbuf's RGB(A) rows to a cairo ARGB32 surface (premultiplied, native endian). */
static cairo_surface_t *
surface_from_pixbuf (GdkPixbuf *pixbuf)
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


static GdkPixbuf *
load_thumbnail (ClVerification *verification)
{
  /* Decoded as the verify list decodes it: JPEG XL too, a header claiming too much not. */
  GdkPixbuf *pixbuf = cl_image_preview_load (verification->path, THUMB_SIZE, NULL, NULL);
  ClManifestReport *manifest;

  if (pixbuf != NULL || verification->report == NULL)
    return pixbuf;
  /* Not an image decoded here: the claim thumbnail, if the manifest has one. */
  manifest = cl_validation_report_get_active (verification->report);
  if (manifest != NULL && manifest->thumbnail != NULL) {
    g_autoptr(GdkPixbufLoader) loader = gdk_pixbuf_loader_new ();

    gdk_pixbuf_loader_set_size (loader, THUMB_SIZE, THUMB_SIZE);
    if (gdk_pixbuf_loader_write_bytes (loader, manifest->thumbnail, NULL) &&
        gdk_pixbuf_loader_close (loader, NULL) &&
        gdk_pixbuf_loader_get_pixbuf (loader) != NULL) {
      GdkPixbuf *full = gdk_pixbuf_loader_get_pixbuf (loader);
      int w = gdk_pixbuf_get_width (full), h = gdk_pixbuf_get_height (full);
      double scale = MIN (1.0, (double) THUMB_SIZE / MAX (w, h));

      return gdk_pixbuf_scale_simple (full, MAX (1, (int) (w * scale)), MAX (1, (int) (h * scale)),
                                      GDK_INTERP_BILINEAR);
    }
    gdk_pixbuf_loader_close (loader, NULL);
  }
  return NULL;
}


static char *
hex (const guint8 *bytes,
     gsize         len)
{
  GString *text = g_string_sized_new (len * 2);

  for (gsize i = 0; i < len; i++)
    g_string_append_printf (text, "%02x", bytes[i]);
  return g_string_free (text, FALSE);
}


static void
write_signer (Layout         *layout,
              ClVerification *verification,
              ClTrustStore   *store)
{
  ClTrustResult *trust = verification->trust;
  ClManifestReport *manifest = verification->report != NULL
                               ? cl_validation_report_get_active (verification->report) : NULL;
  X509 *signer = trust != NULL && trust->certs->len > 0
                 ? ((ClCertReport *) g_ptr_array_index (trust->certs, 0))->cert : NULL;
  g_autofree char *name = signer != NULL ? cl_x509_display_name (signer) : NULL;
  g_autofree char *organisation = signer != NULL
    ? cl_x509_name_get (X509_get_subject_name (signer), NID_organizationName) : NULL;
  g_autofree char *when = NULL;
  g_autofree char *list = NULL;

  heading (layout, _("Signer"));
  field (layout, _("Name"), name != NULL ? name : manifest != NULL ? manifest->sig_common_name
                                                                   : NULL);
  field (layout, _("Organisation"), organisation);
  if (verification->test_certificate)
    field (layout, _("Certificate"), _("Test certificate (made for testing, not a real signer)"));
  if (manifest != NULL && manifest->sig_time != NULL)
    when = g_strdup_printf ("%s (%s)", manifest->sig_time,
                            trust != NULL && trust->time_is_trusted ? _("trusted time-stamp")
                                                                    : _("time-stamp not trusted"));
  else
    when = g_strdup (_("No trusted time (no time-stamp)"));
  field (layout, _("Time-stamp"), when);
  if (trust != NULL && trust->list_name != NULL) {
    ClTrustList *found = store != NULL ? cl_trust_store_lookup (store, trust->list_name) : NULL;
    gint64 snapshot = found != NULL ? cl_trust_list_get_snapshot (found) : 0;
    g_autofree char *date = snapshot > 0 ? cl_unix_to_iso8601 (snapshot) : NULL;

    /* Translators: a trust list's name and the date of the copy that was used */
    list = date != NULL ? g_strdup_printf (_("%s (snapshot of %s)"), trust->list_name, date)
                        : g_strdup (trust->list_name);
    field (layout, _("Trust list"), list);
    field (layout, _("Vouched for by"), trust->anchor_entity);
  } else if (trust != NULL) {
    field (layout, _("Trust list"), _("None of your trust lists"));
  }
  if (trust != NULL)
    field (layout, _("Trust"), trust->summary);
}


static void
write_chain (Layout        *layout,
             ClTrustResult *trust)
{
  if (trust == NULL || trust->certs->len == 0)
    return;
  heading (layout, _("Certificate chain"));
  for (guint i = 0; i < trust->certs->len; i++) {
    ClCertReport *cert = g_ptr_array_index (trust->certs, i);
    g_autofree char *name = cl_x509_display_name (cert->cert);
    g_autofree char *fingerprint = cl_x509_sha256_hex (cert->cert);
    g_autofree char *title = g_strdup_printf ("%u. %s (%s)", i + 1, name,
                                              cl_cert_role_to_string (cert->role));

    set_font (layout, BODY_SIZE, TRUE);
    show_wrapped (layout, MARGIN, BODY_SIZE, title);
    field (layout, _("SHA-256"), fingerprint);
    if (cert->revocation != NULL)
      field (layout, _("Revocation"), cert->revocation->detail);
    for (guint c = 0; c < cert->checks->len; c++) {
      ClCertCheck *check = g_ptr_array_index (cert->checks, c);
      g_autofree char *line = g_strdup_printf ("[%s] %s", cl_check_outcome_to_string (check->outcome),
                                               check->reason);

      paragraph (layout, 12, line);
    }
    layout->y += 4;
  }
}


static void
write_codes (Layout             *layout,
             ClValidationReport *report)
{
  if (report == NULL || report->statuses->len == 0)
    return;
  heading (layout, _("Status codes"));
  for (guint i = 0; i < report->statuses->len; i++) {
    ClStatus *status = g_ptr_array_index (report->statuses, i);
    const char *sentence = cl_status_text_describe (status->code);
    g_autofree char *line = g_strdup_printf ("[%s] %s%s — %s", cl_status_kind_to_string (status->kind),
                                             status->code,
                                             status->ingredient_uri != NULL ? _(" (ingredient)") : "",
                                             sentence != NULL ? sentence
                                             : status->explanation != NULL ? status->explanation : "");

    paragraph (layout, 0, line);
  }
}


/* Paints the thumbnail at the top right of the first page. Returns its left edge. */
static double
draw_thumbnail (Layout    *layout,
                GdkPixbuf *thumbnail)
{
  cairo_surface_t *image = surface_from_pixbuf (thumbnail);
  double x = PAGE_WIDTH - MARGIN - gdk_pixbuf_get_width (thumbnail);

  cairo_save (layout->cr);
  cairo_set_source_surface (layout->cr, image, x, MARGIN);
  cairo_paint (layout->cr);
  cairo_restore (layout->cr);
  cairo_surface_destroy (image);
  return x;
}


/* What was done (the active manifest's actions, in order) and the camera data. */
static void
write_edits_and_camera (Layout             *layout,
                        ClValidationReport *report)
{
  ClManifestReport *active = report != NULL ? cl_validation_report_get_active (report) : NULL;
  g_autoptr(GPtrArray) steps = NULL;
  g_autoptr(GPtrArray) facts = NULL;

  if (active == NULL)
    return;
  steps = cl_edit_timeline_collect (active);
  if (steps->len > 0)
    heading (layout, _("Edits"));
  for (guint i = 0; i < steps->len; i++) {
    ClEditStep *step = g_ptr_array_index (steps, i);
    g_autoptr(GString) line = g_string_new (NULL);
    const char *extras[] = { step->app, step->when };

    g_string_append_printf (line, "%u. %s", i + 1,
                            step->phrase != NULL ? step->phrase : step->action);
    if (step->ingredients != NULL)
      g_string_append_printf (line, ": \u201c%s\u201d", step->ingredients);
    for (gsize e = 0; e < G_N_ELEMENTS (extras); e++)
      if (extras[e] != NULL)
        g_string_append_printf (line, " · %s", extras[e]);
    paragraph (layout, 0, line->str);
  }
  facts = cl_camera_data_collect (active);
  if (facts->len > 0)
    heading (layout, _("Camera Data"));
  for (guint i = 0; i < facts->len; i++) {
    ClCameraFact *fact = g_ptr_array_index (facts, i);
    g_autofree char *value = fact->uri != NULL
      ? g_strdup_printf ("%s (%s)", fact->value, fact->uri) : g_strdup (fact->value);

    field (layout, fact->name, value);
  }
}


/* The provenance signals, each unverified one after the warning that goes with it. */
static void
write_signals (Layout    *layout,
               GPtrArray *signals)
{
  const char *last_warning = NULL;

  for (guint i = 0; signals != NULL && i < signals->len; i++) {
    const ClSignal *signal = g_ptr_array_index (signals, i);
    const char *warning = cl_signal_warning (signal);
    g_autofree char *text = cl_signal_describe (signal);

    if (i == 0)
      layout->y += 4;
    if (warning != NULL && g_strcmp0 (warning, last_warning) != 0) {
      set_font (layout, BODY_SIZE, TRUE);
      show_wrapped (layout, MARGIN, BODY_SIZE, warning);
    }
    last_warning = warning;
    set_font (layout, BODY_SIZE, i == 0);
    show_wrapped (layout, MARGIN, BODY_SIZE, text);
  }
}


/* The title, the file's name, the verdict with its reason, the provenance signals, and the
 * confidence score. */
static void
write_verdict (Layout         *layout,
               ClVerification *verification)
{
  g_autofree char *name = g_path_get_basename (verification->path);

  set_font (layout, TITLE_SIZE, TRUE);
  show_wrapped (layout, MARGIN, TITLE_SIZE, _("Content Credentials report"));
  layout->y += 4;
  set_font (layout, BODY_SIZE, FALSE);
  show_wrapped (layout, MARGIN, BODY_SIZE, name);
  layout->y += 8;

  set_font (layout, HEADING_SIZE, TRUE);
  show_wrapped (layout, MARGIN, HEADING_SIZE, cl_verdict_describe (verification->verdict));
  if (verification->recovered)
    paragraph (layout, 0, _("Credentials recovered from your proof cache"));
  paragraph (layout, 0, verification->reason);
  if (verification->test_certificate)
    paragraph (layout, 0, _("Test certificate: signed with a certificate made for testing, "
                            "which says nothing about who made the image"));
  write_signals (layout, verification->signals);
  if (verification->confidence != NULL) {
    g_autofree char *score = g_strdup_printf (_("Confidence: %u / 100 (%s)"),
                                              verification->confidence->score,
                                              cl_confidence_level_describe (verification->confidence->level));

    layout->y += 4;
    set_font (layout, BODY_SIZE, TRUE);
    show_wrapped (layout, MARGIN, BODY_SIZE, score);
  }
}


/* The top of the first page: the thumbnail at the top right, and the verdict beside it,
 * kept left of it; the sections below take the whole width again. */
static void
write_header (Layout         *layout,
              ClVerification *verification)
{
  g_autoptr(GdkPixbuf) thumbnail = load_thumbnail (verification);

  if (thumbnail != NULL)
    layout->right = draw_thumbnail (layout, thumbnail) - 12;
  write_verdict (layout, verification);
  if (thumbnail != NULL)
    layout->y = MAX (layout->y, MARGIN + gdk_pixbuf_get_height (thumbnail) + 8);
  layout->right = PAGE_WIDTH - MARGIN;
}


static void
write_confidence (Layout       *layout,
                  ClConfidence *confidence)
{
  if (confidence == NULL)
    return;
  heading (layout, _("Confidence breakdown"));
  for (guint i = 0; i < confidence->components->len; i++) {
    ClConfidenceComponent *c = g_ptr_array_index (confidence->components, i);
    g_autofree char *points = g_strdup_printf ("%u / %u — %s", c->points, c->weight, c->reason);

    field (layout, c->title, points);
  }
  field (layout, _("Capped because"), confidence->cap_reason);
}


static void
write_error (Layout       *layout,
             const GError *error)
{
  if (error == NULL)
    return;
  heading (layout, _("Error"));
  paragraph (layout, 0, error->message);
}


/* The file's digest, when the report was made, and by which version. */
static void
write_about (Layout         *layout,
             ClVerification *verification)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *generated = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  g_autofree char *version = g_strdup_printf ("CredLink %s", PACKAGE_VERSION);

  heading (layout, _("About this report"));
  if (verification->report != NULL) {
    g_autofree char *sha = hex (verification->report->file_sha256,
                                sizeof verification->report->file_sha256);

    field (layout, _("File SHA-256"), sha);
  }
  field (layout, _("Generated"), generated);
  field (layout, _("Made by"), version);
}


gboolean
cl_pdf_report_write (ClVerification  *verification,
                     ClTrustStore    *store,
                     const char      *path,
                     GError         **error)
{
  g_autoptr(ClTrustStore) default_store = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  Layout layout = { NULL, MARGIN, PAGE_WIDTH - MARGIN, 1 };

  g_return_val_if_fail (verification != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (store == NULL)
    store = default_store = cl_trust_store_dup_default ();
  surface = cairo_pdf_surface_create (path, PAGE_WIDTH, PAGE_HEIGHT);
  layout.cr = cairo_create (surface);
  cairo_set_source_rgb (layout.cr, 0.1, 0.1, 0.1);

  write_header (&layout, verification);
  write_confidence (&layout, verification->confidence);
  write_error (&layout, verification->error);
  if (verification->trust != NULL)
    write_signer (&layout, verification, store);
  write_chain (&layout, verification->trust);
  write_edits_and_camera (&layout, verification->report);
  write_codes (&layout, verification->report);
  write_about (&layout, verification);

  cairo_show_page (layout.cr);
  cairo_destroy (layout.cr);
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

  if (g_task_return_error_if_cancelled (task))
    return;
  if (cl_pdf_report_write (write->verification, NULL, write->path, &error))
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
