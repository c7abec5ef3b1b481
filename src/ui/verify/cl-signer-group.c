/* cl-signer-group.c: who signed, when (by a trusted time-stamp or not), and
 * which of the user's trust lists vouches for the signer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-signer-group"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-cose-crypto.h"
#include "cl-detail-rows.h"
#include "cl-signals.h"
#include "cl-signer-group.h"
#include "cl-status-codes.h"
#include "cl-status-text.h"
#include "cl-x509.h"

struct _ClSignerGroup
{
  AdwPreferencesGroup  parent_instance;

  GPtrArray           *rows;   /* borrowed: the group owns them */
};

G_DEFINE_FINAL_TYPE (ClSignerGroup, cl_signer_group, ADW_TYPE_PREFERENCES_GROUP)


/* The time-stamp of the active manifest that was there but ignored (its status code), or
 * NULL: "no time-stamp" would contradict the code listed below it. */
static const char *
ignored_time_stamp_code (ClValidationReport *report)
{
  static const char *const ignored[] = {
    CL_CODE_TIME_STAMP_MISMATCH, CL_CODE_TIME_STAMP_MALFORMED,
    CL_CODE_TIME_STAMP_OUTSIDE_VALIDITY,
  };

  for (guint i = 0; i < report->statuses->len; i++) {
    const ClStatus *status = g_ptr_array_index (report->statuses, i);

    if (status->ingredient_uri != NULL)
      continue;
    for (gsize j = 0; j < G_N_ELEMENTS (ignored); j++) {
      if (g_strcmp0 (status->code, ignored[j]) == 0)
        return ignored[j];
    }
  }
  return NULL;
}


static char *
signing_time_text (ClValidationReport *report,
                   ClManifestReport   *manifest,
                   ClTrustResult      *trust)
{
  gint64 when;
  g_autofree char *formatted = NULL;

  if (manifest == NULL || manifest->sig_time == NULL ||
      !cl_unix_from_string (manifest->sig_time, &when)) {
    const char *ignored = ignored_time_stamp_code (report);

    if (ignored != NULL)
      /* Translators: %s says what was wrong with the time-stamp, "The time-stamp is
       * damaged and was ignored" */
      return g_strdup_printf (_("No trusted time: %s. The signature was judged at the time of verification"),
                              cl_status_text_describe (ignored));
    return g_strdup (_("No trusted time: the signature carries no time-stamp, so it was judged at the time of verification"));
  }
  formatted = cl_detail_format_time (when);
  /* The time, who vouches for it and whether that authority is trusted, in one sentence. */
  if (manifest->tsa_name != NULL && trust != NULL && !trust->time_is_trusted)
    /* Translators: a date and time, then the time-stamping authority's name */
    return g_strdup_printf (_("%s, time-stamped by %s, which is not on your time-stamping lists"),
                            formatted, manifest->tsa_name);
  if (manifest->tsa_name != NULL)
    /* Translators: a date and time, then the time-stamping authority's name */
    return g_strdup_printf (_("%s, time-stamped by %s (a trusted time-stamping authority)"),
                            formatted, manifest->tsa_name);
  if (trust != NULL && !trust->time_is_trusted)
    /* Translators: %s is a date and time */
    return g_strdup_printf (_("%s (time-stamp not from a trusted authority)"), formatted);
  /* Translators: %s is a date and time */
  return g_strdup_printf (_("%s (trusted time-stamp)"), formatted);
}


/* What the C2PA conforming products list says of the signing product, and a warning when
 * the manifest claims what that product may not. */
static void
add_product_rows (ClSignerGroup             *self,
                  const ClConformingProduct *product,
                  GPtrArray                 *signals)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (self);
  g_autofree char *described = cl_conforming_product_describe (product);
  const ClSignal *disallowed = cl_signals_find_disallowed (signals, product);

  cl_detail_add_row (group, self->rows, _("Conforming product"), described);
  if (disallowed != NULL) {
    /* Translators: %s is a provenance signal ("Captured with a camera") */
    g_autofree char *warning = g_strdup_printf (_("This product may not claim “%s”: the "
                                                  "conformance program does not allow it"),
                                                disallowed->label);
    GtkWidget *row = cl_detail_add_row (group, self->rows, _("Warning"), warning);

    if (row != NULL)
      gtk_widget_add_css_class (row, "signal-warning");
  }
}


void
cl_signer_group_set_verification (ClSignerGroup  *self,
                                  ClVerification *verification)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (self);
  ClManifestReport *manifest;
  ClTrustResult *trust;
  X509 *signer = NULL;
  g_autofree char *name = NULL;
  g_autofree char *organisation = NULL;
  g_autofree char *when = NULL;

  g_return_if_fail (CL_IS_SIGNER_GROUP (self));

  cl_detail_clear (group, self->rows);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  if (verification == NULL || verification->report == NULL ||
      !verification->report->has_manifest)
    return;

  manifest = cl_validation_report_get_active (verification->report);
  trust = verification->trust;
  if (trust != NULL && trust->certs->len > 0)
    signer = ((ClCertReport *) g_ptr_array_index (trust->certs, 0))->cert;

  if (signer != NULL) {
    name = cl_x509_display_name (signer);
    organisation = cl_x509_name_get (X509_get_subject_name (signer), NID_organizationName);
  } else if (manifest != NULL) {
    name = g_strdup (manifest->sig_common_name);
    organisation = g_strdup (manifest->sig_issuer);
  }
  cl_detail_add_row (group, self->rows, _("Name"), name != NULL ? name : _("Unknown"));
  cl_detail_add_row (group, self->rows, _("Organisation"), organisation);
  when = signing_time_text (verification->report, manifest, trust);
  cl_detail_add_row (group, self->rows, _("Signed"), when);

  if (trust != NULL && trust->list_name != NULL) {
    cl_detail_add_row (group, self->rows, _("Trust list"), trust->list_name);
    cl_detail_add_row (group, self->rows, _("Vouched for by"), trust->anchor_entity);
  } else if (trust != NULL) {
    cl_detail_add_row (group, self->rows, _("Trust list"), _("None of your trust lists"));
  }
  if (trust != NULL)
    cl_detail_add_row (group, self->rows, _("Trust"), trust->summary);
  if (trust != NULL && trust->product != NULL)
    add_product_rows (self, trust->product, verification->signals);
  if (manifest != NULL) {
    const char *alg = cl_cose_alg_describe (cl_cose_alg_from_string (manifest->sig_alg));

    cl_detail_add_row (group, self->rows, _("Signature algorithm"),
                       alg != NULL ? alg : manifest->sig_alg);
  }
  gtk_widget_set_visible (GTK_WIDGET (self), self->rows->len > 0);
}


guint
cl_signer_group_get_n_rows (ClSignerGroup *self)
{
  g_return_val_if_fail (CL_IS_SIGNER_GROUP (self), 0);
  return self->rows->len;
}


const char *
cl_signer_group_get_value (ClSignerGroup *self,
                           const char    *title)
{
  g_return_val_if_fail (CL_IS_SIGNER_GROUP (self), NULL);
  return cl_detail_rows_lookup (self->rows, title);
}


static void
cl_signer_group_finalize (GObject *object)
{
  ClSignerGroup *self = CL_SIGNER_GROUP (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (cl_signer_group_parent_class)->finalize (object);
}


static void
cl_signer_group_class_init (ClSignerGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = cl_signer_group_finalize;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/credlink/CredLink/cl-signer-group.ui");
}


static void
cl_signer_group_init (ClSignerGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}
