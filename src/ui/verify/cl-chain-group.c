/* cl-chain-group.c: one expander row per certificate of the signer's chain,
 * signer first: names, validity, key, usages, fingerprint, revocation and
 * every check the trust engine made, each marked pass, warn or fail.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-chain-group"

#include "config.h"

#include <glib/gi18n.h>
#include <openssl/x509v3.h>

#include "cl-a11y.h"
#include "cl-chain-group.h"
#include "cl-detail-rows.h"
#include "cl-x509.h"

struct _ClChainGroup
{
  AdwPreferencesGroup  parent_instance;

  GPtrArray           *rows;   /* the expander rows, borrowed */
  ClTrustResult       *trust;  /* what the rows show (their certificates live here) */
};

G_DEFINE_FINAL_TYPE (ClChainGroup, cl_chain_group, ADW_TYPE_PREFERENCES_GROUP)


/* A self-signed authority is a root, whether a list trusts it or the chain just ends on
 * it; an anchor that is not self-signed is an intermediate a list trusts. */
static const char *
role_text (ClCertReport *cert)
{
  gboolean root = cert->cert != NULL && (X509_get_extension_flags (cert->cert) & EXFLAG_SS) != 0;

  switch (cert->role) {
  case CL_CERT_ROLE_SIGNER: return _("Signer");
  case CL_CERT_ROLE_INTERMEDIATE:
    return root ? _("Root authority") : _("Intermediate authority");
  case CL_CERT_ROLE_ANCHOR:
  default:
    if (root)
      return cert->from_list ? _("Root authority (from your trust list)") : _("Root authority");
    return cert->from_list ? _("Trust anchor (from your trust list)") : _("Trust anchor");
  }
}


static const char *
outcome_icon (ClCheckOutcome outcome)
{
  switch (outcome) {
  case CL_CHECK_PASS: return "emblem-ok-symbolic";
  case CL_CHECK_WARN: return "dialog-warning-symbolic";
  case CL_CHECK_FAIL: return "dialog-error-symbolic";
  case CL_CHECK_INFO:
  default:
    return "dialog-information-symbolic";
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


static const char *
outcome_class (ClCheckOutcome outcome)
{
  switch (outcome) {
  case CL_CHECK_PASS: return "success";
  case CL_CHECK_WARN: return "warning";
  case CL_CHECK_FAIL: return "error";
  case CL_CHECK_INFO:
  default:
    return "dim-label";
  }
}


static void
add_child (AdwExpanderRow *expander,
           const char     *title,
           const char     *value)
{
  if (value != NULL && *value != '\0')
    adw_expander_row_add_row (expander, cl_detail_row_new (title, value));
}


static char *
validity_text (X509 *cert)
{
  gint64 from = 0, until = 0;
  g_autofree char *from_text = NULL;
  g_autofree char *until_text = NULL;

  if (!cl_asn1_time_to_unix (X509_get0_notBefore (cert), &from) ||
      !cl_asn1_time_to_unix (X509_get0_notAfter (cert), &until))
    return NULL;
  from_text = cl_detail_format_time (from);
  until_text = cl_detail_format_time (until);
  /* Translators: a certificate's validity, "from DATE until DATE" */
  return g_strdup_printf (_("%s until %s"), from_text, until_text);
}


static char *
eku_text (X509 *cert)
{
  g_auto(GStrv) ekus = cl_x509_extended_key_usages (cert);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  if (ekus == NULL || ekus[0] == NULL)
    return NULL;
  for (guint i = 0; ekus[i] != NULL; i++) {
    const char *name = cl_x509_eku_name (ekus[i]);

    g_ptr_array_add (names, name != NULL ? g_strdup_printf ("%s (%s)", name, ekus[i])
                                         : g_strdup (ekus[i]));
  }
  g_ptr_array_add (names, NULL);
  return g_strjoinv (", ", (char **) names->pdata);
}


static void expanded_cb (AdwExpanderRow *expander,
                         GParamSpec     *pspec,
                         gpointer        user_data);

static GtkWidget *
cert_row_new (ClCertReport *cert)
{
  GtkWidget *row = adw_expander_row_new ();
  AdwExpanderRow *expander = ADW_EXPANDER_ROW (row);
  g_autofree char *name = cl_x509_display_name (cert->cert);
  guint n_failed = 0, n_warned = 0;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  cl_a11y_name_expander_row (expander);
  for (guint i = 0; i < cert->checks->len; i++) {
    ClCertCheck *check = g_ptr_array_index (cert->checks, i);

    n_failed += check->outcome == CL_CHECK_FAIL;
    n_warned += check->outcome == CL_CHECK_WARN;
  }
  {
    g_autofree char *subtitle = NULL;

    if (n_failed > 0)
      subtitle = g_strdup_printf (ngettext ("%s — %u check failed", "%s — %u checks failed",
                                            n_failed), role_text (cert), n_failed);
    else if (n_warned > 0)
      subtitle = g_strdup_printf (ngettext ("%s — %u warning", "%s — %u warnings", n_warned),
                                  role_text (cert), n_warned);
    else
      subtitle = g_strdup (role_text (cert));
    adw_expander_row_set_subtitle (expander, subtitle);
  }
  {
    GtkWidget *icon = gtk_image_new_from_icon_name (n_failed > 0 ? outcome_icon (CL_CHECK_FAIL)
                                                    : n_warned > 0 ? outcome_icon (CL_CHECK_WARN)
                                                    : outcome_icon (CL_CHECK_PASS));
    gtk_widget_add_css_class (icon, outcome_class (n_failed > 0 ? CL_CHECK_FAIL
                                                   : n_warned > 0 ? CL_CHECK_WARN : CL_CHECK_PASS));
    gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    outcome_text (n_failed > 0 ? CL_CHECK_FAIL
                                                  : n_warned > 0 ? CL_CHECK_WARN : CL_CHECK_PASS),
                                    -1);
    adw_expander_row_add_prefix (expander, icon);
  }

  g_object_set_data (G_OBJECT (row), "cl-cert", cert);
  g_signal_connect (row, "notify::expanded", G_CALLBACK (expanded_cb), NULL);
  return row;
}


/* The details of a certificate are built when its row is first expanded: a
 * collapsed row costs no layout for them. */
static void
expanded_cb (AdwExpanderRow *expander,
             GParamSpec     *pspec,
             gpointer        user_data)
{
  ClCertReport *cert = g_object_get_data (G_OBJECT (expander), "cl-cert");
  g_autofree char *subject = NULL;
  g_autofree char *issuer = NULL;
  g_autofree char *validity = NULL;
  g_autofree char *key = NULL;
  g_auto(GStrv) usages = NULL;
  g_autofree char *usage_text = NULL;
  g_autofree char *ekus = NULL;
  g_autofree char *fingerprint = NULL;

  if (cert == NULL || !adw_expander_row_get_expanded (expander))
    return;
  g_object_set_data (G_OBJECT (expander), "cl-cert", NULL);
  subject = cl_x509_name_to_string (X509_get_subject_name (cert->cert));
  issuer = cl_x509_name_to_string (X509_get_issuer_name (cert->cert));
  validity = validity_text (cert->cert);
  key = cl_x509_key_description (cert->cert, NULL);
  usages = cl_x509_key_usages (cert->cert);
  usage_text = usages != NULL ? g_strjoinv (", ", usages) : NULL;
  ekus = eku_text (cert->cert);
  fingerprint = cl_x509_sha256_hex (cert->cert);

  add_child (expander, _("Subject"), subject);
  add_child (expander, _("Issuer"), issuer);
  add_child (expander, _("Valid"), validity);
  add_child (expander, _("Key"), key);
  add_child (expander, _("Key usage"), usage_text);
  add_child (expander, _("Extended key usage"), ekus);
  add_child (expander, _("SHA-256 fingerprint"), fingerprint);
  if (cert->list_entity != NULL)
    add_child (expander, _("Organisation on the trust list"), cert->list_entity);
  if (cert->revocation != NULL)
    add_child (expander, _("Revocation"), cert->revocation->detail);

  for (guint i = 0; i < cert->checks->len; i++) {
    ClCertCheck *check = g_ptr_array_index (cert->checks, i);
    GtkWidget *check_row = cl_detail_row_new (check->reason, NULL);
    GtkWidget *icon = gtk_image_new_from_icon_name (outcome_icon (check->outcome));

    gtk_widget_add_css_class (icon, outcome_class (check->outcome));
    gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    outcome_text (check->outcome), -1);
    adw_action_row_set_subtitle (ADW_ACTION_ROW (check_row), outcome_text (check->outcome));
    adw_action_row_add_prefix (ADW_ACTION_ROW (check_row), icon);
    adw_expander_row_add_row (expander, check_row);
  }
}


void
cl_chain_group_set_verification (ClChainGroup   *self,
                                 ClVerification *verification)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (self);

  g_return_if_fail (CL_IS_CHAIN_GROUP (self));

  cl_detail_clear (group, self->rows);
  g_clear_pointer (&self->trust, cl_trust_result_unref);
  if (verification != NULL && verification->trust != NULL) {
    self->trust = cl_trust_result_ref (verification->trust);
    for (guint i = 0; i < verification->trust->certs->len; i++)
      cl_detail_add (group, self->rows,
                     cert_row_new (g_ptr_array_index (verification->trust->certs, i)));
    adw_preferences_group_set_description (group, verification->trust->chain_error);
  }
  gtk_widget_set_visible (GTK_WIDGET (self), self->rows->len > 0);
}


/* Expands the row of the certificate at index (building its details). */
void
cl_chain_group_expand (ClChainGroup *self,
                       guint         index)
{
  g_return_if_fail (CL_IS_CHAIN_GROUP (self));

  if (index < self->rows->len)
    adw_expander_row_set_expanded (g_ptr_array_index (self->rows, index), TRUE);
}


const char *
cl_chain_group_get_role (ClChainGroup *self,
                         guint         index)
{
  g_return_val_if_fail (CL_IS_CHAIN_GROUP (self), NULL);
  g_return_val_if_fail (index < self->rows->len, NULL);
  return adw_expander_row_get_subtitle (g_ptr_array_index (self->rows, index));
}


guint
cl_chain_group_get_n_rows (ClChainGroup *self)
{
  g_return_val_if_fail (CL_IS_CHAIN_GROUP (self), 0);
  return self->rows->len;
}


static void
cl_chain_group_finalize (GObject *object)
{
  ClChainGroup *self = CL_CHAIN_GROUP (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->trust, cl_trust_result_unref);

  G_OBJECT_CLASS (cl_chain_group_parent_class)->finalize (object);
}


static void
cl_chain_group_class_init (ClChainGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = cl_chain_group_finalize;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/credlink/CredLink/cl-chain-group.ui");
}


static void
cl_chain_group_init (ClChainGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}
